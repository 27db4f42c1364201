import { DomainError, forbidden, notFound } from '../../shared/core/errors.js';
import { limits } from '../../shared/core/limits.js';
import { acceptsCodes, acceptsIdentities, type RoomAccess } from '../../shared/identity/access-policy.js';
import { pickInvitation, type IdentityBinding } from '../../shared/identity/binding.js';
import { verifiedDisplayName, type VerifiedIdentity } from '../../shared/identity/identity.js';
import type { InvitationRequest } from '../../shared/room/rest.js';
import type { AccessStore, InvitationRecord, OperatorSessionRecord, SessionRecord } from '../store/types.js';
import { hashSecret, newId, newInvitationCode, newToken, normaliseCode } from './secrets.js';
import { ExpiryWatch } from './expiry-watch.js';
import { systemClock, type WallClock } from './wall-clock.js';

/** Why a session ended while its connections may still be open. */
export type SessionEnd = 'revoked' | 'expired' | 'loggedOut';

/** What the people behind an ended session are told (socket `revoked` message, Yjs close reason). */
export const sessionEndReason: Readonly<Record<SessionEnd, string>> = {
  revoked: 'Session révoquée par le directeur.',
  expired: 'Session expirée.',
  loggedOut: 'Session fermée : vous vous êtes déconnecté(e) de cette salle.',
};

/** `local`: decided on this instance; `remote`: relayed from another one (`server/cluster/revocation-relay.ts`). */
export type RevocationListener = (roomId: string, sessionIds: string[], cause: SessionEnd, origin: 'local' | 'remote') => void;

const unauthorized = (message: string) => new DomainError('unauthorized', message);

export interface AccessOptions {
  /** How long a signed-in session lasts (a crisis shift): it ends earlier if its invitation expires first. */
  identitySessionTtlMs?: number;
  /** The access policy of a room (`code`, `oidc`, `both`): what a code join and an identity join are checked against. */
  policyOf?: (roomId: string) => Promise<RoomAccess>;
}

/** A crisis shift: 12 h. */
export const defaultIdentitySessionTtlMs = 12 * 3_600_000;

/** Invitations (codes handed to participants) and sessions (tokens they act with). Only hashes are stored. */
export class AccessService {
  private readonly revocationListeners = new Set<RevocationListener>();
  private readonly expiry: ExpiryWatch;

  private readonly identityTtlMs: number;
  private readonly policyOf: (roomId: string) => Promise<RoomAccess>;

  constructor(
    private readonly store: AccessStore,
    private readonly clock: WallClock = systemClock,
    options: AccessOptions = {},
  ) {
    this.identityTtlMs = options.identitySessionTtlMs ?? defaultIdentitySessionTtlMs;
    this.policyOf = options.policyOf ?? (async () => 'code');
    this.expiry = new ExpiryWatch(clock, (session) => this.ended(session.roomId, [session.id], 'expired'));
  }

  /**
   * Called when sessions end under open connections: revoked by the director, or expired (each instance
   * times the expiry of the sessions it authenticated). Listeners close those connections.
   */
  onRevoked(listener: RevocationListener): void {
    this.revocationListeners.add(listener);
  }

  /** A code invitation (the code is returned once, only its hash is kept), where the room's policy takes codes. */
  async createInvitation(roomId: string, request: InvitationRequest, cells: readonly string[], policy: RoomAccess = 'code'): Promise<{ id: string; code: string }> {
    if (!acceptsCodes(policy)) throw forbidden("Cette salle n'admet que des identités vérifiées : invitez une adresse e-mail, un domaine ou un SIRET.");
    const code = newInvitationCode();
    const record = this.invitationRecord(roomId, { ...request, identity: undefined }, cells);
    await this.store.createInvitation(record, hashSecret(normaliseCode(code)));
    return { id: record.id, code };
  }

  /** An invitation without a code: it admits whoever signs in with a verified identity matching `binding`. */
  async createIdentityInvitation(roomId: string, request: InvitationRequest, binding: IdentityBinding, cells: readonly string[], policy: RoomAccess): Promise<{ id: string }> {
    if (!acceptsIdentities(policy)) throw forbidden("Cette salle n'admet que des codes d'invitation : une invitation nominative n'y servirait pas.");
    const record = this.invitationRecord(roomId, { ...request, identity: binding }, cells);
    await this.store.createInvitation(record, null);
    return { id: record.id };
  }

  private invitationRecord(roomId: string, request: InvitationRequest, cells: readonly string[]): InvitationRecord {
    if (request.cell && !cells.includes(request.cell)) throw notFound(`Cellule « ${request.cell} » inconnue dans cette salle.`);
    const expiresAt = request.expiresAt ? Date.parse(request.expiresAt) : null;
    if (expiresAt !== null && expiresAt <= this.clock.now()) throw new DomainError('invalid', "La date d'expiration est passée.");
    const identity = request.identity ?? null;
    return {
      id: newId(),
      roomId,
      role: request.role,
      cell: request.cell ?? null,
      // An identity invitation without a label is shown by its binding, in the reader's language (`describeBinding`).
      label: request.label ?? null,
      identity,
      createdAt: this.clock.now(),
      expiresAt,
      revokedAt: null,
    };
  }

