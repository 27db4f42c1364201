import type { EventSpec } from './define.js';
import type { RoomEvent } from './events.js';
import type { RoomState } from '../room-state.js';

/**
 * What a sentence may name things with. A payload carries ids (a FINESS number, a link id, a cell id); the
 * reader wants names, so each sentence is told against the room as its audience saw it just before the event
 * (`shared/retex/narrator.ts` builds this), plus the readable names the log itself does not hold.
 */
export interface SentenceContext {
  /** The room as the log's audience saw it just before the event (a removed link is still there). */
  state: RoomState;
  /** Who acted, with their cell or role: « Marie Dupont (ARS Normandie) ». */
  who: string;
  /** An establishment by its display name (never its bare FINESS number when the name is known). */
  establishment(finess: string): string;
  /** A cell by its label. */
  cell(id: string): string;
  /** An actor of the alert chain by its label. */
  chainActor(id: string): string;
  /** A link of the alert chain by its actors: « ARS — CRAPS → Préfecture — SIDPC / COD ». */
  link(id: string): string;
}

/**
 * The French sentence of one event type, as the RETEX chronology, the replay and the Markdown export write it.
 * `quiet` events are told but left out of the chronology: set-up (they describe the room, not what happened
 * in it) or the server's bookkeeping of a step a neighbouring event already tells.
 */
export interface EventSentence {
  type: string;
  quiet: boolean;
  say(event: RoomEvent, context: SentenceContext): string;
}

/**
 * The sentence of `spec`'s events, its payload typed by the spec (no cast).
 * @example defineSentence(roomRenamed, (p, c) => `${c.who} renomme la salle « ${p.title} »`)
 */
export function defineSentence<P>(spec: EventSpec<P>, say: (payload: P, context: SentenceContext, event: RoomEvent<P>) => string, options: { quiet?: boolean } = {}): EventSentence {
  return { type: spec.type, quiet: options.quiet ?? false, say: (event, context) => (spec.is(event) ? say(event.payload, context, event) : '') };
}

/** A quoted excerpt of free text, on one line and cut at `max` characters: « … ». */
export function quote(text: string, max = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return `« ${line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line} »`;
}

/** « de » before a phrase, contracted as French does: du, des, d'un, d'Établissement. */
export function ofFr(phrase: string): string {
  if (phrase.startsWith('le ')) return `du ${phrase.slice(3)}`;
  if (phrase.startsWith('les ')) return `des ${phrase.slice(4)}`;
  return /^[aeiouyéèêàâîôûh]/i.test(phrase) ? `d'${phrase}` : `de ${phrase}`;
}

/** `a`, `a et b`, `a, b et c`. */
export function listFr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items.at(-1) ?? ''}`;
}
