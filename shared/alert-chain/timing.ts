import { deadlineStatus } from '../retex/deadline-status.js';
import { knownFact, playedByAnimation, type AlertChainState, type ChainLink, type LinkStatus } from './state.js';
import { triggerFact, type DeadlineStage } from './template.js';

/**
 * Deadlines of the chain, all in exercise milliseconds (0 = T0, the detection: DEBEX in an exercise,
 * the room's creation in a crisis). Decision, documented in docs/alert-chain.md:
 * - a link's `deadlineMinutes` is the deadline to *alert* `to`, counted from its trigger;
 * - the receiver then has `acknowledgementGraceMinutes` to *acknowledge*; missing that escalates
 *   to the receiver's backup when the template names one.
 */
export const acknowledgementGraceMinutes = 15;
const minute = 60_000;

/** When `actorId` was first alerted (exercise ms); 0 for an actor nobody alerts (the chain's origin); null if not yet. */
export function actorAlertedAt(chain: AlertChainState, actorId: string): number | null {
  const incoming = chain.links.filter((l) => l.to === actorId);
  if (incoming.length === 0) return 0;
  const times = incoming.flatMap((l) => (l.alert ? [l.alert.exerciseTime] : []));
  return times.length > 0 ? Math.min(...times) : null;
}

/**
 * When `actorId` knew, as the log shows it: its first alert received, or its own first alert sent if that came
 * earlier (an actor who alerts others was aware by then, even when its own alert was recorded late or never).
 */
export function actorAwareAt(chain: AlertChainState, actorId: string): number | null {
  const received = actorAlertedAt(chain, actorId);
  const sent = chain.links.flatMap((l) => (l.from === actorId && l.alert ? [l.alert.exerciseTime] : []));
  const times = [...(received === null ? [] : [received]), ...sent];
  return times.length > 0 ? Math.min(...times) : null;
}

/**
 * The instant the link's deadline counts from. An `upstream` link counts from when `from` was alerted; while
 * nobody has recorded that, it counts from when `from` *should* have been alerted (T0 plus the upstream's own
 * deadline), so the links that matter most (ARS → Préfecture, ARS → CORRUSS) keep a deadline exactly when the
 * step before them was never recorded. Null only when no upstream deadline is known at all.
 */
export function triggerTime(chain: AlertChainState, link: ChainLink): number | null {
  return triggerOf(chain, link, new Set()).at;
}

/** Where the trigger comes from: the link's own (`fixed`, `T0`), a named fact, the upstream alert, or the upstream's deadline. */
export type TriggerSource = 'fixed' | 'T0' | 'fact' | 'upstream' | 'upstreamDeadline';

export function triggerOf(chain: AlertChainState, link: ChainLink, seen: Set<string> = new Set()): { at: number | null; source: TriggerSource } {
  if (link.triggerAt !== null) return { at: link.triggerAt, source: 'fixed' };
  if (link.trigger === 'T0') return { at: 0, source: 'T0' };
  // The CNIL's 72 h run from awareness of the breach: no deadline (and nothing late) until the fact is recorded.
  const fact = triggerFact(link.trigger);
  if (fact !== null) return { at: knownFact(chain, fact)?.at ?? null, source: 'fact' };
  // An ARS that alerted the Préfecture at T+00:15 knew by then, even if its own alert was recorded at T+00:51:
  // the Préfecture's deadline counts from T+00:15, not from a later record (issue 18, one definition of a delay).
  const alerted = actorAwareAt(chain, link.from);
  if (alerted !== null) return { at: alerted, source: 'upstream' };
  // The cycle guard keeps a chain drawn in a loop (A → B → A) from recursing forever: such a link has no deadline.
  if (seen.has(link.id)) return { at: null, source: 'upstreamDeadline' };
  seen.add(link.id);
  const deadlines = chain.links
    .filter((l) => l.to === link.from)
    .flatMap((l) => {
      const base = triggerOf(chain, l, seen).at;
      return base === null ? [] : [base + l.deadlineMinutes * minute];
    });
  return { at: deadlines.length > 0 ? Math.min(...deadlines) : null, source: 'upstreamDeadline' };
}

/** The exercise time by which `to` must have been alerted; null while the trigger is pending. */
export function alertDeadlineAt(chain: AlertChainState, link: ChainLink): number | null {
  const base = triggerTime(chain, link);
  return base === null ? null : base + link.deadlineMinutes * minute;
}

/** The exercise time by which `to` must have acknowledged; null until the link is alerted. */
export function acknowledgeDeadlineAt(link: ChainLink): number | null {
  return link.alert ? link.alert.exerciseTime + acknowledgementGraceMinutes * minute : null;
}

/** The fact a link waits for before its deadline runs (its `{ fact }` trigger not yet recorded), or null. */
export function waitingForFact(chain: AlertChainState, link: ChainLink): string | null {
  const fact = link.triggerAt === null ? triggerFact(link.trigger) : null;
  return fact !== null && !knownFact(chain, fact) ? fact : null;
}

