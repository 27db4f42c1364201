import { z } from 'zod';
import { defineCommand } from '../core/define.js';
import { conflict, forbidden, notFound, type DomainError } from '../core/errors.js';
import type { RoomState } from '../room-state.js';
import { ContactId } from '../directory/contact.js';
import { findContact } from '../directory/state.js';
import { actsFor, type ChainViewer } from '../alert-chain/rules.js';
import { findActor, findLink } from '../alert-chain/state.js';
import { CallOutcome, callRecorded, realTestSet } from './events.js';

/** Who may record a call on a link: whoever may alert for its sender (the caller), or the director. */
export function callRefusal(state: RoomState, viewer: ChainViewer, linkId: string, contactId: string | null): DomainError | null {
  const link = findLink(state.alertChain, linkId);
  if (!link) return notFound(`Lien d'alerte « ${linkId} » inconnu.`);
  if (state.clock.status === 'not_started') return conflict("L'exercice n'a pas démarré (DEBEX) : la chaîne d'alerte part de T0.");
  if (viewer.role !== 'director' && !actsFor(viewer, findActor(state.alertChain, link.from), state.room.mode)) {
    return forbidden('Seule la cellule qui alerte sur ce lien (ou la direction) consigne ses appels.');
  }
  if (contactId !== null) {
    const contact = findContact(state.directory, contactId);
    if (!contact || contact.actor !== link.to) return notFound(`Contact « ${contactId} » inconnu pour le destinataire de ce lien.`);
  }
  return null;
}

export const recordCall = defineCommand({
  type: 'notification.recordCall',
  description: "Consigner un appel d'alerte par téléphone : contact appelé, joint / non joint / message laissé, note.",
  payload: z.object({ linkId: z.string().max(80), contactId: ContactId.nullable().default(null), outcome: CallOutcome, note: z.string().trim().max(500).default('') }),
  allowed: ['director', 'player'],
  example: { linkId: 'ars-corruss', contactId: 'corruss-1', outcome: 'message_laisse', note: 'Messagerie vocale, rappel dans 10 min.' },
  decide: ({ state, actor, payload }) => {
    const refusal = callRefusal(state, actor, payload.linkId, payload.contactId);
    if (refusal) throw refusal;
    const contact = payload.contactId ? findContact(state.directory, payload.contactId) : undefined;
    return [callRecorded.draft({ linkId: payload.linkId, contactId: payload.contactId, contactName: contact?.name ?? null, outcome: payload.outcome, note: payload.note }, 'all')];
  },
});

export function realTestRefusal(state: RoomState, enabled: boolean): DomainError | null {
  if (state.room.mode !== 'exercise') return conflict("En crise réelle, les messages partent toujours : le test réel n'a de sens qu'en exercice.");
  if (state.clock.status === 'ended') return conflict("L'exercice est terminé.");
  if (state.notifications.realTest === enabled) return conflict(enabled ? 'Le test réel est déjà actif.' : "Le test réel n'est pas actif.");
  return null;
}

export const setRealTest = defineCommand({
  type: 'notification.setRealTest',
  description: "Exercice : activer ou couper le test réel de la chaîne d'alerte (seuls les contacts marqués « participe à l'exercice » reçoivent de vrais messages, bannière EXERCICE).",
  payload: z.object({ enabled: z.boolean() }),
  allowed: ['director'],
  example: { enabled: true },
  decide: ({ state, payload }) => {
    const refusal = realTestRefusal(state, payload.enabled);
    if (refusal) throw refusal;
    return [realTestSet.draft({ enabled: payload.enabled }, 'all')];
  },
});

export const notificationCommands = [recordCall, setRealTest];
