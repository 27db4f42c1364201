import { notFound } from '../../shared/core/errors.js';

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
