import { useState } from 'react';
import { DraftKind, type DraftKind as Kind } from '../../shared/comms/draft.js';
import { writesSharedDocs } from '../../shared/comms/rules.js';
import { limits } from '../../shared/core/limits.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { DraftPanel } from './DraftPanel.js';
import { RumourLog } from './RumourLog.js';
import { jointPartiesLabel } from '../../shared/comms/joint.js';
import './comms.css';
import { refusalFor } from '../room/room-context.js';
import { ActionError, useCommand } from '../room/hooks/useCommand.js';

/** Public communication: the room's drafts, a form to open one, and the selected draft. */
export function CommsSection(props: SectionProps) {
  const { t } = useT();
  const { drafts, validatorCell } = props.state.comms;
  const [selected, setSelected] = useState<string | null>(null);
  const [kind, setKind] = useState<Kind>('communique_presse');
  const [title, setTitle] = useState('');
  const [joint, setJoint] = useState(false);
  const { run, error } = useCommand(props.send);
  const current = drafts.find((d) => d.id === selected) ?? drafts.at(-1) ?? null;
  const cellLabel = (id: string) => props.state.room.cells.find((c) => c.id === id)?.label ?? id;

  const create = async () => {
    if (await run('comms.createDraft', { kind, title, ...(joint ? { joint } : {}) })) {
      setTitle('');
      setJoint(false);
      setSelected(`d${drafts.length + 1}`);
    }
  };

  const mayChooseValidator = refusalFor(props, 'comms.setValidator') === null;
  const mayCreateJoint = refusalFor(props, 'comms.createDraft', { kind, title: 'x', joint: true }) === null;
  return (
    <div className="comms" data-testid="comms">
      <aside className="comms-list">
        <p className="muted">{t('comms.validator', { cell: cellLabel(validatorCell) })}</p>
        {mayChooseValidator && (
          <label>
            {t('comms.setValidator')}
            <select value={validatorCell} onChange={(e) => void props.send('comms.setValidator', { cell: e.target.value })} data-testid="comms-validator">
              {props.state.room.cells.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
        )}
        {drafts.length === 0 && <p className="muted">{t('comms.none')}</p>}
        <ul>
          {drafts.map((d) => (
            <li key={d.id}>
              <button className={`comms-item${d.id === current?.id ? ' comms-item-current' : ''}`} onClick={() => setSelected(d.id)} data-testid={`draft-${d.id}`}>
                <span>{d.title}</span>
                {d.joint && <span className="muted small">{t('comms.joint.badge')}</span>}
                <span className={`draft-status draft-status-${d.status}`}>{t(`comms.status.${d.status}`)}</span>
              </button>
            </li>
          ))}
        </ul>
        {writesSharedDocs(props.me, props.state) && (
          <form
            className="comms-new"
            onSubmit={(e) => {
              e.preventDefault();
              void create();
            }}
          >
            <h4>{t('comms.new')}</h4>
            <label>
              {t('comms.new.kind')}
              <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="comms-new-kind">
                {DraftKind.options.map((k) => (
                  <option key={k} value={k}>
                    {t(`comms.kind.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('comms.new.title')}
              <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={limits.maxTitleLength} data-testid="comms-new-title" />
            </label>
            {mayCreateJoint && (
              <label className="inline-check">
                <input type="checkbox" checked={joint} onChange={(e) => setJoint(e.target.checked)} data-testid="comms-new-joint" />
                {t('comms.joint.label', { parties: jointPartiesLabel })}
              </label>
            )}
            <button type="submit" disabled={!title.trim()} data-testid="comms-new-create">
              {t('comms.new.create')}
            </button>
          </form>
        )}
        <ActionError error={error} />
      </aside>
      <div className="comms-main">
        {current ? <DraftPanel key={current.id} draft={current} props={props} /> : <p className="muted">{t('comms.pick')}</p>}
        <RumourLog props={props} />
      </div>
    </div>
  );
}
