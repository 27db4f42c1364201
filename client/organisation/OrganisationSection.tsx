import { useState, type FormEvent } from 'react';
import { arsOrganisationRefusal, chartMembers, choiceForName } from '../../shared/organisation/rules.js';
import { crisisFunctions, mobilisationLevels, type CrisisFunction, type MobilisationLevel, type OrganisationChange } from '../../shared/organisation/state.js';
import { roomMoment } from '../app/time.js';
import { ChoiceSelect } from '../app/ChoiceSelect.js';
import { useT } from '../i18n/index.js';
import { participantOf, refusalFor } from '../room/room-context.js';
import { Feedback, useCommand } from '../room/hooks/useCommand.js';
import type { SectionProps } from '../room/section.js';
import './organisation.css';

/** « T+00:25:00 · 08 h 25 (simulée) », by « Marie Dupont »: a change with its clock and its author. */
function useChangeText(props: SectionProps) {
  const { lang } = useT();
  return (change: OrganisationChange) => ({ time: roomMoment(props.state, change.at.exerciseTime, change.at.wallTime, { lang }), name: change.by.name });
}

function Mobilisation({ props, editable }: { props: SectionProps; editable: boolean }) {
  const { t } = useT();
  const said = useChangeText(props);
  const { busy, feedback, run } = useCommand(props.send);
  const { mobilisation } = props.state.organisation;
  const [level, setLevel] = useState<MobilisationLevel>(mobilisation.level === 'niveau-3' ? 'niveau-3' : (mobilisationLevels[mobilisationLevels.indexOf(mobilisation.level) + 1] ?? 'veille'));
  const [note, setNote] = useState('');
  const payload = { level, ...(note.trim() ? { note: note.trim() } : {}) };
  const refusal = refusalFor(props, 'organisation.setMobilisation', payload);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await run('organisation.setMobilisation', payload)) setNote('');
  };
  return (
    <section className="card" data-testid="organisation-mobilisation" aria-labelledby="org-mobilisation">
      <h3 id="org-mobilisation">{t('organisation.mobilisation')}</h3>
      <p>
        <strong data-testid="organisation-level">{t('organisation.mobilisation.current', { level: t(`organisation.level.${mobilisation.level}`) })}</strong>
        {mobilisation.changed && <span className="muted"> {t('organisation.mobilisation.since', said(mobilisation.changed))}</span>}
      </p>
      {mobilisation.note && <p className="muted">{mobilisation.note}</p>}
      {editable && (
        <form className="org-row" onSubmit={(e) => void submit(e)}>
          <ChoiceSelect
            label={t('organisation.mobilisation.level')}
            value={level}
            onChange={(v) => setLevel(mobilisationLevels.find((l) => l === v) ?? 'veille')}
            choices={mobilisationLevels.map((l) => ({ value: l, label: t(`organisation.level.${l}`) }))}
            testId="organisation-level-select"
          />
          <label>
            {t('organisation.mobilisation.note')}
            <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit" disabled={busy || refusal !== null} title={refusal?.message} data-testid="organisation-set-level">
            {t('organisation.mobilisation.set')}
          </button>
        </form>
      )}
      <Feedback feedback={feedback} />
    </section>
  );
}

/** The CRAPS or the COD: its state with who and when, and the one button the server would accept now. */
function Activation({ props, kind }: { props: SectionProps; kind: 'craps' | 'cod' }) {
  const { t } = useT();
  const said = useChangeText(props);
  const { busy, feedback, run } = useCommand(props.send);
  const cell = props.state.organisation[kind];
  const onText = kind === 'craps' ? 'organisation.craps.active' : 'organisation.cod.open';
  const offText = cell.changed ? (kind === 'craps' ? 'organisation.craps.stood' : 'organisation.cod.closedAt') : kind === 'craps' ? 'organisation.craps.inactive' : 'organisation.cod.closed';
  const type = kind === 'craps' ? (cell.active ? 'organisation.deactivateCraps' : 'organisation.activateCraps') : 'organisation.setCod';
  const payload = kind === 'craps' ? {} : { open: !cell.active };
  const allowed = refusalFor(props, type, payload) === null;
  const label = kind === 'craps' ? (cell.active ? 'organisation.craps.deactivate' : 'organisation.craps.activate') : cell.active ? 'organisation.cod.doClose' : 'organisation.cod.doOpen';
  const send = () => void (kind === 'craps' ? run(cell.active ? 'organisation.deactivateCraps' : 'organisation.activateCraps', {}) : run('organisation.setCod', { open: !cell.active }));
  return (
    <section className="card" data-testid={`organisation-${kind}`} data-active={cell.active} aria-labelledby={`org-${kind}`}>
      <h3 id={`org-${kind}`}>{t(`organisation.${kind}`)}</h3>
      <p>{cell.changed ? t(cell.active ? onText : offText, said(cell.changed)) : t(offText)}</p>
      {allowed && (
        <button type="button" disabled={busy} onClick={send} data-testid={`organisation-${kind}-toggle`}>
          {t(label)}
        </button>
      )}
      <Feedback feedback={feedback} />
    </section>
  );
}

