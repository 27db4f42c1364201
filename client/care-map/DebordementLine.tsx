import { debordementOverdue } from '../../shared/care-map/debordement.js';
import type { SiteNames } from '../../shared/care-map/names.js';
import type { Debordement } from '../../shared/care-map/state.js';
import { formatDue } from '../../shared/decisions/due.js';
import { exerciseTimeAt } from '../../shared/exercise/clock.js';
import type { RoomState } from '../../shared/room-state.js';
import { useT } from '../i18n/index.js';
import { useTick } from '../room/hooks/useTick.js';

/**
 * One débordement in words, with its planned end on its own clock (« T+01:30:00 » or « 14:00 (heure de Paris) ») and
 * « fin prévue dépassée » once the room's clock passed it: shown, never acted upon (the cell ends it or sets a new end).
 */
export function DebordementLine({ d, state, names, serverNow, when }: { d: Debordement; state: RoomState; names: SiteNames; serverNow(): number; when(wall: number, exercise: number): string }) {
  const { t } = useT();
  useTick(5000);
  const wallTime = serverNow();
  const overdue = debordementOverdue(d, { wallTime, exerciseTime: exerciseTimeAt(state.clock, wallTime) });
  return (
    <span data-testid={`debordement-${d.samu}`} data-overdue={overdue ? 'true' : 'false'}>
      {t('careMap.debordement.to', { to: names.samu(d.to), time: when(d.since, d.sinceExerciseTime), end: formatDue(d.plannedEnd) })}
      {overdue && <strong className="error"> ⚠ {t('careMap.debordement.overdue')}</strong>}
      {d.flags.map((flag) => (
        <strong key={flag} className="error">
          {' '}
          ⚠ {t(`careMap.flag.${flag}`)}
        </strong>
      ))}
    </span>
  );
}
