import { describe, expect, it } from 'vitest';
import type { RoomEvent } from '../../shared/core/events.js';
import type { MainCouranteEntry } from '../../shared/main-courante/entry.js';
import { entryAdded, entryVerified } from '../../shared/main-courante/events.js';
import { batchRefusal, type KnownRecords } from '../../shared/main-courante/rules.js';
import { informationMarks, verificationCounts, verificationRefusal, type VerificationRecord } from '../../shared/main-courante/verification.js';
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
  type: 'information',
  text: 'Le CH Eure-Seine signale un chiffrement du DPI',
  sessionId: `s-${cell ?? 'dir'}`,
  author: 'Alice',
  role: cell ? 'player' : 'director',
  cell,
  authoredAt: 2_000,
  authoredExerciseTime: null,
  significant: false,
  corrects: null,
  links: {},
  ...over,
});
const record = (id: string, entryId: string, status: VerificationRecord['status'], cell: string | null, verifiedAt = 3_000): VerificationRecord => ({
  id,
  entryId,
  status,
  sessionId: `s-${cell ?? 'dir'}`,
  author: 'Alice',
  role: cell ? 'player' : 'director',
  cell,
  verifiedAt,
  verifiedExerciseTime: 60_000,
});
const ars = { role: 'player' as const, cell: 'ars' };
const prefecture = { role: 'player' as const, cell: 'prefecture' };

describe('who may verify an information (verificationRefusal)', () => {
  const info = entry('arsinfo1', 'ars');

  it('lets the cell that wrote it declare it vérifiée or infirmée', () => {
    expect(verificationRefusal(room('exercise'), ars, info, 'a_verifier', 'verifiee')).toBeNull();
    expect(verificationRefusal(room('exercise'), ars, info, 'verifiee', 'infirmee')).toBeNull();
  });

  it('refuses another cell, naming the cell that may', () => {
    const refusal = verificationRefusal(room('exercise'), prefecture, info, 'a_verifier', 'verifiee');
    expect(refusal?.code).toBe('forbidden');
    expect(refusal?.message).toBe('Seule la cellule « ARS — cellule régionale de crise » vérifie ses propres entrées.');
  });

  it('lets the crisis director verify any information, not the exercise director nor observers', () => {
    expect(verificationRefusal(room('crisis'), { role: 'director' }, info, 'a_verifier', 'infirmee')).toBeNull();
    expect(verificationRefusal(room('exercise'), { role: 'director' }, info, 'a_verifier', 'infirmee')?.message).toMatch(/^Lecture seule/);
    expect(verificationRefusal(room('crisis'), { role: 'observer' }, info, 'a_verifier', 'verifiee')?.code).toBe('forbidden');
  });

  it('refuses what is not an information, a system entry, and a status the entry already has', () => {
    expect(verificationRefusal(room('exercise'), ars, entry('arsdeci1', 'ars', { type: 'decision' }), 'a_verifier', 'verifiee')?.message).toContain('Seules les informations');
    expect(verificationRefusal(room('exercise'), ars, entry('systeme-4', 'ars', { system: { seq: 4, type: 'careMap.statusChanged' } }), 'a_verifier', 'verifiee')?.message).toContain('Entrée système');
    expect(verificationRefusal(room('exercise'), ars, info, 'verifiee', 'verifiee')?.code).toBe('conflict');
  });
});

