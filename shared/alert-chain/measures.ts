import { channelLabels, type Channel } from '../core/channels.js';
import { defuseFormula } from '../core/spreadsheet-safety.js';
import { formatExerciseTime } from '../exercise/clock.js';
import { findActor, findFact, playedByAnimation, usesFallback, type AlertChainState, type ChainLink } from './state.js';
import { triggerFact } from './template.js';
import { acknowledgeDeadlineAt, alertDeadlineAt, linkStages, stageStatus, triggerOf, type StageStatus, type TriggerSource } from './timing.js';

/**
 * The RETEX measures of the chain, in exercise milliseconds since T0: for each link and each alerted
 * actor, when it was alerted and acknowledged, against its deadline. Pure: computed from the room state,
 * so the live board, the RETEX and the CSV export give the same figures.
 */
/** A stage after the first (the alert) of a staged link: its deadline, when it was sent, whether the server declared it missed. */
export interface StageMeasure {
  id: string;
  label: string;
  deadlineAt: number | null;
  doneAt: number | null;
  /** Declared missed by the server (`alertChain.overdue`, kind `stage`). */
  missedRecorded: boolean;
}

/** A stage's status when the room reached `reached` (the live time, or the end for the RETEX): `stageStatus`, once. */
export const stageMeasureStatus = (stage: StageMeasure, reached: number): StageStatus => stageStatus(stage.deadlineAt, stage.doneAt, reached, stage.missedRecorded);

export interface LinkMeasure {
  linkId: string;
  from: string;
  fromLabel: string;
  to: string;
  toLabel: string;
  expectedChannel: Channel;
  usedChannel: Channel | null;
  /** The alert went by the link's fallback channel (the expected one was down). */
  usedFallback: boolean;
  trigger: ChainLink['trigger'];
  /** What the deadline counted from: `upstreamDeadline` when the upstream alert was never recorded (the report says so). */
  triggerSource: TriggerSource;
  /** Between two simulated actors: played by the animation, never a finding against the players. */
  playedByAnimation: boolean;
  /** The stimulus that played the alert (`chainSteps`), if the scenario did. */
  scriptedBy: string | null;
  deadlineAt: number | null;
  alertedAt: number | null;
  alertedBy: string | null;
  message: string | null;
  acknowledgeDeadlineAt: number | null;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  /** Alerted after the deadline, or declared overdue by the server. */
  late: boolean;
  acknowledgementLate: boolean;
  /** alertedAt − deadlineAt: negative when early. */
  delay: number | null;
  escalatedTo: string | null;
  corrections: number;
  /** The fact the deadline counts from (its label), if the link is timed from one; its time is `deadlineAt`'s origin. */
  factLabel: string | null;
  /** Later stages of a staged link (NIS2 notification, final report); empty for a single deadline. */
  stages: StageMeasure[];
}

export interface ActorMeasure {
  actorId: string;
  label: string;
  kind: 'played' | 'simulated';
  /** The earliest deadline among the links towards this actor. */
  deadlineAt: number | null;
  /** First alert received, first acknowledgement given. */
  alertedAt: number | null;
  acknowledgedAt: number | null;
  late: boolean;
  delay: number | null;
}

export interface AlertChainMeasures {
  links: LinkMeasure[];
  actors: ActorMeasure[];
}

const minOf = (values: Array<number | null>): number | null => {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? Math.min(...known) : null;
};

function factLabelOf(chain: AlertChainState, link: ChainLink): string | null {
  const fact = triggerFact(link.trigger);
  return fact === null ? null : (findFact(chain, fact)?.label ?? fact);
}

function linkMeasure(chain: AlertChainState, link: ChainLink): LinkMeasure {
  const deadlineAt = alertDeadlineAt(chain, link);
  const alertedAt = link.alert?.exerciseTime ?? null;
  const ackDeadline = acknowledgeDeadlineAt(link);
  const acknowledgedAt = link.acknowledgement?.exerciseTime ?? null;
  const after = (time: number | null, deadline: number | null) => time !== null && deadline !== null && time > deadline;
  return {
    linkId: link.id,
    from: link.from,
    fromLabel: findActor(chain, link.from)?.label ?? link.from,
    to: link.to,
    toLabel: findActor(chain, link.to)?.label ?? link.to,
    expectedChannel: link.channel,
    usedChannel: link.alert?.channel ?? null,
    usedFallback: link.alert !== null && usesFallback(link, link.alert.channels),
    trigger: link.trigger,
    triggerSource: triggerOf(chain, link).source,
    playedByAnimation: playedByAnimation(chain, link),
    scriptedBy: link.alert?.scriptedBy ?? null,
    deadlineAt,
    alertedAt,
    alertedBy: link.alert?.by.name ?? null,
    message: link.alert?.message ?? null,
    acknowledgeDeadlineAt: ackDeadline,
    acknowledgedAt,
    acknowledgedBy: link.acknowledgement?.by.name ?? null,
    late: link.overdue.alert !== null || after(alertedAt, deadlineAt),
    acknowledgementLate: link.overdue.acknowledge !== null || after(acknowledgedAt, ackDeadline),
    delay: alertedAt !== null && deadlineAt !== null ? alertedAt - deadlineAt : null,
    escalatedTo: link.escalatedTo,
    corrections: link.corrections.length,
    factLabel: factLabelOf(chain, link),
    // The stage's status needs a time; the deadline, the time sent and the server's record do not.
    stages: linkStages(chain, link, 0)
      .filter((s) => s.index > 0)
      .map((s) => ({ id: s.id, label: s.label, deadlineAt: s.deadlineAt, doneAt: s.doneAt, missedRecorded: (link.stages.find((r) => r.id === s.id)?.overdue ?? null) !== null })),
  };
}

