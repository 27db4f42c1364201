import { createHash } from 'node:crypto';
import { describeZodError } from '../../shared/core/errors.js';
import { ArchiveSeal, archiveSealed } from '../../shared/retex/archive-seal.js';
import { RoomArchive, RoomArchiveV1 } from '../../shared/retex/archive.js';
import { canonicalJson } from '../store/canonical-json.js';
import { verifyChain, type ChainBreak } from '../store/hash-chain.js';

export type ArchiveVerdict = { intact: true; events: number; docs: number; headHash: string } | { intact: false; reason: string; position: number | null; document?: string };

type Refusal = Extract<ArchiveVerdict, { intact: false }>;

/** sha256 of a document's state as the archive carries it: what `archive.sealed` records. */
export function docStateHash(state: Uint8Array): string {
  return createHash('sha256').update(state).digest('hex');
}

/**
 * Checks an archive's text: parses it, validates its shape, recomputes the hash chain from the first event (with
 * the room's salt), and each document's sha256 against the seal that ends the chain. Says where it was altered:
 * the position (1-based, in the archive's order) of the first event that does not hold, or the document's name.
 */
export function verifyArchiveText(text: string): ArchiveVerdict {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return refuse(`archive illisible (JSON invalide) : ${(error as Error).message}`);
  }
  try {
    return verifyArchiveData(data);
  } catch (error) {
    // Only a payload nested deeper than the stack can make hashing throw.
    if (error instanceof RangeError) return refuse('archive imbriquée trop profondément pour être vérifiée');
    throw error;
  }
}

function verifyArchiveData(data: unknown): ArchiveVerdict {
  if (isRecord(data) && data.version === 1) return verifyFormat1(data);
  const parsed = RoomArchive.safeParse(data);
  if (!parsed.success) return refuse(`archive mal formée : ${describeZodError(parsed.error)}`);
  const archive = parsed.data;
  const broken = droppedKey(data, archive) ?? foreignEvent(archive) ?? chainBreak(verifyChain(archive.events, archive.chainSalt)) ?? docMismatch(archive);
  if (broken) return broken;
  return { intact: true, events: archive.events.length, docs: Object.keys(archive.docs).length, headHash: archive.events.at(-1)?.hash ?? '' };
}

/** Format 1 archives carry no seal: their chain is checked and reported, but they are never called intact. */
function verifyFormat1(data: unknown): ArchiveVerdict {
  const parsed = RoomArchiveV1.safeParse(data);
  if (!parsed.success) return refuse(`archive mal formée : ${describeZodError(parsed.error)}`);
  const archive = parsed.data;
  const broken = droppedKey(data, archive) ?? foreignEvent(archive) ?? chainBreak(verifyChain(archive.events, null));
  if (broken) return broken;
  return refuse(
    `archive au format 1 : la chaîne de ses ${archive.events.length} événements est intacte, mais ses documents ne sont couverts par aucune empreinte ` +
      '(format antérieur au scellement) ; réexportez la salle depuis son instance pour obtenir une archive vérifiable en entier (format 2)',
  );
}

/**
 * The schema strips keys it does not know (and a plain-object copy loses `__proto__`): the archive would then
 * be verified and imported without what its text holds. Refuses any key the parsed archive does not carry.
 */
function droppedKey(raw: unknown, parsed: { events: readonly unknown[] }): Refusal | null {
  const rawEvents = isRecord(raw) && Array.isArray(raw.events) ? raw.events : [];
  const index = parsed.events.findIndex((event, i) => canonicalJson(event) !== canonicalJson(rawEvents[i]));
  if (index >= 0) return refuse(`événement n° ${index + 1} : champ inattendu (hors du schéma des événements)`, index + 1);
  if (canonicalJson(parsed) !== canonicalJson(raw)) return refuse('champ inattendu hors des événements (salle, documents ou en-tête)');
  return null;
}

function foreignEvent(archive: { room: { id: string }; events: ReadonlyArray<{ roomId: string }> }): Refusal | null {
  const foreign = archive.events.findIndex((e) => e.roomId !== archive.room.id);
  return foreign >= 0 ? refuse(`l'événement n° ${foreign + 1} appartient à une autre salle`, foreign + 1) : null;
}

function chainBreak(b: ChainBreak | null): Refusal | null {
  if (!b) return null;
  const at = `événement n° ${b.index + 1}`;
  if (b.kind === 'sequence') return refuse(`${at} : numéro de séquence ${b.foundSeq} au lieu de ${b.expectedSeq} (événement supprimé, ajouté ou déplacé)`, b.index + 1);
  if (b.kind === 'link') return refuse(`${at} (seq ${b.seq}) : ne suit pas l'empreinte de l'événement précédent (précédent supprimé, modifié ou déplacé)`, b.index + 1);
  return refuse(`${at} (seq ${b.seq}) : contenu modifié (l'empreinte recalculée ne correspond pas)`, b.index + 1);
}

/** Each document against the seal ending the chain: same names, same sha256. */
function docMismatch(archive: RoomArchive): Refusal | null {
  const last = archive.events.at(-1);
  if (last?.type !== archiveSealed.type) {
    return refuse(`l'archive ne se termine pas par son scellement (${archiveSealed.type}) : ses documents ne sont couverts par aucune empreinte`);
  }
  const position = archive.events.length;
  const seal = ArchiveSeal.safeParse(last.payload);
  if (!seal.success) return refuse(`événement n° ${position} : scellement mal formé (${describeZodError(seal.error)})`, position);
  const sealed = new Map(seal.data.docs.map((d) => [d.name, d.sha256]));
  for (const [name, base64] of Object.entries(archive.docs)) {
    const expected = sealed.get(name);
    if (expected === undefined) return refuseDoc(name, `absent du scellement de l'événement n° ${position} (ajouté après l'export)`);
    if (docStateHash(Buffer.from(base64, 'base64')) !== expected) {
      return refuseDoc(name, `modifié (son empreinte sha256 ne correspond pas au scellement de l'événement n° ${position})`);
    }
  }
  const missing = [...sealed.keys()].find((name) => !Object.hasOwn(archive.docs, name));
  return missing === undefined ? null : refuseDoc(missing, `manquant (scellé par l'événement n° ${position}, absent de l'archive)`);
}

const refuse = (reason: string, position: number | null = null): Refusal => ({ intact: false, reason, position });
const refuseDoc = (name: string, what: string): Refusal => ({ intact: false, reason: `document « ${name} » ${what}`, position: null, document: name });
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
