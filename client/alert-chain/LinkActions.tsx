import { useState, type FormEvent } from 'react';
import { acknowledgeRefusal, actsFor, alertRefusal, correctionRefusal, type CorrectionUndo } from '../../shared/alert-chain/rules.js';
import { findActor, type ChainLink } from '../../shared/alert-chain/state.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { useCommand } from '../room/hooks/useCommand.js';
import type { CommandType, PayloadOf } from '../../shared/commands.js';
import { AlertForm } from './AlertForm.js';
import { FormButtons } from './FormButtons.js';

type Props = Pick<SectionProps, 'state' | 'me' | 'send'> & { link: ChainLink };
type Form = 'alert' | 'correct' | null;

/**
 * The buttons of one link, from the same rule functions the server runs: a button shows only for whoever
 * may act for that end of the link, and is disabled, saying why in its tooltip, when the link's state forbids it.
 */
export function LinkActions({ state, me, send, link }: Props) {
  const { t } = useT();
  const [form, setForm] = useState<Form>(null);
  const { busy, error, run } = useCommand(send);

  const submit = async <K extends CommandType>(type: K, payload: PayloadOf<K>): Promise<void> => {
    if (await run(type, payload)) setForm(null);
  };

  const alertBlocked = alertRefusal(state, me, link.id);
  const ackBlocked = acknowledgeRefusal(state, me, link.id);
  const noteBlocked = correctionRefusal(state, me, link.id, null);
  const id = link.id;
  const mode = state.room.mode;
  const forFrom = actsFor(me, findActor(state.alertChain, link.from), mode);
  const forTo = actsFor(me, findActor(state.alertChain, link.to), mode);
  if (!forFrom && !forTo && noteBlocked !== null) return null;
  return (
    <div className="ac-actions">
      <div className="ac-buttons">
        {forFrom && (
          <button data-testid={`alert-${id}`} disabled={busy || alertBlocked !== null} title={alertBlocked?.message} onClick={() => setForm(form === 'alert' ? null : 'alert')}>
            {t('alertChain.action.alert')}
          </button>
        )}
        {forTo && (
          <button data-testid={`ack-${id}`} disabled={busy || ackBlocked !== null} title={ackBlocked?.message} onClick={() => void submit('alertChain.acknowledge', { linkId: id })}>
            {t('alertChain.action.acknowledge')}
          </button>
        )}
        {noteBlocked === null && (
          <button className="secondary" data-testid={`correct-${id}`} disabled={busy} onClick={() => setForm(form === 'correct' ? null : 'correct')}>
            {t('alertChain.action.correct')}
          </button>
        )}
      </div>
      {form === 'alert' && alertBlocked === null && <AlertForm state={state} me={me} link={link} busy={busy} onCancel={() => setForm(null)} onSubmit={(p) => void submit('alertChain.alert', p)} />}
      {form === 'correct' && (
        <CorrectionForm
          link={link}
          busy={busy}
          allowed={(undo) => correctionRefusal(state, me, id, undo) === null}
          onCancel={() => setForm(null)}
          onSubmit={(p) => void submit('alertChain.correct', p)}
        />
      )}
      {error && (
        <p role="alert" className="error" data-testid={`error-${id}`}>
          {error}
        </p>
      )}
    </div>
  );
}

interface FormProps<P> {
  link: ChainLink;
  busy: boolean;
  onCancel(): void;
  onSubmit(payload: P): void;
}

function CorrectionForm({ link, busy, allowed, onCancel, onSubmit }: FormProps<{ linkId: string; note: string; undo?: 'alert' | 'acknowledgement' }> & { allowed(undo: CorrectionUndo): boolean }) {
  const { t } = useT();
  const [note, setNote] = useState('');
  const [undo, setUndo] = useState<CorrectionUndo>(null);
  const go = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ linkId: link.id, note, ...(undo ? { undo } : {}) });
  };
  const choices: CorrectionUndo[] = [null, 'alert', 'acknowledgement'];
  return (
    <form className="ac-form" onSubmit={go}>
      <label>
        {t('alertChain.form.note')}
        <textarea value={note} onChange={(e) => setNote(e.target.value)} required maxLength={2000} rows={2} data-testid={`correct-note-${link.id}`} />
      </label>
      <label>
        {t('alertChain.form.undo')}
        <select value={undo ?? ''} onChange={(e) => setUndo(e.target.value === '' ? null : (e.target.value as CorrectionUndo))}>
          {choices.filter(allowed).map((c) => (
            <option key={c ?? 'none'} value={c ?? ''}>
              {t(`alertChain.form.undo.${c ?? 'none'}`)}
            </option>
          ))}
        </select>
      </label>
      <FormButtons submit={t('alertChain.form.saveCorrection')} disabled={busy || note.trim() === ''} testId={`correct-submit-${link.id}`} onCancel={onCancel} />
    </form>
  );
}
