import { useState } from 'react';
import { formatExerciseTime } from '../../shared/exercise/clock.js';
import { alertChainMeasures } from '../../shared/alert-chain/measures.js';
import { api, roomPath } from '../app/api.js';
import { tPlus } from '../app/time.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';

const gap = (ms: number | null) => (ms === null ? '—' : `${ms > 0 ? '+' : ms < 0 ? '−' : ''}${formatExerciseTime(Math.abs(ms))}`);

/** Per actor: when it was alerted and acknowledged against its deadline, and the CSV export for the RETEX. */
export function MeasuresPanel({ state, me }: Pick<SectionProps, 'state' | 'me'>) {
  const { t } = useT();
  const [error, setError] = useState<string | null>(null);
  const { actors } = alertChainMeasures(state.alertChain);

  const download = async () => {
    setError(null);
    await api
      .download(roomPath(me.roomId, '/alert-chain/measures.csv'), { session: me, fallbackName: `chaine-alerte-${me.roomId}.csv` })
      .catch((e: Error) => setError(t('error.generic', { message: e.message })));
  };

  return (
    <details className="ac-measures" data-testid="alert-chain-measures">
      <summary>{t('alertChain.measures')}</summary>
      <table>
        <thead>
          <tr>
            <th>{t('alertChain.measures.actor')}</th>
            <th>{t('alertChain.measures.deadline')}</th>
            <th>{t('alertChain.measures.alerted')}</th>
            <th>{t('alertChain.measures.delay')}</th>
            <th>{t('alertChain.measures.acknowledged')}</th>
          </tr>
        </thead>
        <tbody>
          {actors.map((m) => (
            <tr key={m.actorId} className={m.late ? 'ac-late-row' : undefined}>
              <td>{m.label}</td>
              <td>{tPlus(m.deadlineAt)}</td>
              <td>{tPlus(m.alertedAt)}</td>
              <td>{gap(m.delay)}</td>
              <td>{tPlus(m.acknowledgedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button onClick={() => void download()} data-testid="alert-chain-export">
        {t('alertChain.measures.export')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </details>
  );
}
