import type { RoomDocKind } from '../core/room-doc.js';

export const animatorNotesDocName = 'animator-notes';

/** `animator-notes`: the animation team's notes, the director's alone. */
export const animatorNotesDoc: RoomDocKind = {
  kind: 'animator-notes',
  matches: (docName) => docName === animatorNotesDocName,
  access: (viewer) => (viewer.role === 'director' ? 'write' : null),
};
