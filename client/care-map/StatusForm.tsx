import { useEffect, useState } from 'react';
import { CareFunction, CareMode, isSpecialisedFunction, specialisedFunctions, type SpecialisedFunction } from '../../shared/care-map/modes.js';
import type { Establishment } from '../../shared/care-map/establishment.js';
import { specialisedFunctionsOf } from '../../shared/care-map/offer.js';
import type { EstablishmentStatus } from '../../shared/care-map/state.js';
import type { SendOutcome } from '../offline/outbox-sender.js';
import { useT } from '../i18n/index.js';
import { formValuesOf, statusPatch, type StatusFormValues } from './status-diff.js';
import { Feedback, useCommand } from '../room/hooks/useCommand.js';

export interface StatusFormProps {
  finess: string;
  /** The site: its specialised activities (`specialisedFunctionsOf`) are offered as followed, the others as « non suivie ». */
  establishment: Pick<Establishment, 'kind'>;
  status: EstablishmentStatus | undefined;
  send(type: string, payload: unknown): Promise<SendOutcome>;
}

/** Edit form of an establishment's status; sends only the fields changed (`careMap.setStatus`). */
export function StatusForm({ finess, establishment, status, send }: StatusFormProps) {
  const { t } = useT();
  const initial = formValuesOf(status);
  const [values, setValues] = useState<StatusFormValues>(initial);
  const followed = specialisedFunctionsOf(establishment, status);
  const [added, setAdded] = useState<SpecialisedFunction[]>([]);
  const { busy, feedback, setFeedback, run } = useCommand(send, { saved: t('careMap.form.saved') });
  // A change made by someone else (or by this form) resets the form to the room's state.
  const version = status?.updatedAt ?? 0;
  useEffect(() => {
    setValues(formValuesOf(status));
    setAdded([]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for status (see above)
  }, [finess, version]);

  const set = <K extends keyof StatusFormValues>(key: K, value: StatusFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const modeSelect = (value: CareMode, onChange: (m: CareMode) => void, testId: string) => (
    <select value={value} onChange={(e) => onChange(CareMode.parse(e.target.value))} data-testid={testId}>
      {CareMode.options.map((m) => (
        <option key={m} value={m}>
          {t(`careMap.mode.${m}`)}
        </option>
      ))}
    </select>
  );

  return (
    <form
      className="cm-form"
      data-testid="status-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const patch = statusPatch(finess, initial, values, added);
        if (!patch) return setFeedback({ ok: false, text: t('careMap.form.noChange') });
        await run('careMap.setStatus', patch);
      }}
    >
      <h4>{t('careMap.form.status')}</h4>
      <label>
        {t('careMap.form.mode')}
        {modeSelect(values.mode, (m) => set('mode', m), 'status-mode')}
      </label>
      <fieldset>
        <legend>{t('careMap.form.functions')}</legend>
        <div className="cm-functions-grid">
          {CareFunction.options
            .filter((fn) => !isSpecialisedFunction(fn))
            .map((fn) => (
              <label key={fn} className="cm-inline">
                <span>{t(`careMap.fn.${fn}`)}</span>
                {modeSelect(values.functions[fn], (m) => set('functions', { ...values.functions, [fn]: m }), `status-fn-${fn}`)}
              </label>
            ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('careMap.form.specialised')}</legend>
        <div className="cm-functions-grid">
          {specialisedFunctions.map((fn) => {
            const isFollowed = followed.includes(fn) || added.includes(fn);
            return (
              <label key={fn} className="cm-inline">
                <span>{t(`careMap.fn.${fn}`)}</span>
                <select
                  value={isFollowed ? values.functions[fn] : ''}
                  onChange={(e) => {
                    if (e.target.value === '') return;
                    if (!isFollowed) setAdded([...added, fn]);
                    set('functions', { ...values.functions, [fn]: CareMode.parse(e.target.value) });
                  }}
                  data-testid={`status-fn-${fn}`}
                >
                  {!isFollowed && <option value="">{t('careMap.form.notConcerned')}</option>}
                  {CareMode.options.map((m) => (
                    <option key={m} value={m}>
                      {t(`careMap.mode.${m}`)}
                    </option>
                  ))}
                </select>
              </label>
            );
          })}
        </div>
      </fieldset>
      <div className="cm-row">
        <label>
          {t('careMap.card.litsDisponibles')}
          <input type="number" min={0} value={values.litsDisponibles} onChange={(e) => set('litsDisponibles', e.target.value)} />
        </label>
        <label>
          {t('careMap.card.litsFermes')}
          <input type="number" min={0} value={values.litsFermes} onChange={(e) => set('litsFermes', e.target.value)} data-testid="status-lits-fermes" />
        </label>
        <label>
          {t('careMap.card.urgences')}
          <select value={values.urgences} onChange={(e) => set('urgences', e.target.value as StatusFormValues['urgences'])} data-testid="status-urgences">
            <option value="">{t('careMap.unknown')}</option>
            <option value="ouvert">{t('careMap.open')}</option>
            <option value="ferme">{t('careMap.closed')}</option>
          </select>
        </label>
      </div>
      <label>
        {t('careMap.form.situation')}
        <textarea rows={3} maxLength={2000} value={values.situation} onChange={(e) => set('situation', e.target.value)} data-testid="status-situation" />
      </label>
      <button type="submit" disabled={busy} data-testid="status-save">
        {t('careMap.form.save')}
      </button>
      <Feedback feedback={feedback} />
    </form>
  );
}
