import { describe, expect, it } from 'vitest';
import { findLink } from '../../shared/alert-chain/state.js';
import { ars, director, minutes, observer, prefecture, pureRoom, refusal, run } from './harness.js';

const link = (room: ReturnType<typeof pureRoom>, id: string) => findLink(room.state.alertChain, id)!;
const message = 'Cyberattaque au CH : plan blanc déclenché.';

describe('alertChain.alert', () => {
  it('moves a link from à alerter to alerté, recording who, how, what and when', () => {
    const room = pureRoom();
    expect(link(room, 'ars-prefecture').status).toBe('a_alerter');
    room.exerciseTime = minutes(12);
    const [event] = run(room, ars, 'alertChain.alert', { linkId: 'ars-prefecture', message });
    expect(event).toMatchObject({ type: 'alertChain.alertSent', visibility: 'all', payload: { linkId: 'ars-prefecture', from: 'ars', to: 'prefecture', channel: 'telephone', message } });
    const alerted = link(room, 'ars-prefecture');
    expect(alerted.status).toBe('alerte');
    expect(alerted.alert).toMatchObject({ by: { name: 'Cadre ARS', cell: 'ars' }, channel: 'telephone', message, exerciseTime: minutes(12) });
  });

  it('keeps the channel actually used when it differs from the expected one', () => {
    const room = pureRoom();
    run(room, ars, 'alertChain.alert', { linkId: 'ars-prefecture', channel: 'mail', message });
    expect(link(room, 'ars-prefecture').alert?.channel).toBe('mail');
  });

  it('refuses alerting twice, naming when and by whom it was done', () => {
    const room = pureRoom();
    room.exerciseTime = minutes(5);
    run(room, ars, 'alertChain.alert', { linkId: 'ars-prefecture', message });
    const error = refusal(room, ars, 'alertChain.alert', { linkId: 'ars-prefecture', message });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/déjà été alerté à T\+00:05:00 par Cadre ARS/);
  });

  it('refuses a player alerting for a cell not theirs, or for a simulated actor', () => {
    const room = pureRoom();
    const notTheirs = refusal(room, prefecture, 'alertChain.alert', { linkId: 'ars-prefecture', message });
    expect(notTheirs.code).toBe('forbidden');
    expect(notTheirs.message).toMatch(/Seule la cellule « ARS »/);
    const simulated = refusal(room, ars, 'alertChain.alert', { linkId: 'etab-ars-astreinte', message });
    expect(simulated.code).toBe('forbidden');
    expect(simulated.message).toMatch(/acteur simulé/);
    expect(link(room, 'ars-prefecture').status).toBe('a_alerter');
  });

  it('lets the director play simulated actors, but not the played cells during an exercise', () => {
    const room = pureRoom();
    run(room, director, 'alertChain.alert', { linkId: 'etab-ars-astreinte', message });
    expect(link(room, 'etab-ars-astreinte').status).toBe('alerte');
    expect(refusal(room, director, 'alertChain.alert', { linkId: 'ars-prefecture', message }).code).toBe('forbidden');
  });

  it('lets the crisis director act for anyone', () => {
    const room = pureRoom({ mode: 'crisis' });
    run(room, director, 'alertChain.alert', { linkId: 'ars-prefecture', message });
    run(room, director, 'alertChain.acknowledge', { linkId: 'ars-prefecture' });
    expect(link(room, 'ars-prefecture').status).toBe('accuse');
  });

  it('refuses an observer, an unknown link, an empty message and an exercise not started', () => {
    expect(refusal(pureRoom(), observer, 'alertChain.alert', { linkId: 'ars-prefecture', message }).code).toBe('forbidden');
    expect(refusal(pureRoom(), ars, 'alertChain.alert', { linkId: 'ars-nulle-part', message }).code).toBe('not_found');
    expect(refusal(pureRoom(), ars, 'alertChain.alert', { linkId: 'ars-prefecture', message: '  ' }).code).toBe('invalid');
    const notStarted = refusal(pureRoom({ started: false }), ars, 'alertChain.alert', { linkId: 'ars-prefecture', message });
    expect(notStarted.code).toBe('conflict');
    expect(notStarted.message).toMatch(/DEBEX/);
  });
});

