import { describe, expect, it } from 'vitest';
import type { EventDraft } from '../../shared/core/events.js';
import type { Participant } from '../../shared/core/define.js';
import { dictPick } from '../../shared/core/dict.js';
import { applyEvent, findCommand } from '../../shared/domain.js';
import { initialRoomState, type RoomState } from '../../shared/room-state.js';
import { newLink } from '../../shared/alert-chain/state.js';
import { readScenario } from '../../server/exercise/scenario-files.js';
import { translator } from '../../client/i18n/index.js';
import { endClockFigures, endClockText } from '../../client/room/end-clock.js';

const director: Participant = { kind: 'participant', sessionId: 's-dir', name: 'Anne', role: 'director' };

/** A room as the director sees it, the scenario loaded (`withScenario`), built by the shared reducer alone. */
function roomState(mode: 'exercise' | 'crisis', withScenario: boolean): RoomState {
  const scenario = readScenario('demo-court');
  let state = initialRoomState('r1');
  let seq = 0;
  const apply = (drafts: EventDraft[]) => {
    for (const d of drafts)
      state = applyEvent(state, { ...d, roomId: 'r1', seq: ++seq, wallTime: 1000 + seq, exerciseTime: 0, actor: { kind: 'system', name: 'ORSAN Room' }, commandId: null, prevHash: '', hash: '' });
  };
  apply([{ type: 'room.created', payload: { mode, title: 'T', cells: scenario.cells }, visibility: 'all' }]);
  if (withScenario) apply([{ type: 'exercise.scenarioLoaded', payload: { scenario }, visibility: 'director' }]);
  return state;
}

function skip(state: RoomState, id: string): RoomState {
  const spec = findCommand('stimulus.skip')!;
  const drafts = spec.decide({ state, actor: director, payload: spec.payload.parse({ id }), now: { wallTime: 5000, exerciseTime: 0 } });
  return drafts.reduce((s, d, i) => applyEvent(s, { ...d, roomId: 'r1', seq: s.seq + i + 1, wallTime: 5000, exerciseTime: 0, actor: director, commandId: null, prevHash: '', hash: '' }), state);
}

const link = (id: string, status: 'a_alerter' | 'alerte' | 'accuse') => ({
  ...newLink({ id, from: 'ars', to: 'prefecture', channel: 'telephone', deadlineMinutes: 15, trigger: 'T0' }),
  status,
});

describe('what the FINEX / end-of-crisis confirmation says', () => {
  const fr = translator('fr');

  it('counts the chronogramme rows that will not go out, and the alert-chain links still without acknowledgement', () => {
    let state = roomState('exercise', true);
    const items = dictPick(state.exercise.animator!.items, state.exercise.animator!.order);
    const scheduled = items.filter((i) => i.status === 'scheduled');
    expect(scheduled.length).toBeGreaterThan(2);
    state = skip(state, scheduled[0]!.stimulus.id);
    state = { ...state, alertChain: { ...state.alertChain, links: [link('a', 'a_alerter'), link('b', 'alerte'), link('c', 'accuse')] } };

    const figures = endClockFigures(state, 754_000);
    expect(figures).toMatchObject({ mode: 'exercise', at: 754_000, scheduled: scheduled.length - 1, openLinks: 2 });
    const text = endClockText(fr, figures);
    expect(text.title).toBe('Terminer l’exercice (FINEX) ?');
    expect(text.confirm).toBe('Terminer (FINEX)');
    expect(text.lines).toContain('L’horloge d’exercice s’arrête pour tous à T+00:12:34.');
    expect(text.lines).toContain(`${scheduled.length - 1} stimuli programmés ne seront pas injectés.`);
    expect(text.lines).toContain('Les délais de la chaîne d’alerte cessent de courir : 2 liens n’ont pas d’accusé de réception.');
    expect(text.lines.at(-1)).toMatch(/^Irréversible/);
  });

  it('says one stimulus in the singular, none when all went out, and counts no stimulus on a page without the chronogramme', () => {
    const figures = { mode: 'exercise' as const, at: 0, scheduled: 1, waiting: 2, openLinks: 0 };
    expect(endClockText(fr, figures).lines).toEqual([
      'L’horloge d’exercice s’arrête pour tous à T+00:00:00.',
      '1 stimulus programmé ne sera pas injecté.',
      '2 stimuli en attente d’une condition ne partiront pas non plus.',
      'Les délais de la chaîne d’alerte cessent de courir.',
      'Irréversible : l’exercice ne pourra pas reprendre.',
    ]);
    expect(endClockText(fr, { ...figures, scheduled: 0, waiting: 0 }).lines[1]).toBe('Aucun stimulus programmé ne reste à injecter.');
    const noConsole = endClockFigures(roomState('exercise', false), 0);
    expect(noConsole.scheduled).toBeNull();
    expect(endClockText(fr, noConsole).lines.join(' ')).not.toMatch(/stimul/);
  });

  it('closes a crisis: the room, the links followed, the directory; in English too', () => {
    const state = { ...roomState('crisis', false) };
    const figures = endClockFigures({ ...state, alertChain: { ...state.alertChain, links: [link('a', 'alerte')] } }, 3_600_000);
    const text = endClockText(fr, figures);
    expect(text.title).toBe('Clore la crise ?');
    expect(text.confirm).toBe('Clore la crise');
    expect(text.lines[0]).toBe('Clore la crise : la salle est close pour tous, l’horloge de crise s’arrête à T+01:00:00.');
    expect(text.lines).toContain('1 lien de la chaîne d’alerte sans accusé de réception n’est plus suivi ; les liens d’accusé de réception envoyés par message expirent.');
    expect(text.lines.join(' ')).not.toMatch(/stimul/);
    expect(endClockText(translator('en'), figures).confirm).toBe('Close the crisis');
  });
});
