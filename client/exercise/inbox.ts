import type { ExerciseState, InboxItem, LinkKind } from '../../shared/exercise/stimuli-state.js';
import type { RoomState } from '../../shared/room-state.js';
import { dictGet, dictPick } from '../../shared/core/dict.js';
import type { Role } from '../../shared/core/roles.js';
import { receivedRefusal } from '../../shared/exercise/stimuli-commands.js';

/** Who is looking at the inbox: a player acts for one cell; the others only read. */
export interface Viewer {
  role: Role;
  cell?: string | undefined;
}

/** Delivered stimuli, newest first, optionally those of one cell only. */
export function inboxNewestFirst(exercise: ExerciseState, cell: string | null = null): InboxItem[] {
  return dictPick(exercise.inbox, [...exercise.inboxOrder].reverse()).filter((item) => cell === null || item.recipients.includes(cell));
}

/** True when the viewer may act on the stimulus (the rule of the commands themselves: shared/exercise). */
export function canActOn(state: RoomState, viewer: Viewer, item: InboxItem): boolean {
  return receivedRefusal(state, viewer, item.id) === null;
}

/**
 * What is still waiting for an acknowledgement: for a player, their cell's unacknowledged stimuli;
 * for staff, the stimuli some recipient cell has not acknowledged yet.
 */
export function awaitingAck(exercise: ExerciseState, viewer: Viewer): InboxItem[] {
  const items = dictPick(exercise.inbox, exercise.inboxOrder);
  if (viewer.role === 'player') return items.filter((i) => !!viewer.cell && i.recipients.includes(viewer.cell) && !dictGet(i.acks, viewer.cell));
  return items.filter((i) => i.recipients.some((cell) => !dictGet(i.acks, cell)));
}

export function cellLabel(state: RoomState, cell: string): string {
  return state.room.cells.find((c) => c.id === cell)?.label ?? cell;
}

/** A thing of the room a stimulus may be linked to, offered in the link form. */
export interface LinkTarget {
  ref: string;
  label: string;
}

/**
 * What the room state already knows for the kinds of link typed by reference: establishments with a reported
 * status or fictional ones, comms drafts. The alert chain's links are typed by reference. Main-courante entries
 * live in their document and are picked from it (`StimulusLinkForm.tsx`).
 */
export function linkTargets(state: RoomState, kind: Exclude<LinkKind, 'mainCourante'>): LinkTarget[] {
  switch (kind) {
    case 'establishment': {
      const sites = state.careMap.fictionalSites.map((s) => ({ ref: s.finess, label: s.nom }));
      const known = new Set(sites.map((s) => s.ref));
      const reported = Object.keys(state.careMap.statuses)
        .filter((finess) => !known.has(finess))
        .map((finess) => ({ ref: finess, label: dictGet(state.careMap.statuses, finess)!.situation.slice(0, 80) }));
      return [...sites, ...reported];
    }
    case 'comms':
      return state.comms.drafts.map((d) => ({ ref: d.id, label: d.title }));
    case 'alertLink':
      return [];
  }
}
