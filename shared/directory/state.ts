import type { Contact } from './contact.js';
import { isOnCall } from './on-call.js';

export interface DirectorySource {
  /** The file's name (`annuaire-crise.xlsx`), or null for contacts typed in the room. */
  file: string | null;
  contacts: number;
  wallTime: number;
}

/** The room's crisis directory: who to call for each actor of the chain, in order. */
export interface DirectoryState {
  contacts: Contact[];
  /** Where the directory was last loaded from. */
  source: DirectorySource | null;
}

export const initialDirectoryState: DirectoryState = { contacts: [], source: null };

/** Outbound channels and the contact field each one needs. */
export type OutboundChannel = 'mail' | 'sms';
export const outboundChannels: readonly OutboundChannel[] = ['mail', 'sms'];
export const isOutbound = (channel: string): channel is OutboundChannel => channel === 'mail' || channel === 'sms';

export function addressOf(contact: Contact, channel: OutboundChannel): string | null {
  return channel === 'mail' ? contact.email : contact.mobile;
}

/** The contacts of `actorId`, by rank. */
export function contactsOf(directory: DirectoryState, actorId: string): Contact[] {
  return directory.contacts.filter((c) => c.actor === actorId).sort((a, b) => a.rank - b.rank);
}

/**
 * The first contact of `actorId` reachable on `channel` at `wallTime`, ranked after `afterRank`: it has the
 * address the channel needs and is on call. When nobody ranked after is on call, the first one with the
 * address is taken anyway (an alert to someone off duty is better than none).
 */
export function firstReachable(directory: DirectoryState, actorId: string, channel: OutboundChannel, wallTime: number, afterRank = 0): Contact | null {
  const candidates = contactsOf(directory, actorId).filter((c) => c.rank > afterRank && addressOf(c, channel) !== null);
  return candidates.find((c) => isOnCall(c.onCall, wallTime)) ?? candidates[0] ?? null;
}

export const findContact = (directory: DirectoryState, id: string): Contact | undefined => directory.contacts.find((c) => c.id === id);
