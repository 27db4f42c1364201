import { z } from 'zod';

/**
 * Offsets from DEBEX as authors write them in a chronogramme: `HH:MM` or `HH:MM:SS`.
 * Hours take two or three digits because a long exercise (or a replayed crisis) may run past 99 h.
 */
const offsetPattern = /^(\d{2,3}):([0-5]\d)(?::([0-5]\d))?$/;

/** An offset from DEBEX, kept as text in the scenario file so that it reads like the paper chronogramme. */
export const Offset = z.string().regex(offsetPattern, {
  error: (issue) => `format « HH:MM » ou « HH:MM:SS » attendu, reçu « ${String(issue.input)} »`,
});
export type Offset = z.infer<typeof Offset>;

/**
 * `"01:30"` → `5_400_000`; `"00:00:45"` → `45_000`.
 * @throws RangeError when the text is not `HH:MM` or `HH:MM:SS` (validate with `Offset` first).
 * @example parseOffset('02:15') // 8_100_000
 */
export function parseOffset(text: string): number {
  const match = offsetPattern.exec(text);
  if (!match) throw new RangeError(`horaire invalide « ${text} » (format « HH:MM » ou « HH:MM:SS » attendu)`);
  const [, hours, minutes, seconds] = match;
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds ?? 0)) * 1000;
}

/**
 * `5_400_000` → `"01:30"`; seconds are shown only when there are some (`"00:00:45"`).
 * Milliseconds are dropped: a chronogramme is written to the second.
 * @throws RangeError on a negative or non-finite duration.
 */
export function formatOffset(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`durée invalide : ${ms}`);
  const total = Math.floor(ms / 1000);
  const hours = String(Math.floor(total / 3600)).padStart(2, '0');
  const minutes = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const seconds = total % 60;
  return seconds === 0 ? `${hours}:${minutes}` : `${hours}:${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** True when `text` is a valid offset. */
export function isOffset(text: string): boolean {
  return offsetPattern.test(text);
}

/** The offset in ms, or null when `text` is not one: for checks that run on data the schema may have refused. */
export function offsetOrNull(text: unknown): number | null {
  return typeof text === 'string' && isOffset(text) ? parseOffset(text) : null;
}
