import { z } from 'zod';

/**
 * An on-call slot (astreinte) as the ARS writes it in its spreadsheet: `lun-ven 08:00-18:00`,
 * `sam,dim 00:00-24:00`, `lun-ven 18:00-08:00` (overnight: runs into the next morning), several slots separated
 * by `;`, `24/7` or an empty cell for "always". Times are read in Europe/Paris, the room's civil time.
 */
export const OnCallSlot = z.object({
  /** ISO weekdays: 1 = lundi … 7 = dimanche. */
  days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  /** Minutes after midnight, 0–1440. `from > to`: the slot runs over midnight. */
  from: z.number().int().min(0).max(1440),
  to: z.number().int().min(0).max(1440),
});
export type OnCallSlot = z.infer<typeof OnCallSlot>;

const dayNames = ['lun', 'mar', 'mer', 'jeu', 'ven', 'sam', 'dim'] as const;
const dayAliases = new Map<string, number>([
  ...dayNames.map((d, i) => [d, i + 1] as const),
  ['lundi', 1],
  ['mardi', 2],
  ['mercredi', 3],
  ['jeudi', 4],
  ['vendredi', 5],
  ['samedi', 6],
  ['dimanche', 7],
]);

function parseDays(text: string): number[] | string {
  const days = new Set<number>();
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [start, end] = part.split('-').map((d) => d.trim().replace(/\.$/, ''));
    const a = start === undefined ? undefined : dayAliases.get(start);
    if (a === undefined) return `jour inconnu « ${start ?? part} » (lun, mar, mer, jeu, ven, sam, dim)`;
    if (end === undefined) {
      days.add(a);
      continue;
    }
    const b = dayAliases.get(end);
    if (b === undefined) return `jour inconnu « ${end} » (lun, mar, mer, jeu, ven, sam, dim)`;
    for (let d = a; ; d = (d % 7) + 1) {
      days.add(d);
      if (d === b) break;
    }
  }
  return days.size > 0 ? [...days].sort((x, y) => x - y) : 'jours manquants';
}

function parseTime(text: string): number | null {
  const match = /^(\d{1,2})[:h](\d{2})?$/.exec(text.trim());
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2] ?? 0);
  return Number(match[1]) <= 24 && Number(match[2] ?? 0) < 60 && minutes <= 1440 ? minutes : null;
}

/** The slots of an `astreinte` cell, or the reason it cannot be read. An empty cell or `24/7`: always on call (`[]`). */
export function parseOnCall(text: string): OnCallSlot[] | { error: string } {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '' || trimmed === '24/7' || trimmed === 'permanent' || trimmed === 'h24') return [];
  const slots: OnCallSlot[] = [];
  for (const piece of trimmed
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(.+?)\s+(\d{1,2}(?:[:h]\d{2})?)\s*-\s*(\d{1,2}(?:[:h]\d{2})?)$/.exec(piece);
    if (!match) return { error: `astreinte illisible « ${piece} » (attendu : « lun-ven 08:00-18:00 »)` };
    const days = parseDays(match[1]!);
    if (typeof days === 'string') return { error: days };
    const from = parseTime(match[2]!);
    const to = parseTime(match[3]!);
    if (from === null || to === null) return { error: `heure illisible dans « ${piece} »` };
    if (from === to) return { error: `créneau vide dans « ${piece} »` };
    slots.push({ days, from, to });
  }
  return slots;
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** `lun-ven 08:00-18:00; sam 09:00-12:00`, or `24/7`. */
export function formatOnCall(slots: readonly OnCallSlot[]): string {
  if (slots.length === 0) return '24/7';
  return slots.map((s) => `${s.days.map((d) => dayNames[d - 1]).join(',')} ${hhmm(s.from)}-${hhmm(s.to)}`).join('; ');
}

const parisParts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const weekdayIndex = new Map([
  ['Mon', 1],
  ['Tue', 2],
  ['Wed', 3],
  ['Thu', 4],
  ['Fri', 5],
  ['Sat', 6],
  ['Sun', 7],
]);

/** Weekday (1–7) and minutes after midnight of `wallTime` in Europe/Paris. */
export function parisWeekMinute(wallTime: number): { day: number; minute: number } {
  const parts = parisParts.formatToParts(new Date(wallTime));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: weekdayIndex.get(get('weekday')) ?? 1, minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

/** Whether someone with these slots is on call at `wallTime` (no slot: always). */
export function isOnCall(slots: readonly OnCallSlot[], wallTime: number): boolean {
  if (slots.length === 0) return true;
  const { day, minute } = parisWeekMinute(wallTime);
  const previousDay = ((day + 5) % 7) + 1;
  return slots.some((s) => {
    if (s.from < s.to) return s.days.includes(day) && minute >= s.from && minute < s.to;
    // Overnight: the evening part on its own day, the morning part on the next day.
    return (s.days.includes(day) && minute >= s.from) || (s.days.includes(previousDay) && minute < s.to);
  });
}
