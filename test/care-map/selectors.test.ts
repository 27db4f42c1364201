import { describe, expect, it } from 'vitest';
import { describeChange } from '../../shared/care-map/describe.js';
import { searchEstablishments } from '../../shared/care-map/establishment.js';
import { regionalScope } from '../../shared/care-map/region.js';
import { displayModeOf, regionalSummary, severityOf, sortedBySeverity } from '../../shared/care-map/selectors.js';
import type { EstablishmentStatus } from '../../shared/care-map/state.js';
import { ars } from './harness.js';
import { normandie, normandieRoom, site } from './fixtures.js';

const status = (patch: Partial<EstablishmentStatus>): EstablishmentStatus => ({
  mode: 'normal',
  functions: {},
  capacity: { litsDisponibles: null, litsFermes: null, urgencesOuvertes: null },
  situation: '',
  updatedAt: 0,
  updatedExerciseTime: 0,
  updatedBy: { name: 'x' },
  ...patch,
});

describe('severityOf', () => {
  it('orders by overall mode, then worst function, then number of functions hit, then a closed ED', () => {
    const ladder = [
      undefined,
      status({}),
      status({ functions: { imagerie: 'degrade' } }),
      status({ functions: { imagerie: 'degrade', biologie: 'degrade' } }),
      status({ functions: { si_dpi: 'arret' } }),
      status({ mode: 'degrade' }),
      status({ mode: 'degrade', capacity: { litsDisponibles: null, litsFermes: null, urgencesOuvertes: false } }),
      status({ mode: 'critique' }),
      status({ mode: 'arret' }),
    ];
    const scores = ladder.map(severityOf);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(new Set(scores.slice(1)).size).toBe(ladder.length - 1);
  });

  it('colours a marker with the worst of its mode and functions', () => {
    expect(displayModeOf(status({ functions: { urgences: 'arret' } }))).toBe('arret');
    expect(displayModeOf(status({ mode: 'critique', functions: { bloc: 'degrade' } }))).toBe('critique');
    expect(displayModeOf(undefined)).toBe('normal');
  });
});

describe('status board selectors', () => {
  it('sorts reported establishments by severity and sums the regional picture by département', async () => {
    const room = await normandieRoom();
    const region = await normandie();
    const scope = regionalScope(region.establishments);
    room.run(ars, 'careMap.setStatus', { finess: site.coutances, mode: 'degrade', capacity: { urgencesOuvertes: false, litsFermes: 20 } });
    room.run(ars, 'careMap.setStatus', { finess: site.samuSaintLo, mode: 'arret', capacity: { litsFermes: 150 } });
    room.run(ars, 'careMap.setStatus', { finess: site.bayeux, mode: 'normal', capacity: { litsFermes: 5 } });
    room.run(ars, 'careMap.setStatus', { finess: site.ssrBayeux, mode: 'critique' });
    room.run(ars, 'careMap.setBascule', { samu: site.samuSaintLo, to: site.samuCaen });
    room.run(ars, 'careMap.addDiversion', { from: site.coutances, to: site.cherbourg, patients: 'Urgences adultes' });

    expect(sortedBySeverity(room.state, scope).map((e) => e.establishment.finess)).toEqual([site.samuSaintLo, site.ssrBayeux, site.coutances, site.bayeux]);
    expect(regionalSummary(room.state, scope)).toEqual({
      urgencesFermees: 2,
      samuEnBascule: 1,
      litsPerdusParDepartement: { '50': 170, '14': 5 },
      etablissementsDegrades: 3,
      delestagesEnCours: 1,
      plansBlancs: 0,
      samuEnDebordement: 0,
    });
  });

  it('does not count an ED for a site that has none (an SSR at arrêt)', async () => {
    const room = await normandieRoom();
    const scope = regionalScope((await normandie()).establishments);
    room.run(ars, 'careMap.setStatus', { finess: site.ssrBayeux, mode: 'arret' });
    expect(regionalSummary(room.state, scope).urgencesFermees).toBe(0);
  });
});

describe('describeChange', () => {
  it('writes each change as one French line for the card and the main courante', async () => {
    const room = await normandieRoom();
    const names: Record<string, string> = { [site.samuSaintLo]: 'SAMU 50', [site.samuCaen]: 'SAMU 14', [site.coutances]: 'CH Coutances' };
    const nameOf = (finess: string) => names[finess] ?? finess;
    room.run(ars, 'careMap.setStatus', { finess: site.samuSaintLo, mode: 'arret', functions: { telephonie: 'arret' }, capacity: { urgencesOuvertes: false } });
    room.run(ars, 'careMap.setBascule', { samu: site.samuSaintLo, to: site.samuCaen });
    room.run(ars, 'careMap.addDiversion', { from: site.samuSaintLo, to: site.coutances, patients: 'Urgences adultes' });
    room.run(ars, 'careMap.endBascule', { samu: site.samuSaintLo });
    expect(room.state.careMap.history.map((c) => describeChange(c, nameOf))).toEqual([
      "SAMU 50 — à l'arrêt, Téléphonie : à l'arrêt, accueil des urgences fermé",
      'Bascule du 15 : les appels du SAMU 50 sont pris par le SAMU 14',
      'Délestage (Urgences adultes) : SAMU 50 → CH Coutances',
      'Fin de bascule : le SAMU 50 reprend ses appels',
    ]);
  });
});

describe('searchEstablishments', () => {
  it('finds by FINESS, name or commune, accents ignored, hospitals and Samu first', async () => {
    const { establishments } = await normandie();
    expect(searchEstablishments(establishments, '5000004')[0]?.finess).toBe(site.samuSaintLo);
    const evreux = searchEstablishments(establishments, 'évreux');
    expect(evreux[0]?.finess).toBe('270000359');
    expect(evreux.every((e) => /evreux/i.test(`${e.nom} ${e.commune}`))).toBe(true);
    expect(searchEstablishments(establishments, 'coutances').map((e) => e.finess)).toContain(site.coutances);
    expect(searchEstablishments(establishments, 'x')).toEqual([]);
  });
});
