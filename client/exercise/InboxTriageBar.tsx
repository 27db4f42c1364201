import { Channel } from '../../shared/core/channels.js';
import { useT } from '../i18n/index.js';
import { ChoiceSelect } from '../app/ChoiceSelect.js';
import { inboxViews, type InboxTriage, type InboxView } from './inbox-triage.js';

interface Props {
  triage: InboxTriage;
  counts: Record<InboxView, number>;
  onChange(triage: InboxTriage): void;
  /** Players only: « Attribués à moi » (staff has no assignment of their own). */
  canFilterMine: boolean;
}

/**
 * The triage bar of the inbox: the view (« Non accusés », « Non lus », « Tous », each with its count), the
 * channel, a search over subject, content and sender, and, for players, what is assigned to them.
 */
export function InboxTriageBar({ triage, counts, onChange, canFilterMine }: Props) {
  const { t } = useT();
  const set = (change: Partial<InboxTriage>) => onChange({ ...triage, ...change });
  return (
    <div className="inbox-triage" data-testid="inbox-triage">
      <div className="inbox-views" role="group" aria-label={t('exercise.triage.views')}>
        {inboxViews.map((view) => (
          <button
            key={view}
            type="button"
            className={triage.view === view ? 'primary' : 'secondary'}
            aria-pressed={triage.view === view}
            onClick={() => set({ view })}
            data-testid={`inbox-view-${view}`}
            data-count={counts[view]}
          >
            {t(`exercise.triage.view.${view}`, { count: counts[view] })}
          </button>
        ))}
      </div>
      <ChoiceSelect
        className="inline-label"
        label={t('exercise.triage.channel')}
        value={triage.channel ?? ''}
        onChange={(value) => set({ channel: Channel.safeParse(value).data ?? null })}
        empty={t('exercise.triage.allChannels')}
        choices={Channel.options.map((c) => ({ value: c, label: t(`exercise.channel.${c}`) }))}
        testId="inbox-channel-filter"
      />
      <label className="inline-label grow">
        {t('exercise.triage.search')}
        <input type="search" value={triage.query} onChange={(e) => set({ query: e.target.value })} placeholder={t('exercise.triage.searchHint')} data-testid="inbox-search" />
      </label>
      {canFilterMine && (
        <label className="inline-label">
          <input type="checkbox" checked={triage.mine} onChange={(e) => set({ mine: e.target.checked })} data-testid="inbox-mine" />
          {t('exercise.triage.mine')}
        </label>
      )}
    </div>
  );
}
