import { z } from 'zod';
import { defineCommand, type Participant } from '../core/define.js';
import { Channel } from '../core/channels.js';
import { conflict, forbidden, invalid, notFound } from '../core/errors.js';
import type { RoomState } from '../room-state.js';
import { DraftId, type Rumour } from './draft.js';
import { RumourId, RumourText, maxSeenMinutesAgo, rumourDenied, rumourRecorded } from './rumour.js';

/** Who keeps the rumours log: the players of every cell and the director; evaluators and observers read it. */
export function keepsRumourLog(actor: { role: string }): boolean {
  return actor.role === 'player' || actor.role === 'director';
}

function requireRumourKeeper(actor: Participant): void {
  if (!keepsRumourLog(actor)) throw forbidden('Seuls les joueurs et le directeur tiennent le relevé des rumeurs.');
}

export function findRumour(state: RoomState, id: string): Rumour {
  const rumour = state.comms.rumours.find((r) => r.id === id);
  if (!rumour) throw notFound(`Rumeur « ${id} » introuvable.`);
  return rumour;
}

export const recordRumour = defineCommand({
  type: 'comms.recordRumour',
  description: 'Relever une rumeur : son texte, où elle a été vue, qui la propage, et depuis combien de minutes.',
  payload: z.object({ text: RumourText, channel: Channel, source: z.string().trim().max(200).default(''), seenMinutesAgo: z.number().int().min(0).max(maxSeenMinutesAgo).default(0) }),
  allowed: ['director', 'player'],
  example: { text: 'Des patients du CH seraient transférés en Belgique.', channel: 'reseaux_sociaux', source: 'Compte anonyme', seenMinutesAgo: 5 },
  decide: ({ state, actor, payload }) => {
    requireRumourKeeper(actor);
    return [rumourRecorded.draft({ id: `r${state.comms.rumours.length + 1}`, ...payload }, 'all')];
  },
});

export const denyRumour = defineCommand({
  type: 'comms.denyRumour',
  description: 'Démentir une rumeur relevée : par un texte, ou par une communication publiée.',
  payload: z.object({ id: RumourId, text: z.string().trim().max(2000).default(''), draftId: DraftId.nullable().default(null) }),
  allowed: ['director', 'player'],
  example: { id: 'r1', text: 'Aucun transfert hors de la région : le communiqué de 10 h fait foi.', draftId: null },
  decide: ({ state, actor, payload }) => {
    requireRumourKeeper(actor);
    const rumour = findRumour(state, payload.id);
    if (rumour.denial) throw conflict('Cette rumeur est déjà démentie.');
    if (!payload.text && payload.draftId === null) throw invalid('Un démenti est un texte ou une communication publiée.');
    let version: number | null = null;
    if (payload.draftId !== null) {
      const draft = state.comms.drafts.find((d) => d.id === payload.draftId);
      if (!draft) throw notFound(`Brouillon « ${payload.draftId} » introuvable.`);
      version = draft.versions.findLast((v) => v.publishedAt !== null)?.number ?? null;
      if (version === null) throw conflict('Seule une communication publiée dément une rumeur.');
    }
    return [rumourDenied.draft({ id: rumour.id, text: payload.text, draftId: payload.draftId, version }, 'all')];
  },
});

export const rumourCommands = [recordRumour, denyRumour];
