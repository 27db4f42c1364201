import { z } from 'zod';
import { Channel } from '../core/channels.js';
import { limits } from '../core/limits.js';
import { CellId } from '../core/roles.js';
import { ActorId, FactId } from '../alert-chain/template.js';
import { CareFunction, CareMode, InitialCareStatus } from '../care-map/modes.js';
import { Offset } from './scenario-offset.js';

/** Short ids that authors type by hand and that appear in spreadsheets (`S12`, `stim-03`, `r-alerte-prefet`). */
const shortId = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
const shortIdMessage = 'identifiant attendu : lettres, chiffres, « - » ou « _ » (40 caractères au plus)';

export const StimulusId = z.string().regex(shortId, shortIdMessage);
export const ExpectedActionId = z.string().regex(shortId, shortIdMessage);
export const ObjectiveId = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'identifiant d’objectif attendu (a-z, 0-9, -)');

/** Largest attachment once decoded: a fake press article or a screenshot, not a video. */
export const maxAttachmentBytes = 200 * 1024;

const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Size in bytes of the data a base64 text encodes (without decoding it). */
export function decodedBase64Bytes(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

export const Attachment = z.strictObject({
  name: z.string().min(1).max(200),
  mediaType: z.string().regex(/^[a-z]+\/[a-zA-Z0-9.+-]+$/, 'type de média attendu (ex. « application/pdf »)'),
  dataBase64: z
    .string()
    .regex(base64Pattern, 'contenu base64 attendu')
    .refine((data) => decodedBase64Bytes(data) <= maxAttachmentBytes, {
      error: (issue) => `pièce jointe trop lourde : ${Math.ceil(decodedBase64Bytes(String(issue.input)) / 1024)} Ko (200 Ko au plus)`,
    }),
});
export type Attachment = z.infer<typeof Attachment>;

/** An event type of the room log (`alert.sent`, `mainCourante.entryAdded`). */
export const EventTypeName = z
  .string()
  .min(1, 'type d’événement requis')
  .regex(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+$/, 'type d’événement attendu, de la forme « domaine.evenement »');

/**
 * Which events a condition waits for: every dotted path of the event's payload must equal the given value,
 * e.g. `{ "to": "prefecture-cod" }` or `{ "entry.kind": "decision" }`.
 */
export const EventMatch = z.record(z.string().regex(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/, 'chemin attendu, de la forme « champ.sous_champ »'), z.union([z.string(), z.number(), z.boolean()]));
export type EventMatch = z.infer<typeof EventMatch>;

/**
 * A contingency: `if_no_event` injects the stimulus only if no matching event happened before `by`;
 * `after_event` injects it `delay` after the first matching event (and never before its own offset).
 */
export const StimulusCondition = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('if_no_event'), eventType: EventTypeName, match: EventMatch.optional(), by: Offset }),
  z.strictObject({ kind: z.literal('after_event'), eventType: EventTypeName, match: EventMatch.optional(), delay: Offset }),
]);
export type StimulusCondition = z.infer<typeof StimulusCondition>;

const singleLine = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[^\r\n]*$/, 'une seule ligne attendue');

/** What the animation team expects the players to do, observable by an evaluator. */
export const ExpectedAction = z.strictObject({
  id: ExpectedActionId,
  label: singleLine(300),
  /** The observable evidence: a time, an entry in the main courante, a document produced. */
  criterion: singleLine(500),
  /** The objective it serves (the first one when it serves several). */
  objective: ObjectiveId,
  /** Every objective it serves, when more than one (a row marked `O1,O2`); `objective` alone otherwise. */
  objectiveIds: z.array(ObjectiveId).min(2).max(10).optional(),
  /** Exercise time (from DEBEX) by which the action is expected. */
  deadline: Offset.optional(),
});
export type ExpectedAction = z.infer<typeof ExpectedAction>;

