import type { Establishment } from '../../shared/care-map/establishment.js';
import { describeChange } from '../../shared/care-map/describe.js';
import type { SiteNames } from '../../shared/care-map/names.js';
import { canEditCareMap } from '../../shared/care-map/rules.js';
import { activeDiversions, affectedFunctions, historyOf } from '../../shared/care-map/selectors.js';
import { useT } from '../i18n/index.js';
import type { CareOfferProps } from './CareMapView.js';
import { BasculeForm, DiversionForm, GhtForm } from './OfferForms.js';
import { StatusForm } from './StatusForm.js';
import { DebordementForm } from './DebordementForm.js';
import { DebordementLine } from './DebordementLine.js';
import { PlanBlancSection, SourcesSection, SpecialisedFunctions, SpecialtyBeds } from './OfferPanel.js';
import { basculeTargets } from '../../shared/care-map/samu.js';
import { dictGet } from '../../shared/core/dict.js';
import { roomMoment, wallTimeLabel } from '../app/time.js';

export interface EstablishmentCardProps extends CareOfferProps {
  establishment: Establishment;
  establishments: readonly Establishment[];
  names: SiteNames;
  onClose(): void;
}

/** The card of one establishment: readable name and FINESS name, Samu code, status, functions, capacity, flows, history; edit forms for editors. */
export function EstablishmentCard(props: EstablishmentCardProps) {
  const { t, lang } = useT();
  const { establishment: e, state, names, me, send } = props;
  const { careMap } = state;
  const status = dictGet(careMap.statuses, e.finess);
  const samuCode = names.samuCode(e.finess);
  // Each with its clock: `T+01:30:00 · 09 h 30 (simulée)` in an exercise, `14:32 (heure réelle)` in a crisis.
  const when = (wall: number, exercise: number) => (state.room.mode === 'exercise' ? roomMoment(state, exercise, wall, { lang }) : wallTimeLabel(wall, { lang }));
  const outgoing = dictGet(careMap.bascules, e.finess);
  const incoming = Object.values(careMap.bascules).filter((b) => b.to === e.finess);
  const overflow = dictGet(careMap.debordements, e.finess);
  const overflowIn = Object.values(careMap.debordements).filter((d) => d.to === e.finess);
  const panel = { ...props, when };
  const isSamu = dictGet(careMap.samuIds, e.finess) !== undefined;
  const targets = isSamu
    ? Object.values(
        basculeTargets(
          e,
          props.establishments.filter((x) => dictGet(careMap.samuIds, x.finess)),
          props.region,
          names.samuCode,
        ),
      ).flat()
    : [];
  const diversions = activeDiversions(state, e.finess);
  const history = historyOf(state, e.finess);
  const ght = dictGet(careMap.ghts, e.finess);
  const edCapacity = status?.capacity.urgencesOuvertes;

  return (
    <aside className="cm-card" data-testid={`card-${e.finess}`} aria-label={names.name(e.finess)}>
      <header className="cm-card-head">
        <div>
          <h3 data-testid="card-name">{names.name(e.finess)}</h3>
          {samuCode && <p data-testid="card-samu">{t('careMap.card.samu', { code: samuCode })}</p>}
          <p className="muted" data-testid="card-finess-name">
            {t('careMap.card.finessName', { nom: e.nom })}
          </p>
          <p className="muted">
            {e.commune} ({e.departement}) · {t('careMap.card.finess', { finess: e.finess })} · {t(`careMap.kind.${e.kind}`)}
          </p>
          <p className="muted">
            {e.categorie}
            {e.layer === 'fictif' && ` · ${t('careMap.card.fictional')}`}
            {e.layer === 'national' && ` · ${t('careMap.card.national')}`}
            {e.geoPrecision === 'centroide_commune' && ` · ${t('careMap.card.centroid')}`}
          </p>
          <p className="muted">{ght ? t('careMap.card.ght', { ght }) : t('careMap.card.noGht')}</p>
        </div>
        <button type="button" className="link" onClick={props.onClose} aria-label={t('careMap.close')}>
          ✕
        </button>
      </header>

      <section>
        <h4>
          {t('careMap.card.status')}{' '}
          <span className={`cm-badge cm-badge-${status?.mode ?? 'normal'}`} data-testid="card-mode">
            {t(`careMap.mode.${status?.mode ?? 'normal'}`)}
          </span>
        </h4>
        {status ? (
          <p className="muted">{t('careMap.card.updated', { time: when(status.updatedAt, status.updatedExerciseTime), by: status.updatedBy.name })}</p>
        ) : (
          <p className="muted">{t('careMap.card.noStatus')}</p>
        )}
        {status && affectedFunctions(status).length > 0 ? (
          <ul className="cm-functions">
            {affectedFunctions(status).map(({ fn, mode: m }) => (
              <li key={fn}>
                <span className={`cm-badge cm-badge-${m}`}>{t(`careMap.mode.${m}`)}</span> {t(`careMap.fn.${fn}`)}
              </li>
            ))}
          </ul>
        ) : (
          status && <p className="muted">{t('careMap.card.allNormal')}</p>
        )}
        <dl className="cm-capacity">
          <dt>{t('careMap.card.urgences')}</dt>
          <dd>{edCapacity === true ? t('careMap.open') : edCapacity === false ? t('careMap.closed') : t('careMap.unknown')}</dd>
          <dt>{t('careMap.card.litsDisponibles')}</dt>
          <dd>{status?.capacity.litsDisponibles ?? t('careMap.unknown')}</dd>
          <dt>{t('careMap.card.litsFermes')}</dt>
          <dd>{status?.capacity.litsFermes ?? t('careMap.unknown')}</dd>
        </dl>
        {e.urgences && <p className="muted">{t('careMap.card.urgencesAutorisees', { type: e.urgencesType || 'GEN' })}</p>}
        {status?.situation && <p className="cm-situation">{status.situation}</p>}
      </section>

      <PlanBlancSection {...panel} />

      {(outgoing || incoming.length > 0 || overflow || overflowIn.length > 0 || diversions.length > 0) && (
        <section>
          {overflow && (
            <p>
              <DebordementLine d={overflow} state={state} names={names} serverNow={props.serverNow} when={when} />
            </p>
          )}
          {overflowIn.map((d) => (
            <p key={`o-${d.samu}`}>{t('careMap.debordement.from', { from: names.samu(d.samu) })}</p>
          ))}
          {outgoing && <p data-testid="card-bascule">{t('careMap.card.basculeTo', { to: names.samu(outgoing.to), time: when(outgoing.since, outgoing.sinceExerciseTime) })}</p>}
          {incoming.map((b) => (
            <p key={b.samu}>{t('careMap.card.basculeFrom', { from: names.samu(b.samu) })}</p>
          ))}
          {diversions.length > 0 && <h4>{t('careMap.card.diversions')}</h4>}
          <ul>
            {diversions.map((d) => (
              <li key={d.id} data-testid={`card-diversion-${d.id}`}>
                {names.name(d.from)} → {names.name(d.to)} ({d.patients}){d.note && ` — ${d.note}`}
                {d.flags.map((flag) => (
                  <strong key={flag} className="error">
                    {' '}
                    ⚠ {t(`careMap.flag.${flag}`)}
                  </strong>
                ))}
                {canEditCareMap(me) && (
                  <button type="button" className="link" onClick={() => send('careMap.endDiversion', { id: d.id })}>
                    {t('careMap.form.diversionEnd')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <SpecialisedFunctions {...panel} />
      <SpecialtyBeds {...panel} />

      {canEditCareMap(me) && (
        <section className="cm-edit">
          <StatusForm finess={e.finess} establishment={e} status={status} send={send} />
          {isSamu && <BasculeForm samu={e} careMap={careMap} establishments={props.establishments} region={props.region} names={names} send={send} />}
          {isSamu && <DebordementForm {...props} samu={e} targets={targets} names={names} />}
          <DiversionForm from={e} careMap={careMap} establishments={props.establishments} names={names} send={send} />
          <GhtForm key={ght ?? ''} finess={e.finess} current={ght} ghts={props.region.ghts} send={send} />
        </section>
      )}

      <SourcesSection {...panel} />

      <section>
        <h4>{t('careMap.card.history')}</h4>
        {history.length === 0 && <p className="muted">{t('careMap.card.noHistory')}</p>}
        <ol className="cm-history" data-testid="card-history">
          {history.map((c) => (
            <li key={c.seq}>
              <span className="muted">
                {when(c.wallTime, c.exerciseTime)} · {c.by.name}
              </span>
              <br />
              {describeChange(c, names.name, names.samu)}
            </li>
          ))}
        </ol>
      </section>
    </aside>
  );
}
