import type { RoomEvent } from '../core/events.js';
import type { RoomState } from '../room-state.js';
import { dictGet } from '../core/dict.js';

/** For one stimulus and one recipient cell: how long the cell took to acknowledge it and to act on it. */
export interface StimulusMeasure {
  stimulusId: string;
  subject: string;
  cell: string;
  injectedAt: number;
  acknowledgedAt: number | null;
  /** Acknowledgement delay in exercise ms (null: never acknowledged). */
  ackDelay: number | null;
  /** First related action: a link made from the inbox, or a main-courante entry pointing at the stimulus. */
  firstActionAt: number | null;
  actionDelay: number | null;
}

/**
 * Stimulus measures from the state (deliveries, acknowledgements, inbox links) and the log (main-courante
 * entries that reference a stimulus). Exercise times throughout, as the server stamped them.
 */
export function stimulusMeasures(state: RoomState, events: readonly RoomEvent[]): StimulusMeasure[] {
  const entryActions = new Map<string, number>();
  for (const e of events) {
    if (e.type !== 'mainCourante.entryAdded') continue;
    const entry = (e.payload as { entry?: { cell?: string | null; links?: { stimulusId?: string } } }).entry;
    const id = entry?.links?.stimulusId;
    if (!id || !entry?.cell) continue;
    const key = `${id}/${entry.cell}`;
    if (!entryActions.has(key)) entryActions.set(key, e.exerciseTime);
  }
  return state.exercise.inboxOrder.flatMap((id) => {
    const item = dictGet(state.exercise.inbox, id)!;
    return item.recipients.map((cell): StimulusMeasure => {
      const ack = dictGet(item.acks, cell)?.exerciseTime ?? null;
      const linkTimes = item.links.filter((l) => l.cell === cell).map((l) => l.exerciseTime);
      const entryTime = entryActions.get(`${id}/${cell}`);
      const actions = entryTime === undefined ? linkTimes : [...linkTimes, entryTime];
      const firstAction = actions.length > 0 ? Math.min(...actions) : null;
      return {
        stimulusId: id,
        subject: item.subject,
        cell,
        injectedAt: item.injectedAt,
        acknowledgedAt: ack,
        ackDelay: ack === null ? null : ack - item.injectedAt,
        firstActionAt: firstAction,
        actionDelay: firstAction === null ? null : firstAction - item.injectedAt,
      };
    });
  });
}
