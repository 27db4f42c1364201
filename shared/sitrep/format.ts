import { formatExerciseTime, type ClockState } from '../exercise/clock.js';
import type { RoomMode } from '../room/state.js';
import type { SitrepPoint, SitrepStatus } from './state.js';

/**
 * How a point's times are said, on the clock that counts in the room: the wall clock in a real crisis
 * (« 14 h 00 », Paris time, as the Préfecture writes it), exercise time in an exercise (« T+02:00 »), where the
 * wall clock means nothing to the scenario.
 */
const parisTime = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });

/** `14 h 00`. */
export const hourSaid = (wallTime: number) => parisTime.format(wallTime).replace(':', ' h ');

/** `T+02:00`. */
export const exerciseSaid = (exerciseTime: number) => `T+${formatExerciseTime(exerciseTime).replace(/:\d{2}$/, '')}`;

/** A time the room knows on both clocks. */
export const timeSaid = (mode: RoomMode, at: { wallTime: number; exerciseTime: number }) => (mode === 'crisis' ? hourSaid(at.wallTime) : exerciseSaid(at.exerciseTime));

/** A due time of the schedule (exercise ms), said on the room's clock (its wall time at the clock's pace). */
export function dueSaid(mode: RoomMode, clock: ClockState, dueAt: number): string {
  const wallTime = clock.anchorWall + Math.round((dueAt - clock.anchorExercise) / clock.speed);
  return timeSaid(mode, { wallTime, exerciseTime: dueAt });
}

/** `Point de situation n°3 — 14 h 00`. */
export const sitrepTitle = (mode: RoomMode, point: Pick<SitrepPoint, 'n' | 'at'>) => `Point de situation n°${point.n} — ${timeSaid(mode, point.at)}`;

export const sitrepStatusLabels: Record<SitrepStatus, string> = { brouillon: 'brouillon', soumis: 'soumis', valide: 'validé', fige: 'figé' };

export const recipientLabels = { cod: 'COD (Préfecture)', corruss: 'CORRUSS', 'direction-ars': "Direction de l'ARS" } as const;
