import type { Participant } from '../../shared/core/define.js';
import type { Viewer } from '../../shared/core/visibility.js';

/** One participant of each role (a player of each played cell), for tests that ask every role in turn. */
export function oneOfEachRole(prefix: string): Participant[] {
  return [
    { kind: 'participant', sessionId: `${prefix}-dir`, name: 'Directrice', role: 'director' },
    { kind: 'participant', sessionId: `${prefix}-ars`, name: 'Claire', role: 'player', cell: 'ars' },
    { kind: 'participant', sessionId: `${prefix}-pref`, name: 'Paul', role: 'player', cell: 'prefecture' },
    { kind: 'participant', sessionId: `${prefix}-eval`, name: 'Évaluateur', role: 'evaluator' },
    { kind: 'participant', sessionId: `${prefix}-obs`, name: 'Observatrice', role: 'observer' },
  ];
}

/** The audience a participant's projection is built for. */
export const viewerOf = (a: Participant): Viewer => (a.role === 'player' ? { role: 'player', cell: a.cell! } : { role: a.role });
