import { CareFunction, type CareMode } from '../../shared/care-map/modes.js';
import type { StatusPatch } from '../../shared/care-map/events.js';
import type { EstablishmentStatus } from '../../shared/care-map/state.js';

/** The status form's fields; empty strings mean « non renseigné ». */
export interface StatusFormValues {
  mode: CareMode;
  functions: Record<CareFunction, CareMode>;
  litsDisponibles: string;
  litsFermes: string;
  urgences: '' | 'ouvert' | 'ferme';
  situation: string;
}

export function formValuesOf(status: EstablishmentStatus | undefined): StatusFormValues {
  const functions = Object.fromEntries(CareFunction.options.map((fn) => [fn, status?.functions[fn] ?? 'normal'])) as Record<CareFunction, CareMode>;
  const capacity = status?.capacity;
  const count = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
  return {
    mode: status?.mode ?? 'normal',
    functions,
    litsDisponibles: count(capacity?.litsDisponibles),
    litsFermes: count(capacity?.litsFermes),
    urgences: capacity?.urgencesOuvertes === true ? 'ouvert' : capacity?.urgencesOuvertes === false ? 'ferme' : '',
    situation: status?.situation ?? '',
  };
}

const toCount = (text: string): number | null => (text.trim() === '' ? null : Math.max(0, Math.round(Number(text))));

/**
 * Only what the user changed, so the history says « Urgences : mode dégradé » and not the ten functions.
 * `added`: specialised activities the form starts following (sent even when « normal »). Returns null when nothing changed.
 */
export function statusPatch(finess: string, before: StatusFormValues, after: StatusFormValues, added: readonly CareFunction[] = []): StatusPatch | null {
  const patch: StatusPatch = { finess };
  if (after.mode !== before.mode) patch.mode = after.mode;
  const functions = Object.fromEntries(CareFunction.options.filter((fn) => after.functions[fn] !== before.functions[fn] || added.includes(fn)).map((fn) => [fn, after.functions[fn]]));
  if (Object.keys(functions).length > 0) patch.functions = functions;
  const capacity: NonNullable<StatusPatch['capacity']> = {};
  if (after.litsDisponibles !== before.litsDisponibles) capacity.litsDisponibles = toCount(after.litsDisponibles);
  if (after.litsFermes !== before.litsFermes) capacity.litsFermes = toCount(after.litsFermes);
  if (after.urgences !== before.urgences) capacity.urgencesOuvertes = after.urgences === '' ? null : after.urgences === 'ouvert';
  if (Object.keys(capacity).length > 0) patch.capacity = capacity;
  if (after.situation.trim() !== before.situation.trim()) patch.situation = after.situation.trim();
  return Object.keys(patch).length > 1 ? patch : null;
}
