import * as Y from 'yjs';
import { DomainError, describeZodError } from '../../shared/core/errors.js';
import { RoomArchive } from '../../shared/retex/archive.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';
import type { Store } from '../store/types.js';
import { verifyChain, type ChainBreak } from '../store/hash-chain.js';
import { canonicalJson } from '../store/canonical-json.js';

/** Builds the archive of a room from the store: the whole log, and each Yjs document merged into one state. */
export async function buildArchive(store: Store, runtime: RoomRuntime): Promise<RoomArchive> {
  const events = await store.events.read(runtime.id);
  const docs: Record<string, string> = {};
  for (const name of await store.docs.listDocs(runtime.id)) {
    const updates = await store.docs.loadUpdates(runtime.id, name);
    docs[name] = Buffer.from(updates.length > 0 ? Y.mergeUpdates(updates) : new Uint8Array()).toString('base64');
  }
  const { room } = runtime.state;
  const chainSalt = await store.events.chainSalt(runtime.id);
  return { format: 'orsan-room-archive', version: 1, exportedAt: new Date().toISOString(), room: { id: runtime.id, title: room.title, mode: room.mode }, chainSalt, events, docs };
}

export type ArchiveVerdict = { intact: true; events: number } | { intact: false; reason: string; position: number | null };

/**
 * Checks an archive's text: parses it, validates its shape, recomputes the hash chain from the first event.
 * Says where it was altered: the position (1-based, in the archive's order) of the first event that does not hold.
 */
export function verifyArchiveText(text: string): ArchiveVerdict {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { intact: false, reason: `archive illisible (JSON invalide) : ${(error as Error).message}`, position: null };
  }
  const parsed = RoomArchive.safeParse(data);
  if (!parsed.success) return { intact: false, reason: `archive mal formée : ${describeZodError(parsed.error)}`, position: null };
  const dropped = firstDroppedKey(data, parsed.data);
  if (dropped) return { intact: false, reason: dropped.reason, position: dropped.position };
  const { events, room, chainSalt } = parsed.data;
  const foreign = events.findIndex((e) => e.roomId !== room.id);
  if (foreign >= 0) return { intact: false, reason: `l'événement n° ${foreign + 1} appartient à une autre salle`, position: foreign + 1 };
  const broken = verifyChain(events, chainSalt);
  return broken ? { intact: false, reason: describeBreak(broken), position: broken.index + 1 } : { intact: true, events: events.length };
}

/**
 * The schema strips keys it does not know (and a plain-object copy loses `__proto__`): the archive would then
 * be verified and imported without what its text holds. Refuses any key the parsed archive does not carry.
 */
function firstDroppedKey(raw: unknown, parsed: RoomArchive): { reason: string; position: number | null } | null {
  const rawEvents = isRecord(raw) && Array.isArray(raw.events) ? raw.events : [];
  const index = parsed.events.findIndex((event, i) => canonicalJson(event) !== canonicalJson(rawEvents[i]));
  if (index >= 0) return { reason: `événement n° ${index + 1} : champ inattendu (hors du schéma des événements)`, position: index + 1 };
  if (canonicalJson(parsed) !== canonicalJson(raw)) return { reason: 'champ inattendu hors des événements (salle, documents ou en-tête)', position: null };
  return null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function describeBreak(b: ChainBreak): string {
  const at = `événement n° ${b.index + 1}`;
  if (b.kind === 'sequence') return `${at} : numéro de séquence ${b.foundSeq} au lieu de ${b.expectedSeq} (événement supprimé, ajouté ou déplacé)`;
  if (b.kind === 'link') return `${at} (seq ${b.seq}) : ne suit pas l'empreinte de l'événement précédent (précédent supprimé, modifié ou déplacé)`;
  return `${at} (seq ${b.seq}) : contenu modifié (l'empreinte recalculée ne correspond pas)`;
}

/** Parses and verifies an archive for import; refuses one whose chain is broken. */
export function parseVerifiedArchive(data: unknown): RoomArchive {
  const verdict = verifyArchiveText(JSON.stringify(data));
  if (!verdict.intact) throw new DomainError('invalid', `Archive refusée : ${verdict.reason}.`);
  return RoomArchive.parse(data);
}
