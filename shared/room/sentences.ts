import { defineSentence, listFr, quote } from '../core/sentence.js';
import { formatExerciseTime } from '../exercise/clock.js';
import { clockChanged, participantCheckedIn, roomAnnounced, roomCreated, roomRenamed } from './events.js';

/** The room's own events and its clock, in words (« Vitesse ×10 », « FINEX », never `speed` or `end`). */
export const roomSentences = [
  defineSentence(roomCreated, (p) => `Salle « ${p.title} » ouverte (${p.mode === 'crisis' ? 'crise réelle' : 'exercice'}), cellules : ${listFr(p.cells.map((c) => c.label))}`, {
    quiet: true,
  }),
  defineSentence(roomRenamed, (p, c) => `${c.who} renomme la salle « ${p.title} »`),
  defineSentence(roomAnnounced, (p, c) => (p.text ? `${c.who} annonce à toute la salle : ${quote(p.text)}` : `${c.who} retire l'annonce affichée en tête de salle`)),
  defineSentence(participantCheckedIn, (p, c) => `${p.name} (${p.cell ? c.cell(p.cell) : 'hors cellule'}) confirme sa présence`),
  defineSentence(clockChanged, (p, c, event) => {
    const crisis = c.state.room.mode === 'crisis';
    const at = `T+${formatExerciseTime(p.clock.anchorExercise)}`;
    switch (p.action) {
      case 'start':
        return crisis ? 'Crise ouverte : horloge démarrée (T0)' : "Exercice démarré (DEBEX), horloge d'exercice à T+00:00:00";
      case 'pause':
        return `${c.who} met l'exercice en pause à ${at}`;
      case 'resume':
        return `${c.who} reprend l'exercice à ${at}`;
      case 'speed':
        return `${c.who} règle la vitesse de l'horloge à ×${p.clock.speed}`;
      case 'jump':
        return `${c.who} ${p.clock.anchorExercise >= event.exerciseTime ? 'avance' : 'ramène'} l'horloge d'exercice à ${at}`;
      case 'end':
        return crisis ? `${c.who} clôt la crise à ${at}` : `FINEX : ${c.who} termine l'exercice à ${at}`;
    }
  }),
];
