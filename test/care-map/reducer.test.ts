import { beforeEach, describe, expect, it } from 'vitest';
import { reduceEvents } from '../../shared/domain.js';
import { initialRoomState } from '../../shared/room-state.js';
import { MemoryRoom, ars, director, participant, prefecture } from './harness.js';
import { normandieRoom, site } from './fixtures.js';
import { dictGet } from '../../shared/core/dict.js';

let room: MemoryRoom;
beforeEach(async () => {
  room = await normandieRoom();
});

describe('careMap.setStatus', () => {
  it('records mode, functions, capacity and situation with who and when, merging later changes', () => {
    room.run(ars, 'careMap.setStatus', {
      finess: site.samuSaintLo,
      mode: 'degrade',
      functions: { si_dpi: 'arret', telephonie: 'degrade' },
      capacity: { litsDisponibles: 40, urgencesOuvertes: true },
      situation: 'Rançongiciel, DPI indisponible',
    });
    room.wallTime += 60_000;
    room.run(director, 'careMap.setStatus', { finess: site.samuSaintLo, functions: { telephonie: 'normal' }, capacity: { litsFermes: 12 } });
    const status = dictGet(room.state.careMap.statuses, site.samuSaintLo);
    expect(status).toMatchObject({
      mode: 'degrade',
      functions: { si_dpi: 'arret', telephonie: 'normal' },
      capacity: { litsDisponibles: 40, litsFermes: 12, urgencesOuvertes: true },
      situation: 'Rançongiciel, DPI indisponible',
      updatedBy: { name: 'Animatrice', role: 'director' },
      updatedAt: room.wallTime,
    });
    expect(room.state.careMap.history.map((c) => [c.type, c.finess, c.by.name])).toEqual([
      ['careMap.statusChanged', [site.samuSaintLo], 'Cadre ARS'],
      ['careMap.statusChanged', [site.samuSaintLo], 'Animatrice'],
    ]);
  });

  it('refuses an empty change, an unknown FINESS, a bad mode, and any change before the region is loaded', () => {
    expect(room.outcome(ars, 'careMap.setStatus', { finess: site.bayeux })).toBe('invalid');
    expect(room.outcome(ars, 'careMap.setStatus', { finess: '999999999', mode: 'critique' })).toBe('not_found');
    expect(room.outcome(ars, 'careMap.setStatus', { finess: site.bayeux, mode: 'panne' })).toBe('invalid');
    expect(room.outcome(ars, 'careMap.setStatus', { finess: site.bayeux, capacity: { litsDisponibles: -3 } })).toBe('invalid');
    expect(new MemoryRoom().outcome(ars, 'careMap.setStatus', { finess: site.bayeux, mode: 'critique' })).toBe('conflict');
    expect(room.state.careMap.history).toEqual([]);
  });
});

describe('who edits the care offer', () => {
  const commands: Array<[string, () => unknown]> = [
    ['careMap.setStatus', () => ({ finess: site.bayeux, mode: 'critique' })],
    ['careMap.setBascule', () => ({ samu: site.samuSaintLo, to: site.samuCaen })],
    ['careMap.addDiversion', () => ({ from: site.coutances, to: site.bayeux, patients: 'Urgences adultes' })],
    ['careMap.setGht', () => ({ finess: site.bayeux, ght: 'NOR-06' })],
  ];
  const others = [
    ['player of the Préfecture', prefecture],
    ['evaluator', participant('evaluator')],
    ['observer', participant('observer')],
  ] as const;

  it.each(commands)('%s: the ARS cell and the director may, nobody else', (type, payload) => {
    for (const [, actor] of others) expect(room.outcome(actor, type, payload())).toBe('forbidden');
    expect(room.outcome(ars, type, payload())).toBe('ok');
    expect(room.state.careMap.history).toHaveLength(1);
  });

  it('lets the animator set a status as a stimulus', () => {
    expect(room.outcome(director, 'careMap.setStatus', { finess: site.coutances, mode: 'degrade', functions: { urgences: 'degrade' } })).toBe('ok');
  });

  it('refuses ending a bascule or a diversion to the Préfecture', () => {
    room.run(ars, 'careMap.setBascule', { samu: site.samuSaintLo, to: site.samuCaen });
    const [added] = room.run(ars, 'careMap.addDiversion', { from: site.coutances, to: site.bayeux, patients: 'Pédiatrie' });
    expect(room.outcome(prefecture, 'careMap.endBascule', { samu: site.samuSaintLo })).toBe('forbidden');
    expect(room.outcome(prefecture, 'careMap.endDiversion', { id: `D${added?.seq}` })).toBe('forbidden');
  });
});

