import { describe, expect, it } from 'vitest';
import { translator } from '../../client/i18n/index.js';
import { notificationsMessages } from '../../client/notifications/messages.js';
import {
  ackUrlPlaceholder,
  ackViaText,
  callScript,
  callText,
  channelReach,
  linkOutboundBadge,
  messageFacts,
  messageTexts,
  notificationLine,
  outboxEntries,
  phoneContacts,
  undeliveredCount,
} from '../../client/notifications/view-model.js';
import { systemActor } from '../../shared/core/roles.js';
import type { Contact } from '../../shared/directory/contact.js';
import { exerciseBanner } from '../../shared/notifications/state.js';
import { smsMaxLength } from '../../shared/notifications/message.js';
import { append, ars, director, minutes, pureRoom, run, type PureRoom } from '../alert-chain/harness.js';

const t = translator('fr');
const contact = (over: Partial<Contact> & Pick<Contact, 'id' | 'actor' | 'name' | 'rank'>): Contact => ({
  function: '',
  email: null,
  mobile: null,
  landline: null,
  onCall: [],
  exercise: false,
  ...over,
});
const directory: Contact[] = [
  contact({ id: 'corruss-1', actor: 'corruss', name: 'Dr Anne Leroy', rank: 1, email: 'alerte@sante.gouv.fr', mobile: '+33612345678', landline: '+33140567890' }),
  contact({ id: 'corruss-2', actor: 'corruss', name: 'Marc Petit', rank: 2, email: 'marc.petit@sante.gouv.fr' }),
  contact({ id: 'ars-1', actor: 'ars', name: 'Standard ARS', rank: 1, landline: '+33231000000' }),
];

function roomWithDirectory(mode: 'exercise' | 'crisis'): PureRoom {
  const room = pureRoom({ mode });
  run(room, director, 'directory.import', { contacts: directory, file: 'annuaire.csv' });
  room.exerciseTime = minutes(12);
  return room;
}

const alertCorruss = (room: PureRoom) =>
  run(room, ars, 'alertChain.alert', { linkId: 'ars-corruss', channel: 'mail', channels: ['mail', 'sms'], message: 'Cyberattaque au CH : plan blanc déclenché.' });
const system = (room: PureRoom, type: string, payload: unknown) => append(room, [{ type, payload, visibility: 'all' }], systemActor);
const lines = (room: PureRoom) => room.state.notifications.items.map((n) => notificationLine(t, n));
// 1_700_000_000_000 + 12 min = 14 Nov 2023, 22:25:20 UTC → 23 h 25 in Paris (winter time).
const at12 = 1_700_000_000_000 + minutes(12);

describe('status of a link’s messages, in words', () => {
  it('names the channel and the contact, and follows the message from the queue to sent, retrying and failed', () => {
    const room = roomWithDirectory('crisis');
    alertCorruss(room);
    expect(lines(room).map((l) => [l.label, l.statusText, l.tone])).toEqual([
      ['Courriel — Dr Anne Leroy (rang 1)', 'en file', 'pending'],
      ['SMS — Dr Anne Leroy (rang 1)', 'en file', 'pending'],
    ]);
    system(room, 'notification.attempted', { id: 'n1', attempt: 1, tokenHash: 'a'.repeat(64) });
    system(room, 'notification.sent', { id: 'n1', attempt: 1, response: '250 OK queued' });
    system(room, 'notification.attempted', { id: 'n2', attempt: 1, tokenHash: 'b'.repeat(64) });
    expect(lines(room).map((l) => l.statusText)).toEqual(['envoyé à 23 h 25 (heure de Paris)', 'envoi en cours (tentative 1)']);
    system(room, 'notification.retrying', { id: 'n2', attempt: 1, error: '421 try later', nextAttemptAt: at12 + minutes(2) });
    expect(lines(room)[1]!.statusText).toBe('nouvelle tentative à 23 h 27 (heure de Paris) — 421 try later');
    expect(linkOutboundBadge(t, room.state.notifications, 'ars-corruss')).toBe('✉ en cours');
    system(room, 'notification.failed', { id: 'n2', attempt: 3, error: 'passerelle injoignable' });
    expect(lines(room)[1]).toMatchObject({ statusText: 'échec : passerelle injoignable', tone: 'bad' });
    expect(undeliveredCount(room.state)).toBe(1);
    expect(linkOutboundBadge(t, room.state.notifications, 'ars-corruss')).toBe('⚠ 1 message non remis');
  });

  it('says who acknowledged through the link, by which message, when, and the reply; the link no longer counts as undelivered', () => {
    const room = roomWithDirectory('crisis');
    alertCorruss(room);
    system(room, 'notification.failed', { id: 'n2', attempt: 3, error: 'passerelle injoignable' });
    system(room, 'alertChain.acknowledged', {
      linkId: 'ars-corruss',
      from: 'ars',
      to: 'corruss',
      via: { channel: 'lien', notificationId: 'n1', contact: 'Dr Anne Leroy', reply: 'Bien reçu, je rappelle.' },
    });
    const link = room.state.alertChain.links.find((l) => l.id === 'ars-corruss')!;
    expect(ackViaText(t, room.state.notifications, link)).toEqual({
      text: 'Accusé par Dr Anne Leroy via le lien du courriel, 23 h 25 (heure de Paris)',
      reply: 'Réponse : « Bien reçu, je rappelle. »',
    });
    expect(lines(room)[0]).toMatchObject({ acknowledged: 'accusé via le lien à 23 h 25 (heure de Paris)', tone: 'ok' });
    expect(undeliveredCount(room.state)).toBe(0);
  });

  it('an actor with nobody in the directory: undeliverable, said so', () => {
    const room = roomWithDirectory('crisis');
    run(room, director, 'alertChain.alert', { linkId: 'etab-ars-astreinte', channel: 'mail', message: 'Alerte' });
    expect(lines(room).map((l) => [l.label, l.statusText])).toEqual([['Courriel — aucun contact', 'aucun contact joignable']]);
    expect(undeliveredCount(room.state)).toBe(1);
  });
});

