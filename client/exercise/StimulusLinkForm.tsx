import { useId, useState } from 'react';
import type { InboxItem, LinkKind } from '../../shared/exercise/stimuli-state.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { linkTargets } from './inbox.js';
import { ActionError, useCommand } from '../room/hooks/useCommand.js';
import { useMainCourante } from '../main-courante/useMainCourante.js';
import { entryTime } from '../main-courante/format.js';

const linkKinds: LinkKind[] = ['mainCourante', 'alertLink', 'establishment', 'comms'];

/** How many entries of the main courante the picker offers, newest first. */
const RECENT_ENTRIES = 50;

type Props = Pick<SectionProps, 'state' | 'me' | 'send' | 'serverNow'> & { item: InboxItem; onDone(): void };

/** The first words of an entry, as its label in the picker and in the stimulus's trace. */
const firstWords = (text: string) => (text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text);

/**
 * « Relier »: a main-courante entry is picked from the recent entries (time, author, first words), the id is
 * never typed (entries do not show it); the other kinds keep a reference with suggestions.
 */
export function StimulusLinkForm({ state, me, send, serverNow, item, onDone }: Props) {
  const { t } = useT();
  const [kind, setKind] = useState<LinkKind>('mainCourante');
  const [target, setTarget] = useState({ ref: '', label: '' });
  const action = useCommand(send);
  return (
    <form
      className="stimulus-form inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await action.run('stimulus.link', { id: item.id, kind, ref: target.ref.trim(), label: target.label })) onDone();
      }}
    >
      <label>
        {t('exercise.link.kind')}
        <select
          value={kind}
          onChange={(e) => {
            setKind(linkKinds.find((k) => k === e.target.value) ?? 'mainCourante');
            setTarget({ ref: '', label: '' });
          }}
          data-testid={`link-kind-${item.id}`}
        >
          {linkKinds.map((k) => (
            <option key={k} value={k}>
              {t(`exercise.link.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {kind === 'mainCourante' ? (
        <EntryPicker state={state} me={me} serverNow={serverNow} item={item} value={target.ref} onChange={setTarget} />
      ) : (
        <ReferenceInput state={state} kind={kind} item={item} value={target.ref} onChange={setTarget} />
      )}
      <button type="submit" disabled={action.busy || target.ref.trim() === ''} data-testid={`link-send-${item.id}`}>
        {t('exercise.link.send')}
      </button>
      <ActionError error={action.error} />
    </form>
  );
}

interface TargetProps {
  item: InboxItem;
  value: string;
  onChange(target: { ref: string; label: string }): void;
}

function EntryPicker({ state, me, serverNow, item, value, onChange }: Pick<Props, 'state' | 'me' | 'serverNow'> & TargetProps) {
  const { t, lang } = useT();
  const { entries } = useMainCourante({ me, state, serverNow });
  const recent = entries.slice(-RECENT_ENTRIES).reverse();
  return (
    <label className="grow">
      {t('exercise.link.entry')}
      <select
        value={value}
        required
        onChange={(e) => {
          const entry = recent.find((x) => x.id === e.target.value);
          onChange({ ref: entry?.id ?? '', label: entry ? firstWords(entry.text) : '' });
        }}
        data-testid={`link-entry-${item.id}`}
      >
        <option value="">{t(recent.length ? 'exercise.link.pickEntry' : 'exercise.link.noEntry')}</option>
        {recent.map((e) => (
          <option key={e.id} value={e.id}>
            {entryTime(e, lang)} — {e.author} — {firstWords(e.text)}
          </option>
        ))}
      </select>
    </label>
  );
}

function ReferenceInput({ state, kind, item, value, onChange }: Pick<Props, 'state'> & TargetProps & { kind: Exclude<LinkKind, 'mainCourante'> }) {
  const { t } = useT();
  const listId = useId();
  const targets = linkTargets(state, kind);
  return (
    <label className="grow">
      {t('exercise.link.ref')}
      <input
        value={value}
        onChange={(e) => onChange({ ref: e.target.value, label: targets.find((x) => x.ref === e.target.value.trim())?.label ?? '' })}
        list={listId}
        required
        maxLength={120}
        placeholder={t(`exercise.link.placeholder.${kind}`)}
        data-testid={`link-ref-${item.id}`}
      />
      <datalist id={listId}>
        {targets.map((x) => (
          <option key={x.ref} value={x.ref}>
            {x.label}
          </option>
        ))}
      </datalist>
    </label>
  );
}
