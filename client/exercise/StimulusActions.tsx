import { useState } from 'react';
import type { InboxItem } from '../../shared/exercise/stimuli-state.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { StimulusLinkForm } from './StimulusLinkForm.js';
import { StimulusAssign } from './StimulusAssign.js';
import { ActionError, useCommand } from '../room/hooks/useCommand.js';
import { useCan } from '../room/room-context.js';
import { dictGet } from '../../shared/core/dict.js';

type Props = Pick<SectionProps, 'state' | 'me' | 'send' | 'serverNow'> & { item: InboxItem };

/** A player's actions on a stimulus delivered to their cell: acknowledge, assign, reply to the sender, link. */
export function StimulusActions({ state, me, send, serverNow, item }: Props) {
  const { t } = useT();
  const [open, setOpen] = useState<'reply' | 'link' | null>(null);
  const ack = useCommand(send);
  const acknowledged = !!(me.cell && dictGet(item.acks, me.cell));
  const ackRefusal = useCan('stimulus.acknowledge', { id: item.id });
  const toggle = (form: 'reply' | 'link') => setOpen((current) => (current === form ? null : form));
  return (
    <div className="stimulus-actions">
      <div className="button-row">
        <button
          type="button"
          className={acknowledged ? 'secondary' : 'primary'}
          disabled={ackRefusal !== null || ack.busy}
          title={ackRefusal?.message}
          onClick={() => ack.run('stimulus.acknowledge', { id: item.id })}
          data-testid={`ack-${item.id}`}
        >
          {acknowledged ? t('exercise.inbox.acknowledged') : t('exercise.inbox.acknowledge')}
        </button>
        <button type="button" className="secondary" aria-expanded={open === 'reply'} onClick={() => toggle('reply')} data-testid={`reply-${item.id}`}>
          {t('exercise.inbox.reply')}
        </button>
        <button type="button" className="secondary" aria-expanded={open === 'link'} onClick={() => toggle('link')} data-testid={`link-${item.id}`}>
          {t('exercise.inbox.link')}
        </button>
      </div>
      <ActionError error={ack.error} />
      <StimulusAssign state={state} me={me} send={send} item={item} />
      {open === 'reply' && <ReplyForm send={send} item={item} onDone={() => setOpen(null)} />}
      {open === 'link' && <StimulusLinkForm state={state} me={me} send={send} serverNow={serverNow} item={item} onDone={() => setOpen(null)} />}
    </div>
  );
}

function ReplyForm({ send, item, onDone }: Pick<Props, 'send' | 'item'> & { onDone(): void }) {
  const { t } = useT();
  const [text, setText] = useState('');
  const action = useCommand(send);
  return (
    <form
      className="stimulus-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await action.run('stimulus.reply', { id: item.id, text })) onDone();
      }}
    >
      <label>
        {t('exercise.inbox.replyTo', { sender: item.sender.label })}
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} required autoFocus data-testid={`reply-text-${item.id}`} />
      </label>
      <button type="submit" disabled={action.busy || text.trim() === ''} data-testid={`reply-send-${item.id}`}>
        {t('exercise.inbox.replySend')}
      </button>
      <ActionError error={action.error} />
    </form>
  );
}
