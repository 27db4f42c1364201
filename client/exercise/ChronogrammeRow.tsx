import { useState } from 'react';
import { formatOffset, isOffset } from '../../shared/exercise/scenario-offset.js';
import type { ChronogrammeItem } from '../../shared/exercise/stimuli-state.js';
import type { ClockState } from '../../shared/exercise/clock.js';
import { useT, type Translate } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { ChannelIcon } from './ChannelIcon.js';
import { StimulusDetails } from './StimulusDetails.js';
import { StimulusEditForm } from './StimulusEditForm.js';
import { formatCountdown, plannedAt, rowTiming } from './chronogramme.js';
import { cellLabel } from './inbox.js';
import { ActionError, useCommand } from '../room/hooks/useCommand.js';
import { tPlus } from '../app/time.js';
import { dictGet } from '../../shared/core/dict.js';

type Props = { props: SectionProps; item: ChronogrammeItem; exerciseNow: number; next: boolean };

const pending = (item: ChronogrammeItem) => item.status === 'scheduled' || item.status === 'waiting';

/** One row of the live chronogramme, with the animator's actions on it and its details underneath. */
export function ChronogrammeRow({ props, item, exerciseNow, next }: Props) {
  const { t } = useT();
  const animator = props.state.exercise.animator!;
  const s = item.stimulus;
  const [open, setOpen] = useState<'details' | 'edit' | 'defer' | 'skip' | null>(null);
  const [deferTo, setDeferTo] = useState(formatOffset(plannedAt(item)));
  const action = useCommand(props.send);
  const delivered = dictGet(props.state.exercise.inbox, s.id);
  const toggle = (panel: 'details' | 'edit' | 'defer' | 'skip') => setOpen((o) => (o === panel ? null : panel));
  const sender = animator.scenario.simulatedActors.find((a) => a.id === s.sender)?.label ?? s.sender;

  return (
    <>
      <tr className={`chrono-row status-${item.status} ${next ? 'is-next' : ''}`} data-testid={`chrono-${s.id}`} data-status={item.status}>
        <td className="chrono-time">
          <button type="button" className="link expander" aria-expanded={open === 'details'} onClick={() => toggle('details')} aria-label={t('exercise.console.details')}>
            {open === 'details' ? '▾' : '▸'}
          </button>
          <span className={item.deferredTo !== null ? 'deferred' : ''} title={item.deferredTo !== null ? t('exercise.console.deferredFrom', { offset: s.offset }) : ''}>
            {tPlus(plannedAt(item))}
          </span>
          <span className="muted small chrono-id">{s.id}</span>
        </td>
        <td className="chrono-stimulus">
          <div className="chrono-from">
            <ChannelIcon channel={s.channel} withLabel={false} /> <span className="chrono-sender">{sender}</span>
            <span className="muted small"> → {s.recipients.map((c) => cellLabel(props.state, c)).join(', ')}</span>
          </div>
          <div className="chrono-subject">{s.subject}</div>
        </td>
        <td className="chrono-status">
          <StatusChip item={item} />
          <Timing item={item} exerciseNow={exerciseNow} clock={props.state.clock} />
          {delivered && (
            <div className="acks">
              {delivered.recipients.map((c) => (
                <span key={c} className={`chip ${dictGet(delivered.acks, c) ? 'chip-ok' : 'chip-warn'}`} data-testid={`chrono-ack-${s.id}-${c}`} data-acked={!!dictGet(delivered.acks, c)}>
                  {dictGet(delivered.acks, c) ? '✓' : '…'} {cellLabel(props.state, c)}
                </span>
              ))}
            </div>
          )}
        </td>
        <td className="chrono-actions">
          {pending(item) && (
            <>
              <button type="button" className="inject" disabled={action.busy} onClick={() => action.run('stimulus.injectNow', { id: s.id })} data-testid={`inject-${s.id}`}>
                {t('exercise.console.inject')}
              </button>
              <div className="row-tools">
                <button type="button" className="link" aria-expanded={open === 'defer'} onClick={() => toggle('defer')} data-testid={`defer-${s.id}`}>
                  {t('exercise.console.defer')}
                </button>
                <button type="button" className="link" aria-expanded={open === 'edit'} onClick={() => toggle('edit')} data-testid={`edit-${s.id}`}>
                  {t('exercise.console.edit')}
                </button>
                <button type="button" className="link danger-text" aria-expanded={open === 'skip'} onClick={() => toggle('skip')} data-testid={`skip-${s.id}`}>
                  {t('exercise.console.skip')}
                </button>
              </div>
            </>
          )}
          <ActionError error={action.error} />
        </td>
      </tr>
      {open && (
        <tr className="chrono-panel">
          <td colSpan={4}>
            {open === 'details' && <StimulusDetails item={item} props={props} />}
            {open === 'edit' && <StimulusEditForm scenario={animator.scenario} stimulus={s} props={props} onDone={() => setOpen(null)} />}
            {open === 'defer' && (
              <form
                className="inline-form"
                onSubmit={async (e) => {
                  e.preventDefault();
                  if (await action.run('stimulus.defer', { id: s.id, to: deferTo.trim() })) setOpen(null);
                }}
              >
                <label>
                  {t('exercise.console.deferTo')}
                  <input value={deferTo} onChange={(e) => setDeferTo(e.target.value)} pattern="\d{2,3}:[0-5]\d(:[0-5]\d)?" placeholder="HH:MM" size={8} autoFocus data-testid={`defer-input-${s.id}`} />
                </label>
                <button type="submit" disabled={action.busy || !isOffset(deferTo.trim())} data-testid={`defer-save-${s.id}`}>
                  {t('exercise.console.deferSave')}
                </button>
              </form>
            )}
            {open === 'skip' && (
              <div className="inline-form confirm">
                <span>{t('exercise.console.skipConfirm', { subject: s.subject })}</span>
                <button
                  type="button"
                  className="danger"
                  disabled={action.busy}
                  onClick={async () => (await action.run('stimulus.skip', { id: s.id })) && setOpen(null)}
                  data-testid={`skip-confirm-${s.id}`}
                >
                  {t('exercise.console.skipYes')}
                </button>
                <button type="button" className="secondary" onClick={() => setOpen(null)}>
                  {t('exercise.console.cancel')}
                </button>
              </div>
            )}
          </td>
        </tr>
      )}
    </>
  );
}

