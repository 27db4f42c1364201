import { formatExerciseTime } from '../exercise/clock.js';
import { parisTime } from '../decisions/due.js';
import { deadlineStatusLabels } from './deadline-status.js';
import type { CriterionTick } from './criteria.js';
import type { RetexReport } from './report.js';

const t = (ms: number | null) => (ms === null ? '—' : `T+${formatExerciseTime(ms)}`);
const cellText = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** `T+00:04:10 (14:05 heure de Paris), Éva Luatrice — Alerter la Préfecture, après FINEX`: both clocks, said. */
export function tickText(tick: CriterionTick): string {
  const what = [tick.action, tick.afterFinex ? 'coché après FINEX' : null].filter(Boolean).join(', ');
  return `${t(tick.exerciseTime)} (${parisTime(tick.wallTime)} heure de Paris), ${tick.by}${what ? ` — ${what}` : ''}`;
}

/**
 * The evaluation grid of the Markdown report: per objective its score (with who gave it and why), then one row
 * per criterion — ticks, deadline status, every evaluator comment with its author — then the observations.
 */
export function gridMarkdown(r: RetexReport): string[] {
  const out: string[] = ["## Grille d'évaluation", ''];
  for (const o of r.evaluation.objectives) {
    out.push(`### ${o.label} — ${o.score === null ? 'non noté' : `${o.score}/${r.evaluation.scale?.max ?? '?'}`}`);
    if (o.scoreComment) out.push('', o.scoredBy ? `${o.scoreComment} (${o.scoredBy})` : o.scoreComment);
    if (o.criteria.length) {
      out.push('', "| Critère | Échéance (heure d'exercice) | Coches (heure d'exercice, heure de Paris) | Délai | Commentaires |", '|---|---|---|---|---|');
      for (const c of o.criteria) {
        const measured = c.measure ? [`${c.measure.label} (mesure) : ${c.measure.at === null ? 'non atteinte' : t(c.measure.at)}`] : [];
        const ticks = [...measured, ...c.ticks.map(tickText)].join(' ; ') || '—';
        const comments = c.ticks.filter((k) => k.comment).map((k) => `${k.by} : ${k.comment}`);
        out.push(`| ${cellText(c.label)} | ${t(c.deadline)} | ${cellText(ticks)} | ${deadlineStatusLabels[c.status]} | ${cellText(comments.join(' ; ') || '—')} |`);
      }
    }
    if (o.observations.length) out.push('');
    for (const obs of o.observations) out.push(`- ${t(obs.exerciseTime)} ${obs.by} : ${obs.text}`);
    out.push('');
  }
  return out;
}
