import { careFunctionLabels, careModeLabels, type CareFunction, type CareMode } from './modes.js';
import type { CareChange } from './state.js';

type NameOf = (finess: string) => string;

interface StatusPayload {
  finess: string;
  mode?: CareMode;
  functions?: Partial<Record<CareFunction, CareMode>>;
  capacity?: { litsDisponibles?: number | null; litsFermes?: number | null; urgencesOuvertes?: boolean | null };
  situation?: string;
}

function describeStatus(p: StatusPayload, nameOf: NameOf): string {
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
  return `${nameOf(p.finess)} — ${parts.join(', ') || 'statut confirmé'}`;
}

/**
 * One line of French describing a care-offer change, for the establishment card, the main courante
 * and the RETEX. `nameOf` turns a FINESS number into a readable name.
 */
export function describeChange(change: CareChange, nameOf: NameOf): string {
  const p = change.payload as Record<string, unknown>;
  const str = (key: string) => (typeof p[key] === 'string' ? (p[key] as string) : '');
  switch (change.type) {
    case 'careMap.statusChanged':
      return describeStatus(p as unknown as StatusPayload, nameOf);
    case 'careMap.basculeSet':
      return `Bascule du 15 : les appels du ${nameOf(str('samu'))} sont pris par le ${nameOf(str('to'))}`;
    case 'careMap.basculeEnded':
      return `Fin de bascule : le ${nameOf(str('samu'))} reprend ses appels`;
    case 'careMap.diversionAdded':
      return `Délestage (${str('patients')}) : ${nameOf(str('from'))} → ${nameOf(str('to'))}${str('note') ? ` — ${str('note')}` : ''}`;
    case 'careMap.diversionEnded':
      return change.finess.length === 2
        ? `Fin du délestage ${nameOf(change.finess[0] ?? '')} → ${nameOf(change.finess[1] ?? '')}`
        : `Fin du délestage ${str('id')}`;
    case 'careMap.ghtAssigned':
      return p.ght === null ? `${nameOf(str('finess'))} : rattachement GHT retiré` : `${nameOf(str('finess'))} rattaché au GHT ${str('ght')}`;
    default:
      return change.type;
  }
}
