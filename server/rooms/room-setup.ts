import type { RoomAccess } from '../../shared/identity/access-policy.js';
import type { EventDraft } from '../../shared/core/events.js';
import type { Scenario } from '../../shared/exercise/scenario.js';
import type { Cell, RoomMode } from '../../shared/room/state.js';

/** What the operator asked for when creating a room. */
export interface RoomRequest {
  mode: RoomMode;
  title: string;
  /** A scenario id from `scenarios/` (exercise), or none. */
  scenario?: string | undefined;
  /** How people get in; decided by the caller (`defaultRoomAccess`), `code` if not given. */
  access?: RoomAccess | undefined;
}

/** The room being set up: each step reads what earlier steps decided and adds its events. */
export interface RoomSetupContext {
  roomId: string;
  request: RoomRequest;
  /** The played cells (from the scenario when there is one). */
  cells: Cell[];
  /** The exercise's scenario, once the exercise step has read it (null: no scenario, e.g. a real crisis). */
  scenario: Scenario | null;
  /** Where scenario files are read from (`SCENARIOS_DIR`, default `scenarios/`). */
  scenariosDir: string;
  /** The crisis directory file (`DIRECTORY_FILE`), read for crisis rooms; absent: none. */
  directoryFile?: string | undefined;
  /** The actor ids of the room's alert chain, once the alert-chain step has set it (the directory names them). */
  chainActorIds?: string[];
}

/**
 * A step of room creation. Steps run in order and their events are appended as the room's first events,
 * in one transaction, right after `room.created`.
 */
export type RoomSetupStep = (ctx: RoomSetupContext) => Promise<EventDraft[]> | EventDraft[];
