import type { ComponentType } from 'react';
import type { Role } from '../../shared/core/roles.js';
import type { PresenceEntry } from '../../shared/protocol.js';
import type { RoomState } from '../../shared/room-state.js';
import type { SendCommand } from '../../shared/commands.js';
import type { SendOutcome } from '../offline/outbox-sender.js';

/** Who is using this page: from the session token, as the server told it in `welcome`. */
export interface Me {
  sessionId: string;
  name: string;
  role: Role;
  cell?: string | undefined;
  roomId: string;
  /** The session token, for REST calls and the Yjs connection. */
  token: string;
}

/** What every section of the room page receives. */
export interface SectionProps {
  state: RoomState;
  me: Me;
  presence: PresenceEntry[];
  /**
   * Sends a command, typed from the registry, through the device's outbox; resolves with the server's ack, or
   * `queued` when the room is offline (the command is kept and sent on reconnection). Never rejects.
   */
  send: SendCommand<SendOutcome>;
  /** The server's clock as best known here (wall ms), for running timers. */
  serverNow(): number;
}

/** A tab of the room page. A domain adds its section to `sections.ts`. */
export interface RoomSection {
  id: string;
  /** i18n key of the tab label. */
  labelKey: string;
  /** Roles that see the tab (all when absent). */
  roles?: readonly Role[];
  /** Whether the tab applies to this room at all (e.g. exercise tabs in a crisis room): shown when absent. */
  visible?: (state: RoomState) => boolean;
  Component: ComponentType<SectionProps>;
}
