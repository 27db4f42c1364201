import { useMemo } from 'react';
import { dueSaid, timeSaid } from '../../shared/sitrep/format.js';
import type { SitrepPoint } from '../../shared/sitrep/state.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { tPlus } from '../app/time.js';
import { useRegionData } from '../care-map/useRegionData.js';

const chainStatusKey = { a_alerter: 'alertChain.status.a_alerter', alerte: 'alertChain.status.alerte', accuse: 'alertChain.status.accuse' } as const;

/** The snapshot of a point: care offer, alert chain, decisions, actions, communication, next point — as frozen in the log. */
export function SitrepTables({ point, props }: { point: SitrepPoint; props: SectionProps }) {
  const { t } = useT();
  const { state } = props;
  const region = useRegionData(state.careMap.region);
  const names = useMemo(() => new Map(region.status === 'ready' ? region.data.establishments.map((e) => [e.finess, e.nom]) : []), [region]);
  const name = (finess: string, own: string | null) => names.get(finess) ?? own ?? finess;
  const cell = (id: string | null) => (id === null ? '—' : (state.room.cells.find((c) => c.id === id)?.label ?? id));
  const yes = (b: boolean) => (b ? t('sitrep.yes') : t('sitrep.no'));
  const s = point.snapshot;
  const mode = state.room.mode;
  return (
    <div className="sitrep-tables">
      <section data-testid="sitrep-care">
        <h4>{t('sitrep.careOffer')}</h4>
        <p>{t('sitrep.careFigures', { eds: s.careOffer.edsClosed, bascules: s.careOffer.bascules.length, diversions: s.careOffer.diversions.length, beds: s.careOffer.bedsLost })}</p>
        {s.careOffer.establishments.length === 0 ? (
          <p className="muted">{t('sitrep.noCare')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                {(['establishment', 'mode', 'functions', 'ed', 'beds', 'situation'] as const).map((c) => (
                  <th key={c} scope="col">
                    {t(`sitrep.col.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {s.careOffer.establishments.map((e) => (
                <tr key={e.finess}>
                  <td>{name(e.finess, e.name)}</td>
                  <td>{e.mode}</td>
                  <td>{e.functions.join(', ') || '—'}</td>
                  <td>{e.edClosed ? t('sitrep.edClosed') : t('sitrep.edOpen')}</td>
                  <td>{e.bedsClosed ?? '—'}</td>
                  <td>{e.situation || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {s.careOffer.bascules.length > 0 && (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('sitrep.col.bascule')}</th>
                <th scope="col">{t('sitrep.col.takenBy')}</th>
              </tr>
            </thead>
            <tbody>
              {s.careOffer.bascules.map((b) => (
                <tr key={b.samu}>
                  <td>{name(b.samu, b.samuName)}</td>
                  <td>{name(b.to, b.toName)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {s.careOffer.diversions.length > 0 && (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('sitrep.col.diversion')}</th>
                <th scope="col">{t('sitrep.col.from')}</th>
                <th scope="col">{t('sitrep.col.to')}</th>
              </tr>
            </thead>
            <tbody>
              {s.careOffer.diversions.map((d) => (
                <tr key={d.id}>
                  <td>{d.patients}</td>
                  <td>{name(d.from, d.fromName)}</td>
                  <td>{name(d.to, d.toName)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section data-testid="sitrep-chain">
        <h4>{t('sitrep.chain')}</h4>
        <p>{t('sitrep.chainFigures', { alerted: s.alertChain.alerted, actors: s.alertChain.actors, acknowledged: s.alertChain.acknowledged, late: s.alertChain.late })}</p>
        {s.alertChain.links.length > 0 && (
          <table className="data-table">
            <thead>
              <tr>
                {(['from', 'to', 'state', 'alerted', 'acknowledged', 'late'] as const).map((c) => (
                  <th key={c} scope="col">
                    {t(`sitrep.col.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {s.alertChain.links.map((l) => (
                <tr key={l.linkId} className={l.late ? 'warn-text' : ''}>
                  <td>{l.from}</td>
                  <td>{l.to}</td>
                  <td>{t(chainStatusKey[l.status])}</td>
                  <td>{tPlus(l.alertedAt, 'minutes')}</td>
                  <td>{tPlus(l.acknowledgedAt, 'minutes')}</td>
                  <td>{yes(l.late)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section data-testid="sitrep-decisions">
        <h4>{t('sitrep.decisions')}</h4>
        {s.decisions.since.length === 0 ? (
          <p className="muted">{t('sitrep.noDecision')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                {(['decision', 'cell', 'by', 'time'] as const).map((c) => (
                  <th key={c} scope="col">
                    {t(`sitrep.col.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {s.decisions.since.map((d) => (
                <tr key={d.id}>
                  <td>
                    {d.id} — {d.title}
                  </td>
                  <td>{cell(d.cell)}</td>
                  <td>{d.by}</td>
                  <td>{timeSaid(mode, d.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section data-testid="sitrep-actions">
        <h4>{t('sitrep.actions')}</h4>
        <p>{t('sitrep.actionFigures', { open: s.actions.open.length, overdue: s.actions.overdue })}</p>
        {s.actions.open.length > 0 && (
          <table className="data-table">
            <thead>
              <tr>
                {(['action', 'owner', 'status', 'due', 'late'] as const).map((c) => (
                  <th key={c} scope="col">
                    {t(`sitrep.col.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {s.actions.open.map((a) => (
                <tr key={a.id} className={a.overdue ? 'warn-text' : ''}>
                  <td>
                    {a.id} — {a.title}
                  </td>
                  <td>
                    {cell(a.ownerCell)}
                    {a.ownerName ? ` (${a.ownerName})` : ''}
                  </td>
                  <td>{a.status}</td>
                  <td>{a.due === null ? '—' : a.due.clock === 'exercise' ? tPlus(a.due.at, 'minutes') : timeSaid('crisis', { wallTime: a.due.at, exerciseTime: 0 })}</td>
                  <td>{yes(a.overdue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section data-testid="sitrep-comms">
        <h4>{t('sitrep.comms')}</h4>
        {s.comms.published.length === 0 ? (
          <p className="muted">{t('sitrep.noComms')}</p>
        ) : (
          <ul>
            {s.comms.published.map((m) => (
              <li key={`${m.draftId}-${m.number}`}>
                {m.title} (v{m.number})
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h4>{t('sitrep.next')}</h4>
        <p>{s.nextDueAt === null ? t('sitrep.noSchedule') : dueSaid(mode, state.clock, s.nextDueAt)}</p>
      </section>
    </div>
  );
}
