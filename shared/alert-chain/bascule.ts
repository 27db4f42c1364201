import type { RoomEvent } from '../core/events.js';
import type { RoomState } from '../room-state.js';
import { basculeSet } from '../care-map/events.js';
import type { ChainLink } from './state.js';

/**
 * The bascule du 15 is one fact with one record: the care map's `careMap.basculeSet`. The chain's SAMU → SAMU
 * voisin step (the link that declares `bascule`) is derived from it here, by the same event, so the log never holds
 * a second `alertChain.alertSent` for it; a later manual alert on the link is refused as already given
 * (`alertRefusal`), and a link already alerted by hand keeps its own alert.
 */
export const basculeAlertMessage = "Bascule du 15 enregistrée sur la carte de l'offre de soins";

/** The link `samu`'s bascule records: the first not yet alerted whose `bascule` names that Samu, or any. */
export function basculeLinkFor(links: readonly ChainLink[], samu: string): ChainLink | undefined {
  return links.find((l) => l.alert === null && (l.bascule === true || l.bascule === samu));
}

/** Watcher: a bascule set on the care map alerts the chain's bascule link, by whoever set it, at its time. */
export function watchBascules(state: RoomState, event: RoomEvent): RoomState {
  if (!basculeSet.is(event) || !state.alertChain.defined) return state;
  const target = basculeLinkFor(state.alertChain.links, event.payload.samu);
  if (!target) return state;
  const { samu, to } = event.payload;
  const alert = {
    by: { name: event.actor.name, role: event.actor.role, cell: event.actor.cell },
    channel: target.channel,
    channels: [target.channel],
    message: basculeAlertMessage,
    exerciseTime: event.exerciseTime,
    wallTime: event.wallTime,
    bascule: { samu, to, seq: event.seq },
  };
  const links = state.alertChain.links.map((l) => (l.id === target.id ? { ...l, status: 'alerte' as const, alert } : l));
  return { ...state, alertChain: { ...state.alertChain, links } };
}
