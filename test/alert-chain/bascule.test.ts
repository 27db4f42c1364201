import { describe, expect, it } from 'vitest';
import { systemActor } from '../../shared/core/roles.js';
import { reduceEvents } from '../../shared/domain.js';
import { initialRoomState } from '../../shared/room-state.js';
import { defaultOrsanCyberChain } from '../../shared/alert-chain/default-chain.js';
import { findLink } from '../../shared/alert-chain/state.js';
import { append, ars, director, minutes, pureRoom, refusal, run, type PureRoom } from './harness.js';

/** Évreux's Samu switches its calls to Rouen's (two Samu of the Normandie region). */
const evreux = '270000359';
const rouen = '760780239';
const caen = '140000209';

function withRegion(room: PureRoom): PureRoom {
  const samuIds = [evreux, rouen, caen];
  append(room, [{ type: 'careMap.regionLoaded', payload: { region: 'normandie', finessIds: samuIds, samuIds, fictionalSites: [] }, visibility: 'all' }], systemActor);
  return room;
}
const bascule = (room: PureRoom) => findLink(room.state.alertChain, 'samu-bascule')!;
const typesOf = (room: PureRoom) => room.events.map((e) => e.type);

describe('the bascule du 15 is one fact with one record', () => {
  it('alerts the chain’s SAMU → SAMU voisin link by the care map’s bascule event, with no second event', () => {
    const room = withRegion(pureRoom());
    room.exerciseTime = minutes(40);
    const [event] = run(room, ars, 'careMap.setBascule', { samu: evreux, to: rouen });
    expect(typesOf(room).filter((t) => t.startsWith('alertChain.alert'))).toEqual([]);
    expect(bascule(room)).toMatchObject({
      status: 'alerte',
      alert: { by: { name: 'Cadre ARS', cell: 'ars' }, channel: 'telephone', exerciseTime: minutes(40), bascule: { samu: evreux, to: rouen, seq: event!.seq } },
    });
    // A replay of the log (the client, the RETEX) derives the same step from the same event.
    expect(reduceEvents(initialRoomState('r1'), room.events).alertChain).toEqual(room.state.alertChain);
  });

  it('refuses to record the step again by hand, and a new destination does not rewrite it', () => {
    const room = withRegion(pureRoom());
    room.exerciseTime = minutes(40);
    run(room, ars, 'careMap.setBascule', { samu: evreux, to: rouen });
    const error = refusal(room, director, 'alertChain.alert', { linkId: 'samu-bascule', message: 'Bascule vers Rouen' });
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('bascule du 15');
    room.exerciseTime = minutes(55);
    run(room, ars, 'careMap.setBascule', { samu: evreux, to: caen });
    expect(bascule(room).alert).toMatchObject({ exerciseTime: minutes(40), bascule: { to: rouen } });
    expect(typesOf(room).filter((t) => t === 'alertChain.alertSent')).toEqual([]);
  });

  it('keeps an alert given by hand before the bascule: the bascule does not record a second one', () => {
    const room = withRegion(pureRoom());
    room.exerciseTime = minutes(20);
    run(room, director, 'alertChain.alert', { linkId: 'samu-bascule', message: 'Le 15 d’Évreux appelle Rouen' });
    room.exerciseTime = minutes(30);
    run(room, ars, 'careMap.setBascule', { samu: evreux, to: rouen });
    expect(bascule(room).alert).toMatchObject({ exerciseTime: minutes(20), by: { name: 'Animatrice' } });
    expect(bascule(room).alert?.bascule).toBeUndefined();
  });

  it('counts only the named Samu when the link gives its FINESS', () => {
    const template = { ...defaultOrsanCyberChain, links: defaultOrsanCyberChain.links.map((l) => (l.id === 'samu-bascule' ? { ...l, bascule: evreux } : l)) };
    const room = withRegion(pureRoom({ template }));
    run(room, ars, 'careMap.setBascule', { samu: caen, to: rouen });
    expect(bascule(room).status).toBe('a_alerter');
    run(room, ars, 'careMap.setBascule', { samu: evreux, to: rouen });
    expect(bascule(room).alert?.bascule?.samu).toBe(evreux);
  });
});
