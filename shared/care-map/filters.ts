import { dictGet, type Dict } from '../core/dict.js';
import { EstablishmentKind, type Establishment } from './establishment.js';
import type { CareMode } from './modes.js';
import { displayModeOf } from './selectors.js';
import type { EstablishmentStatus } from './state.js';

/** What the map shows: the kinds and the statuses ticked in the filter bar. An empty list hides everything of that axis. */
export interface MapFilter {
  kinds: ReadonlySet<EstablishmentKind>;
  modes: ReadonlySet<CareMode>;
}

/** The kinds the establishments have, in the order of the nomenclature: the filter offers only those. */
export function kindsPresent(establishments: readonly Establishment[]): EstablishmentKind[] {
  const present = new Set(establishments.map((e) => e.kind));
  return EstablishmentKind.options.filter((kind) => present.has(kind));
}

/**
 * The establishments the filter keeps: kind ticked and status (the worst of the mode and the functions, as the
 * marker shows it) ticked. `keep` (the open card's site) stays drawn whatever the filter says, so the card
 * never points at a marker that vanished.
 */
export function filterEstablishments(establishments: readonly Establishment[], statuses: Dict<EstablishmentStatus>, filter: MapFilter, keep: string | null = null): Establishment[] {
  return establishments.filter((e) => e.finess === keep || (filter.kinds.has(e.kind) && filter.modes.has(displayModeOf(dictGet(statuses, e.finess)))));
}
