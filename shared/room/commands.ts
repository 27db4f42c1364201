import { z } from 'zod';
import { conflict } from '../core/errors.js';
import { defineCommand } from '../core/define.js';
import { limits } from '../core/limits.js';
import { dictGet } from '../core/dict.js';
import { participantCheckedIn, roomAnnounced, roomRenamed } from './events.js';

const Title = z.string().trim().min(1).max(limits.maxTitleLength);

export const renameRoom = defineCommand({
  type: 'room.rename',
  description: 'Renommer la salle.',
  payload: z.object({ title: Title }),
  allowed: ['director'],
  example: { title: 'Exercice régional cyber — Normandie' },
  decide: ({ payload }) => [roomRenamed.draft(payload, 'all')],
});

export const announce = defineCommand({
  type: 'room.announce',
  description: 'Afficher (ou retirer, texte vide) une annonce en tête de salle pour tous les participants.',
  payload: z.object({ text: z.string().trim().max(500) }),
  allowed: ['director'],
  example: { text: 'Point de situation à 10 h 30 en audioconférence.' },
  decide: ({ payload }) => [roomAnnounced.draft(payload, 'all')],
});

export const checkIn = defineCommand({
  type: 'participant.checkIn',
  description: 'Confirmer sa présence (vérification des communications avant le début).',
  payload: z.object({}),
  allowed: ['director', 'player', 'evaluator', 'observer'],
  example: {},
  decide: ({ actor, state }) => {
    if (dictGet(state.room.checkIns, actor.sessionId)) throw conflict('Présence déjà confirmée.');
    const payload = { sessionId: actor.sessionId, name: actor.name, role: actor.role, cell: actor.cell };
    return [participantCheckedIn.draft(payload, 'all')];
  },
});

export const roomCommands = [renameRoom, announce, checkIn];
