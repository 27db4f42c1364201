import { readdirSync, readFileSync } from 'node:fs';
import { inboxViews } from '../../client/exercise/inbox-triage.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Channel } from '../../shared/core/channels.js';
import { ScenarioLevel } from '../../shared/exercise/scenario.js';
import { StimulusType } from '../../shared/exercise/scenario-stimulus.js';
import { exerciseMessages } from '../../client/exercise/messages.js';

const dir = join(import.meta.dirname, '../../client/exercise');
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.tsx'))
  .map((f) => readFileSync(join(dir, f), 'utf8'))
  .join('\n');

describe('messages of the exercise screens', () => {
  it('has the same keys in French and English, none empty', () => {
    expect(Object.keys(exerciseMessages.en).sort()).toEqual(Object.keys(exerciseMessages.fr).sort());
    for (const lang of [exerciseMessages.fr, exerciseMessages.en]) for (const text of Object.values(lang)) expect(text.trim()).not.toBe('');
  });

  it('has every literal key the screens use', () => {
    const used = [...sources.matchAll(/\bt\('((?:exercise|section)\.[A-Za-z0-9_.]+)'/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter((key) => !(key in exerciseMessages.fr))).toEqual([]);
  });

  it('names every channel, level, stimulus type, status, link kind, inbox view and briefing part the screens build keys for', () => {
    const keys = [
      ...Channel.options.map((c) => `exercise.channel.${c}`),
      ...ScenarioLevel.options.map((l) => `exercise.level.${l}`),
      ...StimulusType.options.map((s) => `exercise.type.${s}`),
      ...['scheduled', 'waiting', 'injected', 'skipped', 'cancelled'].map((s) => `exercise.status.${s}`),
      ...['mainCourante', 'alertLink', 'establishment', 'comms'].map((k) => `exercise.link.${k}`),
      // A main-courante entry is picked from a list, the other kinds are typed with a placeholder.
      ...['alertLink', 'establishment', 'comms'].map((k) => `exercise.link.placeholder.${k}`),
      ...inboxViews.map((v) => `exercise.triage.view.${v}`),
      ...['ack', 'reply', 'link'].map((k) => `exercise.feed.${k}`),
      ...['objectives', 'briefing', 'rules', 'practices', 'glossary'].map((p) => `exercise.briefing.${p}`),
    ];
    expect(keys.filter((key) => !(key in exerciseMessages.fr))).toEqual([]);
  });
});
