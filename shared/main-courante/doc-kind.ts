import type { RoomDocKind } from '../core/room-doc.js';
import { writesSharedDocs } from '../comms/rules.js';
import { mainCouranteDocName } from './doc.js';

/** `main-courante`: players (and the crisis director) write, append-only (the server checks each update); everyone else in the room reads. */
export const mainCouranteDoc: RoomDocKind = {
  kind: 'main-courante',
  matches: (docName) => docName === mainCouranteDocName,
  access: (viewer, state) => (writesSharedDocs(viewer, state) ? 'write' : 'read'),
};
