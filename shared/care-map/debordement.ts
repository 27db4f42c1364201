import { z } from 'zod';
import { defineCommand, defineEvent, type Now } from '../core/define.js';
import { dictDelete, dictGet, dictSet } from '../core/dict.js';
import { conflict, invalid } from '../core/errors.js';
import { dueClockOf, duePassed } from '../decisions/due.js';
import { authorOf, recordChange } from './change.js';
import { Finess } from './establishment.js';
import { editableCareMap, requireTarget } from './guards.js';
import type { Debordement } from './state.js';

/**
 * The *débordement* of the 15, distinct from the bascule: a Samu keeps regulating, and only the calls it cannot
 * pick up in time overflow to another Samu, until a planned end. The planned end is on the room's clock, as the
 * due times of actions are (`shared/decisions/due.ts`): exercise time in an exercise, wall time in a crisis.
 * Passing it changes nothing by itself — the room shows « fin prévue dépassée » until the cell ends the
 * débordement or sets a new end.
 */

const PlannedEnd = z.object({ clock: z.enum(['exercise', 'wall']), at: z.number().int().min(0) });

export const debordementSet = defineEvent({
  type: 'careMap.debordementSet',
  description: "Débordement du 15 : les appels non décrochés d'un SAMU débordent vers un autre jusqu'à une fin prévue (remplace un débordement en cours).",
  payload: z.object({ samu: Finess, to: Finess, plannedEnd: PlannedEnd }),
  apply: (state, p, event) =>
    recordChange(state, event, [p.samu, p.to], (m) => ({
      ...m,
      debordements: dictSet(m.debordements, p.samu, {
        samu: p.samu,
        to: p.to,
        plannedEnd: p.plannedEnd,
        since: event.wallTime,
        sinceExerciseTime: event.exerciseTime,
        by: authorOf(event),
        flags: [],
      }),
    })),
});

export const debordementEnded = defineEvent({
  type: 'careMap.debordementEnded',
  description: 'Fin du débordement du 15 : le SAMU reprend tous ses appels.',
  payload: z.object({ samu: Finess }),
  apply: (state, p, event) => recordChange(state, event, [p.samu, dictGet(state.careMap.debordements, p.samu)?.to ?? p.samu], (m) => ({ ...m, debordements: dictDelete(m.debordements, p.samu) })),
});

export const setDebordement = defineCommand({
  type: 'careMap.setDebordement',
  description:
    "Faire déborder les appels du 15 qu'un SAMU ne décroche pas vers un autre SAMU jusqu'à une fin prévue (heure d'exercice en exercice, heure réelle en crise) ; sert aussi à changer la destination ou la fin prévue.",
  payload: z.object({ samu: Finess, to: Finess, plannedEndAt: z.number().int().min(0) }),
  allowed: ['director', 'player'],
  example: { samu: '500000450', to: '140000209', plannedEndAt: 7_200_000 },
  decide: ({ state, actor, payload, now }) => {
    const careMap = editableCareMap(state, actor);
    requireTarget(careMap, payload.samu, payload.to);
    if (dictGet(careMap.bascules, payload.samu)) {
      throw conflict(`Les appels du SAMU FINESS ${payload.samu} sont déjà tous basculés : un débordement n'a pas de sens pendant la bascule.`);
    }
    const plannedEnd = { clock: dueClockOf(state.room.mode), at: payload.plannedEndAt };
    if (duePassed(plannedEnd, now)) throw invalid('La fin prévue du débordement est déjà passée : indiquez une heure à venir.');
    const current = dictGet(careMap.debordements, payload.samu);
    if (current && current.to === payload.to && current.plannedEnd.at === plannedEnd.at && current.plannedEnd.clock === plannedEnd.clock) {
      throw conflict('Ce débordement est déjà en cours avec cette fin prévue.');
    }
    return [debordementSet.draft({ samu: payload.samu, to: payload.to, plannedEnd }, 'all')];
  },
});

export const endDebordement = defineCommand({
  type: 'careMap.endDebordement',
  description: 'Mettre fin au débordement du 15 : le SAMU reprend tous ses appels.',
  payload: z.object({ samu: Finess }),
  allowed: ['director', 'player'],
  example: { samu: '500000450' },
  decide: ({ state, actor, payload }) => {
    const careMap = editableCareMap(state, actor);
    if (!dictGet(careMap.debordements, payload.samu)) throw conflict(`Aucun débordement en cours pour le SAMU FINESS ${payload.samu}.`);
    return [debordementEnded.draft(payload, 'all')];
  },
});

/** Whether a débordement has outlived its planned end at `now` (on the planned end's own clock): « fin prévue dépassée ». */
export const debordementOverdue = (d: Pick<Debordement, 'plannedEnd'>, now: Now): boolean => duePassed(d.plannedEnd, now);

export const debordementEvents = [debordementSet, debordementEnded];
export const debordementCommands = [setDebordement, endDebordement];
