import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { RoomEvent } from '../../shared/core/events.js';
import { applyEvent } from '../../shared/domain.js';
import { initialRoomState, type RoomState } from '../../shared/room-state.js';
import type { PresenceEntry, PresenceMessage, WelcomeMessage } from '../../shared/protocol.js';
import type { StoredSession } from '../app/session-storage.js';
import { openRoomDb, type OutboxRecord, type RoomDb } from '../offline/local-db.js';
import { RoomCache } from '../offline/room-cache.js';
import { CommandOutbox } from '../offline/command-outbox.js';
import { OutboxSender, type SendOutcome } from '../offline/outbox-sender.js';
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
  /** Server time of the last sign of the server (null: never, on this device). */
  lastContactAt: number | null;
  /** Commands kept on this device: waiting to be sent, or refused on replay (for their author to read). */
  outbox: readonly OutboxRecord[];
  /** Withdraws a pending command, or dismisses a refusal once read. */
  dropFromOutbox(id: string): void;
  send(type: string, payload: unknown): Promise<SendOutcome>;
  serverNow(): number;
  /** Closes the socket and the local database (logging out, before the local copies are deleted). */
  close(): Promise<void>;
}

const newCommandId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);
const emptyOutbox: readonly OutboxRecord[] = [];
const noSubscribe = () => () => undefined;

/** Everything of a session that lives on this device while its page is open. */
interface Local {
  db: RoomDb | null;
  cache: RoomCache | null;
  outbox: CommandOutbox;
  sender: OutboxSender;
}

/**
 * The live room for one session, offline-first (issue 15). The page first shows what this device kept (the last
 * snapshot and the events after it, from IndexedDB), then connects with the token and the last seq seen, applies
 * the missed events (or the snapshot) and every live event with the shared reducer, and keeps them on the device.
 * Commands go through a durable outbox: kept on the device with their idempotent id before being sent, sent in
 * order once connected, so that nothing given offline, or before a reload, is lost or applied twice.
 */
