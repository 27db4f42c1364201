import { readRegion, defaultRegionsDir } from '../../server/care-map/region.js';
import type { LoadedRegionData } from '../../shared/care-map/region.js';
import { careMapCreationEvents, CareOfferScenario } from '../../shared/care-map/scenario.js';
import { MemoryRoom } from './harness.js';

/** Real FINESS numbers used across the tests. */
export const site = {
  samuSaintLo: '500000450',
  samuCaen: '140000209',
  samuRouen: '760000158',
  samuRennes: '350000741', // national layer (Bretagne): a neighbouring Samu outside the region
  coutances: '500000591',
  cherbourg: '500000187',
  bayeux: '140024886',
  ssrBayeux: '140019175',
} as const;

let region: Promise<LoadedRegionData> | undefined;
export const normandie = () => (region ??= readRegion(defaultRegionsDir, 'normandie'));

/** A room with Normandie loaded (and optional scenario care offer) through the creation events. */
export async function normandieRoom(offer: Partial<CareOfferScenario> = {}): Promise<MemoryRoom> {
  const room = new MemoryRoom();
  room.append(careMapCreationEvents(await normandie(), CareOfferScenario.parse({ region: 'normandie', ...offer })));
  return room;
}
