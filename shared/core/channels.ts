import { z } from 'zod';

/** How a message travels: used by stimuli (exercise) and by the alert chain's expected channel. */
export const Channel = z.enum(['mail', 'telephone', 'sms', 'presse', 'reseaux_sociaux', 'radio', 'portail']);
export type Channel = z.infer<typeof Channel>;

export const channelLabels: Record<Channel, string> = {
  mail: 'Courriel',
  telephone: 'Téléphone',
  sms: 'SMS',
  presse: 'Presse',
  reseaux_sociaux: 'Réseaux sociaux',
  radio: 'Radio',
  portail: 'Portail de signalement',
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
};
