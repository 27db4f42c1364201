import type { IdentityBinding } from '../../shared/identity/binding.js';
import type { VerifiedIdentity } from '../../shared/identity/identity.js';
import type { SignInIntent } from '../../shared/identity/rest.js';
import type { RoomEvent } from '../../shared/core/events.js';
import type { Actor, Role } from '../../shared/core/roles.js';
import type { Visibility } from '../../shared/core/visibility.js';
import type { ChainSalt } from './hash-chain.js';

/** An event as handed to the store: the store assigns `seq`, `prevHash` and `hash`. */
export interface NewEvent {
  type: string;
  wallTime: number;
  exerciseTime: number;
  actor: Actor;
  visibility: Visibility;
  payload: unknown;
}

/** One command's events, as `appendBatch` takes them. */
export interface BatchItem {
  events: NewEvent[];
  commandId: string | null;
}

export interface AppendResult {
  events: RoomEvent[];
  /** True when `commandId` had already been appended: `events` are the ones stored the first time. */
  duplicate: boolean;
}

/**
 * Thrown by `append` when `expectedSeq` is not the room's head any more: another instance appended first.
 * The caller reads what it missed, decides again and retries.
 */
export class StaleHeadError extends Error {
  constructor(
    readonly roomId: string,
    readonly expectedSeq: number,
    readonly actualSeq: number,
  ) {
    super(`room ${roomId}: head is ${actualSeq}, not ${expectedSeq}`);
    this.name = 'StaleHeadError';
  }
}

/**
 * The append-only log. `append` is atomic (all the command's events or none) and durable
 * (fsync'd) when its promise resolves; per room, `seq` is gapless and the hash chain continuous.
 * The store hashes each event (`hash-chain.ts`) with the room's salt, which it creates in the room's first
 * append (or, for a room created before salts, in its first append since).
 * With `expectedSeq`, it appends only on that head (optimistic concurrency between instances).
 */
export interface EventStore {
  append(roomId: string, events: NewEvent[], commandId: string | null, expectedSeq?: number): Promise<AppendResult>;
  /**
   * Group commit: several commands' events in one transaction (one fsync for the batch), in order, each as `append`
   * would store it (a command id already stored, or earlier in the same batch, gives its stored events with
   * `duplicate: true` and writes nothing); one result per item, in order. All or nothing: when it rejects, none of
   * the batch is stored. Durable when its promise resolves. With `expectedSeq`, only on that head (`StaleHeadError`
   * otherwise, nothing stored).
   */
  appendBatch(roomId: string, items: readonly BatchItem[], expectedSeq?: number): Promise<AppendResult[]>;
  /** The events a command id produced, or null if that command was never appended. */
  commandEvents(roomId: string, commandId: string): Promise<RoomEvent[] | null>;
  read(roomId: string, afterSeq?: number, limit?: number): Promise<RoomEvent[]>;
  headSeq(roomId: string): Promise<number>;
  listRoomIds(): Promise<string[]>;
  /**
   * The room's secret for the hashes of its hidden events, or null if it has none (no event, or none appended
   * since salts exist). Server-side only: the archive carries it, no event ever does.
   */
  chainSalt(roomId: string): Promise<ChainSalt | null>;
  /**
   * Stores an archived room's events exactly as they are (same seq, times and hashes) under their room id,
   * with the salt they were hashed with, and marks the room as imported (read-only). Refuses (`conflict`) a room
   * id this store already has.
   */
  importRoom(roomId: string, events: RoomEvent[], importedAt: number, salt: ChainSalt | null): Promise<void>;
  /** True for rooms brought in by `importRoom`: they are read-only. */
  isImported(roomId: string): Promise<boolean>;
  /**
   * Stores shared by several instances (PostgreSQL), group commit included: holds the room's lock while `decide`
   * runs once on the events appended after `afterSeq` (`missed`) and on the commands of `commandIds` already stored
   * (`stored`, by index), then appends, in one transaction, the events it returns for each command (an empty list
   * for a stored or refused one; nothing at all if it throws). Nobody appends in between, so a decision is never
   * stale and, the lock being granted in turn, no instance starves when several append to one room at once —
   * which retrying on `StaleHeadError` cannot promise. One result per command id, in order.
   */
  appendDecided?(
    roomId: string,
    afterSeq: number,
    commandIds: readonly (string | null)[],
    decide: (missed: RoomEvent[], stored: ReadonlyMap<number, RoomEvent[]>) => NewEvent[][],
  ): Promise<{ results: AppendResult[]; missed: RoomEvent[] }>;
}

