import { z } from 'zod';
import { defineCommand, defineEvent } from '../core/define.js';
import { dictDelete, dictGet, dictSet } from '../core/dict.js';
import { conflict } from '../core/errors.js';
import { authorOf, recordChange } from './change.js';
import { Finess } from './establishment.js';
import { editableCareMap, requireKnown } from './guards.js';

/**
 * The *plan blanc* of an establishment (its plan for exceptional situations: staff recalled, scheduled activity
 * suspended, beds freed). The establishment's director declares it; the room records who entered it and when, on
 * both clocks. Who may record it: the ARS cell and the director (in an exercise the animator, who plays the
 * simulated establishments), as for every care-offer change (`canEditCareMap`); a scenario may start with plans
 * blancs in force (`careOffer.plansBlancs`).
 */

const Note = z.string().trim().max(500);

export const planBlancDeclared = defineEvent({
  type: 'careMap.planBlancDeclared',
  description: "Un établissement déclenche son plan blanc (qui l'enregistre et quand : l'enveloppe de l'événement).",
  payload: z.object({ finess: Finess, note: Note.optional() }),
  apply: (state, p, event) =>
    recordChange(state, event, [p.finess], (m) => ({
      ...m,
      plansBlancs: dictSet(m.plansBlancs, p.finess, { finess: p.finess, since: event.wallTime, sinceExerciseTime: event.exerciseTime, by: authorOf(event), note: p.note ?? '' }),
    })),
});

export const planBlancLifted = defineEvent({
  type: 'careMap.planBlancLifted',
  description: 'Un établissement lève son plan blanc.',
  payload: z.object({ finess: Finess }),
  apply: (state, p, event) => recordChange(state, event, [p.finess], (m) => ({ ...m, plansBlancs: dictDelete(m.plansBlancs, p.finess) })),
});

export const declarePlanBlanc = defineCommand({
  type: 'careMap.declarePlanBlanc',
  description: "Enregistrer le déclenchement du plan blanc d'un établissement (avec une précision facultative).",
  payload: z.object({ finess: Finess, note: Note.optional() }),
  allowed: ['director', 'player'],
  example: { finess: '140000209', note: 'Rappel des personnels, déprogrammation' },
  decide: ({ state, actor, payload }) => {
    const careMap = editableCareMap(state, actor);
    requireKnown(careMap, payload.finess);
    if (dictGet(careMap.plansBlancs, payload.finess)) throw conflict(`Le plan blanc de l'établissement FINESS ${payload.finess} est déjà en vigueur.`);
    return [planBlancDeclared.draft({ finess: payload.finess, ...(payload.note ? { note: payload.note } : {}) }, 'all')];
  },
});

export const liftPlanBlanc = defineCommand({
  type: 'careMap.liftPlanBlanc',
  description: "Enregistrer la levée du plan blanc d'un établissement.",
  payload: z.object({ finess: Finess }),
  allowed: ['director', 'player'],
  example: { finess: '140000209' },
  decide: ({ state, actor, payload }) => {
    const careMap = editableCareMap(state, actor);
    if (!dictGet(careMap.plansBlancs, payload.finess)) throw conflict(`Aucun plan blanc en vigueur pour l'établissement FINESS ${payload.finess}.`);
    return [planBlancLifted.draft(payload, 'all')];
  },
});

export const planBlancEvents = [planBlancDeclared, planBlancLifted];
export const planBlancCommands = [declarePlanBlanc, liftPlanBlanc];
