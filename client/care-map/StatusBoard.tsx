import { useMemo } from 'react';
import { establishmentsWithFictional, regionalScope } from '../../shared/care-map/region.js';
import { affectedFunctions, displayModeOf, regionalSummary, sortedBySeverity } from '../../shared/care-map/selectors.js';
import { siteNames } from '../../shared/care-map/names.js';
import { specialtyTotals } from '../../shared/care-map/capacity.js';
import { dictHas } from '../../shared/core/dict.js';
import { useT } from '../i18n/index.js';
import { DebordementLine } from './DebordementLine.js';
import { roomMoment, wallTimeLabel } from '../app/time.js';
import type { CareOfferProps } from './CareMapView.js';

/**
 * The status board beside the map: the regional summary the Préfecture asks for (EDs closed, Samu in
 * bascule, beds lost by département) and the establishments with a reported status, worst first.
 */
export function StatusBoard({ state, region, onSelect, serverNow }: CareOfferProps) {
  const { t, lang } = useT();
  const when = (wall: number, exercise: number) => (state.room.mode === 'exercise' ? roomMoment(state, exercise, wall, { lang }) : wallTimeLabel(wall, { lang }));
  const establishments = useMemo(() => establishmentsWithFictional(region, state.careMap.fictionalSites), [region, state.careMap.fictionalSites]);
  const names = useMemo(() => siteNames(establishments), [establishments]);
  const scope = useMemo(() => regionalScope(establishments), [establishments]);
  const summary = regionalSummary(state, scope);
  const entries = sortedBySeverity(state, establishments);
  const totals = specialtyTotals(state, scope);
  const debordements = Object.values(state.careMap.debordements);
  const departementName = new Map(region.boundaries.departements.features.map((f) => [f.properties.code, f.properties.nom]));
  const lostBeds = Object.entries(summary.litsPerdusParDepartement).sort(([a], [b]) => a.localeCompare(b));
  const figures: Array<[string, number, string]> = [
    ['urgencesFermees', summary.urgencesFermees, 'careMap.board.urgencesFermees'],
    ['samuEnBascule', summary.samuEnBascule, 'careMap.board.samuEnBascule'],
    ['samuEnDebordement', summary.samuEnDebordement, 'careMap.board.samuEnDebordement'],
    ['plansBlancs', summary.plansBlancs, 'careMap.board.plansBlancs'],
    ['delestages', summary.delestagesEnCours, 'careMap.board.delestages'],
    ['degrades', summary.etablissementsDegrades, 'careMap.board.degrades'],
  ];

  return (
    <div className="cm-board" data-testid="status-board">
      <h3>{t('careMap.board.summary')}</h3>
      <div className="cm-figures">
        {figures.map(([id, value, key]) => (
          <div key={id} className={`cm-figure${value > 0 ? ' cm-figure-alert' : ''}`} data-testid={`summary-${id}`} data-value={value}>
            <span className="cm-figure-value">{value}</span>
            <span className="cm-figure-label">{t(key)}</span>
          </div>
        ))}
      </div>
      <h4>{t('careMap.board.litsPerdus')}</h4>
      {lostBeds.length === 0 ? (
        <p className="muted">{t('careMap.board.noLitsPerdus')}</p>
      ) : (
        <table className="cm-table" data-testid="summary-lits-perdus">
          <tbody>
            {lostBeds.map(([code, beds]) => (
              <tr key={code}>
                <td>
                  {departementName.get(code) ?? code} ({code})
                </td>
                <td className="cm-num">{beds}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>{t('careMap.board.specialties')}</h4>
      {totals.length === 0 ? (
        <p className="muted">{t('careMap.board.noSpecialties')}</p>
      ) : (
        <table className="cm-table" data-testid="summary-specialties">
          <tbody>
            {totals.map((s) => (
              <tr key={s.specialty} data-testid={`summary-specialty-${s.specialty}`}>
                <td>{t(`careMap.specialty.${s.specialty}`)}</td>
                <td className="cm-num">{t('careMap.board.specialtyRow', { disponibles: s.disponibles, fermes: s.fermes, count: s.etablissements })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {debordements.length > 0 && (
        <>
          <h4>{t('careMap.board.debordements')}</h4>
          <ul className="cm-bascules">
            {debordements.map((d) => (
              <li key={d.samu} data-testid={`board-debordement-${d.samu}`}>
                {names.samu(d.samu)} : <DebordementLine d={d} state={state} names={names} serverNow={serverNow} when={when} />
              </li>
            ))}
          </ul>
        </>
      )}
      {Object.values(state.careMap.bascules).length > 0 && (
        <>
          <h4>{t('careMap.board.bascules')}</h4>
          <ul className="cm-bascules">
            {Object.values(state.careMap.bascules).map((b) => (
              <li key={b.samu} data-testid={`board-bascule-${b.samu}`}>
                {names.samu(b.samu)} → {names.samu(b.to)}
                {b.flags.map((flag) => (
                  <strong key={flag} className="error">
                    {' '}
                    ⚠ {t(`careMap.flag.${flag}`)}
                  </strong>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('careMap.board.title')}</h3>
      {entries.length === 0 && <p className="muted">{t('careMap.board.empty')}</p>}
      <ol className="cm-entries">
        {entries.map(({ establishment: e, status }) => {
          const mode = displayModeOf(status);
          return (
            <li key={e.finess} data-testid={`board-entry-${e.finess}`} data-mode={mode}>
              <button type="button" className="link" onClick={() => onSelect?.(e.finess)}>
                {names.name(e.finess)}
              </button>{' '}
              <span className={`cm-badge cm-badge-${status.mode}`}>{t(`careMap.mode.${status.mode}`)}</span>
              {dictHas(state.careMap.plansBlancs, e.finess) && (
                <span className="cm-badge cm-plan-blanc" data-testid={`board-plan-blanc-${e.finess}`}>
                  {' '}
                  {t('careMap.planBlanc')}
                </span>
              )}
              <div className="muted">
                {e.commune} ({e.departement}){affectedFunctions(status).length > 0 && ' · '}
                {affectedFunctions(status)
                  .map(({ fn, mode: m }) => `${t(`careMap.fn.${fn}`)} : ${t(`careMap.mode.${m}`).toLowerCase()}`)
                  .join(', ')}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