function StatusChip({ item }: { item: ChronogrammeItem }) {
  const { t } = useT();
  return <span className={`chip chip-status chip-${item.status}`}>{t(`exercise.status.${item.status}`)}</span>;
}

/**
 * Countdown in wall time while the clock runs (what the animator actually waits for), in exercise time
 * otherwise. A row already due while the clock is stopped goes out at DEBEX or on resume.
 */
function Timing({ item, exerciseNow, clock }: { item: ChronogrammeItem; exerciseNow: number; clock: ClockState }) {
  const { t } = useT();
  const timing = rowTiming(item, exerciseNow);
  if (item.status === 'injected' && item.injectedAt !== null) return <div className="muted small">{t('exercise.console.sentAt', { time: tPlus(item.injectedAt) })}</div>;
  if (timing.kind === 'waiting') return <div className="muted small">{t('exercise.console.waitingFor', { event: timing.eventType })}</div>;
  if (timing.kind === 'willCancel') return <div className="muted small">{t('exercise.console.willCancel')}</div>;
  if (timing.kind !== 'due') return null;
  return <div className={`small ${timing.remaining <= 0 ? 'warn-text' : 'countdown'}`}>{countdownText(t, timing.remaining, clock)}</div>;
}

/** `dans 03:10`, or what happens to a row already due: sent now, at DEBEX, or on resume; after FINEX, never. */
export function countdownText(t: Translate, remaining: number, clock: ClockState): string {
  if (clock.status === 'ended') return t('exercise.console.notSent');
  if (remaining > 0) return t('exercise.console.in', { time: formatCountdown(clock.status === 'running' ? remaining / clock.speed : remaining) });
  if (clock.status === 'running') return t('exercise.console.sending');
  return t(clock.status === 'not_started' ? 'exercise.console.atStart' : 'exercise.console.overdue');
}
