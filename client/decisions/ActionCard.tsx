import { useState, type FormEvent } from 'react';
import type { ActionStatus, CrisisAction } from '../../shared/decisions/state.js';
import { isOpenAction } from '../../shared/decisions/state.js';
import { useT } from '../i18n/index.js';
import { useCommand } from '../room/hooks/useCommand.js';
import { refusalFor, useRoomProps } from '../room/room-context.js';
import { tPlus } from '../app/time.js';
import { DueText } from './DueText.js';
import { dueFromInput, isOverdue } from './view-model.js';

type Form = 'abandon' | 'reassign' | 'due' | 'comment' | null;

const nextStatuses = (a: CrisisAction): ActionStatus[] => (a.status === 'a_faire' ? ['en_cours', 'faite', 'abandonnee'] : a.status === 'en_cours' ? ['faite', 'abandonnee'] : ['en_cours']);

/**
 * One action: its owner, due time (on which clock), status and origin; the buttons the server would accept
 * for this participant (disabled with the server's reason otherwise); reassign, due time, comments, history.
 */
export function ActionCard({ action }: { action: CrisisAction }) {
  const { t } = useT();
  const props = useRoomProps();
  const { state, send } = props;
  const { busy, error, run } = useCommand(send);
  const [form, setForm] = useState<Form>(null);
  const [text, setText] = useState('');
  const [cell, setCell] = useState(action.ownerCell);
  const id = action.id;
  const can = (type: string, payload: unknown) => refusalFor(props, type, payload);
  const readOnly = props.me.role === 'observer' || props.me.role === 'evaluator';
  const submit = async (ok: Promise<boolean>) => {
    if (await ok) {
      setForm(null);
      setText('');
    }
  };
  const onForm = (e: FormEvent) => {
    e.preventDefault();
    if (form === 'abandon') void submit(run('action.setStatus', { id, status: 'abandonnee', reason: text }));
    if (form === 'comment') void submit(run('action.comment', { id, text }));
    if (form === 'reassign') void submit(run('action.reassign', { id, ownerCell: cell, ...(text.trim() ? { ownerName: text.trim() } : {}) }));
    if (form === 'due') {
      const dueAt = dueFromInput(state.room.mode, text);
      if (dueAt !== 'invalid') void submit(run('action.setDue', { id, dueAt }));
    }
  };
  const open = (f: Form) => {
    setForm(form === f ? null : f);
    setText('');
  };
  const owner = `${state.room.cells.find((c) => c.id === action.ownerCell)?.label ?? action.ownerCell}${action.ownerName ? ` — ${action.ownerName}` : ''}`;
  const source = action.source.kind === 'libre' ? t('decisions.source.libre') : t(`decisions.source.${action.source.kind}`, { id: action.source.id });
  const othersBlocked = can('action.allowOthers', { id, allowed: !action.othersAllowed });

  return (
    <article className={`card dec-action dec-${action.status}${isOverdue(action) ? ' dec-overdue' : ''}`} data-testid={`action-${id}`} data-status={action.status}>
      <header className="dec-action-head">
        <strong>
          {id} — {action.title}
        </strong>
        <span className={`dec-badge dec-badge-${action.status}`}>{t(`decisions.status.${action.status}`)}</span>
        {isOverdue(action) && <span className="dec-badge dec-badge-late">{t('decisions.overdue')}</span>}
        {action.priority === 'haute' && <span className="dec-badge dec-badge-high">{t('decisions.priority.haute')}</span>}
      </header>
      <p className="small">
        {t('decisions.owner', { owner })} · <DueText due={action.due} /> · <span className="muted">{source}</span>
        {action.othersAllowed && <span className="muted"> · {t('decisions.othersAllowed')}</span>}
      </p>
      {action.details && <p className="small">{action.details}</p>}
      {action.abandonReason && <p className="small">{t('decisions.abandonedBecause', { reason: action.abandonReason })}</p>}
      {!readOnly && (
        <div className="dec-buttons">
          {nextStatuses(action).map((status) => {
            const refusal = status === 'abandonnee' ? can('action.setStatus', { id, status, reason: '-' }) : can('action.setStatus', { id, status });
            const label = !isOpenAction(action) ? t('decisions.do.reopen') : t(`decisions.do.${status}`);
            const onClick = status === 'abandonnee' ? () => open('abandon') : () => void run('action.setStatus', { id, status });
            return (
              <button key={status} data-testid={`action-${id}-${status}`} disabled={busy || refusal !== null} title={refusal?.message} onClick={onClick}>
                {label}
              </button>
            );
          })}
          {isOpenAction(action) && (
            <>
              <button className="secondary" disabled={busy || can('action.reassign', { id, ownerCell: action.ownerCell, ownerName: 'x' }) !== null} onClick={() => open('reassign')}>
                {t('decisions.do.reassign')}
              </button>
              <button className="secondary" disabled={busy || can('action.setDue', { id, dueAt: null }) !== null} onClick={() => open('due')}>
                {t('decisions.do.setDue')}
              </button>
            </>
          )}
          <button className="secondary" data-testid={`action-${id}-comment`} disabled={busy || can('action.comment', { id, text: 'x' }) !== null} onClick={() => open('comment')}>
            {t('decisions.do.comment')}
          </button>
          {props.me.role === 'director' && (
            <button
              className="secondary"
              disabled={busy || othersBlocked !== null}
              title={othersBlocked?.message}
              onClick={() => void run('action.allowOthers', { id, allowed: !action.othersAllowed })}
            >
              {action.othersAllowed ? t('decisions.do.restrict') : t('decisions.do.allowOthers')}
            </button>
          )}
        </div>
      )}
      {form && (
        <form className="dec-inline-form" onSubmit={onForm}>
          {form === 'reassign' && (
            <select aria-label={t('decisions.action.owner')} value={cell} onChange={(e) => setCell(e.target.value)}>
              {state.room.cells.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
          <input
            aria-label={t(
              form === 'abandon'
                ? 'decisions.abandonReason'
                : form === 'comment'
                  ? 'decisions.do.comment'
                  : form === 'reassign'
                    ? 'decisions.action.ownerName'
                    : `decisions.action.due.${state.room.mode === 'crisis' ? 'wall' : 'exercise'}`,
            )}
            placeholder={form === 'due' ? (state.room.mode === 'crisis' ? '14:00' : '90') : ''}
            data-testid={`action-${id}-input`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            required={form === 'abandon' || form === 'comment'}
          />
          <button type="submit" data-testid={`action-${id}-submit`} disabled={busy}>
            {t('decisions.do.save')}
          </button>
          {form === 'due' && action.due && (
            <button type="button" className="secondary" disabled={busy} onClick={() => void submit(run('action.setDue', { id, dueAt: null }))}>
              {t('decisions.do.removeDue')}
            </button>
          )}
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {action.comments.length > 0 && (
        <details open>
          <summary>{t('decisions.comments', { count: action.comments.length })}</summary>
          <ul className="dec-list small">
            {action.comments.map((c, i) => (
              <li key={i}>
                {tPlus(c.at.exerciseTime)} {c.by.name} : {c.text}
              </li>
            ))}
          </ul>
        </details>
      )}
      <details>
        <summary>{t('decisions.history')}</summary>
        <ul className="dec-list small">
          {action.history.map((h, i) => (
            <li key={i}>
              {tPlus(h.at.exerciseTime)} {h.by.name} : {h.change}
            </li>
          ))}
        </ul>
      </details>
    </article>
  );
}
