import { useState } from 'react';
import { useT } from '../i18n/index.js';
import type { SectionProps } from './section.js';
import { ClockControls } from './ClockControls.js';
import { useCan } from './room-context.js';
import { dictGet } from '../../shared/core/dict.js';
import { ActionError, useCommand } from './hooks/useCommand.js';
import { CellSituation } from './CellSituation.js';

/** The room at a glance: a player's cell situation, mode, cells, communications check, announcements and (director) the clock. */
export function OverviewSection(props: SectionProps) {
  const { t } = useT();
  const { room } = props.state;
  const [announcement, setAnnouncement] = useState('');
  const checkedIn = !!dictGet(room.checkIns, props.me.sessionId);
  const mayCheckIn = useCan('participant.checkIn') === null;
  const checkInRefusal = useCan('participant.checkIn', {});
  const mayAnnounce = useCan('room.announce') === null;
  const mayRunClock = useCan('clock.start') === null;

  const { run, error, setError } = useCommand(props.send);

  return (
    <div className="overview">
      <p>
        <strong>{t(`overview.mode.${room.mode}`)}</strong> — {room.title}
      </p>
      {props.me.role === 'player' && props.me.cell && <CellSituation {...props} cell={props.me.cell} />}
      <h3>{t('overview.cells')}</h3>
      <ul>
        {room.cells.map((c) => (
          <li key={c.id}>{c.label}</li>
        ))}
      </ul>
      <h3>{t('overview.checkIns')}</h3>
      {mayCheckIn && (
        <button disabled={checkInRefusal !== null} title={checkInRefusal?.message} onClick={() => run('participant.checkIn', {})} data-testid="check-in">
          {checkedIn ? t('overview.checkedIn') : t('overview.checkIn')}
        </button>
      )}
      <ul data-testid="check-ins">
        {Object.values(room.checkIns).map((c) => (
          <li key={c.sessionId}>
            ✔ {c.name} — {c.cell ? (room.cells.find((x) => x.id === c.cell)?.label ?? c.cell) : t(`role.${c.role}`)}
          </li>
        ))}
      </ul>
      {mayRunClock && <ClockControls {...props} onError={setError} />}
      {mayAnnounce && (
        <>
          <form
            className="inline-form"
            onSubmit={async (e) => {
              e.preventDefault();
              if (await run('room.announce', { text: announcement })) setAnnouncement('');
            }}
          >
            <label>
              {t('overview.announce')}
              <input value={announcement} onChange={(e) => setAnnouncement(e.target.value)} maxLength={500} />
            </label>
            <button type="submit">{t('overview.announceSend')}</button>
          </form>
        </>
      )}
      <ActionError error={error} />
    </div>
  );
}
