import { parisTime } from '../../shared/decisions/due.js';
import type { CrisisAction } from '../../shared/decisions/state.js';
import { simulatedTimeLabel } from '../../shared/core/clock-labels.js';
import { useT } from '../i18n/index.js';
import { simulatedStartOf, tPlus } from '../app/time.js';
import { useRoomProps } from '../room/room-context.js';

/**
 * A due time saying which clock it is on: « heure d'exercice T+00:30:00 » (with the scenario's simulated time of
 * day beside it when it has one: « · 08 h 30 (simulée) ») or « heure de Paris 14:00 ».
 */
export function DueText({ due }: { due: CrisisAction['due'] }) {
  const { t, lang } = useT();
  const simulatedStart = simulatedStartOf(useRoomProps().state);
  if (!due) return <span className="muted">{t('decisions.due.none')}</span>;
  if (due.clock === 'wall') return <span>{t('decisions.due.wall', { time: parisTime(due.at) })}</span>;
  const simulated = simulatedStart ? ` · ${simulatedTimeLabel(simulatedStart, due.at, lang)}` : '';
  return <span>{t('decisions.due.exercise', { time: tPlus(due.at) }) + simulated}</span>;
}
