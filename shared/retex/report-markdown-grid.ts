import { formatExerciseTime } from '../exercise/clock.js';
import { parisTime } from '../decisions/due.js';
import { deadlineStatusLabels } from './deadline-status.js';
import type { CriterionTick } from './criteria.js';
import type { RetexReport } from './report.js';
import { jointProductFinding } from './comms-evidence.js';
import { channelLabels } from '../core/channels.js';
import { durationText } from '../core/durations.js';

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
    if (o.observations.length || o.evidence.length) out.push('');
    for (const obs of o.observations) out.push(`- ${t(obs.exerciseTime)} ${obs.by} : ${obs.text}`);
    for (const line of o.evidence) out.push(`- Preuve : ${line}`);
    out.push('');
  }
  return out;
}

/** Public communication in the Markdown report: the joint products, then the rumours log with its delays. */
export function commsMarkdown(r: RetexReport): string[] {
  const out: string[] = ['## Communication : produits conjoints et rumeurs', ''];
  const { jointProducts, rumours } = r.comms;
  if (jointProducts.length === 0) out.push('Aucun texte validé conjointement par l’ARS et la Préfecture.');
  for (const p of jointProducts) out.push(`- ${jointProductFinding(p)}`);
  out.push('');
  if (rumours.length === 0) return [...out, 'Aucune rumeur relevée.', ''];
  out.push("| Rumeur | Vue (heure d'exercice) | Démentie (heure d'exercice) | Délai | Démenti |", '|---|---|---|---|---|');
  for (const x of rumours) {
    const delay = x.delay === null ? 'jamais démentie' : durationText(Math.round(x.delay / 60_000));
    out.push(`| ${cellText(x.text)} (${channelLabels[x.channel]}) | ${t(x.seenExerciseTime)} | ${t(x.deniedExerciseTime)} | ${delay} | ${cellText(x.denial ?? '—')} |`);
  }
  return [...out, ''];
}
