import { useState } from 'react';
import { Channel } from '../../shared/core/channels.js';
import type { Scenario } from '../../shared/exercise/scenario.js';
import type { Stimulus } from '../../shared/exercise/scenario-stimulus.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { ActionError, useCommand } from '../room/hooks/useCommand.js';

/** The fields the animator may change before a stimulus goes out (sender, recipients, channel, text, notes). */
export interface StimulusFields {
  sender: string;
  recipients: string[];
  channel: Channel;
  subject: string;
  content: string;
  animatorNotes: string;
}

/** Sender, recipients and channel pickers shared by the edit form and the ad hoc form. */
export function RoutingFields({
  scenario,
  cells,
  value,
  onChange,
  idPrefix,
}: {
  scenario: Scenario;
  cells: SectionProps['state']['room']['cells'];
  value: Pick<StimulusFields, 'sender' | 'recipients' | 'channel'>;
  onChange(change: Partial<StimulusFields>): void;
  idPrefix: string;
}) {
  const { t } = useT();
  const toggle = (cell: string, on: boolean) => onChange({ recipients: on ? [...value.recipients, cell] : value.recipients.filter((c) => c !== cell) });
  return (
    <div className="form-grid">
      <label>
        {t('exercise.console.sender')}
        <select value={value.sender} onChange={(e) => onChange({ sender: e.target.value })} data-testid={`${idPrefix}-sender`}>
          {scenario.simulatedActors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('exercise.console.channel')}
        <select value={value.channel} onChange={(e) => onChange({ channel: e.target.value as Channel })} data-testid={`${idPrefix}-channel`}>
          {Channel.options.map((c) => (
            <option key={c} value={c}>
              {t(`exercise.channel.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="recipients">
        <legend>{t('exercise.console.recipients')}</legend>
        {cells.map((c) => (
          <label key={c.id} className="checkbox">
            <input type="checkbox" checked={value.recipients.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} data-testid={`${idPrefix}-to-${c.id}`} />
            {c.label}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

/** Edits a stimulus of the chronogramme that has not gone out yet. */
export function StimulusEditForm({ scenario, stimulus, props, onDone }: { scenario: Scenario; stimulus: Stimulus; props: SectionProps; onDone(): void }) {
  const { t } = useT();
  const action = useCommand(props.send);
  const [fields, setFields] = useState<StimulusFields>({
    sender: stimulus.sender,
    recipients: [...stimulus.recipients],
    channel: stimulus.channel,
    subject: stimulus.subject,
    content: stimulus.content,
    animatorNotes: stimulus.animatorNotes ?? '',
  });
  const change = (c: Partial<StimulusFields>) => setFields((f) => ({ ...f, ...c }));
  const { animatorNotes, ...rest } = fields;
  const changes = animatorNotes.trim() || stimulus.animatorNotes ? { ...rest, animatorNotes } : rest;
  return (
    <form
      className="stimulus-form edit-form"
      data-testid={`edit-form-${stimulus.id}`}
      onSubmit={async (e) => {
        e.preventDefault();
        if (await action.run('stimulus.edit', { id: stimulus.id, changes })) onDone();
      }}
    >
      <RoutingFields scenario={scenario} cells={props.state.room.cells} value={fields} onChange={change} idPrefix={`edit-${stimulus.id}`} />
      <label>
        {t('exercise.console.subject')}
        <input value={fields.subject} onChange={(e) => change({ subject: e.target.value })} required data-testid={`edit-${stimulus.id}-subject`} />
      </label>
      <label>
        {t('exercise.console.content')}
        <textarea value={fields.content} onChange={(e) => change({ content: e.target.value })} rows={5} required />
      </label>
      <label>
        {t('exercise.console.notes')}
        <textarea value={fields.animatorNotes} onChange={(e) => change({ animatorNotes: e.target.value })} rows={2} />
      </label>
      <div className="button-row">
        <button type="submit" disabled={action.busy || fields.recipients.length === 0} data-testid={`edit-${stimulus.id}-save`}>
          {t('exercise.console.save')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('exercise.console.cancel')}
        </button>
      </div>
      <ActionError error={action.error} />
    </form>
  );
}
