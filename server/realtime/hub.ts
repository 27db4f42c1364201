import type { Server, Socket } from 'socket.io';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { DomainError, describeZodError, type ErrorBody } from '../../shared/core/errors.js';
import { limits } from '../../shared/core/limits.js';
import { nestsDeeperThan } from '../../shared/core/json-depth.js';
import type { Participant } from '../../shared/core/define.js';
import { CommandEnvelope, HandshakeAuth, type CommandAck, type WelcomeMessage } from '../../shared/protocol.js';
import { sessionEndReason, type AccessService } from '../access/access-service.js';
import { participantOf, viewerOf, welcomeIdentityOf } from '../access/session-views.js';
import type { RoomService } from '../rooms/room-service.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';
import type { SessionRecord } from '../store/types.js';
import type { Logger } from '../ops/logger.js';
import type { Metrics } from '../ops/metrics.js';
import { audienceChannel, channelsFor, roomChannel, sessionChannel } from './channels.js';
import { PresenceTracker } from './presence.js';
import type { PresenceExchange } from '../cluster/presence-exchange.js';

interface SocketData {
  session: SessionRecord;
  lastSeq: number;
}
type HubSocket = Socket & { data: SocketData };

export interface HubDeps {
  io: Server;
  rooms: RoomService;
  access: AccessService;
  logger: Logger;
  metrics: Metrics;
  /** Several instances (`server/cluster/`): this instance's presence lists go to the exchange, which merges them with the others' and sends them. */
  cluster?: { presence: Pick<PresenceExchange, 'ownChanged'> };
}

const toBody = (error: unknown): ErrorBody => (error instanceof DomainError ? error.toBody() : { code: 'internal', message: 'Erreur interne du serveur.' });

/**
 * The live hub: authenticates sockets at the handshake, catches them up, runs their commands through
 * the room runtime and broadcasts appended events to exactly the audiences allowed to see them.
 */
