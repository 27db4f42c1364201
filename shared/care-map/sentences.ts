import { defineSentence } from '../core/sentence.js';
import { statusParts } from './describe.js';
import { basculeEnded, basculeSet, diversionAdded, diversionEnded, ghtAssigned, regionLoaded, statusChanged } from './events.js';
import type { CareMode } from './modes.js';
import { capacityUpdated } from './capacity.js';
import { debordementEnded, debordementSet } from './debordement.js';
import { capacityParts } from './describe.js';
import { planBlancDeclared, planBlancLifted } from './plan-blanc.js';
import { formatDue } from '../decisions/due.js';
import { dictGet } from '../core/dict.js';

/** The overall mode as a sentence says it (« passe en mode dégradé »). */
const modePhrases: Record<CareMode, string> = { normal: 'revient en fonctionnement normal', degrade: 'passe en mode dégradé', critique: 'passe en mode critique', arret: "est à l'arrêt" };

/** A GHT label as the scenario or the director wrote it, with « GHT » in front when it lacks it. */
const ghtSaid = (label: string) => (/^GHT\b/i.test(label) ? label : `GHT ${label}`);

/** The care offer's events in words: establishments by name, never by FINESS number. */
export const careMapSentences = [
  defineSentence(
    regionLoaded,
    (p) =>
      `Offre de soins chargée : ${p.finessIds.length} établissements, dont ${p.samuIds.length} SAMU${p.fictionalSites.length ? ` et ${p.fictionalSites.length} site(s) fictif(s) du scénario` : ''}`,
    { quiet: true },
  ),
  defineSentence(statusChanged, (p, c, event) => {
    const parts = statusParts({ ...p, mode: undefined });
    const name = c.establishment(p.finess);
    // The server applies a stimulus's effects on the care offer: said as a fact, not as someone's report.
    const bySystem = event.actor.kind === 'system';
    if (p.mode) {
      const said = `${bySystem ? name : `${c.who} signale que ${name}`} ${modePhrases[p.mode]}`;
      return parts.length ? `${said} ; ${parts.join(', ')}` : said;
    }
    return `${bySystem ? name : `${c.who} met à jour ${name}`} : ${parts.join(', ') || 'statut confirmé'}`;
  }),
  defineSentence(basculeSet, (p, c) => `${c.who} déclenche la bascule du 15 : les appels de ${c.establishment(p.samu)} sont pris par ${c.establishment(p.to)}`),
  defineSentence(basculeEnded, (p, c) => `${c.who} met fin à la bascule du 15 : ${c.establishment(p.samu)} reprend ses appels`),
  defineSentence(diversionAdded, (p, c) => `${c.who} organise un délestage (${p.patients}) de ${c.establishment(p.from)} vers ${c.establishment(p.to)}${p.note ? ` — ${p.note}` : ''}`),
  defineSentence(diversionEnded, (p, c) => {
    const ended = c.state.careMap.diversions.find((d) => d.id === p.id);
    return ended ? `${c.who} met fin au délestage (${ended.patients}) de ${c.establishment(ended.from)} vers ${c.establishment(ended.to)}` : `${c.who} met fin à un délestage`;
  }),
  defineSentence(ghtAssigned, (p, c, e) => {
    const name = c.establishment(p.finess);
    // At the room's creation the scenario's memberships are written by the server: said as facts.
    if (e.actor.kind === 'system') return p.ght === null ? `${name} n'est rattaché à aucun GHT` : `${name} fait partie du ${ghtSaid(p.ght)}`;
    return p.ght === null ? `${c.who} retire ${name} de son GHT` : `${c.who} rattache ${name} au ${ghtSaid(p.ght)}`;
  }),
  defineSentence(planBlancDeclared, (p, c, e) => {
    const name = c.establishment(p.finess);
    const note = p.note ? ` — ${p.note}` : '';
    // A scenario's plan blanc in force at T0 is written by the server: said as a fact.
    return e.actor.kind === 'system' ? `${name} est en plan blanc${note}` : `${c.who} enregistre le déclenchement du plan blanc de ${name}${note}`;
  }),
  defineSentence(planBlancLifted, (p, c) => `${c.who} enregistre la levée du plan blanc de ${c.establishment(p.finess)}`),
  defineSentence(debordementSet, (p, c) => {
    const changed = dictGet(c.state.careMap.debordements, p.samu) !== undefined;
    const what = `les appels non décrochés de ${c.establishment(p.samu)} débordent vers ${c.establishment(p.to)}, fin prévue ${formatDue(p.plannedEnd)}`;
    return `${c.who} ${changed ? 'modifie le débordement du 15' : 'déclenche un débordement du 15'} : ${what}`;
  }),
  defineSentence(debordementEnded, (p, c) => `${c.who} met fin au débordement du 15 : ${c.establishment(p.samu)} reprend tous ses appels`),
  defineSentence(capacityUpdated, (p, c, e) => {
    const name = c.establishment(p.finess);
    return `${e.actor.kind === 'system' ? name : `${c.who} met à jour ${name}`} : ${capacityParts(p)}`;
  }),
];
