import { useEffect, useState } from 'react';
import { addPlanAction, planOf, readPlan, retexFragments } from '../../shared/retex/plan.js';
import type { DocSnapshot } from '../collab/room-doc-connection.js';
import { useRoomDoc } from '../collab/useRoomDoc.js';
import { LazyRichTextEditor } from '../collab-ui/LazyRichTextEditor.js';
import { useT } from '../i18n/index.js';
import type { Me } from '../room/section.js';
import { retexAccess } from '../../shared/retex/access.js';
import { useRoomProps } from '../room/room-context.js';

/** The plan's rows, read again on every change (local or remote). */
function usePlan(snapshot: DocSnapshot) {
  const [rows, setRows] = useState(() => readPlan(snapshot.doc));
  useEffect(() => {
    const plan = planOf(snapshot.doc);
    const update = () => setRows(readPlan(snapshot.doc));
    update();
    plan.observeDeep(update);
    return () => plan.unobserveDeep(update);
  }, [snapshot.doc]);
  return rows;
}

function PlanTable({ snapshot, editable }: { snapshot: DocSnapshot; editable: boolean }) {
  const { t } = useT();
  const rows = usePlan(snapshot);
  const [draft, setDraft] = useState({ action: '', owner: '', due: '' });
  const setField = (index: number, key: 'action' | 'owner' | 'due', value: string) => planOf(snapshot.doc).get(index)?.set(key, value);
  return (
    <table className="retex-table" data-testid="retex-plan">
      <thead>
        <tr>
          <th>{t('retex.plan.action')}</th>
          <th>{t('retex.plan.owner')}</th>
          <th>{t('retex.plan.due')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={row.id}>
            {(['action', 'owner', 'due'] as const).map((key) => (
              <td key={key}>
                {editable ? <input value={row[key]} type={key === 'due' ? 'date' : 'text'} onChange={(e) => setField(i, key, e.target.value)} aria-label={t(`retex.plan.${key}`)} /> : row[key]}
              </td>
            ))}
          </tr>
        ))}
        {editable && (
          <tr className="no-print">
            <td>
              <input value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} placeholder={t('retex.plan.action')} data-testid="plan-new-action" />
            </td>
            <td>
              <input value={draft.owner} onChange={(e) => setDraft({ ...draft, owner: e.target.value })} placeholder={t('retex.plan.owner')} data-testid="plan-new-owner" />
            </td>
            <td>
              <input type="date" value={draft.due} onChange={(e) => setDraft({ ...draft, due: e.target.value })} aria-label={t('retex.plan.due')} />
              <button
                disabled={!draft.action.trim()}
                data-testid="plan-add"
                onClick={() => {
                  addPlanAction(snapshot.doc, { id: crypto.randomUUID(), ...draft });
                  setDraft({ action: '', owner: '', due: '' });
                }}
              >
                {t('retex.plan.add')}
              </button>
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

/** Points forts, axes d'amélioration and plan d'actions: written together by the director and the evaluators. */
export function RetexPlan({ me }: { me: Me }) {
  const { t } = useT();
  const snapshot = useRoomDoc(me, 'retex');
  const editable = retexAccess(me, useRoomProps().state) === 'write';
  if (!snapshot) return null;
  return (
    <section className="retex-block" data-testid="retex-plan-section">
      <h3>{t('retex.strengths')}</h3>
      <LazyRichTextEditor snapshot={snapshot} me={me} field={retexFragments.strengths} editable={editable} label={t('retex.strengths')} testId="retex-strengths" />
      <h3>{t('retex.improvements')}</h3>
      <LazyRichTextEditor snapshot={snapshot} me={me} field={retexFragments.improvements} editable={editable} label={t('retex.improvements')} testId="retex-improvements" />
      <h3>{t('retex.plan')}</h3>
      <PlanTable snapshot={snapshot} editable={editable} />
    </section>
  );
}
