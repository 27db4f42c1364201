import { z } from 'zod';
import { CellId, Role } from '../core/roles.js';
import type { Dict } from '../core/dict.js';
import { RoomAccess } from '../identity/access-policy.js';

export const RoomMode = z.enum(['exercise', 'crisis']);
export type RoomMode = z.infer<typeof RoomMode>;

export const Cell = z.object({ id: CellId, label: z.string().min(1).max(120) });
export type Cell = z.infer<typeof Cell>;

/** A participant who confirmed presence during the communications check. */
export const CheckIn = z.object({
  sessionId: z.string(),
  name: z.string(),
  role: Role,
  cell: CellId.optional(),
  wallTime: z.number().int(),
});
export type CheckIn = z.infer<typeof CheckIn>;

export const Announcement = z.object({ text: z.string(), by: z.string(), wallTime: z.number().int() });
export type Announcement = z.infer<typeof Announcement>;

/** Identity of the room, shared by every audience. */
export const RoomInfo = z.object({
  id: z.string(),
  mode: RoomMode,
  title: z.string(),
  cells: z.array(Cell),
  createdAt: z.number().int(),
  /** How people get in (`shared/identity/access-policy.ts`); rooms created before the choice existed: `code`. */
  access: RoomAccess,
  announcement: Announcement.nullable(),
  checkIns: z.record(z.string(), CheckIn),
});
/** Check-ins are keyed by session id: a {@link Dict}, read own-key only. */
export type RoomInfo = Omit<z.infer<typeof RoomInfo>, 'checkIns'> & { checkIns: Dict<CheckIn> };
