import { createHash } from 'node:crypto';
import { GENESIS_HASH, type RoomEvent } from '../../shared/core/events.js';
import { canonicalJson } from './canonical-json.js';

/** Every field of an event except its own hash: what the hash covers. */
export type UnhashedEvent = Omit<RoomEvent, 'hash'>;

export function hashEvent(event: UnhashedEvent): string {
  const covered = {
    roomId: event.roomId,
    seq: event.seq,
    type: event.type,
    wallTime: event.wallTime,
    exerciseTime: event.exerciseTime,
    actor: event.actor,
    visibility: event.visibility,
    payload: event.payload,
    commandId: event.commandId,
    prevHash: event.prevHash,
  };
  return createHash('sha256').update(canonicalJson(covered)).digest('hex');
}

export type ChainBreak =
  | { kind: 'sequence'; index: number; expectedSeq: number; foundSeq: number }
  | { kind: 'link'; index: number; seq: number }
  | { kind: 'hash'; index: number; seq: number };

/**
 * Recomputes a room's chain from its first event. Returns the first break found
 * (an altered event, a missing or reordered one), or null when the chain is intact.
 */
export function verifyChain(events: readonly RoomEvent[]): ChainBreak | null {
  let prevHash = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    if (event.seq !== index + 1) return { kind: 'sequence', index, expectedSeq: index + 1, foundSeq: event.seq };
    if (event.prevHash !== prevHash) return { kind: 'link', index, seq: event.seq };
    if (hashEvent(event) !== event.hash) return { kind: 'hash', index, seq: event.seq };
    prevHash = event.hash;
  }
  return null;
}
