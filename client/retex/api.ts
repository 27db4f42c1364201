import { useCallback, useEffect, useState } from 'react';
import type { RoomEvent } from '../../shared/core/events.js';
import type { RetexReport } from '../../shared/retex/report.js';
import type { Me } from '../room/section.js';

async function getJson<T>(me: Me, path: string): Promise<T> {
  const res = await fetch(path, { headers: { authorization: `Bearer ${me.token}` } });
  const body = await res.json();
  if (!res.ok) throw new Error(body?.error?.message ?? res.statusText);
  return body as T;
}

export type Loaded<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

/** The report, fetched again whenever the room moves on (`seq`), so the debrief sees the latest figures. */
export function useReport(me: Me, seq: number): { report: Loaded<RetexReport>; reload(): void } {
  const [report, setReport] = useState<Loaded<RetexReport>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      getJson<RetexReport>(me, `/api/rooms/${me.roomId}/report`)
        .then((data) => live && setReport({ status: 'ready', data }))
        .catch((e: Error) => live && setReport({ status: 'error', message: e.message }));
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [me, seq, tick]);
  return { report, reload: useCallback(() => setTick((n) => n + 1), []) };
}

/** Every event this participant may see, for the replay (rebuilt with the live room's reducers). */
export function useRoomEvents(me: Me, seq: number): Loaded<RoomEvent[]> {
  const [events, setEvents] = useState<Loaded<RoomEvent[]>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    getJson<{ events: RoomEvent[] }>(me, `/api/rooms/${me.roomId}/events`)
      .then((data) => live && setEvents({ status: 'ready', data: data.events }))
      .catch((e: Error) => live && setEvents({ status: 'error', message: e.message }));
    return () => {
      live = false;
    };
  }, [me, seq]);
  return events;
}

/** Downloads an authenticated export (Markdown, CSV, archive) under its server-given name. */
export async function download(me: Me, path: string, fallbackName: string): Promise<void> {
  const res = await fetch(path, { headers: { authorization: `Bearer ${me.token}` } });
  if (!res.ok) throw new Error((await res.json().catch(() => null))?.error?.message ?? res.statusText);
  const name = res.headers.get('content-disposition')?.match(/filename="([^"]+)"/)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
