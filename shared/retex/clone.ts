import type { RoomEvent } from '../core/events.js';
import { formatOffset } from '../exercise/scenario-offset.js';
import type { Scenario } from '../exercise/scenario.js';
import type { Stimulus } from '../exercise/scenario-stimulus.js';
import type { RoomState } from '../room-state.js';
import { alertSent } from '../alert-chain/events.js';
import { statusChanged } from '../care-map/events.js';
import { entryAdded } from '../main-courante/events.js';

/** The four objectives of the regional kit, which a draft starts from. */
const objectives = [
  { id: 'articulation', label: 'Articulation Préfecture–ARS', description: 'Partage de la situation et décisions coordonnées entre la préfecture et l’ARS.' },
  { id: 'chaine-alerte', label: "Chaîne d'alerte", description: 'Les bons acteurs alertés, dans le bon ordre et dans les délais.' },
  { id: 'offre-soins', label: "Impact sur l'offre de soins", description: "Évaluation de l'offre perdue et coordination des acteurs (bascule du 15, délestages)." },
  { id: 'communication', label: 'Communication publique', description: 'Messages cohérents, validés et publiés à temps.' },
];

const SOURCE = 'source-terrain';

/**
 * "Clone a real crisis into an exercise": what reached the crisis cell from outside becomes the chronogramme
 * of a draft scenario — alerts from simulated actors, information entries of the main courante, status changes
 * of the care offer (as care-map effects) — at the exercise time it happened. The decisions the cell took
 * after each become its expected actions. The animation team then edits the draft (`npm run scenario:check`).
 */
export function crisisToScenarioDraft(state: RoomState, events: readonly RoomEvent[], id: string): Scenario {
  const simulated = state.alertChain.actors.filter((a) => a.kind === 'simulated');
  const cells = state.room.cells.map((c) => ({ id: c.id, label: c.label }));
  const firstCell = cells[0]!.id;
  const decisions = events.filter(entryAdded.is).filter((e) => e.payload.entry.type === 'decision');
  const chronogramme: Stimulus[] = [];
  const push = (e: RoomEvent, s: Omit<Stimulus, 'id' | 'offset' | 'type' | 'expectedActions'>) => {
    const n = chronogramme.length + 1;
    const followUps = decisions.filter((d) => d.exerciseTime >= e.exerciseTime && d.exerciseTime <= e.exerciseTime + 30 * 60_000).slice(0, 3);
    chronogramme.push({
      id: `S${String(n).padStart(2, '0')}`,
      offset: formatOffset(Math.max(0, e.exerciseTime)),
      type: 'prevu',
      ...s,
      expectedActions: followUps.map((d, i) => ({
        id: `S${String(n).padStart(2, '0')}-r${i + 1}`,
        label: oneLine(d.payload.entry.text, 300),
        criterion: `Décision consignée en main courante avant T+${formatOffset(d.exerciseTime + 15 * 60_000)}`,
        objective: 'offre-soins',
      })),
    });
  };
  for (const e of events) {
    if (alertSent.is(e) && simulated.some((a) => a.id === e.payload.from)) {
      const p = e.payload;
      const to = state.alertChain.actors.find((a) => a.id === p.to);
      push(e, { sender: p.from, recipients: [to?.cell ?? firstCell], channel: p.channel, subject: `Alerte : ${oneLine(p.message, 150)}`, content: p.message });
    } else if (entryAdded.is(e) && e.payload.entry.type === 'information') {
      const { entry } = e.payload;
      push(e, { sender: SOURCE, recipients: [entry.cell ?? firstCell], channel: 'telephone', subject: oneLine(entry.text, 150), content: entry.text });
    } else if (statusChanged.is(e) && e.actor.kind === 'participant') {
      const { finess, mode, functions, situation } = e.payload;
      const effect = { finess, ...(mode ? { mode } : {}), ...(functions ? { functions } : {}), ...(situation ? { situation } : {}) };
      push(e, {
        sender: SOURCE,
        recipients: [firstCell],
        channel: 'telephone',
        subject: `Point de situation : établissement ${finess}`,
        content: situation ?? `Changement d'état de l'établissement ${finess}.`,
        careMapEffects: [effect],
      });
    }
  }
  return {
    id,
    title: `Exercice tiré de la crise « ${state.room.title} »`,
    level: 'intermediaire',
    objectives,
    briefing: `Cet exercice rejoue la crise « ${state.room.title} », à partir de son journal.`,
    rules: "Exercice joué en temps accéléré : l'animation joue tous les acteurs extérieurs.",
    cells,
    simulatedActors: [
      ...simulated.map((a) => ({ id: a.id, label: a.label, description: a.label })),
      { id: SOURCE, label: 'Source de terrain', description: 'Information reçue par la cellule pendant la crise (source à préciser par l’animation).' },
    ],
    careOffer: { region: state.careMap.region ?? 'normandie', initialStatuses: [], fictionalSites: [], ghts: {} },
    chronogramme,
    kit: {
      playerKit: { rules: 'Règles du jeu à rédiger par l’équipe d’animation.', goodPractices: [], glossary: [] },
      observerKit: {
        instructions: 'Grille issue de la crise réelle : à compléter avant l’exercice.',
        grid: objectives.map((o) => ({ objectiveId: o.id, criteria: [{ id: `G-${o.id}`, label: o.description }] })),
        scale: { min: 1, max: 4, labels: ['Insuffisant', 'Partiel', 'Satisfaisant', 'Exemplaire'] },
      },
      communicationKit: { invitationTemplate: 'Bonjour {{nom}}, vous êtes invité(e) à l’exercice « {{titre}} » ({{role}}, {{cellule}}) : {{lien}}' },
    },
  } as Scenario;
}

function oneLine(text: string, max: number): string {
  const line = String(text).replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