/** How each deadline was counted, in words: the CSV and the report say when the upstream alert was never recorded. */
export const triggerLabels: Readonly<Record<TriggerSource, string>> = {
  fixed: 'Escalade',
  T0: 'T0',
  fact: 'Fait établi',
  upstream: "Alerte de l'émetteur",
  upstreamDeadline: "Échéance de l'amont (alerte de l'émetteur non enregistrée)",
};

export function alertChainMeasures(chain: AlertChainState): AlertChainMeasures {
  const links = chain.links.map((l) => linkMeasure(chain, l));
  const actors = chain.actors.flatMap((actor): ActorMeasure[] => {
    const incoming = links.filter((m) => m.to === actor.id);
    if (incoming.length === 0) return [];
    const deadlineAt = minOf(incoming.map((m) => m.deadlineAt));
    const alertedAt = minOf(incoming.map((m) => m.alertedAt));
    const late = alertedAt === null ? incoming.some((m) => m.late) : deadlineAt !== null && alertedAt > deadlineAt;
    return [
      {
        actorId: actor.id,
        label: actor.label,
        kind: actor.kind,
        deadlineAt,
        alertedAt,
        acknowledgedAt: minOf(incoming.map((m) => m.acknowledgedAt)),
        late,
        delay: alertedAt !== null && deadlineAt !== null ? alertedAt - deadlineAt : null,
      },
    ];
  });
  return { links, actors };
}

const csvHeader = [
  'Lien',
  'Émetteur',
  'Destinataire',
  'Canal attendu',
  'Canal utilisé',
  'Déclencheur',
  'Échéance (T+)',
  'Alerté à (T+)',
  'Délai depuis T0 (min)',
  "Écart à l'échéance (min)",
  'Alerté par',
  'Message',
  'En retard',
  'Accusé à (T+)',
  'Accusé par',
  'Accusé en retard',
  'Escaladé vers',
  'Corrections',
  'Paliers',
];

const time = (ms: number | null) => (ms === null ? '' : formatExerciseTime(ms));
const minutes = (ms: number | null) => (ms === null ? '' : (ms / 60_000).toFixed(1).replace('.', ','));
const yesNo = (b: boolean) => (b ? 'oui' : 'non');

/** Quotes a cell when needed, and defuses text a spreadsheet would run as a formula. */
function csvCell(value: string): string {
  const safe = defuseFormula(value);
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The measures as CSV, one row per link, for spreadsheets set to French: `;` separator, decimal comma,
 * UTF-8 with a byte-order mark so accents survive, CRLF line ends.
 */
export function measuresCsv(measures: AlertChainMeasures): string {
  const rows = measures.links.map((m) =>
    [
      m.linkId,
      m.fromLabel,
      m.toLabel,
      channelLabels[m.expectedChannel],
      m.usedChannel ? `${channelLabels[m.usedChannel]}${m.usedFallback ? ' (canal de repli)' : ''}` : '',
      m.triggerSource === 'fact' && m.factLabel !== null ? `${triggerLabels.fact} : ${m.factLabel}` : triggerLabels[m.triggerSource],
      time(m.deadlineAt),
      time(m.alertedAt),
      minutes(m.alertedAt),
      minutes(m.delay),
      m.alertedBy ?? '',
      m.message ?? '',
      yesNo(m.late),
      time(m.acknowledgedAt),
      m.acknowledgedBy ?? '',
      yesNo(m.acknowledgementLate),
      m.escalatedTo ?? '',
      String(m.corrections),
      m.stages
        .map((st) => `${st.label} : ${st.deadlineAt === null ? 'échéance en attente du fait' : `échéance T+${time(st.deadlineAt)}`}${st.doneAt === null ? '' : `, transmis T+${time(st.doneAt)}`}`)
        .join(' ; '),
    ]
      .map((cell) => csvCell(cell))
      .join(';'),
  );
  return `\uFEFF${[csvHeader.map(csvCell).join(';'), ...rows].join('\r\n')}\r\n`;
}
