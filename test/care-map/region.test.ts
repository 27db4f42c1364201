import express from 'express';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRegionsDir, regionsDirFor } from '../../server/care-map/region.js';
import { careMapRouter } from '../../server/care-map/routes.js';
import { careMapSetupStep } from '../../server/care-map/setup.js';
import type { Scenario } from '../../shared/exercise/scenario.js';
import { errorHandler } from '../../server/http/errors.js';
import { createLogger } from '../../server/ops/logger.js';
import { dataAttribution } from '../../shared/care-map/region.js';
import { careMapCreationEvents, CareOfferScenario } from '../../shared/care-map/scenario.js';
import { normandie, normandieRoom, site } from './fixtures.js';
import { ars } from './harness.js';
import { dictGet } from '../../shared/core/dict.js';

describe('Normandie region with the national layer', () => {
  it('merges the region file and the national emergency layer without duplicates', async () => {
    const region = await normandie();
    const ids = region.establishments.map((e) => e.finess);
    expect(new Set(ids).size).toBe(ids.length);
    // 196 Normandie sites + 672 geolocated national sites − the 43 Normandie ones present in both.
    expect(region.establishments).toHaveLength(196 + 672 - 43);
    expect(region.establishments.filter((e) => e.layer === 'region')).toHaveLength(196);
    expect(region.samuIds).toHaveLength(100);
    expect(region.samuIds).toEqual(expect.arrayContaining([site.samuSaintLo, site.samuRennes]));
    expect(region.ghts.map((g) => g.code)).toContain('NOR-06');
    expect(region.ghts.every((g) => g.regionCode === '28')).toBe(true);
    expect(region.attribution).toEqual([...dataAttribution]);
    expect(region.issues).toHaveLength(17 + 1 + 1);
  });
});

describe('room creation from a scenario', () => {
  const fictional = { finess: 'FIC000001', nom: 'EHPAD Les Tilleuls (fictif)', kind: 'ehpad', commune: 'Saint-Lô', departement: '50', lat: 49.11, lon: -1.09 };

  it('loads the region, the fictional sites, the GHT and the initial statuses as events', async () => {
    const room = await normandieRoom({
      fictionalSites: [CareOfferScenario.shape.fictionalSites.parse([fictional])[0]!],
      ghts: { [site.samuSaintLo]: 'NOR-05' },
      initialStatuses: [{ finess: site.samuSaintLo, mode: 'degrade', functions: { si_dpi: 'arret' }, situation: 'Chiffrement en cours' }],
    });
    expect(room.log.map((e) => [e.type, e.visibility, e.actor.kind])).toEqual([
      ['careMap.regionLoaded', 'all', 'system'],
      ['careMap.ghtAssigned', 'all', 'system'],
      ['careMap.statusChanged', 'all', 'system'],
    ]);
    const { careMap } = room.state;
    expect(careMap.region).toBe('normandie');
    expect(dictGet(careMap.finessIds, 'FIC000001')).toBe(true);
    expect(dictGet(careMap.statuses, site.samuSaintLo)?.functions).toEqual({ si_dpi: 'arret' });
    expect(room.outcome(ars, 'careMap.addDiversion', { from: site.coutances, to: 'FIC000001', patients: 'Résidents' })).toBe('ok');
  });

  it('accepts the care offer of the shipped Normandie scenario (GHT Eure-Seine)', async () => {
    const scenario = JSON.parse(readFileSync(new URL('../../scenarios/cyber-ght-samu-normandie.json', import.meta.url), 'utf8'));
    const drafts = careMapCreationEvents(await normandie(), CareOfferScenario.parse(scenario.careOffer));
    const types = drafts.map((d) => d.type);
    expect(types[0]).toBe('careMap.regionLoaded');
    expect(types.filter((t) => t === 'careMap.ghtAssigned').length).toBe(Object.keys(scenario.careOffer.ghts).length);
    expect(types.filter((t) => t === 'careMap.statusChanged').length).toBe(scenario.careOffer.initialStatuses.length);
    expect(regionsDirFor(undefined)).toBe(defaultRegionsDir);
    expect(regionsDirFor('/nonexistent')).toBe(defaultRegionsDir);
  });

  it('rejects a scenario naming an establishment the region does not have, or reusing a real FINESS', async () => {
    const region = await normandie();
    const offer = (o: object) => CareOfferScenario.parse({ region: 'normandie', ...o });
    expect(() => careMapCreationEvents(region, offer({ initialStatuses: [{ finess: '999999999', mode: 'arret' }] }))).toThrow(
      'careOffer.initialStatuses[0].finess : 999999999 inconnu dans la région normandie',
    );
    expect(() => careMapCreationEvents(region, offer({ fictionalSites: [{ ...fictional, finess: site.bayeux }] }))).toThrow(/réel/);
  });

  it('the setup step uses the care offer of the scenario step, or the default region', async () => {
    const step = careMapSetupStep();
    // A partial scenario is enough: the step reads its `careOffer` only.
    const ctx = (scenario: Scenario | null) => ({ roomId: 'r', request: { mode: 'crisis' as const, title: 't' }, cells: [], scenario, scenariosDir: '/nonexistent' });
    const fallback = await step(ctx(null));
    expect(fallback.map((d) => d.type)).toEqual(['careMap.regionLoaded']);
    const scenario = (careOffer: object) => ({ careOffer }) as unknown as Scenario;
    const withOffer = await step(ctx(scenario({ region: 'normandie', initialStatuses: [{ finess: site.bayeux, mode: 'critique' }] })));
    expect(withOffer.map((d) => d.type)).toEqual(['careMap.regionLoaded', 'careMap.statusChanged']);
    await expect(step(ctx(scenario({ region: 'atlantide' })))).rejects.toThrow('Région « atlantide » inconnue.');
  });
});

describe('GET /api/regions/:region', () => {
  let url = '';
  let close = () => {};
  beforeAll(async () => {
    const app = express();
    app.use('/api', careMapRouter());
    app.use(errorHandler(createLogger('silent')));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((ok) => server.once('listening', ok));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it('serves the region as public reference data, with an ETag for revalidation', async () => {
    const res = await fetch(`${url}/api/regions/normandie`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.establishments).toHaveLength(825);
    expect(body.boundaries.departements.features).toHaveLength(5);
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(`${url}/api/regions/normandie`, { headers: { 'if-none-match': etag ?? '', 'cache-control': 'max-age=0' } });
    expect(again.status).toBe(304);
  });

  it('lists the shipped regions and answers 404 for an unknown or malformed region', async () => {
    expect(await (await fetch(`${url}/api/regions`)).json()).toEqual({ regions: [{ id: 'normandie', label: 'Normandie' }] });
    const unknown = await fetch(`${url}/api/regions/atlantide`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('not_found');
    expect((await fetch(`${url}/api/regions/..%2Fnormandie`)).status).toBe(404);
  });
});
