import * as Y from 'yjs';
import { fragmentToText } from '../comms/text.js';

/**
 * The collaborative part of the RETEX (Yjs document `retex`): points forts and axes d'amélioration as
 * rich text, and the plan d'actions as a list of rows (action, owner, due date), edited by the director
 * and the evaluators, read by everyone once the report is released.
 */
export const retexFragments = { strengths: 'points-forts', improvements: 'axes-amelioration' } as const;
export const retexPlanName = 'plan';

export interface PlanAction {
  id: string;
  action: string;
  owner: string;
  due: string;
}

export const planOf = (doc: Y.Doc): Y.Array<Y.Map<string>> => doc.getArray<Y.Map<string>>(retexPlanName);

export function readPlan(doc: Y.Doc): PlanAction[] {
  return planOf(doc)
    .toArray()
    .map((row) => ({ id: row.get('id') ?? '', action: row.get('action') ?? '', owner: row.get('owner') ?? '', due: row.get('due') ?? '' }));
}

export function addPlanAction(doc: Y.Doc, action: PlanAction): void {
  const row = new Y.Map<string>();
  doc.transact(() => {
    for (const [k, v] of Object.entries(action)) row.set(k, v);
    planOf(doc).push([row]);
  });
}

/** The RETEX document as plain text blocks, for the Markdown export and the archive reader. */
export function readRetexDoc(doc: Y.Doc): { strengths: string; improvements: string; plan: PlanAction[] } {
  return {
    strengths: fragmentToText(doc.getXmlFragment(retexFragments.strengths)),
    improvements: fragmentToText(doc.getXmlFragment(retexFragments.improvements)),
    plan: readPlan(doc),
  };
}