describe('the alert form', () => {
  it('says of each channel whether it leaves the room, to whom', () => {
    const room = roomWithDirectory('crisis');
    const reach = (to: string, channel: 'mail' | 'sms' | 'telephone') => channelReach(room.state, to, channel, at12);
    expect(reach('corruss', 'mail')).toMatchObject({ kind: 'outbound', contact: { name: 'Dr Anne Leroy', rank: 1 } });
    expect(reach('hfds', 'sms')).toEqual({ kind: 'no_contact' });
    expect(reach('prefecture', 'mail')).toEqual({ kind: 'in_room' });
    expect(reach('corruss', 'telephone')).toEqual({ kind: 'manual' });
  });

  it('previews the exact texts, banner first in an exercise, the SMS within its length', () => {
    const room = roomWithDirectory('exercise');
    const link = room.state.alertChain.links.find((l) => l.id === 'ars-corruss')!;
    const facts = messageFacts(room.state, link, { text: 'Plan blanc déclenché. '.repeat(30), sender: 'Claire (ARS)', wallTime: at12, exerciseTime: minutes(12), exercise: true });
    const texts = messageTexts(facts);
    expect(texts.subject).toBe(`${exerciseBanner} [ALERTE ORSAN] Test — ARS — cellule régionale de crise (CRAPS) → CORRUSS — centre de crises sanitaires (DGS)`);
    expect(texts.mail).toContain(ackUrlPlaceholder);
    expect(texts.mail).toContain("T+00:12:00 (heure d'exercice)");
    expect(texts.sms.startsWith(exerciseBanner)).toBe(true);
    expect(texts.sms.length).toBeLessThanOrEqual(smsMaxLength);
  });
});

describe('the director’s outbox', () => {
  it('in an exercise lists the simulated messages with the address from the directory and their exact text', () => {
    const room = roomWithDirectory('exercise');
    alertCorruss(room);
    const entries = outboxEntries(room.state, true);
    expect(entries.map((e) => [e.notification.channel, e.address, e.notification.status])).toEqual([
      ['mail', 'alerte@sante.gouv.fr', 'simulated'],
      ['sms', '+33612345678', 'simulated'],
    ]);
    expect(entries[0]!.subject?.startsWith(exerciseBanner)).toBe(true);
    expect(entries[0]!.text).toContain('Cyberattaque au CH : plan blanc déclenché.');
    expect(entries[0]!.text).toContain('De : Cadre ARS (ARS — cellule régionale de crise (CRAPS))');
    expect(entries[1]!.subject).toBeNull();
    expect(lines(room)[0]!.statusText).toBe("simulé (boîte d'envoi de l'animation)");
    expect(linkOutboundBadge(t, room.state.notifications, 'ars-corruss')).toBe('✉ simulé');
  });
});

describe('the telephone', () => {
  it('lists the receiver’s numbers, writes the call script, and shows the calls recorded (kept by the reducer)', () => {
    const room = roomWithDirectory('crisis');
    expect(phoneContacts(room.state.directory, 'corruss', at12).map((p) => [p.contact.id, p.onCall])).toEqual([['corruss-1', true]]);
    expect(callScript(t, { caller: 'Claire', from: 'ARS', to: 'CORRUSS', room: 'Cyber 50', contact: 'Dr Anne Leroy', message: 'Plan blanc.', callback: '+33 2 31 00 00 00' })).toEqual([
      'Bonjour, ici Claire, ARS, salle de crise « Cyber 50 ».',
      'Je cherche à joindre Dr Anne Leroy pour CORRUSS.',
      'Message : Plan blanc.',
      "Pouvez-vous me confirmer que vous avez bien reçu cette alerte ? (j'enregistre votre accusé de réception)",
      'Pour nous rappeler : +33 2 31 00 00 00.',
    ]);
    run(room, ars, 'notification.recordCall', { linkId: 'ars-corruss', contactId: 'corruss-1', outcome: 'message_laisse', note: 'rappel dans 10 min' });
    expect(room.state.notifications.calls.map((c) => callText(t, c))).toEqual(['23 h 25 (heure de Paris), Cadre ARS → Dr Anne Leroy : Message laissé — rappel dans 10 min']);
  });

  it('has every French message in English too', () => {
    expect(Object.keys(notificationsMessages.en).sort()).toEqual(Object.keys(notificationsMessages.fr).sort());
  });
});
