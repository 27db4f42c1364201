import { z } from 'zod';

/**
 * Stable error codes shared by server and client. A client branches on the code,
 * never on the message (which is for people and may be translated).
 */
export const errorCodes = [
  'invalid',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  /** A link or token that was valid and no longer is (the room ended, the alert was cancelled). */
  'expired',
  'rate_limited',
  'too_large',
  /** The room is quarantined: its log cannot be replayed; the rest of the instance runs on. */
  'unavailable',
  'internal',
] as const;
export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The HTTP status of each code: REST answers and refused Yjs upgrades, one table for the server and the client. */
export const httpStatusOf: Readonly<Record<ErrorCode, number>> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  expired: 410,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** The code an HTTP status stands for, for answers that carry no error body (a proxy's 502, a body-parser 4xx). */
export function codeOfHttpStatus(status: number): ErrorCode {
  const code = errorCodes.find((c) => httpStatusOf[c] === status);
  if (code) return code;
  return status >= 400 && status < 500 ? 'invalid' : 'internal';
}

/** A refused cell of an uploaded table (CSV/XLSX): the row people see (the header is line 1), the column, why. */
export const RowError = z.object({ line: z.number().int().min(1), column: z.string(), message: z.string() });
export type RowError = z.infer<typeof RowError>;

/** `details`: for a refused file, every bad row and column (nothing of the file was taken). */
export const ErrorBody = z.object({ code: ErrorCode, message: z.string(), details: z.array(RowError).optional() });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** A refusal with a stable code: thrown by pure domain code, turned into an ack or HTTP error by transports. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The row/column errors of a refused file, when there are any. */
    readonly details?: readonly RowError[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
  toBody(): ErrorBody {
    return this.details ? { code: this.code, message: this.message, details: [...this.details] } : { code: this.code, message: this.message };
  }
}

export const invalid = (message: string) => new DomainError('invalid', message);
export const forbidden = (message: string) => new DomainError('forbidden', message);
export const notFound = (message: string) => new DomainError('not_found', message);
export const conflict = (message: string) => new DomainError('conflict', message);
export const expired = (message: string) => new DomainError('expired', message);

/** Formats zod issues as `path.to.field: message` lines, the form every user-facing validation error takes. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = formatPath(issue.path);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** `['chronogramme', 12, 'offset']` → `chronogramme[12].offset`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, '');
}
