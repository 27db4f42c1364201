import { useEffect, useMemo, useState } from 'react';
import type { RoomEvent } from '../../shared/core/events.js';
import { tPlus } from '../app/time.js';
import { replayAt, replayLines, replaySpan } from '../../shared/retex/replay.js';
import type { TimelineItem } from '../../shared/retex/timeline.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { CareOfferSection } from '../care-map/CareOfferSection.js';
import { AlertChainSummary } from '../alert-chain/AlertChainSummary.js';

const speeds = [1, 10, 60, 300];

/** The wall time at which the replayed clock showed `time`, so running timers read as they did then. */
function wallAt(state: { clock: { status: string; anchorWall: number; anchorExercise: number; speed: number } }, time: number): number {
  const { clock } = state;
  return clock.status === 'running' ? clock.anchorWall + (time - clock.anchorExercise) / clock.speed : clock.anchorWall;
}
const readOnly: SectionProps['send'] = async () => ({ ok: false, error: { code: 'forbidden', message: 'Relecture : lecture seule.' } });

/**
 * Replay: the room at any exercise time, rebuilt from the log by the live room's own reducers.
 * A slider to move, and play at ×N, with the chronology's last lines at that time. Nothing here can send a command.
 */
export function ReplayPanel({ props, events, timeline, onCursor }: { props: SectionProps; events: RoomEvent[]; timeline: TimelineItem[]; onCursor(t: number): void }) {
  const { t } = useT();
  const span = useMemo(() => replaySpan(events), [events]);
  const [time, setTime] = useState(span.end);
  const [speed, setSpeed] = useState<number | null>(null);
  const { role, cell } = props.me;
  const state = useMemo(() => replayAt(props.me.roomId, events, { role, cell }, time), [events, time, props.me.roomId, role, cell]);
  const entries = useMemo(() => events.filter((e) => e.type === 'mainCourante.entryAdded' && e.exerciseTime <= time).length, [events, time]);
  const versions = useMemo(() => events.filter((e) => e.type === 'comms.validated' && e.exerciseTime <= time).length, [events, time]);
  const lines = useMemo(() => replayLines(timeline, time), [timeline, time]);

  useEffect(() => onCursor(time), [time, onCursor]);
  useEffect(() => {
    if (speed === null) return;
    const id = setInterval(() => setTime((x) => Math.min(span.end, x + 1000 * speed)), 1000);
    return () => clearInterval(id);
  }, [speed, span.end]);
  useEffect(() => {
    if (time >= span.end) setSpeed(null);
  }, [time, span.end]);

  const replayProps: SectionProps = { ...props, state, send: readOnly, me: { ...props.me, role: 'observer' }, serverNow: () => wallAt(state, time) };
  return (
    <section className="retex-block retex-replay" data-testid="retex-replay">
      <h3>{t('retex.replay')}</h3>
      <div className="retex-replay-controls">
        <input
          type="range"
          min={span.start}
          max={span.end}
          step={1000}
          value={time}
          aria-label={t('retex.replaySlider')}
          data-testid="replay-slider"
          onChange={(e) => setTime(Number(e.target.value))}
        />
        <output data-testid="replay-time">{tPlus(time)}</output>
        {speeds.map((s) => (
          <button
            key={s}
            onClick={() => {
              if (time >= span.end) setTime(span.start);
              setSpeed(s);
            }}
          >
            ▶ ×{s}
          </button>
        ))}
        <button onClick={() => setSpeed(null)}>❚❚</button>
      </div>
      <p data-testid="replay-counts">{t('retex.replayCounts', { entries, versions, injected: state.exercise.inboxOrder.length })}</p>
      <h4>{t('retex.replayLines')}</h4>
      <ol className="retex-replay-lines" data-testid="replay-lines">
        {lines.map((item) => (
          <li key={item.seq}>
            <span className="muted">{tPlus(item.exerciseTime)}</span> {item.label}
          </li>
        ))}
      </ol>
      <AlertChainSummary state={state} serverNow={replayProps.serverNow} />
      <CareOfferSection {...replayProps} />
    </section>
  );
}
