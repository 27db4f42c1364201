import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../../shared/core/roles.js';
import type { Participant } from '../../shared/core/define.js';
import { sealDrafts } from '../../shared/comms/seal.js';
import { missingParties, standingApprovals } from '../../shared/comms/joint.js';
import { commandRefusal } from '../../shared/permissions.js';
import { narrate } from '../../shared/retex/narrator.js';
import { append, ars, director, observer, prefecture, pureRoom, refusal, run, type PureRoom } from '../alert-chain/harness.js';

/** Issue 19: a joint product is final only when the ARS and the Préfecture validated the same sealed text. */
const hashA = 'a'.repeat(64);
const hashB = 'b'.repeat(64);
const evaluator: Participant = { kind: 'participant', sessionId: 's-eval', name: 'Évaluatrice', role: 'evaluator' };
const arsColleague: Participant = { ...ars, sessionId: 's-ars-2', name: 'Second cadre ARS' };

const draftOf = (room: PureRoom) => room.state.comms.drafts.at(-1)!;
/** Submits the last draft and records the server's seal of `hash` (the pure rule `sealDrafts` decides the events). */
function submitAndSeal(room: PureRoom, hash: string, text = `texte ${hash[0]}`, by: Actor = ars): void {
  const draft = draftOf(room);
  run(room, by as Participant, 'comms.submit', { draftId: draft.id });
  append(room, sealDrafts(room.state, { draftId: draft.id, cycle: draftOf(room).cycle }, text, hash), systemActor);
}

function jointRoom(): PureRoom {
  const room = pureRoom();
  run(room, ars, 'comms.createDraft', { kind: 'note_aux_elus', title: 'Note aux élus — GHT', joint: true });
  return room;
}

