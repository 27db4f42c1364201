import { z } from 'zod';
import { conflict } from '../core/errors.js';
import { defineCommand, type Now } from '../core/define.js';
import type { EventDraft } from '../core/events.js';
import { Speed, type ClockState } from './clock.js';
import { clockChanged } from '../room/events.js';

type ClockAction = 'start' | 'pause' | 'resume' | 'speed' | 'jump' | 'end';

function clockEvent(action: ClockAction, clock: ClockState): EventDraft {
  return clockChanged.draft({ action, clock }, 'all');
}

/** New anchors at `now`: exercise time continues from where it is, so no instant is lost or counted twice. */
function reanchor(clock: ClockState, now: Now, change: Partial<ClockState>): ClockState {
  return { ...clock, anchorWall: now.wallTime, anchorExercise: now.exerciseTime, ...change };
}

export const startClock = defineCommand({
  type: 'clock.start',
  description: "Démarrer l'exercice (DEBEX) : l'horloge d'exercice part de 00:00:00.",
  payload: z.object({}),
  allowed: ['director'],
  example: {},
  decide: ({ state, now }) => {
    if (state.clock.status !== 'not_started') throw conflict("L'exercice a déjà démarré.");
    return [clockEvent('start', { status: 'running', speed: state.clock.speed, anchorWall: now.wallTime, anchorExercise: 0 })];
  },
});

export const pauseClock = defineCommand({
  type: 'clock.pause',
  description: "Mettre l'exercice en pause pour tous.",
  payload: z.object({}),
  allowed: ['director'],
  example: {},
  decide: ({ state, now }) => {
    if (state.clock.status !== 'running') throw conflict("L'horloge ne tourne pas.");
    return [clockEvent('pause', reanchor(state.clock, now, { status: 'paused' }))];
  },
});

export const resumeClock = defineCommand({
  type: 'clock.resume',
  description: "Reprendre l'exercice après une pause.",
  payload: z.object({}),
  allowed: ['director'],
  example: {},
  decide: ({ state, now }) => {
    if (state.clock.status !== 'paused') throw conflict("L'exercice n'est pas en pause.");
    return [clockEvent('resume', reanchor(state.clock, now, { status: 'running' }))];
  },
});

export const setClockSpeed = defineCommand({
  type: 'clock.setSpeed',
  description: "Changer la vitesse de l'horloge d'exercice (×1 à ×10).",
  payload: z.object({ speed: Speed }),
  allowed: ['director'],
  example: { speed: 2 },
  decide: ({ state, now, payload }) => {
    if (state.clock.status === 'ended') throw conflict("L'exercice est terminé.");
    return [clockEvent('speed', reanchor(state.clock, now, { speed: payload.speed }))];
  },
});

export const jumpClock = defineCommand({
  type: 'clock.jump',
  description: "Amener l'horloge d'exercice à une heure donnée (millisecondes depuis DEBEX).",
  payload: z.object({
    exerciseTime: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 3600 * 1000),
  }),
  allowed: ['director'],
  example: { exerciseTime: 1_800_000 },
  decide: ({ state, now, payload }) => {
    if (state.clock.status === 'ended') throw conflict("L'exercice est terminé.");
    const clock = { ...state.clock, anchorWall: now.wallTime, anchorExercise: payload.exerciseTime };
    return [clockEvent('jump', clock)];
  },
});

export const endClock = defineCommand({
  type: 'clock.end',
  description: "Terminer l'exercice (FINEX).",
  payload: z.object({}),
  allowed: ['director'],
  example: {},
  decide: ({ state, now }) => {
    if (state.clock.status === 'ended') throw conflict("L'exercice est déjà terminé.");
    return [clockEvent('end', reanchor(state.clock, now, { status: 'ended' }))];
  },
});

export const clockCommands = [startClock, pauseClock, resumeClock, setClockSpeed, jumpClock, endClock];
