import { useEffect, useState } from 'react';
import type { RoomListResponse, RoomSummary } from '../../shared/room/rest.js';
import { api } from '../app/api.js';
import { useT } from '../i18n/index.js';

/** The server's live rooms, newest first, each with its entry page; reloaded when `version` changes. */
export function LiveRoomList({ token, version }: { token: string; version: number }) {
  const { t, lang } = useT();
  const [rooms, setRooms] = useState<RoomSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.json<RoomListResponse>('/api/rooms', { session: { token } }).then(
      (list) => {
        if (!live) return;
        setRooms([...list.rooms].sort((a, b) => b.createdAt - a.createdAt));
        setError(null);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [token, version]);

  const date = (at: number) => new Date(at).toLocaleString(lang === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section className="card" data-testid="live-rooms">
      <h2>{t('operator.rooms.title')}</h2>
      {error && (
        <p role="alert" className="error">
          {t('error.generic', { message: error })}
        </p>
      )}
      {rooms?.length === 0 && <p className="muted">{t('operator.rooms.none')}</p>}
      <ul className="live-rooms">
        {rooms?.map((room) => (
          <li key={room.roomId} data-testid={`live-room-${room.roomId}`}>
            <strong>{room.title}</strong> <span className={`operator-mode mode-${room.mode}`}>{t(`overview.mode.${room.mode}`)}</span>{' '}
            <span className="muted">{t('operator.rooms.created', { date: date(room.createdAt) })}</span> — <a href={`/sign-in/${encodeURIComponent(room.roomId)}`}>{t('operator.rooms.open')}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
