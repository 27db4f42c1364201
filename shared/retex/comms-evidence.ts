import { channelPhrases, type Channel } from '../core/channels.js';
import { durationText } from '../core/durations.js';
import { quote, listFr } from '../core/sentence.js';
import { formatExerciseTime } from '../exercise/clock.js';
import type { DraftKind } from '../comms/draft.js';
import { jointCellPhrase } from '../comms/joint.js';
import { denialDelay } from '../comms/rumour.js';
import { draftKindPhrases } from '../comms/sentences.js';
import type { RoomState } from '../room-state.js';

/**
 * What the RETEX reads of public communication: the joint products (texts the ARS and the Préfecture both
 * validated, the evidence of the articulation objective) and the rumours log with its rumeur → démenti delays.
 * Computed from the room's state, as the live room shows it.
 */

/** The scenarios' objective a joint product is evidence for (`scenarios/*.json`, the RETEX's default objectives). */
export const articulationObjectiveId = 'articulation';

export interface JointProductMeasure {
  draftId: string;
  title: string;
  kind: DraftKind;
  number: number;
  /** Each cell's validation of the text, on both clocks. */
  approvals: Array<{ cell: string; by: string; exerciseTime: number; wallTime: number }>;
  /** When the second validation made it final (exercise ms). */
  validatedAt: number;
  published: boolean;
}

export interface RumourMeasure {
  id: string;
  text: string;
  channel: Channel;
  source: string;
  seenExerciseTime: number;
  seenAt: number;
  deniedExerciseTime: number | null;
  deniedAt: number | null;
  /** Seen → denied on the exercise clock (ms); null while it stands. */
  delay: number | null;
  /** The denial's text, or the communication that denied it (title, version). */
  denial: string | null;
}

export interface CommsMeasures {
  jointProducts: JointProductMeasure[];
  rumours: RumourMeasure[];
}

export function commsMeasures(state: RoomState): CommsMeasures {
  const jointProducts = state.comms.drafts.flatMap((d) =>
    d.versions
      .filter((v) => v.approvals.length > 0)
      .map((v) => ({
        draftId: d.id,
        title: d.title,
        kind: d.kind,
        number: v.number,
        approvals: v.approvals.map((a) => ({ cell: a.cell, by: a.by.name, exerciseTime: a.exerciseTime, wallTime: a.at })),
        validatedAt: v.validatedExerciseTime,
        published: v.publishedAt !== null,
      })),
  );
  const rumours = state.comms.rumours.map((r): RumourMeasure => {
    const draft = r.denial?.draftId ? state.comms.drafts.find((d) => d.id === r.denial?.draftId) : undefined;
    const byDraft = draft ? `${draftKindPhrases[draft.kind].bare} ${quote(draft.title, 120)}${r.denial?.version ? ` (version ${r.denial.version})` : ''}` : '';
    const denial = r.denial ? [byDraft, r.denial.text ? quote(r.denial.text, 200) : ''].filter(Boolean).join(' : ') : null;
    return {
      id: r.id,
      text: r.text,
      channel: r.channel,
      source: r.source,
      seenExerciseTime: r.seenExerciseTime,
      seenAt: r.seenAt,
      deniedExerciseTime: r.denial?.exerciseTime ?? null,
      deniedAt: r.denial?.at ?? null,
      delay: denialDelay(r),
      denial,
    };
  });
  return { jointProducts, rumours };
}

const minutes = (ms: number) => Math.round(ms / 60_000);

/** « Texte « … » (note aux élus, version 1) validé conjointement par l'ARS et la Préfecture à T+00:25:00. » */
export function jointProductFinding(p: JointProductMeasure): string {
  const cells = listFr(p.approvals.map((a) => jointCellPhrase(a.cell)));
  return `Texte ${quote(p.title, 120)} (${draftKindPhrases[p.kind].bare}, version ${p.number}) validé conjointement par ${cells} à T+${formatExerciseTime(p.validatedAt)}${p.published ? ', publié' : ''}.`;
}

/** Plain-language findings of public communication: each joint product, each rumour's denial (or its absence). */
export function commsSuggestions(m: CommsMeasures): string[] {
  const out = m.jointProducts.map(jointProductFinding);
  for (const r of m.rumours) {
    const seen = `vue ${channelPhrases[r.channel]} à T+${formatExerciseTime(r.seenExerciseTime)}`;
    if (r.delay === null) out.push(`Rumeur ${quote(r.text, 120)} ${seen} : jamais démentie.`);
    else out.push(`Rumeur ${quote(r.text, 120)} ${seen} : démentie à T+${formatExerciseTime(r.deniedExerciseTime ?? 0)}, ${durationText(minutes(r.delay))} plus tard.`);
  }
  return out;
}
