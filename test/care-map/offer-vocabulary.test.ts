import { beforeEach, describe, expect, it } from 'vitest';
import { specialtyTotals } from '../../shared/care-map/capacity.js';
import { debordementOverdue } from '../../shared/care-map/debordement.js';
import { filterEstablishments } from '../../shared/care-map/filters.js';
import { CareMode } from '../../shared/care-map/modes.js';
import { referenceSources, specialisedFunctionsOf } from '../../shared/care-map/offer.js';
import { regionalScope } from '../../shared/care-map/region.js';
import { regionalSummary } from '../../shared/care-map/selectors.js';
import { dictGet } from '../../shared/core/dict.js';
import { narrate } from '../../shared/retex/narrator.js';
import { MemoryRoom, ars, director, participant, prefecture } from './harness.js';
import { normandie, normandieRoom, site } from './fixtures.js';

let room: MemoryRoom;
beforeEach(async () => {
  room = await normandieRoom();
});

/** The sentences of the room's log after set-up, with the region's readable names (as the RETEX tells them). */
async function sentences(from = 0): Promise<string[]> {
  const byFiness = new Map((await normandie()).establishments.map((e) => [e.finess, e.nom]));
  return narrate(room.log, (finess) => byFiness.get(finess))
    .slice(from)
    .map((n) => n.sentence);
}

