import { parseOffset } from '../../shared/exercise/scenario-offset.js';
import { sitrepScheduleSet } from '../../shared/sitrep/events.js';
import type { RoomSetupStep } from '../rooms/room-setup.js';

/**
 * Room setup: an exercise whose scenario sets the rhythm of points de situation starts with that schedule
 * (the director may still change it), counted from DEBEX like the chronogramme.
 */
export const sitrepSetup: RoomSetupStep = (ctx) => {
  const rhythm = ctx.scenario?.pointsDeSituation;
  if (!rhythm) return [];
  return [sitrepScheduleSet.draft({ everyMinutes: rhythm.everyMinutes, firstDueAt: parseOffset(rhythm.from), fromWallTime: null, setAt: 0 }, 'all')];
};
