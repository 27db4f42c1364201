import { describe, expect, it } from 'vitest';
import type { Participant } from '../../shared/core/define.js';
import { organisationMeasures } from '../../shared/organisation/measures.js';
import { replayAt } from '../../shared/retex/replay.js';
import { narrate } from '../../shared/retex/narrator.js';
import { criteriaByObjective } from '../../shared/retex/criteria.js';
import { ars, director, minutes, observer, prefecture, pureRoom, refusal, run } from '../alert-chain/harness.js';

const evaluator: Participant = { kind: 'participant', sessionId: 's-eval', name: 'Évaluatrice', role: 'evaluator' };
const arsColleague: Participant = { kind: 'participant', sessionId: 's-ars-2', name: 'Claire Martin', role: 'player', cell: 'ars' };

describe('organisation.setMobilisation', () => {
  it('the ARS cell and the director set the level, with who and when; the same level twice is refused', () => {
    const room = pureRoom();
    room.exerciseTime = minutes(5);
    run(room, ars, 'organisation.setMobilisation', { level: 'niveau-2', note: 'Deux CH touchés' });
    expect(room.state.organisation.mobilisation).toMatchObject({ level: 'niveau-2', note: 'Deux CH touchés', changed: { by: { name: 'Cadre ARS', cell: 'ars' }, at: { exerciseTime: minutes(5) } } });
    expect(refusal(room, ars, 'organisation.setMobilisation', { level: 'niveau-2' }).code).toBe('conflict');
    room.exerciseTime = minutes(20);
    run(room, director, 'organisation.setMobilisation', { level: 'niveau-3' });
    expect(room.state.organisation.mobilisation.level).toBe('niveau-3');
    expect(room.events.at(-1)?.payload).toEqual({ level: 'niveau-3', previous: 'niveau-2', note: null });
  });

  it('the Préfecture, observers and evaluators do not set it; nothing before DEBEX; an unknown level is invalid', () => {
    const room = pureRoom();
    expect(refusal(room, prefecture, 'organisation.setMobilisation', { level: 'niveau-1' }).code).toBe('forbidden');
    expect(refusal(room, observer, 'organisation.setMobilisation', { level: 'niveau-1' }).code).toBe('forbidden');
    expect(refusal(room, evaluator, 'organisation.setMobilisation', { level: 'niveau-1' }).code).toBe('forbidden');
    expect(refusal(room, ars, 'organisation.setMobilisation', { level: 'niveau-4' }).code).toBe('invalid');
    expect(refusal(room, ars, 'organisation.setMobilisation', { level: 'veille' }).code).toBe('conflict');
    expect(refusal(pureRoom({ started: false }), ars, 'organisation.setMobilisation', { level: 'niveau-1' }).code).toBe('conflict');
  });
});

describe('CRAPS and COD', () => {
  it('the ARS activates the CRAPS once; standing it down and up again keeps the first activation', () => {
    const room = pureRoom();
    room.exerciseTime = minutes(18);
    run(room, ars, 'organisation.activateCraps', {});
    expect(room.state.organisation.craps).toMatchObject({ active: true, changed: { by: { name: 'Cadre ARS' }, at: { exerciseTime: minutes(18) } }, firstActivatedAt: { exerciseTime: minutes(18) } });
    expect(refusal(room, ars, 'organisation.activateCraps', {}).code).toBe('conflict');
    expect(refusal(room, prefecture, 'organisation.activateCraps', {}).code).toBe('forbidden');
    room.exerciseTime = minutes(40);
    run(room, director, 'organisation.deactivateCraps', {});
    expect(refusal(room, ars, 'organisation.deactivateCraps', {}).code).toBe('conflict');
    room.exerciseTime = minutes(50);
    run(room, ars, 'organisation.activateCraps', {});
    expect(room.state.organisation.craps.changed?.at.exerciseTime).toBe(minutes(50));
    expect(organisationMeasures(room.state.organisation).crapsActivatedAt).toBe(minutes(18));
  });

  it('the Préfecture (or the director) opens and closes the COD; the ARS does not', () => {
    const room = pureRoom();
    expect(refusal(room, ars, 'organisation.setCod', { open: true }).code).toBe('forbidden');
    expect(refusal(room, prefecture, 'organisation.setCod', { open: false }).code).toBe('conflict');
    room.exerciseTime = minutes(32);
    run(room, prefecture, 'organisation.setCod', { open: true });
    expect(room.state.organisation.cod).toMatchObject({ active: true, firstActivatedAt: { exerciseTime: minutes(32) } });
    expect(refusal(room, prefecture, 'organisation.setCod', { open: true }).code).toBe('conflict');
    run(room, director, 'organisation.setCod', { open: false });
    expect(room.state.organisation.cod.active).toBe(false);
    expect(refusal(room, observer, 'organisation.setCod', { open: true }).code).toBe('forbidden');
  });
});

