import { z } from 'zod';
import type { Role } from './roles.js';

/**
 * Who may ever receive an event. The server keeps one projection per audience and
 * never sends an event outside its visibility: this is how the animator kit stays secret.
 * - `all`: every participant of the room;
 * - `staff`: director and evaluators (evaluation grid, observations);
 * - `director`: the animation team only (scenario, animator notes, stimuli not yet injected);
 * - `{ cells }`: players of those cells, plus director, evaluators and observers;
 * - `responders`: the director and the players, never evaluators or observers: personal data (the crisis
 *   directory's e-mails and phones). Its payloads are hashed by digest, so that an archive can leave them
 *   out and still verify (server/store/hash-chain.ts).
 */
export const Visibility = z.union([z.literal('all'), z.literal('staff'), z.literal('director'), z.literal('responders'), z.object({ cells: z.array(z.string()).min(1) })]);
export type Visibility = z.infer<typeof Visibility>;

/** The viewpoint a participant sees the room from. */
export interface Viewer {
  role: Role;
  cell?: string | undefined;
}

export function isVisibleTo(visibility: Visibility, viewer: Viewer): boolean {
  if (visibility === 'all') return true;
  if (visibility === 'director') return viewer.role === 'director';
  if (visibility === 'staff') return viewer.role === 'director' || viewer.role === 'evaluator';
  if (visibility === 'responders') return viewer.role === 'director' || viewer.role === 'player';
  if (viewer.role !== 'player') return true;
  return viewer.cell !== undefined && visibility.cells.includes(viewer.cell);
}

/**
 * Viewers who see exactly the same events share one audience key, hence one projection.
 * Observers see what every player sees, across cells.
 */
export function audienceKey(viewer: Viewer): string {
  return viewer.role === 'player' ? `player:${viewer.cell ?? ''}` : viewer.role;
}
