import { formatExerciseTime } from '../exercise/clock.js';
import { countText } from '../core/plural.js';
import { laneLabels } from './timeline.js';
import type { RetexReport } from './report.js';
import type { PlanAction } from './plan.js';
import { firstDecisionText } from '../decisions/measures.js';
import { mobilisationLabels } from '../organisation/labels.js';
import { participantProvenance } from './participants.js';
import { commsMarkdown, gridMarkdown } from './report-markdown-grid.js';

const t = (ms: number | null) => (ms === null ? '—' : `T+${formatExerciseTime(ms)}`);
const cellText = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The RETEX report as Markdown, for wikis and mail. Same content as the HTML report. */
export function reportToMarkdown(r: RetexReport, written?: { strengths: string; improvements: string; plan: PlanAction[] }): string {
  const out: string[] = [];
  out.push(`# RETEX — ${r.identity.title}`, '');
  out.push(`- Mode : ${r.identity.mode === 'crisis' ? 'crise réelle' : 'exercice'}`);
  if (r.identity.scenario) out.push(`- Scénario : ${r.identity.scenario} (niveau ${r.identity.level})`);
  out.push(`- Cellules : ${r.identity.cells.map((c) => c.label).join(', ')}`, `- Durée couverte : ${t(r.span.start)} → ${t(r.span.end)}`, '');
  if (written) {
    out.push('## Points forts', '', written.strengths || '—', '', "## Axes d'amélioration", '', written.improvements || '—', '');
    out.push("## Plan d'actions", '', '| Action | Pilote | Échéance |', '|---|---|---|');
    for (const a of written.plan) out.push(`| ${cellText(a.action)} | ${cellText(a.owner)} | ${a.due} |`);
    out.push('');
  }
  out.push('## Constats', '', ...(r.suggestions.length ? r.suggestions.map((s) => `- ${s}`) : ['- Aucun écart relevé automatiquement.']), '');
  out.push("## Chaîne d'alerte", '', '| De | Vers | Délai attendu | Alerté | Accusé | En retard |', '|---|---|---|---|---|---|');
  for (const l of r.alertChain.links) out.push(`| ${cellText(l.fromLabel)} | ${cellText(l.toLabel)} | ${t(l.deadlineAt)} | ${t(l.alertedAt)} | ${t(l.acknowledgedAt)} | ${l.late ? 'oui' : 'non'} |`);
  out.push('', '## Stimuli', '', '| Stimulus | Cellule | Envoyé | Accusé | Délai (min) | 1re action |', '|---|---|---|---|---|---|');
  for (const m of r.stimuli)
    out.push(
      `| ${m.stimulusId} — ${cellText(m.subject)} | ${m.cell} | ${t(m.injectedAt)} | ${t(m.acknowledgedAt)} | ${m.ackDelay === null ? '—' : Math.round(m.ackDelay / 60_000)} | ${t(m.firstActionAt)} |`,
    );
  out.push(
    '',
    '## Décisions et actions',
    '',
    `${countText(r.decisions.decisions, 'décision', 'décisions')} (première : ${firstDecisionText(r.decisions)}), ${countText(r.decisions.actions, 'action', 'actions')}, ${countText(r.decisions.openOverdue, 'ouverte', 'ouvertes')} en retard.`,
    '',
  );
  out.push('| Cellule | Actions | Faites à temps | Faites en retard | Abandonnées | Ouvertes | Ouvertes en retard |', '|---|---|---|---|---|---|---|');
  for (const c of r.decisions.byCell)
    out.push(`| ${cellText(r.identity.cells.find((x) => x.id === c.cell)?.label ?? c.cell)} | ${c.total} | ${c.doneOnTime} | ${c.doneLate} | ${c.abandoned} | ${c.open} | ${c.openOverdue} |`);
  const o = r.organisation;
  out.push(
    '',
    '## Organisation de crise',
    '',
    `Mobilisation de l'ARS la plus haute : ${mobilisationLabels[o.highestLevel]}${o.levels.length ? ` (${o.levels.map((l) => `${mobilisationLabels[l.level]} à ${t(l.reachedAt)}`).join(', ')})` : ''} ; CRAPS activée : ${t(o.crapsActivatedAt)} ; COD ouvert : ${t(o.codOpenedAt)}.`,
  );
  out.push('', ...gridMarkdown(r));
  out.push(
    '## Main courante',
    '',
    `${countText(r.mainCourante.entries, 'entrée', 'entrées')}, dont ${countText(r.mainCourante.decisions, 'décision', 'décisions')} et ${countText(r.mainCourante.significant, 'événement significatif', 'événements significatifs')}.`,
    '',
    `Informations : ${countText(r.mainCourante.informations.verifiee, 'vérifiée', 'vérifiées')}, ${countText(r.mainCourante.informations.infirmee, 'infirmée', 'infirmées')}, ${countText(r.mainCourante.informations.a_verifier, 'restée à vérifier', 'restées à vérifier')}.`,
    '',
  );
  out.push(...commsMarkdown(r));
  const sitrep = r.sitrep;
  out.push('## Points de situation', '', `${sitrep.opened} ouvert(s), ${sitrep.validated} validé(s), ${sitrep.late} en retard ; premier point validé : ${t(sitrep.firstValidatedAt)}.`, '');
  out.push('## Participants', '', '| Nom | Rôle | Cellule | Identité | Actions |', '|---|---|---|---|---|');
  for (const p of r.participants) out.push(`| ${cellText(p.name)} | ${p.role ?? '—'} | ${p.cell ?? '—'} | ${cellText(participantProvenance(p))} | ${p.events} |`);
  out.push('');
  out.push('## Chronologie', '', '| Heure | Domaine | Événement | Par |', '|---|---|---|---|');
  for (const item of r.timeline) out.push(`| ${t(item.exerciseTime)} | ${laneLabels[item.lane]} | ${cellText(item.label)} | ${cellText(item.by)} |`);
  return `${out.join('\n')}\n`;
}
