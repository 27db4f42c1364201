import type { Channel } from '../core/channels.js';
import type { Role } from '../core/roles.js';
import type { ChainActor, ChainFact, ChainLinkTemplate } from './template.js';

/**
 * Where a link stands: `a_alerter` (nobody alerted yet) → `alerte` (alerted, by whom, how, when)
 * → `accuse` (the receiver acknowledged). "En retard" is not a state of its own: it is a step whose
 * deadline passed (see `timing.ts`), recorded by the server as `alertChain.overdue`.
 */
export type LinkStatus = 'a_alerter' | 'alerte' | 'accuse';
export const linkStatuses: readonly LinkStatus[] = ['a_alerter', 'alerte', 'accuse'];

/** Who did something, from the event envelope (never from a payload). */
export interface ChainAuthor {
  name: string;
  role?: Role | undefined;
  cell?: string | undefined;
}

export interface LinkAlert {
  by: ChainAuthor;
  channel: Channel;
  /** Every channel the alert went by (the first is `channel`). */
  channels: Channel[];
  message: string;
  exerciseTime: number;
  wallTime: number;
  /** The stimulus whose injection played this step (the scenario, not a person). */
  scriptedBy?: string;
  /** The care map's bascule du 15 that is this step (`bascule` links): the one record is that event, `seq` in the log. */
  bascule?: { samu: string; to: string; seq: number };
}

/** An acknowledgement given outside the room, through the link of an outbound message. */
export interface AcknowledgementVia {
  channel: 'lien';
  notificationId: string;
  contact: string;
  /** The one-line answer the contact typed, if any. */
  reply: string | null;
}

export interface LinkAcknowledgement {
  by: ChainAuthor;
  via: AcknowledgementVia | null;
  /** The stimulus whose injection played this step. */
  scriptedBy?: string;
  exerciseTime: number;
  wallTime: number;
}

/** A correction never rewrites a step: it is added here, and `undo` sends the link back one step. */
export interface LinkCorrection {
  note: string;
  undo: 'alert' | 'acknowledgement' | null;
  /** The step the correction cancelled, kept for the RETEX. */
  cancelled: LinkAlert | LinkAcknowledgement | null;
  by: ChainAuthor;
  exerciseTime: number;
  wallTime: number;
}

/** A stage after the first (the first is the alert): when it was done, and the deadline the server declared missed. */
export interface LinkStage {
  id: string;
  done: { by: ChainAuthor; exerciseTime: number; wallTime: number; scriptedBy?: string } | null;
  /** The deadline (exercise ms) recorded as missed (`alertChain.overdue`, kind `stage`); null: not recorded. */
  overdue: number | null;
}

/** A named fact recorded as known (`alertChain.factRecorded`): links timed from it count from `at`. */
export interface KnownFact {
  id: string;
  /** Exercise ms from which the fact was known (may be earlier than the record). */
  at: number;
  by: ChainAuthor;
  exerciseTime: number;
  wallTime: number;
  scriptedBy?: string;
}

export interface ChainLink extends ChainLinkTemplate {
  status: LinkStatus;
  alert: LinkAlert | null;
  acknowledgement: LinkAcknowledgement | null;
  /** The deadlines (exercise ms) the server declared missed; each fires once per link. */
  overdue: { alert: number | null; acknowledge: number | null };
  /** A fixed trigger (exercise ms), for links created by an escalation; null: `trigger` applies. */
  triggerAt: number | null;
  /** The link whose missed acknowledgement created this one. */
  escalatedFrom: string | null;
  /** The link created when this one's receiver did not acknowledge in time. */
  escalatedTo: string | null;
  corrections: LinkCorrection[];
  /** The last relay of an unacknowledged alert to the receiver's next-ranked contact (exercise ms); null: none yet. */
  relayedAt: number | null;
  /** The stages after the first of a staged link (`deadlines`), in order; empty for a single deadline. */
  stages: LinkStage[];
}

/**
 * In an exercise, a link between two simulated actors is played by the animation (or the scenario): its delays are shown, never
 * counted against the players (no overdue recorded, not in the header's « en retard », no RETEX finding).
 */
export function playedByAnimation(chain: Pick<AlertChainState, 'actors' | 'animated'>, link: Pick<ChainLink, 'from' | 'to'>): boolean {
  if (!chain.animated) return false;
  const kindOf = (id: string) => chain.actors.find((a) => a.id === id)?.kind;
  return kindOf(link.from) === 'simulated' && kindOf(link.to) === 'simulated';
}

export interface AlertChainState {
  /** False until `alertChain.defined` (room setup). */
  defined: boolean;
  /**
   * An exercise: the simulated actors are the animation team, so their links among themselves are the
   * animation's. In a real crisis they are real outside actors (CORRUSS, the on-call officer): every link counts.
   */
  animated: boolean;
  actors: ChainActor[];
  links: ChainLink[];
  /** The facts links may be timed from (template `facts`), and those recorded as known, in order. */
  facts: ChainFact[];
  knownFacts: KnownFact[];
}

export const initialAlertChainState: AlertChainState = { defined: false, animated: false, actors: [], links: [], facts: [], knownFacts: [] };

/** A template link as a fresh link of the live chain. */
export function newLink(template: ChainLinkTemplate, extra: Partial<Pick<ChainLink, 'triggerAt' | 'escalatedFrom'>> = {}): ChainLink {
  return {
    ...template,
    status: 'a_alerter',
    alert: null,
    acknowledgement: null,
    overdue: { alert: null, acknowledge: null },
    triggerAt: extra.triggerAt ?? null,
    escalatedFrom: extra.escalatedFrom ?? null,
    escalatedTo: null,
    corrections: [],
    relayedAt: null,
    stages: (template.deadlines ?? []).slice(1).map((stage) => ({ id: stage.id, done: null, overdue: null })),
  };
}

/** Channels `used` go by the link's fallback channel and not by its expected one: the expected channel was down. */
export function usesFallback(link: Pick<ChainLinkTemplate, 'channel' | 'fallbackChannel'>, used: readonly Channel[]): boolean {
  return link.fallbackChannel !== undefined && used.includes(link.fallbackChannel) && !used.includes(link.channel);
}

export const findActor = (chain: AlertChainState, id: string): ChainActor | undefined => chain.actors.find((a) => a.id === id);
export const findLink = (chain: AlertChainState, id: string): ChainLink | undefined => chain.links.find((l) => l.id === id);
export const findFact = (chain: Pick<AlertChainState, 'facts'>, id: string): ChainFact | undefined => chain.facts.find((f) => f.id === id);
export const knownFact = (chain: Pick<AlertChainState, 'knownFacts'>, id: string): KnownFact | undefined => chain.knownFacts.find((f) => f.id === id);

/** `ARS — cellule régionale de crise (CRAPS) → Préfecture — SIDPC / COD`, for messages and exports. */
export function linkLabel(chain: AlertChainState, link: Pick<ChainLink, 'from' | 'to'>): string {
  return `${findActor(chain, link.from)?.label ?? link.from} → ${findActor(chain, link.to)?.label ?? link.to}`;
}
