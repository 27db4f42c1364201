import { defineSentence } from '../core/sentence.js';
import { contactRemoved, contactSaved, directoryLoaded } from './events.js';

/**
 * The crisis directory in words. Names and the actor they answer for only: phones and e-mails never leave the
 * directory, and an archive's redacted payload is said as such.
 */
export const directorySentences = [
  defineSentence(directoryLoaded, (p) =>
    'redacted' in p ? "Annuaire de crise chargé (données personnelles retirées de l'archive)" : `Annuaire de crise chargé : ${p.contacts.length} contact(s)${p.file ? ` (fichier ${p.file})` : ''}`,
  ),
  defineSentence(contactSaved, (p, c) =>
    'redacted' in p
      ? `${c.who} enregistre un contact de l'annuaire de crise (données personnelles retirées)`
      : `${c.who} enregistre ${p.contact.name} dans l'annuaire de crise, pour ${c.chainActor(p.contact.actor)}`,
  ),
  defineSentence(contactRemoved, (p, c) => {
    if ('redacted' in p) return `${c.who} retire un contact de l'annuaire de crise (données personnelles retirées)`;
    const contact = c.state.directory.contacts.find((x) => x.id === p.id);
    return `${c.who} retire ${contact ? contact.name : 'un contact'} de l'annuaire de crise`;
  }),
];
