import { describe, expect, it } from 'vitest';
import { correctionRefusal } from '../../shared/main-courante/correction.js';
import type { MainCouranteEntry } from '../../shared/main-courante/entry.js';
import { batchRefusal } from '../../shared/main-courante/rules.js';
import { initialRoomState, type RoomState } from '../../shared/room-state.js';

const cells = [
  { id: 'ars', label: 'ARS — cellule régionale de crise' },
  { id: 'prefecture', label: 'Préfecture — liaison COD' },
];
const room = (mode: 'exercise' | 'crisis'): RoomState => {
  const state = initialRoomState('salle');
  return { ...state, room: { ...state.room, mode, cells, createdAt: 1_000 } };
};
const entry = (id: string, cell: string | null, over: Partial<MainCouranteEntry> = {}): MainCouranteEntry => ({
  id,
  type: 'decision',
  text: 'Bascule du 15 vers le SAMU 76',
  sessionId: `s-${cell ?? 'dir'}`,
  author: 'Claire',
  role: cell ? 'player' : 'director',
  cell,
  authoredAt: 2_000,
  authoredExerciseTime: null,
  significant: false,
  corrects: null,
  links: {},
  ...over,
});
const ars = { role: 'player' as const, cell: 'ars' };
const prefecture = { role: 'player' as const, cell: 'prefecture' };

describe('who may correct a main courante entry (correctionRefusal)', () => {
  const arsEntry = entry('arsentry1', 'ars');

  it('lets a player correct the entries of their own cell', () => {
    expect(correctionRefusal(room('exercise'), ars, arsEntry)).toBeNull();
  });

  it('refuses a player correcting another cell’s entry, naming the cell by its label', () => {
    const refusal = correctionRefusal(room('exercise'), prefecture, arsEntry);
    expect(refusal?.code).toBe('forbidden');
    expect(refusal?.message).toContain('ARS — cellule régionale de crise');
  });

  it('lets the crisis director correct any entry, not the exercise animator', () => {
    expect(correctionRefusal(room('crisis'), { role: 'director' }, arsEntry)).toBeNull();
    expect(correctionRefusal(room('exercise'), { role: 'director' }, arsEntry)?.code).toBe('forbidden');
  });

  it('refuses observers and evaluators', () => {
    expect(correctionRefusal(room('crisis'), { role: 'observer' }, arsEntry)?.code).toBe('forbidden');
    expect(correctionRefusal(room('exercise'), { role: 'evaluator' }, arsEntry)?.code).toBe('forbidden');
  });

  it('refuses a player correcting the direction’s entry and anyone correcting a system entry', () => {
    expect(correctionRefusal(room('crisis'), ars, entry('direntry1', null))?.code).toBe('forbidden');
    const system = entry('systeme-12', 'ars', { system: { seq: 12, type: 'careMap.statusChanged' } });
    expect(correctionRefusal(room('crisis'), ars, system)?.message).toContain('Entrée système');
    expect(correctionRefusal(room('crisis'), { role: 'director' }, system)?.code).toBe('forbidden');
  });
});

describe('a batch of new entries (batchRefusal) applies the correction rule', () => {
  const now = { wallTime: 10_000, exerciseTime: 0 };
  const known = { entries: new Map([['arsentry1', entry('arsentry1', 'ars')]]), flagIds: new Set<string>(), verificationIds: new Set<string>(), verified: new Map() };

  it('refuses the Préfecture’s correction of an ARS entry and accepts the ARS one', () => {
    const correction = (cell: string) => ({ entries: [entry(`fix-${cell}-1`, cell, { corrects: 'arsentry1', text: 'Vers le SAMU 27' })], flags: [], verifications: [] });
    expect(batchRefusal(correction('prefecture'), known, now, room('exercise'), prefecture)).toMatch(/^Correction refusée : Seule la cellule/);
    expect(batchRefusal(correction('ars'), known, now, room('exercise'), ars)).toBeNull();
  });

  it('refuses a system entry sent by a client', () => {
    const forged = { entries: [entry('systeme-99', 'ars', { system: { seq: 99, type: 'careMap.statusChanged' } })], flags: [], verifications: [] };
    expect(batchRefusal(forged, known, now, room('exercise'), ars)).toContain('Entrée système refusée');
  });
});
