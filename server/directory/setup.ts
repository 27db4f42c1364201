import { basename } from 'node:path';
import type { EventDraft } from '../../shared/core/events.js';
import { directoryLoaded } from '../../shared/directory/events.js';
import type { RoomSetupStep } from '../rooms/room-setup.js';
import { readDirectoryFile } from './directory-file.js';

/**
 * Room setup: a crisis room starts with the ARS's directory (`DIRECTORY_FILE`), read now so that a file
 * changed since the start is taken as it is today. Runs after the alert-chain step, which names the actors;
 * a file that became bad refuses the room (`invalid`, every bad row listed) rather than half-loading it.
 * Exercises start empty: their contacts are typed or imported by the director (opt-in real test).
 */
export const directorySetup: RoomSetupStep = async (ctx): Promise<EventDraft[]> => {
  if (ctx.request.mode !== 'crisis' || !ctx.directoryFile) return [];
  const contacts = await readDirectoryFile(ctx.directoryFile, ctx.chainActorIds ?? []);
  return [directoryLoaded.draft({ contacts, file: basename(ctx.directoryFile) }, 'responders')];
};
