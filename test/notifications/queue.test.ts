import { describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/directory/contact.js';
import { mailSubject, mailText, smsMaxLength, smsText, type AlertMessageFacts } from '../../shared/notifications/message.js';
import { fillTemplate, messageTemplates, templatesFor } from '../../shared/notifications/templates.js';
import { exerciseBanner } from '../../shared/notifications/state.js';
import { ars, director, observer, prefecture, pureRoom, refusal, run } from '../alert-chain/harness.js';

const contact = (actor: string, rank: number, extra: Partial<Contact> = {}): Contact => ({
  id: `${actor}-${rank}`,
  actor,
  name: `${actor} ${rank}`,
  function: '',
  email: `${actor}.${rank}@example.org`,
  mobile: '+33611223344',
  landline: null,
  rank,
  onCall: [],
  exercise: false,
  ...extra,
});

const facts = (over: Partial<AlertMessageFacts> = {}): AlertMessageFacts => ({
  roomTitle: 'Cyberattaque GHT',
  mode: 'crisis',
  linkLabel: 'ARS → CORRUSS',
  receiver: 'CORRUSS',
  message: 'Rançongiciel.',
  sender: 'Léa (ARS)',
  wallTime: Date.parse('2026-12-02T14:05:00+01:00'),
  exerciseTime: 0,
  ackUrl: 'https://orsan.example/ack/abcdefghjkmn.0123456789abcdef0123456789abcdef',
  exercise: false,
  ...over,
});

describe('what a cell alert puts in the outbox', () => {
  it('a crisis: one queued message per outbound channel, to the first reachable contact', () => {
    const room = pureRoom({ mode: 'crisis', started: true });
    run(room, director, 'directory.import', { contacts: [contact('corruss', 1, { mobile: null }), contact('corruss', 2)], file: null });
    const events = run(room, ars, 'alertChain.alert', { linkId: 'ars-corruss', channels: ['mail', 'sms', 'telephone'], message: 'Alerte.' });
    const queued = events.filter((e) => e.type === 'notification.queued').map((e) => e.payload);
    // No mobile at rank 1: the SMS goes to rank 2.
    expect(queued).toMatchObject([
      { id: 'n1', channel: 'mail', contactId: 'corruss-1', delivery: 'real', exercise: false },
      { id: 'n2', channel: 'sms', contactId: 'corruss-2', delivery: 'real' },
    ]);
    expect(room.state.notifications.items.map((n) => n.status)).toEqual(['queued', 'queued']);
  });

  it('a crisis, nobody reachable for a simulated actor: undeliverable at once, with the reason', () => {
    const room = pureRoom({ mode: 'crisis', started: true });
    run(room, ars, 'alertChain.alert', { linkId: 'ars-corruss', channels: ['mail'], message: 'Alerte.' });
    expect(room.state.notifications.items).toMatchObject([{ status: 'undeliverable', lastResponse: expect.stringContaining('Aucun contact') }]);
  });

  it('a played actor with no contact gets nothing: its cell sees the alert live', () => {
    const room = pureRoom({ mode: 'crisis', started: true });
    run(room, ars, 'alertChain.alert', { linkId: 'ars-prefecture', channels: ['mail', 'sms'], message: 'Information du préfet.' });
    expect(room.state.notifications.items).toEqual([]);
  });

  it('an exercise: simulated, even for a contact who takes part, until the director opts in', () => {
    const room = pureRoom({ mode: 'exercise', started: true });
    run(room, director, 'directory.import', { contacts: [contact('corruss', 1, { exercise: true }), contact('corruss', 2)], file: null });
    run(room, ars, 'alertChain.alert', { linkId: 'ars-corruss', channels: ['mail'], message: 'Alerte.' });
    expect(room.state.notifications.items[0]).toMatchObject({ status: 'simulated', exercise: true });
    expect(refusal(room, ars, 'notification.setRealTest', { enabled: true }).code).toBe('forbidden');
    run(room, director, 'notification.setRealTest', { enabled: true });
    run(room, ars, 'alertChain.correct', { linkId: 'ars-corruss', note: 'Nouvel envoi pour le test réel.', undo: 'alert' });
    run(room, ars, 'alertChain.alert', { linkId: 'ars-corruss', channels: ['mail'], message: 'Alerte (test réel).' });
    expect(room.state.notifications.items[1]).toMatchObject({ status: 'queued', contactId: 'corruss-1', exercise: true });
  });

  it('the real test is an exercise setting, and a call is recorded by the caller only', () => {
    const crisis = pureRoom({ mode: 'crisis', started: true });
    expect(refusal(crisis, director, 'notification.setRealTest', { enabled: true }).code).toBe('conflict');
    run(crisis, director, 'directory.import', { contacts: [contact('corruss', 1)], file: null });
    expect(refusal(crisis, prefecture, 'notification.recordCall', { linkId: 'ars-corruss', contactId: 'corruss-1', outcome: 'joint' }).code).toBe('forbidden');
    expect(refusal(crisis, observer, 'notification.recordCall', { linkId: 'ars-corruss', outcome: 'joint' }).code).toBe('forbidden');
    expect(refusal(crisis, ars, 'notification.recordCall', { linkId: 'ars-corruss', contactId: 'cert-sante-1', outcome: 'joint' }).code).toBe('not_found');
    const [event] = run(crisis, ars, 'notification.recordCall', { linkId: 'ars-corruss', contactId: 'corruss-1', outcome: 'message_laisse', note: 'Rappel dans 10 min.' });
    expect(event!.payload).toMatchObject({ contactName: 'corruss 1', outcome: 'message_laisse' });
  });
});

describe('message texts', () => {
  it('mail: prefix, title, message, sender, Paris time, link; EXERCICE first in an exercise', () => {
    expect(mailSubject(facts())).toBe('[ALERTE ORSAN] Cyberattaque GHT — ARS → CORRUSS');
    const text = mailText(facts());
    for (const part of ['Rançongiciel.', 'Léa (ARS)', '02/12/2026 14:05 (heure de Paris)', facts().ackUrl]) expect(text).toContain(part);
    const exercise = facts({ exercise: true, mode: 'exercise', exerciseTime: 42 * 60_000 });
    expect(mailSubject(exercise).startsWith(exerciseBanner)).toBe(true);
    expect(mailText(exercise)).toContain("T+00:42:00 (heure d'exercice)");
  });

  it('SMS: at most 306 characters, the link always whole, whatever the title and message', () => {
    for (const over of [{}, { message: 'x'.repeat(2000) }, { roomTitle: 'T'.repeat(120), message: 'y '.repeat(900), exercise: true }]) {
      const text = smsText(facts(over));
      expect(text.length).toBeLessThanOrEqual(smsMaxLength);
      expect(text.endsWith(facts().ackUrl)).toBe(true);
    }
  });

  it('templates: the room facts filled in, the suited ones first', () => {
    const filled = fillTemplate(
      messageTemplates.find((t) => t.id === 'alerte')!,
      { roomTitle: 'Crise GHT', sender: 'ARS', receiver: 'CORRUSS', time: '14 h 05' },
    );
    expect(filled).toContain('ALERTE — Crise GHT.');
    expect(filled).toContain('ARS alerte CORRUSS à 14 h 05.');
    expect(filled).not.toMatch(/\{(salle|emetteur|destinataire|heure)\}/);
    expect(templatesFor('cert-sante')[0]!.id).toBe('signalement');
    expect(templatesFor('prefecture')[0]!.id).toBe('info-prefecture');
  });
});
