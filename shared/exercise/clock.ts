import { z } from 'zod';
import { clockDigits } from '../core/clock-labels.js';

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

/** `5_400_000` → `01:30:00`; negative offsets keep their sign. The digits of shared/core/clock-labels.ts. */
export function formatExerciseTime(ms: number): string {
  return clockDigits(ms);
}
