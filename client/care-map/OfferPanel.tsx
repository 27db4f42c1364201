import { useState } from 'react';
import type { Establishment } from '../../shared/care-map/establishment.js';
import { careModeRank } from '../../shared/care-map/modes.js';
import { CareSpecialty, referenceSources, specialisedFunctionsOf, type ReferenceField } from '../../shared/care-map/offer.js';
import { dictGet } from '../../shared/core/dict.js';
import { useT } from '../i18n/index.js';
import { refusalFor } from '../room/room-context.js';
import { Feedback, useCommand } from '../room/hooks/useCommand.js';
import type { CareOfferProps } from './CareMapView.js';

/** Writes a moment with its clock (the card's `when`). */
type When = (wall: number, exercise: number) => string;

interface PanelProps extends CareOfferProps {
  establishment: Establishment;
  when: When;
}

/** Whether the server would accept this command now, asked as `useCan` asks it, on the props' own state and clock. */
const accepted = (props: CareOfferProps, type: string, payload: unknown) => refusalFor(props, type, payload) === null;

/** The plan blanc of the establishment: in force since when, recorded by whom; declare or lift it when the server would accept it. */
export function PlanBlancSection(props: PanelProps) {
  const { t } = useT();
  const { establishment: e, state, when, send } = props;
  const plan = dictGet(state.careMap.plansBlancs, e.finess);
  const [note, setNote] = useState('');
  const { busy, feedback, run } = useCommand(send, { saved: t('careMap.form.saved') });
  const mayDeclare = accepted(props, 'careMap.declarePlanBlanc', { finess: e.finess });
  const mayLift = accepted(props, 'careMap.liftPlanBlanc', { finess: e.finess });
  return (
    <section data-testid="card-plan-blanc" data-active={plan ? 'true' : 'false'}>
      <h4>{t('careMap.planBlanc')}</h4>
      {plan ? (
        <p>
          <strong className="cm-plan-blanc">{t('careMap.planBlanc.inForce', { time: when(plan.since, plan.sinceExerciseTime), by: plan.by.name })}</strong>
          {plan.note && ` — ${plan.note}`}
        </p>
      ) : (
        <p className="muted">{t('careMap.planBlanc.none')}</p>
      )}
      {mayDeclare && (
        <form
          className="cm-form cm-row"
          onSubmit={async (ev) => {
            ev.preventDefault();
            if (await run('careMap.declarePlanBlanc', { finess: e.finess, ...(note.trim() ? { note: note.trim() } : {}) })) setNote('');
          }}
        >
          <label>
            {t('careMap.planBlanc.note')}
            <input value={note} maxLength={500} onChange={(ev) => setNote(ev.target.value)} data-testid="plan-blanc-note" />
          </label>
          <button type="submit" disabled={busy} data-testid="plan-blanc-declare">
            {t('careMap.planBlanc.declare')}
          </button>
        </form>
      )}
      {mayLift && (
        <button type="button" className="secondary" disabled={busy} onClick={() => run('careMap.liftPlanBlanc', { finess: e.finess })} data-testid="plan-blanc-lift">
          {t('careMap.planBlanc.lift')}
        </button>
      )}
      <Feedback feedback={feedback} />
    </section>
  );
}

/** The specialised activities the site has (FINESS category, or reported), each with its status. */
export function SpecialisedFunctions({ establishment: e, state }: PanelProps) {
  const { t } = useT();
  const status = dictGet(state.careMap.statuses, e.finess);
  const fns = specialisedFunctionsOf(e, status);
  return (
    <section data-testid="card-specialised">
      <h4>{t('careMap.card.specialised')}</h4>
      {fns.length === 0 && <p className="muted">{t('careMap.card.noSpecialised')}</p>}
      <ul className="cm-functions">
        {fns
          .map((fn) => ({ fn, mode: status?.functions[fn] ?? 'normal' }))
          .sort((a, b) => careModeRank[b.mode] - careModeRank[a.mode])
          .map(({ fn, mode }) => (
            <li key={fn} data-testid={`card-fn-${fn}`} data-mode={mode}>
              <span className={`cm-badge cm-badge-${mode}`}>{t(`careMap.mode.${mode}`)}</span> {t(`careMap.fn.${fn}`)}
            </li>
          ))}
      </ul>
    </section>
  );
}

