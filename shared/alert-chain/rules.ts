import { DomainError, conflict, forbidden, invalid, notFound } from '../core/errors.js';
import type { Role } from '../core/roles.js';
import { formatExerciseTime } from '../exercise/clock.js';
import type { RoomState } from '../room-state.js';
import type { RoomMode } from '../room/state.js';
import type { ChainActor } from './template.js';
import { findActor, findFact, findLink, knownFact, linkLabel, type ChainLink } from './state.js';
import { stagesOf } from './timing.js';

/**
 * Who may act on the chain. Shared by the commands (which throw the refusal) and the client (which
 * disables the button and shows the refusal as its tooltip), so the two can never disagree.
 * - a player acts for the played actor of their own cell;
 * - the director acts for simulated actors (the animator plays them) and, in a real crisis, for anyone.
 */
export interface ChainViewer {
  role: Role;
  cell?: string | undefined;
}

export function actsFor(viewer: ChainViewer, actor: ChainActor | undefined, mode: RoomMode): boolean {
  if (!actor) return false;
  if (viewer.role === 'director') return mode === 'crisis' || actor.kind === 'simulated';
  return viewer.role === 'player' && actor.kind === 'played' && actor.cell !== undefined && actor.cell === viewer.cell;
}

function actorRefusal(state: RoomState, viewer: ChainViewer, actorId: string, verb: string): DomainError | null {
  const actor = findActor(state.alertChain, actorId);
  if (actsFor(viewer, actor, state.room.mode)) return null;
  const label = actor?.label ?? actorId;
  if (viewer.role === 'director') return forbidden(`En exercice, la direction n'agit que pour les acteurs simulés : c'est la cellule jouée qui doit ${verb} pour « ${label} ».`);
  if (actor?.kind === 'played') return forbidden(`Seule la cellule « ${state.room.cells.find((c) => c.id === actor.cell)?.label ?? actor.cell} » peut ${verb} pour « ${label} ».`);
  return forbidden(`« ${label} » est un acteur simulé : c'est l'animation qui doit ${verb} pour lui.`);
}

function linkOrRefusal(state: RoomState, linkId: string): ChainLink | DomainError {
  if (!state.alertChain.defined) return conflict("Aucune chaîne d'alerte n'est définie dans cette salle.");
  return findLink(state.alertChain, linkId) ?? notFound(`Lien d'alerte « ${linkId} » inconnu.`);
}

const isRefusal = (value: ChainLink | DomainError): value is DomainError => value instanceof DomainError;

/** Why `viewer` may not alert on `linkId` now, or null if they may. */
export function alertRefusal(state: RoomState, viewer: ChainViewer, linkId: string): DomainError | null {
  const link = linkOrRefusal(state, linkId);
  if (isRefusal(link)) return link;
  if (state.clock.status === 'not_started') return conflict("L'exercice n'a pas démarré (DEBEX) : la chaîne d'alerte part de T0.");
  const refusal = actorRefusal(state, viewer, link.from, 'alerter');
  if (refusal) return refusal;
  if (link.alert?.bascule) {
    return conflict(
      `« ${linkLabel(state.alertChain, link)} » est déjà enregistré par la bascule du 15 de la carte de l'offre de soins, à T+${formatExerciseTime(link.alert.exerciseTime)} par ${link.alert.by.name} : une seule trace pour un seul fait.`,
    );
  }
  if (link.alert) {
    return conflict(
      `« ${linkLabel(state.alertChain, link)} » a déjà été alerté à T+${formatExerciseTime(link.alert.exerciseTime)} par ${link.alert.by.name} : pour rectifier, ajoutez une correction.`,
    );
  }
  return null;
}

/** Why `viewer` may not acknowledge `linkId` now, or null if they may. */
export function acknowledgeRefusal(state: RoomState, viewer: ChainViewer, linkId: string): DomainError | null {
  const link = linkOrRefusal(state, linkId);
  if (isRefusal(link)) return link;
  const refusal = actorRefusal(state, viewer, link.to, 'accuser réception');
  if (refusal) return refusal;
  if (link.status === 'a_alerter') return conflict(`Impossible d'accuser réception : « ${linkLabel(state.alertChain, link)} » n'a jamais été alerté.`);
  if (link.acknowledgement) {
    return conflict(`Réception déjà accusée à T+${formatExerciseTime(link.acknowledgement.exerciseTime)} par ${link.acknowledgement.by.name}.`);
  }
  return null;
}

export type CorrectionUndo = 'alert' | 'acknowledgement' | null;

