import { z } from 'zod';

const channelValues = ['mail', 'telephone', 'sms', 'presse', 'reseaux_sociaux', 'radio', 'portail', 'visio', 'note'] as const;

/**
 * How a message travels: used by stimuli (exercise) and by the alert chain's expected and fallback channels.
 * `visio`: a video call; `note`: a written note handed over in the room (or by runner), outside any messaging.
 * A refused value is named, with every accepted one, in French: the command's refusal and the scenario check say the same.
 */
export const Channel = z.enum(channelValues, {
  error: (issue) => (typeof issue.input === 'string' ? `canal « ${issue.input.slice(0, 60)} » inconnu, attendu : ${channelValues.join(', ')}` : `canal attendu : ${channelValues.join(', ')}`),
});
export type Channel = z.infer<typeof Channel>;

export const channelLabels: Record<Channel, string> = {
  mail: 'Courriel',
  telephone: 'Téléphone',
  sms: 'SMS',
  presse: 'Presse',
  reseaux_sociaux: 'Réseaux sociaux',
  radio: 'Radio',
  portail: 'Portail de signalement',
  visio: 'Visioconférence',
  note: 'Note écrite',
};

/** How a sentence says the channel a message went by: « alerte la Préfecture par téléphone ». */
export const channelPhrases: Record<Channel, string> = {
  mail: 'par courriel',
  telephone: 'par téléphone',
  sms: 'par SMS',
  presse: 'par la presse',
  reseaux_sociaux: 'sur les réseaux sociaux',
  radio: 'à la radio',
  portail: 'par le portail de signalement',
  visio: 'en visioconférence',
  note: 'par une note écrite',
};
