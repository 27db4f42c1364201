import { describe, expect, it } from 'vitest';
import type { EventDraft, RoomEvent } from '../../shared/core/events.js';
import type { Participant } from '../../shared/core/define.js';
import { applyEvent, findCommand } from '../../shared/domain.js';
import { initialRoomState, type RoomState } from '../../shared/room-state.js';
import { readScenario } from '../../server/exercise/scenario-files.js';
import { playerView } from '../../shared/exercise/scenario-views.js';
import { DomainError } from '../../shared/core/errors.js';
import { dictGet } from '../../shared/core/dict.js';
import { assignRefusal, membersOf } from '../../shared/exercise/stimulus-assignment.js';

const director: Participant = { kind: 'participant', sessionId: 's-dir', name: 'Anne', role: 'director' };
const ars: Participant = { kind: 'participant', sessionId: 's-ars', name: 'Claire', role: 'player', cell: 'ars' };
const prefecture: Participant = { kind: 'participant', sessionId: 's-pref', name: 'Paul', role: 'player', cell: 'prefecture' };

/** A pure room: commands decided and their events applied by the shared reducer, no server. */
function room(scenarioId = 'demo-court') {
  const scenario = readScenario(scenarioId);
  let state = initialRoomState('r1');
  let seq = 0;
  const apply = (drafts: EventDraft[], actor: RoomEvent['actor'], exerciseTime = 0) => {
    for (const d of drafts) state = applyEvent(state, { ...d, roomId: 'r1', seq: ++seq, wallTime: 1000 + seq, exerciseTime, actor, commandId: null, prevHash: '', hash: '' });
  };
  apply(
    [
      { type: 'room.created', payload: { mode: 'exercise', title: 'T', cells: scenario.cells }, visibility: 'all' },
      { type: 'exercise.scenarioLoaded', payload: { scenario }, visibility: 'director' },
      { type: 'exercise.briefingPublished', payload: { view: playerView(scenario) }, visibility: 'all' },
    ],
    { kind: 'system', name: 'ORSAN Room' },
  );
  const send = (actor: Participant, type: string, payload: unknown, exerciseTime = 60_000) => {
    const spec = findCommand(type)!;
    const drafts = spec.decide({ state, actor, payload: spec.payload.parse(payload), now: { wallTime: 5000, exerciseTime } });
    apply(drafts, actor, exerciseTime);
    return drafts;
  };
  return {
    send,
    get state(): RoomState {
      return state;
    },
  };
}

