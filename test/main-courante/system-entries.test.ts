import { describe, expect, it } from 'vitest';
import type { RoomEvent } from '../../shared/core/events.js';
import type { Actor } from '../../shared/core/roles.js';
import type { Visibility } from '../../shared/core/visibility.js';
import { systemEntriesOf, systemEntryOf } from '../../shared/main-courante/system-entries.js';
import { initialRoomState, type RoomState } from '../../shared/room-state.js';

const EVREUX = '270000359';
const ROUEN = '760000158';
const names = (finess: string) => ({ [EVREUX]: 'CENTRE HOSPITALIER EVREUX', [ROUEN]: 'CHU ROUEN' })[finess];
const createdAt = 1_000_000;
const state: RoomState = (() => {
  const s = initialRoomState('salle');
  return { ...s, room: { ...s.room, createdAt, cells: [{ id: 'ars', label: 'ARS Normandie — cellule régionale de crise' }] } };
})();
const claire: Actor = { kind: 'participant', sessionId: 's1', name: 'Claire Martin', role: 'player', cell: 'ars' };
let seq = 10;
const event = (type: string, payload: unknown, over: { actor?: Actor; visibility?: Visibility; wallTime?: number; commandId?: string | null } = {}): RoomEvent => ({
  roomId: 'salle',
  seq: ++seq,
  type,
  wallTime: over.wallTime ?? createdAt + 60_000,
  exerciseTime: 300_000,
  actor: over.actor ?? claire,
  visibility: over.visibility ?? 'all',
  payload,
  commandId: over.commandId === undefined ? `c${seq}` : over.commandId,
  prevHash: '',
  hash: '',
});

describe('system entries derived from the room log', () => {
  it('restates a status change as a French sentence naming the establishment, marked system, with both clocks', () => {
    const e = event('careMap.statusChanged', { finess: EVREUX, mode: 'degrade', situation: 'Rançongiciel' });
    const made = systemEntryOf(e, state, true, names);
    expect(made?.entry.text).toMatch(/^Claire Martin \(ARS Normandie\) signale que .*Evreux.* passe en mode dégradé/i);
    expect(made?.entry.text).not.toContain(EVREUX);
    expect(made?.entry.text).not.toContain('ars');
    expect(made?.entry).toMatchObject({
      id: `systeme-${e.seq}`,
      cell: 'ars',
      author: 'Claire Martin',
      authoredAt: e.wallTime,
      authoredExerciseTime: 300_000,
      system: { seq: e.seq, type: 'careMap.statusChanged' },
      links: { finess: EVREUX },
    });
    expect(made?.receipt).toEqual({ receivedAt: e.wallTime, receivedExerciseTime: 300_000, late: false });
  });

  it('restates a bascule du 15 and a published communication', () => {
    const bascule = systemEntryOf(event('careMap.basculeSet', { samu: EVREUX, to: ROUEN }), state, true, names);
    expect(bascule?.entry.text).toMatch(/déclenche la bascule du 15 : les appels de .*Evreux.* sont pris par .*Rouen/i);
    const published = systemEntryOf(event('comms.published', { draftId: 'd1', number: 2, kind: 'communique_presse', title: 'Prise en charge des patients', hash: 'h', text: 'x' }), state, true);
    expect(published?.entry.text).toContain('publie la version 2 du communiqué de presse « Prise en charge des patients »');
  });

  it('restates a délestage and an acknowledgement, but not one given with a reply through a contact’s link (already its own entry)', () => {
    const diversion = systemEntryOf(event('careMap.diversionAdded', { from: EVREUX, to: ROUEN, patients: 'AVC' }), state, true, names);
    expect(diversion?.entry.text).toMatch(/organise un délestage \(AVC\) de .*Evreux.* vers .*Rouen/i);
    const ack = { linkId: 'ars-prefecture', from: 'ars', to: 'prefecture' };
    expect(systemEntryOf(event('alertChain.acknowledged', ack), state, true)?.entry.text).toContain('accuse réception');
    const viaLink = { ...ack, via: { notificationId: 'n1', contact: 'M. Roy', reply: 'Bien reçu' } };
    expect(systemEntryOf(event('alertChain.acknowledged', viaLink), state, true)).toBeNull();
  });

  it('leaves out what not everyone sees, the room’s set-up, and other kinds of events', () => {
    expect(systemEntryOf(event('careMap.statusChanged', { finess: EVREUX, mode: 'arret' }, { visibility: 'director' }), state, true)).toBeNull();
    expect(systemEntryOf(event('careMap.statusChanged', { finess: EVREUX, mode: 'arret' }, { visibility: { cells: ['ars'] } }), state, true)).toBeNull();
    const setUp = event('careMap.statusChanged', { finess: EVREUX, mode: 'arret' }, { actor: { kind: 'system', name: 'ORSAN Room' }, wallTime: createdAt, commandId: null });
    expect(systemEntryOf(setUp, state, false)).toBeNull();
    expect(systemEntryOf(event('room.renamed', { title: 'x' }), state, true)).toBeNull();
  });

  it('says the server’s own changes (a stimulus’s effect) as facts, by ORSAN Room, without a cell', () => {
    const effect = event('careMap.statusChanged', { finess: EVREUX, mode: 'critique' }, { actor: { kind: 'system', name: 'ORSAN Room' }, commandId: null });
    const made = systemEntryOf(effect, state, true, names);
    expect(made?.entry).toMatchObject({ author: 'ORSAN Room', cell: null });
    expect(made?.entry.text).toMatch(/Evreux passe en mode critique/i);
  });

  it('carries no exercise time before the clock starts, and one from the start on', () => {
    const before = event('careMap.statusChanged', { finess: EVREUX, mode: 'degrade' });
    const start = event('clock.changed', { action: 'start', clock: { status: 'running', speed: 1, anchorWall: 0, anchorExercise: 0 } });
    const after = event('careMap.statusChanged', { finess: EVREUX, mode: 'normal' });
    const made = systemEntriesOf([before, start, after], state, false, names);
    expect(made.map((m) => m.entry.authoredExerciseTime)).toEqual([null, 300_000]);
  });
});
