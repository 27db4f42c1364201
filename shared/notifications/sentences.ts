import { defineSentence, quote, type SentenceContext } from '../core/sentence.js';
import type { OutboundChannel } from '../directory/state.js';
import { callOutcomeLabels, callRecorded, notificationAttempted, notificationFailed, notificationQueued, notificationRetrying, notificationSent, realTestSet } from './events.js';
import type { NotificationReason } from './state.js';

const channelNouns: Record<OutboundChannel, string> = { mail: 'courriel', sms: 'SMS' };
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const reasonPhrases: Record<NotificationReason, string> = { alert: '', relay: ' (contact suivant, faute de réponse)', escalation: " (acteur de secours, faute d'accusé de réception)" };

/** « le SMS à Jean Martin (CORRUSS) », from the outbox as the room knew it. */
function messageSaid(c: SentenceContext, id: string): string {
  const n = c.state.notifications.items.find((x) => x.id === id);
  if (!n) return 'un message sortant';
  return `le ${channelNouns[n.channel]} à ${n.contactName ? `${n.contactName} (${c.chainActor(n.actorId)})` : c.chainActor(n.actorId)}`;
}

/** The outbox and the phone calls in words: contacts by name, outcomes said. */
export const notificationSentences = [
  defineSentence(notificationQueued, (p, c) => {
    const to = p.contactName ? `${p.contactName} (${c.chainActor(p.actorId)})` : c.chainActor(p.actorId);
    const channel = capitalised(channelNouns[p.channel]);
    if (p.delivery === 'undeliverable') return `Aucun contact de l'annuaire joignable par ${channelNouns[p.channel]} pour ${c.chainActor(p.actorId)}${reasonPhrases[p.reason]}`;
    if (p.delivery === 'simulated') return `${channel} d'alerte simulé pour ${to}${reasonPhrases[p.reason]}, gardé dans la boîte d'envoi de l'animation`;
    return `${channel} d'alerte mis en file pour ${to}${reasonPhrases[p.reason]}`;
  }),
  // Recorded before the transport is called: the outcome that follows tells the reader what happened.
  defineSentence(notificationAttempted, (p, c) => `Tentative n° ${p.attempt} d'envoi pour ${messageSaid(c, p.id)}`, { quiet: true }),
  defineSentence(notificationSent, (p, c) => `Envoi accepté pour ${messageSaid(c, p.id)}`),
  defineSentence(notificationRetrying, (p, c) => `Échec de l'envoi pour ${messageSaid(c, p.id)} (${quote(p.error, 120)}) : nouvelle tentative prévue`),
  defineSentence(notificationFailed, (p, c) => `Envoi impossible pour ${messageSaid(c, p.id)} (${quote(p.error, 120)}) : il faut joindre l'acteur autrement`),
  defineSentence(callRecorded, (p, c) => {
    const to = p.contactName ?? 'un contact';
    return `${c.who} appelle ${to} pour le lien ${c.link(p.linkId)} : ${callOutcomeLabels[p.outcome].toLowerCase()}${p.note.trim() ? ` — ${quote(p.note)}` : ''}`;
  }),
  defineSentence(realTestSet, (p, c) =>
    p.enabled ? `${c.who} active le test réel de la chaîne d'alerte : les contacts volontaires reçoivent de vrais messages` : `${c.who} coupe le test réel de la chaîne d'alerte`,
  ),
];
