import { careFunctionLabels, careModeLabels, type CareFunction, type CareMode } from './modes.js';
import type { CareChange } from './state.js';
import { basculeEnded, basculeSet, diversionAdded, diversionEnded, ghtAssigned, statusChanged } from './events.js';
import { capacityUpdated } from './capacity.js';
import { debordementEnded, debordementSet } from './debordement.js';
import { careSpecialtyLabels, dataSourceLabels, type CareSpecialty, type DataSource } from './offer.js';
import { planBlancDeclared, planBlancLifted } from './plan-blanc.js';
import { formatDue } from '../decisions/due.js';

type NameOf = (finess: string) => string;

interface StatusPayload {
  finess: string;
  mode?: CareMode;
  functions?: Partial<Record<CareFunction, CareMode>>;
  capacity?: { litsDisponibles?: number | null; litsFermes?: number | null; urgencesOuvertes?: boolean | null };
  situation?: string;
}

/** What a status change says, part by part (« mode dégradé », « Urgences : critique »…); empty: status confirmed. */
export function statusParts(p: Omit<StatusPayload, 'finess'>): string[] {
  const parts: string[] = [];
  if (p.mode) parts.push(careModeLabels[p.mode].toLowerCase());
  for (const [fn, mode] of Object.entries(p.functions ?? {}) as [CareFunction, CareMode][]) {
    parts.push(`${careFunctionLabels[fn]} : ${careModeLabels[mode].toLowerCase()}`);
  }
  const c = p.capacity ?? {};
  if (c.urgencesOuvertes === true) parts.push('accueil des urgences ouvert');
  if (c.urgencesOuvertes === false) parts.push('accueil des urgences fermé');
  if (typeof c.litsDisponibles === 'number') parts.push(`${c.litsDisponibles} lits disponibles`);
  if (typeof c.litsFermes === 'number') parts.push(`${c.litsFermes} lits fermés`);
  if (p.situation) parts.push(`situation : « ${p.situation} »`);
  return parts;
}

/** One specialty's figures in words: « lits de réanimation : 3 disponibles, 8 fermés (source : ROR…) ». */
export function capacityParts(p: { specialty: CareSpecialty; disponibles?: number | null | undefined; fermes?: number | null | undefined; source: DataSource }): string {
  const figure = (n: number | null | undefined, what: string) => (n === undefined ? null : n === null ? `${what} non renseignés` : `${n} ${what}`);
  const figures = [figure(p.disponibles, 'disponibles'), figure(p.fermes, 'fermés')].filter((f): f is string => f !== null);
  const label = careSpecialtyLabels[p.specialty];
  return `${label.charAt(0).toLowerCase()}${label.slice(1)} : ${figures.join(', ')} (source : ${dataSourceLabels[p.source]})`;
}

function describeStatus(p: StatusPayload, nameOf: NameOf): string {
  return `${nameOf(p.finess)} — ${statusParts(p).join(', ') || 'statut confirmé'}`;
}

/**
 * One line of French describing a care-offer change, for the establishment card, the main courante
 * and the RETEX. `nameOf` turns a FINESS number into a readable name; `samuOf` names the Samu of a bascule
 * (« SAMU 76A – … », `SiteNames.samu`), `nameOf` when not given.
 */
export function describeChange(change: CareChange, nameOf: NameOf, samuOf: NameOf = nameOf): string {
  if (statusChanged.is(change)) return describeStatus(change.payload, nameOf);
  if (basculeSet.is(change)) return `Bascule du 15 : les appels du ${samuOf(change.payload.samu)} sont pris par le ${samuOf(change.payload.to)}`;
  if (basculeEnded.is(change)) return `Fin de bascule : le ${samuOf(change.payload.samu)} reprend ses appels`;
  if (diversionAdded.is(change)) {
    const { patients, from, to, note } = change.payload;
    return `Délestage (${patients}) : ${nameOf(from)} → ${nameOf(to)}${note ? ` — ${note}` : ''}`;
  }
  if (diversionEnded.is(change)) {
    return change.finess.length === 2 ? `Fin du délestage ${nameOf(change.finess[0] ?? '')} → ${nameOf(change.finess[1] ?? '')}` : `Fin du délestage ${change.payload.id}`;
  }
  if (planBlancDeclared.is(change)) return `Plan blanc déclenché : ${nameOf(change.payload.finess)}${change.payload.note ? ` — ${change.payload.note}` : ''}`;
  if (planBlancLifted.is(change)) return `Plan blanc levé : ${nameOf(change.payload.finess)}`;
  if (debordementSet.is(change)) {
    const { samu, to, plannedEnd } = change.payload;
    return `Débordement du 15 : les appels non décrochés du ${samuOf(samu)} débordent vers le ${samuOf(to)}, fin prévue ${formatDue(plannedEnd)}`;
  }
  if (debordementEnded.is(change)) return `Fin du débordement : le ${samuOf(change.payload.samu)} reprend tous ses appels`;
  if (capacityUpdated.is(change)) return `${nameOf(change.payload.finess)} — ${capacityParts(change.payload)}`;
  if (ghtAssigned.is(change)) {
    const { finess, ght } = change.payload;
    return ght === null ? `${nameOf(finess)} : rattachement GHT retiré` : `${nameOf(finess)} rattaché au GHT ${ght}`;
  }
  return change.type;
}
