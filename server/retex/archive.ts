import * as Y from 'yjs';
import { DomainError } from '../../shared/core/errors.js';
import { archiveSealed, type ArchiveSeal } from '../../shared/retex/archive-seal.js';
import { RoomArchive } from '../../shared/retex/archive.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';
import type { Store } from '../store/types.js';
import { docStateHash, verifyArchiveText } from './archive-verify.js';
import { redactPersonalData } from '../store/hash-chain.js';

/**
 * Builds the archive of a room from the store: each Yjs document merged into one state, sealed into the chain
 * by an `archive.sealed` event (the sha256 of each state), and the whole log up to that seal.
 *
 * Each export appends its own seal, so a live room can be exported as often as wanted, its documents still
 * changing: every archive ends with the seal of exactly the states it carries. An imported room is read-only and
 * appends nothing: its log already ends with the seal of the states it was imported with.
 */
export async function buildArchive(store: Store, runtime: RoomRuntime): Promise<RoomArchive> {
  const states: Array<{ name: string; state: Uint8Array }> = [];
  for (const name of (await store.docs.listDocs(runtime.id)).sort()) {
    const updates = await store.docs.loadUpdates(runtime.id, name);
    states.push({ name, state: updates.length > 0 ? Y.mergeUpdates(updates) : new Uint8Array() });
  }
  const seal: ArchiveSeal = { docs: states.map(({ name, state }) => ({ name, sha256: docStateHash(state), bytes: state.length })) };
  const sealed = await runtime.appendSystem(() => [{ type: archiveSealed.type, payload: seal, visibility: 'director' }]);
  // Up to the seal: events appended after it belong to the next export.
  // The crisis directory's e-mails and phones never leave in an archive: their payloads go as digests.
  const events = (await store.events.read(runtime.id, 0, sealed.at(-1)?.seq ?? runtime.state.seq)).map(redactPersonalData);
  const { room } = runtime.state;
  return {
    format: 'orsan-room-archive',
    version: 2,
    exportedAt: new Date().toISOString(),
    room: { id: runtime.id, title: room.title, mode: room.mode },
    chainSalt: await store.events.chainSalt(runtime.id),
    events,
    docs: Object.fromEntries(states.map(({ name, state }) => [name, Buffer.from(state).toString('base64')])),
  };
}

/** Parses and verifies an archive for import; refuses one whose chain is broken or whose documents do not match their seal. */
export function parseVerifiedArchive(data: unknown): RoomArchive {
  let text: string;
  try {
    text = JSON.stringify(data);
  } catch {
    throw new DomainError('invalid', 'Archive refusée : imbriquée trop profondément pour être vérifiée.');
  }
  const verdict = verifyArchiveText(text);
  if (!verdict.intact) throw new DomainError('invalid', `Archive refusée : ${verdict.reason}.`);
  return RoomArchive.parse(data);
}
