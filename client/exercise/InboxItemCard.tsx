import type { InboxItem } from '../../shared/exercise/stimuli-state.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { ChannelIcon } from './ChannelIcon.js';
import { Markdown } from './Markdown.js';
import { StimulusActions } from './StimulusActions.js';
import { canActOn, cellLabel } from './inbox.js';
import { roomMoment, wallTimeLabel } from '../app/time.js';
import { dictGet } from '../../shared/core/dict.js';

/** How long a stimulus stays highlighted as just arrived. */
const NEW_FOR_MS = 2 * 60_000;

type Props = Pick<SectionProps, 'state' | 'me' | 'send' | 'serverNow'> & {
  item: InboxItem;
  now: number;
  /** Folded to one line until opened (issue 18: a busy hour of full cards is 9,000 px on a phone). */
  expanded: boolean;
  /** Opened already by this person (`read-stimuli.ts`). */
  read: boolean;
  onToggle(): void;
};

/**
 * One delivered stimulus: one line (channel, sender, time, subject, what it waits for, who has it) that opens on
 * click or Enter to what it says, what the cells did with it and the actions. Every status is said in words, the
 * colour only repeats it.
 */
export function InboxItemCard({ state, me, send, serverNow, item, now, expanded, read, onToggle }: Props) {
  const { t, lang } = useT();
  const actor = canActOn(state, me, item);
  const unread = actor ? !dictGet(item.acks, me.cell!) : item.recipients.some((c) => !dictGet(item.acks, c));
  const fresh = now - item.injectedWall < NEW_FOR_MS;
  const bodyId = `stimulus-${item.id}-body`;
  // A player sees who of their cell has it; staff, who has it in each cell.
  const assignees = actor ? [dictGet(item.assignees, me.cell!)].filter((a) => a !== undefined) : Object.values(item.assignees ?? {});
  return (
    <article
      className={`stimulus-card ${unread ? 'is-unread' : ''} ${fresh && unread ? 'is-new' : ''} ${expanded ? 'is-expanded' : 'is-collapsed'}`}
      data-testid={`inbox-item-${item.id}`}
      data-acknowledged={!unread}
      data-expanded={expanded}
      aria-labelledby={`stimulus-${item.id}-subject`}
    >
      <header className="stimulus-head">
        <h3 className="stimulus-title">
          <button type="button" className="stimulus-toggle" aria-expanded={expanded} aria-controls={bodyId} onClick={onToggle} data-testid={`inbox-toggle-${item.id}`}>
            <span className="toggle-mark" aria-hidden="true">
              {expanded ? '▾' : '▸'}
            </span>
            <ChannelIcon channel={item.channel} />
            <span className="stimulus-sender">{item.sender.label}</span>
            <span className="stimulus-time" title={wallTimeLabel(item.injectedWall, { lang })}>
              {roomMoment(state, item.injectedAt, item.injectedWall, { lang })}
            </span>
            <span id={`stimulus-${item.id}-subject`} className="stimulus-subject">
              {item.subject}
            </span>
          </button>
        </h3>
        {unread ? (
          <span className="chip chip-unread">{t(actor ? 'exercise.inbox.new' : 'exercise.inbox.awaitingAck')}</span>
        ) : (
          <span className="chip chip-acked">{t('exercise.inbox.acknowledged')}</span>
        )}
        {!read && <span className="chip chip-not-read">{t('exercise.triage.notRead')}</span>}
        {assignees.map((a) => (
          <span key={a.sessionId} className="chip chip-assignee" data-testid={`assignee-${item.id}`}>
            {t('exercise.assign.badge', { name: a.name })}
          </span>
        ))}
      </header>
      {expanded && (
        <div id={bodyId} className="stimulus-body">
          <p className="muted small">
            {t('exercise.inbox.to')} {item.recipients.map((c) => cellLabel(state, c)).join(', ')}
            {item.inReplyTo && ` · ${t('exercise.inbox.inReplyTo', { id: item.inReplyTo })}`}
          </p>
          <Markdown text={item.content} className="stimulus-content" headingBase={1} />
          {item.attachments.length > 0 && (
            <ul className="attachments">
              {item.attachments.map((a) => (
                <li key={a.name}>
                  <a href={`data:${a.mediaType};base64,${a.dataBase64}`} download={a.name} data-testid="attachment">
                    {t('exercise.inbox.attachment', { name: a.name })}
                  </a>
                </li>
              ))}
            </ul>
          )}
          <StimulusTrace state={state} item={item} />
          {actor && <StimulusActions state={state} me={me} send={send} serverNow={serverNow} item={item} />}
        </div>
      )}
    </article>
  );
}

/** Acknowledgements, replies and links of every cell the viewer may see. */
export function StimulusTrace({ state, item }: { state: SectionProps['state']; item: InboxItem }) {
  const { t, lang } = useT();
  const acks = Object.entries(item.acks);
  if (acks.length === 0 && item.replies.length === 0 && item.links.length === 0) return null;
  return (
    <ul className="stimulus-trace" data-testid={`trace-${item.id}`}>
      {acks.map(([cell, ack]) => (
        <li key={`ack-${cell}`} className="trace-ack" data-testid={`ack-by-${cell}`}>
          <span className="trace-kind">✓ {t('exercise.trace.ack')}</span> {cellLabel(state, cell)} — {ack.by}, {roomMoment(state, ack.exerciseTime, ack.wallTime, { lang })}
        </li>
      ))}
      {item.replies.map((r, i) => (
        <li key={`reply-${i}`} className="trace-reply">
          <span className="trace-kind">↩ {t('exercise.trace.reply')}</span> {cellLabel(state, r.cell)} — {r.by}, {roomMoment(state, r.exerciseTime, null, { lang })}
          <blockquote>{r.text}</blockquote>
        </li>
      ))}
      {item.links.map((l, i) => (
        <li key={`link-${i}`} className="trace-link">
          <span className="trace-kind">⇢ {t(`exercise.link.${l.kind}`)}</span> {l.label ? `${l.label} (${l.ref})` : l.ref} — {cellLabel(state, l.cell)}, {l.by},{' '}
          {roomMoment(state, l.exerciseTime, null, { lang })}
        </li>
      ))}
    </ul>
  );
}
