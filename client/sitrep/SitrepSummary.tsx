import { exerciseTimeAt } from '../../shared/exercise/clock.js';
import { dueSaid } from '../../shared/sitrep/format.js';
import { latePoint, nextDueAt } from '../../shared/sitrep/schedule.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { useTick } from '../room/hooks/useTick.js';

/** The schedule in the room header, on every tab: « Prochain point 14 h 00 », or « Point en retard ». */
export function SitrepSummary({ state, serverNow }: SectionProps) {
  const { t } = useT();
  useTick(1000);
  const { sitrep, clock, room } = state;
  if (!sitrep.schedule) return null;
  const now = exerciseTimeAt(clock, serverNow());
  const late = latePoint(sitrep, now);
  const next = nextDueAt(sitrep, now);
  return (
    <span className="sitrep-header-summary" data-testid="sitrep-summary">
      {late !== null ? <strong className="warn-text">{t('sitrep.header.late', { time: dueSaid(room.mode, clock, late) })}</strong> : null}
      {late !== null && next !== null ? ' · ' : null}
      {next !== null ? t('sitrep.header.next', { time: dueSaid(room.mode, clock, next) }) : null}
    </span>
  );
}
