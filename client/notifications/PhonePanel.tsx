import { useState } from 'react';
import { findActor, type ChainLink } from '../../shared/alert-chain/state.js';
import { formatPhone } from '../../shared/directory/contact.js';
import { CallOutcome } from '../../shared/notifications/events.js';
import { useT } from '../i18n/index.js';
import { refusalFor, useRoomProps } from '../room/room-context.js';
import { ActionError, useCommand } from '../room/hooks/useCommand.js';
import { callbackNumber, callScript, phoneContacts, type PhoneContact } from './view-model.js';
import './notifications.css';

/**
 * The telephone side of an alert: the receiver's contacts with dial links and their on-call status, a short
 * call script, and « Joint / Non joint / Message laissé » to record each call (`notification.recordCall`).
 * Shown to whoever may record calls on this link; `open` when the link is alerted by telephone.
 */
export function PhonePanel({ link, open }: { link: ChainLink; open: boolean }) {
  const { t } = useT();
  const props = useRoomProps();
  const { state, me, send } = props;
  const [note, setNote] = useState('');
  const { busy, error, run } = useCommand(send);
  const probe = refusalFor(props, 'notification.recordCall', { linkId: link.id, contactId: null, outcome: 'joint', note: '' });
  if (probe?.code === 'forbidden') return null;
  const wallTime = props.serverNow();
  const contacts = phoneContacts(state.directory, link.to, wallTime);
  const chain = state.alertChain;
  const to = findActor(chain, link.to)?.label ?? link.to;
  const script = callScript(t, {
    caller: me.name,
    from: findActor(chain, link.from)?.label ?? link.from,
    to,
    room: state.room.title,
    contact: contacts[0]?.contact.name ?? to,
    message: link.alert?.message ?? null,
    callback: ((n) => (n ? formatPhone(n) : null))(callbackNumber(state.directory, link.from)),
  });
  const record = async (contactId: string | null, outcome: CallOutcome) => {
    if (await run('notification.recordCall', { linkId: link.id, contactId, outcome, note })) setNote('');
  };
  const outcomeButtons = (entry: PhoneContact | null) => {
    const contactId = entry?.contact.id ?? null;
    const refusal = refusalFor(props, 'notification.recordCall', { linkId: link.id, contactId, outcome: 'joint', note });
    return (
      <span className="ac-buttons" role="group" aria-label={entry?.contact.name ?? to}>
        {CallOutcome.options.map((outcome) => (
          <button
            key={outcome}
            type="button"
            className="secondary"
            disabled={busy || refusal !== null}
            title={refusal?.message}
            data-testid={`call-${link.id}-${contactId ?? 'none'}-${outcome}`}
            onClick={() => void record(contactId, outcome)}
          >
            {t(`notifications.outcome.${outcome}`)}
          </button>
        ))}
      </span>
    );
  };

  return (
    <details className="nt-phone" open={open} data-testid={`phone-${link.id}`}>
      <summary>{t('notifications.phone.title')}</summary>
      {contacts.length === 0 ? (
        <>
          <p className="muted">{t('notifications.phone.none')}</p>
          {outcomeButtons(null)}
        </>
      ) : (
        <ul className="nt-contacts">
          {contacts.map((entry) => (
            <li key={entry.contact.id} data-testid={`phone-contact-${entry.contact.id}`}>
              <strong>{entry.contact.name}</strong> {entry.contact.function && <span className="muted">({entry.contact.function})</span>} — {t('notifications.rank', { rank: entry.contact.rank })}
              {' · '}
              <span className={entry.onCall ? '' : 'muted'}>{t(entry.onCall ? 'notifications.phone.onCall' : 'notifications.phone.offCall')}</span>
              <br />
              {entry.contact.mobile && <PhoneLink label={t('notifications.phone.mobile')} e164={entry.contact.mobile} />}
              {entry.contact.landline && <PhoneLink label={t('notifications.phone.landline')} e164={entry.contact.landline} />}
              {outcomeButtons(entry)}
            </li>
          ))}
        </ul>
      )}
      <h4>{t('notifications.phone.script')}</h4>
      <ol className="nt-script">
        {script.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
      <label>
        {t('notifications.phone.note')}
        <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} data-testid={`call-note-${link.id}`} />
      </label>
      <ActionError error={error} />
    </details>
  );
}

function PhoneLink({ label, e164 }: { label: string; e164: string }) {
  return (
    <span className="nt-phone-link">
      {label} : <a href={`tel:${e164}`}>{formatPhone(e164)}</a>{' '}
    </span>
  );
}
