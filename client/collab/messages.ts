/** Messages shared by every collaborative document (main courante, drafts, RETEX plan). French is the reference. */
export const collabMessages = {
  fr: {
    'collab.paused': '{reason} Reconnexion automatique dans quelques secondes ; vos modifications sont conservées.',
    'collab.refused.title': 'Non transmis : le serveur a refusé',
    'collab.refused.resend': 'Renvoyer',
    'collab.refused.dismiss': 'Écarter',
  },
  en: {
    'collab.paused': '{reason} Reconnecting in a few seconds; your changes are kept.',
    'collab.refused.title': 'Not sent: refused by the server',
    'collab.refused.resend': 'Send again',
    'collab.refused.dismiss': 'Dismiss',
  },
};
