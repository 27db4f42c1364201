import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 192 random bits, URL-safe: session tokens. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** 130 random bits as 26 base32 characters, grouped for reading aloud: invitation codes. */
export function newInvitationCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(26);
  const chars = Array.from(bytes, (b) => alphabet[b & 31]).join('');
  return chars.match(/.{1,5}/g)!.join('-');
}

/** Codes are compared without their dashes or case, as people type them. */
export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function newId(): string {
  return randomBytes(9).toString('base64url');
}

export function sameSecret(a: string, b: string): boolean {
  const ha = Buffer.from(hashSecret(a));
  const hb = Buffer.from(hashSecret(b));
  return timingSafeEqual(ha, hb);
}
