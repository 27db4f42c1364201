import { z } from 'zod';
import { defineEvent } from '../core/define.js';
import type { RoomEvent } from '../core/events.js';
import { authorOf, recordChange as update } from './change.js';
import { Finess, FictionalSite } from './establishment.js';
import { CareCapacity, CareFunction, CareMode } from './modes.js';
import { defaultStatus } from './rules.js';
import type { EstablishmentStatus } from './state.js';
import { dictDelete, dictFrom, dictGet, dictSet } from '../core/dict.js';

/** A status change: only the fields given change; `functions` and `capacity` merge field by field. */
export const StatusPatch = z.object({
  finess: Finess,
  mode: CareMode.optional(),
  functions: z.partialRecord(CareFunction, CareMode).optional(),
  capacity: CareCapacity.optional(),
  situation: z.string().trim().max(2000).optional(),
});
export type StatusPatch = z.infer<typeof StatusPatch>;

export const BasculePayload = z.object({ samu: Finess, to: Finess });
export const DiversionPayload = z.object({
  from: Finess,
  to: Finess,
  patients: z.string().trim().min(1, 'type de patients attendu').max(200),
  note: z.string().trim().max(2000).optional(),
});
export const GhtLabel = z.string().trim().min(1).max(80);

export const regionLoaded = defineEvent({
  type: 'careMap.regionLoaded',
  description: 'La région de la salle est chargée : établissements connus (dont SAMU) et sites fictifs du scénario.',
  payload: z.object({
    region: z.string(),
    finessIds: z.array(Finess),
    samuIds: z.array(Finess),
    fictionalSites: z.array(FictionalSite),
  }),
  apply: (state, p) => ({
    ...state,
    careMap: {
      ...state.careMap,
      region: p.region,
      finessIds: dictFrom(p.finessIds.map((id) => [id, true as const] as const)),
      samuIds: dictFrom(p.samuIds.map((id) => [id, true as const] as const)),
      fictionalSites: p.fictionalSites,
    },
  }),
});

/** Drops keys whose value is undefined, so a patch never erases a field it does not mention. */
function defined<T extends object>(patch: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(patch ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function mergeStatus(current: EstablishmentStatus | undefined, p: StatusPatch, event: RoomEvent): EstablishmentStatus {
  const base = current ?? defaultStatus();
  return {
    mode: p.mode ?? base.mode,
    functions: { ...base.functions, ...defined(p.functions) },
    capacity: { ...base.capacity, ...defined(p.capacity) },
    situation: p.situation ?? base.situation,
    updatedAt: event.wallTime,
    updatedExerciseTime: event.exerciseTime,
    updatedBy: authorOf(event),
  };
}

export const statusChanged = defineEvent({
  type: 'careMap.statusChanged',
  description: "Le statut d'un établissement change (mode, fonctions, capacités, situation).",
  payload: StatusPatch,
  apply: (state, p, event) =>
    update(state, event, [p.finess], (m) => ({
      ...m,
      statuses: dictSet(m.statuses, p.finess, mergeStatus(dictGet(m.statuses, p.finess), p, event)),
    })),
});

export const basculeSet = defineEvent({
  type: 'careMap.basculeSet',
  description: 'Bascule du 15 : les appels du SAMU sont pris par un autre SAMU (remplace une bascule en cours).',
  payload: BasculePayload,
  apply: (state, p, event) =>
    update(state, event, [p.samu, p.to], (m) => ({
      ...m,
      bascules: dictSet(m.bascules, p.samu, { samu: p.samu, to: p.to, since: event.wallTime, sinceExerciseTime: event.exerciseTime, by: authorOf(event), flags: [] }),
    })),
});

export const basculeEnded = defineEvent({
  type: 'careMap.basculeEnded',
  description: 'Fin de la bascule du 15 : le SAMU reprend ses appels.',
  payload: z.object({ samu: Finess }),
  apply: (state, p, event) => update(state, event, [p.samu, dictGet(state.careMap.bascules, p.samu)?.to ?? p.samu], (m) => ({ ...m, bascules: dictDelete(m.bascules, p.samu) })),
});

/** Diversion ids come from the event's sequence number: unique in the room and identical on every replay. */
export const diversionIdOf = (seq: number) => `D${seq}`;

export const diversionAdded = defineEvent({
  type: 'careMap.diversionAdded',
  description: "Délestage : un type de patients est orienté d'un établissement vers un autre.",
  payload: DiversionPayload,
  apply: (state, p, event) =>
    update(state, event, [p.from, p.to], (m) => ({
      ...m,
      diversions: [
        ...m.diversions,
        {
          id: diversionIdOf(event.seq),
          from: p.from,
          to: p.to,
          patients: p.patients,
          note: p.note ?? '',
          since: event.wallTime,
          sinceExerciseTime: event.exerciseTime,
          by: authorOf(event),
          flags: [],
          endedAt: null,
          endedBy: null,
        },
      ],
    })),
});

export const diversionEnded = defineEvent({
  type: 'careMap.diversionEnded',
  description: 'Fin du délestage.',
  payload: z.object({ id: z.string() }),
  apply: (state, p, event) => {
    const ended = state.careMap.diversions.find((d) => d.id === p.id);
    const involved = ended ? [ended.from, ended.to] : [];
    return update(state, event, involved, (m) => ({
      ...m,
      diversions: m.diversions.map((d) => (d.id === p.id ? { ...d, endedAt: event.wallTime, endedBy: authorOf(event), flags: [] } : d)),
    }));
  },
});

export const ghtAssigned = defineEvent({
  type: 'careMap.ghtAssigned',
  description: "Rattachement d'un établissement à un GHT (null : rattachement retiré).",
  payload: z.object({ finess: Finess, ght: GhtLabel.nullable() }),
  apply: (state, p, event) => update(state, event, [p.finess], (m) => ({ ...m, ghts: p.ght === null ? dictDelete(m.ghts, p.finess) : dictSet(m.ghts, p.finess, p.ght) })),
});

export const careMapEvents = [regionLoaded, statusChanged, basculeSet, basculeEnded, diversionAdded, diversionEnded, ghtAssigned];
