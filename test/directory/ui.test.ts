import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Participant } from '../../shared/core/define.js';
import { directoryMessages } from '../../client/directory/messages.js';
import { DirectorySection } from '../../client/directory/DirectorySection.js';
import { RoomContext } from '../../client/room/room-context.js';
import type { SectionProps } from '../../client/room/section.js';
import { ars, director, pureRoom, run } from '../alert-chain/harness.js';

const dir = join(import.meta.dirname, '../../client/directory');
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.tsx'))
  .map((f) => readFileSync(join(dir, f), 'utf8'))
  .join('\n');

const contacts = [
  {
    id: 'corruss-2',
    actor: 'corruss',
    name: 'Bastien Lefort',
    function: 'Cadre',
    email: null,
    mobile: '+33755443322',
    landline: null,
    rank: 2,
    onCall: [{ days: [1, 2, 3, 4, 5], from: 1080, to: 480 }],
    exercise: false,
  },
  {
    id: 'corruss-1',
    actor: 'corruss',
    name: 'Camille Rousseau',
    function: 'Permanence',
    email: 'camille@corruss.example',
    mobile: null,
    landline: '+33140566000',
    rank: 1,
    onCall: [],
    exercise: true,
  },
];

function render(participant: Participant): string {
  const room = pureRoom({ mode: 'crisis' });
  run(room, director, 'directory.import', { contacts, file: 'annuaire.csv' });
  const me = { sessionId: participant.sessionId ?? '', name: participant.name, role: participant.role ?? 'observer', cell: participant.cell, roomId: 'r1', token: 't' };
  const props: SectionProps = { state: room.state, me, presence: [], send: () => Promise.resolve({ ok: true, seq: 0 }), serverNow: () => 1_700_000_000_000 };
  return renderToStaticMarkup(createElement(RoomContext.Provider, { value: props }, createElement(DirectorySection, props)));
}

describe('the « Annuaire de crise » tab', () => {
  it('has the same message keys in French and English, and every key the screens use', () => {
    expect(Object.keys(directoryMessages.en).sort()).toEqual(Object.keys(directoryMessages.fr).sort());
    const used = [...sources.matchAll(/\bt\('((?:directory|section)\.[A-Za-z0-9_.]+)'/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((key) => !(key in directoryMessages.fr))).toEqual([]);
  });

  it('shows the contacts of an actor by rank, with mailto and tel links, astreinte and exercise flag', () => {
    const html = render(ars);
    expect(html).toContain('<caption>CORRUSS');
    expect(html.indexOf('Camille Rousseau')).toBeLessThan(html.indexOf('Bastien Lefort'));
    expect(html).toContain('href="mailto:camille@corruss.example"');
    expect(html).toContain('href="tel:+33755443322">+33 7 55 44 33 22</a>');
    expect(html).toContain('lun,mar,mer,jeu,ven 18:00-08:00');
    expect(html).toContain('<th scope="col">Participe à l&#x27;exercice</th>');
    // A player reads, the director edits.
    expect(html).not.toContain('directory-import');
    expect(html).not.toContain('Modifier');
  });

  it('gives the director the import, export and edit controls', () => {
    const html = render(director);
    for (const id of ['directory-import', 'directory-export', 'directory-add']) expect(html).toContain(`data-testid="${id}"`);
    expect(html).toContain('aria-label="Retirer Camille Rousseau"');
  });

  it('is a tab of the director and the players only (the server sends no contact to the others anyway)', async () => {
    const { directoryClient } = await import('../../client/directory/feature.js');
    expect(directoryClient.sections?.[0]?.roles).toEqual(['director', 'player']);
  });
});
