import * as Y from 'yjs';
import { systemActor } from '../../shared/core/roles.js';
import type { InvitationRecord, NewEvent, SessionRecord } from '../../server/store/types.js';

let counter = 0;
/** A room id no other test (nor test run sharing the database) uses. */
export const roomId = () => `room-${Date.now().toString(36)}-${++counter}`;

/** A minimal event as handed to `append`. */
export function draft(type: string, payload: unknown = {}, wallTime = 1_700_000_000_000): NewEvent {
  return { type, wallTime, exerciseTime: 1234, actor: systemActor, visibility: 'all', payload };
}

/** The same, seen by the animation team only: the store hashes it with the room's salt. */
export function hidden(type: string, payload: unknown = {}, visibility: NewEvent['visibility'] = 'director'): NewEvent {
  return { ...draft(type, payload), visibility };
}

// Ids and hashes are global (not per room): they carry the room id so that tests sharing a database never collide.
export const invitation = (room: string, id: string, createdAt: number): InvitationRecord => ({
  id: `${room}/${id}`,
  roomId: room,
  role: 'player',
  cell: 'ars',
  label: 'Cellule ARS',
  identity: null,
  createdAt,
  expiresAt: createdAt + 3_600_000,
  revokedAt: null,
});

export const session = (room: string, id: string, invitationId: string | null, createdAt: number): SessionRecord => ({
  id: `${room}/${id}`,
  roomId: room,
  role: 'player',
  cell: 'ars',
  name: `Agent ${id}`,
  invitationId: invitationId && `${room}/${invitationId}`,
  identity: null,
  idTokenHint: null,
  createdAt,
  expiresAt: null,
  revokedAt: null,
});

/** Real Yjs updates: a PostgreSQL compaction merges them, so the contract compares documents, not bytes. */
export function textEdits(...words: string[]): { updates: Uint8Array[]; snapshotOf(count: number): Uint8Array } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (const word of words) doc.getText('t').insert(doc.getText('t').length, word);
  return {
    updates,
    snapshotOf(count) {
      const partial = new Y.Doc();
      for (const u of updates.slice(0, count)) Y.applyUpdate(partial, u);
      return Y.encodeStateAsUpdate(partial);
    },
  };
}

export const textOf = (updates: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
};
