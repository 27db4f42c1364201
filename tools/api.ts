/**
 * Calling the REST API of a running server, as tests and benchmarks do. No server code is imported here:
 * a benchmark client process that only talks HTTP stays light.
 */

/** The operator token every server started by `tools/` runs with (creates rooms). */
export const OPERATOR_TOKEN = 'test-operator-token-0123456789abcdef';

/**
 * Calls `url + path`; returns the status and the body, parsed when it is JSON (else the text: HTML, metrics).
 * The body is `any` on purpose: callers read the fields they expect and assert on them, and a wrong guess
 * fails their assertion; typing every answer here would repeat `shared/<feature>/rest.ts` for each caller.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: tests read the answers' fields freely
export type ApiAnswer = { status: number; body: any };

export async function callApi(url: string, method: string, path: string, body?: unknown, token?: string): Promise<ApiAnswer> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (HTML, metrics): keep the text
  }
  return { status: res.status, body: parsed };
}