export interface InvitationRecord {
  id: string;
  roomId: string;
  role: Role;
  cell: string | null;
  label: string | null;
  /** Whom an invitation without a code admits (`shared/identity/binding.ts`); null for a code invitation. */
  identity: IdentityBinding | null;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
}

export interface SessionRecord {
  id: string;
  roomId: string;
  role: Role;
  cell: string | null;
  name: string;
  invitationId: string | null;
  /** The verified identity of a signed-in session; null for a session opened with a code. */
  identity: VerifiedIdentity | null;
  /** The provider's ID token, kept only to name the session when ending it at the provider (`id_token_hint`). */
  idTokenHint: string | null;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
}

/** A sign-in under way: what `/auth/callback` checks the provider's answer against. Single use, short-lived. */
export interface PendingLogin {
  provider: string;
  codeVerifier: string;
  nonce: string;
  intent: SignInIntent;
  createdAt: number;
  expiresAt: number;
}

/** An operator signed in by identity (`OPERATOR_EMAILS`): may create and list rooms, like the operator token. */
export interface OperatorSessionRecord {
  id: string;
  identity: VerifiedIdentity;
  idTokenHint: string | null;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

/** Invitations and sessions: secrets are stored only as hashes. */
export interface AccessStore {
  /** `codeHash` null: an identity invitation (its `identity` says whom it admits). */
  createInvitation(record: InvitationRecord, codeHash: string | null): Promise<void>;
  findInvitationByCodeHash(codeHash: string): Promise<InvitationRecord | null>;
  listInvitations(roomId: string): Promise<InvitationRecord[]>;
  revokeInvitation(roomId: string, id: string, at: number): Promise<boolean>;
  createSession(record: SessionRecord, tokenHash: string): Promise<void>;
  findSessionByTokenHash(tokenHash: string): Promise<SessionRecord | null>;
  listSessions(roomId: string): Promise<SessionRecord[]>;
  /** Revokes one session, or every session opened with an invitation; returns the ids revoked. */
  revokeSessions(roomId: string, filter: { sessionId?: string; invitationId?: string }, at: number): Promise<string[]>;
  /** Stores a single-use Yjs ticket (by its hash) issued to a session; tickets expired at `issuedAt` are purged. */
  createYjsTicket(ticketHash: string, sessionId: string, issuedAt: number, expiresAt: number): Promise<void>;
  /**
   * Uses a ticket up: deletes it and returns the session it was issued to, or null when it is unknown, already
   * used or expired at `now`. Atomic: of two instances redeeming one ticket at once, one gets it.
   */
  consumeYjsTicket(ticketHash: string, now: number): Promise<SessionRecord | null>;
  /** Stores a sign-in under way by the hash of its `state`; logins expired at `createdAt` are purged. */
  createLogin(stateHash: string, login: PendingLogin): Promise<void>;
  /** Uses a login up (atomic, like a Yjs ticket): the pending login, or null if unknown, already used or expired at `now`. */
  consumeLogin(stateHash: string, now: number): Promise<PendingLogin | null>;
  createOperatorSession(record: OperatorSessionRecord, tokenHash: string): Promise<void>;
  findOperatorSessionByTokenHash(tokenHash: string): Promise<OperatorSessionRecord | null>;
  revokeOperatorSession(id: string, at: number): Promise<boolean>;
}

/** Yjs updates of a room's documents, durable before they are broadcast. */
export interface DocStore {
  /** Appends one update; returns its id (increasing per document). */
  appendUpdate(roomId: string, docName: string, update: Uint8Array): Promise<number>;
  /** Every stored update of a document, oldest first (a compacted snapshot counts as one). */
  loadUpdates(roomId: string, docName: string): Promise<Uint8Array[]>;
  /** Replaces updates with id ≤ `upToId` by one merged snapshot. */
  compact(roomId: string, docName: string, snapshot: Uint8Array, upToId: number): Promise<void>;
  listDocs(roomId: string): Promise<string[]>;
  /**
   * Binds a document's Yjs client ids to the session that first writes with them: the ids of `clientIds` not
   * bound yet are bound to `sessionId`. Returns the owner of each id asked about. Atomic per id: of two
   * instances claiming one id for two sessions, one wins and both are told the same owner.
   */
  claimClients(roomId: string, docName: string, sessionId: string, clientIds: number[]): Promise<Map<number, string>>;
}

export interface Store {
  kind: 'sqlite' | 'postgres';
  /** SQLite: where its writes are committed now and how many times that moved (`/metrics`). */
  writePath?: () => { place: 'inline' | 'thread'; moves: number };
  events: EventStore;
  access: AccessStore;
  docs: DocStore;
  /** Throws when the store cannot be reached (readiness probe). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