/** The stages of a link: its `deadlines`, or the single stage of its `deadlineMinutes` (the alert). */
export function stagesOf(link: Pick<ChainLink, 'deadlineMinutes' | 'deadlines'>): DeadlineStage[] {
  return link.deadlines ?? [{ id: 'alerte', label: 'Alerte', minutes: link.deadlineMinutes }];
}

/**
 * « tenu » (done by its deadline), « en retard » (done after it), « manqué » (not done and past it, or declared
 * missed by the server), « à venir » (not done, deadline ahead or still unknown). The same rule as a criterion of
 * the evaluation grid (`deadlineStatus`): done one millisecond after the deadline is late.
 */
export type StageStatus = 'tenu' | 'en_retard' | 'manque' | 'a_venir';

export function stageStatus(deadlineAt: number | null, doneAt: number | null, reached: number, recordedMissed = false): StageStatus {
  if (doneAt === null && recordedMissed) return 'manque';
  const status = deadlineStatus({ deadline: deadlineAt, ticks: doneAt === null ? [] : [doneAt], reached });
  if (status === 'met') return 'tenu';
  if (status === 'missed') return doneAt === null ? 'manque' : 'en_retard';
  return 'a_venir';
}

export interface StageView extends DeadlineStage {
  /** 0: the alert itself; later stages are recorded by `alertChain.completeStage`. */
  index: number;
  deadlineAt: number | null;
  doneAt: number | null;
  status: StageStatus;
}

/** Every stage of `link` at `exerciseTime`, each with its own deadline (counted from the link's trigger) and status. */
export function linkStages(chain: AlertChainState, link: ChainLink, exerciseTime: number): StageView[] {
  const base = triggerTime(chain, link);
  return stagesOf(link).map((stage, index) => {
    const deadlineAt = base === null ? null : base + stage.minutes * minute;
    const later = index === 0 ? null : link.stages.find((s) => s.id === stage.id);
    const doneAt = index === 0 ? (link.alert?.exerciseTime ?? null) : (later?.done?.exerciseTime ?? null);
    const recorded = index === 0 ? link.overdue.alert !== null : (later?.overdue ?? null) !== null;
    return { ...stage, index, deadlineAt, doneAt, status: stageStatus(deadlineAt, doneAt, exerciseTime, recorded) };
  });
}

/** The stages after the first that are missed at `exerciseTime` (not done, past their deadline). */
const missedLaterStages = (chain: AlertChainState, link: ChainLink, exerciseTime: number) => linkStages(chain, link, exerciseTime).filter((s) => s.index > 0 && s.status === 'manque');

export type OverdueKind = 'alert' | 'acknowledge' | 'stage';

export interface DueOverdue {
  linkId: string;
  kind: OverdueKind;
  /** The missed stage, for `kind: 'stage'`. */
  stageId?: string;
  deadlineExerciseTime: number;
}

/** The step a link waits for, with its deadline: none once acknowledged. */
function pendingStep(chain: AlertChainState, link: ChainLink): { kind: 'alert' | 'acknowledge'; deadline: number | null } | null {
  if (link.status === 'a_alerter') return { kind: 'alert', deadline: alertDeadlineAt(chain, link) };
  if (link.status === 'alerte') return { kind: 'acknowledge', deadline: acknowledgeDeadlineAt(link) };
  return null;
}

/** Overdue steps not yet recorded: the pending step of each link whose deadline lies strictly before `exerciseTime`. */
export function dueOverdue(chain: AlertChainState, exerciseTime: number): DueOverdue[] {
  const due: DueOverdue[] = [];
  for (const link of chain.links) {
    // The animation plays simulated → simulated links: their delays are never recorded against anyone.
    if (playedByAnimation(chain, link)) continue;
    const step = pendingStep(chain, link);
    if (!step || step.deadline === null || link.overdue[step.kind] !== null) continue;
    if (exerciseTime > step.deadline) due.push({ linkId: link.id, kind: step.kind, deadlineExerciseTime: step.deadline });
  }
  for (const link of chain.links) {
    if (playedByAnimation(chain, link)) continue;
    for (const stage of pendingLaterStages(chain, link)) {
      if (exerciseTime > stage.deadlineAt) due.push({ linkId: link.id, kind: 'stage', stageId: stage.id, deadlineExerciseTime: stage.deadlineAt });
    }
  }
  return due;
}

/** Later stages not done, whose miss is not recorded yet, with a known deadline. */
function pendingLaterStages(chain: AlertChainState, link: ChainLink): Array<{ id: string; deadlineAt: number }> {
  if (link.stages.length === 0) return [];
  const base = triggerTime(chain, link);
  if (base === null) return [];
  return stagesOf(link).flatMap((stage, index) => {
    const record = index === 0 ? undefined : link.stages.find((s) => s.id === stage.id);
    return record && record.done === null && record.overdue === null ? [{ id: stage.id, deadlineAt: base + stage.minutes * minute }] : [];
  });
}

