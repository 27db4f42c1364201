import { useCallback, useState } from 'react';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { api, roomPath } from '../app/api.js';
import { useReport, useRoomEvents } from './useRetexData.js';
import { DecisionMeasuresTable } from '../decisions/MeasuresPanel.js';
import { AlertChainTable, ChronologyTable, Findings, ParticipantsTable, ScoresTable, StimuliTable } from './ReportTables.js';
import { ReplayPanel } from './ReplayPanel.js';
import { CriteriaTables } from './CriteriaTables.js';
import { CommsEvidence } from './CommsEvidence.js';
import { TimelineChart } from './TimelineChart.js';
import { RetexPlan } from './RetexPlan.js';
import './retex.css';
import { tPlus } from '../app/time.js';
import { exportsArchive, retexAccess } from '../../shared/retex/access.js';
import { useCan } from '../room/room-context.js';
import { ActionError, useCommand } from '../room/hooks/useCommand.js';
import { ConfirmButton } from '../room/ConfirmDialog.js';

/**
 * The RETEX: findings, measures, scores, the unified timeline and the replay; print-ready (the browser's
 * print gives the PDF) and exportable. Directors and evaluators always; others once the director opens it.
 */
export function RetexSection(props: SectionProps) {
  const { t } = useT();
  const { me, state, send } = props;
  const open = retexAccess(me, state) !== null;
  const releaseRefusal = useCan('retex.release', {});
  const { report } = useReport(me, open ? state.seq : null);
  const events = useRoomEvents(me, open ? state.seq : null);
  const [cursor, setCursor] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const release = useCommand(send);
  const onCursor = useCallback((x: number) => setCursor(x), []);

  if (!open)
    return (
      <p className="muted" data-testid="retex-closed">
        {t('retex.notReleased')}
      </p>
    );
  if (report.status === 'loading') return <p className="muted">{t('retex.loading')}</p>;
  if (report.status === 'error')
    return (
      <p role="alert" className="error">
        {report.message}
      </p>
    );
  const r = report.data;
  const exportFile = (path: string, name: string) => api.download(roomPath(me.roomId, path), { session: me, fallbackName: name }).catch((e: Error) => setError(e.message));

  return (
    <article className="retex" data-testid="retex-report">
      <header className="retex-head">
        <h2>{t('retex.title', { title: r.identity.title })}</h2>
        <p className="muted">
          {r.identity.mode === 'crisis' ? t('overview.mode.crisis') : t('overview.mode.exercise')}
          {r.identity.scenario ? ` — ${r.identity.scenario}` : ''} — {r.identity.cells.map((c) => c.label).join(', ')}
        </p>
        <div className="retex-actions no-print">
          <button onClick={() => print()} data-testid="retex-print">
            {t('retex.print')}
          </button>
          <button onClick={() => exportFile('report.md', 'retex.md')}>{t('retex.markdown')}</button>
          <button onClick={() => exportFile('measures.csv', 'mesures.csv')}>{t('retex.measuresCsv')}</button>
          <button onClick={() => exportFile('main-courante.csv', 'main-courante.csv')}>{t('retex.mainCouranteCsv')}</button>
          {exportsArchive(me) && <button onClick={() => exportFile('archive', 'archive.json')}>{t('retex.archive')}</button>}
          {releaseRefusal === null && (
            <ConfirmButton
              disabled={release.busy}
              testId="retex-release"
              text={() => ({
                title: t('retex.release.title'),
                lines: [
                  t('retex.release.what', { cells: r.identity.cells.map((c) => c.label).join(', ') }),
                  ...(state.clock.status === 'ended' ? [] : [t('retex.release.beforeEnd')]),
                  t('retex.release.irreversible'),
                ],
                confirm: t('retex.release'),
              })}
              onConfirm={() => void release.run('retex.release', {})}
            >
              {t('retex.release')}
            </ConfirmButton>
          )}
        </div>
        <ActionError error={error} />
        <ActionError error={release.error} />
      </header>
      <Findings report={r} />
      <RetexPlan me={me} />
      <section className="retex-block">
        <h3>{t('retex.timeline')}</h3>
        <TimelineChart items={r.timeline} cursor={cursor} />
      </section>
      <AlertChainTable report={r} />
      <StimuliTable report={r} />
      <ScoresTable report={r} />
      <CriteriaTables report={r} />
      <section className="retex-block" data-testid="retex-decisions">
        <h3>{t('decisions.measures.title')}</h3>
        <DecisionMeasuresTable measures={r.decisions} cells={r.identity.cells} />
      </section>
      <section className="retex-block">
        <h3>{t('retex.mainCourante')}</h3>
        <p>{t('retex.mainCouranteCounts', { entries: r.mainCourante.entries, decisions: r.mainCourante.decisions, significant: r.mainCourante.significant })}</p>
        <p data-testid="retex-verification">
          {t('retex.mainCouranteVerification', { verified: r.mainCourante.informations.verifiee, infirmed: r.mainCourante.informations.infirmee, pending: r.mainCourante.informations.a_verifier })}
        </p>
      </section>
      <CommsEvidence report={r} />
      <section className="retex-block" data-testid="retex-sitrep">
        <h3>{t('retex.sitrep')}</h3>
        <p>{t('retex.sitrepCounts', { opened: r.sitrep.opened, validated: r.sitrep.validated, late: r.sitrep.late, first: tPlus(r.sitrep.firstValidatedAt) })}</p>
      </section>
      {events.status === 'ready' && (
        <div className="no-print">
          <ReplayPanel props={props} events={events.data} timeline={r.timeline} onCursor={onCursor} />
        </div>
      )}
      <ParticipantsTable report={r} />
      <ChronologyTable report={r} />
    </article>
  );
}
