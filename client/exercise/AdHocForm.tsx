import { useState } from 'react';
import { isOffset } from '../../shared/exercise/scenario-offset.js';
import type { Scenario } from '../../shared/exercise/scenario.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { RoutingFields, type StimulusFields } from './StimulusEditForm.js';
import { ActionError, useCommand } from '../room/hooks/useCommand.js';

/** A reply the animator is answering: the ad hoc form opens prefilled with it. */
export interface AdHocPreset {
  sender: string;
  recipients: string[];
  subject: string;
  inReplyTo: string;
}

function initialFields(scenario: Scenario, preset: AdHocPreset | null, cells: string[]): StimulusFields {
  return {
    sender: preset?.sender ?? scenario.simulatedActors[0]?.id ?? '',
    recipients: preset?.recipients ?? cells.slice(0, 1),
    channel: 'telephone',
    subject: preset?.subject ?? '',
    content: '',
    animatorNotes: '',
  };
}

/**
 * Stimulus ad hoc, or a message from a simulated actor: sent now or scheduled at an offset.
 * When answering a player's reply, the new stimulus carries `inReplyTo` so the thread stays readable.
 */
export function AdHocForm({ props, scenario, preset, onSent }: { props: SectionProps; scenario: Scenario; preset: AdHocPreset | null; onSent(): void }) {
  const { t } = useT();
  const cells = props.state.room.cells.map((c) => c.id);
  const [fields, setFields] = useState(() => initialFields(scenario, preset, cells));
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [offset, setOffset] = useState('');
  const action = useCommand(props.send);
  const change = (c: Partial<StimulusFields>) => setFields((f) => ({ ...f, ...c }));
  const valid = fields.recipients.length > 0 && fields.subject.trim() !== '' && fields.content.trim() !== '' && (when === 'now' || isOffset(offset.trim()));

  const submit = async () => {
    const payload = {
      sender: fields.sender,
      recipients: fields.recipients,
      channel: fields.channel,
      subject: fields.subject.trim(),
      content: fields.content.trim(),
      injectNow: when === 'now',
      ...(when === 'later' ? { offset: offset.trim() } : {}),
      ...(fields.animatorNotes.trim() ? { animatorNotes: fields.animatorNotes.trim() } : {}),
      ...(preset ? { inReplyTo: preset.inReplyTo } : {}),
    };
    if (await action.run('stimulus.create', payload)) {
      setFields(initialFields(scenario, null, cells));
      onSent();
    }
  };

  return (
    <form
      className="stimulus-form adhoc-form"
      data-testid="adhoc-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {preset && <p className="chip chip-reply">{t('exercise.adhoc.answering', { id: preset.inReplyTo })}</p>}
      <RoutingFields scenario={scenario} cells={props.state.room.cells} value={fields} onChange={change} idPrefix="adhoc" />
      <label>
        {t('exercise.console.subject')}
        <input value={fields.subject} onChange={(e) => change({ subject: e.target.value })} required maxLength={200} data-testid="adhoc-subject" />
      </label>
      <label>
        {t('exercise.console.content')}
        <textarea value={fields.content} onChange={(e) => change({ content: e.target.value })} rows={4} required data-testid="adhoc-content" />
      </label>
      <label>
        {t('exercise.console.notes')}
        <input value={fields.animatorNotes} onChange={(e) => change({ animatorNotes: e.target.value })} />
      </label>
      <fieldset className="when">
        <legend>{t('exercise.adhoc.when')}</legend>
        <label className="checkbox">
          <input type="radio" name="adhoc-when" checked={when === 'now'} onChange={() => setWhen('now')} />
          {t('exercise.adhoc.now')}
        </label>
        <label className="checkbox">
          <input type="radio" name="adhoc-when" checked={when === 'later'} onChange={() => setWhen('later')} data-testid="adhoc-later" />
          {t('exercise.adhoc.at')}
          <input
            value={offset}
            onChange={(e) => setOffset(e.target.value)}
            placeholder="HH:MM"
            size={8}
            disabled={when !== 'later'}
            aria-label={t('exercise.adhoc.offset')}
            data-testid="adhoc-offset"
          />
        </label>
      </fieldset>
      <button type="submit" disabled={!valid || action.busy} data-testid="adhoc-send">
        {t(when === 'now' ? 'exercise.adhoc.sendNow' : 'exercise.adhoc.schedule')}
      </button>
      <ActionError error={action.error} />
    </form>
  );
}
