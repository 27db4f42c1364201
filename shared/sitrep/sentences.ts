import { defineSentence, quote } from '../core/sentence.js';
import { formatExerciseTime } from '../exercise/clock.js';
import { recipientLabels } from './format.js';
import { sitrepFrozen, sitrepLate, sitrepOpened, sitrepRejected, sitrepReminder, sitrepScheduleSet, sitrepSent, sitrepSubmitted, sitrepValidated, sitrepValidatorSet } from './events.js';

const at = (exerciseTime: number) => `T+${formatExerciseTime(exerciseTime)}`;

/** « toutes les 2 h », « toutes les 45 min », « toutes les 1 h 30 ». */
function everySaid(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `toutes les ${m} min`;
  return `toutes les ${h} h${m ? ` ${String(m).padStart(2, '0')}` : ''}`;
}

/** Points de situation in words: by number, recipients and cells by name, due times on the exercise clock. */
export const sitrepSentences = [
  defineSentence(sitrepOpened, (p, c) => `${c.who} ouvre le point de situation n° ${p.n}`),
  defineSentence(sitrepSubmitted, (p, c) => `${c.who} soumet le point de situation n° ${p.n} à validation`),
  defineSentence(sitrepValidated, (p, c) => `${c.who} valide le point de situation n° ${p.n}`),
  // The server freezes the point right after its validation: the chronology already tells it.
  defineSentence(sitrepFrozen, (p) => `Point de situation n° ${p.n} figé (synthèse et empreinte enregistrées)`, { quiet: true }),
  defineSentence(sitrepRejected, (p, c) => `${c.who} renvoie le point de situation n° ${p.n} en brouillon${p.reason.trim() ? ` : ${quote(p.reason)}` : ''}`),
  defineSentence(sitrepValidatorSet, (p, c, e) =>
    e.actor.kind === 'system' ? `${c.cell(p.cell)} valide les points de situation` : `${c.who} désigne ${c.cell(p.cell)} pour valider les points de situation`,
  ),
  defineSentence(sitrepScheduleSet, (p, c, e) => {
    const rhythm = `${everySaid(p.everyMinutes)} à partir de ${at(p.firstDueAt)}`;
    return e.actor.kind === 'system' ? `Points de situation attendus ${rhythm}` : `${c.who} fixe le rythme des points de situation : ${rhythm}`;
  }),
  defineSentence(sitrepReminder, (p) => `Rappel : un point de situation est attendu à ${at(p.dueAt)}`),
  defineSentence(sitrepLate, (p) => `Aucun point de situation validé à ${at(p.dueAt)} : point compté en retard`),
  defineSentence(sitrepSent, (p, c) => `${c.who} transmet le point de situation n° ${p.n} à ${recipientLabels[p.to]}`),
];
