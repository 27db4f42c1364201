import { DomainError, type ErrorCode } from '../../shared/core/errors.js';
import { StaleHeadError } from './types.js';

/** The writer thread's operations: each takes the arguments of the store method of the same name. */
export type WriterOp =
  | 'events.appendBatch'
  | 'events.importRoom'
  | 'docs.appendUpdate'
  | 'docs.compact'
  | 'docs.claimClients'
  | 'access.createInvitation'
  | 'access.revokeInvitation'
  | 'access.createSession'
  | 'access.revokeSessions'
  | 'access.createYjsTicket'
  | 'access.takeYjsTicket'
  | 'close';

export interface WriterRequest {
  id: number;
  op: WriterOp;
  args: unknown[];
}

/** An error as it crosses the thread boundary, so that the main thread throws the same type. */
export type WireError =
  { kind: 'stale'; roomId: string; expectedSeq: number; actualSeq: number } | { kind: 'domain'; code: ErrorCode; message: string } | { kind: 'error'; name: string; message: string };

export type WriterReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };

export function toWire(error: unknown): WireError {
  if (error instanceof StaleHeadError) return { kind: 'stale', roomId: error.roomId, expectedSeq: error.expectedSeq, actualSeq: error.actualSeq };
  if (error instanceof DomainError) return { kind: 'domain', code: error.code, message: error.message };
  if (error instanceof Error) return { kind: 'error', name: error.name, message: error.message };
  return { kind: 'error', name: 'Error', message: String(error) };
}

export function fromWire(error: WireError): Error {
  if (error.kind === 'stale') return new StaleHeadError(error.roomId, error.expectedSeq, error.actualSeq);
  if (error.kind === 'domain') return new DomainError(error.code, error.message);
  return Object.assign(new Error(error.message), { name: error.name });
}