  /** Exchanges an invitation code for a session token bound to its room, role and cell, and the person's name. */
  async join(code: string, name: string): Promise<{ token: string; session: SessionRecord }> {
    const invitation = await this.usableInvitation(code, unauthorized);
    return this.openSession(invitation, name, null, null, invitation.expiresAt);
  }

  /**
   * The invitation a code would open, checked as {@link join} checks it, without opening anything: the join page
   * names the room and the role before the person types her name. An unknown code is `not_found`.
   */
  async invitationForCode(code: string): Promise<InvitationRecord> {
    return this.usableInvitation(code, notFound);
  }

  private async usableInvitation(code: string, unknown: (message: string) => Error): Promise<InvitationRecord> {
    const invitation = await this.store.findInvitationByCodeHash(hashSecret(normaliseCode(code)));
    if (!invitation) throw unknown("Code d'invitation inconnu : vérifiez-le auprès de la direction de crise.");
    this.checkLive(invitation);
    if (!acceptsCodes(await this.policyOf(invitation.roomId))) {
      throw unauthorized('Cette salle demande une identité vérifiée : connectez-vous avec ProConnect ou Pro Santé Connect.');
    }
    return invitation;
  }

  /**
   * Opens a session for a person whose identity a provider vouched for, with the role and cell of the most
   * specific live invitation of the room that matches her; `forbidden` if none does. Her name is the verified one.
   */
  async joinWithIdentity(roomId: string, identity: VerifiedIdentity, idTokenHint: string | null): Promise<{ token: string; session: SessionRecord }> {
    if (!acceptsIdentities(await this.policyOf(roomId))) throw forbidden("Cette salle n'admet que des codes d'invitation.");
    const now = this.clock.now();
    const live = (await this.store.listInvitations(roomId)).filter((i) => i.revokedAt === null && (i.expiresAt === null || i.expiresAt > now));
    const invitation = pickInvitation(live, identity);
    if (!invitation) throw forbidden(`Aucune invitation de cette salle ne correspond à ${identity.email ?? identity.name}.`);
    const shiftEnd = now + this.identityTtlMs;
    const expiresAt = invitation.expiresAt === null ? shiftEnd : Math.min(invitation.expiresAt, shiftEnd);
    return this.openSession(invitation, verifiedDisplayName(identity), identity, idTokenHint, expiresAt, now);
  }

  private checkLive(invitation: InvitationRecord): void {
    if (invitation.revokedAt !== null) throw unauthorized('Cette invitation a été révoquée.');
    if (invitation.expiresAt !== null && invitation.expiresAt <= this.clock.now()) throw unauthorized('Cette invitation a expiré.');
  }

  private async openSession(
    invitation: InvitationRecord,
    name: string,
    identity: VerifiedIdentity | null,
    idTokenHint: string | null,
    expiresAt: number | null,
    createdAt = this.clock.now(),
  ): Promise<{ token: string; session: SessionRecord }> {
    const token = newToken();
    const session: SessionRecord = {
      id: newId(),
      roomId: invitation.roomId,
      role: invitation.role,
      cell: invitation.cell,
      name,
      invitationId: invitation.id,
      identity,
      idTokenHint,
      createdAt,
      expiresAt,
      revokedAt: null,
    };
    await this.store.createSession(session, hashSecret(token));
    return { token, session };
  }

  /** An operator session for a person whose verified e-mail is an operator's (`OPERATOR_EMAILS`: checked by the caller). */
  async openOperatorSession(identity: VerifiedIdentity, idTokenHint: string | null): Promise<{ token: string; session: OperatorSessionRecord }> {
    const token = newToken();
    const now = this.clock.now();
    const session: OperatorSessionRecord = { id: newId(), identity, idTokenHint, createdAt: now, expiresAt: now + this.identityTtlMs, revokedAt: null };
    await this.store.createOperatorSession(session, hashSecret(token));
    return { token, session };
  }

  /** The live operator session behind a token, or null (the caller may still hold the operator token). */
  async operatorSession(token: string): Promise<OperatorSessionRecord | null> {
    const session = await this.store.findOperatorSessionByTokenHash(hashSecret(token));
    if (!session || session.revokedAt !== null || session.expiresAt <= this.clock.now()) return null;
    return session;
  }

  async logoutOperator(token: string | undefined): Promise<OperatorSessionRecord> {
    const session = token ? await this.operatorSession(token) : null;
    if (!session) throw unauthorized("Session d'opérateur inconnue ou expirée.");
    await this.store.revokeOperatorSession(session.id, this.clock.now());
    return session;
  }

