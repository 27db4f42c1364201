import { Suspense } from 'react';
import { exerciseTimeAt } from '../../shared/exercise/clock.js';
import { simulatedStartOf, tPlus } from '../app/time.js';
import { simulatedTimeLabel, wallTimeLabel } from '../../shared/core/clock-labels.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from './section.js';
import type { ConnectionState } from './useRoom.js';
import { roomSummaries } from './sections.js';
import { useTick } from './hooks/useTick.js';
import type { ActorIdentity } from '../../shared/identity/identity.js';
import type { PresenceEntry } from '../../shared/protocol.js';
import { VerifiedBadge } from '../identity/VerifiedBadge.js';

/**
 * The permanent banner: nobody may mistake an exercise for a real crisis, or the reverse. A paused clock is
 * said in words there too (not only by the clock's colour), and announced: the live region is always
 * rendered so that a screen reader hears « EN PAUSE » appear and go.
 */
export function ModeBanner({ mode, paused = false }: { mode: 'exercise' | 'crisis'; paused?: boolean }) {
  const { t } = useT();
  return (
    <div className={`mode-banner mode-${mode}${paused ? ' mode-paused' : ''}`} role="banner" data-testid="mode-banner">
      {t(mode === 'crisis' ? 'banner.crisis' : 'banner.exercise')}
      <span className="mode-banner-pause" aria-live="polite" data-testid="banner-paused">
        {paused ? ` — ${t('banner.paused')}` : ''}
      </span>
    </div>
  );
}

export function ExerciseClock({ props }: { props: SectionProps }) {
  const { t, lang } = useT();
  useTick();
  const { clock } = props.state;
  const wallNow = props.serverNow();
  const now = exerciseTimeAt(clock, wallNow);
  const simulatedStart = simulatedStartOf(props.state);
  // Beside T+: the scenario's time of day in an exercise that has one; in a crisis, the real time of day.
  const beside = simulatedStart ? simulatedTimeLabel(simulatedStart, now, lang) : props.state.room.mode === 'crisis' ? wallTimeLabel(wallNow, { lang }) : null;
  return (
    <div className={`clock clock-${clock.status}`} data-testid="exercise-clock" title={t('clock.exerciseTime')}>
      <span className="clock-time">{tPlus(now)}</span>
      {beside && (
        <span className="clock-of-day" data-testid="clock-of-day">
          {beside}
        </span>
      )}
      <span className="clock-status">
        {t(`clock.${clock.status}`)}
        {clock.speed !== 1 ? ` ×${clock.speed}` : ''}
      </span>
    </div>
  );
}

export function ConnectionBadge({ connection }: { connection: ConnectionState }) {
  const { t } = useT();
  const key = connection === 'connected' ? 'connected' : connection === 'offline' ? 'offline' : 'reconnecting';
  return (
    <span className={`connection connection-${key}`} data-testid="connection-state" data-state={key}>
      {t(`connection.${key}`)}
    </span>
  );
}

/** Who is connected, grouped by cell (players) or role (others); a name a provider vouched for has its badge. */
export function PresencePanel({ props }: { props: SectionProps }) {
  const { t } = useT();
  const groups = new Map<string, PresenceEntry[]>();
  for (const p of props.presence) {
    const label = p.role === 'player' ? (props.state.room.cells.find((c) => c.id === p.cell)?.label ?? p.cell ?? '') : t(`role.${p.role}`);
    groups.set(label, [...(groups.get(label) ?? []), p]);
  }
  return (
    <aside className="presence" data-testid="presence">
      <h3>{t('presence.title')}</h3>
      {groups.size === 0 && <p className="muted">{t('presence.none')}</p>}
      {[...groups].map(([label, entries]) => (
        <div key={label} className="presence-group">
          <strong>{label}</strong>
          <ul>
            {entries.map((p) => (
              <li key={p.sessionId} data-testid="presence-name" data-verified={p.verified ? 'true' : 'false'}>
                {p.name}
                {p.verified && <VerifiedBadge identity={p.verified} />}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </aside>
  );
}

/** `identity`: how this page's own name was verified (the stored session's), null for a session opened with a code. */
export function RoomHeader({ props, connection, identity, onLogout }: { props: SectionProps; connection: ConnectionState; identity: ActorIdentity | null; onLogout(): void }) {
  const { t, lang, setLang } = useT();
  const { room } = props.state;
  return (
    <header className="room-header">
      <div className="room-title">
        <h1>{room.title || t('app.title')}</h1>
        <span className="muted room-me" data-testid="me">
          {props.me.name} — {t(`role.${props.me.role}`)}
          {props.me.cell ? ` (${room.cells.find((c) => c.id === props.me.cell)?.label ?? props.me.cell})` : ''}
          {identity && <VerifiedBadge identity={identity} />}
        </span>
      </div>
      {/* Focusable: on a phone the summaries scroll sideways, and a keyboard must be able to scroll them too. */}
      <div className="room-summaries" role="region" aria-label={t('room.summaries')} tabIndex={0}>
        {/* Summaries load with their feature's code (React.lazy); until then the header keeps its place. */}
        <Suspense fallback={null}>
          {roomSummaries.map((Summary, i) => (
            <Summary key={i} {...props} />
          ))}
        </Suspense>
      </div>
      <ExerciseClock props={props} />
      <div className="room-account">
        <ConnectionBadge connection={connection} />
        <button className="link" onClick={() => setLang(lang === 'fr' ? 'en' : 'fr')}>
          {t('lang.switch')}
        </button>
        <button className="link" onClick={onLogout} data-testid="logout" title={t('session.logoutHelp')}>
          {t('session.logout')}
        </button>
      </div>
    </header>
  );
}
