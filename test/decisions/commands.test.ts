import { describe, expect, it } from 'vitest';
import type { Participant } from '../../shared/core/define.js';
import { commandRefusal } from '../../shared/permissions.js';
import { decisionMeasures } from '../../shared/decisions/measures.js';
import { nextActionDueAt, overdueActionDrafts } from '../../shared/decisions/overdue.js';
import { systemActor } from '../../shared/core/roles.js';
import { append, ars, director, minutes, observer, prefecture, pureRoom, refusal, run, type PureRoom } from '../alert-chain/harness.js';

const evaluator: Participant = { kind: 'participant', sessionId: 's-eval', name: 'Évaluatrice', role: 'evaluator' };
const decision = {
  title: 'Déclencher le plan blanc',
  rationale: 'Urgences en mode dégradé.',
  actions: [
    { title: 'Ouvrir la cellule régionale', ownerCell: 'ars', dueAt: minutes(30) },
    { title: 'Informer le COD', ownerCell: 'prefecture', ownerName: 'SIDPC', dueAt: minutes(45), priority: 'haute' as const },
  ],
};

function withDecision(): PureRoom {
  const room = pureRoom();
  room.exerciseTime = minutes(12);
  run(room, ars, 'decision.record', decision);
  return room;
}

const action = (room: PureRoom, id: string) => room.state.decisions.actions.find((a) => a.id === id)!;

describe('decision.record', () => {
  it('records the decision and its actions, numbered from the state, with author and times', () => {
    const room = withDecision();
    const [d] = room.state.decisions.decisions;
    expect(d).toMatchObject({ id: 'D1', cell: 'ars', by: { name: 'Cadre ARS', cell: 'ars' }, at: { exerciseTime: minutes(12) }, actionIds: ['A1', 'A2'], supersedes: null, supersededBy: null });
    expect(action(room, 'A2')).toMatchObject({
      ownerCell: 'prefecture',
      ownerName: 'SIDPC',
      due: { clock: 'exercise', at: minutes(45) },
      priority: 'haute',
      status: 'a_faire',
      source: { kind: 'decision', id: 'D1' },
    });
    run(room, prefecture, 'decision.record', { title: 'Activer le COD', rationale: 'Demande du préfet.', actions: [{ title: 'Convoquer', ownerCell: 'prefecture' }] });
    expect(room.state.decisions.decisions[1]).toMatchObject({ id: 'D2', actionIds: ['A3'] });
  });

  it('a player decides for their own cell only; the director for any cell', () => {
    const room = pureRoom();
    expect(refusal(room, ars, 'decision.record', { ...decision, cell: 'prefecture' }).code).toBe('forbidden');
    run(room, director, 'decision.record', { ...decision, cell: 'prefecture' });
    expect(room.state.decisions.decisions[0]?.cell).toBe('prefecture');
    expect(refusal(room, director, 'decision.record', { ...decision, cell: 'samu' }).code).toBe('not_found');
    expect(refusal(room, ars, 'decision.record', { ...decision, actions: [{ title: 'x', ownerCell: 'inconnue' }] }).code).toBe('not_found');
  });

  it('observers and evaluators record nothing; nothing before DEBEX', () => {
    const room = pureRoom();
    expect(refusal(room, observer, 'decision.record', decision).code).toBe('forbidden');
    expect(refusal(room, evaluator, 'decision.record', decision).code).toBe('forbidden');
    expect(refusal(room, observer, 'action.create', { title: 'x', ownerCell: 'ars' }).code).toBe('forbidden');
    expect(refusal(pureRoom({ started: false }), ars, 'decision.record', decision).code).toBe('conflict');
  });

  it('supersedes a decision once, keeping it with its link', () => {
    const room = withDecision();
    expect(refusal(room, prefecture, 'decision.record', { title: 'Autre', rationale: 'r', supersedes: 'D1' }).code).toBe('forbidden');
    run(room, ars, 'decision.record', { title: 'Lever le plan blanc', rationale: 'SIH rétabli.', supersedes: 'D1' });
    expect(room.state.decisions.decisions.map((d) => [d.id, d.supersedes, d.supersededBy])).toEqual([
      ['D1', null, 'D2'],
      ['D2', 'D1', null],
    ]);
    expect(refusal(room, ars, 'decision.record', { title: 'Encore', rationale: 'r', supersedes: 'D1' }).code).toBe('conflict');
    expect(refusal(room, ars, 'decision.record', { title: 'Encore', rationale: 'r', supersedes: 'D9' }).code).toBe('not_found');
    run(room, director, 'decision.record', { title: 'Encore', rationale: 'r', supersedes: 'D2', cell: 'ars' });
    expect(room.state.decisions.decisions[1]?.supersededBy).toBe('D3');
  });

  it('refuses an empty title or rationale and more than 10 actions', () => {
    const room = pureRoom();
    expect(refusal(room, ars, 'decision.record', { ...decision, title: ' ' }).code).toBe('invalid');
    expect(refusal(room, ars, 'decision.record', { ...decision, rationale: '' }).code).toBe('invalid');
    expect(refusal(room, ars, 'decision.record', { ...decision, actions: Array.from({ length: 11 }, () => decision.actions[0]) }).code).toBe('invalid');
  });
});

