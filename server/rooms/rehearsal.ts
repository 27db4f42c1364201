import { DomainError, describeZodError } from '../../shared/core/errors.js';
import { GENESIS_HASH, type RoomEvent } from '../../shared/core/events.js';
import { applyEvent, findEvent } from '../../shared/domain.js';
import { initialRoomState, type RoomState } from '../../shared/room-state.js';

/** An event as decided and stamped, before the store gives it a sequence number and hashes. */
export type StampedDraft = Omit<RoomEvent, 'roomId' | 'seq' | 'commandId' | 'prevHash' | 'hash'>;

/**
 * An event of a room's log that cannot be applied: the room is quarantined (it refuses every change and
 * reports itself on `/readyz`) while every other room of the instance runs on.
 */
export class RoomBrokenError extends Error {
  constructor(
    readonly roomId: string,
    /** The sequence number of the first event that could not be applied. */
    readonly seq: number,
    override readonly cause: unknown,
  ) {
    super(`Room ${roomId}: event ${seq} cannot be applied: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'RoomBrokenError';
  }

  /** What a participant of the room is told. */
  refusal(): DomainError {
    return new DomainError(
      'unavailable',
      `Salle « ${this.roomId} » en quarantaine : son journal ne peut pas être rejoué (événement n° ${this.seq}). ` +
        "Les autres salles fonctionnent ; l'exploitant doit examiner le journal (`npm run verify`).",
    );
  }
}

/** The state a log reduces to; {@link RoomBrokenError} naming the first event a reducer fails on. */
export function replayLog(roomId: string, log: readonly RoomEvent[]): RoomState {
  let state = initialRoomState(roomId);
  for (const event of log) {
    try {
      state = applyEvent(state, event);
    } catch (error) {
      throw new RoomBrokenError(roomId, event.seq, error);
    }
  }
  return state;
}

/**
 * Checks decided drafts before they are appended: each payload against its event type's schema, then every reducer
 * on a copy of the state (the reducers are pure: applying returns a new state and leaves `state` as it was).
 * A failure is a typed refusal of the command; nothing reaches the log. `alsoApply` rehearses the audience
 * projections the same way. Returns the state the drafts lead to: a group commit decides its next command on it.
 */
export function rehearse(roomId: string, state: RoomState, drafts: readonly StampedDraft[], commandId: string | null, alsoApply: (events: readonly RoomEvent[]) => void): RoomState {
  let trial = state;
  const events: RoomEvent[] = [];
  drafts.forEach((draft, index) => {
    // An unknown type changes no state (see `applyEvent`): only a known one has a schema to meet.
    const spec = findEvent(draft.type);
    const parsed = spec?.payload.safeParse(draft.payload);
    if (parsed && !parsed.success) throw refused(`événement « ${draft.type} » non conforme (${describeZodError(parsed.error)})`);
    const event: RoomEvent = { ...draft, roomId, seq: state.seq + index + 1, commandId, prevHash: GENESIS_HASH, hash: GENESIS_HASH };
    try {
      trial = applyEvent(trial, event);
    } catch (error) {
      throw refused(`l'événement « ${draft.type} » ne peut pas être appliqué (${describe(error)})`);
    }
    events.push(event);
  });
  try {
    alsoApply(events);
  } catch (error) {
    throw refused(`une vue de la salle ne peut pas appliquer ces événements (${describe(error)})`);
  }
  return trial;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

const refused = (why: string) => new DomainError('invalid', `Commande refusée avant écriture au journal : ${why}.`);