describe('plan blanc (issue 19)', () => {
  it('records who declared it and when, counts it regionally, and refuses a second declaration or lifting none', async () => {
    const start = room.log.length;
    room.wallTime += 5_000;
    room.run(ars, 'careMap.declarePlanBlanc', { finess: site.bayeux, note: 'Rappel des personnels' });
    const plan = dictGet(room.state.careMap.plansBlancs, site.bayeux);
    expect(plan).toMatchObject({ finess: site.bayeux, since: room.wallTime, by: { name: 'Cadre ARS', cell: 'ars' }, note: 'Rappel des personnels' });
    expect(plan?.sinceExerciseTime).toBe(60_000 * start);
    expect(room.outcome(director, 'careMap.declarePlanBlanc', { finess: site.bayeux })).toBe('conflict');
    expect(room.outcome(prefecture, 'careMap.declarePlanBlanc', { finess: site.coutances })).toBe('forbidden');
    expect(room.outcome(participant('observer'), 'careMap.liftPlanBlanc', { finess: site.bayeux })).toBe('forbidden');
    expect(room.outcome(ars, 'careMap.declarePlanBlanc', { finess: '999999999' })).toBe('not_found');

    const scope = regionalScope((await normandie()).establishments);
    expect(regionalSummary(room.state, scope).plansBlancs).toBe(1);
    room.run(director, 'careMap.liftPlanBlanc', { finess: site.bayeux });
    expect(regionalSummary(room.state, scope).plansBlancs).toBe(0);
    expect(room.outcome(ars, 'careMap.liftPlanBlanc', { finess: site.bayeux })).toBe('conflict');

    const said = await sentences(start);
    expect(said[0]).toMatch(/^Cadre ARS \(.+\) enregistre le déclenchement du plan blanc de .*Bayeux.* — Rappel des personnels$/i);
    expect(said[1]).toMatch(/^Animatrice \(direction de l'exercice\) enregistre la levée du plan blanc de .*Bayeux/i);
    for (const s of said) expect(s).not.toMatch(/\d{9}|planBlanc|careMap/);
  });

  it('lets a scenario start with a plan blanc in force, said as a fact, and filters the map on it', async () => {
    room = await normandieRoom({ plansBlancs: [{ finess: site.coutances }] });
    expect(dictGet(room.state.careMap.plansBlancs, site.coutances)?.by.name).toBe('ORSAN Room');
    const said = await sentences();
    expect(said.some((s) => /Coutances.* est en plan blanc$/i.test(s))).toBe(true);
    const all = (await normandie()).establishments;
    const filter = { kinds: new Set(all.map((e) => e.kind)), modes: new Set(CareMode.options), planBlancOnly: true };
    expect(filterEstablishments(all, room.state.careMap.statuses, filter, null, room.state.careMap.plansBlancs).map((e) => e.finess)).toEqual([site.coutances]);
  });
});

describe('débordement du 15, distinct from the bascule', () => {
  it('overflows part of the calls until a planned end on the exercise clock, flagged overdue after it, and ends by hand', async () => {
    const start = room.log.length;
    room.run(ars, 'careMap.setDebordement', { samu: site.samuSaintLo, to: site.samuCaen, plannedEndAt: 5_400_000 });
    const d = dictGet(room.state.careMap.debordements, site.samuSaintLo);
    expect(d).toMatchObject({ samu: site.samuSaintLo, to: site.samuCaen, plannedEnd: { clock: 'exercise', at: 5_400_000 }, flags: [] });
    // Not a bascule: the Samu still regulates, and the regional summary counts it apart.
    expect(dictGet(room.state.careMap.bascules, site.samuSaintLo)).toBeUndefined();
    const scope = regionalScope((await normandie()).establishments);
    expect(regionalSummary(room.state, scope)).toMatchObject({ samuEnBascule: 0, samuEnDebordement: 1 });
    expect(debordementOverdue(d!, { wallTime: 0, exerciseTime: 5_399_999 })).toBe(false);
    expect(debordementOverdue(d!, { wallTime: 0, exerciseTime: 5_400_000 })).toBe(true);
    // Passing the planned end changes no state by itself.
    expect(dictGet(room.state.careMap.debordements, site.samuSaintLo)).toBe(d);

    expect(room.outcome(ars, 'careMap.setBascule', { samu: site.samuSaintLo, to: site.samuRouen })).toBe('conflict');
    expect(room.outcome(ars, 'careMap.setDebordement', { samu: site.samuSaintLo, to: site.samuCaen, plannedEndAt: 5_400_000 })).toBe('conflict');
    expect(room.outcome(ars, 'careMap.setDebordement', { samu: site.samuSaintLo, to: site.samuSaintLo, plannedEndAt: 5_400_000 })).toBe('invalid');
    expect(room.outcome(ars, 'careMap.setDebordement', { samu: site.samuCaen, to: site.bayeux, plannedEndAt: 5_400_000 })).toBe('invalid');
    expect(room.outcome(prefecture, 'careMap.endDebordement', { samu: site.samuSaintLo })).toBe('forbidden');
    room.run(ars, 'careMap.setDebordement', { samu: site.samuSaintLo, to: site.samuCaen, plannedEndAt: 7_200_000 });
    room.run(ars, 'careMap.setStatus', { finess: site.samuCaen, mode: 'critique' });
    expect(dictGet(room.state.careMap.debordements, site.samuSaintLo)?.flags).toEqual(['destination_critique']);
    room.run(ars, 'careMap.endDebordement', { samu: site.samuSaintLo });
    expect(dictGet(room.state.careMap.debordements, site.samuSaintLo)).toBeUndefined();
    expect(room.outcome(ars, 'careMap.endDebordement', { samu: site.samuSaintLo })).toBe('conflict');

    const said = await sentences(start);
    expect(said[0]).toMatch(/déclenche un débordement du 15 : les appels non décrochés de .+ débordent vers .+, fin prévue T\+01:30:00$/);
    expect(said[1]).toMatch(/modifie le débordement du 15 : .+ fin prévue T\+02:00:00$/);
    expect(said[3]).toMatch(/met fin au débordement du 15 : .+ reprend tous ses appels$/);
    for (const s of said) expect(s).not.toMatch(/\d{9}/);
  });

  it('refuses a planned end already past, and a débordement while all the calls are switched', () => {
    room.run(ars, 'careMap.setBascule', { samu: site.samuSaintLo, to: site.samuRouen });
    expect(room.outcome(ars, 'careMap.setDebordement', { samu: site.samuSaintLo, to: site.samuCaen, plannedEndAt: 5_400_000 })).toBe('conflict');
    expect(room.outcome(ars, 'careMap.setDebordement', { samu: site.samuCaen, to: site.samuRouen, plannedEndAt: 0 })).toBe('invalid');
    // A Samu taking another's overflow may not be one that switched its own calls.
    expect(room.outcome(ars, 'careMap.setDebordement', { samu: site.samuCaen, to: site.samuSaintLo, plannedEndAt: 5_400_000 })).toBe('conflict');
  });
});

describe('specialised functions and beds per specialty', () => {
  it('follows a maternity or a UNV where reported, a dialysis where FINESS says so, and filters on them', async () => {
    const all = (await normandie()).establishments;
    const dialysis = all.find((e) => e.kind === 'dialyse')!;
    expect(specialisedFunctionsOf(dialysis, undefined)).toEqual(['dialyse']);
    room.run(ars, 'careMap.setStatus', { finess: site.bayeux, functions: { maternite: 'degrade', unv: 'arret' } });
    const bayeux = all.find((e) => e.finess === site.bayeux)!;
    expect(specialisedFunctionsOf(bayeux, dictGet(room.state.careMap.statuses, site.bayeux))).toEqual(['maternite', 'unv']);
    const filter = { kinds: new Set(all.map((e) => e.kind)), modes: new Set(CareMode.options), fn: 'unv' as const };
    expect(filterEstablishments(all, room.state.careMap.statuses, filter).map((e) => e.finess)).toEqual([site.bayeux]);
    const said = await sentences(room.log.length - 1);
    expect(said[0]).toMatch(/met à jour .+ : Maternité : mode dégradé, UNV \(unité neurovasculaire\) : à l'arrêt$/);
  });

  it('updates one specialty at a time with its source, totals them over the region, and says it in French', async () => {
    room = await normandieRoom({ capacities: [{ finess: site.samuCaen, specialty: 'reanimation', disponibles: 4, fermes: 0, source: 'ror' }] });
    expect(dictGet(room.state.careMap.capacities, site.samuCaen)?.reanimation).toMatchObject({ disponibles: 4, fermes: 0, source: 'ror' });
    const start = room.log.length;
    room.run(ars, 'careMap.setCapacity', { finess: site.samuSaintLo, specialty: 'reanimation', disponibles: 0, fermes: 12 });
    room.run(ars, 'careMap.setCapacity', { finess: site.samuSaintLo, specialty: 'pediatrie', fermes: 5 });
    room.run(ars, 'careMap.setCapacity', { finess: site.samuSaintLo, specialty: 'reanimation', disponibles: 2 });
    expect(dictGet(room.state.careMap.capacities, site.samuSaintLo)?.reanimation).toMatchObject({ disponibles: 2, fermes: 12, source: 'signalement' });
    expect(room.outcome(ars, 'careMap.setCapacity', { finess: site.samuSaintLo, specialty: 'reanimation' })).toBe('invalid');
    expect(room.outcome(ars, 'careMap.setCapacity', { finess: site.samuSaintLo, specialty: 'lits', disponibles: 1 })).toBe('invalid');
    expect(room.outcome(prefecture, 'careMap.setCapacity', { finess: site.samuSaintLo, specialty: 'medecine', disponibles: 1 })).toBe('forbidden');

    const scope = regionalScope((await normandie()).establishments);
    expect(specialtyTotals(room.state, scope)).toEqual([
      { specialty: 'reanimation', disponibles: 6, fermes: 12, etablissements: 2 },
      { specialty: 'pediatrie', disponibles: 0, fermes: 5, etablissements: 1 },
    ]);
    const said = await sentences(start - 1);
    expect(said[0]).toMatch(/ : lits de réanimation : 4 disponibles, 0 fermés \(source : ROR \(extrait fourni par le scénario\)\)$/);
    expect(said[1]).toMatch(/^Cadre ARS .* met à jour .+ : lits de réanimation : 0 disponibles, 12 fermés \(source : signalement dans la salle\)$/);
    for (const s of said) expect(s).not.toMatch(/\d{9}|reanimation|pediatrie/);
  });

  it('names where each part of an establishment record comes from', async () => {
    const all = (await normandie()).establishments;
    const caen = all.find((e) => e.finess === site.samuCaen)!;
    expect(referenceSources(caen)).toEqual({ identite: 'FINESS via DREES, SAE 2023', position: 'FINESS (data.gouv.fr, 06/03/2020)', activites: 'DREES, SAE 2023' });
    const centroid = all.find((e) => e.geoPrecision === 'centroide_commune')!;
    expect(referenceSources(centroid).position).toContain('centre de la commune');
  });
});
