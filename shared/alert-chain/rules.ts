import { DomainError, conflict, forbidden, notFound } from '../core/errors.js';
import type { Role } from '../core/roles.js';
import { formatExerciseTime } from '../exercise/clock.js';
import type { RoomState } from '../room-state.js';
import type { RoomMode } from '../room/state.js';
import type { ChainActor } from './template.js';
import { findActor, findLink, linkLabel, type ChainLink } from './state.js';

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
