import type { RoomDocKind } from '../core/room-doc.js';
import type { RoomState } from '../room-state.js';
import { findPoint, sitrepNumberOfDoc } from './state.js';
import { writesSitrep } from './rules.js';

const pointOf = (state: RoomState, docName: string) => {
  const n = sitrepNumberOfDoc(docName);
  return n === null ? undefined : findPoint(state.sitrep, n);
};

/**
 * `sitrep-<n>`: the summary of a point that exists in the room. The ARS, the Préfecture and the director write,
 * everybody else in the room reads; writes are taken only while the point is a brouillon (submitted, validated
 * and frozen points do not change).
 */
export const sitrepDoc: RoomDocKind = {
  kind: 'sitrep',
  matches: (docName, state) => pointOf(state, docName) !== undefined,
  access: (viewer) => (writesSitrep(viewer) ? 'write' : 'read'),
  acceptsWrites: (state, docName) => pointOf(state, docName)?.status === 'brouillon',
};