describe('action status', () => {
  it('à faire → en cours → faite by the owner cell, each change in the history', () => {
    const room = withDecision();
    run(room, prefecture, 'action.setStatus', { id: 'A2', status: 'en_cours' });
    room.exerciseTime = minutes(40);
    run(room, prefecture, 'action.setStatus', { id: 'A2', status: 'faite' });
    expect(action(room, 'A2')).toMatchObject({ status: 'faite', doneAt: { exerciseTime: minutes(40) } });
    expect(action(room, 'A2').history.map((h) => h.change)).toEqual(['créée', 'statut : en cours', 'statut : faite']);
    expect(refusal(room, prefecture, 'action.setStatus', { id: 'A2', status: 'faite' }).code).toBe('conflict');
    expect(refusal(room, prefecture, 'action.setStatus', { id: 'A2', status: 'abandonnee', reason: 'x' }).code).toBe('conflict');
  });

  it('à faire → faite directly; en cours cannot go back to à faire', () => {
    const room = withDecision();
    run(room, ars, 'action.setStatus', { id: 'A1', status: 'en_cours' });
    expect(refusal(room, ars, 'action.setStatus', { id: 'A1', status: 'a_faire' }).code).toBe('conflict');
    run(room, prefecture, 'action.setStatus', { id: 'A2', status: 'faite' });
    expect(action(room, 'A2').status).toBe('faite');
  });

  it('abandoning requires a reason, kept on the action', () => {
    const room = withDecision();
    expect(refusal(room, ars, 'action.setStatus', { id: 'A1', status: 'abandonnee' }).code).toBe('invalid');
    expect(refusal(room, ars, 'action.setStatus', { id: 'A1', status: 'abandonnee', reason: '  ' }).code).toBe('invalid');
    run(room, ars, 'action.setStatus', { id: 'A1', status: 'abandonnee', reason: 'Cellule déjà ouverte par le DG.' });
    expect(action(room, 'A1')).toMatchObject({ status: 'abandonnee', abandonReason: 'Cellule déjà ouverte par le DG.' });
  });

  it('a cell cannot close another cell’s action unless the director allows it', () => {
    const room = withDecision();
    expect(refusal(room, ars, 'action.setStatus', { id: 'A2', status: 'faite' }).code).toBe('forbidden');
    expect(refusal(room, ars, 'action.allowOthers', { id: 'A2', allowed: true }).code).toBe('forbidden');
    run(room, director, 'action.allowOthers', { id: 'A2', allowed: true });
    expect(refusal(room, director, 'action.allowOthers', { id: 'A2', allowed: true }).code).toBe('conflict');
    run(room, ars, 'action.setStatus', { id: 'A2', status: 'en_cours' });
    run(room, director, 'action.allowOthers', { id: 'A2', allowed: false });
    expect(refusal(room, ars, 'action.setStatus', { id: 'A2', status: 'faite' }).code).toBe('forbidden');
    run(room, director, 'action.setStatus', { id: 'A2', status: 'faite' });
    expect(action(room, 'A2').status).toBe('faite');
  });

  it('only the director reopens a closed action, to en cours', () => {
    const room = withDecision();
    run(room, ars, 'action.setStatus', { id: 'A1', status: 'faite' });
    expect(refusal(room, ars, 'action.setStatus', { id: 'A1', status: 'en_cours' }).code).toBe('forbidden');
    expect(refusal(room, director, 'action.setStatus', { id: 'A1', status: 'a_faire' }).code).toBe('conflict');
    run(room, director, 'action.setStatus', { id: 'A1', status: 'en_cours' });
    expect(action(room, 'A1')).toMatchObject({ status: 'en_cours', doneAt: null });
    expect(action(room, 'A1').history.at(-1)).toMatchObject({ change: 'statut : en cours', by: { role: 'director' } });
  });

  it('refuses an unknown action, and observers', () => {
    const room = withDecision();
    expect(refusal(room, ars, 'action.setStatus', { id: 'A9', status: 'faite' }).code).toBe('not_found');
    expect(refusal(room, observer, 'action.setStatus', { id: 'A1', status: 'faite' }).code).toBe('forbidden');
    expect(refusal(room, evaluator, 'action.comment', { id: 'A1', text: 'x' }).code).toBe('forbidden');
  });
});

