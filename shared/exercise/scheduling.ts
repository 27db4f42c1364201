import type { EventDraft } from '../core/events.js';
import type { RoomState } from '../room-state.js';
import { stimulusDue } from './scenario-conditions.js';
import { formatOffset } from './scenario-offset.js';
import type { ChronogrammeItem, InboxItem } from './stimuli-state.js';
import { dictGet } from '../core/dict.js';
import { stimulusCancelled, stimulusInjected } from './stimuli-events.js';
import { statusChanged } from '../care-map/events.js';
import { alertSent, factRecorded, linkAcknowledged } from '../alert-chain/events.js';
import { findFact, findLink, knownFact } from '../alert-chain/state.js';

/**
 * When a row of the chronogramme is due (exercise ms), or why it is not.
 * A deferral replaces the offset; conditions keep their meaning (see scenario-conditions).
 */
export function dueOf(item: ChronogrammeItem): ReturnType<typeof stimulusDue> | { kind: 'done' } {
  if (item.status === 'injected' || item.status === 'skipped' || item.status === 'cancelled') return { kind: 'done' };
  const stimulus = item.deferredTo === null ? item.stimulus : { ...item.stimulus, offset: formatOffset(item.deferredTo) };
  return stimulusDue(stimulus, item.conditionMetAt);
}

/** The earliest exercise time at which something of the chronogramme becomes due, or null. */
export function nextDueTime(state: RoomState): number | null {
  const animator = state.exercise.animator;
  if (!animator) return null;
  let next: number | null = null;
  for (const id of animator.order) {
    const due = dueOf(dictGet(animator.items, id)!);
    if (due.kind === 'cancelled') return state.clock.anchorExercise;
    if (due.kind === 'due' && (next === null || due.at < next)) next = due.at;
  }
  return next;
}

/** The player-visible part of a stimulus: never its expected actions, criteria, notes or condition. */
export function inboxItemOf(state: RoomState, item: ChronogrammeItem, injectedAt: number, injectedWall: number): InboxItem {
  const s = item.stimulus;
  const senderLabel = state.exercise.animator?.scenario.simulatedActors.find((a) => a.id === s.sender)?.label ?? s.sender;
  return {
    id: s.id,
    sender: { id: s.sender, label: senderLabel },
    recipients: [...s.recipients],
    channel: s.channel,
    subject: s.subject,
    content: s.content,
    attachments: (s.attachments ?? []).map((a) => ({ ...a })),
    injectedAt,
    injectedWall,
    inReplyTo: item.inReplyTo,
    acks: {},
    replies: [],
    links: [],
  };
}

/**
 * The alert-chain steps the row plays (`chainSteps`), recorded on injection, marked with the stimulus id. A step
 * the chain cannot take now (unknown link or fact, already alerted or known, not yet alerted for an acknowledgement) is skipped:
 * the players may have done it first. No message leaves the room: the row itself was the message.
 */
function scriptedChainDrafts(state: RoomState, item: ChronogrammeItem, exerciseTime: number): EventDraft[] {
  const drafts: EventDraft[] = [];
  for (const chainStep of item.stimulus.chainSteps ?? []) {
    if ('fact' in chainStep) {
      // A fact already known (a player recorded it first) keeps its first time.
      const { fact } = chainStep;
      if (findFact(state.alertChain, fact) && !knownFact(state.alertChain, fact)) drafts.push(factRecorded.draft({ fact, at: exerciseTime, scriptedBy: item.stimulus.id }, 'all'));
      continue;
    }
    const { link: linkId, step } = chainStep;
    const link = findLink(state.alertChain, linkId);
    if (!link) continue;
    const ends = { linkId: link.id, from: link.from, to: link.to, scriptedBy: item.stimulus.id };
    if (step === 'alert' && link.status === 'a_alerter') {
      drafts.push(alertSent.draft({ ...ends, channel: item.stimulus.channel, message: `${item.stimulus.id} — ${item.stimulus.subject}` }, 'all'));
    } else if (step === 'acknowledge' && link.status === 'alerte') {
      drafts.push(linkAcknowledged.draft(ends, 'all'));
    }
  }
  return drafts;
}

/** Events that deliver one stimulus now: the inbox item to its cells, then the care-map effects it scripts. */
export function injectionDrafts(state: RoomState, item: ChronogrammeItem, now: { wallTime: number; exerciseTime: number }, due: number | null): EventDraft[] {
  const inbox = inboxItemOf(state, item, now.exerciseTime, now.wallTime);
  const drafts: EventDraft[] = [stimulusInjected.draft({ item: inbox, due }, { cells: inbox.recipients })];
  for (const effect of item.stimulus.careMapEffects ?? []) {
    drafts.push(statusChanged.draft({ ...effect }, 'all'));
  }
  drafts.push(...scriptedChainDrafts(state, item, now.exerciseTime));
  return drafts;
}

/**
 * Everything of the chronogramme due at `exerciseTime`, decided from the state alone: deliveries,
 * and cancellations of contingencies whose expected action happened. Pure and idempotent — calling it
 * twice on the same state gives the same drafts, and once applied, the items are done — so a timer that
 * fires twice, or a scheduler resuming after a restart, never injects a stimulus twice.
 */
export function dueDrafts(state: RoomState, now: { wallTime: number; exerciseTime: number }): EventDraft[] {
  const animator = state.exercise.animator;
  if (!animator || state.clock.status !== 'running') return [];
  const drafts: EventDraft[] = [];
  const due = animator.order
    .map((id) => ({ item: dictGet(animator.items, id)!, due: dueOf(dictGet(animator.items, id)!) }))
    .filter(({ due }) => due.kind === 'cancelled' || (due.kind === 'due' && due.at <= now.exerciseTime))
    .sort((a, b) => dueAt(a.due) - dueAt(b.due));
  for (const { item, due: d } of due) {
    if (d.kind === 'cancelled') drafts.push(stimulusCancelled.draft({ id: item.stimulus.id }, 'director'));
    else drafts.push(...injectionDrafts(state, item, now, dueAt(d)));
  }
  return drafts;
}

const dueAt = (due: { kind: string; at?: number }) => due.at ?? -1;
