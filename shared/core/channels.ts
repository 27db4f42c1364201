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
