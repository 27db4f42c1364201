import { useMemo, useState } from 'react';
import type { EntryView } from '../../shared/main-courante/doc.js';
import { facets, filterThreads, threadEntries, type EntryFilter } from '../../shared/main-courante/view.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { CollabStatus } from '../collab/CollabStatus.js';
import { EntryComposer } from './EntryComposer.js';
import { EntryFilters } from './EntryFilters.js';
import { EntryList } from './EntryList.js';
import { RefusedRecords } from './RefusedRecords.js';
import { useMainCourante } from './useMainCourante.js';
import { wallTimeLabel } from '../app/time.js';
import { VerificationCounts } from './VerificationCounts.js';
import './main-courante.css';

/** Rows rendered at once: a 10,000-entry main courante is searched whole but drawn a page at a time. */
const pageSize = 200;

/** The main courante: keyboard-first entry, then the entries newest first, with filters and full-text search. */
export function MainCouranteSection(props: SectionProps) {
  const { t, lang } = useT();
  const mc = useMainCourante(props);
  const [filter, setFilter] = useState<EntryFilter>({});
  const [correcting, setCorrecting] = useState<EntryView | null>(null);
  const [shown, setShown] = useState(pageSize);

  const threads = useMemo(() => threadEntries(mc.entries).reverse(), [mc.entries]);
  const matching = useMemo(() => filterThreads(threads, filter), [threads, filter]);
  const { authors, cells } = useMemo(() => facets(mc.entries), [mc.entries]);

  return (
    <div className="main-courante" data-testid="main-courante">
      <CollabStatus snapshot={mc.snapshot} offlineKey="mc.offline" connectingKey="mc.connecting" resyncedKey="mc.resynced" resentKey="mc.resent" />
      {mc.snapshot && <RefusedRecords refused={mc.snapshot.refused} onResend={mc.snapshot.resendRefused} onDismiss={mc.snapshot.dismissRefused} />}
      {mc.canWrite ? <EntryComposer state={props.state} correcting={correcting} onCancelCorrection={() => setCorrecting(null)} onAdd={mc.add} /> : <p className="muted">{t('mc.readOnly')}</p>}
      {props.state.mainCourante.significant.length > 0 && (
        <details className="mc-significant-list" data-testid="mc-significant-list">
          <summary>
            {t('mc.significantTitle')} ({props.state.mainCourante.significant.length})
          </summary>
          <ul>
            {props.state.mainCourante.significant.map((s) => (
              <li key={s.id}>
                <strong>{wallTimeLabel(s.authoredAt, { lang, seconds: true })}</strong> {t(`mc.type.${s.type}`)} — {s.text} <span className="muted">({s.author})</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      <VerificationCounts entries={mc.entries} onShowPending={() => setFilter({ ...filter, verification: 'a_verifier' })} />
      <EntryFilters filter={filter} onChange={setFilter} authors={authors} cells={cells} state={props.state} />
      <p className="muted" data-testid="mc-count">
        {t('mc.count', { shown: Math.min(shown, matching.length), total: mc.entries.length })}
      </p>
      <EntryList
        threads={matching.slice(0, shown)}
        state={props.state}
        me={props.me}
        canWrite={mc.canWrite}
        onCorrect={setCorrecting}
        onFlag={(e) => mc.flag(e.id)}
        onVerify={(e, status) => mc.verify(e.id, status)}
      />
      {matching.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + pageSize)}>
          {t('mc.more', { count: Math.min(pageSize, matching.length - shown) })}
        </button>
      )}
    </div>
  );
}
