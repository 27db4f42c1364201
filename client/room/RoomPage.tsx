import { Suspense, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n/index.js';
import { loadSession } from '../app/session-storage.js';
import { navigate } from '../app/navigation.js';
import { useRoom } from './useRoom.js';
import { roomSections, roomSummaries } from './sections.js';
import { preloadAll } from '../app/lazy-component.js';
import { ModeBanner, PresencePanel, RoomHeader } from './RoomHeader.js';
import type { SectionProps } from './section.js';
import { RoomContext } from './room-context.js';
import { OfflineBanner } from '../offline/OfflineBanner.js';
import { OutboxPanel } from '../offline/OutboxPanel.js';
import { logOut } from '../offline/logout.js';
import { SessionEnded } from './SessionEnded.js';
import { useStickyHeight } from './hooks/useStickyHeight.js';

/** The room: banner, header (clock, connection, summaries) and tabs always on screen, the domain's tab, presence. */
export function RoomPage({ roomId }: { roomId: string }) {
  const { t } = useT();
  const session = useMemo(() => loadSession(roomId), [roomId]);
  const room = useRoom(session);
  const [active, setActive] = useState('overview');
  // Every tab's code is fetched once the room has rendered (`room.me`), not at mount, where ~400 KB gzip of other tabs
  // arrived before the first render and delayed it; the map is no slower (docs/performance.md, issue 15).
  useEffect(() => void (room.me && preloadAll([...roomSections.map((s) => s.Component), ...roomSummaries])), [room.me]);

  if (!session) {
    navigate('/join');
    return null;
  }
  if (room.connection === 'revoked') return <SessionEnded session={session} reason={room.error} close={room.close} />;
  if (!room.me) {
    return (
      <main className="loading">
        {room.error && <p role="alert">{room.error}</p>}
        {t('connection.reconnecting')}
      </main>
    );
  }

  const me = room.me;
  const pending = room.outbox.filter((r) => r.status === 'pending').length;
  const logout = () => {
    // Logging out deletes the outbox with the rest: commands not yet sent would be lost, so she is asked first.
    if (pending > 0 && !confirm(t('session.logoutPending', { count: pending }))) return;
    void logOut(roomId, me.token, room.close).then(
      // A signed-in session ends at the provider too, which then shows the server's « signed out » page.
      ({ endSessionUrl }) => (endSessionUrl ? location.assign(endSessionUrl) : navigate(session.identity ? `/sign-in/${roomId}` : '/join')),
      () => navigate('/join'),
    );
  };
  const props: SectionProps = { state: room.state, me: room.me, presence: room.presence, send: room.send, serverNow: room.serverNow };
  const visible = roomSections.filter((s) => (!s.roles || s.roles.includes(room.me!.role)) && (!s.visible || s.visible(room.state)));
  const current = visible.find((s) => s.id === active) ?? visible[0]!;
  return (
    <RoomContext.Provider value={props}>
      <div className="room" data-role={room.me.role} data-cell={room.me.cell ?? ''}>
        <RoomTop>
          <ModeBanner mode={room.state.room.mode} paused={room.state.clock.status === 'paused'} />
          {room.state.room.announcement && (
            <div className="announcement" role="status" data-testid="announcement">
              {room.state.room.announcement.text}
            </div>
          )}
          <OfflineBanner connection={room.connection} lastContactAt={room.lastContactAt} pending={pending} />
          <RoomHeader props={props} connection={room.connection} identity={session.identity ?? null} onLogout={logout} />
          <nav className="tabs" role="tablist">
            {visible.map((s) => (
              <button
                key={s.id}
                id={`tab-${s.id}`}
                role="tab"
                aria-selected={s.id === current.id}
                aria-controls="room-tabpanel"
                data-testid={`tab-${s.id}`}
                // On a phone the bar scrolls: the chosen tab is brought fully into view, not left under the fade.
                onClick={(e) => {
                  setActive(s.id);
                  e.currentTarget.scrollIntoView({ block: 'nearest', inline: 'nearest' });
                }}
              >
                {t(s.labelKey)}
              </button>
            ))}
          </nav>
        </RoomTop>
        <OutboxPanel records={room.outbox} online={room.connection === 'connected'} drop={room.dropFromOutbox} />
        <div className="room-body">
          <section className="room-main" role="tabpanel" id="room-tabpanel" aria-labelledby={`tab-${current.id}`}>
            <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
              <current.Component {...props} />
            </Suspense>
          </section>
          <PresencePanel props={props} />
        </div>
      </div>
    </RoomContext.Provider>
  );
}

/**
 * What stays on screen however long the tab (« affiché en permanence », issue 18): the EXERCICE / CRISE banner,
 * the header with the clock and the counters, the tabs. Its height is published for the page to scroll under it.
 */
function RoomTop({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useStickyHeight(ref);
  return (
    <div className="room-top" ref={ref} data-testid="room-top">
      {children}
    </div>
  );
}