describe('alertChain.acknowledge', () => {
  it('moves an alerted link to accusé de réception, by the receiving cell', () => {
    const room = pureRoom();
    run(room, ars, 'alertChain.alert', { linkId: 'ars-prefecture', message });
    room.exerciseTime = minutes(3);
    const [event] = run(room, prefecture, 'alertChain.acknowledge', { linkId: 'ars-prefecture' });
    expect(event?.payload).toEqual({ linkId: 'ars-prefecture', from: 'ars', to: 'prefecture' });
    expect(link(room, 'ars-prefecture')).toMatchObject({ status: 'accuse', acknowledgement: { by: { name: 'SIDPC' }, exerciseTime: minutes(3) } });
  });

  it('refuses acknowledging a link never alerted', () => {
    const error = refusal(pureRoom(), prefecture, 'alertChain.acknowledge', { linkId: 'ars-prefecture' });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/n'a jamais été alerté/);
  });

  it('refuses acknowledging twice, and acknowledging for another cell', () => {
    const room = pureRoom();
    run(room, ars, 'alertChain.alert', { linkId: 'ars-prefecture', message });
    expect(refusal(room, ars, 'alertChain.acknowledge', { linkId: 'ars-prefecture' }).code).toBe('forbidden');
    run(room, prefecture, 'alertChain.acknowledge', { linkId: 'ars-prefecture' });
    expect(refusal(room, prefecture, 'alertChain.acknowledge', { linkId: 'ars-prefecture' }).message).toMatch(/déjà accusée/);
  });

  it('lets the animator acknowledge for a simulated receiver, not a player', () => {
    const room = pureRoom();
    run(room, ars, 'alertChain.alert', { linkId: 'ars-corruss', message });
    expect(refusal(room, ars, 'alertChain.acknowledge', { linkId: 'ars-corruss' }).code).toBe('forbidden');
    run(room, director, 'alertChain.acknowledge', { linkId: 'ars-corruss' });
    expect(link(room, 'ars-corruss').status).toBe('accuse');
  });
});

