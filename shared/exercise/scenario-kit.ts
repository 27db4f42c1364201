import { z } from 'zod';
import { limits } from '../core/limits.js';
import { ExpectedActionId, ObjectiveId } from './scenario-stimulus.js';
import { GridMeasureId } from './grid-measures.js';
import { Offset } from './scenario-offset.js';

/**
 * The exercise kits, after the ANSSI / ANS model: the player kit is shared with players beforehand,
 * the observer kit with evaluators only, the communication kit with the animation team.
 */

const markdown = z.string().min(1).max(limits.maxTextLength);

export const GoodPractice = z.strictObject({ title: z.string().min(1).max(limits.maxTitleLength), body: markdown });
export type GoodPractice = z.infer<typeof GoodPractice>;

export const GlossaryEntry = z.strictObject({ term: z.string().min(1).max(120), definition: z.string().min(1).max(2000) });
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;

/** Kit joueur: rules of the game, good-practice sheets (fiches) and a glossary. */
export const PlayerKit = z.strictObject({
  rules: markdown,
  goodPractices: z.array(GoodPractice),
  glossary: z.array(GlossaryEntry),
});
export type PlayerKit = z.infer<typeof PlayerKit>;

export const CriterionId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, 'identifiant de critère attendu');

/**
 * One observable criterion of the grid, optionally tied to the expected actions it evaluates, or to a measure
 * of the room (`measure`: `organisation.craps`, `organisation.cod`, see `grid-measures.ts`) that holds it by
 * itself when reached. `deadline` (`HH:MM` from DEBEX) is its own; without it, the latest of its actions' deadlines.
 */
export const GridCriterion = z.strictObject({
  id: CriterionId,
  label: z.string().min(1).max(500),
  expectedActionIds: z.array(ExpectedActionId).optional(),
  measure: GridMeasureId.optional(),
  deadline: Offset.optional(),
});
export type GridCriterion = z.infer<typeof GridCriterion>;

export const GridSection = z.strictObject({ objectiveId: ObjectiveId, criteria: z.array(GridCriterion).min(1) });
export type GridSection = z.infer<typeof GridSection>;

/** The scoring scale: `labels[i]` names the score `min + i`, so there is one label per score. */
export const Scale = z
  .object({
    min: z.number().int().min(0).max(10),
    max: z.number().int().min(1).max(10),
    labels: z.array(z.string().min(1).max(120)),
  })
  .superRefine((scale, ctx) => {
    if (scale.max <= scale.min) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'le maximum doit dépasser le minimum' });
      return;
    }
    const expected = scale.max - scale.min + 1;
    if (scale.labels.length !== expected) {
      ctx.addIssue({ code: 'custom', path: ['labels'], message: `${expected} libellés attendus, un par note de ${scale.min} à ${scale.max}` });
    }
  });
export type Scale = z.infer<typeof Scale>;

/** Kit observateur: the observer's instructions, the grid by objective and its scale. */
export const ObserverKit = z.strictObject({
  instructions: markdown,
  grid: z.array(GridSection).min(1),
  scale: Scale,
});
export type ObserverKit = z.infer<typeof ObserverKit>;

/** Placeholders an invitation template may use; the server fills them per participant. */
export const invitationPlaceholders = ['nom', 'role', 'cellule', 'lien', 'titre', 'date'] as const;

export const CommunicationKit = z.strictObject({
  /** Markdown with `{{nom}}`, `{{role}}`, `{{cellule}}`, `{{lien}}`, `{{titre}}`, `{{date}}`. */
  invitationTemplate: markdown.superRefine((template, ctx) => {
    for (const match of template.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
      const name = match[1] ?? '';
      if (!(invitationPlaceholders as readonly string[]).includes(name)) {
        ctx.addIssue({ code: 'custom', message: `variable inconnue « {{${name}}} » (connues : ${invitationPlaceholders.join(', ')})` });
      }
    }
  }),
});
export type CommunicationKit = z.infer<typeof CommunicationKit>;

/**
 * Fills an invitation template; unknown placeholders cannot occur in a validated scenario.
 * @example fillInvitation('Bonjour {{nom}}', { nom: 'Claire' }) // 'Bonjour Claire'
 */
export function fillInvitation(template: string, values: Partial<Record<(typeof invitationPlaceholders)[number], string>>): string {
  return template.replace(/\{\{\s*([a-z]+)\s*\}\}/g, (whole, name: string) => values[name as keyof typeof values] ?? whole);
}

export const ExerciseKit = z.strictObject({ playerKit: PlayerKit, observerKit: ObserverKit, communicationKit: CommunicationKit });
export type ExerciseKit = z.infer<typeof ExerciseKit>;