  /**
   * The live session behind a token, or `unauthorized`. A session with an expiry is watched from now on,
   * so that the connections it opens are closed when it expires.
   */
  async authenticate(token: string | undefined): Promise<SessionRecord> {
    if (!token) throw unauthorized('Jeton de session manquant.');
    const session = await this.store.findSessionByTokenHash(hashSecret(token));
    if (!session) throw unauthorized('Jeton de session inconnu.');
    return this.live(session);
  }

  /**
   * A single-use ticket that opens one Yjs WebSocket for this session within `limits.yjsTicketTtlMs`: the session
   * token itself never travels in a URL (proxies log URLs). Only its hash is stored, in the shared store, so
   * that any instance can redeem it.
   */
  async issueYjsTicket(session: SessionRecord): Promise<{ ticket: string; expiresAt: number }> {
    const ticket = newToken();
    const issuedAt = this.clock.now();
    const expiresAt = issuedAt + limits.yjsTicketTtlMs;
    await this.store.createYjsTicket(hashSecret(ticket), session.id, issuedAt, expiresAt);
    return { ticket, expiresAt };
  }

  /** The live session a Yjs ticket was issued to, or `unauthorized`; the ticket is used up either way. */
  async redeemYjsTicket(ticket: string | undefined): Promise<SessionRecord> {
    if (!ticket) throw unauthorized('Ticket de connexion manquant : demandez-en un (POST /api/rooms/<salle>/yjs-tickets).');
    const session = await this.store.consumeYjsTicket(hashSecret(ticket), this.clock.now());
    if (!session) throw unauthorized('Ticket de connexion inconnu, déjà utilisé ou expiré.');
    return this.live(session);
  }

  private live(session: SessionRecord): SessionRecord {
    if (session.revokedAt !== null) throw unauthorized('Cette session a été révoquée.');
    if (this.isExpired(session)) throw unauthorized('Cette session a expiré.');
    this.expiry.watch(session);
    return session;
  }

  /** Whether `session` is past its expiry now: a connection opened before checks it on every command. */
  isExpired(session: SessionRecord): boolean {
    return session.expiresAt !== null && session.expiresAt <= this.clock.now();
  }

  /** A live session on `roomId` (a token of another room is `forbidden`), or the error that says why not. */
  async authenticateInRoom(token: string | undefined, roomId: string): Promise<SessionRecord> {
    const session = await this.authenticate(token);
    if (session.roomId !== roomId) throw forbidden("Ce jeton n'appartient pas à cette salle.");
    return session;
  }

  /** A director's session on `roomId`, or the error that says why not. */
  async authenticateDirector(token: string | undefined, roomId: string): Promise<SessionRecord> {
    const session = await this.authenticateInRoom(token, roomId);
    if (session.role !== 'director') throw forbidden('Réservé au directeur de la salle.');
    return session;
  }

  listInvitations(roomId: string): Promise<InvitationRecord[]> {
    return this.store.listInvitations(roomId);
  }

  listSessions(roomId: string): Promise<SessionRecord[]> {
    return this.store.listSessions(roomId);
  }

  /** Revokes an invitation and every session opened with it; their sockets are told and disconnected. */
  async revokeInvitation(roomId: string, invitationId: string): Promise<string[]> {
    const at = this.clock.now();
    if (!(await this.store.revokeInvitation(roomId, invitationId, at))) throw notFound('Invitation introuvable ou déjà révoquée.');
    return this.revoke(roomId, { invitationId }, at);
  }

  async revokeSession(roomId: string, sessionId: string): Promise<void> {
    const ids = await this.revoke(roomId, { sessionId }, this.clock.now());
    if (ids.length === 0) throw notFound('Session introuvable ou déjà révoquée.');
  }

  /**
   * The caller ends her own session (« Se déconnecter »): the token stops working and every socket and Yjs
   * connection it opened, in any tab or on any instance, is closed, as when the director revokes it.
   */
  async logout(token: string | undefined, roomId: string): Promise<SessionRecord> {
    const session = await this.authenticateInRoom(token, roomId);
    await this.revoke(roomId, { sessionId: session.id }, this.clock.now(), 'loggedOut');
    return session;
  }

  private async revoke(roomId: string, filter: { sessionId?: string; invitationId?: string }, at: number, cause: SessionEnd = 'revoked'): Promise<string[]> {
    const ids = await this.store.revokeSessions(roomId, filter, at);
    for (const id of ids) this.expiry.forget(id);
    if (ids.length > 0) this.ended(roomId, ids, cause);
    return ids;
  }

  /** Sessions another instance ended: their connections here are closed too (local listeners only act). */
  endedElsewhere(roomId: string, sessionIds: string[], cause: SessionEnd): void {
    for (const id of sessionIds) this.expiry.forget(id);
    this.ended(roomId, sessionIds, cause, 'remote');
  }

  /** Stops the expiry timers (server shutdown). */
  close(): void {
    this.expiry.stop();
  }

  private ended(roomId: string, sessionIds: string[], cause: SessionEnd, origin: 'local' | 'remote' = 'local'): void {
    for (const listener of this.revocationListeners) listener(roomId, sessionIds, cause, origin);
  }
}
