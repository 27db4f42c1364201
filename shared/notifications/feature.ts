import type { RoomEvent } from '../core/events.js';
import { defineSharedFeature } from '../core/shared-feature.js';
import { notificationSentences } from './sentences.js';
import type { RoomState } from '../room-state.js';
import { linkAcknowledged } from '../alert-chain/events.js';
import { notificationCommands } from './commands.js';
import { notificationEvents } from './events.js';
import { initialNotificationsState, type NotificationsState } from './state.js';

declare module '../room-state.js' {
  interface RoomState {
    /** The outbox: every e-mail and SMS the room sent (or, in an exercise, would have sent), and how it went. */
    notifications: NotificationsState;
  }
}

/** An acknowledgement through a message's link marks that message. */
function watchLinkAcknowledgements(state: RoomState, event: RoomEvent): RoomState {
  if (!linkAcknowledged.is(event) || !event.payload.via) return state;
  const id = event.payload.via.notificationId;
  const items = state.notifications.items.map((n) => (n.id === id ? { ...n, acknowledgedAt: event.wallTime } : n));
  return { ...state, notifications: { ...state.notifications, items } };
}

/** Outbound alerts: the durable outbox, the simulated outbox of exercises, phone calls and one-click acknowledgements. */
export const notificationsFeature = defineSharedFeature({
  id: 'notifications',
  commands: notificationCommands,
  events: notificationEvents,
  sentences: notificationSentences,
  initialState: () => ({ notifications: initialNotificationsState }),
  watchers: [watchLinkAcknowledgements],
});
