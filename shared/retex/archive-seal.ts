import { z } from 'zod';
import { defineEvent } from '../core/define.js';

/** One Yjs document as the archive carries it: its name and the sha256 of its stored state (the archive's bytes). */
export const SealedDoc = z.object({
  name: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
});
export type SealedDoc = z.infer<typeof SealedDoc>;

/** What `archive.sealed` records: every document of the archive, sorted by name. */
export const ArchiveSeal = z.object({ docs: z.array(SealedDoc) });
export type ArchiveSeal = z.infer<typeof ArchiveSeal>;

/**
 * Appended by each export, as the archive's last event: the documents live outside the log and keep changing
 * until the room ends, so the state exported is bound into the hash chain at the moment it is exported.
 * `npm run verify` and the import recompute each document's sha256 against it.
 */
export const archiveSealed = defineEvent({
  type: 'archive.sealed',
  description: "Archive exportée : l'empreinte de l'état de chaque document partagé entre dans la chaîne d'empreintes.",
  payload: ArchiveSeal,
  apply: (state) => state,
});

export const archiveSealEvents = [archiveSealed];
