import type { RoomEvent } from '../core/events.js';
import { formatExerciseTime } from '../exercise/clock.js';
import { alertChainMeasures, stageMeasureStatus, type AlertChainMeasures, type LinkMeasure } from '../alert-chain/measures.js';
import type { RoomState } from '../room-state.js';
import { measureInbox, type StimulusMeasure } from '../exercise/stimulus-measures.js';
import { unifiedTimeline, type TimelineItem } from './timeline.js';
import type { EstablishmentNames } from './narrator.js';
import { participantsOf, type RetexParticipant } from './participants.js';
import { dictGet } from '../core/dict.js';
import { durationText } from '../core/durations.js';
import { gridStimulusId } from '../exercise/evaluation.js';
import { objectivesOf } from '../exercise/scenario-stimulus.js';
import { entryAdded, entryFlagged } from '../main-courante/events.js';
import { informationMarks, verificationCounts, type VerificationCounts } from '../main-courante/verification.js';
import { sitrepMeasures, type SitrepMeasures } from '../sitrep/measures.js';
import { decisionMeasures, decisionSuggestions, type DecisionMeasures } from '../decisions/measures.js';
import { criteriaByObjective, type CriterionResult } from './criteria.js';
import { articulationObjectiveId, commsMeasures, commsSuggestions, jointProductFinding, type CommsMeasures } from './comms-evidence.js';
import { organisationMeasures, organisationSuggestions, type OrganisationMeasures } from '../organisation/measures.js';

/** How late an acknowledgement may come before the report points it out (exercise ms). */
export const slowAcknowledgementMs = 15 * 60_000;

export interface ObjectiveResult {
  id: string;
  label: string;
  score: number | null;
  scoreComment: string;
  scoredBy: string | null;
  observations: Array<{ by: string; text: string; exerciseTime: number }>;
  observedActions: number;
  /** The grid's criteria of this objective: ticks on both clocks, comments, deadline status (`criteria.ts`). */
  criteria: CriterionResult[];
  /** What the room itself proves for it: for the articulation objective, the texts both cells validated (`comms-evidence.ts`). */
  evidence: string[];
}

export interface RetexReport {
  identity: { roomId: string; title: string; mode: 'exercise' | 'crisis'; scenario: string | null; level: string | null; cells: Array<{ id: string; label: string }> };
  span: { start: number; end: number };
  /** Who acted, and whether a provider vouched for each name (`participants.ts`). */
  participants: RetexParticipant[];
  timeline: TimelineItem[];
  alertChain: AlertChainMeasures;
  stimuli: StimulusMeasure[];
  /** Decisions and actions (shared/decisions/measures.ts). */
  decisions: DecisionMeasures;
  evaluation: { scale: { min: number; max: number; labels: string[] } | null; objectives: ObjectiveResult[]; generalObservations: Array<{ by: string; text: string; exerciseTime: number }> };
  /** `informations`: the information entries by verification status at the end (`verificationCounts`). */
  mainCourante: { entries: number; decisions: number; significant: number; informations: VerificationCounts };
  /** Points de situation: time to the first validated one, points late (`shared/sitrep/measures.ts`). */
  sitrep: SitrepMeasures;
  /** Public communication: joint products (ARS + Préfecture) and the rumours log (`comms-evidence.ts`). */
  comms: CommsMeasures;
  /** Crisis organisation: time to the CRAPS activation, to the COD opening, levels reached (`shared/organisation/measures.ts`). */
  organisation: OrganisationMeasures;
  suggestions: string[];
  released: boolean;
}

const minutes = (ms: number) => Math.round(ms / 60_000);

/**
 * The RETEX of a room, computed from one audience's state and log (the director's, or the evaluators'
 * for everyone else): the same pure reducers and measures as the live room, so the report cannot disagree with it.
 * `names` gives the region's establishments their names in the chronology (the log holds FINESS numbers only).
 */