describe('reassign, due time, comments, free actions', () => {
  it('the owner or the creating cell reassigns (a logged step); not another cell; not once closed', () => {
    const room = withDecision();
    run(room, ars, 'action.reassign', { id: 'A2', ownerCell: 'prefecture', ownerName: 'Directeur de cabinet' });
    expect(action(room, 'A2').history.at(-1)?.change).toBe('réassignée à prefecture (Directeur de cabinet)');
    run(room, prefecture, 'action.reassign', { id: 'A2', ownerCell: 'ars' });
    expect(action(room, 'A2')).toMatchObject({ ownerCell: 'ars', ownerName: null });
    expect(refusal(room, prefecture, 'action.reassign', { id: 'A1', ownerCell: 'prefecture' }).code).toBe('forbidden');
    expect(refusal(room, ars, 'action.reassign', { id: 'A1', ownerCell: 'ars' }).code).toBe('conflict');
    expect(refusal(room, ars, 'action.reassign', { id: 'A1', ownerCell: 'samu' }).code).toBe('not_found');
    run(room, ars, 'action.setStatus', { id: 'A1', status: 'faite' });
    expect(refusal(room, ars, 'action.reassign', { id: 'A1', ownerCell: 'prefecture' }).code).toBe('conflict');
  });

  it('changes or removes a due time, which may then fall due again', () => {
    const room = withDecision();
    room.exerciseTime = minutes(31);
    append(room, overdueActionDrafts(room.state, { exerciseTime: room.exerciseTime, wallTime: 0 }), systemActor);
    expect(action(room, 'A1').overdueAt).not.toBeNull();
    run(room, ars, 'action.setDue', { id: 'A1', dueAt: minutes(60) });
    expect(action(room, 'A1')).toMatchObject({ due: { clock: 'exercise', at: minutes(60) }, overdueAt: null });
    expect(action(room, 'A1').history.at(-1)?.change).toBe('échéance : T+01:00:00');
    expect(refusal(room, prefecture, 'action.setDue', { id: 'A1', dueAt: null }).code).toBe('forbidden');
    run(room, director, 'action.setDue', { id: 'A1', dueAt: null });
    expect(action(room, 'A1').due).toBeNull();
  });

  it('any cell comments; a free action records its source', () => {
    const room = withDecision();
    run(room, prefecture, 'action.comment', { id: 'A1', text: 'Le COD attend votre appel.' });
    expect(action(room, 'A1').comments).toMatchObject([{ text: 'Le COD attend votre appel.', by: { cell: 'prefecture' } }]);
    run(room, prefecture, 'action.create', { title: 'Rappeler le SAMU', ownerCell: 'ars', source: { kind: 'alertLink', id: 'ars-prefecture' } });
    expect(action(room, 'A3')).toMatchObject({ source: { kind: 'alertLink', id: 'ars-prefecture' }, createdBy: { cell: 'prefecture' }, priority: 'normale', due: null });
    // The creating cell re-times what it handed out, but does not close it.
    run(room, prefecture, 'action.setDue', { id: 'A3', dueAt: minutes(50) });
    expect(refusal(room, prefecture, 'action.setStatus', { id: 'A3', status: 'faite' }).code).toBe('forbidden');
    expect(refusal(room, ars, 'action.create', { title: 'x', ownerCell: 'ars', source: { kind: 'decision', id: 'D1' } }).code).toBe('invalid');
  });

  it('a crisis room sets due times on the wall clock', () => {
    const room = pureRoom({ mode: 'crisis' });
    run(room, ars, 'action.create', { title: 'Point COD', ownerCell: 'prefecture', dueAt: 1_700_000_600_000 });
    expect(action(room, 'A1').due).toEqual({ clock: 'wall', at: 1_700_000_600_000 });
  });

  it('the client asks the same refusal as the server', () => {
    const room = withDecision();
    const now = { wallTime: 0, exerciseTime: room.exerciseTime };
    expect(commandRefusal('action.setStatus', { state: room.state, actor: ars, now, payload: { id: 'A2', status: 'faite' } })?.code).toBe('forbidden');
    expect(commandRefusal('action.setStatus', { state: room.state, actor: prefecture, now, payload: { id: 'A2', status: 'faite' } })).toBeNull();
  });
});

