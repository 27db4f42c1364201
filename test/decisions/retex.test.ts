import { describe, expect, it } from 'vitest';
import { systemActor } from '../../shared/core/roles.js';
import { overdueActionDrafts } from '../../shared/decisions/overdue.js';
import { buildReport } from '../../shared/retex/report.js';
import { reportToMarkdown } from '../../shared/retex/report-markdown.js';
import { append, ars, minutes, prefecture, pureRoom, run } from '../alert-chain/harness.js';

describe('decisions and actions in the RETEX', () => {
  it('reports the measures, the findings, the chronology in French and the Markdown table', () => {
    const room = pureRoom();
    room.exerciseTime = minutes(8);
    run(room, ars, 'decision.record', {
      title: 'Plan blanc',
      rationale: 'SIH indisponible.',
      actions: [
        { title: 'Ouvrir la cellule', ownerCell: 'ars', dueAt: minutes(20) },
        { title: 'Informer le COD', ownerCell: 'prefecture', dueAt: minutes(30) },
      ],
    });
    room.exerciseTime = minutes(40);
    append(room, overdueActionDrafts(room.state, { exerciseTime: room.exerciseTime, wallTime: 0 }), systemActor);
    run(room, prefecture, 'action.setStatus', { id: 'A2', status: 'faite' });
    const report = buildReport(room.state, room.events);
    expect(report.decisions).toMatchObject({ decisions: 1, timeToFirstDecision: minutes(8), openOverdue: 1 });
    expect(report.decisions.byCell.find((c) => c.cell === 'prefecture')).toMatchObject({ doneLate: 1 });
    expect(report.suggestions).toContain("ARS : 1 action(s) toujours ouverte(s) après l'échéance.");
    expect(report.suggestions).toContain("Préfecture : 1 action(s) terminée(s) après l'échéance.");
    const lines = report.timeline.filter((i) => i.lane === 'decisions').map((i) => i.label);
    expect(lines).toEqual([
      'Cadre ARS (ARS) décide : « Plan blanc » — motif : « SIH indisponible. » ; 2 action(s) en découle(nt)',
      "Cadre ARS (ARS) confie l'action « Ouvrir la cellule » à ARS, échéance T+00:20:00",
      "Cadre ARS (ARS) confie l'action « Informer le COD » à Préfecture, échéance T+00:30:00",
      "L'action « Ouvrir la cellule » (ARS) est en retard : échéance T+00:20:00 dépassée",
      "L'action « Informer le COD » (Préfecture) est en retard : échéance T+00:30:00 dépassée",
      "SIDPC (Préfecture) marque l'action « Informer le COD » comme faite",
    ]);
    const md = reportToMarkdown(report);
    expect(md).toContain('## Décisions et actions');
    expect(md).toContain('1 décision (première : 8 min après T0), 2 actions, 1 ouverte en retard.');
    expect(md).toContain('| Préfecture | 1 | 0 | 1 | 0 | 0 | 0 |');
  });
});
