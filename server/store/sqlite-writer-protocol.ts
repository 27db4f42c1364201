import { DomainError, type ErrorCode } from '../../shared/core/errors.js';
import type { sqliteAccessWriter } from './sqlite-access.js';
import type { sqliteDocWriter } from './sqlite-docs.js';
import type { sqliteEventWriter } from './sqlite-events.js';
import { StaleHeadError } from './types.js';

/** The writer thread's synchronous write functions, by group: a request names a group and one of its functions. */
export interface SyncWriters {
  events: Omit<ReturnType<typeof sqliteEventWriter>, 'reset'>;
  docs: ReturnType<typeof sqliteDocWriter>;
  access: ReturnType<typeof sqliteAccessWriter>;
}
export type WriterGroup = keyof SyncWriters;

/**
 * A write (the arguments of `SyncWriters[group][method]`); `reset`: another connection wrote since this one did, its
 * caches must be dropped first; `close`: the last request before the thread stops.
 */
export type WriterRequest = { id: number; group: WriterGroup; method: string; args: unknown[] } | { id: number; group: 'close' | 'reset' };

/** An error as it crosses the thread boundary, so that the main thread throws the same type. */
export type WireError =
  { kind: 'stale'; roomId: string; expectedSeq: number; actualSeq: number } | { kind: 'domain'; code: ErrorCode; message: string } | { kind: 'error'; name: string; message: string };

export type WriterReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };

/** What the writer thread posts: an answer with its commit's duration (ms), or that it is ready to write. */
export type ThreadMessage = (WriterReply & { ms: number }) | { ready: true };

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
