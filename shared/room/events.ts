import { z } from 'zod';
import { defineEvent } from '../core/define.js';
import { Cell, RoomMode } from './state.js';
import { ClockState } from '../exercise/clock.js';
import { CellId, Role } from '../core/roles.js';
import { dictSet } from '../core/dict.js';
import { RoomAccess } from '../identity/access-policy.js';

export const roomCreated = defineEvent({
  type: 'room.created',
  description: 'La salle est créée (toujours le premier événement de son journal).',
  // `access` is absent from the logs of rooms created before it existed: they admitted codes only.
  payload: z.object({ mode: RoomMode, title: z.string(), cells: z.array(Cell).min(1), access: RoomAccess.optional() }),
  apply: (state, p, event) => ({
    ...state,
    room: { ...state.room, id: event.roomId, mode: p.mode, title: p.title, cells: p.cells, createdAt: event.wallTime, access: p.access ?? 'code' },
  }),
});

export const roomRenamed = defineEvent({
  type: 'room.renamed',
  description: 'Le directeur change le titre de la salle.',
  payload: z.object({ title: z.string() }),
  apply: (state, p) => ({ ...state, room: { ...state.room, title: p.title } }),
});

export const roomAnnounced = defineEvent({
  type: 'room.announced',
  description: 'Annonce du directeur affichée en tête de salle pour tous (texte vide : annonce retirée).',
  payload: z.object({ text: z.string() }),
  apply: (state, p, event) => ({
    ...state,
    room: {
      ...state.room,
      announcement: p.text ? { text: p.text, by: event.actor.name, wallTime: event.wallTime } : null,
    },
  }),
});

export const participantCheckedIn = defineEvent({
  type: 'participant.checkedIn',
  description: 'Un participant confirme sa présence (vérification des communications avant le début).',
  payload: z.object({ sessionId: z.string(), name: z.string(), role: Role, cell: CellId.optional() }),
  apply: (state, p, event) => ({
    ...state,
    room: {
      ...state.room,
      checkIns: dictSet(state.room.checkIns, p.sessionId, { ...p, wallTime: event.wallTime }),
    },
  }),
});

export const clockChanged = defineEvent({
  type: 'clock.changed',
  description: "L'horloge d'exercice change (démarrage, pause, reprise, vitesse, saut, fin) ; porte les nouvelles ancres.",
  payload: z.object({
    action: z.enum(['start', 'pause', 'resume', 'speed', 'jump', 'end']),
    clock: ClockState,
  }),
  apply: (state, p) => ({ ...state, clock: p.clock }),
});

export const roomEvents = [roomCreated, roomRenamed, roomAnnounced, participantCheckedIn, clockChanged];
