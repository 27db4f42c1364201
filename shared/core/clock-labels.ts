import { z } from 'zod';

/**
 * How every screen writes a time, and which clock it is on. A room has up to three clocks:
 * - exercise time, from DEBEX (or from the opening of a crisis room): « T+00:50:00 »;
 * - the scenario's simulated time of day, when the scenario sets one for T0: « 08 h 50 (simulée) »;
 * - the wall clock of the people in the room: « 14:02 (heure réelle) ».
 * A time shown without its clock was the source of the confusion of issue 18 (a wall time read as exercise
 * time), so every label here says its clock; pure functions, French first with English variants.
 */

export type ClockLang = 'fr' | 'en';

const words = {
  fr: { simulated: 'simulée', wall: 'heure réelle', before: 'avant', day: 'J' },
  en: { simulated: 'simulated', wall: 'real time', before: 'by', day: 'D' },
} as const;

const langOf = (lang: string | undefined): ClockLang => (lang === 'en' ? 'en' : 'fr');
const two = (n: number) => String(n).padStart(2, '0');
const dayMs = 24 * 60 * 60_000;

/** The simulated time of day at T0 (DEBEX), as a scenario writes it: `"08:00"`. */
export const SimulatedStart = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: (issue) => `heure « HH:MM » attendue (00:00 à 23:59), reçu « ${String(issue.input)} »` });
export type SimulatedStart = z.infer<typeof SimulatedStart>;

/**
 * `5_400_000` → `01:30:00`; negative offsets keep their sign (`-00:10:00`).
 * @example clockDigits(750_000) // '00:12:30'
 */
export function clockDigits(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  return `${sign}${two(Math.floor(total / 3600))}:${two(Math.floor((total % 3600) / 60))}:${two(total % 60)}`;
}

/**
 * Exercise time: `T+00:12:30`, or `T+00:12` where space is short; `T-00:05:00` before DEBEX; `—` when none.
 * @example exerciseTimeLabel(750_000) // 'T+00:12:30'
 */
export function exerciseTimeLabel(exerciseTime: number | null, precision: 'seconds' | 'minutes' = 'seconds'): string {
  if (exerciseTime === null) return '—';
  const digits = clockDigits(Math.abs(exerciseTime));
  return `T${exerciseTime < 0 ? '-' : '+'}${precision === 'minutes' ? digits.replace(/:\d{2}$/, '') : digits}`;
}

/**
 * The scenario's time of day at an exercise time, without its clock word: `08 h 50` (`08:50` in English).
 * Past midnight or before the simulated day, the day offset comes first: `J+1 00 h 10`, `J-1 23 h 50`.
 * @example simulatedTimeOfDay('08:00', 50 * 60_000) // '08 h 50'
 */
export function simulatedTimeOfDay(simulatedStart: SimulatedStart, exerciseTime: number, lang?: string): string {
  const l = langOf(lang);
  const [hours = 0, minutes = 0] = simulatedStart.split(':').map(Number);
  const at = (hours * 60 + minutes) * 60_000 + Math.floor(exerciseTime / 60_000) * 60_000;
  const day = Math.floor(at / dayMs);
  const inDay = at - day * dayMs;
  const hh = two(Math.floor(inDay / 3_600_000));
  const mm = two(Math.floor((inDay % 3_600_000) / 60_000));
  const time = l === 'fr' ? `${hh} h ${mm}` : `${hh}:${mm}`;
  return day === 0 ? time : `${words[l].day}${day > 0 ? '+' : ''}${day} ${time}`;
}

/**
 * The simulated time of day with its clock: `08 h 50 (simulée)`, `08:50 (simulated)`.
 * @example simulatedTimeLabel('08:00', 50 * 60_000) // '08 h 50 (simulée)'
 */
export function simulatedTimeLabel(simulatedStart: SimulatedStart, exerciseTime: number, lang?: string): string {
  return `${simulatedTimeOfDay(simulatedStart, exerciseTime, lang)} (${words[langOf(lang)].simulated})`;
}

/**
 * The wall clock without its clock word, in the viewer's language and time zone (or `timeZone`): `14:02`,
 * `14:02:05` where the second matters (main courante, comms versions).
 */
export function wallTimeText(wallTime: number, { lang, seconds = false, timeZone }: { lang?: string; seconds?: boolean; timeZone?: string } = {}): string {
  return new Date(wallTime).toLocaleTimeString(langOf(lang) === 'en' ? 'en-GB' : 'fr-FR', {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    ...(timeZone ? { timeZone } : {}),
  });
}

/**
 * The wall clock with its clock: `14:02 (heure réelle)`, `14:02 (real time)`.
 * @example wallTimeLabel(Date.UTC(2026, 0, 15, 13, 2), { timeZone: 'Europe/Paris' }) // '14:02 (heure réelle)'
 */
export function wallTimeLabel(wallTime: number, options: { lang?: string; seconds?: boolean; timeZone?: string } = {}): string {
  return `${wallTimeText(wallTime, options)} (${words[langOf(options.lang)].wall})`;
}

/** What a moment of the room is written with: its exercise time, its wall time if known, the scenario's T0. */
export interface Moment {
  exerciseTime: number;
  wallTime?: number | null;
  /** The scenario's simulated time of day at T0; null in a crisis or a scenario without one. */
  simulatedStart?: SimulatedStart | null;
  lang?: string;
  seconds?: boolean;
  timeZone?: string;
}

/**
 * A moment as every card writes it, each part with its clock: `T+00:50:00 · 08 h 50 (simulée)` when the
 * scenario has a simulated time of day, else `T+00:50:00 · 14:02 (heure réelle)` (or `T+00:50:00` alone
 * when the wall time is unknown).
 * @example momentLabel({ exerciseTime: 50 * 60_000, simulatedStart: '08:00' }) // 'T+00:50:00 · 08 h 50 (simulée)'
 */
export function momentLabel({ exerciseTime, wallTime = null, simulatedStart = null, lang, seconds, timeZone }: Moment): string {
  const exercise = exerciseTimeLabel(exerciseTime);
  if (simulatedStart) return `${exercise} · ${simulatedTimeLabel(simulatedStart, exerciseTime, lang)}`;
  if (wallTime !== null) return `${exercise} · ${wallTimeLabel(wallTime, { lang, seconds, timeZone })}`;
  return exercise;
}

/**
 * A deadline on the exercise clock: `avant T+00:30 · 08 h 30 simulée`, or `avant T+00:30` without a simulated
 * time of day (`by T+00:30 · 08:30 simulated` in English).
 * @example deadlineLabel(30 * 60_000, '08:00') // 'avant T+00:30 · 08 h 30 simulée'
 */
export function deadlineLabel(exerciseTime: number, simulatedStart: SimulatedStart | null | undefined, lang?: string): string {
  const l = langOf(lang);
  const by = `${words[l].before} ${exerciseTimeLabel(exerciseTime, 'minutes')}`;
  return simulatedStart ? `${by} · ${simulatedTimeOfDay(simulatedStart, exerciseTime, l)} ${words[l].simulated}` : by;
}
