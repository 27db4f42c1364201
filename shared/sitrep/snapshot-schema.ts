import { z } from 'zod';

/**
 * What a point de situation holds besides its free text: the room's own state at the moment it was opened,
 * copied into the `sitrep.opened` event so that the point never changes when the room moves on. A schema (not
 * only a type) because it is an event payload: the server checks it before the append, like any other.
 */
const Stamp = z.object({ wallTime: z.number().int(), exerciseTime: z.number().int() });

const CareRow = z.object({
  finess: z.string(),
  /** The name the room knows (fictional sites); null: the renderer names it from the region's data, or by FINESS. */
  name: z.string().nullable(),
  mode: z.string(),
  /** Worst function not normal, as `urgences : arrêt`; empty when only the overall mode is degraded. */
  functions: z.array(z.string()),
  edClosed: z.boolean(),
  bedsClosed: z.number().int().nullable(),
  situation: z.string(),
});

const Bascule = z.object({ samu: z.string(), samuName: z.string().nullable(), to: z.string(), toName: z.string().nullable(), sinceExerciseTime: z.number().int(), flags: z.array(z.string()) });
const Diversion = z.object({
  id: z.string(),
  from: z.string(),
  fromName: z.string().nullable(),
  to: z.string(),
  toName: z.string().nullable(),
  patients: z.string(),
  sinceExerciseTime: z.number().int(),
});

const ChainRow = z.object({
  linkId: z.string(),
  from: z.string(),
  to: z.string(),
  status: z.enum(['a_alerter', 'alerte', 'accuse']),
  late: z.boolean(),
  deadlineAt: z.number().int().nullable(),
  alertedAt: z.number().int().nullable(),
  acknowledgedAt: z.number().int().nullable(),
});

const DecisionRow = z.object({ id: z.string(), title: z.string(), cell: z.string().nullable(), by: z.string(), at: Stamp, supersedes: z.string().nullable() });
const ActionRow = z.object({
  id: z.string(),
  title: z.string(),
  ownerCell: z.string(),
  ownerName: z.string().nullable(),
  status: z.enum(['a_faire', 'en_cours', 'faite', 'abandonnee']),
  due: z.object({ clock: z.enum(['exercise', 'wall']), at: z.number().int() }).nullable(),
  overdue: z.boolean(),
});
const CommsRow = z.object({ draftId: z.string(), title: z.string(), kind: z.string(), number: z.number().int(), publishedAt: z.number().int() });

export const SitrepSnapshot = z.object({
  /** The room's clocks and log position when the point was assembled: the snapshot is the state after `seq`. */
  builtAt: Stamp.extend({ seq: z.number().int().min(0) }),
  careOffer: z.object({
    /** Establishments with a reported status that is not normal (or whose ED is closed), worst first. */
    establishments: z.array(CareRow),
    edsClosed: z.number().int(),
    bascules: z.array(Bascule),
    diversions: z.array(Diversion),
    bedsLost: z.number().int(),
  }),
  alertChain: z.object({
    actors: z.number().int(),
    alerted: z.number().int(),
    acknowledged: z.number().int(),
    late: z.number().int(),
    links: z.array(ChainRow),
  }),
  decisions: z.object({
    /** How many decisions the room held: the next point's « since the previous point » starts after them. */
    total: z.number().int(),
    since: z.array(DecisionRow),
  }),
  actions: z.object({ open: z.array(ActionRow), overdue: z.number().int() }),
  comms: z.object({ published: z.array(CommsRow) }),
  /** The next due point of the schedule (exercise ms); null without a schedule. */
  nextDueAt: z.number().int().nullable(),
});
export type SitrepSnapshot = z.infer<typeof SitrepSnapshot>;
export type SitrepCareRow = z.infer<typeof CareRow>;
export type SitrepActionRow = z.infer<typeof ActionRow>;
