import { dictGet, dictHas, type Dict } from '../core/dict.js';
import { EstablishmentKind, type Establishment } from './establishment.js';
import type { CareFunction, CareMode } from './modes.js';
import { isSpecialisedFunction } from './modes.js';
import { specialisedFunctionsOf } from './offer.js';
import { displayModeOf } from './selectors.js';
import type { EstablishmentStatus } from './state.js';

/** What the map shows: the kinds and the statuses ticked in the filter bar. An empty list hides everything of that axis. */
export interface MapFilter {
  kinds: ReadonlySet<EstablishmentKind>;
  modes: ReadonlySet<CareMode>;
  /** Only the establishments whose plan blanc is in force. */
  planBlancOnly?: boolean;
  /** Only the establishments that have this function (`specialisedFunctionsOf` for the specialised activities). */
  fn?: CareFunction | null;
}

/** Whether an establishment passes the plan blanc and function parts of the filter. */
function passesOffer(e: Establishment, status: EstablishmentStatus | undefined, planBlanc: boolean, filter: MapFilter): boolean {
  if (filter.planBlancOnly && !planBlanc) return false;
  if (!filter.fn) return true;
  return isSpecialisedFunction(filter.fn) ? specialisedFunctionsOf(e, status).includes(filter.fn) : status?.functions[filter.fn] !== undefined;
}

/** The kinds the establishments have, in the order of the nomenclature: the filter offers only those. */
export function kindsPresent(establishments: readonly Establishment[]): EstablishmentKind[] {
  const present = new Set(establishments.map((e) => e.kind));
  return EstablishmentKind.options.filter((kind) => present.has(kind));
}

/**
 * The establishments the filter keeps: kind ticked and status (the worst of the mode and the functions, as the
 * marker shows it) ticked; when asked, only those in plan blanc (`plansBlancs`) and those having a function. `keep` (the open card's site) stays drawn whatever the filter says, so the card
 * never points at a marker that vanished.
 */
export function filterEstablishments(
  establishments: readonly Establishment[],
  statuses: Dict<EstablishmentStatus>,
  filter: MapFilter,
  keep: string | null = null,
  plansBlancs: Dict<unknown> = {},
): Establishment[] {
  return establishments.filter((e) => {
    if (e.finess === keep) return true;
    const status = dictGet(statuses, e.finess);
    return filter.kinds.has(e.kind) && filter.modes.has(displayModeOf(status)) && passesOffer(e, status, dictHas(plansBlancs, e.finess), filter);
  });
}
