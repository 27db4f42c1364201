import { useCallback, useEffect, useState } from 'react';
import type { RoomEvent } from '../../shared/core/events.js';
import type { RetexReport } from '../../shared/retex/report.js';
import { api, roomPath, type Loaded } from '../app/api.js';
import type { Me } from '../room/section.js';

/**
 * The report, fetched again whenever the room moves on (`seq`), so the debrief sees the latest figures. `seq` is
 * null while this participant may not read it (unreleased RETEX): nothing is asked, so no 403 is logged.
 */
export function useReport(me: Me, seq: number | null): { report: Loaded<RetexReport>; reload(): void } {
  const [report, setReport] = useState<Loaded<RetexReport>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (seq === null) return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .json<RetexReport>(roomPath(me.roomId, '/report'), { session: me })
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

/** Every event this participant may see, for the replay (rebuilt with the live room's reducers); `seq` null: not asked. */
export function useRoomEvents(me: Me, seq: number | null): Loaded<RoomEvent[]> {
  const [events, setEvents] = useState<Loaded<RoomEvent[]>>({ status: 'loading' });
  useEffect(() => {
    if (seq === null) return;
    let live = true;
    api
      .json<{ events: RoomEvent[] }>(roomPath(me.roomId, '/events'), { session: me })
      .then((data) => live && setEvents({ status: 'ready', data: data.events }))
      .catch((e: Error) => live && setEvents({ status: 'error', message: e.message }));
    return () => {
      live = false;
    };
  }, [me, seq]);
  return events;
}
