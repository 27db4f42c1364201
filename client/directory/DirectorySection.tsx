import { useState } from 'react';
import { formatPhone, type Contact } from '../../shared/directory/contact.js';
import { formatOnCall } from '../../shared/directory/on-call.js';
import { contactsOf } from '../../shared/directory/state.js';
import { useT } from '../i18n/index.js';
import { refusalFor, useCan } from '../room/room-context.js';
import { ActionError, useCommand } from '../room/hooks/useCommand.js';
import type { SectionProps } from '../room/section.js';
import { ContactForm } from './ContactForm.js';
import { DirectoryFiles } from './DirectoryFiles.js';
import './directory.css';

/** The groups shown: the chain's actors in order, then any contact whose actor left the chain. */
function groupsOf(state: SectionProps['state']): Array<{ actorId: string; label: string | null; contacts: Contact[] }> {
  const chainIds = new Set(state.alertChain.actors.map((a) => a.id));
  const inChain = state.alertChain.actors.map((a) => ({ actorId: a.id, label: a.label, contacts: contactsOf(state.directory, a.id) }));
  const strays = [...new Set(state.directory.contacts.map((c) => c.actor).filter((id) => !chainIds.has(id)))].map((id) => ({ actorId: id, label: null, contacts: contactsOf(state.directory, id) }));
  return [...inChain, ...strays].filter((g) => g.contacts.length > 0);
}

/**
 * The « Annuaire de crise » tab: the contacts of each actor of the chain, by rank, with links to write or
 * call them. The director also imports/exports the file and edits contacts (each change a logged command).
 */
export function DirectorySection(props: SectionProps) {
  const { state, send } = props;
  const { t, lang } = useT();
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const remove = useCommand(send);
  const editRefusal = useCan('directory.import', { contacts: [], file: null });
  const groups = groupsOf(state);
  const source = state.directory.source;
  // Import, export and edits are the director's: a role refusal hides them, a closed room only disables them.
  const director = editRefusal?.code !== 'forbidden';
  const date = (wallTime: number) => new Date(wallTime).toLocaleString(lang === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'short', timeStyle: 'short' });

  const removeContact = (contact: Contact) => {
    if (window.confirm(t('directory.remove.confirm', { name: contact.name }))) void remove.run('directory.removeContact', { id: contact.id });
  };

  return (
    <div className="dir-section" data-testid="directory">
      <p className="muted">{t('directory.intro')}</p>
      {source && (
        <p className="muted" data-testid="directory-source">
          {source.file
            ? t('directory.source', { file: source.file, contacts: source.contacts, date: date(source.wallTime) })
            : t('directory.source.typed', { contacts: source.contacts, date: date(source.wallTime) })}
        </p>
      )}
      {director && <DirectoryFiles {...props} refusal={editRefusal} onAdd={() => setEditing('new')} />}
      {editing && <ContactForm {...props} contact={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      <ActionError error={remove.error} />
      {groups.length === 0 && <p className="muted">{t('directory.empty')}</p>}
      {groups.map((group) => (
        <table key={group.actorId} className="dir-table" data-testid={`directory-actor-${group.actorId}`}>
          <caption>{group.label ?? t('directory.actor.unknown', { id: group.actorId })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('directory.col.rank')}</th>
              <th scope="col">{t('directory.col.name')}</th>
              <th scope="col">{t('directory.col.function')}</th>
              <th scope="col">{t('directory.col.email')}</th>
              <th scope="col">{t('directory.col.mobile')}</th>
              <th scope="col">{t('directory.col.landline')}</th>
              <th scope="col">{t('directory.col.onCall')}</th>
              <th scope="col">{t('directory.col.exercise')}</th>
              {director && <th scope="col">{t('directory.col.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {group.contacts.map((c) => {
              const removeRefusal = refusalFor(props, 'directory.removeContact', { id: c.id });
              return (
                <tr key={c.id} data-testid={`directory-contact-${c.id}`}>
                  <td>{c.rank}</td>
                  <th scope="row">{c.name}</th>
                  <td>{c.function}</td>
                  <td>{c.email && <a href={`mailto:${c.email}`}>{c.email}</a>}</td>
                  <td>{c.mobile && <a href={`tel:${c.mobile}`}>{formatPhone(c.mobile)}</a>}</td>
                  <td>{c.landline && <a href={`tel:${c.landline}`}>{formatPhone(c.landline)}</a>}</td>
                  <td>{formatOnCall(c.onCall)}</td>
                  <td>{c.exercise ? t('directory.yes') : t('directory.no')}</td>
                  {director && (
                    <td className="dir-actions">
                      <button className="secondary" disabled={editRefusal !== null} title={editRefusal?.message} onClick={() => setEditing(c)} aria-label={`${t('directory.edit')} ${c.name}`}>
                        {t('directory.edit')}
                      </button>
                      <button
                        className="secondary"
                        disabled={removeRefusal !== null || remove.busy}
                        title={removeRefusal?.message}
                        onClick={() => removeContact(c)}
                        aria-label={`${t('directory.remove')} ${c.name}`}
                      >
                        {t('directory.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
    </div>
  );
}
