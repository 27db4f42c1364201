import { z } from 'zod';

/**
 * The exercise clock, owned by the server. Exercise time is linear between anchors:
 * while running, `anchorExercise + (wall - anchorWall) * speed`; otherwise frozen at `anchorExercise`.
 * Every clock event carries new anchors, so replaying the log rebuilds the clock exactly.
 */
export const ClockStatus = z.enum(['not_started', 'running', 'paused', 'ended']);
export type ClockStatus = z.infer<typeof ClockStatus>;

export const minSpeed = 1;
export const maxSpeed = 10;
export const Speed = z.number().min(minSpeed).max(maxSpeed);

export const ClockState = z.object({
  status: ClockStatus,
  speed: Speed,
  anchorWall: z.number().int(),
  anchorExercise: z.number().int(),
});
export type ClockState = z.infer<typeof ClockState>;

export const initialClock: ClockState = { status: 'not_started', speed: 1, anchorWall: 0, anchorExercise: 0 };

export function exerciseTimeAt(clock: ClockState, wallTime: number): number {
  if (clock.status !== 'running') return clock.anchorExercise;
  return Math.floor(clock.anchorExercise + (wallTime - clock.anchorWall) * clock.speed);
}

/** The wall time at which the clock reaches `exerciseTime`, or null if it is not running or already past it. */
export function wallTimeWhen(clock: ClockState, exerciseTime: number): number | null {
  if (clock.status !== 'running') return null;
  return clock.anchorWall + Math.ceil((exerciseTime - clock.anchorExercise) / clock.speed);
}

/** `5_400_000` → `01:30:00`; negative offsets keep their sign. */
export function formatExerciseTime(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${sign}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
