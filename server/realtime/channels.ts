import { audienceKey, isVisibleTo, type Viewer } from '../../shared/core/visibility.js';
import type { RoomEvent } from '../../shared/core/events.js';
import type { RoomState } from '../../shared/room-state.js';
import { viewerOfAudience } from '../rooms/projections.js';

/** Every socket of a room joins `room:<id>` (presence) and the channel of its audience (events). */
export const roomChannel = (roomId: string) => `room:${roomId}`;
export const audienceChannel = (roomId: string, viewer: Viewer) => `room:${roomId}:${audienceKey(viewer)}`;
export const sessionChannel = (sessionId: string) => `session:${sessionId}`;

/** The audiences a room can have: its fixed roles plus one per played cell. */
export function audiencesOf(state: RoomState): Viewer[] {
  const fixed: Viewer[] = [{ role: 'director' }, { role: 'evaluator' }, { role: 'observer' }];
  return [...fixed, ...state.room.cells.map((c): Viewer => ({ role: 'player', cell: c.id }))];
}

/** The channels an event may be sent to: exactly the audiences its visibility admits. */
export function channelsFor(event: RoomEvent, state: RoomState): string[] {
  return audiencesOf(state)
    .filter((viewer) => isVisibleTo(event.visibility, viewer))
    .map((viewer) => audienceChannel(event.roomId, viewer));
}

export { viewerOfAudience };
