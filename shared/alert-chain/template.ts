import { z } from 'zod';
import { Channel } from '../core/channels.js';
import { CellId } from '../core/roles.js';
import { Finess } from '../care-map/establishment.js';

/** Identifier of an actor of the alert chain (`ars-astreinte`, `prefecture-cod`, `cert-sante`…). */
export const ActorId = z.string().regex(/^[a-z][a-z0-9-]{1,59}$/, 'identifiant d’acteur attendu (a-z, 0-9, -)');

/**
 * An actor of the chain. `played`: a cell of the room acts for it (its `cell`);
 * `simulated`: the animator (or, in a real crisis, the director) acts for it.
 */
export const ChainActor = z.object({
  id: ActorId,
  label: z.string().min(1).max(120),
  kind: z.enum(['played', 'simulated']),
  cell: CellId.optional(),
  /** Who takes over when this actor does not acknowledge in time (escalation). */
  backup: ActorId.optional(),
});
export type ChainActor = z.infer<typeof ChainActor>;

/**
 * A fact the chain can be timed from, declared by the template (`violation-donnees-personnelles`): the CNIL's
 * 72 h run from awareness of a personal-data breach, not from T0. Recorded by `alertChain.recordFact`.
 */
export const FactId = z.string().regex(/^[a-z][a-z0-9-]{1,59}$/, 'identifiant de fait attendu (a-z, 0-9, -)');
export const ChainFact = z.object({ id: FactId, label: z.string().min(1).max(120) });
export type ChainFact = z.infer<typeof ChainFact>;

/** `T0`, `upstream` (when `from` was itself alerted), or `{ fact }`: from when the named fact became known. */
export const LinkTrigger = z.union([z.enum(['T0', 'upstream']), z.strictObject({ fact: FactId })]);
export type LinkTrigger = z.infer<typeof LinkTrigger>;

/** The longest stage deadline: NIS2's final report is due a month after the incident, with some margin. */
const maxStageMinutes = 92 * 24 * 60;

/**
 * One stage of a staged deadline (NIS2: « alerte précoce » 24 h, « notification » 72 h, « rapport final » 30 j), each
 * counted from the link's trigger. The first stage is the alert itself; later stages are recorded by
 * `alertChain.completeStage`.
 */
export const DeadlineStage = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'identifiant de palier attendu (a-z, 0-9, -)'),
  label: z.string().min(1).max(80),
  minutes: z.number().int().min(0).max(maxStageMinutes),
});
export type DeadlineStage = z.infer<typeof DeadlineStage>;

/** An expected alert: `from` must alert `to` by `channel` within `deadlineMinutes` of its trigger. */
export const ChainLinkTemplate = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/),
  from: ActorId,
  to: ActorId,
  channel: Channel,
  /** Further channels the alert goes by at once (`mail` and `sms`: both are sent). */
  channels: z.array(Channel).max(4).optional(),
  deadlineMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60),
  /** `T0`: counted from detection (the start of the exercise or crisis); `upstream`: from when `from` was itself alerted; `{ fact }`: from the fact. */
  trigger: LinkTrigger,
  /** Staged deadlines, in order; the first is the alert (its `minutes` equal `deadlineMinutes`). Absent: one stage. */
  deadlines: z.array(DeadlineStage).min(2).max(6).optional(),
  /**
   * The channel to use when the expected one is down (« contacter hors de la messagerie compromise »): an alert
   * recorded on it is the step done, shown as done on the fallback channel.
   */
  fallbackChannel: Channel.optional(),
  /** Whom or what to reach on the fallback channel (« ligne directe de l'astreinte, annuaire de crise papier »). */
  fallbackContact: z.string().trim().min(1).max(200).optional(),
  /**
   * This link is the chain's step of the *bascule du 15*: the care map's `careMap.basculeSet` records its alert (one
   * fact, one record). `true`: any Samu's bascule; a FINESS: only the bascule of that Samu.
   */
  bascule: z.union([z.literal(true), Finess]).optional(),
});
export type ChainLinkTemplate = z.infer<typeof ChainLinkTemplate>;

/** Why a link's stages are inconsistent (first stage ≠ the alert deadline, ids repeated, out of order), or null. */
export function stagesProblem(link: Pick<ChainLinkTemplate, 'deadlineMinutes' | 'deadlines'>): string | null {
  const stages = link.deadlines;
  if (!stages) return null;
  const minutes = stages.map((s) => s.minutes);
  if (minutes[0] !== link.deadlineMinutes) return `le premier palier est l'alerte : son délai (${minutes[0]} min) doit égaler deadlineMinutes (${link.deadlineMinutes} min)`;
  if (new Set(stages.map((s) => s.id)).size !== stages.length) return 'deux paliers portent le même identifiant';
  if (minutes.some((m, i) => i > 0 && m < (minutes[i - 1] ?? 0))) return 'les paliers vont du plus court au plus long délai';
  return null;
}

/** The fact a link is timed from, or null. */
export const triggerFact = (trigger: LinkTrigger): string | null => (typeof trigger === 'object' ? trigger.fact : null);

export const AlertChainTemplate = z.object({ actors: z.array(ChainActor).min(2), links: z.array(ChainLinkTemplate).min(1), facts: z.array(ChainFact).max(10).optional() }).superRefine((chain, ctx) => {
  const ids = new Set(chain.actors.map((a) => a.id));
  const facts = new Set((chain.facts ?? []).map((f) => f.id));
  chain.links.forEach((link, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!ids.has(link[end])) ctx.addIssue({ code: 'custom', path: ['links', i, end], message: `acteur inconnu « ${link[end]} »` });
    }
    const fact = triggerFact(link.trigger);
    if (fact !== null && !facts.has(fact)) ctx.addIssue({ code: 'custom', path: ['links', i, 'trigger', 'fact'], message: `fait inconnu « ${fact} » (déclarez-le dans facts)` });
    const problem = stagesProblem(link);
    if (problem) ctx.addIssue({ code: 'custom', path: ['links', i, 'deadlines'], message: problem });
  });
  chain.actors.forEach((actor, i) => {
    if (actor.kind === 'played' && !actor.cell) ctx.addIssue({ code: 'custom', path: ['actors', i, 'cell'], message: 'un acteur joué doit nommer sa cellule' });
    if (actor.backup && !ids.has(actor.backup)) ctx.addIssue({ code: 'custom', path: ['actors', i, 'backup'], message: `acteur de secours inconnu « ${actor.backup} »` });
  });
});
export type AlertChainTemplate = z.infer<typeof AlertChainTemplate>;
