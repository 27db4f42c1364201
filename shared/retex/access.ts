import type { Role } from '../core/roles.js';
import type { Viewer } from '../core/visibility.js';
import type { RoomState } from '../room-state.js';

/**
 * Who may read the RETEX (the report, its exports, the shared plan) and who writes its plan — one rule for
 * the REST routes, the Yjs document and the client: the director and the evaluators always (they write the
 * plan); players and observers read once the director has released it.
 */
export type RetexAccess = 'write' | 'read' | null;

export function retexAccess(viewer: { role: Role }, state: Pick<RoomState, 'retex'>): RetexAccess {
  if (viewer.role === 'director' || viewer.role === 'evaluator') return 'write';
  return state.retex.released ? 'read' : null;
}

/**
 * The audience a report is built for: the director's full log, or the evaluators' (never the animator kit)
 * for everyone else who may read it.
 */
export function retexAudience(viewer: { role: Role }): Viewer {
  return viewer.role === 'director' ? { role: 'director' } : { role: 'evaluator' };
}

/** The room archive (every event, every document) is the director's alone. */
export const exportsArchive = (viewer: { role: Role }): boolean => viewer.role === 'director';
