import type { ExerciseState, InboxItem } from '../../shared/exercise/stimuli-state.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import type { AdHocPreset } from './AdHocForm.js';
import { cellLabel } from './inbox.js';
import { tPlus } from '../app/time.js';
import { dictGet } from '../../shared/core/dict.js';

/** Something a cell did with a delivered stimulus. */
export interface FeedEntry {
  key: string;
  kind: 'ack' | 'reply' | 'link';
  item: InboxItem;
  cell: string;
  by: string;
  exerciseTime: number;
  text: string;
}

/** The players' acknowledgements, replies and links, newest first (ties keep the order they happened in). */
export function feedEntries(exercise: ExerciseState): FeedEntry[] {
  const entries: FeedEntry[] = [];
  for (const id of exercise.inboxOrder) {
    const item = dictGet(exercise.inbox, id);
    if (!item) continue;
    for (const [cell, ack] of Object.entries(item.acks)) entries.push({ key: `${id}-ack-${cell}`, kind: 'ack', item, cell, by: ack.by, exerciseTime: ack.exerciseTime, text: '' });
    item.replies.forEach((r, i) => entries.push({ key: `${id}-reply-${i}`, kind: 'reply', item, cell: r.cell, by: r.by, exerciseTime: r.exerciseTime, text: r.text }));
    item.links.forEach((l, i) => entries.push({ key: `${id}-link-${i}`, kind: 'link', item, cell: l.cell, by: l.by, exerciseTime: l.exerciseTime, text: l.label || l.ref }));
  }
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.exerciseTime - a.entry.exerciseTime || b.index - a.index)
    .map((x) => x.entry);
}

/** The animation's view of what the players did with the stimuli; a reply can be answered in one click. */
export function ActivityFeed({ props, onAnswer }: { props: SectionProps; onAnswer(preset: AdHocPreset): void }) {
  const { t } = useT();
  const entries = feedEntries(props.state.exercise);
  return (
    <section className="card activity-feed" data-testid="activity-feed" aria-live="polite">
      <h3>{t('exercise.feed.title')}</h3>
      {entries.length === 0 && <p className="muted">{t('exercise.feed.empty')}</p>}
      <ol className="feed-list">
        {entries.map((e) => (
          <li key={e.key} className={`feed-${e.kind}`} data-testid={`feed-${e.kind}-${e.item.id}-${e.cell}`}>
            <div className="feed-line">
              <span className={`chip chip-feed-${e.kind}`}>{t(`exercise.feed.${e.kind}`)}</span>
              <strong>{cellLabel(props.state, e.cell)}</strong>
              <span className="muted small">
                {e.by} · {tPlus(e.exerciseTime)}
              </span>
            </div>
            <div className="small">
              {e.item.id} — {e.item.subject}
            </div>
            {e.kind === 'reply' && <blockquote>{e.text}</blockquote>}
            {e.kind === 'link' && <div className="small muted">{e.text}</div>}
            {e.kind === 'reply' && (
              <button
                type="button"
                className="secondary small-button"
                onClick={() => onAnswer({ sender: e.item.sender.id, recipients: [e.cell], subject: `RE : ${e.item.subject}`, inReplyTo: e.item.id })}
                data-testid={`answer-${e.item.id}-${e.cell}`}
              >
                {t('exercise.feed.answer', { sender: e.item.sender.label })}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
