import { useState } from 'react';
import { Channel } from '../../shared/core/channels.js';
import type { Rumour } from '../../shared/comms/draft.js';
import { denialDelay, maxSeenMinutesAgo } from '../../shared/comms/rumour.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { formatDelay, roomMoment } from '../app/time.js';
import { ChoiceSelect } from '../app/ChoiceSelect.js';
import { refusalFor } from '../room/room-context.js';
import { ActionError, useCommand } from '../room/hooks/useCommand.js';

/**
 * The rumours log (rumeur → démenti): each rumour with where and when it was seen, its denial and the delay between
 * them. Players and the director record and deny (the forms show when the server would accept them); others read.
 */
export function RumourLog({ props }: { props: SectionProps }) {
  const { t } = useT();
  const { rumours } = props.state.comms;
  const mayRecord = refusalFor(props, 'comms.recordRumour') === null;
  return (
    <section className="rumour-log" data-testid="rumour-log">
      <h3>{t('comms.rumours')}</h3>
      <p className="muted">{t('comms.rumours.help')}</p>
      {rumours.length === 0 ? (
        <p className="muted">{t('comms.rumours.none')}</p>
      ) : (
        <ol>
          {rumours.map((r) => (
            <RumourRow key={r.id} rumour={r} props={props} />
          ))}
        </ol>
      )}
      {mayRecord && <RecordRumour props={props} />}
    </section>
  );
}

function RumourRow({ rumour, props }: { rumour: Rumour; props: SectionProps }) {
  const { t, lang } = useT();
  const denial = rumour.denial;
  const draft = denial?.draftId ? props.state.comms.drafts.find((d) => d.id === denial.draftId) : undefined;
  const mayDeny = !denial && refusalFor(props, 'comms.denyRumour', { id: rumour.id, text: '…' }) === null;
  return (
    <li data-testid="rumour" data-denied={denial ? 'yes' : 'no'}>
      <p>
        <strong>{rumour.text}</strong>
      </p>
      <p className="muted small">
        {t('comms.rumour.seen', {
          channel: t(`exercise.channel.${rumour.channel}`),
          source: rumour.source || '—',
          time: roomMoment(props.state, rumour.seenExerciseTime, rumour.seenAt, { lang }),
          name: rumour.by.name,
        })}
      </p>
      {denial ? (
        <p data-testid="rumour-denial">
          {t('comms.rumour.denied', { time: roomMoment(props.state, denial.exerciseTime, denial.at, { lang }), name: denial.by.name, delay: formatDelay(denialDelay(rumour)) })}
          {draft && <> — {t('comms.rumour.byDraft', { kind: t(`comms.kind.${draft.kind}`), title: draft.title, number: denial.version ?? '—' })}</>}
          {denial.text && <> : « {denial.text} »</>}
        </p>
      ) : (
        <p className="rumour-standing">{t('comms.rumour.standing')}</p>
      )}
      {mayDeny && <DenyRumour rumour={rumour} props={props} />}
    </li>
  );
}

function RecordRumour({ props }: { props: SectionProps }) {
  const { t } = useT();
  const { run, error } = useCommand(props.send);
  const [text, setText] = useState('');
  const [channel, setChannel] = useState<Channel>('reseaux_sociaux');
  const [source, setSource] = useState('');
  const [ago, setAgo] = useState(0);
  return (
    <form
      className="inline-form rumour-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await run('comms.recordRumour', { text, channel, source, seenMinutesAgo: ago })) {
          setText('');
          setSource('');
          setAgo(0);
        }
      }}
    >
      <label>
        {t('comms.rumour.text')}
        <input value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} data-testid="rumour-text" />
      </label>
      <ChoiceSelect
        label={t('comms.rumour.channel')}
        value={channel}
        onChange={(v) => setChannel(Channel.parse(v))}
        choices={Channel.options.map((c) => ({ value: c, label: t(`exercise.channel.${c}`) }))}
        testId="rumour-channel"
      />
      <label>
        {t('comms.rumour.source')}
        <input value={source} onChange={(e) => setSource(e.target.value)} maxLength={200} data-testid="rumour-source" />
      </label>
      <label>
        {t('comms.rumour.ago')}
        <input
          type="number"
          min={0}
          max={maxSeenMinutesAgo}
          value={ago}
          onChange={(e) => setAgo(Math.max(0, Math.min(maxSeenMinutesAgo, Math.floor(Number(e.target.value) || 0))))}
          data-testid="rumour-ago"
        />
      </label>
      <button type="submit" disabled={!text.trim()} data-testid="rumour-record">
        {t('comms.rumour.record')}
      </button>
      <ActionError error={error} />
    </form>
  );
}

function DenyRumour({ rumour, props }: { rumour: Rumour; props: SectionProps }) {
  const { t } = useT();
  const { run, error } = useCommand(props.send);
  const [text, setText] = useState('');
  const [draftId, setDraftId] = useState('');
  const published = props.state.comms.drafts.filter((d) => d.versions.some((v) => v.publishedAt !== null));
  return (
    <form
      className="inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        await run('comms.denyRumour', { id: rumour.id, text, draftId: draftId || null });
      }}
    >
      <label>
        {t('comms.rumour.denial')}
        <input value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} data-testid="rumour-denial-text" />
      </label>
      {published.length > 0 && (
        <ChoiceSelect
          label={t('comms.rumour.denialDraft')}
          value={draftId}
          onChange={setDraftId}
          empty="—"
          choices={published.map((d) => ({ value: d.id, label: d.title }))}
          testId="rumour-denial-draft"
        />
      )}
      <button type="submit" disabled={!text.trim() && !draftId} data-testid="rumour-deny">
        {t('comms.rumour.deny')}
      </button>
      <ActionError error={error} />
    </form>
  );
}
