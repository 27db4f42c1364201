import type { RoomDocKind } from '../core/room-doc.js';
import { draftIdOfDoc, isEditable } from './draft.js';
import { writesSharedDocs } from './rules.js';
import type { RoomState } from '../room-state.js';

const draftOf = (state: RoomState, docName: string) => {
  const draftId = draftIdOfDoc(docName);
  return draftId ? state.comms.drafts.find((d) => d.id === draftId) : undefined;
};

/** `comms-<draftId>`: the text of a draft that exists in the room; writers as the main courante, and only while the draft is editable. */
export const commsDraftDoc: RoomDocKind = {
  kind: 'comms',
  matches: (docName, state) => draftOf(state, docName) !== undefined,
  access: (viewer, state) => (writesSharedDocs(viewer, state) ? 'write' : 'read'),
  acceptsWrites: (state, docName) => {
    const draft = draftOf(state, docName);
    return draft !== undefined && isEditable(draft.status);
  },
};