describe('bascule du 15', () => {
  it('switches the calls of a Samu to another, including one of a neighbouring region, and ends it', () => {
    room.run(ars, 'careMap.setBascule', { samu: site.samuSaintLo, to: site.samuCaen });
    expect(dictGet(room.state.careMap.bascules, site.samuSaintLo)).toMatchObject({ to: site.samuCaen, by: { name: 'Cadre ARS', cell: 'ars' }, flags: [] });
    room.run(ars, 'careMap.setBascule', { samu: site.samuSaintLo, to: site.samuRennes });
    expect(dictGet(room.state.careMap.bascules, site.samuSaintLo)?.to).toBe(site.samuRennes);
    room.run(ars, 'careMap.endBascule', { samu: site.samuSaintLo });
    expect(room.state.careMap.bascules).toEqual({});
    expect(room.state.careMap.history.at(-1)?.finess).toEqual([site.samuSaintLo, site.samuRennes]);
  });

  it('refuses a bascule to a Samu that is itself down or in bascule (calls would be lost)', () => {
    room.run(ars, 'careMap.setStatus', { finess: site.samuCaen, mode: 'arret' });
    expect(room.outcome(ars, 'careMap.setBascule', { samu: site.samuSaintLo, to: site.samuCaen })).toBe('conflict');
    room.run(ars, 'careMap.setStatus', { finess: site.samuRouen, mode: 'degrade', functions: { regulation_samu: 'arret' } });
    expect(room.outcome(ars, 'careMap.setBascule', { samu: site.samuSaintLo, to: site.samuRouen })).toBe('conflict');
    room.run(ars, 'careMap.setBascule', { samu: site.samuCaen, to: site.samuRennes });
    expect(room.outcome(ars, 'careMap.setBascule', { samu: site.samuSaintLo, to: site.samuCaen })).toBe('conflict');
    expect(room.outcome(ars, 'careMap.setBascule', { samu: site.samuRennes, to: site.samuCaen })).toBe('conflict');
    expect(Object.keys(room.state.careMap.bascules)).toEqual([site.samuCaen]);
  });

  it('refuses nonsense: not a Samu, itself, unknown, the same bascule twice, ending none', () => {
    expect(room.outcome(ars, 'careMap.setBascule', { samu: site.bayeux, to: site.samuCaen })).toBe('invalid');
    expect(room.outcome(ars, 'careMap.setBascule', { samu: site.samuSaintLo, to: site.coutances })).toBe('invalid');
    expect(room.outcome(ars, 'careMap.setBascule', { samu: site.samuSaintLo, to: site.samuSaintLo })).toBe('invalid');
    expect(room.outcome(ars, 'careMap.setBascule', { samu: site.samuSaintLo, to: '999999999' })).toBe('not_found');
    room.run(ars, 'careMap.setBascule', { samu: site.samuSaintLo, to: site.samuCaen });
    expect(room.outcome(ars, 'careMap.setBascule', { samu: site.samuSaintLo, to: site.samuCaen })).toBe('conflict');
    expect(room.outcome(ars, 'careMap.endBascule', { samu: site.samuRouen })).toBe('conflict');
  });

  it('flags a bascule live when the backup Samu degrades, goes down or switches its own calls', () => {
    room.run(ars, 'careMap.setBascule', { samu: site.samuSaintLo, to: site.samuCaen });
    const flags = () => dictGet(room.state.careMap.bascules, site.samuSaintLo)?.flags;
    room.run(ars, 'careMap.setStatus', { finess: site.samuCaen, mode: 'critique' });
    expect(flags()).toEqual(['destination_critique']);
    room.run(ars, 'careMap.setStatus', { finess: site.samuCaen, functions: { regulation_samu: 'arret' } });
    expect(flags()).toEqual(['destination_arret']);
    room.run(ars, 'careMap.setBascule', { samu: site.samuCaen, to: site.samuRouen });
    expect(flags()).toEqual(['destination_arret', 'destination_en_bascule']);
    room.run(ars, 'careMap.endBascule', { samu: site.samuCaen });
    room.run(ars, 'careMap.setStatus', { finess: site.samuCaen, mode: 'normal', functions: { regulation_samu: 'normal' } });
    expect(flags()).toEqual([]);
  });
});