export function buildReport(state: RoomState, events: readonly RoomEvent[], names?: EstablishmentNames): RetexReport {
  const chain = alertChainMeasures(state.alertChain);
  const stimuli = measureInbox(state.exercise);
  const decisions = decisionMeasures(state);
  const comms = commsMeasures(state);
  const organisation = organisationMeasures(state.organisation);
  const cellLabel = (id: string) => state.room.cells.find((c) => c.id === id)?.label ?? id;
  const kit = state.exercise.observerKit;
  const { evaluation } = state.exercise;
  const observedPerObjective = kit ? countObservedPerObjective(kit, Object.values(evaluation.observed)) : new Map<string, number>();
  const span = { start: 0, end: events.reduce((m, e) => Math.max(m, e.exerciseTime), 0) };
  // A jump moves the clock past the last stamped event: its new anchor is how far the exercise went.
  const criteria = kit ? criteriaByObjective(kit, events, Math.max(span.end, state.clock.anchorExercise), state) : new Map<string, CriterionResult[]>();
  const objectives: ObjectiveResult[] = (kit?.objectives ?? state.exercise.scenario?.objectives ?? []).map((o) => {
    const score = dictGet(evaluation.scores, o.id);
    return {
      id: o.id,
      label: o.label,
      score: score?.score ?? null,
      scoreComment: score?.comment ?? '',
      scoredBy: score?.by ?? null,
      observations: evaluation.observations.filter((x) => x.objectiveId === o.id).map(({ by, text, exerciseTime }) => ({ by, text, exerciseTime })),
      observedActions: observedPerObjective.get(o.id) ?? 0,
      criteria: criteria.get(o.id) ?? [],
      evidence: o.id === articulationObjectiveId ? comms.jointProducts.map(jointProductFinding) : [],
    };
  });
  const entries = events.filter(entryAdded.is);
  return {
    identity: {
      roomId: state.room.id,
      title: state.room.title,
      mode: state.room.mode,
      scenario: state.exercise.scenario?.title ?? null,
      level: state.exercise.scenario?.level ?? null,
      cells: state.room.cells,
    },
    span,
    participants: participantsOf(events),
    timeline: unifiedTimeline(events, names),
    alertChain: chain,
    stimuli,
    decisions,
    evaluation: {
      scale: kit?.scale ?? null,
      objectives,
      generalObservations: evaluation.observations.filter((x) => x.objectiveId === null).map(({ by, text, exerciseTime }) => ({ by, text, exerciseTime })),
    },
    mainCourante: {
      entries: entries.length,
      decisions: entries.filter((e) => e.payload.entry.type === 'decision').length,
      significant: events.filter(entryFlagged.is).length + entries.filter((e) => e.payload.entry.significant).length,
      informations: verificationCounts(informationMarks(state.mainCourante.informations)),
    },
    sitrep: sitrepMeasures(state.sitrep),
    comms,
    organisation,
    suggestions: [
      ...suggestionsFrom(chain, stimuli, objectives, kit?.scale.max ?? null, span.end, cellLabel),
      ...decisionSuggestions(decisions, cellLabel),
      ...commsSuggestions(comms),
      ...organisationSuggestions(organisation),
    ],
    released: state.retex.released,
  };
}

/**
 * The ticks of each objective: an expected action of a stimulus counts for each objective it serves, a grid criterion
 * (or an expected action it lists, ticked under the grid) for its section's objective.
 */
function countObservedPerObjective(kit: NonNullable<RoomState['exercise']['observerKit']>, observed: ReadonlyArray<{ stimulusId: string; actionId: string }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { stimulusId, actionId } of observed) {
    const section = stimulusId === gridStimulusId ? kit.grid.find((s) => s.criteria.some((c) => c.id === actionId || (c.expectedActionIds ?? []).includes(actionId))) : undefined;
    const action = stimulusId === gridStimulusId ? undefined : kit.expectedActions.find((a) => a.stimulusId === stimulusId && a.id === actionId);
    const objectives = section ? [section.objectiveId] : action ? objectivesOf(action) : [];
    for (const objective of objectives) counts.set(objective, (counts.get(objective) ?? 0) + 1);
  }
  return counts;
}

