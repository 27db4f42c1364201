import type { RoomDocKind } from '../core/room-doc.js';
import { retexAccess } from './access.js';

export const retexDocName = 'retex';

/** `retex`: points forts, axes d'amélioration and plan d'actions; director and evaluators write, the others read once released. */
export const retexDoc: RoomDocKind = {
  kind: 'retex',
  matches: (docName) => docName === retexDocName,
  access: (viewer, state) => retexAccess(viewer, state),
};
