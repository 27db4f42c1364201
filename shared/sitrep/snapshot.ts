import type { Now } from '../core/define.js';
import { dictGet } from '../core/dict.js';
import { linkPhase, summarizeAlertChain } from '../alert-chain/timing.js';
import { careFunctionLabels, careModeLabels } from '../care-map/modes.js';
import { isEdClosed } from '../care-map/rules.js';
import { activeDiversions, affectedFunctions, displayModeOf, severityOf } from '../care-map/selectors.js';
import type { EstablishmentStatus } from '../care-map/state.js';
import { isOpenAction, type CrisisAction, type DecisionsState } from '../decisions/state.js';
import type { RoomState } from '../room-state.js';
import type { SitrepActionRow, SitrepCareRow, SitrepSnapshot } from './snapshot-schema.js';
import { nextDueAt } from './schedule.js';

/** The decisions and actions a point de situation reports: the `decisions` slice (shared/decisions/). */
export function decisionsOf(state: RoomState): DecisionsState {
  return state.decisions;
}

/** The name the room itself knows for a FINESS number (fictional sites); null: the renderer names it. */
function nameIn(state: RoomState): (finess: string) => string | null {
  const names = new Map(state.careMap.fictionalSites.map((s) => [s.finess, s.nom]));
  return (finess) => names.get(finess) ?? null;
}

function careRow(finess: string, status: EstablishmentStatus, name: string | null): SitrepCareRow {
  return {
    finess,
    name,
    mode: careModeLabels[displayModeOf(status)],
    functions: affectedFunctions(status).map(({ fn, mode }) => `${careFunctionLabels[fn]} : ${careModeLabels[mode].toLowerCase()}`),
    edClosed: isEdClosed(status),
    bedsClosed: status.capacity.litsFermes,
    situation: status.situation,
  };
}

/** The care offer as the care map holds it: every establishment with a reported status that is not normal, worst first. */
function careOffer(state: RoomState): SitrepSnapshot['careOffer'] {
  const nameOf = nameIn(state);
  const { statuses, bascules } = state.careMap;
  const reported = Object.keys(statuses)
    .flatMap((finess): Array<[string, EstablishmentStatus]> => {
      const status = dictGet(statuses, finess);
      return status ? [[finess, status]] : [];
    })
    .filter(([, status]) => displayModeOf(status) !== 'normal' || isEdClosed(status) || (status.capacity.litsFermes ?? 0) > 0)
    .sort(([a, sa], [b, sb]) => severityOf(sb) - severityOf(sa) || a.localeCompare(b));
  return {
    establishments: reported.map(([finess, status]) => careRow(finess, status, nameOf(finess))),
    edsClosed: reported.filter(([, status]) => isEdClosed(status)).length,
    bascules: Object.keys(bascules).flatMap((samu) => {
      const b = dictGet(bascules, samu);
      return b ? [{ samu, samuName: nameOf(samu), to: b.to, toName: nameOf(b.to), sinceExerciseTime: b.sinceExerciseTime, flags: [...b.flags] }] : [];
    }),
    diversions: activeDiversions(state).map((d) => ({
      id: d.id,
      from: d.from,
      fromName: nameOf(d.from),
      to: d.to,
      toName: nameOf(d.to),
      patients: d.patients,
      sinceExerciseTime: d.sinceExerciseTime,
    })),
    bedsLost: reported.reduce((sum, [, status]) => sum + (status.capacity.litsFermes ?? 0), 0),
  };
}

function alertChain(state: RoomState, exerciseTime: number): SitrepSnapshot['alertChain'] {
  const chain = state.alertChain;
  const label = new Map(chain.actors.map((a) => [a.id, a.label]));
  return {
    ...summarizeAlertChain(chain, exerciseTime),
    links: chain.links.map((link) => {
      const phase = linkPhase(chain, link, exerciseTime);
      return {
        linkId: link.id,
        from: label.get(link.from) ?? link.from,
        to: label.get(link.to) ?? link.to,
        status: phase.status,
        late: phase.late,
        deadlineAt: phase.deadlineAt,
        alertedAt: link.alert?.exerciseTime ?? null,
        acknowledgedAt: link.acknowledgement?.exerciseTime ?? null,
      };
    }),
  };
}

/** Whether an open action is past its due time at `now` (flagged by the server, or already passed on this clock). */
export function isActionOverdue(action: CrisisAction, now: Now): boolean {
  if (!isOpenAction(action)) return false;
  if (action.overdueAt !== null) return true;
  if (!action.due) return false;
  return (action.due.clock === 'exercise' ? now.exerciseTime : now.wallTime) > action.due.at;
}

function actionRow(action: CrisisAction, now: Now): SitrepActionRow {
  const { id, title, ownerCell, ownerName, status, due } = action;
  return { id, title, ownerCell, ownerName, status, due: due ? { ...due } : null, overdue: isActionOverdue(action, now) };
}

/**
 * A point de situation's content, assembled from the room's own state at `now` (pure: the server calls it in
 * `sitrep.open`, a test recomputes it from the replayed log). `decisions` is `decisionsOf(state)` (see there).
 */
export function buildSnapshot(state: RoomState, now: Now, decisions: DecisionsState): SitrepSnapshot {
  const previous = state.sitrep.points.at(-1);
  const seenDecisions = previous?.snapshot.decisions.total ?? 0;
  const open = decisions.actions.filter(isOpenAction);
  return {
    builtAt: { wallTime: now.wallTime, exerciseTime: now.exerciseTime, seq: state.seq },
    careOffer: careOffer(state),
    alertChain: alertChain(state, now.exerciseTime),
    decisions: {
      total: decisions.decisions.length,
      since: decisions.decisions.slice(seenDecisions).map((d) => ({ id: d.id, title: d.title, cell: d.cell, by: d.by.name, at: { ...d.at }, supersedes: d.supersedes })),
    },
    actions: { open: open.map((a) => actionRow(a, now)), overdue: open.filter((a) => isActionOverdue(a, now)).length },
    comms: {
      published: state.comms.drafts.flatMap((d) =>
        d.versions.flatMap((v) => (v.publishedAt === null ? [] : [{ draftId: d.id, title: d.title, kind: d.kind, number: v.number, publishedAt: v.publishedAt }])),
      ),
    },
    nextDueAt: nextDueAt(state.sitrep, now.exerciseTime + 1),
  };
}
