import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { SessionRecord } from '../store/types.js';

/** How many awareness client ids one connection may speak for (a tab that recreated its document has two). */
const maxClientIdsPerConnection = 4;

export interface AwarenessOwnership {
  /** Ids this connection already speaks for. */
  own: Set<number>;
  /** True when another connection of the document speaks for `clientId`. */
  ownedElsewhere(clientId: number): boolean;
}

/**
 * Rewrites an awareness update from a connection before it is applied and relayed: drops the states of clients
 * it does not own, and stamps `user.name`, `user.role` and `user.cell` from the session, so a caret or a
 * presence badge can never show another person's name. Returns null when nothing is left.
 */
export function guardAwareness(update: Uint8Array, session: SessionRecord, ownership: AwarenessOwnership): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: Array<{ clientId: number; clock: number; state: string }> = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarString(decoder);
    if (ownership.ownedElsewhere(clientId)) continue;
    if (!ownership.own.has(clientId) && ownership.own.size >= maxClientIdsPerConnection) continue;
    kept.push({ clientId, clock, state: stamp(raw, session) });
  }
  if (kept.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const { clientId, clock, state } of kept) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

function stamp(raw: string, session: SessionRecord): string {
  let state: unknown;
  try {
    state = JSON.parse(raw);
  } catch {
    return 'null';
  }
  if (state === null || typeof state !== 'object' || Array.isArray(state)) return state === null ? 'null' : '{}';
  const record = state as Record<string, unknown>;
  const user = record.user && typeof record.user === 'object' ? (record.user as Record<string, unknown>) : {};
  const { color, ...rest } = user;
  const validColor = typeof color === 'string' && /^#[0-9a-fA-F]{3,8}$/.test(color) ? { color } : {};
  return JSON.stringify({ ...record, user: { ...rest, ...validColor, name: session.name, role: session.role, cell: session.cell } });
}
