import { channelPhrases, type Channel } from '../core/channels.js';
import { defineSentence, listFr, ofFr, quote, type SentenceContext } from '../core/sentence.js';
import { durationText } from '../core/durations.js';
import { formatExerciseTime } from '../exercise/clock.js';
import { usesFallback } from './state.js';
import { actorAdded, alertSent, chainDefined, factRecorded, linkAcknowledged, linkAdded, linkCorrected, linkEscalated, linkOverdue, linkRelayed, linkRemoved, stageCompleted } from './events.js';
import { triggerFact } from './template.js';

/** The ends of a link as the room knew them just before the event (a removed link included). */
function endsOf(c: SentenceContext, linkId: string): { from: string; to: string } | null {
  const link = c.state.alertChain.links.find((l) => l.id === linkId);
  return link ? { from: link.from, to: link.to } : null;
}

/** « la notification d'incident » style label of a stage, as the room knew the link; the id only if unknown. */
function stageSaid(c: SentenceContext, linkId: string, stageId: string | undefined): string {
  const link = c.state.alertChain.links.find((l) => l.id === linkId);
  const stages = link?.deadlines ?? [];
  const index = stages.findIndex((s) => s.id === stageId);
  const stage = stages[index];
  return stage ? `le palier ${quote(stage.label, 80)} (${index + 1}/${stages.length})` : 'un palier';
}

/** A fact by its label (« violation de données personnelles »), as declared by the chain. */
const factSaid = (c: SentenceContext, factId: string) => quote(c.state.alertChain.facts.find((f) => f.id === factId)?.label ?? 'fait de la chaîne', 120);

/** The actor `id` plays for the person who acted: their own cell's actor is « them », any other is named. */
const playsFor = (c: SentenceContext, actorId: string, cell: string | undefined) => {
  const actor = c.state.alertChain.actors.find((a) => a.id === actorId);
  return actor?.kind === 'played' && actor.cell === cell;
};

const channelsSaid = (channel: Channel, channels: readonly Channel[] | undefined) => listFr([...new Set(channels?.length ? channels : [channel])].map((x) => channelPhrases[x]));

/** « (canal de repli) » when the alert went by the link's fallback channel instead of its expected one. */
function fallbackSaid(c: SentenceContext, linkId: string, channel: Channel, channels: readonly Channel[] | undefined): string {
  const link = c.state.alertChain.links.find((l) => l.id === linkId);
  if (!link) return '';
  return usesFallback(link, channels?.length ? channels : [channel]) ? ' (canal de repli)' : '';
}

