import { z } from 'zod';
import { invalid } from '../core/errors.js';
import type { EventDraft } from '../core/events.js';
import { FictionalSite, Finess } from './establishment.js';
import { ghtAssigned, GhtLabel, regionLoaded, statusChanged } from './events.js';
import { capacityUpdated, CapacityUpdate } from './capacity.js';
import { InitialCareStatus } from './modes.js';
import { planBlancDeclared } from './plan-blanc.js';
import { RegionId, type RegionData } from './region.js';

/**
 * The care-offer part of a scenario: the region whose real establishments the room uses, fictional
 * sites it adds, the statuses at T0, the GHT memberships it assumes (the open data has none), the plans
 * blancs in force and the beds per specialty at T0.
 * Everything here is shown to players at room creation: no animator secret belongs in it
 * (a status change planned for later is a stimulus, not an initial status).
 */
export const CareOfferScenario = z.object({
  region: RegionId,
  fictionalSites: z.array(FictionalSite).max(200).default([]),
  initialStatuses: z.array(InitialCareStatus).max(2000).default([]),
  ghts: z.record(Finess, GhtLabel).default({}),
  /** Establishments whose plan blanc is in force at T0. */
  plansBlancs: z
    .array(z.strictObject({ finess: Finess, note: z.string().trim().max(500).optional() }))
    .max(500)
    .optional(),
  /** Beds per specialty at T0; `source: "ror"` when the figures are an extract of the ROR (shown as such). */
  capacities: z
    .array(CapacityUpdate.strict().extend({ source: z.enum(['ror', 'scenario']).default('scenario') }))
    .max(5000)
    .optional(),
});
export type CareOfferScenario = z.infer<typeof CareOfferScenario>;

/** Checks that every FINESS the scenario names exists in the region or among its fictional sites. */
function checkScenarioAgainstRegion(region: RegionData, offer: CareOfferScenario): void {
  const real = new Set(region.establishments.map((e) => e.finess));
  const fictional = new Set<string>();
  offer.fictionalSites.forEach((site, i) => {
    if (real.has(site.finess)) throw invalid(`careOffer.fictionalSites[${i}].finess : ${site.finess} est un établissement réel de la région`);
    if (fictional.has(site.finess)) throw invalid(`careOffer.fictionalSites[${i}].finess : ${site.finess} en double`);
    fictional.add(site.finess);
  });
  const known = (finess: string) => real.has(finess) || fictional.has(finess);
  offer.initialStatuses.forEach((s, i) => {
    if (!known(s.finess)) throw invalid(`careOffer.initialStatuses[${i}].finess : ${s.finess} inconnu dans la région ${region.id}`);
  });
  (offer.plansBlancs ?? []).forEach((p, i) => {
    if (!known(p.finess)) throw invalid(`careOffer.plansBlancs[${i}].finess : ${p.finess} inconnu dans la région ${region.id}`);
  });
  (offer.capacities ?? []).forEach((c, i) => {
    if (!known(c.finess)) throw invalid(`careOffer.capacities[${i}].finess : ${c.finess} inconnu dans la région ${region.id}`);
  });
  for (const finess of Object.keys(offer.ghts)) {
    if (!known(finess)) throw invalid(`careOffer.ghts.${finess} : établissement inconnu dans la région ${region.id}`);
  }
}

/**
 * The events the server appends at room creation, in order: the region (known FINESS and Samu),
 * then GHT memberships, initial statuses, plans blancs in force and beds per specialty. All are visible to everyone: the map is shared.
 * Throws `invalid` when the scenario names an establishment the region does not have.
 */
export function careMapCreationEvents(region: RegionData, offer: CareOfferScenario): EventDraft[] {
  checkScenarioAgainstRegion(region, offer);
  const sites = offer.fictionalSites;
  const loaded: EventDraft = regionLoaded.draft(
    {
      region: region.id,
      finessIds: [...region.establishments.map((e) => e.finess), ...sites.map((s) => s.finess)],
      samuIds: [...region.samuIds, ...sites.filter((s) => s.samu).map((s) => s.finess)],
      fictionalSites: sites,
    },
    'all',
  );
  const ghts: EventDraft[] = Object.entries(offer.ghts).map(([finess, ght]) => ghtAssigned.draft({ finess, ght }, 'all'));
  const statuses: EventDraft[] = offer.initialStatuses.map((s) => statusChanged.draft(s, 'all'));
  const plansBlancs: EventDraft[] = (offer.plansBlancs ?? []).map((p) => planBlancDeclared.draft(p, 'all'));
  const capacities: EventDraft[] = (offer.capacities ?? []).map((c) => capacityUpdated.draft(c, 'all'));
  return [loaded, ...ghts, ...statuses, ...plansBlancs, ...capacities];
}
