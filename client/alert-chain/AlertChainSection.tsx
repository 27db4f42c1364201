import { useState } from 'react';
import { exerciseTimeAt } from '../../shared/exercise/clock.js';
import { acknowledgeRefusal, alertRefusal, editRefusal } from '../../shared/alert-chain/rules.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { ChainEditor } from './ChainEditor.js';
import { ChainGraph } from './ChainGraph.js';
import { LinkCard } from './LinkCard.js';
import { MeasuresPanel } from './MeasuresPanel.js';
import { FactsPanel } from './FactsPanel.js';
import { OutboxPanel } from '../notifications/OutboxPanel.js';
import { useTick } from '../room/hooks/useTick.js';
import { useNarrow } from './hooks.js';
import { linkViews, type LinkView } from './view-model.js';
import './alert-chain.css';

/** `''`: every link; `mine`: links this participant can act on now; otherwise an actor id. */
type Filter = string;

/**
 * The « Chaîne d'alerte » tab: the live board of who alerted whom. A graph on large screens, a list on
 * small ones (or on demand), both filtered by actor; every link carries its running timer and actions.
 */
export function AlertChainSection({ state, me, send, serverNow }: SectionProps) {
  const { t } = useT();
  useTick();
  const narrow = useNarrow();
  const [view, setView] = useState<'graph' | 'list'>('graph');
  const [filter, setFilter] = useState<Filter>('');
  const [selected, setSelected] = useState<string | null>(null);
  const chain = state.alertChain;
  if (!chain.defined) return <p className="muted">{t('alertChain.undefined')}</p>;

  const exerciseTime = exerciseTimeAt(state.clock, serverNow());
  const views = linkViews(chain, exerciseTime);
  const focus = (linkId: string): boolean => {
    const link = chain.links.find((l) => l.id === linkId);
    if (!link || filter === '') return true;
    if (filter === 'mine') return alertRefusal(state, me, link.id) === null || acknowledgeRefusal(state, me, link.id) === null;
    return link.from === filter || link.to === filter;
  };
  const showList = narrow || view === 'list';
  const card = (v: LinkView) => <LinkCard key={v.link.id} state={state} me={me} send={send} view={v} exerciseTime={exerciseTime} />;
  const selectedView = views.find((v) => v.link.id === selected);
  const listed = views.filter((v) => focus(v.link.id));

  return (
    <div className="ac-section" data-testid="alert-chain">
      <div className="ac-toolbar">
        {!narrow && (
          <div className="ac-toggle" role="group">
            <button aria-pressed={view === 'graph'} className={view === 'graph' ? '' : 'secondary'} data-testid="alert-chain-view-graph" onClick={() => setView('graph')}>
              {t('alertChain.view.graph')}
            </button>
            <button aria-pressed={view === 'list'} className={view === 'list' ? '' : 'secondary'} data-testid="alert-chain-view-list" onClick={() => setView('list')}>
              {t('alertChain.view.list')}
            </button>
          </div>
        )}
        <label className="ac-filter">
          {t('alertChain.filter')}
          <select value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="alert-chain-filter">
            <option value="">{t('alertChain.filter.all')}</option>
            <option value="mine">{t('alertChain.filter.mine')}</option>
            {chain.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FactsPanel state={state} send={send} />
      {showList ? (
        <div className="ac-list" data-testid="alert-chain-list">
          {listed.length === 0 ? <p className="muted">{t('alertChain.empty')}</p> : listed.map(card)}
        </div>
      ) : (
        <>
          <ChainGraph
            chain={chain}
            notifications={state.notifications}
            views={views}
            exerciseTime={exerciseTime}
            beforeStart={state.clock.status === 'not_started'}
            focus={focus}
            myCell={me.cell}
            selected={selected}
            onSelect={setSelected}
          />
          {selectedView ? card(selectedView) : <p className="muted">{t('alertChain.select')}</p>}
        </>
      )}
      {/* In a real crisis the director watches the real outbox here; in an exercise, the simulated one is in the animation console. */}
      {state.room.mode === 'crisis' && <OutboxPanel />}
      <MeasuresPanel state={state} me={me} />
      {editRefusal(state, me) === null && <ChainEditor state={state} send={send} />}
    </div>
  );
}
