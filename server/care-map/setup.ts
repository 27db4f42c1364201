import { describeZodError, invalid } from '../../shared/core/errors.js';
import { CareOfferScenario, careMapCreationEvents } from '../../shared/care-map/scenario.js';
import type { RoomSetupStep } from '../rooms/room-setup.js';
import { regionLoaderFor, regionsDirFor, type RegionLoader } from './region.js';

/**
 * Room creation step of the care map; runs after the scenario step (`exerciseSetup`). Loads the region
 * of the scenario's `careOffer` (without a scenario: `defaultRegion`, e.g. a real crisis room) from
 * `<scenariosDir>/regions` (or the shipped regions, see `regionsDirFor`) and returns
 * `careMap.regionLoaded`, the GHT memberships and the initial statuses as the room's first events.
 * Fails the creation if the scenario names an establishment the region does not have.
 */
export function careMapSetupStep(options: { regions?: RegionLoader; defaultRegion?: string } = {}): RoomSetupStep {
  const defaultRegion = options.defaultRegion ?? 'normandie';
  return async (ctx) => {
    const regions = options.regions ?? regionLoaderFor(regionsDirFor(ctx.scenariosDir));
    const raw = ctx.scenario?.careOffer ?? { region: defaultRegion };
    const parsed = CareOfferScenario.safeParse(raw);
    if (!parsed.success) throw invalid(`careOffer : ${describeZodError(parsed.error)}`);
    const { data } = await regions.load(parsed.data.region);
    return careMapCreationEvents(data, parsed.data);
  };
}