describe('organisation.assignFunction', () => {
  it('gives a function to a typed name, to a member of the ARS roster, or to nobody', () => {
    const room = pureRoom();
    run(room, ars, 'organisation.assignFunction', { function: 'main-courante', holder: { name: 'Paul Durand' } });
    expect(room.state.organisation.functions['main-courante']).toMatchObject({ name: 'Paul Durand', sessionId: null, assigned: { by: { name: 'Cadre ARS' } } });
    expect(refusal(room, ars, 'organisation.assignFunction', { function: 'main-courante', holder: { name: 'Paul Durand' } }).code).toBe('conflict');
    // Claire acts for the ARS cell: the roster knows her, so the director may give her a function by session.
    run(room, arsColleague, 'organisation.assignFunction', { function: 'communication', holder: { participantId: 's-ars-2' } });
    run(room, director, 'organisation.assignFunction', { function: 'liaison-prefecture', holder: { participantId: 's-ars-2' } });
    expect(room.state.organisation.functions['liaison-prefecture']).toMatchObject({ name: 'Claire Martin', sessionId: 's-ars-2' });
    expect(refusal(room, director, 'organisation.assignFunction', { function: 'direction', holder: { participantId: 's-pref' } }).code).toBe('invalid');
    run(room, ars, 'organisation.assignFunction', { function: 'main-courante', holder: null });
    expect(room.state.organisation.functions['main-courante']).toBeNull();
    expect(refusal(room, ars, 'organisation.assignFunction', { function: 'main-courante', holder: null }).code).toBe('conflict');
    expect(refusal(room, prefecture, 'organisation.assignFunction', { function: 'direction', holder: { name: 'X' } }).code).toBe('forbidden');
    expect(refusal(room, ars, 'organisation.assignFunction', { function: 'logistique', holder: { name: 'X' } }).code).toBe('invalid');
    expect(refusal(room, ars, 'organisation.assignFunction', { function: 'direction', holder: { name: '  ' } }).code).toBe('invalid');
  });
});

describe('sentences, replay at T and measures', () => {
  function playedRoom() {
    const room = pureRoom();
    room.exerciseTime = minutes(10);
    run(room, ars, 'organisation.setMobilisation', { level: 'niveau-2' });
    room.exerciseTime = minutes(25);
    run(room, ars, 'organisation.activateCraps', {});
    run(room, ars, 'organisation.setMobilisation', { level: 'niveau-3' });
    run(room, ars, 'organisation.assignFunction', { function: 'offre-de-soins', holder: { name: 'Dr Lemoine' } });
    room.exerciseTime = minutes(35);
    run(room, prefecture, 'organisation.setCod', { open: true });
    run(room, ars, 'organisation.assignFunction', { function: 'offre-de-soins', holder: null });
    return room;
  }

  it('every event is told in French with who did it, no raw level or function id', () => {
    const sentences = narrate(playedRoom().events)
      .filter((n) => n.event.type.startsWith('organisation.'))
      .map((n) => n.sentence);
    expect(sentences).toEqual([
      "Mobilisation de l'ARS : niveau 2 (renforcé), au lieu de veille (par Cadre ARS (ARS))",
      "Cadre ARS (ARS) active la CRAPS (cellule régionale d'appui et de pilotage sanitaire)",
      "Mobilisation de l'ARS : niveau 3 (crise), au lieu de niveau 2 (renforcé) (par Cadre ARS (ARS))",
      'Cadre ARS (ARS) confie la fonction « offre de soins » à Dr Lemoine',
      'SIDPC (Préfecture) ouvre le COD (centre opérationnel départemental) de la Préfecture',
      'Cadre ARS (ARS) retire la fonction « offre de soins » à Dr Lemoine',
    ]);
  });

  it('the replay at T shows the organisation as it was then', () => {
    const { events } = playedRoom();
    const before = replayAt('r1', events, { role: 'observer' }, minutes(20));
    expect(before.organisation.mobilisation.level).toBe('niveau-2');
    expect(before.organisation.craps.active).toBe(false);
    expect(before.organisation.cod.active).toBe(false);
    const after = replayAt('r1', events, { role: 'observer' }, minutes(30));
    expect(after.organisation.mobilisation.level).toBe('niveau-3');
    expect(after.organisation.craps).toMatchObject({ active: true, firstActivatedAt: { exerciseTime: minutes(25) } });
    expect(after.organisation.functions['offre-de-soins']?.name).toBe('Dr Lemoine');
    expect(after.organisation.cod.active).toBe(false);
    expect(replayAt('r1', events, { role: 'observer' }, minutes(40)).organisation.cod.active).toBe(true);
  });

  it('measures the time from T0 to the CRAPS activation, the COD opening and each level', () => {
    expect(organisationMeasures(playedRoom().state.organisation)).toEqual({
      crapsActivatedAt: minutes(25),
      codOpenedAt: minutes(35),
      highestLevel: 'niveau-3',
      levels: [
        { level: 'niveau-2', reachedAt: minutes(10) },
        { level: 'niveau-3', reachedAt: minutes(25) },
      ],
    });
    expect(organisationMeasures(pureRoom().state.organisation)).toMatchObject({ crapsActivatedAt: null, codOpenedAt: null, highestLevel: 'veille', levels: [] });
  });

  it('a grid criterion that names a measure is held, missed or not observed by it', () => {
    const room = playedRoom();
    const kit = {
      instructions: 'x',
      scale: { min: 1, max: 4, labels: ['a', 'b', 'c', 'd'] },
      objectives: [{ id: 'O1', label: 'Organisation', description: 'x' }],
      expectedActions: [],
      grid: [
        {
          objectiveId: 'O1',
          criteria: [
            { id: 'C1', label: 'CRAPS activée avant T+00:30', measure: 'organisation.craps' as const, deadline: '00:30' },
            { id: 'C2', label: 'COD ouvert avant T+00:30', measure: 'organisation.cod' as const, deadline: '00:30' },
            { id: 'C3', label: 'COD ouvert', measure: 'organisation.cod' as const },
          ],
        },
      ],
    };
    const rows = criteriaByObjective(kit, room.events, minutes(60), room.state).get('O1') ?? [];
    expect(rows.map((r) => [r.id, r.status, r.measure?.at])).toEqual([
      ['C1', 'met', minutes(25)],
      ['C2', 'missed', minutes(35)],
      ['C3', 'met', minutes(35)],
    ]);
    const none = pureRoom();
    const empty = criteriaByObjective(kit, none.events, minutes(20), none.state).get('O1') ?? [];
    expect(empty.map((r) => r.status)).toEqual(['notObserved', 'notObserved', 'notObserved']);
  });
});
