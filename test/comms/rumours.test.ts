import { describe, expect, it } from 'vitest';
import { systemActor } from '../../shared/core/roles.js';
import { denialDelay } from '../../shared/comms/rumour.js';
import { sealDrafts } from '../../shared/comms/seal.js';
import { narrate } from '../../shared/retex/narrator.js';
import { append, ars, director, observer, prefecture, pureRoom, refusal, run } from '../alert-chain/harness.js';

/** Issue 19: the rumours log, rumeur → démenti, with the times on both clocks and the delay between them. */
describe('rumours log', () => {
  it('records a rumour seen a few minutes ago, denies it by a text, and measures the delay from when it was seen', () => {
    const room = pureRoom();
    room.exerciseTime = 30 * 60_000;
    run(room, prefecture, 'comms.recordRumour', { text: 'Les urgences de Caen seraient fermées.', channel: 'reseaux_sociaux', source: 'Compte anonyme', seenMinutesAgo: 10 });
    const rumour = room.state.comms.rumours[0]!;
    expect(rumour).toMatchObject({ id: 'r1', seenExerciseTime: 20 * 60_000, seenAt: 1_700_000_000_000 + 20 * 60_000, by: { cell: 'prefecture' }, denial: null });
    expect(denialDelay(rumour)).toBeNull();

    room.exerciseTime = 55 * 60_000;
    run(room, ars, 'comms.denyRumour', { id: 'r1', text: 'Les urgences de Caen sont ouvertes.' });
    const denied = room.state.comms.rumours[0]!;
    expect(denied.denial).toMatchObject({ text: 'Les urgences de Caen sont ouvertes.', draftId: null, version: null, exerciseTime: 55 * 60_000, by: { name: 'Cadre ARS' } });
    expect(denialDelay(denied)).toBe(35 * 60_000);
    expect(refusal(room, director, 'comms.denyRumour', { id: 'r1', text: 'Encore' }).code).toBe('conflict');

    const sentences = narrate(room.events).map((t) => t.sentence);
    expect(sentences).toContain('SIDPC (Préfecture) relève une rumeur vue sur les réseaux sociaux (source : « Compte anonyme ») : « Les urgences de Caen seraient fermées. »');
    expect(sentences).toContain('Cadre ARS (ARS) dément la rumeur « Les urgences de Caen seraient fermées. » : « Les urgences de Caen sont ouvertes. »');
  });

  it('denies by a published communication only, noting its published version', () => {
    const room = pureRoom();
    run(room, director, 'comms.recordRumour', { text: 'Transferts en Belgique.', channel: 'presse' });
    run(room, ars, 'comms.createDraft', { kind: 'point_presse', title: 'Point presse de 11 h' });
    expect(refusal(room, ars, 'comms.denyRumour', { id: 'r1', draftId: 'd1' }).message).toBe('Seule une communication publiée dément une rumeur.');
    run(room, ars, 'comms.submit', { draftId: 'd1' });
    append(room, sealDrafts(room.state, { draftId: 'd1', cycle: 1 }, 'Aucun transfert.', 'c'.repeat(64)), systemActor);
    run(room, prefecture, 'comms.validate', { draftId: 'd1', hash: 'c'.repeat(64) });
    run(room, ars, 'comms.publish', { draftId: 'd1' });
    run(room, ars, 'comms.denyRumour', { id: 'r1', draftId: 'd1' });
    expect(room.state.comms.rumours[0]!.denial).toMatchObject({ draftId: 'd1', version: 1, text: '' });
    expect(narrate(room.events).at(-1)!.sentence).toBe('Cadre ARS (ARS) dément la rumeur « Transferts en Belgique. » par le point presse « Point presse de 11 h » (version 1)');
  });

  it('is kept by the players and the director; observers read; a denial needs a text or a communication', () => {
    const room = pureRoom();
    expect(refusal(room, observer, 'comms.recordRumour', { text: 'x', channel: 'radio' }).code).toBe('forbidden');
    run(room, ars, 'comms.recordRumour', { text: 'Rumeur', channel: 'radio' });
    expect(refusal(room, observer, 'comms.denyRumour', { id: 'r1', text: 'Non' }).code).toBe('forbidden');
    expect(refusal(room, ars, 'comms.denyRumour', { id: 'r1' }).code).toBe('invalid');
    expect(refusal(room, ars, 'comms.denyRumour', { id: 'r9', text: 'Non' }).code).toBe('not_found');
    expect(refusal(room, ars, 'comms.recordRumour', { text: 'x', channel: 'radio', seenMinutesAgo: 721 }).code).toBe('invalid');
  });
});
