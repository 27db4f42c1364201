import { z } from 'zod';
import { defineEvent } from '../core/define.js';
import type { RoomEvent } from '../core/events.js';
import { limits } from '../core/limits.js';
import type { RoomState } from '../room-state.js';
import { crisisFunctions, mobilisationLevels, type CellActivation, type OrganisationChange, type OrganisationState } from './state.js';

/**
 * Events of the crisis organisation, all visible to the whole room: every cell must know how far the ARS is
 * mobilised and whether the CRAPS and the COD are running. Each reducer stamps who and when from the event itself.
 */
export const MobilisationLevel = z.enum(mobilisationLevels);
export const CrisisFunction = z.enum(crisisFunctions);
export const HolderName = z.string().trim().min(1, 'le nom est obligatoire').max(limits.maxNameLength);

const changeOf = (event: RoomEvent): OrganisationChange => ({
  by: { name: event.actor.name, role: event.actor.role ?? null, cell: event.actor.cell ?? null },
  at: { wallTime: event.wallTime, exerciseTime: event.exerciseTime },
});

function withOrganisation(state: RoomState, change: (o: OrganisationState) => OrganisationState): RoomState {
  return { ...state, organisation: change(state.organisation) };
}

function activation(current: CellActivation, active: boolean, event: RoomEvent): CellActivation {
  const change = changeOf(event);
  return { active, changed: change, firstActivatedAt: current.firstActivatedAt ?? (active ? change.at : null) };
}

export const mobilisationSet = defineEvent({
  type: 'organisation.mobilisationSet',
  description: "L'ARS change de niveau de mobilisation (veille, niveau 1, niveau 2 renforcé, niveau 3 crise), avec une note facultative.",
  payload: z.object({ level: MobilisationLevel, previous: MobilisationLevel, note: z.string().nullable() }),
  apply: (state, p, event) =>
    withOrganisation(state, (o) => {
      const change = changeOf(event);
      const reached = o.mobilisation.reached[p.level] ? o.mobilisation.reached : { ...o.mobilisation.reached, [p.level]: change.at };
      return { ...o, mobilisation: { level: p.level, note: p.note, changed: change, reached } };
    }),
});

export const crapsActivated = defineEvent({
  type: 'organisation.crapsActivated',
  description: "L'ARS active sa cellule régionale d'appui et de pilotage sanitaire (CRAPS).",
  payload: z.object({}),
  apply: (state, _p, event) => withOrganisation(state, (o) => ({ ...o, craps: activation(o.craps, true, event) })),
});

export const crapsDeactivated = defineEvent({
  type: 'organisation.crapsDeactivated',
  description: "L'ARS désactive la CRAPS (fin de la mobilisation de crise).",
  payload: z.object({}),
  apply: (state, _p, event) => withOrganisation(state, (o) => ({ ...o, craps: activation(o.craps, false, event) })),
});

export const functionAssigned = defineEvent({
  type: 'organisation.functionAssigned',
  description:
    "Une fonction de la cellule (direction, main courante, communication, liaison Préfecture, offre de soins) est confiée à quelqu'un (un membre de la cellule ou un nom saisi), ou retirée (`holder` nul).",
  payload: z.object({ function: CrisisFunction, holder: z.object({ name: z.string(), sessionId: z.string().nullable() }).nullable() }),
  apply: (state, p, event) => withOrganisation(state, (o) => ({ ...o, functions: { ...o.functions, [p.function]: p.holder ? { ...p.holder, assigned: changeOf(event) } : null } })),
});

export const codOpened = defineEvent({
  type: 'organisation.codOpened',
  description: 'La Préfecture ouvre son centre opérationnel départemental (COD).',
  payload: z.object({}),
  apply: (state, _p, event) => withOrganisation(state, (o) => ({ ...o, cod: activation(o.cod, true, event) })),
});

export const codClosed = defineEvent({
  type: 'organisation.codClosed',
  description: 'La Préfecture ferme son COD.',
  payload: z.object({}),
  apply: (state, _p, event) => withOrganisation(state, (o) => ({ ...o, cod: activation(o.cod, false, event) })),
});

export const organisationEvents = [mobilisationSet, crapsActivated, crapsDeactivated, functionAssigned, codOpened, codClosed];
