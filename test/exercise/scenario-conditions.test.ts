import { describe, expect, it } from 'vitest';
import { firstMatchTime, payloadMatches, stimulusDue, type ObservedEvent } from '../../shared/exercise/scenario-conditions.js';
import type { StimulusCondition } from '../../shared/exercise/scenario-stimulus.js';

const minutes = (m: number) => m * 60_000;
const player = { kind: 'participant' as const };

const bascule: StimulusCondition = { kind: 'if_no_event', eventType: 'careMap.basculeSet', match: { samu: '270000359' }, by: '01:00' };
const afterBascule: StimulusCondition = { kind: 'after_event', eventType: 'careMap.basculeSet', match: { samu: '270000359' }, delay: '01:00' };

describe('conditions des stimuli', () => {
  it('compare les chemins pointés du contenu de l’événement', () => {
    expect(payloadMatches({ 'entry.kind': 'decision' }, { entry: { kind: 'decision' } })).toBe(true);
    expect(payloadMatches({ 'entry.kind': 'decision' }, { entry: { kind: 'information' } })).toBe(false);
    expect(payloadMatches(undefined, { anything: 1 })).toBe(true);
  });

  it('ne retient que les événements des participants, du bon type et du bon contenu', () => {
    const events: ObservedEvent[] = [
      { type: 'careMap.basculeSet', exerciseTime: minutes(10), payload: { samu: '270000359' }, actor: { kind: 'system' } },
      { type: 'careMap.basculeSet', exerciseTime: minutes(20), payload: { samu: '760000158' }, actor: player },
      { type: 'careMap.statusChanged', exerciseTime: minutes(25), payload: { samu: '270000359' }, actor: player },
      { type: 'careMap.basculeSet', exerciseTime: minutes(50), payload: { samu: '270000359', to: '760000158' }, actor: player },
    ];
    expect(firstMatchTime(bascule, events)).toBe(minutes(50));
  });

  it('si_aucun : annulé si les joueurs ont agi avant l’échéance, injecté sinon', () => {
    const stimulus = { offset: '01:00', condition: bascule };
    expect(stimulusDue(stimulus, minutes(50))).toEqual({ kind: 'cancelled' });
    expect(stimulusDue(stimulus, minutes(60))).toEqual({ kind: 'cancelled' });
    expect(stimulusDue(stimulus, minutes(61))).toEqual({ kind: 'due', at: minutes(60) });
    expect(stimulusDue(stimulus, null)).toEqual({ kind: 'due', at: minutes(60) });
  });

  it('après : attend l’événement, puis le délai, jamais avant son horaire', () => {
    const stimulus = { offset: '01:00', condition: afterBascule };
    expect(stimulusDue(stimulus, null)).toEqual({ kind: 'waiting' });
    expect(stimulusDue(stimulus, minutes(50))).toEqual({ kind: 'due', at: minutes(110) });
    expect(stimulusDue({ offset: '02:30', condition: afterBascule }, minutes(50))).toEqual({ kind: 'due', at: minutes(150) });
  });

  it('sans condition : à son horaire', () => {
    expect(stimulusDue({ offset: '00:45' }, null)).toEqual({ kind: 'due', at: minutes(45) });
  });
});