/** The alert chain in words: links by their actors' labels, channels and deadlines said. */
export const alertChainSentences = [
  defineSentence(chainDefined, (p) => `Chaîne d'alerte définie : ${p.template.actors.length} acteurs, ${p.template.links.length} liens attendus`, { quiet: true }),
  defineSentence(alertSent, (p, c, e) => {
    const by = `${channelsSaid(p.channel, p.channels)}${fallbackSaid(c, p.linkId, p.channel, p.channels)}`;
    if (p.scriptedBy) return `Scénario (${p.scriptedBy}) : ${c.chainActor(p.from)} alerte ${c.chainActor(p.to)} ${by}`;
    const on = playsFor(c, p.from, e.actor.cell) ? '' : `, pour ${c.chainActor(p.from)},`;
    return `${c.who}${on} alerte ${c.chainActor(p.to)} ${by}${p.message.trim() ? ` : ${quote(p.message)}` : ''}`;
  }),
  defineSentence(linkAcknowledged, (p, c, e) => {
    if (p.scriptedBy) return `Scénario (${p.scriptedBy}) : ${c.chainActor(p.to)} accuse réception de l'alerte ${ofFr(c.chainActor(p.from))}`;
    if (p.via) return `${p.via.contact} (${c.chainActor(p.to)}) accuse réception de l'alerte ${ofFr(c.chainActor(p.from))} par le lien de son message${p.via.reply ? ` : ${quote(p.via.reply)}` : ''}`;
    const on = playsFor(c, p.to, e.actor.cell) ? '' : `, pour ${c.chainActor(p.to)},`;
    return `${c.who}${on} accuse réception de l'alerte ${ofFr(c.chainActor(p.from))}`;
  }),
  defineSentence(linkCorrected, (p, c) => {
    const undone = p.undo === 'alert' ? " : l'alerte est annulée" : p.undo === 'acknowledgement' ? " : l'accusé de réception est annulé" : '';
    return `${c.who} corrige le lien ${c.link(p.linkId)}${undone}${p.note.trim() ? ` — ${quote(p.note)}` : ''}`;
  }),
  defineSentence(linkOverdue, (p, c) => {
    const ends = endsOf(c, p.linkId);
    const deadline = `T+${formatExerciseTime(p.deadlineExerciseTime)}`;
    if (!ends) return `Retard sur un lien de la chaîne d'alerte (échéance ${deadline})`;
    if (p.kind === 'stage') return `Retard : ${c.chainActor(ends.from)} n'a pas transmis ${stageSaid(c, p.linkId, p.stageId)} à ${c.chainActor(ends.to)} à l'échéance (${deadline})`;
    return p.kind === 'alert'
      ? `Retard : ${c.chainActor(ends.to)} n'a pas reçu l'alerte de ${c.chainActor(ends.from)} à l'échéance (${deadline})`
      : `Retard : pas d'accusé de réception ${ofFr(c.chainActor(ends.to))} à l'échéance (${deadline}) de l'alerte ${ofFr(c.chainActor(ends.from))}`;
  }),
  defineSentence(linkEscalated, (p, c) => {
    const ends = endsOf(c, p.linkId);
    return `Sans accusé de réception ${ends ? `${ofFr(c.chainActor(ends.to))} ` : ''}à temps, l'alerte est portée vers ${c.chainActor(p.backup)}`;
  }),
  defineSentence(linkRelayed, (p, c) => {
    const ends = endsOf(c, p.linkId);
    return `Sans accusé de réception à temps, l'alerte ${ends ? `${ofFr(c.chainActor(ends.from))} ` : ''}est relayée au contact n° ${p.rank} de l'annuaire${ends ? ` pour ${c.chainActor(ends.to)}` : ''}`;
  }),
  defineSentence(
    actorAdded,
    (p, c) => `${c.who} ajoute ${quote(p.actor.label, 120)} à la chaîne d'alerte (${p.actor.kind === 'played' && p.actor.cell ? `joué par ${c.cell(p.actor.cell)}` : "simulé par l'animation"})`,
  ),
  defineSentence(linkAdded, (p, c) => {
    const { link } = p;
    const fact = triggerFact(link.trigger);
    const from = link.trigger === 'T0' ? 'T0' : fact !== null ? `le fait ${factSaid(c, fact)}` : `l'alerte ${ofFr(c.chainActor(link.from))}`;
    const fallback = link.fallbackChannel ? ` (repli : ${channelPhrases[link.fallbackChannel]})` : '';
    return `${c.who} ajoute à la chaîne d'alerte : ${c.chainActor(link.from)} doit alerter ${c.chainActor(link.to)} ${channelsSaid(link.channel, link.channels)}${fallback}, dans les ${durationText(link.deadlineMinutes)} suivant ${from}`;
  }),
  defineSentence(linkRemoved, (p, c) => `${c.who} retire de la chaîne d'alerte le lien ${c.link(p.linkId)}`),
  defineSentence(factRecorded, (p, c, e) => {
    const since = p.at < e.exerciseTime ? `, connu depuis T+${formatExerciseTime(p.at)}` : '';
    const who = p.scriptedBy ? `Scénario (${p.scriptedBy})` : c.who;
    return `${who} : fait établi, ${factSaid(c, p.fact)}${since} — les délais qui en dépendent courent`;
  }),
  defineSentence(stageCompleted, (p, c, e) => {
    if (p.scriptedBy) return `Scénario (${p.scriptedBy}) : ${c.chainActor(p.from)} transmet ${stageSaid(c, p.linkId, p.stageId)} à ${c.chainActor(p.to)}`;
    const on = playsFor(c, p.from, e.actor.cell) ? '' : `, pour ${c.chainActor(p.from)},`;
    return `${c.who}${on} transmet ${stageSaid(c, p.linkId, p.stageId)} à ${c.chainActor(p.to)}`;
  }),
];
