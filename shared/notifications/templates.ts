/**
 * Ready-made French alert messages (the cell edits them before sending). `{salle}`, `{emetteur}`,
 * `{destinataire}`, `{heure}` are filled with the room's facts; the cell completes the rest.
 */
export interface MessageTemplate {
  id: 'signalement' | 'alerte' | 'appui-cert' | 'info-prefecture';
  label: string;
  text: string;
  /** Actors the template suits first (suggested on their links). */
  suits: readonly string[];
}

export const messageTemplates: readonly MessageTemplate[] = [
  {
    id: 'signalement',
    label: "Signalement d'incident",
    suits: ['ars-astreinte', 'ars', 'cert-sante', 'cnil'],
    text: "Signalement d'incident de sécurité des systèmes d'information — {salle}.\nÉmetteur : {emetteur}. Constat à {heure}.\nNature : [rançongiciel / indisponibilité / fuite de données].\nPérimètre touché : [établissements, applications].\nImpact sur la prise en charge des patients : [urgences, SAMU, blocs].\nMesures prises : [mode dégradé, plan blanc, isolement du réseau].",
  },
  {
    id: 'alerte',
    label: 'Alerte',
    suits: ['corruss', 'hfds', 'samu-voisin', 'samu-secours', 'ars-direction-astreinte'],
    text: 'ALERTE — {salle}.\n{emetteur} alerte {destinataire} à {heure}.\nSituation : [résumé en deux lignes].\nOffre de soins touchée : [urgences fermées, bascule du 15].\nAttendu de votre part : [accusé de réception, appui, relais].\nContact de la cellule : [numéro de la cellule de crise].',
  },
  {
    id: 'appui-cert',
    label: "Demande d'appui CERT Santé",
    suits: ['cert-sante', 'anssi'],
    text: "Demande d'appui au CERT Santé — {salle}.\nÉtablissement touché : [nom, FINESS].\nDepuis : {heure}. Symptômes : [chiffrement, note de rançon, comptes compromis].\nSystèmes concernés : [DPI, PACS, messagerie, téléphonie].\nContact technique (hors messagerie compromise) : [nom, mobile].",
  },
  {
    id: 'info-prefecture',
    label: 'Information Préfecture',
    suits: ['prefecture'],
    text: "Information du Préfet — {salle}.\nL'ARS informe la préfecture à {heure} d'une cyberattaque touchant [établissements].\nConséquences : [urgences, SAMU, déprogrammations].\nMesures : [plan blanc, bascule du 15, renfort].\nProchain point de situation : [heure].",
  },
];

export interface TemplateFacts {
  roomTitle: string;
  sender: string;
  receiver: string;
  /** `14 h 05`, already written for the reader (which clock it is included). */
  time: string;
}

export function fillTemplate(template: Pick<MessageTemplate, 'text'>, facts: TemplateFacts): string {
  const values = new Map([
    ['salle', facts.roomTitle],
    ['emetteur', facts.sender],
    ['destinataire', facts.receiver],
    ['heure', facts.time],
  ]);
  return template.text.replace(/\{(salle|emetteur|destinataire|heure)\}/g, (_, key: string) => values.get(key) ?? '');
}

/** The templates to offer on a link to `receiver`, the suited ones first. */
export function templatesFor(receiver: string): MessageTemplate[] {
  return [...messageTemplates].sort((a, b) => Number(b.suits.includes(receiver)) - Number(a.suits.includes(receiver)));
}