/**
 * Why `viewer` may not correct `linkId`, or null. Cancelling a step takes the right to have done it;
 * a plain note may come from either end of the link, or from the director.
 */
export function correctionRefusal(state: RoomState, viewer: ChainViewer, linkId: string, undo: CorrectionUndo): DomainError | null {
  const link = linkOrRefusal(state, linkId);
  if (isRefusal(link)) return link;
  if (undo === 'alert') {
    const refusal = actorRefusal(state, viewer, link.from, 'corriger une alerte');
    if (refusal) return refusal;
    if (link.status === 'a_alerter') return conflict("Il n'y a pas d'alerte à annuler sur ce lien.");
    if (link.status === 'accuse') return conflict("La réception a été accusée : annulez d'abord l'accusé de réception.");
    return null;
  }
  if (undo === 'acknowledgement') {
    const refusal = actorRefusal(state, viewer, link.to, 'corriger un accusé de réception');
    if (refusal) return refusal;
    return link.status === 'accuse' ? null : conflict("Il n'y a pas d'accusé de réception à annuler sur ce lien.");
  }
  const mode = state.room.mode;
  const chain = state.alertChain;
  if (viewer.role === 'director' || actsFor(viewer, findActor(chain, link.from), mode) || actsFor(viewer, findActor(chain, link.to), mode)) return null;
  return forbidden('Seuls les acteurs de ce lien (ou la direction) peuvent y ajouter une correction.');
}

/** Live edits of the chain: a real crisis only (an exercise plays the chain it was designed with), director only. */
export function editRefusal(state: RoomState, viewer: ChainViewer): DomainError | null {
  if (viewer.role !== 'director') return forbidden('Seule la direction de crise modifie la chaîne d’alerte.');
  if (state.room.mode !== 'crisis') return forbidden("La chaîne d'alerte ne se modifie en direct qu'en mode crise.");
  if (!state.alertChain.defined) return conflict("Aucune chaîne d'alerte n'est définie dans cette salle.");
  return null;
}

/**
 * Why `viewer` may not record that `factId` became known (at exercise time `at`, default now), or null. Any
 * player or the director may: the fact (a personal-data breach) is learnt by whoever hears of it first.
 */
export function factRefusal(state: RoomState, viewer: ChainViewer, factId: string, at: number | undefined, now: number): DomainError | null {
  if (!state.alertChain.defined) return conflict("Aucune chaîne d'alerte n'est définie dans cette salle.");
  if (viewer.role !== 'director' && viewer.role !== 'player') return forbidden('Seuls les joueurs et la direction enregistrent un fait de la chaîne d’alerte.');
  const fact = findFact(state.alertChain, factId);
  if (!fact) return notFound(`Fait « ${factId} » inconnu de la chaîne d'alerte.`);
  if (state.clock.status === 'not_started') return conflict("L'exercice n'a pas démarré (DEBEX) : la chaîne d'alerte part de T0.");
  const known = knownFact(state.alertChain, factId);
  if (known) return conflict(`« ${fact.label} » est déjà enregistré, connu depuis T+${formatExerciseTime(known.at)} (${known.by.name}).`);
  if (at !== undefined && at > now) return invalid(`Un fait ne peut pas être connu après maintenant (T+${formatExerciseTime(now)}).`);
  return null;
}

/**
 * Why `viewer` may not record the stage `stageId` of `linkId` as done, or null. The sender of the link sends each
 * stage; the first stage is the alert itself, and a later one comes once the link is alerted, once.
 */
export function stageRefusal(state: RoomState, viewer: ChainViewer, linkId: string, stageId: string): DomainError | null {
  const link = linkOrRefusal(state, linkId);
  if (isRefusal(link)) return link;
  const index = stagesOf(link).findIndex((s) => s.id === stageId);
  if (index < 0) return notFound(`Palier « ${stageId} » inconnu sur « ${linkLabel(state.alertChain, link)} ».`);
  if (index === 0) return conflict('Le premier palier est l’alerte elle-même : utilisez « Alerter ».');
  if (state.clock.status === 'not_started') return conflict("L'exercice n'a pas démarré (DEBEX) : la chaîne d'alerte part de T0.");
  const refusal = actorRefusal(state, viewer, link.from, 'transmettre un palier');
  if (refusal) return refusal;
  if (!link.alert) return conflict(`« ${linkLabel(state.alertChain, link)} » n'a pas encore été alerté : le premier palier vient d'abord.`);
  const done = link.stages.find((s) => s.id === stageId)?.done;
  if (done) return conflict(`Palier déjà transmis à T+${formatExerciseTime(done.exerciseTime)} par ${done.by.name}.`);
  return null;
}
