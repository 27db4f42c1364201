import { describe, expect, it } from 'vitest';
import { observerKitPublished } from '../../shared/exercise/stimuli-events.js';
import { actionObserved } from '../../shared/exercise/evaluation.js';
import { buildReport } from '../../shared/retex/report.js';
import { append, observer, pureRoom } from '../alert-chain/harness.js';

describe('RETEX per objective', () => {
  it('an expected action serving two objectives (« O1,O2 » in the sheet) counts for both', () => {
    const room = pureRoom();
    const objectives = ['alerte', 'communication', 'offre-soins'].map((id) => ({ id, label: id, description: id }));
    const observerKit = { instructions: '…', scale: { min: 1, max: 4, labels: ['1', '2', '3', '4'] }, grid: [{ objectiveId: 'alerte', criteria: [{ id: 'c1', label: 'vu' }] }] };
    const expectedActions = [
      { id: 'S1-r1', stimulusId: 'S1', label: 'Alerter le préfet', criterion: 'préfet alerté', objective: 'alerte', objectiveIds: ['alerte', 'communication'] },
      { id: 'S2-r1', stimulusId: 'S2', label: 'Bascule', criterion: 'bascule faite', objective: 'offre-soins' },
    ];
    append(room, [observerKitPublished.draft({ observerKit, objectives, expectedActions }, 'staff')], observer);
    append(room, [actionObserved.draft({ stimulusId: 'S1', actionId: 'S1-r1', comment: '' }, 'staff')], observer);
    const report = buildReport(room.state, room.events);
    expect(Object.fromEntries(report.evaluation.objectives.map((o) => [o.id, o.observedActions]))).toEqual({ alerte: 1, communication: 1, 'offre-soins': 0 });
  });
});
