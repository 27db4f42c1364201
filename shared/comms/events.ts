import { z } from 'zod';
import { defineEvent } from '../core/define.js';
import { CellId } from '../core/roles.js';
import type { RoomState } from '../room-state.js';
import { DraftId, DraftKind, maxDraftTextLength, type Draft, type Signer } from './draft.js';

const Hash = z.string().regex(/^[0-9a-f]{64}$/);

function updateDraft(state: RoomState, draftId: string, change: (draft: Draft) => Draft): RoomState {
  const drafts = state.comms.drafts.map((d) => (d.id === draftId ? change(d) : d));
  return { ...state, comms: { ...state.comms, drafts } };
}

/** Signer from the event envelope (the actor that sent the command). */
export const signerOfEvent = (actor: { sessionId?: string | undefined; name: string; cell?: string | undefined }): Signer => ({
  sessionId: actor.sessionId ?? '',
  name: actor.name,
  cell: actor.cell ?? null,
});

export const draftCreated = defineEvent({
  type: 'comms.draftCreated',
  description: 'Un brouillon de communication publique est ouvert (communiqué, réseaux sociaux, éléments de langage, note interne).',
  payload: z.object({ draftId: DraftId, kind: DraftKind, title: z.string(), joint: z.boolean().optional() }),
  apply: (state, p, event) => {
    const draft: Draft = {
      id: p.draftId,
      kind: p.kind,
      title: p.title,
      status: 'brouillon',
      createdBy: signerOfEvent(event.actor),
      createdAt: event.wallTime,
      cycle: 1,
      sealed: null,
      reviews: [],
      versions: [],
      joint: p.joint ?? false,
      approvals: [],
    };
    return { ...state, comms: { ...state.comms, drafts: [...state.comms.drafts, draft] } };
  },
});

export const draftSubmitted = defineEvent({
  type: 'comms.submitted',
  description: 'Le brouillon est soumis à validation : son texte est figé le temps de la relecture.',
  payload: z.object({ draftId: DraftId, cycle: z.number().int().positive() }),
  apply: (state, p) => updateDraft(state, p.draftId, (d) => ({ ...d, status: 'soumis', sealed: null })),
});

export const draftSealed = defineEvent({
  type: 'comms.sealed',
  description: 'Le serveur relève le texte soumis dans le document partagé et en calcule l’empreinte (SHA-256) : c’est ce texte qui est validé.',
  payload: z.object({ draftId: DraftId, cycle: z.number().int().positive(), hash: Hash, text: z.string().max(maxDraftTextLength) }),
  apply: (state, p, event) => updateDraft(state, p.draftId, (d) => ({ ...d, sealed: { cycle: p.cycle, hash: p.hash, text: p.text, at: event.wallTime } })),
});

export const draftValidated = defineEvent({
  type: 'comms.validated',
  description: 'Le texte scellé est validé et figé comme version, avec son empreinte, son valideur et l’heure (pour un produit conjoint : les validations des deux cellules).',
  payload: z.object({ draftId: DraftId, number: z.number().int().positive(), hash: Hash, text: z.string().max(maxDraftTextLength), joint: z.boolean().optional() }),
  apply: (state, p, event) =>
    updateDraft(state, p.draftId, (d) => ({
      ...d,
      status: 'valide',
      // A joint product's version keeps the validations of its text; the next cycle starts with none.
      approvals: [],
      versions: [
        ...d.versions,
        {
          number: p.number,
          hash: p.hash,
          text: p.text,
          validatedBy: signerOfEvent(event.actor),
          validatedAt: event.wallTime,
          validatedExerciseTime: event.exerciseTime,
          publishedAt: null,
          publishedBy: null,
          approvals: p.joint ? d.approvals.filter((a) => a.cycle === d.cycle && a.hash === p.hash) : [],
        },
      ],
    })),
});

export const jointSet = defineEvent({
  type: 'comms.jointSet',
  description: 'Le brouillon demande (ou ne demande plus) la validation conjointe de l’ARS et de la Préfecture.',
  payload: z.object({ draftId: DraftId, joint: z.boolean() }),
  apply: (state, p) => updateDraft(state, p.draftId, (d) => ({ ...d, joint: p.joint })),
});

export const jointApproved = defineEvent({
  type: 'comms.jointApproved',
  description: 'Une des deux cellules (ARS ou Préfecture) valide le texte scellé d’un produit conjoint (son empreinte) ; il attend la validation de l’autre.',
  payload: z.object({ draftId: DraftId, cycle: z.number().int().positive(), hash: Hash, cell: CellId }),
  apply: (state, p, event) =>
    updateDraft(state, p.draftId, (d) => ({
      ...d,
      approvals: [
        ...d.approvals.filter((a) => a.cell !== p.cell),
        { cell: p.cell, cycle: p.cycle, hash: p.hash, by: signerOfEvent(event.actor), at: event.wallTime, exerciseTime: event.exerciseTime },
      ],
    })),
});

export const jointApprovalVoided = defineEvent({
  type: 'comms.jointApprovalVoided',
  description: 'Le texte d’un produit conjoint a changé après une validation : cette validation tombe, la cellule doit valider le nouveau texte.',
  payload: z.object({ draftId: DraftId, cells: z.array(CellId).min(1), hash: Hash }),
  apply: (state, p) => updateDraft(state, p.draftId, (d) => ({ ...d, approvals: d.approvals.filter((a) => !(p.cells.includes(a.cell) && a.hash === p.hash)) })),
});

export const changesRequested = defineEvent({
  type: 'comms.changesRequested',
  description: 'Le valideur renvoie le brouillon à reprendre, avec ses commentaires.',
  payload: z.object({ draftId: DraftId, cycle: z.number().int().positive(), comments: z.string() }),
  apply: (state, p, event) =>
    updateDraft(state, p.draftId, (d) => ({
      ...d,
      status: 'a_reprendre',
      sealed: null,
      reviews: [...d.reviews, { cycle: p.cycle, by: signerOfEvent(event.actor), at: event.wallTime, comments: p.comments }],
    })),
});

export const draftPublished = defineEvent({
  type: 'comms.published',
  description: "La version validée est publiée ; en exercice, elle part vers l'animation, qui peut y répondre par des stimuli médias.",
  payload: z.object({ draftId: DraftId, number: z.number().int().positive(), kind: DraftKind, title: z.string(), hash: Hash, text: z.string() }),
  apply: (state, p, event) =>
    updateDraft(state, p.draftId, (d) => ({
      ...d,
      status: 'publie',
      versions: d.versions.map((v) => (v.number === p.number ? { ...v, publishedAt: event.wallTime, publishedBy: signerOfEvent(event.actor) } : v)),
    })),
});

export const draftReopened = defineEvent({
  type: 'comms.reopened',
  description: 'Un brouillon validé ou publié est rouvert pour une nouvelle version ; les versions figées restent.',
  payload: z.object({ draftId: DraftId, cycle: z.number().int().positive() }),
  apply: (state, p) => updateDraft(state, p.draftId, (d) => ({ ...d, status: 'brouillon', cycle: p.cycle, sealed: null })),
});

export const validatorSet = defineEvent({
  type: 'comms.validatorSet',
  description: 'La cellule qui valide la communication publique est désignée (par le scénario ou le directeur).',
  payload: z.object({ cell: CellId }),
  apply: (state, p) => ({ ...state, comms: { ...state.comms, validatorCell: p.cell } }),
});

export const commsEvents = [draftCreated, draftSubmitted, draftSealed, draftValidated, changesRequested, draftPublished, draftReopened, validatorSet, jointSet, jointApproved, jointApprovalVoided];