describe('stimulus commands (pure)', () => {
  it('an ad hoc stimulus never takes the id of an existing row, and keeps what it answers when sent later', () => {
    const r = room();
    r.send(director, 'stimulus.create', { sender: 'presse', recipients: ['ars'], channel: 'telephone', subject: 'Premier appel', content: 'Allô ?', injectNow: false, offset: '00:30' });
    r.send(director, 'stimulus.create', {
      sender: 'presse',
      recipients: ['ars'],
      channel: 'telephone',
      subject: 'Second appel',
      content: 'Allô ?',
      injectNow: false,
      offset: '00:31',
      inReplyTo: 'D01',
    });
    const items = r.state.exercise.animator!.items;
    expect(dictGet(items, 'AH01')!.stimulus.subject).toBe('Premier appel');
    expect(dictGet(items, 'AH02')!.stimulus.subject).toBe('Second appel');
    r.send(director, 'stimulus.injectNow', { id: 'AH02' });
    expect(dictGet(r.state.exercise.inbox, 'AH02')!.inReplyTo).toBe('D01');
  });

  it('only a recipient cell acknowledges, once; replies and links carry wall and exercise time', () => {
    const r = room();
    r.send(director, 'stimulus.injectNow', { id: 'D01' });
    expect(() => r.send(prefecture, 'stimulus.acknowledge', { id: 'D01' })).toThrow(DomainError);
    r.send(ars, 'stimulus.acknowledge', { id: 'D01' }, 120_000);
    expect(() => r.send(ars, 'stimulus.acknowledge', { id: 'D01' })).toThrow(/déjà accusée/);
    r.send(ars, 'stimulus.reply', { id: 'D01', text: 'Bien reçu' }, 180_000);
    r.send(ars, 'stimulus.link', { id: 'D01', kind: 'mainCourante', ref: 'mc-000001', label: 'Décision' }, 200_000);
    const item = dictGet(r.state.exercise.inbox, 'D01')!;
    expect(dictGet(item.acks, 'ars')).toMatchObject({ by: 'Claire', exerciseTime: 120_000 });
    expect(item.replies[0]).toMatchObject({ text: 'Bien reçu', exerciseTime: 180_000, wallTime: expect.any(Number) });
    expect(item.links[0]).toMatchObject({ ref: 'mc-000001', exerciseTime: 200_000, wallTime: expect.any(Number) });
  });

  it('the roster of a cell comes from its players who acted; assigning within it, once, and taking back only what is assigned', () => {
    const r = room();
    const marc: Participant = { kind: 'participant', sessionId: 's-marc', name: 'Marc', role: 'player', cell: 'ars' };
    r.send(director, 'stimulus.injectNow', { id: 'D01' });
    expect(membersOf(r.state.exercise, 'ars')).toEqual([]);
    // Not yet seen acting: Marc cannot be given the stimulus; Claire can take it herself.
    expect(assignRefusal(r.state, ars, 'D01', 's-marc')?.code).toBe('invalid');
    expect(assignRefusal(r.state, ars, 'D01', null)?.code).toBe('conflict');
    r.send(marc, 'stimulus.acknowledge', { id: 'D01' });
    expect(membersOf(r.state.exercise, 'ars').map((m) => m.name)).toEqual(['Marc']);
    r.send(ars, 'stimulus.assign', { stimulusId: 'D01', participantId: 's-marc' }, 90_000);
    expect(dictGet(dictGet(r.state.exercise.inbox, 'D01')!.assignees, 'ars')).toMatchObject({ sessionId: 's-marc', name: 'Marc', by: 'Claire', exerciseTime: 90_000 });
    expect(() => r.send(ars, 'stimulus.assign', { stimulusId: 'D01', participantId: 's-marc' })).toThrow(/déjà attribué à Marc/);
    // Paul of the Préfecture acted too, but is no member of the ARS cell.
    r.send(prefecture, 'participant.checkIn', {});
    expect(membersOf(r.state.exercise, 'prefecture').map((m) => m.name)).toEqual(['Paul']);
    expect(assignRefusal(r.state, ars, 'D01', 's-pref')?.code).toBe('invalid');
    expect(assignRefusal(r.state, { role: 'evaluator' }, 'D01', 's-marc')?.code).toBe('not_found');
    r.send(ars, 'stimulus.assign', { stimulusId: 'D01', participantId: null });
    expect(dictGet(dictGet(r.state.exercise.inbox, 'D01')!.assignees, 'ars')).toBeUndefined();
  });

  it('a stimulus already sent, skipped or unknown cannot be sent, skipped, deferred or edited', () => {
    const r = room();
    r.send(director, 'stimulus.injectNow', { id: 'D01' });
    expect(() => r.send(director, 'stimulus.injectNow', { id: 'D01' })).toThrow(/déjà été envoyé/);
    r.send(director, 'stimulus.skip', { id: 'D02' });
    expect(() => r.send(director, 'stimulus.defer', { id: 'D02', to: '00:10' })).toThrow(/retiré/);
    expect(() => r.send(director, 'stimulus.edit', { id: 'NOPE', changes: { subject: 'x' } })).toThrow(/introuvable/);
    expect(() => r.send(director, 'stimulus.edit', { id: 'D03', changes: { sender: 'inconnu' } })).toThrow(/Acteur simulé inconnu/);
  });
});