/**
 * The later stages of a staged link (NIS2 notification, final report), each judged as the live board judges it
 * (`stageMeasureStatus` at the room's end): a stage still ahead when the room stopped is not a finding.
 */
function stageFindings(link: LinkMeasure, end: number): string[] {
  return link.stages.flatMap((stage) => {
    const status = stageMeasureStatus(stage, end);
    if (status === 'manque' && stage.deadlineAt !== null)
      return [`${link.fromLabel} n'a jamais transmis le palier « ${stage.label} » à ${link.toLabel} (attendu avant T+${formatExerciseTime(stage.deadlineAt)}).`];
    if (status === 'en_retard' && stage.doneAt !== null && stage.deadlineAt !== null) {
      return [
        `${link.fromLabel} a transmis le palier « ${stage.label} » à ${link.toLabel} à T+${formatExerciseTime(stage.doneAt)}, au lieu de T+${formatExerciseTime(stage.deadlineAt)} au plus tard (${durationText(minutes(stage.doneAt - stage.deadlineAt))} de retard).`,
      ];
    }
    return [];
  });
}

/** Plain-language findings a debrief starts from ("the Préfecture was alerted 47 min after T0, deadline 30 min"). */
export function suggestionsFrom(
  chain: AlertChainMeasures,
  stimuli: StimulusMeasure[],
  objectives: ObjectiveResult[],
  maxScore: number | null,
  end: number,
  /** The cell's label (« ARS — cellule régionale de crise »), never its id. */
  cellLabel: (id: string) => string = (id) => `la cellule ${id}`,
): string[] {
  const out: string[] = [];
  for (const link of chain.links) {
    // The animation's own links (simulated → simulated) are never a finding against the players.
    if (link.playedByAnimation) continue;
    // A deadline still ahead when the room stopped (CNIL's 72 h in a 3 h exercise) is not a finding.
    if (link.alertedAt === null && link.deadlineAt !== null && link.deadlineAt <= end) {
      out.push(`${link.toLabel} n'a jamais reçu l'alerte de ${link.fromLabel} (délai attendu : T+${formatExerciseTime(link.deadlineAt)}).`);
    } else if (link.late && link.alertedAt !== null && link.deadlineAt !== null) {
      out.push(
        `${link.toLabel} a reçu l'alerte à T+${formatExerciseTime(link.alertedAt)}, au lieu de T+${formatExerciseTime(link.deadlineAt)} au plus tard (${durationText(minutes(link.alertedAt - link.deadlineAt))} de retard).`,
      );
    }
    // Not arrived is not late: a missing acknowledgement is its own finding, once its deadline has passed.
    if (link.alertedAt !== null && link.acknowledgedAt === null && link.acknowledgeDeadlineAt !== null && link.acknowledgeDeadlineAt <= end) {
      out.push(`${link.toLabel} n'a jamais accusé réception de l'alerte de ${link.fromLabel} (attendu avant T+${formatExerciseTime(link.acknowledgeDeadlineAt)}).`);
    } else if (link.acknowledgementLate && link.acknowledgedAt !== null) {
      out.push(`L'accusé de réception de ${link.toLabel} est arrivé hors délai (T+${formatExerciseTime(link.acknowledgedAt)}).`);
    }
    out.push(...stageFindings(link, end));
  }
  for (const m of stimuli) {
    if (m.ackDelay === null) out.push(`Stimulus ${m.stimulusId} (« ${m.subject} ») jamais acquitté par ${cellLabel(m.cell)}.`);
    else if (m.ackDelay > slowAcknowledgementMs) out.push(`Stimulus ${m.stimulusId} acquitté par ${cellLabel(m.cell)} après ${durationText(minutes(m.ackDelay))}.`);
  }
  for (const o of objectives) {
    if (o.score !== null && maxScore !== null && o.score <= Math.ceil(maxScore / 2)) out.push(`Objectif « ${o.label} » noté ${o.score}/${maxScore} : axe d'amélioration prioritaire.`);
  }
  return out;
}