describe('a batch carrying verification records (batchRefusal)', () => {
  const now = { wallTime: 10_000, exerciseTime: 0 };
  const known = (verified: VerificationRecord[] = []): KnownRecords => ({
    entries: new Map([['arsinfo1', entry('arsinfo1', 'ars')]]),
    flagIds: new Set(),
    verificationIds: new Set(verified.map((v) => v.id)),
    verified: new Map(verified.map((v) => [v.entryId, v])),
  });
  const batch = (verifications: VerificationRecord[]) => ({ entries: [], flags: [], verifications });

  it('accepts the ARS verifying its information and refuses the Préfecture doing it', () => {
    expect(batchRefusal(batch([record('verif-ars-1', 'arsinfo1', 'verifiee', 'ars')]), known(), now, room('exercise'), ars)).toBeNull();
    expect(batchRefusal(batch([record('verif-pre-1', 'arsinfo1', 'verifiee', 'prefecture')]), known(), now, room('exercise'), prefecture)).toMatch(/^Vérification refusée : Seule la cellule/);
  });

  it('refuses an unknown entry, a reused id, and the same status twice (also within one batch)', () => {
    expect(batchRefusal(batch([record('verif-ars-2', 'inconnue01', 'verifiee', 'ars')]), known(), now, room('exercise'), ars)).toContain("n'existe pas");
    const done = record('verif-ars-3', 'arsinfo1', 'verifiee', 'ars');
    expect(batchRefusal(batch([done]), known([done]), now, room('exercise'), ars)).toContain('déjà utilisé');
    expect(batchRefusal(batch([record('verif-ars-4', 'arsinfo1', 'verifiee', 'ars')]), known([done]), now, room('exercise'), ars)).toContain('déjà vérifiée');
    const twice = [record('verif-ars-5', 'arsinfo1', 'infirmee', 'ars', 3_000), record('verif-ars-6', 'arsinfo1', 'infirmee', 'ars', 3_001)];
    expect(batchRefusal(batch(twice), known(), now, room('exercise'), ars)).toContain('déjà infirmée');
  });

  it('refuses a verification time the device clock could not have given', () => {
    expect(batchRefusal(batch([record('verif-ars-7', 'arsinfo1', 'verifiee', 'ars', 10_000 + 3 * 60_000)]), known(), now, room('exercise'), ars)).toContain('invraisemblable');
  });
});

describe('the counts of information entries by status (room state, reducers)', () => {
  let seq = 0;
  const apply = (state: RoomState, draft: { type: string; payload: unknown }): RoomState => {
    seq += 1;
    const event = { ...draft, seq, wallTime: 5_000, exerciseTime: 0, actor: { kind: 'system' }, visibility: 'all', commandId: null, hash: '', prevHash: '' } as unknown as RoomEvent;
    return draft.type === entryAdded.type
      ? entryAdded.apply(state, entryAdded.payload.parse(draft.payload), event as never)
      : entryVerified.apply(state, entryVerified.payload.parse(draft.payload), event as never);
  };
  const receipt = { receivedAt: 4_000, receivedExerciseTime: 0, late: false };

  it('counts each information « à vérifier » until its cell says otherwise, per cell and for the room; the latest record wins', () => {
    let state = room('exercise');
    const [a, b, c] = [entry('arsinfo1', 'ars'), entry('arsinfo2', 'ars'), entry('preinfo1', 'prefecture')];
    for (const e of [a, b, c, entry('arsdeci1', 'ars', { type: 'decision' })]) state = apply(state, entryAdded.draft({ entry: e, receipt }, 'all'));
    expect(verificationCounts(informationMarks(state.mainCourante.informations))).toEqual({ a_verifier: 3, verifiee: 0, infirmee: 0 });

    state = apply(state, entryVerified.draft({ verification: record('verif-ars-1', a.id, 'verifiee', 'ars', 3_000), entry: a }, 'all'));
    state = apply(state, entryVerified.draft({ verification: record('verif-ars-2', b.id, 'infirmee', 'ars', 3_000), entry: b }, 'all'));
    // An older record merged late (written offline before the one above) does not undo the newer one.
    state = apply(state, entryVerified.draft({ verification: record('verif-ars-0', a.id, 'infirmee', 'ars', 2_500), entry: a }, 'all'));
    expect(verificationCounts(informationMarks(state.mainCourante.informations), 'ars')).toEqual({ a_verifier: 0, verifiee: 1, infirmee: 1 });
    expect(verificationCounts(informationMarks(state.mainCourante.informations), 'prefecture')).toEqual({ a_verifier: 1, verifiee: 0, infirmee: 0 });
    expect(state.mainCourante.verificationCount).toBe(3);
  });
});
