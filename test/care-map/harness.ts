import { readFileSync } from 'node:fs';
import type { Participant } from '../../shared/core/define.js';
import { DomainError, describeZodError } from '../../shared/core/errors.js';
import type { EventDraft, RoomEvent } from '../../shared/core/events.js';
import { systemActor, type Actor, type Role } from '../../shared/core/roles.js';
import { applyEvent, findCommand } from '../../shared/domain.js';
import { can } from '../../shared/permissions.js';
import { initialRoomState, type RoomState } from '../../shared/room-state.js';

/** Reads a shipped file of `scenarios/regions/`. */
export const regionFile = (path: string) => readFileSync(new URL(`../../scenarios/regions/${path}`, import.meta.url), 'utf8');

export const participant = (role: Role, cell?: string, name = `${role}${cell ? `-${cell}` : ''}`): Participant => ({
  kind: 'participant',
  sessionId: `s-${name}`,
  name,
  role,
  ...(cell ? { cell } : {}),
});

export const ars = participant('player', 'ars', 'Cadre ARS');
export const prefecture = participant('player', 'prefecture', 'Liaison préfecture');
export const director = participant('director', undefined, 'Animatrice');

/**
 * A room in memory that runs commands the way the server does (permission matrix → zod → decide → apply),
 * with a controllable wall clock. Refusals come back as the DomainError thrown.
 */
export class MemoryRoom {
  state: RoomState = initialRoomState('room-test');
  readonly log: RoomEvent[] = [];
  wallTime = 1_700_000_000_000;

  append(drafts: EventDraft[], actor: Actor = systemActor): RoomEvent[] {
    const events = drafts.map((d) => {
      const event: RoomEvent = {
        roomId: 'room-test',
        seq: this.state.seq + 1,
        type: d.type,
        wallTime: this.wallTime,
        exerciseTime: 60_000 * this.log.length,
        actor,
        visibility: d.visibility,
        payload: d.payload,
        commandId: null,
        prevHash: '',
        hash: '',
      };
      this.state = applyEvent(this.state, event);
      this.log.push(event);
      return event;
    });
    return events;
  }

  run(actor: Participant, type: string, payload: unknown): RoomEvent[] {
    const spec = findCommand(type);
    if (!spec) throw new Error(`unknown command ${type}`);
    if (!can(actor, type)) throw new DomainError('forbidden', `role ${actor.role}`);
    const parsed = spec.payload.safeParse(payload);
    if (!parsed.success) throw new DomainError('invalid', describeZodError(parsed.error));
    const drafts = spec.decide({ state: this.state, payload: parsed.data, actor, now: { wallTime: this.wallTime, exerciseTime: 0 } });
    return this.append(drafts, actor);
  }

  /** The error code a refused command gets, or 'ok'. */
  outcome(actor: Participant, type: string, payload: unknown): string {
    try {
      this.run(actor, type, payload);
      return 'ok';
    } catch (error) {
      if (error instanceof DomainError) return error.code;
      throw error;
    }
  }
}
