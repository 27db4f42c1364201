import { formatExerciseTime, type ClockState } from '../exercise/clock.js';
import type { RoomMode } from '../room/state.js';
import { dueSaid, exerciseSaid, recipientLabels, sitrepStatusLabels, sitrepTitle, timeSaid } from './format.js';
import type { SitrepPoint } from './state.js';

/** What a rendering needs besides the point: the room's mode and clock, and how to name sites and cells. */
export interface SitrepContext {
  roomTitle: string;
  mode: RoomMode;
  clock: ClockState;
  /** A readable name for a FINESS number (the region's data); the snapshot's own name or the number otherwise. */
  nameOf?: (finess: string) => string | undefined;
  cellLabel?: (cell: string) => string;
}

const cellText = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const t = (ms: number | null) => (ms === null ? '—' : `T+${formatExerciseTime(ms)}`);
const chainStatus = { a_alerter: 'à alerter', alerte: 'alerté', accuse: 'accusé réception' } as const;
const actionStatus = { a_faire: 'à faire', en_cours: 'en cours', faite: 'faite', abandonnee: 'abandonnée' } as const;

/**
 * A point de situation as Markdown, for mail and the COD's log: the same sections as the room's page and its
 * print. A frozen point shows its frozen text and fingerprint; a point still in work, the text given (the
 * document's current text) marked as a draft.
 */
export function sitrepToMarkdown(point: SitrepPoint, ctx: SitrepContext, draftText = ''): string {
  const name = (finess: string, own: string | null) => cellText(ctx.nameOf?.(finess) ?? own ?? finess);
  const cell = (id: string | null) => (id === null ? '—' : cellText(ctx.cellLabel?.(id) ?? id));
  const s = point.snapshot;
  const out: string[] = [`# ${sitrepTitle(ctx.mode, point)}`, '', `- Salle : ${cellText(ctx.roomTitle)}`, `- Statut : ${sitrepStatusLabels[point.status]}`];
  out.push(`- Situation relevée à : ${timeSaid(ctx.mode, s.builtAt)} (${exerciseSaid(s.builtAt.exerciseTime)})`);
  if (point.validated) out.push(`- Validé par : ${point.validated.by.name} (${cell(point.validated.by.cell)}) à ${timeSaid(ctx.mode, point.validated.at)}`);
  if (point.frozen) out.push(`- Empreinte SHA-256 : \`${point.frozen.hash}\``);
  for (const sent of point.sentTo) out.push(`- Transmis à : ${recipientLabels[sent.to]} à ${timeSaid(ctx.mode, sent.at)}`);
  out.push('', '## Synthèse de la situation', '', (point.frozen?.text ?? draftText) || '—', '');

  out.push(
    '## Offre de soins',
    '',
    `${s.careOffer.edsClosed} accueil(s) des urgences fermé(s) · ${s.careOffer.bascules.length} SAMU en bascule · ${s.careOffer.diversions.length} délestage(s) · ${s.careOffer.bedsLost} lits perdus`,
    '',
  );
  if (s.careOffer.establishments.length === 0) out.push('Aucun établissement en mode dégradé.', '');
  else {
    out.push('| Établissement | Mode | Fonctions touchées | Urgences | Lits fermés | Situation |', '|---|---|---|---|---|---|');
    for (const e of s.careOffer.establishments) {
      out.push(
        `| ${name(e.finess, e.name)} | ${e.mode} | ${cellText(e.functions.join(', ') || '—')} | ${e.edClosed ? 'fermées' : 'ouvertes'} | ${e.bedsClosed ?? '—'} | ${cellText(e.situation || '—')} |`,
      );
    }
    out.push('');
  }
  if (s.careOffer.bascules.length > 0) {
    out.push('| SAMU en bascule | Appels pris par | Depuis |', '|---|---|---|');
    for (const b of s.careOffer.bascules) out.push(`| ${name(b.samu, b.samuName)} | ${name(b.to, b.toName)} | ${t(b.sinceExerciseTime)} |`);
    out.push('');
  }
  if (s.careOffer.diversions.length > 0) {
    out.push('| Délestage | De | Vers | Depuis |', '|---|---|---|---|');
    for (const d of s.careOffer.diversions) out.push(`| ${cellText(d.patients)} | ${name(d.from, d.fromName)} | ${name(d.to, d.toName)} | ${t(d.sinceExerciseTime)} |`);
    out.push('');
  }

  const c = s.alertChain;
  out.push("## Chaîne d'alerte", '', `${c.alerted}/${c.actors} acteurs alertés, ${c.acknowledged} accusés de réception, ${c.late} en retard.`, '');
  if (c.links.length > 0) {
    out.push('| De | Vers | État | Alerté | Accusé | En retard |', '|---|---|---|---|---|---|');
    for (const l of c.links) out.push(`| ${cellText(l.from)} | ${cellText(l.to)} | ${chainStatus[l.status]} | ${t(l.alertedAt)} | ${t(l.acknowledgedAt)} | ${l.late ? 'oui' : 'non'} |`);
    out.push('');
  }

  out.push('## Décisions depuis le point précédent', '');
  if (s.decisions.since.length === 0) out.push('Aucune décision depuis le point précédent.', '');
  else {
    out.push('| Décision | Cellule | Par | Heure |', '|---|---|---|---|');
    for (const d of s.decisions.since)
      out.push(`| ${d.id} — ${cellText(d.title)}${d.supersedes ? ` (remplace ${d.supersedes})` : ''} | ${cell(d.cell)} | ${cellText(d.by)} | ${timeSaid(ctx.mode, d.at)} |`);
    out.push('');
  }

  out.push('## Actions en cours', '', `${s.actions.open.length} action(s) ouverte(s), dont ${s.actions.overdue} en retard.`, '');
  if (s.actions.open.length > 0) {
    out.push('| Action | Pilote | Statut | Échéance | En retard |', '|---|---|---|---|---|');
    for (const a of s.actions.open) {
      const due = a.due === null ? '—' : a.due.clock === 'exercise' ? t(a.due.at) : timeSaid('crisis', { wallTime: a.due.at, exerciseTime: 0 });
      out.push(`| ${a.id} — ${cellText(a.title)} | ${cell(a.ownerCell)}${a.ownerName ? ` (${cellText(a.ownerName)})` : ''} | ${actionStatus[a.status]} | ${due} | ${a.overdue ? 'oui' : 'non'} |`);
    }
    out.push('');
  }

  out.push('## Communication publiée', '');
  if (s.comms.published.length === 0) out.push('Aucune communication publiée.', '');
  else for (const m of s.comms.published) out.push(`- ${cellText(m.title)} (version ${m.number})`);
  if (s.comms.published.length > 0) out.push('');

  out.push('## Prochain point', '', s.nextDueAt === null ? 'Pas de rythme fixé.' : dueSaid(ctx.mode, ctx.clock, s.nextDueAt), '');
  return `${out.join('\n')}\n`;
}
