import { z } from 'zod';
import { conflict } from '../core/errors.js';
import { defineCommand, defineEvent } from '../core/define.js';

/** Whether players and observers may read the RETEX report (directors and evaluators always can). */
export interface RetexState {
  released: boolean;
}
export const initialRetexState: RetexState = { released: false };

export const retexReleased = defineEvent({
  type: 'retex.released',
  description: 'Le directeur ouvre le rapport RETEX à tous les participants.',
  payload: z.object({}),
  apply: (state) => ({ ...state, retex: { released: true } }),
});

export const releaseRetex = defineCommand({
  type: 'retex.release',
  description: 'Ouvrir le rapport RETEX aux joueurs et observateurs.',
  payload: z.object({}),
  allowed: ['director'],
  example: {},
  decide: ({ state }) => {
    if (state.retex.released) throw conflict('Le rapport est déjà ouvert à tous.');
    return [retexReleased.draft({}, 'all')];
  },
});

export const retexEvents = [retexReleased];
export const retexCommands = [releaseRetex];
