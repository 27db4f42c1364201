import { z } from 'zod';
import { defineCommand } from '../core/define.js';
import { DomainError } from '../core/errors.js';
import { codClosed, codOpened, crapsActivated, crapsDeactivated, CrisisFunction, functionAssigned, HolderName, MobilisationLevel, mobilisationSet } from './events.js';
import { assignFunctionRefusal, codRefusal, crapsRefusal, holderOf, mobilisationRefusal } from './rules.js';

/**
 * Commands of the crisis organisation. Who may send what is decided in `rules.ts` (shared with the UI); here
 * each command checks it, then records its event. Nothing is edited: every change is an event of the log.
 */
function refuse(error: DomainError | null): void {
  if (error) throw error;
}

export const setMobilisation = defineCommand({
  type: 'organisation.setMobilisation',
  description: "Fixer le niveau de mobilisation de l'ARS (veille, niveau-1, niveau-2, niveau-3), avec une note facultative : cellule ARS ou direction.",
  payload: z.object({ level: MobilisationLevel, note: z.string().trim().max(500).optional() }),
  allowed: ['director', 'player'],
  example: { level: 'niveau-2', note: 'Deux établissements touchés, renfort des directions métiers.' },
  decide: ({ state, actor, payload }) => {
    refuse(mobilisationRefusal(state, actor, payload.level));
    return [mobilisationSet.draft({ level: payload.level, previous: state.organisation.mobilisation.level, note: payload.note || null }, 'all')];
  },
});

export const activateCraps = defineCommand({
  type: 'organisation.activateCraps',
  description: "Activer la cellule régionale d'appui et de pilotage sanitaire (CRAPS) : cellule ARS ou direction ; refusé si elle l'est déjà.",
  payload: z.object({}),
  allowed: ['director', 'player'],
  example: {},
  decide: ({ state, actor }) => {
    refuse(crapsRefusal(state, actor, true));
    return [crapsActivated.draft({}, 'all')];
  },
});

export const deactivateCraps = defineCommand({
  type: 'organisation.deactivateCraps',
  description: "Désactiver la CRAPS : cellule ARS ou direction ; refusé si elle n'est pas activée.",
  payload: z.object({}),
  allowed: ['director', 'player'],
  example: {},
  decide: ({ state, actor }) => {
    refuse(crapsRefusal(state, actor, false));
    return [crapsDeactivated.draft({}, 'all')];
  },
});

/** A member of the ARS cell by session id, a name typed in, or nobody. */
const HolderChoice = z.union([z.strictObject({ participantId: z.string().min(1).max(64) }), z.strictObject({ name: HolderName })]).nullable();

export const assignFunction = defineCommand({
  type: 'organisation.assignFunction',
  description:
    'Confier une fonction de la cellule (direction, main-courante, communication, liaison-prefecture, offre-de-soins) à un membre de la cellule ARS (`participantId` : son identifiant de session) ou à un nom saisi (`name`), ou la retirer (`null`) : cellule ARS ou direction.',
  payload: z.object({ function: CrisisFunction, holder: HolderChoice }),
  allowed: ['director', 'player'],
  example: { function: 'main-courante', holder: { name: 'Claire Martin' } },
  decide: ({ state, actor, payload }) => {
    refuse(assignFunctionRefusal(state, actor, payload.function, payload.holder));
    const holder = holderOf(state, actor, payload.holder);
    if (holder instanceof DomainError) throw holder;
    return [functionAssigned.draft({ function: payload.function, holder }, 'all')];
  },
});

export const setCod = defineCommand({
  type: 'organisation.setCod',
  description: 'Ouvrir (`open` : vrai) ou fermer le centre opérationnel départemental (COD) : cellule Préfecture ou direction ; refusé si rien ne change.',
  payload: z.object({ open: z.boolean() }),
  allowed: ['director', 'player'],
  example: { open: true },
  decide: ({ state, actor, payload }) => {
    refuse(codRefusal(state, actor, payload.open));
    return [payload.open ? codOpened.draft({}, 'all') : codClosed.draft({}, 'all')];
  },
});

export const organisationCommands = [setMobilisation, activateCraps, deactivateCraps, assignFunction, setCod];
