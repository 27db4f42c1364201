import { useRef, useState } from 'react';
import { exerciseTimeAt } from '../../shared/exercise/clock.js';
import type { ChronogrammeItem } from '../../shared/exercise/stimuli-state.js';
import { useT } from '../i18n/index.js';
import { ClockControls } from '../room/ClockControls.js';
import { useTick } from '../room/hooks/useTick.js';
import { useStickyHeight } from '../room/hooks/useStickyHeight.js';
import type { SectionProps } from '../room/section.js';
import { ActivityFeed } from './ActivityFeed.js';
import { AdHocForm, type AdHocPreset } from './AdHocForm.js';
import { ChronogrammeRow, countdownText } from './ChronogrammeRow.js';
import { CommsCheckPanel } from './CommsCheckPanel.js';
import { OutboxPanel } from '../notifications/OutboxPanel.js';
import { rowTiming } from './chronogramme.js';
import './exercise.css';
import { dictPick } from '../../shared/core/dict.js';
import { tPlus } from '../app/time.js';

/**
 * Console d'animation (director only): the clock and "Pause pour tous", the live chronogramme, the players'
 * replies and acknowledgements, the ad hoc stimulus form, and before DEBEX the communications check.
 */
export function AnimatorSection(props: SectionProps) {
  const { t } = useT();
  useTick();
  const [error, setError] = useState<string | null>(null);
  const [preset, setPreset] = useState<AdHocPreset | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [showDone, setShowDone] = useState(true);
  const { state } = props;
  const animator = state.exercise.animator;
  if (!animator) {
    return (
      <div className="animator-console">
        <ClockControls {...props} onError={setError} />
        <p className="empty-state">{t('exercise.noScenario')}</p>
        <CommsCheckPanel {...props} />
        {state.room.mode === 'exercise' && <OutboxPanel />}
      </div>
    );
  }
  const exerciseNow = exerciseTimeAt(state.clock, props.serverNow());
  const items = dictPick(animator.items, animator.order);
  const pending = items.filter((i) => i.status === 'scheduled' || i.status === 'waiting');
  const next = nextDue(pending, exerciseNow);
  const shown = showDone ? items : pending;
  const resetForm = (p: AdHocPreset | null) => {
    setPreset(p);
    setFormKey((k) => k + 1);
  };
  const answer = (p: AdHocPreset) => {
    resetForm(p);
    document.getElementById('adhoc')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  return (
    <div className="animator-console" data-testid="animator-console">
      <ConsoleBar props={props} items={items} next={next} onError={setError} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {state.clock.status === 'not_started' && <CommsCheckPanel {...props} />}
      <div className="console-grid">
        <section className="card chronogramme" aria-labelledby="chronogramme-title">
          <div className="section-head">
            <h2 id="chronogramme-title">{t('exercise.console.chronogramme')}</h2>
            <label className="checkbox">
              <input type="checkbox" checked={showDone} onChange={(e) => setShowDone(e.target.checked)} />
              {t('exercise.console.showDone')}
            </label>
          </div>
          <table className="chrono-table">
            <thead>
              <tr>
                <th scope="col">{t('exercise.console.col.time')}</th>
                <th scope="col">{t('exercise.console.col.stimulus')}</th>
                <th scope="col">{t('exercise.console.col.status')}</th>
                <th scope="col">{t('exercise.console.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((item) => (
                <ChronogrammeRow key={item.stimulus.id} props={props} item={item} exerciseNow={exerciseNow} next={item === next?.item} />
              ))}
            </tbody>
          </table>
        </section>
        <div className="console-side">
          <ActivityFeed props={props} onAnswer={answer} />
          {state.room.mode === 'exercise' && <OutboxPanel />}
          <section className="card" id="adhoc">
            <div className="section-head">
              <h3>{t('exercise.adhoc.title')}</h3>
              {preset && (
                <button type="button" className="link" onClick={() => resetForm(null)}>
                  {t('exercise.adhoc.clear')}
                </button>
              )}
            </div>
            <AdHocForm key={formKey} props={props} scenario={animator.scenario} preset={preset} onSent={() => resetForm(null)} />
          </section>
        </div>
      </div>
      {state.clock.status !== 'not_started' && (
        <details className="later-check">
          <summary>{t('exercise.check.title')}</summary>
          <CommsCheckPanel {...props} />
        </details>
      )}
    </div>
  );
}

/** The row that goes out next, with its countdown (rows waiting for a condition have no time yet). */
function nextDue(pending: ChronogrammeItem[], exerciseNow: number): { item: ChronogrammeItem; at: number; remaining: number } | null {
  const due = pending.flatMap((item) => {
    const timing = rowTiming(item, exerciseNow);
    return timing.kind === 'due' ? [{ item, at: timing.at, remaining: timing.remaining }] : [];
  });
  return due.sort((a, b) => a.at - b.at)[0] ?? null;
}

const statuses = ['injected', 'scheduled', 'waiting', 'skipped', 'cancelled'] as const;

/** Always in view: the clock with "Pause pour tous", the next stimulus and its countdown (after FINEX, its time), the counts. */
function ConsoleBar({ props, items, next, onError }: { props: SectionProps; items: ChronogrammeItem[]; next: ReturnType<typeof nextDue>; onError(message: string | null): void }) {
  const { t } = useT();
  // It sticks below the room's top: what the console scrolls to (the ad hoc form) lands below both.
  const bar = useRef<HTMLDivElement>(null);
  useStickyHeight(bar, '--console-bar-height');
  return (
    <div className="console-bar card" ref={bar}>
      <ClockControls {...props} onError={onError} />
      <div className="console-next" data-testid="console-next">
        {/* After FINEX nothing goes out any more: a countdown would say the opposite. */}
        {props.state.clock.status === 'ended' ? (
          <strong data-testid="console-ended">{t('exercise.console.ended', { time: tPlus(props.state.clock.anchorExercise) })}</strong>
        ) : next ? (
          <>
            <span className="muted">{t('exercise.console.next')}</span> <strong>{next.item.stimulus.id}</strong> {next.item.stimulus.subject}{' '}
            <span className="countdown">{countdownText(t, next.remaining, props.state.clock)}</span>
          </>
        ) : (
          <span className="muted">{t('exercise.console.nothingNext')}</span>
        )}
      </div>
      <div className="console-counts">
        {statuses.map((status) => (
          <span key={status} className={`chip chip-${status}`}>
            {t(`exercise.status.${status}`)} {items.filter((i) => i.status === status).length}
          </span>
        ))}
      </div>
    </div>
  );
}
