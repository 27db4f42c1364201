import { forbidden, type DomainError } from '../core/errors.js';
import type { Role } from '../core/roles.js';
import type { Bascule, CareFlag, CareMapState, Diversion, EstablishmentStatus } from './state.js';
import { dictGet } from '../core/dict.js';

/** The cell that owns the care offer. The director (animator or crisis director) may edit too. */
export const careMapEditorCell = 'ars';

/** The editing rule, shared by the commands (which enforce it) and the UI (which hides the forms). */
export function canEditCareMap(viewer: { role: Role; cell?: string | undefined }): boolean {
  return viewer.role === 'director' || (viewer.role === 'player' && viewer.cell === careMapEditorCell);
}

/**
 * Who sees the rows the loader left out of the region's files (« 19 lignes de données écartées »): a matter of
 * data upkeep for the director, noise for a crisis cell. The server refuses them to anyone else
 * (`GET /api/rooms/:roomId/care-map/issues`); the client asks only when this says yes.
 */
export function loadIssuesRefusal(viewer: { role: Role }): DomainError | null {
  return viewer.role === 'director' ? null : forbidden("Seule la direction voit les lignes de données écartées à l'import.");
}

/** The status of an establishment nobody has reported on. */
export function defaultStatus(): Omit<EstablishmentStatus, 'updatedAt' | 'updatedExerciseTime' | 'updatedBy'> {
  return { mode: 'normal', functions: {}, capacity: { litsDisponibles: null, litsFermes: null, urgencesOuvertes: null }, situation: '' };
}

/** The ED does not take patients: declared closed, its function at arrêt, or the whole establishment at arrêt. */
export function isEdClosed(status: EstablishmentStatus | undefined): boolean {
  if (!status) return false;
  return status.capacity.urgencesOuvertes === false || status.functions.urgences === 'arret' || status.mode === 'arret';
}

/** The Samu cannot take calls: the establishment or its regulation is at arrêt. */
export function isRegulationDown(status: EstablishmentStatus | undefined): boolean {
  if (!status) return false;
  return status.mode === 'arret' || status.functions.regulation_samu === 'arret';
}

function isRegulationCritical(status: EstablishmentStatus | undefined): boolean {
  if (!status) return false;
  return status.mode === 'critique' || status.functions.regulation_samu === 'critique';
}

export function basculeFlags(state: CareMapState, bascule: Pick<Bascule, 'to'>): CareFlag[] {
  const target = dictGet(state.statuses, bascule.to);
  const flags: CareFlag[] = [];
  if (isRegulationDown(target)) flags.push('destination_arret');
  else if (isRegulationCritical(target)) flags.push('destination_critique');
  if (dictGet(state.bascules, bascule.to)) flags.push('destination_en_bascule');
  return flags;
}

export function diversionFlags(state: CareMapState, diversion: Pick<Diversion, 'to'>): CareFlag[] {
  return isEdClosed(dictGet(state.statuses, diversion.to)) ? ['destination_fermee'] : [];
}

const sameFlags = (a: readonly CareFlag[], b: readonly CareFlag[]) => a.length === b.length && a.every((f, i) => f === b[i]);

/**
 * Recomputes the flags of every active bascule, débordement and diversion. Called by the reducer after each change,
 * so the flags always describe the room as it is now (objects are kept when unchanged).
 */
export function refreshFlags(state: CareMapState): CareMapState {
  const bascules = Object.fromEntries(
    Object.entries(state.bascules).map(([samu, b]) => {
      const flags = basculeFlags(state, b);
      return [samu, sameFlags(flags, b.flags) ? b : { ...b, flags }];
    }),
  );
  // A débordement's destination is checked as a bascule's is: it must be able to take the calls.
  const debordements = Object.fromEntries(
    Object.entries(state.debordements).map(([samu, d]) => {
      const flags = basculeFlags(state, d);
      return [samu, sameFlags(flags, d.flags) ? d : { ...d, flags }];
    }),
  );
  const diversions = state.diversions.map((d) => {
    if (d.endedAt !== null) return d;
    const flags = diversionFlags(state, d);
    return sameFlags(flags, d.flags) ? d : { ...d, flags };
  });
  return { ...state, bascules, debordements, diversions };
}
