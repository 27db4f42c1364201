import { createHash, randomBytes } from 'node:crypto';

/**
 * The one-click acknowledgement link's token: `<room id>.<32 base64url chars>` — 192 random bits, one per
 * attempt of each message. Only its sha256 is stored (in the `notification.attempted` event); the room id
 * in front only says which room's log to look in.
 */
const TokenPattern = /^([a-z2-9]{6,40})\.([A-Za-z0-9_-]{32})$/;

export function newAckToken(roomId: string): string {
  return `${roomId}.${randomBytes(24).toString('base64url')}`;
}

export const hashAckToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The room a token points at, or null for anything that is not a token's shape. */
export function roomOfAckToken(token: string): string | null {
  return TokenPattern.exec(token)?.[1] ?? null;
}
