import { z } from 'zod';
import { codeOfHttpStatus, DomainError, ErrorBody, ErrorCode, type RowError } from '../../shared/core/errors.js';

/**
 * The one way the client talks to the REST API (the socket and the Yjs connection have their own modules).
 * Every call goes through `request` below, so the session header, the JSON body and the reading of
 * `{ error: { code, message } }` refusals are written once; screens only say what they ask for.
 */

/** Who sends a request: anything holding the session token (`Me`, a stored session). */
export interface ApiSession {
  token: string;
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Sent as `Authorization: Bearer …`; left out on the public routes (join, config, regions). */
  session?: ApiSession;
  /** Sent as JSON. */
  body?: unknown;
  /** A file sent as is, with its own Content-Type (an import), instead of `body`. */
  file?: Blob;
  /** Gives up on the call (e.g. `AbortSignal.timeout`): `fetch` then rejects. */
  signal?: AbortSignal;
}

/** The state of a REST read as a screen shows it. */
export type Loaded<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

/**
 * A refusal from the REST API: the server's stable code (branch on it), its message for people (French, shown
 * as is) and the HTTP status. Network failures are not turned into this: `fetch` rejects with its own error.
 */
export class ApiError extends DomainError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly status: number,
    details?: readonly RowError[],
  ) {
    super(code, message, details);
    this.name = 'ApiError';
  }
}

// A code this client does not know yet (a newer server) still gets the server's message, with a code from the status.
const ErrorResponse = z.object({ error: ErrorBody.extend({ code: ErrorCode.optional().catch(undefined) }) });

/** The typed error of a failed response: the server's `{ error: { code, message } }`, else a code from the status. */
export async function apiErrorOf(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  const parsed = ErrorResponse.safeParse(body);
  const statusCode = codeOfHttpStatus(res.status);
  if (parsed.success) return new ApiError(parsed.data.error.code ?? statusCode, parsed.data.error.message, res.status, parsed.data.error.details);
  return new ApiError(statusCode, `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, res.status);
}

/**
 * `/api/rooms/<room>/<path>`, the room id encoded: an id is never spliced raw into a URL.
 * @example roomPath('r1', '/report') // '/api/rooms/r1/report'
 */
export function roomPath(roomId: string, path: string): string {
  return `/api/rooms/${encodeURIComponent(roomId)}${path.startsWith('/') ? path : `/${path}`}`;
}

/** A downloaded file and the name the server gave it (`content-disposition`), if any. */
export interface ApiFile {
  blob: Blob;
  filename: string | null;
}

/** The name in `attachment; filename="a b.md"` or `attachment; filename=a.csv` (express's `res.attachment`). */
function filenameOf(disposition: string | null): string | null {
  const match = disposition?.match(/filename=(?:"([^"]+)"|([^;\s]+))/);
  return match?.[1] ?? match?.[2] ?? null;
}

export interface ApiClient {
  /** The JSON answer of `path`, typed by the caller (the server's presenters define it). */
  json<T>(path: string, request?: ApiRequest): Promise<T>;
  /** The text answer of `path` (a CSV, a Markdown report). */
  text(path: string, request?: ApiRequest): Promise<string>;
  /** The raw answer of `path`, for files. */
  blob(path: string, request?: ApiRequest): Promise<ApiFile>;
  /**
   * Saves an authenticated export in the browser under its server-given name (or `fallbackName`).
   * A plain link cannot carry the bearer token: the file is fetched, then handed to the browser.
   */
  download(path: string, request: ApiRequest & { fallbackName: string }): Promise<void>;
}

export interface ApiOptions {
  /** Prefix of every path: empty in the browser (same origin), the server's URL in a Node test. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

/** An API client; the app uses `api` below, tests build one against a real server. */
export function createApi({ baseUrl = '', fetch: send = (input, init) => fetch(input, init) }: ApiOptions = {}): ApiClient {
  const request = async (path: string, { method = 'GET', session, body, file, signal }: ApiRequest, accept: string | null): Promise<Response> => {
    const headers: Record<string, string> = {};
    if (accept) headers.accept = accept;
    if (session) headers.authorization = `Bearer ${session.token}`;
    if (file) headers['content-type'] = file.type || 'application/octet-stream';
    else if (body !== undefined) headers['content-type'] = 'application/json';
    const payload = file ? { body: file } : body === undefined ? {} : { body: JSON.stringify(body) };
    const res = await send(`${baseUrl}${path}`, { method, headers, ...payload, ...(signal ? { signal } : {}) });
    if (!res.ok) throw await apiErrorOf(res);
    return res;
  };
  const blob = async (path: string, options: ApiRequest = {}): Promise<ApiFile> => {
    const res = await request(path, options, null);
    return { blob: await res.blob(), filename: filenameOf(res.headers.get('content-disposition')) };
  };
  return {
    json: async <T>(path: string, options: ApiRequest = {}) => (await (await request(path, options, 'application/json')).json()) as T,
    text: async (path, options = {}) => (await request(path, options, null)).text(),
    blob,
    async download(path, { fallbackName, ...options }) {
      const file = await blob(path, options);
      const url = URL.createObjectURL(file.blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = file.filename ?? fallbackName;
      a.click();
      // Revoked later, not at once: a browser may still be reading the URL when `click()` returns.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  };
}

/** The app's API client (same origin). */
export const api = createApi();
