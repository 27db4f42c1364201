import { notFound } from '../../shared/core/errors.js';

/**
 * The URL of a request as Node hands it over (`req.url`, a path or an absolute target), or `null` when it
 * cannot be parsed (`GET http://[ HTTP/1.1`). `new URL` would throw, and thrown from an `upgrade` listener
 * that stops the whole process.
 */
export function requestUrl(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

/**
 * Decodes one percent-encoded segment of a path (`/yjs/<room>/<doc>`). A malformed one (`%E0%A4%A`) names
 * no room nor document: `not_found`, where a bare `decodeURIComponent` would throw a server fault.
 */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw notFound('Adresse mal encodée (séquence %xx invalide).');
  }
}
