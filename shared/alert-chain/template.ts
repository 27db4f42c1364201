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
  /** `T0`: counted from detection (the start of the exercise or crisis); `upstream`: from when `from` was itself alerted. */
  trigger: z.enum(['T0', 'upstream']),
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

export const AlertChainTemplate = z.object({ actors: z.array(ChainActor).min(2), links: z.array(ChainLinkTemplate).min(1) }).superRefine((chain, ctx) => {
  const ids = new Set(chain.actors.map((a) => a.id));
  chain.links.forEach((link, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!ids.has(link[end])) ctx.addIssue({ code: 'custom', path: ['links', i, end], message: `acteur inconnu « ${link[end]} »` });
    }
  });
  chain.actors.forEach((actor, i) => {
    if (actor.kind === 'played' && !actor.cell) ctx.addIssue({ code: 'custom', path: ['actors', i, 'cell'], message: 'un acteur joué doit nommer sa cellule' });
    if (actor.backup && !ids.has(actor.backup)) ctx.addIssue({ code: 'custom', path: ['actors', i, 'backup'], message: `acteur de secours inconnu « ${actor.backup} »` });
  });
});
export type AlertChainTemplate = z.infer<typeof AlertChainTemplate>;
