import { z } from 'zod';
import { DomainError, forbidden, notFound } from '../../shared/core/errors.js';
import { limits } from '../../shared/core/limits.js';
import { CellId, Role } from '../../shared/core/roles.js';
import type { AccessStore, InvitationRecord, SessionRecord } from '../store/types.js';
import { hashSecret, newId, newInvitationCode, newToken, normaliseCode } from './secrets.js';

export const InvitationRequest = z
  .object({
    role: Role,
    cell: CellId.optional(),
    label: z.string().trim().max(120).optional(),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((r) => (r.role === 'player') === (r.cell !== undefined), {
    message: 'une invitation de joueur nomme sa cellule, et seulement elle',
    path: ['cell'],
  });
export type InvitationRequest = z.infer<typeof InvitationRequest>;

export const JoinRequest = z.object({
  code: z.string().trim().min(8).max(64),
  name: z.string().trim().min(1).max(80),
});

export type RevocationListener = (roomId: string, sessionIds: string[]) => void;

const unauthorized = (message: string) => new DomainError('unauthorized', message);

/** Invitations (codes handed to participants) and sessions (tokens they act with). Only hashes are stored. */
export class AccessService {
  private readonly revocationListeners = new Set<RevocationListener>();

  constructor(
    private readonly store: AccessStore,
    private readonly wallClock: () => number = Date.now,
  ) {}

  onRevoked(listener: RevocationListener): void {
    this.revocationListeners.add(listener);
  }

  async createInvitation(roomId: string, request: InvitationRequest, cells: readonly string[]): Promise<{ id: string; code: string }> {
    if (request.cell && !cells.includes(request.cell)) throw notFound(`Cellule « ${request.cell} » inconnue dans cette salle.`);
    const expiresAt = request.expiresAt ? Date.parse(request.expiresAt) : null;
    if (expiresAt !== null && expiresAt <= this.wallClock()) throw new DomainError('invalid', "La date d'expiration est passée.");
    const code = newInvitationCode();
    const record: InvitationRecord = {
      id: newId(),
      roomId,
      role: request.role,
      cell: request.cell ?? null,
      label: request.label ?? null,
      createdAt: this.wallClock(),
      expiresAt,
      revokedAt: null,
    };
    await this.store.createInvitation(record, hashSecret(normaliseCode(code)));
    return { id: record.id, code };
  }

  /** Exchanges an invitation code for a session token bound to its room, role and cell, and the person's name. */
  async join(code: string, name: string): Promise<{ token: string; session: SessionRecord }> {
    const invitation = await this.store.findInvitationByCodeHash(hashSecret(normaliseCode(code)));
    if (!invitation) throw unauthorized("Code d'invitation inconnu.");
    if (invitation.revokedAt !== null) throw unauthorized('Cette invitation a été révoquée.');
    if (invitation.expiresAt !== null && invitation.expiresAt <= this.wallClock()) throw unauthorized('Cette invitation a expiré.');
    const token = newToken();
    const session: SessionRecord = {
      id: newId(),
      roomId: invitation.roomId,
      role: invitation.role,
      cell: invitation.cell,
      name,
      invitationId: invitation.id,
      createdAt: this.wallClock(),
      expiresAt: invitation.expiresAt,
      revokedAt: null,
    };
    await this.store.createSession(session, hashSecret(token));
    return { token, session };
  }

  /** The live session behind a token, or `unauthorized`. */
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
    const issuedAt = this.wallClock();
    const expiresAt = issuedAt + limits.yjsTicketTtlMs;
    await this.store.createYjsTicket(hashSecret(ticket), session.id, issuedAt, expiresAt);
    return { ticket, expiresAt };
  }

  /** The live session a Yjs ticket was issued to, or `unauthorized`; the ticket is used up either way. */
  async redeemYjsTicket(ticket: string | undefined): Promise<SessionRecord> {
    if (!ticket) throw unauthorized('Ticket de connexion manquant : demandez-en un (POST /api/rooms/<salle>/yjs-tickets).');
    const session = await this.store.consumeYjsTicket(hashSecret(ticket), this.wallClock());
    if (!session) throw unauthorized('Ticket de connexion inconnu, déjà utilisé ou expiré.');
    return this.live(session);
  }

  private live(session: SessionRecord): SessionRecord {
    if (session.revokedAt !== null) throw unauthorized('Cette session a été révoquée.');
    if (session.expiresAt !== null && session.expiresAt <= this.wallClock()) throw unauthorized('Cette session a expiré.');
    return session;
  }

  /** A director's session on `roomId`, or the error that says why not. */
  async authenticateDirector(token: string | undefined, roomId: string): Promise<SessionRecord> {
    const session = await this.authenticate(token);
    if (session.roomId !== roomId) throw forbidden("Ce jeton n'appartient pas à cette salle.");
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
    const at = this.wallClock();
    if (!(await this.store.revokeInvitation(roomId, invitationId, at))) throw notFound('Invitation introuvable ou déjà révoquée.');
    return this.revoke(roomId, { invitationId }, at);
  }

  async revokeSession(roomId: string, sessionId: string): Promise<void> {
    const ids = await this.revoke(roomId, { sessionId }, this.wallClock());
    if (ids.length === 0) throw notFound('Session introuvable ou déjà révoquée.');
  }

  private async revoke(roomId: string, filter: { sessionId?: string; invitationId?: string }, at: number): Promise<string[]> {
    const ids = await this.store.revokeSessions(roomId, filter, at);
    if (ids.length > 0) for (const listener of this.revocationListeners) listener(roomId, ids);
    return ids;
  }
}
