import { createContext, useContext } from 'react';
import type { Participant } from '../../shared/core/define.js';
import type { DomainError } from '../../shared/core/errors.js';
import { exerciseTimeAt } from '../../shared/exercise/clock.js';
import { commandRefusal } from '../../shared/permissions.js';
import type { Me, SectionProps } from './section.js';

/** The room as the page knows it (state, me, send, clock), for components deep in a section. */
export const RoomContext = createContext<SectionProps | null>(null);

export function useRoomProps(): SectionProps {
  const props = useContext(RoomContext);
  if (!props) throw new Error('useRoomProps outside a room page');
  return props;
}

/** The participant the server sees behind this page's session (role and cell come from the session). */
export const participantOf = (me: Me): Participant => ({ kind: 'participant', sessionId: me.sessionId, name: me.name, role: me.role, cell: me.cell });

/**
 * Why the server would refuse `type` (with `payload`: exactly as it would decide it now) from this page's
 * participant, or null if it would accept it. Buttons are shown, enabled or explained from this alone, so a
 * person sees exactly the commands the server accepts (shared/permissions.ts asks the same questions there).
 * @example const refusal = useCan('stimulus.acknowledge', { id: item.id }); <button disabled={!!refusal} title={refusal?.message}>
 */
export function useCan(type: string, payload?: unknown): DomainError | null {
  return refusalFor(useRoomProps(), type, payload);
}

/** {@link useCan} outside React's hook rules (in loops, callbacks). */
export function refusalFor(props: Pick<SectionProps, 'state' | 'me' | 'serverNow'>, type: string, payload?: unknown): DomainError | null {
  const wallTime = props.serverNow();
  const now = { wallTime, exerciseTime: exerciseTimeAt(props.state.clock, wallTime) };
  return commandRefusal(type, { state: props.state, actor: participantOf(props.me), now, ...(payload === undefined ? {} : { payload }) });
}