/** Beds per specialty, each figure with its source and its last update; the update form for those the server accepts. */
export function SpecialtyBeds(props: PanelProps) {
  const { t } = useT();
  const { establishment: e, state, when } = props;
  const beds = dictGet(state.careMap.capacities, e.finess) ?? {};
  const rows = CareSpecialty.options.flatMap((s) => {
    const b = beds[s];
    return b ? [{ specialty: s, beds: b }] : [];
  });
  const figure = (n: number | null) => (n === null ? t('careMap.unknown') : String(n));
  return (
    <section data-testid="card-specialties">
      <h4>{t('careMap.card.specialties')}</h4>
      {rows.length === 0 && <p className="muted">{t('careMap.unknown')}</p>}
      <dl className="cm-capacity">
        {rows.map(({ specialty, beds: b }) => (
          <div key={specialty} data-testid={`card-beds-${specialty}`}>
            <dt>{t(`careMap.specialty.${specialty}`)}</dt>
            <dd>
              {t('careMap.card.bedsCell', { disponibles: figure(b.disponibles), fermes: figure(b.fermes) })}
              <br />
              <span className="muted">
                {t('careMap.card.source', { source: t(`careMap.source.${b.source}`) })} · {when(b.updatedAt, b.updatedExerciseTime)} · {b.updatedBy.name}
              </span>
            </dd>
          </div>
        ))}
      </dl>
      {accepted(props, 'careMap.setCapacity', { finess: e.finess, specialty: 'reanimation', disponibles: 0 }) && <CapacityForm {...props} />}
    </section>
  );
}

function CapacityForm({ establishment: e, send }: PanelProps) {
  const { t } = useT();
  const [specialty, setSpecialty] = useState<CareSpecialty>('reanimation');
  const [disponibles, setDisponibles] = useState('');
  const [fermes, setFermes] = useState('');
  const [ror, setRor] = useState(false);
  const { busy, feedback, setFeedback, run } = useCommand(send, { saved: t('careMap.form.saved') });
  const count = (text: string) => (text.trim() === '' ? undefined : Math.max(0, Math.round(Number(text))));
  return (
    <form
      className="cm-form"
      data-testid="capacity-form"
      onSubmit={async (ev) => {
        ev.preventDefault();
        const payload = { finess: e.finess, specialty, disponibles: count(disponibles), fermes: count(fermes), ...(ror ? { source: 'ror' as const } : {}) };
        if (payload.disponibles === undefined && payload.fermes === undefined) return setFeedback({ ok: false, text: t('careMap.form.noChange') });
        if (await run('careMap.setCapacity', payload)) {
          setDisponibles('');
          setFermes('');
        }
      }}
    >
      <h4>{t('careMap.form.capacity')}</h4>
      <div className="cm-row">
        <label>
          {t('careMap.form.specialty')}
          <select value={specialty} onChange={(ev) => setSpecialty(CareSpecialty.parse(ev.target.value))} data-testid="capacity-specialty">
            {CareSpecialty.options.map((s) => (
              <option key={s} value={s}>
                {t(`careMap.specialty.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('careMap.form.bedsAvailable')}
          <input type="number" min={0} value={disponibles} onChange={(ev) => setDisponibles(ev.target.value)} data-testid="capacity-disponibles" />
        </label>
        <label>
          {t('careMap.form.bedsClosed')}
          <input type="number" min={0} value={fermes} onChange={(ev) => setFermes(ev.target.value)} data-testid="capacity-fermes" />
        </label>
      </div>
      <label className="cm-check">
        <input type="checkbox" checked={ror} onChange={(ev) => setRor(ev.target.checked)} /> {t('careMap.form.fromRor')}
      </label>
      <button type="submit" disabled={busy} data-testid="capacity-save">
        {t('careMap.form.capacitySave')}
      </button>
      <Feedback feedback={feedback} />
    </form>
  );
}

/** Where each part of the record comes from: « source : FINESS (data.gouv.fr, 06/03/2020) », the SAE, the scenario, the room. */
export function SourcesSection({ establishment: e }: PanelProps) {
  const { t } = useT();
  const sources = referenceSources(e);
  const fields: ReferenceField[] = ['identite', 'position', 'activites'];
  return (
    <section data-testid="card-sources">
      <h4>{t('careMap.card.sources')}</h4>
      <dl className="cm-capacity">
        {fields.map((f) => (
          <div key={f} data-testid={`card-source-${f}`}>
            <dt>{t(`careMap.card.source.${f}`)}</dt>
            <dd>{t('careMap.card.source', { source: sources[f] })}</dd>
          </div>
        ))}
        <dt>{t('careMap.card.source.status')}</dt>
        <dd>{t('careMap.card.source', { source: t('careMap.card.source.statusValue') })}</dd>
      </dl>
    </section>
  );
}
