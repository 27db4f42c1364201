import { formatExerciseTime } from '../../shared/exercise/clock.js';
import { findFact, type AlertChainState, type ChainLink } from '../../shared/alert-chain/state.js';
import { linkPhase, type LinkPhase } from '../../shared/alert-chain/timing.js';
import type { Translate } from '../i18n/index.js';
import { tPlus } from '../app/time.js';

/** Colours of the board, one per state; late overrides the state. Kept in step with alert-chain.css. */
export const linkColours = {
  a_alerter: '#5c6370',
  alerte: '#1f4e9c',
  accuse: '#1e7b3c',
  late: '#b3261e',
} as const;

export type LinkTone = keyof typeof linkColours;

export function toneOf(phase: LinkPhase): LinkTone {
  return phase.late ? 'late' : phase.status;
}

/**
 * The running timer of a link: countdown to its pending deadline, lateness past it, or when it was acknowledged.
 * The countdown names the step it counts to (« alerte » or « accusé »): once alerted, the time left is the
 * receiver's to acknowledge, and must not read as the alert's own delay. Before DEBEX (`beforeStart`) nothing
 * counts down: the deadline is given on the exercise clock.
 */
export function timerText(t: Translate, link: ChainLink, phase: LinkPhase, exerciseTime: number, beforeStart = false, waitingForLabel: string | null = null): string {
  if (phase.status === 'accuse') return scripted(t, tPlus(link.acknowledgement?.exerciseTime ?? 0), link.acknowledgement?.scriptedBy);
  // The animation's own links show no countdown: nobody in the room answers for them.
  if (phase.byAnimation) return scripted(t, t('alertChain.timer.byAnimation'), link.alert?.scriptedBy);
  // A link timed from a fact (the CNIL's 72 h from the breach) has no countdown until the fact is recorded.
  if (phase.deadlineAt === null) return phase.waitingFor !== null ? t('alertChain.timer.waitingFact', { fact: waitingForLabel ?? phase.waitingFor }) : t('alertChain.timer.waiting');
  const step = t(link.status === 'a_alerter' ? 'alertChain.timer.step.alert' : 'alertChain.timer.step.acknowledge');
  if (beforeStart) return t('alertChain.timer.beforeStart', { step, time: tPlus(phase.deadlineAt) });
  const left = phase.deadlineAt - exerciseTime;
  const text = `${step} : ${left >= 0 ? t('alertChain.timer.remaining', { time: formatExerciseTime(left) }) : t('alertChain.timer.overdue', { time: formatExerciseTime(-left) })}`;
  return phase.upstreamMissing ? `${text} ${t('alertChain.timer.upstreamMissing')}` : text;
}

/** « T+00:12:00 · joué par le scénario (S01) » for a step a stimulus played. */
const scripted = (t: Translate, text: string, by: string | undefined) => (by ? `${text} · ${t('alertChain.timer.scripted', { id: by })}` : text);

export interface LinkView {
  link: ChainLink;
  phase: LinkPhase;
  tone: LinkTone;
  fromLabel: string;
  toLabel: string;
  /** The label of the fact the link waits for (« en attente de : … »), or null. */
  waitingForLabel: string | null;
}

export function linkViews(chain: AlertChainState, exerciseTime: number): LinkView[] {
  const labelOf = (id: string) => chain.actors.find((a) => a.id === id)?.label ?? id;
  return chain.links.map((link) => {
    const phase = linkPhase(chain, link, exerciseTime);
    const waitingForLabel = phase.waitingFor === null ? null : (findFact(chain, phase.waitingFor)?.label ?? phase.waitingFor);
    return { link, phase, tone: toneOf(phase), fromLabel: labelOf(link.from), toLabel: labelOf(link.to), waitingForLabel };
  });
}

/**
 * Columns for the graph: each actor sits one column right of the first actor that alerts it (breadth-first
 * from the actors nobody alerts), so the chain reads left to right. Actors no link reaches (backups not yet
 * escalated to) go in a last column. Rows keep the template's order.
 */
export function layoutChain(chain: AlertChainState, columnWidth = 260, rowHeight = 90): Map<string, { x: number; y: number }> {
  const depth = new Map<string, number>();
  const alerts = (id: string) => chain.links.some((l) => l.from === id);
  const alerted = (id: string) => chain.links.some((l) => l.to === id);
  const roots = chain.actors.filter((a) => alerts(a.id) && !alerted(a.id)).map((a) => a.id);
  const queue = roots.length > 0 ? [...roots] : chain.actors.slice(0, 1).map((a) => a.id);
  for (const id of queue) depth.set(id, 0);
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const link of chain.links) {
      if (link.from !== id || depth.has(link.to)) continue;
      depth.set(link.to, (depth.get(id) ?? 0) + 1);
      queue.push(link.to);
    }
  }
  const last = Math.max(0, ...depth.values()) + 1;
  const rows = new Map<number, number>();
  const positions = new Map<string, { x: number; y: number }>();
  for (const actor of chain.actors) {
    const column = depth.get(actor.id) ?? last;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    positions.set(actor.id, { x: column * columnWidth, y: row * rowHeight });
  }
  return positions;
}
