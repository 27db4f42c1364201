import { z } from 'zod';
import { defineCommand } from '../core/define.js';
import { conflict, forbidden, invalid, notFound } from '../core/errors.js';
import type { RoomState } from '../room-state.js';
import { findActor } from '../alert-chain/state.js';
import { Contact, ContactId, ContactList } from './contact.js';
import { findContact } from './state.js';
import { contactRemoved, contactSaved, directoryLoaded } from './events.js';

/** Only the director edits the directory; every change is an event (visibility `responders`). */
function checkActor(state: RoomState, actorId: string): void {
  if (!findActor(state.alertChain, actorId)) throw notFound(`Acteur « ${actorId} » inconnu dans la chaîne d'alerte de cette salle.`);
}

export function directoryEditRefusal(state: RoomState): ReturnType<typeof forbidden> | null {
  if (state.clock.status === 'ended') return conflict("La salle est close : l'annuaire ne se modifie plus.");
  return null;
}

export const importDirectory = defineCommand({
  type: 'directory.import',
  description: "Remplacer l'annuaire de crise par une liste de contacts (lue d'un fichier CSV/XLSX par le client ou le serveur).",
  payload: z.object({ contacts: ContactList, file: z.string().trim().max(200).nullable().default(null) }),
  allowed: ['director'],
  example: {
    file: 'annuaire-crise.csv',
    contacts: [
      {
        id: 'corruss-1',
        actor: 'corruss',
        name: 'Permanence CORRUSS',
        function: 'Régulation',
        email: 'alerte@sante.gouv.fr',
        mobile: '+33612345678',
        landline: null,
        rank: 1,
        onCall: [],
        exercise: false,
      },
    ],
  },
  decide: ({ state, payload }) => {
    const refusal = directoryEditRefusal(state);
    if (refusal) throw refusal;
    payload.contacts.forEach((c) => checkActor(state, c.actor));
    return [directoryLoaded.draft({ contacts: payload.contacts, file: payload.file }, 'responders')];
  },
});

export const saveContact = defineCommand({
  type: 'directory.saveContact',
  description: "Ajouter ou modifier un contact de l'annuaire de crise (nom, fonction, courriel, mobile, fixe, rang, astreinte).",
  payload: z.object({ contact: Contact }),
  allowed: ['director'],
  example: {
    contact: {
      id: 'cert-sante-2',
      actor: 'cert-sante',
      name: 'Analyste CERT Santé',
      function: 'Astreinte',
      email: 'cert@esante.gouv.fr',
      mobile: null,
      landline: '+33144556677',
      rank: 2,
      onCall: [],
      exercise: false,
    },
  },
  decide: ({ state, payload: { contact } }) => {
    const refusal = directoryEditRefusal(state);
    if (refusal) throw refusal;
    checkActor(state, contact.actor);
    const sameRank = state.directory.contacts.find((c) => c.actor === contact.actor && c.rank === contact.rank && c.id !== contact.id);
    if (sameRank) throw conflict(`« ${sameRank.name} » est déjà le contact de rang ${contact.rank} de cet acteur.`);
    if (!contact.email && !contact.mobile && !contact.landline) throw invalid('Un contact doit avoir au moins un courriel ou un numéro de téléphone.');
    return [contactSaved.draft({ contact }, 'responders')];
  },
});

export const removeContact = defineCommand({
  type: 'directory.removeContact',
  description: "Retirer un contact de l'annuaire de crise.",
  payload: z.object({ id: ContactId }),
  allowed: ['director'],
  example: { id: 'cert-sante-2' },
  decide: ({ state, payload }) => {
    const refusal = directoryEditRefusal(state);
    if (refusal) throw refusal;
    if (!findContact(state.directory, payload.id)) throw notFound(`Contact « ${payload.id} » inconnu.`);
    return [contactRemoved.draft({ id: payload.id }, 'responders')];
  },
});

export const directoryCommands = [importDirectory, saveContact, removeContact];
