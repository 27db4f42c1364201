import { describe, expect, it } from 'vitest';
import { siteNames } from '../../shared/care-map/names.js';
import { basculeTargets, samuCodes } from '../../shared/care-map/samu.js';
import { normandie, site } from './fixtures.js';

const samuLeHavre = '760805770';
const samuEvreux = '270000359';

describe('Samu names', () => {
  it('names each Samu by its département, with A/B where a département has two (76A Rouen CHU, 76B Le Havre)', async () => {
    const codes = samuCodes((await normandie()).establishments);
    expect(codes.get(site.samuRouen)).toBe('76A');
    expect(codes.get(samuLeHavre)).toBe('76B');
    expect(codes.get(samuEvreux)).toBe('27');
    expect(codes.get(site.samuCaen)).toBe('14');
    expect(codes.has(site.bayeux)).toBe(false);
  });

  it('gives one readable name everywhere, the Samu name for Samu sites, the FINESS number for an unknown site', async () => {
    const names = siteNames((await normandie()).establishments);
    expect(names.name(site.samuRouen)).toBe('Hôpital Charles Nicolle CHU Rouen');
    expect(names.samu(site.samuRouen)).toBe('SAMU 76A – Hôpital Charles Nicolle CHU Rouen');
    expect(names.samu(samuEvreux)).toBe('SAMU 27 – CH Evreux CH Eure-Seine');
    expect(names.samu(site.bayeux)).toBe(names.name(site.bayeux));
    expect(names.samuCode(site.bayeux)).toBeNull();
    expect(names.name('999999999')).toBe('999999999');
  });
});

describe('basculeTargets', () => {
  it('offers the Samu of the region first (by Samu code), then those of the bordering départements nearest first, and nothing else', async () => {
    const region = await normandie();
    const names = siteNames(region.establishments);
    const evreux = region.establishments.find((e) => e.finess === samuEvreux);
    if (!evreux) throw new Error('Samu Évreux missing');
    const targets = basculeTargets(evreux, region.establishments, region, names.samuCode);
    expect(targets.region.map((e) => names.samuCode(e.finess))).toEqual(['14', '50', '61', '76A', '76B']);
    const neighbours = targets.neighbours.map((e) => e.departement);
    expect(neighbours.length).toBeGreaterThan(0);
    expect(neighbours.every((d) => region.neighbourDepartements.includes(d))).toBe(true);
    // Paris is not a neighbour of Normandie; a hospital without a Samu is never a target.
    expect(neighbours).not.toContain('75');
    expect([...targets.region, ...targets.neighbours].every((e) => e.samu)).toBe(true);
    // Nearest first: the Samu 78 (Versailles) is nearer Évreux than the Samu 35 (Rennes).
    expect(neighbours.indexOf('78')).toBeLessThan(neighbours.indexOf('35'));
  });
});
