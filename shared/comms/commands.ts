import { z } from 'zod';
import { defineCommand } from '../core/define.js';
import { conflict, notFound } from '../core/errors.js';
import { CellId } from '../core/roles.js';
import type { Participant } from '../core/define.js';
import type { RoomState } from '../room-state.js';
import { DraftId, DraftKind, DraftTitle, isEditable, type Draft, type DraftStatus } from './draft.js';
import { findDraft, requireValidator, requireWriter } from './rules.js';
import { changesRequested, draftCreated, draftPublished, draftReopened, draftSubmitted, draftValidated, jointApproved, jointSet, validatorSet } from './events.js';
import { jointCellPhrase, jointSettingRefusal, jointValidationRefusal, missingParties, requireJointParty, roomHasJointParties } from './joint.js';
import { rumourCommands } from './rumour-commands.js';

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
  refusal(draft: Draft): string;
}

const steps = {
  submit: { who: 'writer', allows: isEditable, refusal: ({ status }) => `Le brouillon est « ${status} » : il ne peut pas être soumis.` },
  validate: { who: 'validator', allows: (status) => status === 'soumis', refusal: ({ status }) => `Le brouillon est « ${status} » : rien à valider.` },
  requestChanges: { who: 'validator', allows: (status) => status === 'soumis', refusal: ({ status }) => `Le brouillon est « ${status} » : rien à relire.` },
  publish: {
    who: 'writer',
    allows: (status) => status === 'valide',
    refusal: (draft) =>
      draft.joint && draft.status === 'soumis'
        ? `Validation conjointe : publication possible quand l'ARS et la Préfecture auront validé le même texte (en attente de ${missingParties(draft).map(jointCellPhrase).join(' et ')}).`
        : 'Seule une version validée peut être publiée.',
  },
  reopen: { who: 'writer', allows: (status) => status === 'valide' || status === 'publie', refusal: () => 'Seul un brouillon validé ou publié se rouvre.' },
} satisfies Record<string, WorkflowStep>;

/**
 * The draft a workflow step acts on, once the actor's right and the draft's status allow the step. A joint
 * product's validators are its two party cells (checked by the step itself), not the room's validating cell.
 */
function draftForStep(state: RoomState, actor: Participant, draftId: string, step: WorkflowStep): Draft {
  if (step.who === 'writer') requireWriter(actor, state);
  const draft = findDraft(state, draftId);
  if (step.who === 'validator' && !draft.joint) requireValidator(actor, state);
  if (!step.allows(draft.status)) throw conflict(step.refusal(draft));
  return draft;
}

export const createDraft = defineCommand({
  type: 'comms.createDraft',
  description: 'Ouvrir un brouillon de communication publique.',
  payload: z.object({ kind: DraftKind, title: DraftTitle, joint: z.boolean().optional() }),
  allowed: ['director', 'player'],
  example: { kind: 'communique_presse', title: 'Communiqué — prise en charge des patients du GHT' },
  decide: ({ state, actor, payload }) => {
    requireWriter(actor, state);
    const draftId = `d${state.comms.drafts.length + 1}`;
    if (!payload.joint) return [draftCreated.draft({ draftId, kind: payload.kind, title: payload.title }, 'all')];
    if (!roomHasJointParties(state)) throw conflict('La validation conjointe demande une cellule ARS et une cellule Préfecture dans la salle.');
    return [draftCreated.draft({ draftId, kind: payload.kind, title: payload.title, joint: true }, 'all')];
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
    if (draft.joint) jointValidationRefusal(draft, actor);
    const sealed = draft.sealed;
    if (!sealed || sealed.cycle !== draft.cycle) throw conflict('Le texte soumis est en cours de relevé par le serveur ; réessayez.');
    if (sealed.hash !== payload.hash) throw conflict("Le texte relu n'est pas le texte soumis : rechargez avant de valider.");
    const version = draftValidated.draft({ draftId: draft.id, number: draft.versions.length + 1, hash: sealed.hash, text: sealed.text }, 'all');
    if (!draft.joint) return [version];
    // A joint product: this cell's validation, and the version once the other cell's validation of this text stands.
    const approval = jointApproved.draft({ draftId: draft.id, cycle: draft.cycle, hash: sealed.hash, cell: actor.cell ?? '' }, 'all');
    // The refusal above made sure this cell is one of the missing ones: it completes the product when it is the last.
    if (missingParties(draft).length > 1) return [approval];
    return [approval, draftValidated.draft({ ...version.payload, joint: true }, 'all')];
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
    if (draft.joint) requireJointParty(actor);
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

export const setJoint = defineCommand({
  type: 'comms.setJoint',
  description: 'Demander (ou ne plus demander) la validation conjointe ARS + Préfecture, avant toute validation du texte.',
  payload: Ref.extend({ joint: z.boolean() }),
  allowed: ['director', 'player'],
  example: { draftId: 'd1', joint: true },
  decide: ({ state, actor, payload }) => {
    requireWriter(actor, state);
    const draft = findDraft(state, payload.draftId);
    if (draft.joint === payload.joint) throw conflict(payload.joint ? 'Ce texte demande déjà la validation conjointe.' : 'Ce texte ne demande pas de validation conjointe.');
    jointSettingRefusal(draft, state);
    return [jointSet.draft({ draftId: draft.id, joint: payload.joint }, 'all')];
  },
});

export const commsCommands = [createDraft, submitDraft, validateDraft, requestChanges, publishDraft, reopenDraft, setValidator, setJoint, ...rumourCommands];