describe('overdue and measures', () => {
  it('declares each open action overdue once, at its due time; not closed ones', () => {
    const room = withDecision();
    expect(nextActionDueAt(room.state)).toBe(minutes(30));
    expect(overdueActionDrafts(room.state, { exerciseTime: minutes(30) - 1, wallTime: 0 })).toEqual([]);
    run(room, prefecture, 'action.setStatus', { id: 'A2', status: 'faite' });
    const drafts = overdueActionDrafts(room.state, { exerciseTime: minutes(50), wallTime: 0 });
    expect(drafts.map((d) => d.payload)).toEqual([{ id: 'A1', due: { clock: 'exercise', at: minutes(30) } }]);
    room.exerciseTime = minutes(50);
    append(room, drafts, systemActor);
    expect(overdueActionDrafts(room.state, { exerciseTime: minutes(60), wallTime: 0 })).toEqual([]);
    expect(nextActionDueAt(room.state)).toBeNull();
  });

  it('places a crisis wall-clock due on the running clock', () => {
    const room = pureRoom({ mode: 'crisis' });
    run(room, ars, 'action.create', { title: 'Point COD', ownerCell: 'ars', dueAt: 600_000 });
    expect(nextActionDueAt(room.state)).toBe(600_000);
    expect(overdueActionDrafts(room.state, { wallTime: 599_999, exerciseTime: 0 })).toEqual([]);
    expect(overdueActionDrafts(room.state, { wallTime: 600_000, exerciseTime: 0 })).toHaveLength(1);
  });

  it('counts time to first decision and actions on time / late / abandoned per cell', () => {
    const room = withDecision();
    run(room, ars, 'action.create', { title: 'Troisième', ownerCell: 'ars' });
    room.exerciseTime = minutes(20);
    run(room, ars, 'action.setStatus', { id: 'A1', status: 'faite' });
    room.exerciseTime = minutes(50);
    append(room, overdueActionDrafts(room.state, { exerciseTime: room.exerciseTime, wallTime: 0 }), systemActor);
    run(room, prefecture, 'action.setStatus', { id: 'A2', status: 'faite' });
    run(room, ars, 'action.setStatus', { id: 'A3', status: 'abandonnee', reason: 'Sans objet' });
    const m = decisionMeasures(room.state);
    expect(m).toMatchObject({ decisions: 1, timeToFirstDecision: minutes(12), actions: 3, openOverdue: 0 });
    expect(m.byCell).toEqual([
      { cell: 'ars', total: 2, doneOnTime: 1, doneLate: 0, abandoned: 1, open: 0, openOverdue: 0 },
      { cell: 'prefecture', total: 1, doneOnTime: 0, doneLate: 1, abandoned: 0, open: 0, openOverdue: 0 },
    ]);
  });
});
