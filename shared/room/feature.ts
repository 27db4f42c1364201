import { defineSharedFeature } from '../core/shared-feature.js';
import { roomSentences } from './sentences.js';
import { emptyDict } from '../core/dict.js';
import { roomCommands } from './commands.js';
import { roomEvents } from './events.js';
import type { RoomInfo } from './state.js';

declare module '../room-state.js' {
  interface RoomState {
    /** Identity of the room, its cells, the announcement and the communications check. */
    room: RoomInfo;
  }
}

/** The room itself: creation, title, announcement, check-ins (and the clock's event, shared by every room). */
export const roomFeature = defineSharedFeature({
  id: 'room',
  commands: roomCommands,
  events: roomEvents,
  sentences: roomSentences,
  initialState: (roomId) => ({ room: { id: roomId, mode: 'exercise', title: '', cells: [], createdAt: 0, access: 'code', announcement: null, checkIns: emptyDict() } }),
});
