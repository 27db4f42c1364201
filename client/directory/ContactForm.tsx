import { useState, type FormEvent } from 'react';
import { toE164, type Contact } from '../../shared/directory/contact.js';
import { formatOnCall, parseOnCall } from '../../shared/directory/on-call.js';
import { useT } from '../i18n/index.js';
import { useCan } from '../room/room-context.js';
import { ActionError, useCommand } from '../room/hooks/useCommand.js';
import type { SectionProps } from '../room/section.js';

interface Props extends SectionProps {
  /** The contact edited, or null for a new one. */
  contact: Contact | null;
  onDone(): void;
}

interface Draft {
  actor: string;
  name: string;
  function: string;
  email: string;
  mobile: string;
  landline: string;
  rank: string;
  onCall: string;
  exercise: boolean;
}

const draftOf = (c: Contact | null, firstActor: string): Draft =>
  c
    ? {
        actor: c.actor,
        name: c.name,
        function: c.function,
        email: c.email ?? '',
        mobile: c.mobile ?? '',
        landline: c.landline ?? '',
        rank: String(c.rank),
        onCall: formatOnCall(c.onCall),
        exercise: c.exercise,
      }
    : { actor: firstActor, name: '', function: '', email: '', mobile: '', landline: '', rank: '1', onCall: '', exercise: false };

/** `corruss-1`, or `corruss-1-2`… when a contact since moved to another rank kept that id (saving would replace it). */
function freeId(base: string, taken: ReadonlySet<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

/** The form's fields → the contact the command carries, or the first field that cannot be read. */
function contactOf(draft: Draft, editing: Contact | null, taken: ReadonlySet<string>): { contact: Contact } | { problem: string; field: 'mobile' | 'landline' | 'onCall' } {
  const phone = (text: string) => (text.trim() === '' ? null : toE164(text));
  const mobile = phone(draft.mobile);
  if (draft.mobile.trim() !== '' && mobile === null) return { problem: draft.mobile, field: 'mobile' };
  const landline = phone(draft.landline);
  if (draft.landline.trim() !== '' && landline === null) return { problem: draft.landline, field: 'landline' };
  const onCall = parseOnCall(draft.onCall);
  if ('error' in onCall) return { problem: onCall.error, field: 'onCall' };
  const rank = Number(draft.rank);
  const contact: Contact = {
    id: editing?.id ?? freeId(`${draft.actor}-${draft.rank}`, taken),
    actor: draft.actor,
    name: draft.name.trim(),
    function: draft.function.trim(),
    email: draft.email.trim() === '' ? null : draft.email.trim(),
    mobile,
    landline,
    rank,
    onCall,
    exercise: draft.exercise,
  };
  return { contact };
}

/** Adds or edits one contact; the save button is enabled exactly when the server would take it (useCan). */
export function ContactForm({ state, send, contact, onDone }: Props) {
  const { t } = useT();
  const [draft, setDraft] = useState<Draft>(() => draftOf(contact, state.alertChain.actors[0]?.id ?? ''));
  const save = useCommand(send);
  const built = contactOf(draft, contact, new Set(state.directory.contacts.map((c) => c.id)));
  const refusal = useCan('directory.saveContact', 'contact' in built ? { contact: built.contact } : undefined);
  const problem = 'problem' in built ? (built.field === 'onCall' ? built.problem : t('directory.form.phone.invalid', { value: built.problem })) : (refusal?.message ?? null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ('contact' in built && (await save.run('directory.saveContact', { contact: built.contact }))) onDone();
  };
  const text = (key: 'name' | 'function' | 'email' | 'mobile' | 'landline' | 'onCall', label: string, type = 'text') => (
    <label>
      {label}
      <input type={type} value={draft[key]} onChange={(e) => set(key, e.target.value)} data-testid={`directory-form-${key}`} />
    </label>
  );

  return (
    <form className="card dir-form" onSubmit={(e) => void submit(e)} aria-label={contact ? t('directory.form.edit', { name: contact.name }) : t('directory.form.add')} data-testid="directory-form">
      <h3>{contact ? t('directory.form.edit', { name: contact.name }) : t('directory.form.add')}</h3>
      <label>
        {t('directory.form.actor')}
        <select value={draft.actor} disabled={contact !== null} onChange={(e) => set('actor', e.target.value)} data-testid="directory-form-actor">
          {state.alertChain.actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('directory.col.rank')}
        <input type="number" min={1} max={99} value={draft.rank} onChange={(e) => set('rank', e.target.value)} data-testid="directory-form-rank" />
      </label>
      {text('name', t('directory.col.name'))}
      {text('function', t('directory.col.function'))}
      {text('email', t('directory.col.email'), 'email')}
      {text('mobile', t('directory.col.mobile'), 'tel')}
      {text('landline', t('directory.col.landline'), 'tel')}
      {text('onCall', t('directory.col.onCall'))}
      <p className="muted">{t('directory.form.onCall.hint')}</p>
      <label className="dir-check">
        <input type="checkbox" checked={draft.exercise} onChange={(e) => set('exercise', e.target.checked)} data-testid="directory-form-exercise" />
        {t('directory.col.exercise')}
      </label>
      {problem && draft.name.trim() !== '' && <p className="muted">{problem}</p>}
      <ActionError error={save.error} />
      <div className="dir-toolbar">
        <button type="submit" disabled={problem !== null || save.busy} title={problem ?? undefined} data-testid="directory-form-save">
          {t('directory.form.save')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('directory.form.cancel')}
        </button>
      </div>
    </form>
  );
}
