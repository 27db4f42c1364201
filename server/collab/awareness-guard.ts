import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { z } from 'zod';
import { limits } from '../../shared/core/limits.js';
import type { SessionRecord } from '../store/types.js';
import { UpdateRefused } from './doc-policy.js';

/** How many awareness client ids one connection may speak for (a tab that recreated its document has two). */
const maxClientIdsPerConnection = 4;

/** An awareness message holding more than this cannot be states this connection may send: refused unread. */
export const maxAwarenessMessageBytes = maxClientIdsPerConnection * (limits.maxAwarenessStateBytes + 32);

export interface AwarenessOwnership {
  /** Ids this connection already speaks for. */
  own: Set<number>;
  /** True when another connection of the document speaks for `clientId`. */
  ownedElsewhere(clientId: number): boolean;
}

const YId = z.strictObject({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() });
/** A Yjs relative position as JSON: `Y.relativePositionToJSON`, or a `Y.RelativePosition` stringified (nulls kept). */
const RelativePosition = z.strictObject({ type: YId.nullish(), tname: z.string().max(100).nullish(), item: YId.nullish(), assoc: z.number().int().nullish() });
/** The caret of y-prosemirror (TipTap `CollaborationCaret`): where the selection starts and ends, or none. */
const Cursor = z.strictObject({ anchor: RelativePosition, head: RelativePosition }).nullable();
const Color = z.string().regex(/^#[0-9a-fA-F]{3,8}$/);

/**
 * Rewrites an awareness update from a connection before it is applied and relayed: drops the states of clients
 * it does not own, keeps only the fields our clients use — `user.color` and the caret (`cursor`) when well
 * formed — and stamps `user.name`, `user.role` and `user.cell` from the session, so a caret or a presence badge
 * can never show another person's name, nor carry anything else to every peer. Throws `UpdateRefused`
 * ('tooLarge') for a state above `limits.maxAwarenessStateBytes`. Returns null when nothing is left.
 */
export function guardAwareness(update: Uint8Array, session: SessionRecord, ownership: AwarenessOwnership): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: Array<{ clientId: number; clock: number; state: string }> = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarString(decoder);
    if (Buffer.byteLength(raw) > limits.maxAwarenessStateBytes) {
      throw new UpdateRefused(`État de présence trop volumineux (${limits.maxAwarenessStateBytes} octets au plus) : il n'a pas été relayé.`, 'tooLarge');
    }
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
  // `null` is how a client says it left; anything that is not a record carries nothing we relay.
  if (state === null) return 'null';
  if (typeof state !== 'object' || Array.isArray(state)) return '{}';
  const user: unknown = Object.hasOwn(state, 'user') ? (state as { user: unknown }).user : undefined;
  const color = user && typeof user === 'object' && Object.hasOwn(user, 'color') ? Color.safeParse((user as { color: unknown }).color) : null;
  const cursor = Object.hasOwn(state, 'cursor') ? Cursor.safeParse((state as { cursor: unknown }).cursor) : null;
  return JSON.stringify({
    user: { ...(color?.success ? { color: color.data } : {}), name: session.name, role: session.role, cell: session.cell },
    ...(cursor?.success ? { cursor: cursor.data } : {}),
  });
}
