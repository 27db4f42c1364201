import { laneLabels } from '../../shared/retex/timeline.js';
import type { RetexReport } from '../../shared/retex/report.js';
import { useT } from '../i18n/index.js';
import { tPlus } from '../app/time.js';
import { provenanceOf } from '../../shared/identity/identity.js';

const mins = (ms: number | null) => (ms === null ? '—' : `${Math.round(ms / 60_000)} min`);

export function Findings({ report }: { report: RetexReport }) {
  const { t } = useT();
  return (
    <section className="retex-block" data-testid="retex-findings">
      <h3>{t('retex.findings')}</h3>
      {report.suggestions.length === 0 ? (
        <p className="muted">{t('retex.noFindings')}</p>
      ) : (
        <ul>
          {report.suggestions.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function AlertChainTable({ report }: { report: RetexReport }) {
  const { t } = useT();
  return (
    <section className="retex-block">
      <h3>{t('retex.alertChain')}</h3>
      <table className="retex-table">
        <thead>
          <tr>
            <th>{t('retex.from')}</th>
            <th>{t('retex.to')}</th>
            <th>{t('retex.deadline')}</th>
            <th>{t('retex.alerted')}</th>
            <th>{t('retex.acknowledged')}</th>
            <th>{t('retex.late')}</th>
          </tr>
        </thead>
        <tbody>
          {report.alertChain.links.map((l) => (
            <tr key={l.linkId} className={l.late ? 'late' : ''}>
              <td>{l.fromLabel}</td>
              <td>{l.toLabel}</td>
              <td>{tPlus(l.deadlineAt)}</td>
              <td>{tPlus(l.alertedAt)}</td>
              <td>{tPlus(l.acknowledgedAt)}</td>
              <td>{l.late ? t('retex.yes') : t('retex.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function StimuliTable({ report }: { report: RetexReport }) {
  const { t } = useT();
  if (report.stimuli.length === 0) return null;
  return (
    <section className="retex-block">
      <h3>{t('retex.stimuli')}</h3>
      <table className="retex-table">
        <thead>
          <tr>
            <th>{t('retex.stimulus')}</th>
            <th>{t('retex.cell')}</th>
            <th>{t('retex.sent')}</th>
            <th>{t('retex.ackDelay')}</th>
            <th>{t('retex.actionDelay')}</th>
          </tr>
        </thead>
        <tbody>
          {report.stimuli.map((m) => (
            <tr key={`${m.stimulusId}/${m.cell}`} className={m.ackDelay === null ? 'late' : ''}>
              <td>
                {m.stimulusId} — {m.subject}
              </td>
              <td>{m.cell}</td>
              <td>{tPlus(m.injectedAt)}</td>
              <td>{mins(m.ackDelay)}</td>
              <td>{mins(m.actionDelay)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ScoresTable({ report }: { report: RetexReport }) {
  const { t } = useT();
  const { evaluation } = report;
  if (evaluation.objectives.length === 0) return null;
  return (
    <section className="retex-block" data-testid="retex-scores">
      <h3>{t('retex.scores')}</h3>
      <table className="retex-table">
        <thead>
          <tr>
            <th>{t('retex.objective')}</th>
            <th>{t('retex.score')}</th>
            <th>{t('retex.comments')}</th>
          </tr>
        </thead>
        <tbody>
          {evaluation.objectives.map((o) => (
            <tr key={o.id}>
              <td>{o.label}</td>
              <td data-testid={`retex-score-${o.id}`}>
                {o.score === null ? '—' : `${o.score}/${evaluation.scale?.max ?? '?'}`}
                {o.score !== null && evaluation.scale ? ` (${evaluation.scale.labels[o.score - evaluation.scale.min] ?? ''})` : ''}
              </td>
              <td>
                {o.scoreComment}
                {o.scoreComment && o.scoredBy ? ` (${o.scoredBy})` : ''}
                {o.observations.map((obs, i) => (
                  <div key={i} className="muted">
                    {tPlus(obs.exerciseTime)} {t('labelled', { label: obs.by, value: obs.text })}
                  </div>
                ))}
                {o.evidence.map((line, i) => (
                  <div key={`e${i}`} className="muted" data-testid={`retex-evidence-${o.id}`}>
                    {t('retex.evidence', { text: line })}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {evaluation.generalObservations.length > 0 && (
        <ul>
          {evaluation.generalObservations.map((o, i) => (
            <li key={i}>
              {tPlus(o.exerciseTime)} {t('labelled', { label: o.by, value: o.text })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Who acted, and who vouched for each name: a provider (signed in) or nobody (a name typed with a code). */
export function ParticipantsTable({ report }: { report: RetexReport }) {
  const { t, lang } = useT();
  return (
    <section className="retex-block retex-participants">
      <h3>{t('retex.participants')}</h3>
      <table className="retex-table" data-testid="retex-participants">
        <thead>
          <tr>
            <th>{t('retex.participantName')}</th>
            <th>{t('retex.participantRole')}</th>
            <th>{t('retex.participantIdentity')}</th>
            <th>{t('retex.participantActions')}</th>
          </tr>
        </thead>
        <tbody>
          {report.participants.map((p, i) => (
            <tr key={i}>
              <td>{p.name}</td>
              <td>{[p.role, p.cell].filter(Boolean).join(' · ')}</td>
              <td>{p.verified ? provenanceOf(p.verified, lang) : lang === 'fr' ? "nom saisi avec un code d'invitation" : 'name typed with an invitation code'}</td>
              <td>{p.events}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The chronology as text too: the chart is for reading, the table for the printed record. */
export function ChronologyTable({ report }: { report: RetexReport }) {
  const { t } = useT();
  return (
    <section className="retex-block retex-chronology">
      <h3>{t('retex.chronology')}</h3>
      <table className="retex-table">
        <thead>
          <tr>
            <th>{t('retex.time')}</th>
            <th>{t('retex.lane')}</th>
            <th>{t('retex.event')}</th>
            <th>{t('retex.by')}</th>
          </tr>
        </thead>
        <tbody>
          {report.timeline.map((i) => (
            <tr key={i.seq}>
              <td>{tPlus(i.exerciseTime)}</td>
              <td>{laneLabels[i.lane]}</td>
              <td>{i.label}</td>
              <td>{i.by}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
