import { useT } from '../i18n/index.js';
import type { CommandType, PayloadOf } from '../../shared/commands.js';
import { exerciseTimeAt } from '../../shared/exercise/clock.js';
import type { SectionProps } from './section.js';
import { refusalText } from './hooks/useCommand.js';
import { ConfirmButton } from './ConfirmDialog.js';
import { endClockFigures, endClockText } from './end-clock.js';

/**
 * Director's clock: DEBEX, pause for everyone, resume, speed ×1–×10, and — set apart, confirmed first because
 * nothing undoes it — FINEX (an exercise) or the end of the crisis (a crisis room, whose clock runs from T0).
 */
export function ClockControls(props: SectionProps & { onError(message: string | null): void }) {
  const { t } = useT();
  const { clock, room } = props.state;
  const run = async <K extends CommandType>(type: K, payload: PayloadOf<K>) => {
    const ack = await props.send(type, payload);
    props.onError(refusalText(t, ack));
  };
  return (
    <div className="clock-controls" data-testid="clock-controls">
      {clock.status === 'not_started' && <button onClick={() => run('clock.start', {})}>{t('clock.start')}</button>}
      {clock.status === 'running' && <button onClick={() => run('clock.pause', {})}>{t('clock.pause')}</button>}
      {clock.status === 'paused' && <button onClick={() => run('clock.resume', {})}>{t('clock.resume')}</button>}
      {clock.status !== 'ended' && (
        <label>
          {t('clock.speed')}
          <select value={clock.speed} onChange={(e) => run('clock.setSpeed', { speed: Number(e.target.value) })}>
            {[1, 2, 5, 10].map((s) => (
              <option key={s} value={s}>
                ×{s}
              </option>
            ))}
          </select>
        </label>
      )}
      {clock.status !== 'ended' && clock.status !== 'not_started' && (
        <span className="clock-end">
          <ConfirmButton danger testId="clock-end" text={() => endClockText(t, endClockFigures(props.state, exerciseTimeAt(clock, props.serverNow())))} onConfirm={() => void run('clock.end', {})}>
            {t(room.mode === 'crisis' ? 'clock.endCrisis' : 'clock.end')}
          </ConfirmButton>
        </span>
      )}
    </div>
  );
}
