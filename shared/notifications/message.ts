import { formatExerciseTime } from '../exercise/clock.js';
import type { RoomMode } from '../room/state.js';
import { exerciseBanner } from './state.js';

/**
 * The texts of an outbound alert, built the same way for the real outbox (server) and for the simulated outbox
 * and the preview (client), so that what the animation sees is exactly what would have left.
 */
export interface AlertMessageFacts {
  roomTitle: string;
  mode: RoomMode;
  /** `ARS — cellule régionale de crise → CORRUSS — centre de crises sanitaires`. */
  linkLabel: string;
  /** The receiver's label. */
  receiver: string;
  message: string;
  sender: string;
  wallTime: number;
  exerciseTime: number;
  /** The one-click acknowledgement link (`PUBLIC_URL/ack/<token>`). */
  ackUrl: string;
  /** Exercise message (real test or simulated): the EXERCICE banner heads subject and text. */
  exercise: boolean;
}

export const subjectPrefix = '[ALERTE ORSAN]';
export const smsMaxLength = 306;

const parisFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });

/** `02/12/2026 14:05 (heure de Paris)`, plus `T+00:42:10` in an exercise: which clock, always said. */
export function whenText(f: Pick<AlertMessageFacts, 'wallTime' | 'exerciseTime' | 'mode'>): string {
  const wall = `${parisFormat.format(new Date(f.wallTime))} (heure de Paris)`;
  return f.mode === 'exercise' ? `${wall}, T+${formatExerciseTime(f.exerciseTime)} (heure d'exercice)` : wall;
}

export function mailSubject(f: AlertMessageFacts): string {
  const subject = `${subjectPrefix} ${f.roomTitle} — ${f.linkLabel}`;
  return f.exercise ? `${exerciseBanner} ${subject}` : subject;
}

export function mailText(f: AlertMessageFacts): string {
  const lines = [
    ...(f.exercise ? [exerciseBanner, 'Ce message est envoyé dans le cadre d’un exercice.', ''] : []),
    `Alerte de la salle de crise « ${f.roomTitle} »`,
    `Pour : ${f.receiver}`,
    `De : ${f.sender}`,
    `Le : ${whenText(f)}`,
    '',
    f.message,
    '',
    'Accusez réception en un clic (aucun compte nécessaire) :',
    f.ackUrl,
    '',
    'Sans accusé de réception, l’alerte sera portée au contact suivant de l’annuaire de crise.',
    ...(f.exercise ? ['', exerciseBanner] : []),
  ];
  return lines.join('\n');
}

/** The SMS: banner, prefix, message cut to fit, link; never more than {@link smsMaxLength} characters. */
export function smsText(f: AlertMessageFacts): string {
  const title = f.roomTitle.length > 60 ? `${f.roomTitle.slice(0, 59)}…` : f.roomTitle;
  const head = `${f.exercise ? `${exerciseBanner} ` : ''}${subjectPrefix} ${title} : `;
  const tail = ` Accuser réception : ${f.ackUrl}`;
  const room = smsMaxLength - head.length - tail.length;
  const message = f.message.replace(/\s+/g, ' ').trim();
  const body = room <= 1 ? '' : message.length <= room ? message : `${message.slice(0, room - 1)}…`;
  return `${head}${body}${tail}`.slice(0, smsMaxLength);
}
