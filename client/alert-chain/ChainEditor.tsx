import { useState, type FormEvent } from 'react';
import { Channel } from '../../shared/core/channels.js';
import { LinkTrigger, type ChainActor, type ChainLinkTemplate } from '../../shared/alert-chain/template.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { ActionError, useCommand } from '../room/hooks/useCommand.js';
import type { PayloadOf } from '../../shared/commands.js';
import { ChoiceSelect, cellChoices } from '../app/ChoiceSelect.js';
import { channelChoices } from './channel-choices.js';

type Props = Pick<SectionProps, 'state' | 'send'>;

/** Crisis mode: the director adds actors and links to the chain while it runs (removal is on each link's card). */
export function ChainEditor({ state, send }: Props) {
  const { t } = useT();
  const { error, run } = useCommand(send);
  const edit = (payload: PayloadOf<'alertChain.editTemplate'>) => run('alertChain.editTemplate', payload);
  return (
    <details className="ac-editor" data-testid="alert-chain-editor">
      <summary>{t('alertChain.edit.title')}</summary>
      <ActorForm state={state} onSubmit={(actor) => edit({ op: 'addActor', actor })} />
      <LinkForm state={state} onSubmit={(link) => edit({ op: 'addLink', link })} />
      <ActionError error={error} />
    </details>
  );
}

function ActorForm({ state, onSubmit }: Pick<Props, 'state'> & { onSubmit(actor: ChainActor): Promise<boolean> }) {
  const { t } = useT();
  const [actor, setActor] = useState<ChainActor>({ id: '', label: '', kind: 'simulated' });
  const go = async (e: FormEvent) => {
    e.preventDefault();
    const { cell, backup, ...rest } = actor;
    const clean: ChainActor = { ...rest, ...(actor.kind === 'played' && cell ? { cell } : {}), ...(backup ? { backup } : {}) };
    if (await onSubmit(clean)) setActor({ id: '', label: '', kind: 'simulated' });
  };
  return (
    <form className="inline-form" onSubmit={(e) => void go(e)}>
      <strong>{t('alertChain.edit.addActor')}</strong>
      <label>
        {t('alertChain.edit.id')}
        <input value={actor.id} onChange={(e) => setActor({ ...actor, id: e.target.value })} required pattern="[a-z][a-z0-9\-]{1,59}" />
      </label>
      <label>
        {t('alertChain.edit.label')}
        <input value={actor.label} onChange={(e) => setActor({ ...actor, label: e.target.value })} required maxLength={120} />
      </label>
      <label>
        {t('alertChain.edit.kind')}
        <select value={actor.kind} onChange={(e) => setActor({ ...actor, kind: e.target.value as ChainActor['kind'] })}>
          <option value="simulated">{t('alertChain.edit.kind.simulated')}</option>
          <option value="played">{t('alertChain.edit.kind.played')}</option>
        </select>
      </label>
      {actor.kind === 'played' && (
        <ChoiceSelect label={t('alertChain.edit.cell')} value={actor.cell ?? ''} onChange={(cell) => setActor({ ...actor, cell })} empty="" choices={cellChoices(state.room.cells)} required />
      )}
      <ChoiceSelect
        label={t('alertChain.edit.backup')}
        value={actor.backup ?? ''}
        onChange={(backup) => setActor({ ...actor, backup: backup || undefined })}
        empty={t('alertChain.edit.none')}
        choices={cellChoices(state.alertChain.actors)}
      />
      <button type="submit">{t('alertChain.edit.addActor')}</button>
    </form>
  );
}

/** A trigger as a `<select>` value: `T0`, `upstream` or `fact:<id>`, and back (a value the list did not offer is `upstream`). */
const triggerValue = (trigger: LinkTrigger): string => (typeof trigger === 'string' ? trigger : `fact:${trigger.fact}`);
const triggerOfValue = (value: string): LinkTrigger => LinkTrigger.catch('upstream').parse(value.startsWith('fact:') ? { fact: value.slice(5) } : value);

const emptyLink = (): ChainLinkTemplate => ({ id: '', from: '', to: '', channel: 'telephone', deadlineMinutes: 30, trigger: 'upstream' });

function LinkForm({ state, onSubmit }: Pick<Props, 'state'> & { onSubmit(link: ChainLinkTemplate): Promise<boolean> }) {
  const { t } = useT();
  const [link, setLink] = useState<ChainLinkTemplate>(emptyLink);
  const go = async (e: FormEvent) => {
    e.preventDefault();
    if (await onSubmit(link)) setLink(emptyLink());
  };
  const actorSelect = (end: 'from' | 'to') => (
    <label>
      {t(`alertChain.edit.${end}`)}
      <select value={link[end]} onChange={(e) => setLink({ ...link, [end]: e.target.value })} required>
        <option value="" />
        {state.alertChain.actors.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form className="inline-form" onSubmit={(e) => void go(e)}>
      <strong>{t('alertChain.edit.addLink')}</strong>
      <label>
        {t('alertChain.edit.id')}
        <input value={link.id} onChange={(e) => setLink({ ...link, id: e.target.value })} required pattern="[a-z0-9][a-z0-9\-]{0,79}" />
      </label>
      {actorSelect('from')}
      {actorSelect('to')}
      <ChoiceSelect label={t('alertChain.form.channel')} value={link.channel} onChange={(c) => setLink({ ...link, channel: Channel.parse(c) })} choices={channelChoices(t)} />
      <ChoiceSelect
        label={t('alertChain.edit.fallback')}
        value={link.fallbackChannel ?? ''}
        onChange={(c) => {
          const { fallbackChannel: _dropped, ...rest } = link;
          setLink(c === '' ? rest : { ...rest, fallbackChannel: Channel.parse(c) });
        }}
        choices={channelChoices(t)}
        empty={t('alertChain.edit.none')}
        testId="edit-fallback-channel"
      />
      <label>
        {t('alertChain.edit.minutes')}
        <input type="number" min={0} max={10080} value={link.deadlineMinutes} onChange={(e) => setLink({ ...link, deadlineMinutes: Number(e.target.value) })} />
      </label>
      <label>
        {t('alertChain.edit.trigger')}
        <select value={triggerValue(link.trigger)} onChange={(e) => setLink({ ...link, trigger: triggerOfValue(e.target.value) })}>
          <option value="T0">{t('alertChain.edit.trigger.T0')}</option>
          <option value="upstream">{t('alertChain.edit.trigger.upstream')}</option>
          {state.alertChain.facts.map((f) => (
            <option key={f.id} value={`fact:${f.id}`}>
              {t('alertChain.edit.trigger.fact', { fact: f.label })}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t('alertChain.edit.addLink')}</button>
    </form>
  );
}