/**
 * When a relayed alert (sent on to the receiver's next-ranked contact) must have been acknowledged: the same
 * grace, counted from the relay. Null when the link was never relayed or is no longer waiting.
 */
export function relayDeadlineAt(link: ChainLink): number | null {
  return link.status === 'alerte' && link.relayedAt !== null && link.escalatedTo === null ? link.relayedAt + acknowledgementGraceMinutes * minute : null;
}

/**
 * The earliest exercise time at which `dueOverdue` will return something (or, with `followUp`, a relayed link
 * needs its next step), or null if nothing can become overdue without a new event. A deadline is missed one
 * millisecond after it, hence the `+ 1`. `followUp` says whether a relayed link has a next step (another
 * contact, a backup actor); without it, relays are not scheduled.
 */
export function nextOverdueAt(chain: AlertChainState, followUp: (link: ChainLink) => boolean = () => false): number | null {
  let next: number | null = null;
  const consider = (deadline: number) => {
    if (next === null || deadline + 1 < next) next = deadline + 1;
  };
  for (const link of chain.links) {
    const step = playedByAnimation(chain, link) ? null : pendingStep(chain, link);
    if (step && step.deadline !== null && link.overdue[step.kind] === null) consider(step.deadline);
    if (!playedByAnimation(chain, link)) for (const stage of pendingLaterStages(chain, link)) consider(stage.deadlineAt);
    const relay = relayDeadlineAt(link);
    if (relay !== null && followUp(link)) consider(relay);
  }
  return next;
}

export interface LinkPhase {
  status: LinkStatus;
  /** The pending step is past its deadline (recorded by the server, or already passed on this clock). */
  late: boolean;
  /** Deadline of the pending step; null when acknowledged or the trigger is pending. */
  deadlineAt: number | null;
  /** The alert deadline counts from the upstream's deadline, its alert never recorded: the timer says so. */
  upstreamMissing: boolean;
  /** Simulated → simulated: the animation plays it; shown so, never late. */
  byAnimation: boolean;
  /** The fact whose record starts the deadline (« en attente de : … »), or null. */
  waitingFor: string | null;
}

/**
 * What a link shows at `exerciseTime`: its state, whether it is late, and the deadline its timer runs to.
 * Late: its pending step is past its deadline, or a later stage of a staged link is missed (`linkStages`).
 */
export function linkPhase(chain: AlertChainState, link: ChainLink, exerciseTime: number): LinkPhase {
  const step = pendingStep(chain, link);
  const byAnimation = playedByAnimation(chain, link);
  const waitingFor = waitingForFact(chain, link);
  const stageLate = !byAnimation && missedLaterStages(chain, link, exerciseTime).length > 0;
  if (!step) return { status: link.status, late: stageLate, deadlineAt: null, upstreamMissing: false, byAnimation, waitingFor };
  const late = !byAnimation && (stageLate || link.overdue[step.kind] !== null || (step.deadline !== null && exerciseTime > step.deadline));
  const upstreamMissing = step.kind === 'alert' && triggerOf(chain, link).source === 'upstreamDeadline';
  return { status: link.status, late, deadlineAt: step.deadline, upstreamMissing, byAnimation, waitingFor };
}

export interface AlertChainSummary {
  /** Actors somebody must alert (the chain's origin is not counted). */
  actors: number;
  alerted: number;
  acknowledged: number;
  /** Links whose pending step is late, among those the players answer for (not the animation's). */
  late: number;
}

/** The compact summary shown on every page: "7/11 acteurs alertés, 2 en retard". */
export function summarizeAlertChain(chain: AlertChainState, exerciseTime: number): AlertChainSummary {
  const targets = new Set(chain.links.map((l) => l.to));
  const alerted = new Set(chain.links.filter((l) => l.status !== 'a_alerter').map((l) => l.to));
  const acknowledged = new Set(chain.links.filter((l) => l.status === 'accuse').map((l) => l.to));
  const late = chain.links.filter((l) => linkPhase(chain, l, exerciseTime).late).length;
  return { actors: targets.size, alerted: alerted.size, acknowledged: acknowledged.size, late };
}

/**
 * The late links a cell answers for at `exerciseTime` (late as {@link linkPhase} says, the one rule of the chain):
 * those whose pending step — alerting, or acknowledging — belongs to the actor that cell plays.
 */
export function lateLinksOfCell(chain: AlertChainState, cell: string, exerciseTime: number): ChainLink[] {
  const plays = (actorId: string) => chain.actors.some((a) => a.id === actorId && a.kind === 'played' && a.cell === cell);
  return chain.links.filter((link) => {
    if (!linkPhase(chain, link, exerciseTime).late) return false;
    // A missed later stage (NIS2 notification, final report) is the sender's to send.
    if (plays(link.from) && missedLaterStages(chain, link, exerciseTime).length > 0) return true;
    const step = pendingStep(chain, link);
    return !!step && plays(step.kind === 'alert' ? link.from : link.to);
  });
}
