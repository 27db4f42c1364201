import type { ActionStatus, CrisisAction } from '../../shared/decisions/state.js';
import { isOpenAction } from '../../shared/decisions/state.js';

/** What the board shows: a status, the open ones, or all; one cell or all; overdue only. */
export interface ActionFilter {
  cell: string;
  status: '' | 'open' | ActionStatus;
  overdueOnly: boolean;
}

export const noFilter: ActionFilter = { cell: '', status: '', overdueOnly: false };

/** « Mes actions »: owned by my cell, or named to me. */
export const isMine = (a: CrisisAction, me: { name: string; cell?: string | undefined }): boolean => (me.cell !== undefined && a.ownerCell === me.cell) || a.ownerName === me.name;

export const isOverdue = (a: CrisisAction): boolean => isOpenAction(a) && a.overdueAt !== null;

export function matches(a: CrisisAction, f: ActionFilter): boolean {
  if (f.cell && a.ownerCell !== f.cell) return false;
  if (f.status === 'open' && !isOpenAction(a)) return false;
  if (f.status && f.status !== 'open' && a.status !== f.status) return false;
  return !f.overdueOnly || isOverdue(a);
}

const rank = (a: CrisisAction) => (isOverdue(a) ? 0 : isOpenAction(a) ? 1 : 2);
const priorityRank = { haute: 0, normale: 1, basse: 2 } as const;

/** Overdue first, then open by due time (none last) and priority, then closed ones, newest first. */
export function sortActions(actions: readonly CrisisAction[]): CrisisAction[] {
  return [...actions].sort((a, b) => {
    const r = rank(a) - rank(b);
    if (r !== 0) return r;
    if (rank(a) === 2) return b.createdAt.wallTime - a.createdAt.wallTime;
    const due = (a.due?.at ?? Infinity) - (b.due?.at ?? Infinity);
    if (due !== 0 && !Number.isNaN(due)) return due;
    return priorityRank[a.priority] - priorityRank[b.priority];
  });
}

/**
 * What a due-time field turns into: minutes after T0 in an exercise; in a crisis an `HH:MM` Paris time of the
 * day (the browser's own zone, in France), as epoch ms. Null when left empty.
 */
export function dueFromInput(mode: 'exercise' | 'crisis', value: string, today: number = Date.now()): number | null | 'invalid' {
  const text = value.trim();
  if (text === '') return null;
  if (mode === 'exercise') {
    const minutes = Number(text.replace(',', '.'));
    return Number.isFinite(minutes) && minutes >= 0 ? Math.round(minutes * 60_000) : 'invalid';
  }
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) return 'invalid';
  const day = new Date(today);
  day.setHours(Number(match[1]), Number(match[2]), 0, 0);
  return day.getTime();
}
