import { defineClientFeature } from '../app/client-feature.js';
import { notificationsMessages } from './messages.js';

/**
 * Outbound alerts (mail, SMS, telephone). No tab of its own: its components live where a cell works — the
 * link card and the alert form of the chain (client/alert-chain/), the director's outbox in the animation
 * console (exercise) or under the chain (real crisis). This feature brings their messages.
 */
export const notificationsClient = defineClientFeature({ id: 'notifications', messages: notificationsMessages });
