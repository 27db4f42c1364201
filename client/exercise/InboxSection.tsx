import { useState } from 'react';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { useTick } from '../room/hooks/useTick.js';
import { InboxItemCard } from './InboxItemCard.js';
import { can } from '../../shared/permissions.js';
import { awaitingAck, inboxNewestFirst } from './inbox.js';
import { defaultTriage, triageInbox } from './inbox-triage.js';
import { InboxTriageBar } from './InboxTriageBar.js';
import { useReadStimuli } from './read-stimuli.js';
import './exercise.css';
import { ChoiceSelect, cellChoices } from '../app/ChoiceSelect.js';

/**
 * Boîte des stimuli: what the simulated actors sent to the viewer's cell, newest first, triaged (view, channel,
 * search, assignment) and folded to one line per stimulus until opened, so that a busy hour stays readable.
 * Players act on what reached their cell; evaluators and observers read every cell's inbox.
 */
export function InboxSection(props: SectionProps) {
  const { t } = useT();
  useTick(15_000);
  const { state, me } = props;
  // Those who may act on stimuli see their own cell's; the others (evaluators, observers) read every cell's.
  const staff = !can(me, 'stimulus.acknowledge');
  const [cell, setCell] = useState<string>('');
  const [triage, setTriage] = useState(defaultTriage);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const { read, markRead } = useReadStimuli(me.sessionId);
  const all = inboxNewestFirst(state.exercise, staff ? cell || null : null);
  const { items, counts } = triageInbox(all, triage, { cell: staff ? null : (me.cell ?? null), sessionId: me.sessionId, read, open });
  const waiting = awaitingAck(state.exercise, me).length;
  const now = props.serverNow();
  const toggle = (id: string) => {
    markRead(id);
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  };

  return (
    <div className="exercise-inbox" data-testid="inbox">
      <div className="section-head">
        <h2>{t('exercise.inbox.title')}</h2>
        <span className="muted">{t('exercise.inbox.count', { count: all.length, waiting })}</span>
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
      {all.length > 0 && <InboxTriageBar triage={triage} counts={counts} onChange={setTriage} canFilterMine={!staff} />}
      {all.length === 0 ? (
        <p className="empty-state" data-testid="inbox-empty">
          {t(state.exercise.scenario ? 'exercise.inbox.empty' : 'exercise.noScenario')}
        </p>
      ) : items.length === 0 ? (
        <p className="empty-state" data-testid="inbox-none-in-view">
          {t('exercise.triage.noneInView')}
        </p>
      ) : (
        <div className="stimulus-list">
          {items.map((item) => (
            <InboxItemCard
              key={item.id}
              state={state}
              me={me}
              send={props.send}
              serverNow={props.serverNow}
              item={item}
              now={now}
              expanded={open.has(item.id)}
              read={read.has(item.id)}
              onToggle={() => toggle(item.id)}
            />
          ))}
        </div>
      )}
    </div>
  );
}
