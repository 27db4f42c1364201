import type { DocStore } from '../store/types.js';
import { UpdateRefused } from './doc-policy.js';

/**
 * Who writes under each Yjs client id of one document: the session that first wrote with it, bound durably in
 * the store (`DocStore.claimClients`) and remembered here (a binding never changes). Without this, a session
 * that copies someone's client id (visible in the presence states) and writes at her next clock would make
 * the server take her later edits for duplicates and drop them without a word.
 */
export class ClientOwners {
  private readonly owners = new Map<number, string>();

  constructor(
    private readonly store: DocStore,
    private readonly roomId: string,
    private readonly docName: string,
  ) {}

  /**
   * Binds the ids not bound yet to `sessionId`; throws `UpdateRefused` ('clientIdTaken') when one of `writers`
   * belongs to another session or is the server's own (`reserved`). Store failures are thrown as they are.
   */
  async claim(sessionId: string, writers: Set<number>, reserved: number): Promise<void> {
    if (writers.has(reserved)) throw new UpdateRefused("Identifiant d'édition réservé au serveur : modification refusée.", 'clientIdTaken');
    const unknown = [...writers].filter((id) => !this.owners.has(id));
    if (unknown.length > 0) {
      for (const [id, owner] of await this.store.claimClients(this.roomId, this.docName, sessionId, unknown)) this.owners.set(id, owner);
    }
    for (const id of writers) {
      if (this.owners.get(id) !== sessionId) {
        throw new UpdateRefused(`L'identifiant d'édition ${id} appartient déjà à une autre session : modification refusée.`, 'clientIdTaken');
      }
    }
  }
}
