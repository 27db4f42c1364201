import type { ActionPriority, ActionStatus } from './state.js';

/** Status and priority as the board, the history, the exports and the RETEX write them. */
export const actionStatusLabels: Record<ActionStatus, string> = { a_faire: 'à faire', en_cours: 'en cours', faite: 'faite', abandonnee: 'abandonnée' };
export const actionPriorityLabels: Record<ActionPriority, string> = { haute: 'haute', normale: 'normale', basse: 'basse' };
export const actionStatuses: readonly ActionStatus[] = ['a_faire', 'en_cours', 'faite', 'abandonnee'];
