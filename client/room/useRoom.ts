import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { RoomEvent } from '../../shared/core/events.js';
import { applyEvent } from '../../shared/domain.js';
import { initialRoomState, type RoomState } from '../../shared/room-state.js';
import type { CommandAck, PresenceEntry, PresenceMessage, WelcomeMessage } from '../../shared/protocol.js';
import type { StoredSession } from '../app/session-storage.js';
import type { Me } from './section.js';

/** How long a client waits before asking again for a quarantined room. */
const quarantineRetryMs = 15_000;

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'revoked';

export interface RoomConnection {
  state: RoomState;
  me: Me | null;
  presence: PresenceEntry[];
  connection: ConnectionState;
  error: string | null;
  send(type: string, payload: unknown): Promise<CommandAck>;
  serverNow(): number;
}

const newCommandId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

/**
 * The live room for one session: connects with the token and the last seq seen, applies the missed
 * events (or the snapshot), then every live event, with the shared reducer. Commands sent while offline
 * wait in socket.io's buffer and carry an id, so a resend after a lost ack never duplicates them.
 */
export function useRoom(session: StoredSession | null): RoomConnection {
  const [state, setState] = useState<RoomState>(() => initialRoomState(session?.roomId ?? ''));
  const [me, setMe] = useState<Me | null>(null);
  const [presence, setPresence] = useState<PresenceEntry[]>([]);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [error, setError] = useState<string | null>(null);
  const lastSeq = useRef(0);
  const clockOffset = useRef(0);
  const socketRef = useRef<Socket | null>(null);

  useEffect(() => {
    if (!session) return;
    const socket = io({
      auth: (cb) => cb({ token: session.token, lastSeq: lastSeq.current }),
      transports: ['websocket', 'polling'],
    });
    socketRef.current = socket;
    const applyAll = (events: RoomEvent[]) => {
      const fresh = events.filter((e) => e.seq > lastSeq.current);
      if (fresh.length === 0) return;
      lastSeq.current = fresh[fresh.length - 1]!.seq;
      setState((s) => fresh.reduce(applyEvent, s));
    };
    socket.on('welcome', (w: WelcomeMessage) => {
      clockOffset.current = w.serverTime - Date.now();
      setMe({ ...w.me, token: session.token });
      if (w.catchUp.kind === 'snapshot') {
        setState(w.catchUp.state as RoomState);
        lastSeq.current = w.catchUp.headSeq;
      } else {
        applyAll(w.catchUp.events);
        lastSeq.current = Math.max(lastSeq.current, w.catchUp.headSeq);
      }
      setConnection('connected');
      setError(null);
    });
    socket.on('event', (e: RoomEvent) => applyAll([e]));
    socket.on('presence', (p: PresenceMessage) => setPresence(p.participants));
    // The server says why (revoked by the director, or expired): the page shows that reason.
    socket.on('revoked', (message: { reason?: unknown } | undefined) => {
      if (typeof message?.reason === 'string') setError(message.reason);
      setConnection('revoked');
    });
    socket.on('disconnect', () => setConnection((c) => (c === 'revoked' ? c : navigator.onLine ? 'reconnecting' : 'offline')));
    socket.on('connect_error', (err: Error & { data?: { code?: string; message?: string } }) => {
      if (err.data?.code === 'unauthorized' || err.data?.code === 'not_found') {
        setConnection('revoked');
        setError(err.data.message ?? err.message);
        socket.disconnect();
        return;
      }
      if (err.data?.code === 'unavailable') {
        // The room is quarantined on the server: say so, and try again later (the operator may repair it).
        // A refusal by the server's middleware is not retried by socket.io itself.
        setError(err.data.message ?? err.message);
        setConnection('reconnecting');
        setTimeout(() => socketRef.current === socket && socket.connect(), quarantineRetryMs);
        return;
      }
      setConnection(navigator.onLine ? 'reconnecting' : 'offline');
    });
    const onOffline = () => setConnection((c) => (c === 'connected' ? c : 'offline'));
    addEventListener('offline', onOffline);
    return () => {
      removeEventListener('offline', onOffline);
      socket.close();
      socketRef.current = null;
    };
  }, [session]);

  const send = useCallback(
    (type: string, payload: unknown) =>
      new Promise<CommandAck>((resolve) => {
        const socket = socketRef.current;
        if (!socket) return resolve({ ok: false, error: { code: 'internal', message: 'Pas de connexion.' } });
        socket.emit('command', { id: newCommandId(), type, payload }, (ack: CommandAck) => resolve(ack));
      }),
    [],
  );
  const serverNow = useCallback(() => Date.now() + clockOffset.current, []);

  return { state, me, presence, connection, error, send, serverNow };
}
