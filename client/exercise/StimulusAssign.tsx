import type { InboxItem } from '../../shared/exercise/stimuli-state.js';
import { assignRefusal, membersOf } from '../../shared/exercise/stimulus-assignment.js';
import { dictGet } from '../../shared/core/dict.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { ActionError, useCommand } from '../room/hooks/useCommand.js';

type Props = Pick<SectionProps, 'state' | 'me' | 'send'> & { item: InboxItem };

/**
 * « Attribué à … »: who of the cell handles the stimulus. The choices are the members the room knows for the cell
 * (and oneself), the rule that of the server (`assignRefusal`), so a choice offered here is a choice accepted.
 */
export function StimulusAssign({ state, me, send, item }: Props) {
  const { t } = useT();
  const action = useCommand(send);
  const cell = me.cell;
  if (!cell) return null;
  const current = dictGet(item.assignees, cell) ?? null;
  const members = membersOf(state.exercise, cell).filter((m) => m.sessionId !== me.sessionId);
  const choices = [{ sessionId: me.sessionId, name: t('exercise.assign.me', { name: me.name }) }, ...members];
  // The current assignee stays offered even if the room no longer lists them (a renamed session).
  if (current && !choices.some((c) => c.sessionId === current.sessionId)) choices.push(current);
  const refusal = assignRefusal(state, me, item.id, current?.sessionId === me.sessionId ? null : me.sessionId);
  const cellRefusal = refusal?.code === 'not_found' || refusal?.code === 'forbidden' ? refusal : null;
  return (
    <div className="stimulus-assign">
      <label className="inline-label">
        {t('exercise.assign.label')}
        <select
          value={current?.sessionId ?? ''}
          disabled={action.busy || cellRefusal !== null}
          title={cellRefusal?.message}
          onChange={(e) => void action.run('stimulus.assign', { stimulusId: item.id, participantId: e.target.value || null })}
          data-testid={`assign-${item.id}`}
        >
          <option value="">{t('exercise.assign.nobody')}</option>
          {choices.map((c) => (
            <option key={c.sessionId} value={c.sessionId}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <ActionError error={action.error} />
    </div>
  );
}
