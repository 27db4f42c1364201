import { eventSpecs } from '../../shared/domain.js';
import { validateScenario, type ScenarioCheck } from '../../shared/exercise/scenario-load.js';
import { readRegionFiness, regionOf } from './scenario-region.js';

/** Region files do not change while the process runs; room creation and the scenario list read them often. */
const finessByRegion = new Map<string, ReadonlySet<string> | null>();

function regionFiness(region: string): ReadonlySet<string> | null {
  if (!finessByRegion.has(region)) finessByRegion.set(region, readRegionFiness(region));
  return finessByRegion.get(region) ?? null;
}

/**
 * The one validation of a scenario with what the room knows around it: the domain's event types (conditions on
 * others warn) and the establishments of the scenario's region (a status on an unknown site, a fictional site
 * reusing a real FINESS are refused). `npm run scenario:check`, the sheet import and room creation all call it,
 * so a file the check accepts is a file a room accepts.
 */
export function validateScenarioInRoomContext(data: unknown): ScenarioCheck {
  const region = regionOf(data);
  const knownFiness = region ? regionFiness(region) : null;
  const check = validateScenario(data, { knownEventTypes: eventSpecs.map((spec) => spec.type), ...(knownFiness ? { knownFiness } : {}) });
  if (!region || knownFiness) return check;
  const unknownRegion = { path: 'careOffer.region', message: `région inconnue « ${region} » : aucun dossier scenarios/regions/${region}/` };
  return { ok: false, errors: [unknownRegion, ...(check.ok ? [] : check.errors)] };
}
