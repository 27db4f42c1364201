import { useState } from 'react';
import type { Establishment } from '../../shared/care-map/establishment.js';
import type { SiteNames } from '../../shared/care-map/names.js';
import { dictGet } from '../../shared/core/dict.js';
import { dueFromInput } from '../decisions/view-model.js';
import { useT } from '../i18n/index.js';
import { refusalFor } from '../room/room-context.js';
import { Feedback, useCommand } from '../room/hooks/useCommand.js';
import type { CareOfferProps } from './CareMapView.js';

export interface DebordementFormProps extends CareOfferProps {
  samu: Establishment;
  /** The Samu offered as destinations (the bascule form's list: region first, then bordering départements). */
  targets: readonly Establishment[];
  names: SiteNames;
}

/**
 * The débordement of a Samu: its calls not picked up go to another Samu until a planned end, typed on the room's
 * clock (minutes from DEBEX in an exercise, HH:MM Paris time in a crisis, as an action's due time is).
 */
export function DebordementForm(props: DebordementFormProps) {
  const { t } = useT();
  const { samu, targets, names, state, send } = props;
  const [to, setTo] = useState('');
  const [end, setEnd] = useState('');
  const { busy, feedback, setFeedback, run } = useCommand(send, { saved: t('careMap.form.saved') });
  const current = dictGet(state.careMap.debordements, samu.finess);
  const mode = state.room.mode;
  const mayEnd = refusalFor(props, 'careMap.endDebordement', { samu: samu.finess }) === null;
  return (
    <form
      className="cm-form"
      data-testid="debordement-form"
      onSubmit={async (ev) => {
        ev.preventDefault();
        const plannedEndAt = dueFromInput(mode, end);
        if (plannedEndAt === null || plannedEndAt === 'invalid') return setFeedback({ ok: false, text: t('careMap.debordement.badEnd') });
        if (to && (await run('careMap.setDebordement', { samu: samu.finess, to, plannedEndAt }))) setEnd('');
      }}
    >
      <h4>{t('careMap.debordement.form')}</h4>
      <div className="cm-row">
        <label>
          {t('careMap.form.basculeTo')}
          <select value={to} onChange={(ev) => setTo(ev.target.value)} data-testid="debordement-to">
            <option value="">{t('careMap.form.choose')}</option>
            {targets.map((c) => (
              <option key={c.finess} value={c.finess}>
                {names.samu(c.finess)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(`careMap.debordement.end.${mode === 'crisis' ? 'wall' : 'exercise'}`)}
          <input value={end} onChange={(ev) => setEnd(ev.target.value)} placeholder={mode === 'crisis' ? '14:00' : '90'} data-testid="debordement-end" />
        </label>
      </div>
      <div className="cm-row">
        <button type="submit" disabled={busy || !to || !end.trim()} data-testid="debordement-submit">
          {t('careMap.debordement.set')}
        </button>
        {current && mayEnd && (
          <button type="button" className="danger" disabled={busy} onClick={() => run('careMap.endDebordement', { samu: samu.finess })} data-testid="debordement-stop">
            {t('careMap.debordement.stop')}
          </button>
        )}
      </div>
      <Feedback feedback={feedback} />
    </form>
  );
}
