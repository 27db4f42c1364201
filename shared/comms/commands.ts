import { z } from 'zod';
import { defineCommand } from '../core/define.js';
import { conflict, notFound } from '../core/errors.js';
import { CellId } from '../core/roles.js';
import type { Participant } from '../core/define.js';
import type { RoomState } from '../room-state.js';
import { DraftId, DraftKind, DraftTitle, isEditable, type Draft, type DraftStatus } from './draft.js';
import { findDraft, requireValidator, requireWriter } from './rules.js';
import { changesRequested, draftCreated, draftPublished, draftReopened, draftSubmitted, draftValidated, validatorSet } from './events.js';

/**
 * The public-communication workflow. The text itself is edited in the draft's Yjs document;
 * these commands move the draft along brouillon → soumis → validé / à reprendre → publié. What is validated is
 * the text the *server* read from the document at submission (`comms.sealed`), never a text a client claims.
 */
const Ref = z.object({ draftId: DraftId });

/** Who takes a workflow step and from which statuses (`refusal`: why not, for a status that does not allow it). */
interface WorkflowStep {
  who: 'writer' | 'validator';
  allows(status: DraftStatus): boolean;
  refusal(status: DraftStatus): string;
}

const steps = {
  submit: { who: 'writer', allows: isEditable, refusal: (status) => `Le brouillon est « ${status} » : il ne peut pas être soumis.` },
  validate: { who: 'validator', allows: (status) => status === 'soumis', refusal: (status) => `Le brouillon est « ${status} » : rien à valider.` },
  requestChanges: { who: 'validator', allows: (status) => status === 'soumis', refusal: (status) => `Le brouillon est « ${status} » : rien à relire.` },
  publish: { who: 'writer', allows: (status) => status === 'valide', refusal: () => 'Seule une version validée peut être publiée.' },
  reopen: { who: 'writer', allows: (status) => status === 'valide' || status === 'publie', refusal: () => 'Seul un brouillon validé ou publié se rouvre.' },
} satisfies Record<string, WorkflowStep>;

/** The draft a workflow step acts on, once the actor's right and the draft's status allow the step. */
function draftForStep(state: RoomState, actor: Participant, draftId: string, step: WorkflowStep): Draft {
  if (step.who === 'writer') requireWriter(actor, state);
  else requireValidator(actor, state);
  const draft = findDraft(state, draftId);
  if (!step.allows(draft.status)) throw conflict(step.refusal(draft.status));
  return draft;
}

export const createDraft = defineCommand({
  type: 'comms.createDraft',
  description: 'Ouvrir un brouillon de communication publique.',
  payload: z.object({ kind: DraftKind, title: DraftTitle }),
  allowed: ['director', 'player'],
  example: { kind: 'communique_presse', title: 'Communiqué — prise en charge des patients du GHT' },
  decide: ({ state, actor, payload }) => {
    requireWriter(actor, state);
    return [draftCreated.draft({ draftId: `d${state.comms.drafts.length + 1}`, ...payload }, 'all')];
  },
});

export const submitDraft = defineCommand({
  type: 'comms.submit',
  description: 'Soumettre le brouillon à validation (son texte est figé pendant la relecture).',
  payload: Ref,
  allowed: ['director', 'player'],
  example: { draftId: 'd1' },
  decide: ({ state, actor, payload }) => {
    const draft = draftForStep(state, actor, payload.draftId, steps.submit);
    return [draftSubmitted.draft({ draftId: draft.id, cycle: draft.cycle }, 'all')];
  },
});

export const validateDraft = defineCommand({
  type: 'comms.validate',
  description: 'Valider le texte soumis (empreinte du texte relu) : il est figé comme version.',
  payload: Ref.extend({ hash: z.string().regex(/^[0-9a-f]{64}$/, 'empreinte SHA-256 attendue') }),
  allowed: ['director', 'player'],
  example: { draftId: 'd1', hash: 'a'.repeat(64) },
  decide: ({ state, actor, payload }) => {
    const draft = draftForStep(state, actor, payload.draftId, steps.validate);
    const sealed = draft.sealed;
    if (!sealed || sealed.cycle !== draft.cycle) throw conflict('Le texte soumis est en cours de relevé par le serveur ; réessayez.');
    if (sealed.hash !== payload.hash) throw conflict("Le texte relu n'est pas le texte soumis : rechargez avant de valider.");
    return [draftValidated.draft({ draftId: draft.id, number: draft.versions.length + 1, hash: sealed.hash, text: sealed.text }, 'all')];
  },
});

export const requestChanges = defineCommand({
  type: 'comms.requestChanges',
  description: 'Renvoyer le brouillon soumis à reprendre, avec des commentaires.',
  payload: Ref.extend({ comments: z.string().trim().min(1).max(4000) }),
  allowed: ['director', 'player'],
  example: { draftId: 'd1', comments: 'Retirer le nom de l’établissement tant que la plainte n’est pas déposée.' },
  decide: ({ state, actor, payload }) => {
    const draft = draftForStep(state, actor, payload.draftId, steps.requestChanges);
    return [changesRequested.draft({ draftId: draft.id, cycle: draft.cycle, comments: payload.comments }, 'all')];
  },
});

export const publishDraft = defineCommand({
  type: 'comms.publish',
  description: "Publier la version validée (en exercice, elle est transmise à l'animation).",
  payload: Ref,
  allowed: ['director', 'player'],
  example: { draftId: 'd1' },
  decide: ({ state, actor, payload }) => {
    const draft = draftForStep(state, actor, payload.draftId, steps.publish);
    const version = draft.versions.at(-1);
    if (!version) throw conflict('Seule une version validée peut être publiée.');
    const { number, hash, text } = version;
    return [draftPublished.draft({ draftId: draft.id, number, kind: draft.kind, title: draft.title, hash, text }, 'all')];
  },
});

export const reopenDraft = defineCommand({
  type: 'comms.reopen',
  description: 'Rouvrir un brouillon validé ou publié pour en rédiger une nouvelle version.',
  payload: Ref,
  allowed: ['director', 'player'],
  example: { draftId: 'd1' },
  decide: ({ state, actor, payload }) => {
    const draft = draftForStep(state, actor, payload.draftId, steps.reopen);
    return [draftReopened.draft({ draftId: draft.id, cycle: draft.cycle + 1 }, 'all')];
  },
});

export const setValidator = defineCommand({
  type: 'comms.setValidator',
  description: 'Désigner la cellule qui valide la communication publique.',
  payload: z.object({ cell: CellId }),
  allowed: ['director'],
  example: { cell: 'prefecture' },
  decide: ({ state, payload }) => {
    if (!state.room.cells.some((c) => c.id === payload.cell)) throw notFound(`Cellule « ${payload.cell} » inconnue dans cette salle.`);
    return [validatorSet.draft(payload, 'all')];
  },
});

export const commsCommands = [createDraft, submitDraft, validateDraft, requestChanges, publishDraft, reopenDraft, setValidator];
