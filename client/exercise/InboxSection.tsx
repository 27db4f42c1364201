import { useState } from 'react';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { useTick } from '../room/hooks/useTick.js';
import { InboxItemCard } from './InboxItemCard.js';
import { can } from '../../shared/permissions.js';
import { awaitingAck, inboxNewestFirst } from './inbox.js';
import './exercise.css';
import { ChoiceSelect, cellChoices } from '../app/ChoiceSelect.js';

/**
 * Boîte des stimuli: what the simulated actors sent to the viewer's cell, newest first.
 * Players act on what reached their cell; evaluators and observers read every cell's inbox.
 */
export function InboxSection(props: SectionProps) {
  const { t } = useT();
  useTick(15_000);
  const { state, me } = props;
  // Those who may act on stimuli see their own cell's; the others (evaluators, observers) read every cell's.
  const staff = !can(me, 'stimulus.acknowledge');
  const [cell, setCell] = useState<string>('');
  const items = inboxNewestFirst(state.exercise, staff ? cell || null : null);
  const waiting = awaitingAck(state.exercise, me).length;
  const now = props.serverNow();

  return (
    <div className="exercise-inbox" data-testid="inbox">
      <div className="section-head">
        <h2>{t('exercise.inbox.title')}</h2>
        <span className="muted">{t('exercise.inbox.count', { count: items.length, waiting })}</span>
        {staff && (
          <ChoiceSelect
            className="inline-label"
            label={t('exercise.inbox.cellFilter')}
            value={cell}
            onChange={setCell}
            empty={t('exercise.inbox.allCells')}
            choices={cellChoices(state.room.cells)}
            testId="inbox-cell-filter"
          />
        )}
      </div>
      {staff && <p className="muted small">{t('exercise.inbox.readOnly')}</p>}
      {items.length === 0 ? (
        <p className="empty-state" data-testid="inbox-empty">
          {t(state.exercise.scenario ? 'exercise.inbox.empty' : 'exercise.noScenario')}
        </p>
      ) : (
        <div className="stimulus-list">
          {items.map((item) => (
            <InboxItemCard key={item.id} state={state} me={me} send={props.send} item={item} now={now} />
          ))}
        </div>
      )}
    </div>
  );
}
