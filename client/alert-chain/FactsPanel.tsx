import type { ChainFact } from '../../shared/alert-chain/template.js';
import { knownFact } from '../../shared/alert-chain/state.js';
import { useT } from '../i18n/index.js';
import { roomMoment, tPlus } from '../app/time.js';
import type { SectionProps } from '../room/section.js';
import { RowCommand } from './RowCommand.js';

/**
 * The facts the chain is timed from (« Violation de données personnelles constatée »): when each became known,
 * or a button to record it now — shown exactly when the server would accept it (`useCan`).
 */
export function FactsPanel({ state, send }: Pick<SectionProps, 'state' | 'send'>) {
  const { t } = useT();
  const facts = state.alertChain.facts;
  if (facts.length === 0) return null;
  return (
    <section className="ac-facts" data-testid="alert-chain-facts">
      <strong>{t('alertChain.facts')}</strong>
      <ul>
        {facts.map((fact) => (
          <FactRow key={fact.id} state={state} send={send} fact={fact} />
        ))}
      </ul>
    </section>
  );
}

function FactRow({ state, send, fact }: Pick<SectionProps, 'state' | 'send'> & { fact: ChainFact }) {
  const { t, lang } = useT();
  const known = knownFact(state.alertChain, fact.id);
  return (
    <li data-testid={`fact-${fact.id}`} data-known={known ? 'true' : 'false'}>
      {fact.label} —{' '}
      {known ? <span title={roomMoment(state, known.exerciseTime, known.wallTime, { lang })}>{t('alertChain.fact.known', { time: tPlus(known.at) })}</span> : t('alertChain.fact.pending')}
      <RowCommand
        send={send}
        type="alertChain.recordFact"
        payload={{ fact: fact.id }}
        label={t('alertChain.action.recordFact', { fact: fact.label })}
        testId={`record-fact-${fact.id}`}
        hidden={Boolean(known)}
      />
    </li>
  );
}