describe('délestages', () => {
  const divert = (to: string = site.bayeux) => room.run(ars, 'careMap.addDiversion', { from: site.coutances, to, patients: 'Urgences adultes', note: 'SAUV fermée' });

  it('adds a diversion with an id from its sequence number and ends it, keeping it for the RETEX', () => {
    const [event] = divert();
    const id = `D${event?.seq}`;
    expect(room.state.careMap.diversions).toMatchObject([{ id, from: site.coutances, to: site.bayeux, patients: 'Urgences adultes', note: 'SAUV fermée', flags: [], endedAt: null }]);
    room.run(director, 'careMap.endDiversion', { id });
    expect(room.state.careMap.diversions[0]).toMatchObject({ id, endedAt: room.wallTime, endedBy: { name: 'Animatrice' } });
    expect(room.outcome(ars, 'careMap.endDiversion', { id })).toBe('conflict');
    expect(room.outcome(ars, 'careMap.endDiversion', { id: 'D999' })).toBe('not_found');
  });

  it('allows diverting to a closed ED but flags it, and follows the ED when it closes or reopens', () => {
    room.run(ars, 'careMap.setStatus', { finess: site.bayeux, capacity: { urgencesOuvertes: false } });
    divert();
    expect(room.state.careMap.diversions[0]?.flags).toEqual(['destination_fermee']);
    room.run(ars, 'careMap.setStatus', { finess: site.bayeux, capacity: { urgencesOuvertes: true } });
    expect(room.state.careMap.diversions[0]?.flags).toEqual([]);
    room.run(ars, 'careMap.setStatus', { finess: site.bayeux, functions: { urgences: 'arret' } });
    expect(room.state.careMap.diversions[0]?.flags).toEqual(['destination_fermee']);
  });

  it('refuses a diversion to itself, to an unknown site, without patients, or twice', () => {
    expect(room.outcome(ars, 'careMap.addDiversion', { from: site.coutances, to: site.coutances, patients: 'Tous' })).toBe('invalid');
    expect(room.outcome(ars, 'careMap.addDiversion', { from: site.coutances, to: '999999999', patients: 'Tous' })).toBe('not_found');
    expect(room.outcome(ars, 'careMap.addDiversion', { from: site.coutances, to: site.bayeux, patients: '  ' })).toBe('invalid');
    divert();
    expect(room.outcome(ars, 'careMap.addDiversion', { from: site.coutances, to: site.bayeux, patients: 'Urgences adultes' })).toBe('conflict');
    expect(room.outcome(ars, 'careMap.addDiversion', { from: site.coutances, to: site.bayeux, patients: 'Pédiatrie' })).toBe('ok');
  });
});

describe('GHT by hand', () => {
  it('assigns, replaces and removes a GHT label; the same label twice is a conflict', () => {
    room.run(ars, 'careMap.setGht', { finess: site.cherbourg, ght: 'NOR-03' });
    expect(room.outcome(ars, 'careMap.setGht', { finess: site.cherbourg, ght: 'NOR-03' })).toBe('conflict');
    room.run(director, 'careMap.setGht', { finess: site.cherbourg, ght: 'GHT fictif du Cotentin' });
    expect(room.state.careMap.ghts).toEqual({ [site.cherbourg]: 'GHT fictif du Cotentin' });
    room.run(director, 'careMap.setGht', { finess: site.cherbourg, ght: null });
    expect(room.state.careMap.ghts).toEqual({});
    expect(room.outcome(ars, 'careMap.setGht', { finess: site.cherbourg, ght: null })).toBe('conflict');
  });
});

it('rebuilds exactly the same state when the log is replayed (RETEX, reconnecting clients)', () => {
  room.run(ars, 'careMap.setStatus', { finess: site.samuSaintLo, mode: 'arret' });
  room.run(ars, 'careMap.setBascule', { samu: site.samuSaintLo, to: site.samuCaen });
  room.run(ars, 'careMap.addDiversion', { from: site.samuSaintLo, to: site.coutances, patients: 'Urgences vitales' });
  room.run(ars, 'careMap.setStatus', { finess: site.coutances, capacity: { urgencesOuvertes: false } });
  expect(reduceEvents(initialRoomState('room-test'), room.log)).toEqual(room.state);
});
