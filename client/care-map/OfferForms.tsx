import { useState } from 'react';
import type { Establishment } from '../../shared/care-map/establishment.js';
import type { Ght } from '../../shared/care-map/load-reference.js';
import type { SiteNames } from '../../shared/care-map/names.js';
import type { RegionData } from '../../shared/care-map/region.js';
import { basculeTargets } from '../../shared/care-map/samu.js';
import { isEdClosed, isRegulationDown } from '../../shared/care-map/rules.js';
import type { CareMapState } from '../../shared/care-map/state.js';
import type { SendOutcome } from '../offline/outbox-sender.js';
import { useT } from '../i18n/index.js';
import { nearest } from './geo.js';
import { Feedback, useCommand } from '../room/hooks/useCommand.js';
import { dictGet } from '../../shared/core/dict.js';

type Send = (type: string, payload: unknown) => Promise<SendOutcome>;

export interface BasculeFormProps {
  samu: Establishment;
  careMap: CareMapState;
  establishments: readonly Establishment[];
  /** The room's region: its code and bordering départements order the targets (`basculeTargets`). */
  region: Pick<RegionData, 'regionCode' | 'neighbourDepartements'>;
  names: SiteNames;
  send: Send;
}

/** Bascule du 15 of a Samu: the Samu of the region, then those of the bordering départements, by Samu name; down ones are marked. */
export function BasculeForm({ samu, careMap, establishments, region, names, send }: BasculeFormProps) {
  const { t } = useT();
  const [to, setTo] = useState('');
  const { busy, feedback, run } = useCommand(send, { saved: t('careMap.form.saved') });
  const current = dictGet(careMap.bascules, samu.finess);
  // The room's Samu list (`samuIds`) is what the server checks a bascule against.
  const targets = basculeTargets(
    samu,
    establishments.filter((e) => dictGet(careMap.samuIds, e.finess)),
    region,
    names.samuCode,
  );
  const groups = [
    { id: 'region', label: t('careMap.form.basculeRegion'), sites: targets.region },
    { id: 'neighbours', label: t('careMap.form.basculeNeighbours'), sites: targets.neighbours },
  ].filter((g) => g.sites.length > 0);
  return (
    <form
      className="cm-form"
      data-testid="bascule-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (to && (await run('careMap.setBascule', { samu: samu.finess, to }))) setTo('');
      }}
    >
      <h4>{t('careMap.form.bascule')}</h4>
      <label>
        {t('careMap.form.basculeTo')}
        <select value={to} onChange={(e) => setTo(e.target.value)} data-testid="bascule-to">
          <option value="">{t('careMap.form.choose')}</option>
          {groups.map((g) => (
            <optgroup key={g.id} label={g.label} data-testid={`bascule-group-${g.id}`}>
              {g.sites.map((c) => (
                <option key={c.finess} value={c.finess}>
                  {names.samu(c.finess)}
                  {isRegulationDown(dictGet(careMap.statuses, c.finess)) ? ` — ${t('careMap.mode.arret')}` : ''}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <div className="cm-row">
        <button type="submit" disabled={busy || !to} data-testid="bascule-submit">
          {t('careMap.form.basculeSet')}
        </button>
        {current && (
          <button type="button" className="danger" disabled={busy} onClick={() => run('careMap.endBascule', { samu: samu.finess })} data-testid="bascule-end">
            {t('careMap.form.basculeEnd')}
          </button>
        )}
      </div>
      <Feedback feedback={feedback} />
    </form>
  );
}

const patientKinds = ['Urgences adultes', 'Urgences pédiatriques', 'Urgences vitales (SMUR)', 'AVC – thrombolyse', 'Maternité', 'Dialyse', 'Chimiothérapie', 'Chirurgie programmée'];

export interface DiversionFormProps {
  from: Establishment;
  careMap: CareMapState;
  establishments: readonly Establishment[];
  names: SiteNames;
  send: Send;
}

/** A new délestage from this establishment; destinations with a closed ED are offered but marked. */
export function DiversionForm({ from, careMap, establishments, names, send }: DiversionFormProps) {
  const { t } = useT();
  const [to, setTo] = useState('');
  const [patients, setPatients] = useState('');
  const [note, setNote] = useState('');
  const { busy, feedback, run } = useCommand(send, { saved: t('careMap.form.saved') });
  const candidates = nearest(
    from,
    establishments.filter((e) => e.finess !== from.finess && (e.urgences || e.layer === 'fictif')),
    25,
  );
  return (
    <form
      className="cm-form"
      data-testid="diversion-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const payload = { from: from.finess, to, patients, ...(note.trim() ? { note } : {}) };
        if (await run('careMap.addDiversion', payload)) {
          setTo('');
          setNote('');
        }
      }}
    >
      <h4>{t('careMap.form.diversion')}</h4>
      <label>
        {t('careMap.form.diversionTo')}
        <select value={to} onChange={(e) => setTo(e.target.value)} data-testid="diversion-to">
          <option value="">{t('careMap.form.choose')}</option>
          {candidates.map((c) => (
            <option key={c.finess} value={c.finess}>
              {names.name(c.finess)} ({c.commune}){isEdClosed(dictGet(careMap.statuses, c.finess)) ? ` — ⚠ ${t('careMap.form.edClosed')}` : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('careMap.form.patients')}
        <input list="cm-patient-kinds" value={patients} maxLength={200} onChange={(e) => setPatients(e.target.value)} data-testid="diversion-patients" />
        <datalist id="cm-patient-kinds">
          {patientKinds.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
      </label>
      <label>
        {t('careMap.form.note')}
        <input value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" disabled={busy || !to || !patients.trim()} data-testid="diversion-submit">
        {t('careMap.form.diversionAdd')}
      </button>
      <Feedback feedback={feedback} />
    </form>
  );
}

/** GHT membership by hand (the open data has none): a region GHT code or any label of the scenario. */
export function GhtForm({ finess, current, ghts, send }: { finess: string; current: string | undefined; ghts: readonly Ght[]; send: Send }) {
  const { t } = useT();
  const [ght, setGht] = useState(current ?? '');
  const { busy, feedback, run } = useCommand(send, { saved: t('careMap.form.saved') });
  return (
    <form
      className="cm-form cm-row"
      data-testid="ght-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (ght.trim()) await run('careMap.setGht', { finess, ght: ght.trim() });
      }}
    >
      <label>
        {t('careMap.form.ght')}
        <input list="cm-ght-list" value={ght} maxLength={80} onChange={(e) => setGht(e.target.value)} data-testid="ght-input" />
        <datalist id="cm-ght-list">
          {ghts.map((g) => (
            <option key={g.code} value={g.code}>
              {g.nom}
            </option>
          ))}
        </datalist>
      </label>
      <button type="submit" disabled={busy || !ght.trim()}>
        {t('careMap.form.ghtSet')}
      </button>
      {current && (
        <button type="button" className="link" disabled={busy} onClick={() => run('careMap.setGht', { finess, ght: null })}>
          {t('careMap.form.ghtClear')}
        </button>
      )}
      <Feedback feedback={feedback} />
    </form>
  );
}