describe('alertChain.correct', () => {
  it('adds a note without touching the recorded steps', () => {
    const room = pureRoom();
    run(room, ars, 'alertChain.alert', { linkId: 'ars-prefecture', message });
    const before = link(room, 'ars-prefecture').alert;
    run(room, prefecture, 'alertChain.correct', { linkId: 'ars-prefecture', note: "Appel reçu par l'officier de permanence." });
    const corrected = link(room, 'ars-prefecture');
    expect(corrected.alert).toEqual(before);
    expect(corrected.corrections).toEqual([expect.objectContaining({ note: "Appel reçu par l'officier de permanence.", undo: null, cancelled: null })]);
  });

  it('cancels a mistaken alert with a new event, keeping the cancelled alert, and allows alerting again', () => {
    const room = pureRoom();
    run(room, ars, 'alertChain.alert', { linkId: 'ars-prefecture', message: 'erreur de lien' });
    run(room, ars, 'alertChain.correct', { linkId: 'ars-prefecture', note: 'Mauvais lien', undo: 'alert' });
    const cancelled = link(room, 'ars-prefecture');
    expect(cancelled.status).toBe('a_alerter');
    expect(cancelled.corrections[0]?.cancelled).toMatchObject({ message: 'erreur de lien' });
    run(room, ars, 'alertChain.alert', { linkId: 'ars-prefecture', message });
    expect(link(room, 'ars-prefecture').alert?.message).toBe(message);
    expect(room.events.filter((e) => e.type.startsWith('alertChain.')).map((e) => e.type)).toEqual(['alertChain.defined', 'alertChain.alertSent', 'alertChain.corrected', 'alertChain.alertSent']);
  });

  it('cancels an acknowledgement back to alerté, only by its receiver', () => {
    const room = pureRoom();
    run(room, ars, 'alertChain.alert', { linkId: 'ars-prefecture', message });
    run(room, prefecture, 'alertChain.acknowledge', { linkId: 'ars-prefecture' });
    expect(refusal(room, ars, 'alertChain.correct', { linkId: 'ars-prefecture', note: 'x', undo: 'acknowledgement' }).code).toBe('forbidden');
    expect(refusal(room, ars, 'alertChain.correct', { linkId: 'ars-prefecture', note: 'x', undo: 'alert' }).message).toMatch(/annulez d'abord/);
    run(room, prefecture, 'alertChain.correct', { linkId: 'ars-prefecture', note: 'Accusé saisi trop tôt', undo: 'acknowledgement' });
    expect(link(room, 'ars-prefecture')).toMatchObject({ status: 'alerte', acknowledgement: null });
  });

  it('refuses undoing a step that is not there, and notes from outside the link', () => {
    const room = pureRoom();
    expect(refusal(room, ars, 'alertChain.correct', { linkId: 'ars-prefecture', note: 'x', undo: 'alert' }).code).toBe('conflict');
    expect(refusal(room, prefecture, 'alertChain.correct', { linkId: 'ars-corruss', note: 'x' }).code).toBe('forbidden');
    expect(refusal(room, ars, 'alertChain.correct', { linkId: 'ars-prefecture', note: '' }).code).toBe('invalid');
  });
});

describe('alertChain.editTemplate', () => {
  const sdis = { id: 'sdis-voisin', label: 'SDIS — CTA-CODIS du département voisin', kind: 'simulated' as const };

  it('is refused during an exercise', () => {
    const error = refusal(pureRoom(), director, 'alertChain.editTemplate', { op: 'addActor', actor: sdis });
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/mode crise/);
  });

  it('adds actors and links live in a crisis, and removes a link not yet alerted', () => {
    const room = pureRoom({ mode: 'crisis' });
    run(room, director, 'alertChain.editTemplate', { op: 'addActor', actor: sdis });
    run(room, director, 'alertChain.editTemplate', {
      op: 'addLink',
      link: { id: 'prefecture-sdis', from: 'prefecture', to: 'sdis-voisin', channel: 'telephone', deadlineMinutes: 20, trigger: 'upstream' },
    });
    expect(link(room, 'prefecture-sdis')).toMatchObject({ status: 'a_alerter', to: 'sdis-voisin' });
    run(room, director, 'alertChain.editTemplate', { op: 'removeLink', linkId: 'prefecture-sdis' });
    expect(findLink(room.state.alertChain, 'prefecture-sdis')).toBeUndefined();
    expect(room.events.slice(-3).map((e) => e.type)).toEqual(['alertChain.actorAdded', 'alertChain.linkAdded', 'alertChain.linkRemoved']);
  });

  it('refuses removing an alerted link, duplicates, unknown actors and unplayed cells', () => {
    const room = pureRoom({ mode: 'crisis' });
    run(room, director, 'alertChain.alert', { linkId: 'ars-prefecture', message });
    expect(refusal(room, director, 'alertChain.editTemplate', { op: 'removeLink', linkId: 'ars-prefecture' }).code).toBe('conflict');
    expect(refusal(room, director, 'alertChain.editTemplate', { op: 'addActor', actor: { id: 'cnil', label: 'CNIL bis', kind: 'simulated' } }).code).toBe('conflict');
    const toNowhere = { id: 'ars-x', from: 'ars', to: 'inconnu', channel: 'mail', deadlineMinutes: 5, trigger: 'T0' };
    expect(refusal(room, director, 'alertChain.editTemplate', { op: 'addLink', link: toNowhere }).code).toBe('not_found');
    const unplayed = { id: 'mairie', label: 'Mairie', kind: 'played', cell: 'mairie' };
    expect(refusal(room, director, 'alertChain.editTemplate', { op: 'addActor', actor: unplayed }).code).toBe('invalid');
    expect(refusal(room, ars, 'alertChain.editTemplate', { op: 'addActor', actor: sdis }).code).toBe('forbidden');
  });
});
