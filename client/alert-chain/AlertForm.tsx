import { useState, type FormEvent } from 'react';
import { Channel } from '../../shared/core/channels.js';
import { exerciseTimeAt } from '../../shared/exercise/clock.js';
import { findActor, type ChainLink } from '../../shared/alert-chain/state.js';
import { fillTemplate, templatesFor } from '../../shared/notifications/templates.js';
import { exerciseBanner } from '../../shared/notifications/state.js';
import type { PayloadOf } from '../../shared/commands.js';
import { useT } from '../i18n/index.js';
import { parisTime, simulatedStartOf, tPlus } from '../app/time.js';
import { simulatedTimeLabel } from '../../shared/core/clock-labels.js';
import type { SectionProps } from '../room/section.js';
import { useCan, useRoomProps } from '../room/room-context.js';
import { channelReach, contactText, senderText } from '../notifications/view-model.js';
import { MessagePreview } from '../notifications/MessagePreview.js';
import { FormButtons } from './FormButtons.js';

type AlertPayload = PayloadOf<'alertChain.alert'>;

interface Props extends Pick<SectionProps, 'state' | 'me'> {
  link: ChainLink;
  busy: boolean;
  onCancel(): void;
  onSubmit(payload: AlertPayload): void;
}

/**
 * The alert form of a link: one or several channels (mail and SMS leave the room through the outbox, to the
 * receiver's contact named beside the box), a ready-made message to start from, and a preview of the exact
 * texts that will leave. In an exercise it says plainly that nothing leaves unless the real test is on.
 */
export function AlertForm({ state, me, link, busy, onCancel, onSubmit }: Props) {
  const { t } = useT();
  const { serverNow } = useRoomProps();
  const [channels, setChannels] = useState<Channel[]>(() => (link.channels && link.channels.length > 0 ? link.channels : [link.channel]));
  const [template, setTemplate] = useState('');
  const [message, setMessage] = useState('');
  const [first] = channels;
  const payload: AlertPayload = { linkId: link.id, ...(first ? { channel: first } : {}), channels, message };
  const refusal = useCan('alertChain.alert', payload);
  const now = serverNow();
  const receiver = findActor(state.alertChain, link.to)?.label ?? link.to;
  const sender = senderText(state, me.name, link);

  const toggle = (channel: Channel, on: boolean) => setChannels((cs) => (on ? [...cs, channel] : cs.filter((c) => c !== channel)));
  const applyTemplate = (id: string) => {
    setTemplate(id);
    const chosen = templatesFor(link.to).find((m) => m.id === id);
    if (!chosen) return;
    // The time a template names is the clock the cell reads: exercise time in an exercise (with the scenario's
    // simulated time of day when it has one), Paris time in a crisis.
    const at = exerciseTimeAt(state.clock, now);
    const simulated = simulatedStartOf(state);
    const time = state.room.mode === 'exercise' ? `${tPlus(at, 'minutes')} (heure d'exercice)${simulated ? `, ${simulatedTimeLabel(simulated, at)}` : ''}` : `${parisTime(now)} (heure de Paris)`;
    setMessage(fillTemplate(chosen, { roomTitle: state.room.title, sender, receiver, time }));
  };
  const go = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(payload);
  };
  const reachText = (channel: Channel): string | null => {
    const reach = channelReach(state, link.to, channel, now);
    if (reach.kind === 'outbound') return t('notifications.form.sentFromRoom', { contact: contactText(t, { contactName: reach.contact.name, contactRank: reach.contact.rank }) });
    if (reach.kind === 'no_contact') return t('notifications.form.noContact');
    return reach.kind === 'in_room' ? t('notifications.form.inRoom') : null;
  };

  return (
    <form className="ac-form" onSubmit={go} data-testid={`alert-form-${link.id}`}>
      <fieldset className="ac-channels">
        <legend>{t('notifications.form.channels')}</legend>
        {Channel.options.map((channel) => {
          const reach = reachText(channel);
          return (
            <label key={channel} className="checkbox">
              <input type="checkbox" checked={channels.includes(channel)} onChange={(e) => toggle(channel, e.target.checked)} data-testid={`alert-channel-${link.id}-${channel}`} />
              {t(`alertChain.channel.${channel}`)}
              {channel === link.fallbackChannel && <span className="muted"> — {t('alertChain.form.fallback')}</span>}
              {reach && <span className="muted ac-reach"> — {reach}</span>}
            </label>
          );
        })}
      </fieldset>
      {state.room.mode === 'exercise' && (
        <p className="ac-exercise-note" role="note" data-testid={`alert-exercise-note-${link.id}`}>
          {state.notifications.realTest ? t('notifications.form.realTestNote', { banner: exerciseBanner }) : t('notifications.form.exerciseNote')}
        </p>
      )}
      <label>
        {t('notifications.form.template')}
        <select value={template} onChange={(e) => applyTemplate(e.target.value)} data-testid={`alert-template-${link.id}`}>
          <option value="">{t('notifications.form.template.none')}</option>
          {templatesFor(link.to).map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('alertChain.form.message')}
        <textarea value={message} onChange={(e) => setMessage(e.target.value)} required maxLength={2000} rows={5} data-testid={`alert-message-${link.id}`} />
      </label>
      <MessagePreview state={state} link={link} channels={channels} message={message} sender={sender} now={now} />
      <FormButtons submit={t('alertChain.form.send')} disabled={busy || channels.length === 0 || refusal !== null} refusal={refusal?.message} testId={`alert-submit-${link.id}`} onCancel={onCancel} />
    </form>
  );
}