export function useRoom(session: StoredSession | null): RoomConnection {
  const [state, setState] = useState<RoomState>(() => initialRoomState(session?.roomId ?? ''));
  const [me, setMe] = useState<Me | null>(null);
  const [presence, setPresence] = useState<PresenceEntry[]>([]);
  const [connection, setConnection] = useState<ConnectionState>(() => (typeof navigator !== 'undefined' && !navigator.onLine ? 'offline' : 'connecting'));
  const [error, setError] = useState<string | null>(null);
  const [lastContactAt, setLastContactAt] = useState<number | null>(null);
  const [local, setLocal] = useState<Local | null>(null);
  // The reducer's input and output live here, not in React's queue: the cache and the socket read them at once.
  const stateRef = useRef<RoomState>(state);
  const meRef = useRef<Me | null>(null);
  const lastSeq = useRef(0);
  const clockOffset = useRef(0);
  const socketRef = useRef<Socket | null>(null);
  const closeRef = useRef<() => Promise<void>>(async () => undefined);

  useEffect(() => {
    if (!session) return;
    let stopped = false;
    let socket: Socket | null = null;
    let opened: Local | null = null;
    const now = () => Date.now() + clockOffset.current;
    const commit = (next: RoomState) => {
      stateRef.current = next;
      setState(next);
    };
    const contact = () => {
      const at = now();
      setLastContactAt(at);
      opened?.cache?.saveLastContact(at);
    };

    const start = async () => {
      const db = await openRoomDb(session.roomId, session.sessionId);
      const cache = db ? new RoomCache(db) : null;
      const cached = await cache?.load().catch(() => null);
      const outbox = await CommandOutbox.open(db);
      if (stopped) return db?.close();
      opened = { db, cache, outbox, sender: new OutboxSender(outbox) };
      setLocal(opened);
      if (cached && cached.me.sessionId === session.sessionId) {
        // The last known state, shown at once (offline, it is all there is) until the server's welcome.
        commit(cached.state);
        lastSeq.current = cached.state.seq;
        clockOffset.current = cached.clockOffset;
        meRef.current = cached.me;
        setMe(cached.me);
        setLastContactAt(cached.lastContactAt);
      }
      connect(opened);
    };

    const connect = ({ cache, sender }: Local) => {
      const s = io({
        auth: (cb) => cb({ token: session.token, lastSeq: lastSeq.current }),
        transports: ['websocket', 'polling'],
      });
      socket = s;
      socketRef.current = s;
      const snapshotOf = () => (meRef.current ? { state: stateRef.current, me: meRef.current, clockOffset: clockOffset.current } : null);
      /** Applies the events not applied yet (a resent or replayed one is skipped); returns them. */
      const applyFresh = (events: readonly RoomEvent[]): RoomEvent[] => {
        const fresh = events.filter((e) => e.seq > lastSeq.current);
        if (fresh.length === 0) return fresh;
        lastSeq.current = fresh[fresh.length - 1]!.seq;
        commit(fresh.reduce(applyEvent, stateRef.current));
        return fresh;
      };
      s.on('welcome', (w: WelcomeMessage) => {
        clockOffset.current = w.serverTime - Date.now();
        const welcomed: Me = { ...w.me, token: session.token };
        meRef.current = welcomed;
        setMe(welcomed);
        if (w.catchUp.kind === 'snapshot') {
          commit(w.catchUp.state as RoomState);
          lastSeq.current = w.catchUp.headSeq;
        } else {
          applyFresh(w.catchUp.events);
          lastSeq.current = Math.max(lastSeq.current, w.catchUp.headSeq);
        }
        cache?.saveSnapshot(stateRef.current, welcomed, clockOffset.current);
        contact();
        setConnection('connected');
        setError(null);
        // Only now: the commands kept offline go after the missed events are applied, in their order.
        sender.setSocket(s);
      });
      s.on('event', (e: RoomEvent) => cache?.appendEvents(applyFresh([e]), snapshotOf));
      s.on('presence', (p: PresenceMessage) => setPresence(p.participants));
      // socket.io's heartbeat: the server is still there (« hors ligne depuis » starts from the last one).
      s.io.on('ping', contact);
      // The server says why (revoked by the director, or expired): the page shows that reason.
      s.on('revoked', (message: { reason?: unknown } | undefined) => {
        if (typeof message?.reason === 'string') setError(message.reason);
        sender.setSocket(null);
        setConnection('revoked');
      });
      s.on('disconnect', () => {
        sender.setSocket(null);
        setPresence([]);
        setConnection((c) => (c === 'revoked' ? c : navigator.onLine ? 'reconnecting' : 'offline'));
      });
      s.on('connect_error', (err: Error & { data?: { code?: string; message?: string } }) => {
        if (err.data?.code === 'unauthorized' || err.data?.code === 'not_found') {
          setConnection('revoked');
          setError(err.data.message ?? err.message);
          s.disconnect();
          return;
        }
        if (err.data?.code === 'unavailable') {
          // The room is quarantined on the server: say so, and try again later (the operator may repair it).
          // A refusal by the server's middleware is not retried by socket.io itself.
          setError(err.data.message ?? err.message);
          setConnection('reconnecting');
          setTimeout(() => socketRef.current === s && s.connect(), quarantineRetryMs);
          return;
        }
        setConnection(navigator.onLine ? 'reconnecting' : 'offline');
      });
    };

    const onOffline = () => setConnection((c) => (c === 'connected' || c === 'revoked' ? c : 'offline'));
    addEventListener('offline', onOffline);
    const close = async () => {
      stopped = true;
      removeEventListener('offline', onOffline);
      socket?.close();
      socketRef.current = null;
      const closing = opened;
      opened = null;
      closing?.sender.stop();
      await closing?.cache?.flushed();
      closing?.db?.close();
    };
    closeRef.current = close;
    void start();
    return () => void close();
  }, [session]);

  const outbox = useSyncExternalStore(local?.outbox.subscribe ?? noSubscribe, local?.outbox.items ?? (() => emptyOutbox));
  const serverNow = useCallback(() => Date.now() + clockOffset.current, []);
  const send = useCallback(
    (type: string, payload: unknown): Promise<SendOutcome> =>
      local ? local.sender.send(newCommandId(), type, payload, serverNow()) : Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'La salle s’ouvre encore : réessayez.' } }),
    [local, serverNow],
  );
  const dropFromOutbox = useCallback((id: string) => void local?.outbox.remove(id), [local]);
  const close = useCallback(() => closeRef.current(), []);

  return { state, me, presence, connection, error, lastContactAt, outbox, dropFromOutbox, send, serverNow, close };
}
