import { useEffect, useState } from 'react';
import type { RoomAccessResponse } from '../../shared/identity/rest.js';
import { api, ApiError } from '../app/api.js';

/** How a room is entered, as its public `access` route says; `unknown`: there is no such room. */
export type RoomAccessState = { status: 'loading' } | { status: 'unknown' } | { status: 'error'; message: string } | { status: 'ready'; data: RoomAccessResponse };

export function useRoomAccess(roomId: string): RoomAccessState {
  const [state, setState] = useState<RoomAccessState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    api.json<RoomAccessResponse>(`/api/rooms/${encodeURIComponent(roomId)}/access`).then(
      (data) => live && setState({ status: 'ready', data }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && error.status === 404) setState({ status: 'unknown' });
        else setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [roomId]);
  return state;
}