describe('joint validation (ARS + Préfecture)', () => {
  it('stays submitted after one cell, is validated by the second on the same fingerprint, with both names and both clocks', () => {
    const room = jointRoom();
    room.exerciseTime = 10 * 60_000;
    submitAndSeal(room, hashA);
    run(room, ars, 'comms.validate', { draftId: 'd1', hash: hashA });
    expect(draftOf(room).status).toBe('soumis');
    expect(missingParties(draftOf(room))).toEqual(['prefecture']);
    expect(refusal(room, prefecture, 'comms.publish', { draftId: 'd1' }).message).toContain('en attente de la Préfecture');

    room.exerciseTime = 25 * 60_000;
    const events = run(room, prefecture, 'comms.validate', { draftId: 'd1', hash: hashA });
    expect(events.map((e) => e.type)).toEqual(['comms.jointApproved', 'comms.validated']);
    const version = draftOf(room).versions[0]!;
    expect(draftOf(room).status).toBe('valide');
    expect(version.approvals.map((a) => [a.cell, a.by.name, a.exerciseTime, a.hash])).toEqual([
      ['ars', 'Cadre ARS', 10 * 60_000, hashA],
      ['prefecture', 'SIDPC', 25 * 60_000, hashA],
    ]);
    expect(version.approvals[0]!.at).toBe(1_700_000_000_000 + 10 * 60_000);
    run(room, ars, 'comms.publish', { draftId: 'd1' });
    expect(draftOf(room).status).toBe('publie');
  });

  it('refuses a second validation by the same cell (even by another player of it), a cell not party, and the director', () => {
    const room = pureRoom();
    room.state = { ...room.state, room: { ...room.state.room, cells: [...room.state.room.cells, { id: 'samu', label: 'SAMU' }] } };
    run(room, ars, 'comms.createDraft', { kind: 'point_presse', title: 'Point presse de 11 h', joint: true });
    submitAndSeal(room, hashA);
    run(room, ars, 'comms.validate', { draftId: 'd1', hash: hashA });
    const twice = refusal(room, arsColleague, 'comms.validate', { draftId: 'd1', hash: hashA });
    expect([twice.code, twice.message]).toEqual(['conflict', "Cette version est déjà validée par l'ARS ; en attente de la Préfecture."]);
    const samu: Participant = { kind: 'participant', sessionId: 's-samu', name: 'SAMU', role: 'player', cell: 'samu' };
    for (const who of [samu, director, evaluator, observer]) expect(refusal(room, who, 'comms.validate', { draftId: 'd1', hash: hashA }).code).toBe('forbidden');
    expect(refusal(room, samu, 'comms.requestChanges', { draftId: 'd1', comments: 'Non' }).code).toBe('forbidden');
    expect(standingApprovals(draftOf(room))).toHaveLength(1);
  });

  it('voids a validation when the text changes: both cells validate the new text, the first again', () => {
    const room = jointRoom();
    submitAndSeal(room, hashA);
    run(room, ars, 'comms.validate', { draftId: 'd1', hash: hashA });
    run(room, prefecture, 'comms.requestChanges', { draftId: 'd1', comments: 'Retirer le nom du maire.' });
    submitAndSeal(room, hashB, 'texte corrigé');
    expect(room.events.map((e) => e.type).slice(-2)).toEqual(['comms.jointApprovalVoided', 'comms.sealed']);
    expect(standingApprovals(draftOf(room))).toEqual([]);
    expect(missingParties(draftOf(room))).toEqual(['ars', 'prefecture']);
    // The old fingerprint is refused: the text validated is the new one.
    expect(refusal(room, prefecture, 'comms.validate', { draftId: 'd1', hash: hashA }).code).toBe('conflict');
    expect(run(room, prefecture, 'comms.validate', { draftId: 'd1', hash: hashB }).map((e) => e.type)).toEqual(['comms.jointApproved']);
    expect(run(room, ars, 'comms.validate', { draftId: 'd1', hash: hashB }).map((e) => e.type)).toEqual(['comms.jointApproved', 'comms.validated']);
    expect(draftOf(room).versions[0]!.approvals.map((a) => a.cell)).toEqual(['prefecture', 'ars']);

    const sentences = narrate(room.events).map((t) => t.sentence);
    expect(sentences).toContain("Le texte de la note aux élus « Note aux élus — GHT » a changé : la validation de l'ARS tombe, le nouveau texte est à valider");
    expect(sentences).toContain("Cadre ARS (ARS) valide pour l'ARS le texte de la note aux élus « Note aux élus — GHT » ; en attente de la Préfecture");
    expect(sentences).toContain("Version 1 de la note aux élus « Note aux élus — GHT » validée conjointement par l'ARS et la Préfecture (même texte, même empreinte)");
  });

  it('keeps the validation when the same text comes back (same fingerprint)', () => {
    const room = jointRoom();
    submitAndSeal(room, hashA);
    run(room, ars, 'comms.validate', { draftId: 'd1', hash: hashA });
    run(room, prefecture, 'comms.requestChanges', { draftId: 'd1', comments: 'Finalement non.' });
    submitAndSeal(room, hashA);
    expect(room.events.at(-1)!.type).toBe('comms.sealed');
    expect(missingParties(draftOf(room))).toEqual(['prefecture']);
  });

  it('is set at creation or before any validation, never after; a single-cell draft keeps its validator', () => {
    const room = pureRoom();
    run(room, ars, 'comms.createDraft', { kind: 'communique_presse', title: 'Communiqué' });
    run(room, prefecture, 'comms.setJoint', { draftId: 'd1', joint: true });
    expect(draftOf(room).joint).toBe(true);
    expect(refusal(room, ars, 'comms.setJoint', { draftId: 'd1', joint: true }).code).toBe('conflict');
    expect(refusal(room, observer, 'comms.setJoint', { draftId: 'd1', joint: false }).code).toBe('forbidden');
    submitAndSeal(room, hashA);
    run(room, ars, 'comms.validate', { draftId: 'd1', hash: hashA });
    expect(refusal(room, ars, 'comms.setJoint', { draftId: 'd1', joint: false }).message).toContain('avant toute validation');

    run(room, ars, 'comms.createDraft', { kind: 'note_interne', title: 'Note' });
    submitAndSeal(room, hashB);
    expect(refusal(room, ars, 'comms.validate', { draftId: 'd2', hash: hashB }).code).toBe('forbidden');
    expect(run(room, prefecture, 'comms.validate', { draftId: 'd2', hash: hashB }).map((e) => e.type)).toEqual(['comms.validated']);
  });

  it('refuses a joint draft in a room without both cells, and the client is told the same', () => {
    const room = pureRoom();
    room.state = { ...room.state, room: { ...room.state.room, cells: [{ id: 'ars', label: 'ARS' }] } };
    const payload = { kind: 'note_aux_elus', title: 'Note', joint: true };
    expect(refusal(room, ars, 'comms.createDraft', payload).code).toBe('conflict');
    expect(commandRefusal('comms.createDraft', { state: room.state, actor: ars, now: { wallTime: 0, exerciseTime: 0 }, payload })?.code).toBe('conflict');
  });
});