function FunctionRow({ props, fn, editable }: { props: SectionProps; fn: CrisisFunction; editable: boolean }) {
  const { t } = useT();
  const said = useChangeText(props);
  const { busy, feedback, run } = useCommand(props.send);
  const [name, setName] = useState('');
  const holder = props.state.organisation.functions[fn];
  const choice = choiceForName(props.state, participantOf(props.me), name);
  const assignRefusal = refusalFor(props, 'organisation.assignFunction', { function: fn, holder: choice });
  const removeAllowed = refusalFor(props, 'organisation.assignFunction', { function: fn, holder: null }) === null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await run('organisation.assignFunction', { function: fn, holder: choice })) setName('');
  };
  return (
    <tr data-testid={`organisation-function-${fn}`}>
      <th scope="row">{t(`organisation.function.${fn}`)}</th>
      <td>
        <span data-testid={`organisation-holder-${fn}`}>{holder ? holder.name : <span className="muted">{t('organisation.chart.nobody')}</span>}</span>
        {holder && <span className="muted small"> {t('organisation.chart.assigned', said(holder.assigned))}</span>}
        {editable && (
          <form onSubmit={(e) => void submit(e)}>
            <label>
              {t('organisation.chart.name')}
              <input value={name} list="organisation-members" maxLength={80} onChange={(e) => setName(e.target.value)} data-testid={`organisation-name-${fn}`} />
            </label>
            <button type="submit" disabled={busy || name.trim() === '' || assignRefusal !== null} title={assignRefusal?.message} data-testid={`organisation-assign-${fn}`}>
              {t('organisation.chart.assign')}
            </button>
            {removeAllowed && (
              <button type="button" className="link" disabled={busy} onClick={() => void run('organisation.assignFunction', { function: fn, holder: null })}>
                {t('organisation.chart.remove')}
              </button>
            )}
          </form>
        )}
        <Feedback feedback={feedback} />
      </td>
    </tr>
  );
}

/**
 * The crisis organisation tab: the ARS's mobilisation level, the CRAPS, the Préfecture's COD and the function
 * chart, each change with who and when. Forms and buttons appear only where the server would accept them.
 */
export function OrganisationSection(props: SectionProps) {
  const { t } = useT();
  const editable = arsOrganisationRefusal(props.state, participantOf(props.me)) === null;
  return (
    <div className="organisation" data-testid="organisation">
      <div className="section-head">
        <h2>{t('organisation.title')}</h2>
      </div>
      <p className="muted small">{t('organisation.readOnly')}</p>
      <Mobilisation props={props} editable={editable} />
      <Activation props={props} kind="craps" />
      <Activation props={props} kind="cod" />
      <section className="card" aria-labelledby="org-chart">
        <h3 id="org-chart">{t('organisation.chart')}</h3>
        <datalist id="organisation-members">
          {chartMembers(props.state).map((m) => (
            <option key={m.sessionId} value={m.name} />
          ))}
        </datalist>
        <table className="org-chart" data-testid="organisation-chart">
          <thead>
            <tr>
              <th scope="col">{t('organisation.chart.function')}</th>
              <th scope="col">{t('organisation.chart.holder')}</th>
            </tr>
          </thead>
          <tbody>
            {crisisFunctions.map((fn) => (
              <FunctionRow key={fn} props={props} fn={fn} editable={editable} />
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
