import { ChoiceSelect, cellChoices } from '../app/ChoiceSelect.js';
import { useState } from 'react';
import { dueSaid, timeSaid } from '../../shared/sitrep/format.js';
import { isDueMet } from '../../shared/sitrep/schedule.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { refusalFor, useCan } from '../room/room-context.js';
import { ActionError, useCommand } from '../room/hooks/useCommand.js';
import { SitrepPanel } from './SitrepPanel.js';
import './sitrep.css';

const hhmm = (text: string) => {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  return m ? (Number(m[1]) * 60 + Number(m[2])) * 60_000 : null;
};

/** Points de situation: the list (number, time, status, late), the selected point, the schedule (director). */
export function SitrepSection(props: SectionProps) {
  const { t } = useT();
  const { state } = props;
  const { points, validatorCell, schedule } = state.sitrep;
  const mode = state.room.mode;
  const [selected, setSelected] = useState<number | null>(null);
  const [every, setEvery] = useState('120');
  const [from, setFrom] = useState('02:00');
  const command = useCommand(props.send);
  const current = points.find((p) => p.n === selected) ?? points.at(-1) ?? null;
  const cellLabel = (id: string) => state.room.cells.find((c) => c.id === id)?.label ?? id;
  const openRefusal = useCan('sitrep.open', {});
  const mayChooseValidator = refusalFor(props, 'sitrep.setValidator') === null;
  const maySchedule = refusalFor(props, 'sitrep.setSchedule') === null;
  const lateDues = new Set(state.sitrep.late);

  const setSchedule = async () => {
    const minutes = Number(every);
    const offset = hhmm(from);
    if (offset === null) return;
    if (mode === 'crisis') {
      // « À partir de 10 h 00 » today, on the wall clock.
      const day = new Date(props.serverNow());
      day.setHours(0, 0, 0, 0);
      await command.run('sitrep.setSchedule', { everyMinutes: minutes, fromWallTime: day.getTime() + offset });
    } else {
      await command.run('sitrep.setSchedule', { everyMinutes: minutes, fromExerciseTime: offset });
    }
  };

  return (
    <div className="sitrep" data-testid="sitrep">
      <aside className="sitrep-list no-print">
        <p className="muted">{t('sitrep.validator', { cell: cellLabel(validatorCell) })}</p>
        {mayChooseValidator && (
          <ChoiceSelect
            label={t('sitrep.setValidator')}
            value={validatorCell}
            onChange={(cell) => void props.send('sitrep.setValidator', { cell })}
            choices={cellChoices(state.room.cells)}
            testId="sitrep-validator"
          />
        )}
        {openRefusal === null && (
          <button onClick={() => command.run('sitrep.open', {})} data-testid="sitrep-open">
            {t('sitrep.open')}
          </button>
        )}
        {points.length === 0 && <p className="muted">{t('sitrep.none')}</p>}
        <ul>
          {points.map((p) => (
            <li key={p.n}>
              <button className={`sitrep-item${p.n === current?.n ? ' sitrep-item-current' : ''}`} onClick={() => setSelected(p.n)} data-testid={`sitrep-item-${p.n}`}>
                <span>
                  n°{p.n} — {timeSaid(mode, p.at)}
                </span>
                <span className={`sitrep-status sitrep-status-${p.status}`}>{t(`sitrep.status.${p.status}`)}</span>
              </button>
            </li>
          ))}
          {[...lateDues]
            .filter((due) => !isDueMet(state.sitrep, due))
            .map((due) => (
              <li key={`late-${due}`} className="warn-text" data-testid="sitrep-late">
                {dueSaid(mode, state.clock, due)} — {t('sitrep.late')}
              </li>
            ))}
        </ul>
        <section className="sitrep-schedule">
          <h4>{t('sitrep.schedule')}</h4>
          <p className="muted">{schedule ? t('sitrep.schedule.current', { every: schedule.everyMinutes, from: dueSaid(mode, state.clock, schedule.firstDueAt) }) : t('sitrep.noSchedule')}</p>
          {maySchedule && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void setSchedule();
              }}
            >
              <label>
                {t('sitrep.schedule.every')}
                <input type="number" min={15} max={1440} value={every} onChange={(e) => setEvery(e.target.value)} data-testid="sitrep-every" />
              </label>
              <label>
                {mode === 'crisis' ? t('sitrep.schedule.fromWall') : t('sitrep.schedule.from')}
                <input value={from} onChange={(e) => setFrom(e.target.value)} data-testid="sitrep-from" />
              </label>
              <button type="submit" disabled={hhmm(from) === null} data-testid="sitrep-schedule-set">
                {t('sitrep.schedule.set')}
              </button>
            </form>
          )}
        </section>
        <ActionError error={command.error} />
      </aside>
      <div className="sitrep-main">{current ? <SitrepPanel key={current.n} point={current} props={props} /> : null}</div>
    </div>
  );
}