export function attachHub({ io, rooms, access, logger, metrics, cluster }: HubDeps): { presence: PresenceTracker } {
  const presence = new PresenceTracker((roomId, participants) => {
    if (cluster) cluster.presence.ownChanged(roomId, participants);
    else io.to(roomChannel(roomId)).emit('presence', { participants });
  });
  // One budget per session, shared by all its sockets (tabs, reconnections), on this instance.
  const limiter = new RateLimiterMemory({ points: limits.commandBurst, duration: limits.commandBurst / limits.commandsPerSecond });

  rooms.onRoomLive((runtime) =>
    runtime.onEvents((events, origin) => {
      // Each instance sends every event, its own and those read back from other instances (`remote`), to its
      // own sockets only, in log order: a socket never sees seq N+1 before N, which it would then drop.
      for (const event of events) {
        if (origin === 'local') metrics.eventsAppended.inc({ type: event.type });
        const channels = channelsFor(event, runtime.state);
        if (channels.length > 0) io.local.to(channels).emit('event', event);
      }
    }),
  );

  // Revoked or expired: the same end. With Redis, `io.to` already reaches the session's sockets on every
  // instance, so a revocation relayed from another instance has nothing left to do here.
  access.onRevoked((_roomId, sessionIds, cause, origin) => {
    if (origin === 'remote') return;
    for (const id of sessionIds) {
      io.to(sessionChannel(id)).emit('revoked', { reason: sessionEndReason[cause] });
      io.in(sessionChannel(id)).disconnectSockets(true);
    }
  });

  io.use(async (socket, next) => {
    try {
      const auth = HandshakeAuth.safeParse(socket.handshake.auth);
      if (!auth.success) throw new DomainError('unauthorized', `Authentification invalide : ${describeZodError(auth.error)}`);
      const session = await access.authenticate(auth.data.token);
      if (!(await rooms.exists(session.roomId))) throw new DomainError('not_found', 'Salle introuvable.');
      const quarantined = rooms.quarantineRefusal(session.roomId);
      if (quarantined) throw quarantined;
      socket.data = { session, lastSeq: auth.data.lastSeq ?? 0 };
      next();
    } catch (error) {
      const body = toBody(error);
      next(Object.assign(new Error(body.message), { data: body }));
    }
  });

  io.on('connection', (raw) => {
    const socket = raw as HubSocket;
    const { session } = socket.data;
    const actor = participantOf(session);
    const ready = rooms.get(session.roomId);
    metrics.connectedSockets.inc();

    socket.on('command', (envelope: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      void ready
        .then((runtime) => runCommand(runtime, socket, actor, envelope))
        // A room that failed to load would otherwise be an unhandled rejection, which stops the process.
        .catch((error: unknown): CommandAck => ({ ok: false, error: toBody(error) }))
        .then((result) => (ack as (a: CommandAck) => void)(result));
    });
    socket.on('disconnect', () => {
      metrics.connectedSockets.dec();
      presence.disconnected(session);
    });

    void ready
      .then((runtime) => welcome(runtime, socket))
      .then(() => presence.connected(session))
      .catch((error) => {
        logger.error({ err: error, roomId: session.roomId }, 'socket welcome failed');
        socket.disconnect(true);
      });
  });

  async function runCommand(runtime: RoomRuntime, socket: HubSocket, actor: Participant, envelope: unknown): Promise<CommandAck> {
    const stop = metrics.commandLatency.startTimer();
    try {
      // The expiry timer closes the socket, but a command may arrive in the instant before it runs.
      if (access.isExpired(socket.data.session)) throw new DomainError('unauthorized', 'Cette session a expiré.');
      // Before anything reads it recursively (JSON.stringify below, zod, the reducers, the hash chain).
      if (nestsDeeperThan(envelope, limits.maxJsonDepth)) throw new DomainError('invalid', `Commande trop imbriquée (plus de ${limits.maxJsonDepth} niveaux).`);
      const size = Buffer.byteLength(JSON.stringify(envelope ?? null));
      if (size > limits.maxCommandBytes) throw new DomainError('too_large', `Commande trop volumineuse (${size} octets, maximum ${limits.maxCommandBytes}).`);
      await limiter.consume(socket.data.session.id).catch(() => {
        throw new DomainError('rate_limited', 'Trop de commandes : ralentissez.');
      });
      const parsed = CommandEnvelope.safeParse(envelope);
      if (!parsed.success) throw new DomainError('invalid', `Commande mal formée : ${describeZodError(parsed.error)}`);
      const { id, type, payload } = parsed.data;
      const outcome = await runtime.execute(actor, id, type, payload);
      return { ok: true, seq: outcome.seq, ...(outcome.duplicate ? { duplicate: true } : {}) };
    } catch (error) {
      const body = toBody(error);
      metrics.commandsRejected.inc({ code: body.code });
      if (body.code === 'internal') logger.error({ err: error, roomId: runtime.id }, 'command failed');
      return { ok: false, error: body };
    } finally {
      stop();
    }
  }

  /** Joins the socket to its channels and sends what it missed, with no event slipping in between. */
  async function welcome(runtime: RoomRuntime, socket: HubSocket): Promise<void> {
    const { session, lastSeq } = socket.data;
    const viewer = viewerOf(session);
    // Read what other instances appended, so the catch-up is current (later appends reach the socket once joined).
    if (cluster) await runtime.refresh();
    await runtime.exclusive(async () => {
      if (socket.disconnected) return;
      const headSeq = runtime.state.seq;
      const behind = headSeq - lastSeq;
      let catchUp: WelcomeMessage['catchUp'];
      if (lastSeq > headSeq || behind > limits.maxCatchUpEvents) {
        catchUp = { kind: 'snapshot', state: await runtime.stateFor(viewer), headSeq };
      } else {
        catchUp = { kind: 'events', events: await runtime.eventsFor(viewer, lastSeq), headSeq };
      }
      socket.join([roomChannel(runtime.id), audienceChannel(runtime.id, viewer), sessionChannel(session.id)]);
      // A revocation between the handshake and this join missed the socket: look again now that it is reachable.
      const refusal = await access.authenticate(String(socket.handshake.auth.token)).then(
        () => null,
        (error: unknown) => toBody(error),
      );
      if (refusal) {
        socket.emit('revoked', { reason: refusal.message });
        socket.disconnect(true);
        return;
      }
      socket.emit('welcome', { me: welcomeIdentityOf(session), serverTime: Date.now(), catchUp } satisfies WelcomeMessage);
    });
  }

  return { presence };
}
