import type { RoomState } from '../room-state.js';
import type { Establishment } from './establishment.js';
import { careModeRank, worseMode, type CareFunction, type CareMode } from './modes.js';
import { isEdClosed } from './rules.js';
import type { CareChange, Diversion, EstablishmentStatus } from './state.js';
import { dictGet, ownValue } from '../core/dict.js';

/**
 * Severity of a status as one number, higher is worse: overall mode first (×100), then the worst
 * function (×10), then how many functions are not normal, plus 5 when the ED is closed.
 * An establishment with no reported status scores 0.
 */
export function severityOf(status: EstablishmentStatus | undefined): number {
  if (!status) return 0;
  const modes = Object.values(status.functions);
  const worstFunction = modes.reduce<CareMode>(worseMode, 'normal');
  const affected = modes.filter((m) => m !== 'normal').length;
  return careModeRank[status.mode] * 100 + careModeRank[worstFunction] * 10 + Math.min(affected, 4) + (isEdClosed(status) ? 5 : 0);
}

/** The mode a marker is coloured with: the overall mode, or a worse function (a CH « normal » with its ED at arrêt shows red). */
export function displayModeOf(status: EstablishmentStatus | undefined): CareMode {
  if (!status) return 'normal';
  return Object.values(status.functions).reduce<CareMode>(worseMode, status.mode);
}

export interface BoardEntry {
  establishment: Establishment;
  status: EstablishmentStatus;
  severity: number;
}

/** Establishments with a reported status, worst first, then by name. Sites without a status are not listed. */
export function sortedBySeverity(state: RoomState, establishments: readonly Establishment[]): BoardEntry[] {
  const { statuses } = state.careMap;
  const entries: BoardEntry[] = [];
  for (const establishment of establishments) {
    const status = dictGet(statuses, establishment.finess);
    if (status) entries.push({ establishment, status, severity: severityOf(status) });
  }
  return entries.sort((a, b) => b.severity - a.severity || a.establishment.nom.localeCompare(b.establishment.nom, 'fr'));
}

export interface RegionalSummary {
  /** Establishments with an ED (authorised, or reported with one) whose ED is closed. */
  urgencesFermees: number;
  samuEnBascule: number;
  /** Sum of `litsFermes` by département code; départements with nothing lost are absent. */
  litsPerdusParDepartement: Record<string, number>;
  etablissementsDegrades: number;
  delestagesEnCours: number;
  /** Establishments whose plan blanc is in force. */
  plansBlancs: number;
  /** Samu whose overflow calls go to another Samu (débordement, distinct from the bascule of all calls). */
  samuEnDebordement: number;
}

/**
 * The regional picture the Préfecture asks for. `establishments` is the scope (usually the region and
 * the fictional sites, not the national layer): changes outside it are not counted.
 */
export function regionalSummary(state: RoomState, establishments: readonly Establishment[]): RegionalSummary {
  const { statuses, bascules, diversions, plansBlancs, debordements } = state.careMap;
  const inScope = new Set(establishments.map((e) => e.finess));
  const summary: RegionalSummary = {
    urgencesFermees: 0,
    samuEnBascule: Object.keys(bascules).filter((samu) => inScope.has(samu)).length,
    // Null prototype: a département code is data, never a built-in's name.
    litsPerdusParDepartement: Object.create(null) as Record<string, number>,
    etablissementsDegrades: 0,
    delestagesEnCours: diversions.filter((d) => d.endedAt === null && (inScope.has(d.from) || inScope.has(d.to))).length,
    plansBlancs: Object.values(plansBlancs).filter((p) => inScope.has(p.finess)).length,
    samuEnDebordement: Object.values(debordements).filter((d) => inScope.has(d.samu)).length,
  };
  for (const e of establishments) {
    const status = dictGet(statuses, e.finess);
    if (!status) continue;
    const hasEd = e.urgences || status.capacity.urgencesOuvertes !== null || status.functions.urgences !== undefined;
    if (hasEd && isEdClosed(status)) summary.urgencesFermees++;
    if (displayModeOf(status) !== 'normal') summary.etablissementsDegrades++;
    const lost = status.capacity.litsFermes ?? 0;
    if (lost > 0) {
      summary.litsPerdusParDepartement[e.departement] = (ownValue(summary.litsPerdusParDepartement, e.departement) ?? 0) + lost;
    }
  }
  return summary;
}

/** The history entries that involve an establishment, newest first (its card). */
export function historyOf(state: RoomState, finess: string): CareChange[] {
  return state.careMap.history.filter((c) => c.finess.includes(finess)).reverse();
}

/** Active diversions, optionally those touching one establishment. */
export function activeDiversions(state: RoomState, finess?: string): Diversion[] {
  return state.careMap.diversions.filter((d) => d.endedAt === null && (finess === undefined || d.from === finess || d.to === finess));
}

/** Functions that are not normal, worst first: the short list shown on the board. */
export function affectedFunctions(status: EstablishmentStatus): { fn: CareFunction; mode: CareMode }[] {
  return (Object.entries(status.functions) as [CareFunction, CareMode][])
    .filter(([, mode]) => mode !== 'normal')
    .map(([fn, mode]) => ({ fn, mode }))
    .sort((a, b) => careModeRank[b.mode] - careModeRank[a.mode]);
}
