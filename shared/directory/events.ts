import { z } from 'zod';
import { defineEvent } from '../core/define.js';
import type { RoomState } from '../room-state.js';
import { Contact, ContactId } from './contact.js';
import type { DirectoryState } from './state.js';

/**
 * Events of the crisis directory, all with visibility `responders` (director and players). Their payloads
 * are hashed by digest, and an archive carries them redacted: `{ redacted: 'donnees-personnelles', sha256 }`.
 * A redacted payload changes nothing (an imported archive has an empty directory).
 */
export const RedactedPayload = z.object({ redacted: z.literal('donnees-personnelles'), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type RedactedPayload = z.infer<typeof RedactedPayload>;
const isRedacted = (p: object): p is RedactedPayload => 'redacted' in p;

function withDirectory(state: RoomState, change: (d: DirectoryState) => DirectoryState): RoomState {
  return { ...state, directory: change(state.directory) };
}

export const directoryLoaded = defineEvent({
  type: 'directory.loaded',
  description: "L'annuaire de crise est chargé (fichier de l'ARS ou import par la direction) : il remplace l'annuaire précédent.",
  payload: z.union([z.object({ contacts: z.array(Contact), file: z.string().max(200).nullable() }), RedactedPayload]),
  apply: (state, p, event) => (isRedacted(p) ? state : withDirectory(state, () => ({ contacts: p.contacts, source: { file: p.file, contacts: p.contacts.length, wallTime: event.wallTime } }))),
});

export const contactSaved = defineEvent({
  type: 'directory.contactSaved',
  description: "La direction ajoute ou modifie un contact de l'annuaire de crise.",
  payload: z.union([z.object({ contact: Contact }), RedactedPayload]),
  apply: (state, p) =>
    isRedacted(p)
      ? state
      : withDirectory(state, (d) => {
          const others = d.contacts.filter((c) => c.id !== p.contact.id);
          return { ...d, contacts: [...others, p.contact] };
        }),
});

export const contactRemoved = defineEvent({
  type: 'directory.contactRemoved',
  description: "La direction retire un contact de l'annuaire de crise.",
  payload: z.union([z.object({ id: ContactId }), RedactedPayload]),
  apply: (state, p) => (isRedacted(p) ? state : withDirectory(state, (d) => ({ ...d, contacts: d.contacts.filter((c) => c.id !== p.id) }))),
});

export const directoryEvents = [directoryLoaded, contactSaved, contactRemoved];
