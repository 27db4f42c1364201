import { z } from 'zod';
import { organisationGridMeasures, organisationMeasures } from '../organisation/measures.js';
import type { RoomState } from '../room-state.js';

/**
 * The measures a criterion of the evaluation grid may name (`measure` in the observer kit), so that a criterion
 * such as « CRAPS activée avant T+00:30 » is held or missed by what the room recorded, not only by a tick.
 * Each one is defined once, in its feature's `measures.ts`; this is only the list the scenario may name.
 */
export const gridMeasureIds = ['organisation.craps', 'organisation.cod'] as const;
export const GridMeasureId = z.enum(gridMeasureIds);
export type GridMeasureId = z.infer<typeof GridMeasureId>;

/** The measures as the grid and the RETEX write them. */
export const gridMeasureLabels: Readonly<Record<GridMeasureId, string>> = {
  'organisation.craps': 'Activation de la CRAPS',
  'organisation.cod': 'Ouverture du COD',
};

/** When the measure was reached (exercise ms since T0), or null while it was not. */
export function gridMeasureAt(state: Pick<RoomState, 'organisation'>, id: GridMeasureId): number | null {
  return organisationGridMeasures[id](organisationMeasures(state.organisation));
}
