import { parisTime } from '../../shared/decisions/due.js';
import type { CrisisAction } from '../../shared/decisions/state.js';
import { useT } from '../i18n/index.js';
import { tPlus } from '../app/time.js';

/** A due time saying which clock it is on: « heure d'exercice T+00:30:00 » or « heure de Paris 14:00 ». */
export function DueText({ due }: { due: CrisisAction['due'] }) {
  const { t } = useT();
  if (!due) return <span className="muted">{t('decisions.due.none')}</span>;
  return <span>{due.clock === 'exercise' ? t('decisions.due.exercise', { time: tPlus(due.at) }) : t('decisions.due.wall', { time: parisTime(due.at) })}</span>;
}
