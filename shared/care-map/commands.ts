import { z } from 'zod';
import { defineCommand } from '../core/define.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import { Finess } from './establishment.js';
import { basculeEnded, BasculePayload, basculeSet, diversionAdded, diversionEnded, DiversionPayload, ghtAssigned, GhtLabel, statusChanged, StatusPatch } from './events.js';
import { editableCareMap, requireKnown, requireSamu, requireTarget } from './guards.js';
import { dictGet } from '../core/dict.js';

/**
 * The care-offer commands. Rules (see docs/care-map.md):
 * - only the ARS cell and the director edit; the Préfecture and everyone else see every change live;
 * - every FINESS must be one the room's region knows (`careMap.regionLoaded`);
 * - a bascule to a Samu that is down or itself in bascule is refused (`conflict`): calls would be lost;
 * - a diversion to a closed ED is accepted and flagged `destination_fermee`: the cell may have a reason
 *   (the ED reopens within the hour, the patients are not ED patients), but everyone must see it.
 */

export const setStatus = defineCommand({
  type: 'careMap.setStatus',
  description: "Changer le statut d'un établissement : mode global, fonctions, capacités, situation.",
  payload: StatusPatch,
  allowed: ['director', 'player'],
  example: { finess: '140000209', mode: 'degrade', functions: { si_dpi: 'arret', urgences: 'degrade' }, capacity: { urgencesOuvertes: true } },
  decide: ({ state, actor, payload }) => {
    const careMap = editableCareMap(state, actor);
    requireKnown(careMap, payload.finess);
    const { mode, functions, capacity, situation } = payload;
    const empty = (o: object | undefined) => o === undefined || Object.keys(o).length === 0;
    if (mode === undefined && situation === undefined && empty(functions) && empty(capacity)) {
      throw invalid('Aucun changement : indiquez un mode, une fonction, une capacité ou une situation.');
    }
    return [statusChanged.draft(payload, 'all')];
  },
});

export const setBascule = defineCommand({
  type: 'careMap.setBascule',
  description: 'Basculer les appels du 15 d’un SAMU vers un autre SAMU (ou changer le SAMU de secours).',
  payload: BasculePayload,
  allowed: ['director', 'player'],
  example: { samu: '500000450', to: '140000209' },
  decide: ({ state, actor, payload }) => {
    const careMap = editableCareMap(state, actor);
    requireSamu(careMap, payload.samu);
    requireSamu(careMap, payload.to);
    if (payload.samu === payload.to) throw invalid('Un SAMU ne peut pas basculer vers lui-même.');
    if (dictGet(careMap.bascules, payload.samu)?.to === payload.to) throw conflict('Cette bascule est déjà en cours.');
    requireTarget(careMap, payload.samu, payload.to);
    // A bascule takes all the calls: the overflow of a débordement in force would then have two destinations.
    if (dictGet(careMap.debordements, payload.samu)) {
      throw conflict(`Le SAMU FINESS ${payload.samu} déborde déjà vers un autre SAMU : mettez fin au débordement avant de basculer tous ses appels.`);
    }
    return [basculeSet.draft(payload, 'all')];
  },
});

export const endBascule = defineCommand({
  type: 'careMap.endBascule',
  description: 'Mettre fin à la bascule du 15 : le SAMU reprend ses appels.',
  payload: z.object({ samu: Finess }),
  allowed: ['director', 'player'],
  example: { samu: '500000450' },
  decide: ({ state, actor, payload }) => {
    const careMap = editableCareMap(state, actor);
    if (!dictGet(careMap.bascules, payload.samu)) throw conflict(`Aucune bascule en cours pour le SAMU FINESS ${payload.samu}.`);
    return [basculeEnded.draft(payload, 'all')];
  },
});

export const addDiversion = defineCommand({
  type: 'careMap.addDiversion',
  description: "Organiser un délestage : orienter un type de patients d'un établissement vers un autre.",
  payload: DiversionPayload,
  allowed: ['director', 'player'],
  example: { from: '140000209', to: '500000450', patients: 'Urgences adultes', note: 'Jusqu’au point de situation de 14 h' },
  decide: ({ state, actor, payload }) => {
    const careMap = editableCareMap(state, actor);
    requireKnown(careMap, payload.from);
    requireKnown(careMap, payload.to);
    if (payload.from === payload.to) throw invalid('Un délestage relie deux établissements différents.');
    const duplicate = careMap.diversions.some((d) => d.endedAt === null && d.from === payload.from && d.to === payload.to && d.patients === payload.patients);
    if (duplicate) throw conflict('Ce délestage est déjà en cours.');
    return [diversionAdded.draft(payload, 'all')];
  },
});

export const endDiversion = defineCommand({
  type: 'careMap.endDiversion',
  description: 'Mettre fin à un délestage.',
  payload: z.object({ id: z.string().min(1).max(40) }),
  allowed: ['director', 'player'],
  example: { id: 'D12' },
  decide: ({ state, actor, payload }) => {
    const careMap = editableCareMap(state, actor);
    const diversion = careMap.diversions.find((d) => d.id === payload.id);
    if (!diversion) throw notFound(`Délestage ${payload.id} inconnu.`);
    if (diversion.endedAt !== null) throw conflict(`Le délestage ${payload.id} est déjà terminé.`);
    return [diversionEnded.draft(payload, 'all')];
  },
});

export const setGht = defineCommand({
  type: 'careMap.setGht',
  description: "Rattacher un établissement à un GHT (null pour retirer) : les données ouvertes n'ont pas ce rattachement.",
  payload: z.object({ finess: Finess, ght: GhtLabel.nullable() }),
  allowed: ['director', 'player'],
  example: { finess: '140000209', ght: 'NOR-06' },
  decide: ({ state, actor, payload }) => {
    const careMap = editableCareMap(state, actor);
    requireKnown(careMap, payload.finess);
    if ((dictGet(careMap.ghts, payload.finess) ?? null) === payload.ght) throw conflict('Ce rattachement est déjà enregistré.');
    return [ghtAssigned.draft(payload, 'all')];
  },
});

export const careMapCommands = [setStatus, setBascule, endBascule, addDiversion, endDiversion, setGht];