/** The objectives an expected action counts for: `objectiveIds` when given (with `objective` first), else `objective`. */
export function objectivesOf(action: Pick<ExpectedAction, 'objective' | 'objectiveIds'>): string[] {
  return [...new Set([action.objective, ...(action.objectiveIds ?? [])])];
}

/** FINESS check key: the ninth digit is a Luhn key over the first eight (Corsican `2A`/`2B` numbers are not checked). */
export function hasValidFinessKey(finess: string): boolean {
  if (!/^[0-9]{9}$/.test(finess)) return true;
  let sum = 0;
  [...finess].reverse().forEach((char, i) => {
    const digit = Number(char) * (i % 2 === 1 ? 2 : 1);
    sum += digit > 9 ? digit - 9 : digit;
  });
  return sum % 10 === 0;
}

/** A FINESS number (real establishment) or a FINESS-like id of a fictional site (start it with a letter, e.g. `F27000001`). */
export const Finess = InitialCareStatus.shape.finess.refine(hasValidFinessKey, {
  error: (issue) => `clé de contrôle FINESS invalide pour « ${String(issue.input)} »`,
});

/** A status change of an establishment applied on injection ("les urgences du CH passent en mode dégradé"). */
export const CareMapEffect = z
  .object({
    finess: Finess,
    mode: CareMode.optional(),
    functions: z.partialRecord(CareFunction, CareMode).optional(),
    situation: z.string().max(2000).optional(),
  })
  .refine((effect) => effect.mode !== undefined || effect.functions !== undefined || effect.situation !== undefined, {
    error: 'un effet doit changer le mode, une fonction ou la situation',
  });
export type CareMapEffect = z.infer<typeof CareMapEffect>;

/**
 * An alert-chain step this row plays: S01 (« the hospital phones the ARS ») is the alert of the link
 * Établissement → ARS astreinte; « CERT Santé acknowledges » is the acknowledgement of its link. Injecting the row
 * records the step, so that links between simulated actors follow the script, not the animator's clicks.
 * `{ fact }`: the row makes a named fact of the chain known (« exfiltration de données confirmée »:
 * `violation-donnees-personnelles`), which starts the links timed from it (the CNIL's 72 h).
 */
export const ChainStep = z.union([
  z.strictObject({
    link: z.string().regex(/^[a-z0-9-]{1,60}$/, 'identifiant de lien de la chaîne attendu'),
    step: z.enum(['alert', 'acknowledge']),
  }),
  z.strictObject({ fact: FactId }),
]);
export type ChainStep = z.infer<typeof ChainStep>;

export const StimulusType = z.enum(['prevu', 'contingence', 'information']);
export type StimulusType = z.infer<typeof StimulusType>;

export const stimulusTypeLabels: Record<StimulusType, string> = {
  prevu: 'Prévu',
  contingence: 'Contingence',
  information: 'Information',
};

/** One row of the chronogramme: what a simulated actor sends to played cells, when, and what is expected. */
export const Stimulus = z.strictObject({
  id: StimulusId,
  offset: Offset,
  phase: z.string().min(1).max(80).optional(),
  sender: ActorId,
  recipients: z.array(CellId).min(1, 'au moins un destinataire'),
  channel: Channel,
  subject: z.string().min(1).max(limits.maxTitleLength),
  content: z.string().min(1).max(limits.maxTextLength),
  attachments: z.array(Attachment).max(5).optional(),
  condition: StimulusCondition.optional(),
  type: StimulusType,
  expectedActions: z.array(ExpectedAction),
  animatorNotes: z.string().max(limits.maxTextLength).optional(),
  /** The chronogramme's « critère d'évaluation » column, for the animation team (never shown to players). */
  evaluationCriterion: z.string().max(2000).optional(),
  careMapEffects: z.array(CareMapEffect).optional(),
  chainSteps: z.array(ChainStep).max(5).optional(),
});
export type Stimulus = z.infer<typeof Stimulus>;
