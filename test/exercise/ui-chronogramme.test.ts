import { describe, expect, it } from 'vitest';
import type { Stimulus } from '../../shared/exercise/scenario-stimulus.js';
import type { ChronogrammeItem, ExerciseState } from '../../shared/exercise/stimuli-state.js';
import { carrierOf, expectedActionsFor, formatCountdown, plannedAt, rowTiming } from '../../client/exercise/chronogramme.js';
import { feedEntries } from '../../client/exercise/ActivityFeed.js';

const min = 60_000;

function row(id: string, offset: string, changes: Partial<ChronogrammeItem> = {}, stimulus: Partial<Stimulus> = {}): ChronogrammeItem {
  return {
    stimulus: { id, offset, sender: 'clinique', recipients: ['ars'], channel: 'mail', subject: id, content: '…', type: 'prevu', expectedActions: [], ...stimulus },
    status: 'scheduled',
    deferredTo: null,
    conditionMetAt: null,
    injectedAt: null,
    adHoc: false,
    inReplyTo: null,
    ...changes,
  };
}

describe('the live chronogramme of the animation console', () => {
  it('counts down to the offset, or to the deferral that replaces it', () => {
    expect(rowTiming(row('S1', '00:10'), 4 * min)).toEqual({ kind: 'due', at: 10 * min, remaining: 6 * min });
    const deferred = row('S1', '00:10', { deferredTo: 25 * min });
    expect(plannedAt(deferred)).toBe(25 * min);
    expect(rowTiming(deferred, 30 * min)).toEqual({ kind: 'due', at: 25 * min, remaining: -5 * min });
  });

  it('shows what a conditional row waits for, a contingency that will be cancelled, and nothing for done rows', () => {
    const waiting = row('S2', '00:05', { status: 'waiting' }, { condition: { kind: 'after_event', eventType: 'alert.sent', delay: '00:02' } });
    expect(rowTiming(waiting, 0)).toEqual({ kind: 'waiting', eventType: 'alert.sent' });
    const met = row('S3', '00:30', { conditionMetAt: 10 * min }, { condition: { kind: 'if_no_event', eventType: 'alert.sent', by: '00:20' } });
    expect(rowTiming(met, 12 * min)).toEqual({ kind: 'willCancel' });
    expect(rowTiming(row('S4', '00:01', { status: 'injected', injectedAt: min }), 2 * min)).toEqual({ kind: 'done' });
  });

  it('formats countdowns with hours only when needed', () => {
    expect(formatCountdown(245_000)).toBe('04:05');
    expect(formatCountdown(3_720_000)).toBe('1:02:00');
    expect(formatCountdown(-61_000)).toBe('01:01');
  });

  it('finds the expected actions of an objective, of sent stimuli only when asked, and the stimulus carrying one', () => {
    const action = (id: string, objective: string) => ({ id, label: id, criterion: 'vu', objective });
    const items = {
      S1: row('S1', '00:01', { status: 'injected', injectedAt: min }, { expectedActions: [action('S1-a', 'alerte'), action('S1-b', 'com')] }),
      S2: row('S2', '00:05', {}, { expectedActions: [action('S2-a', 'alerte')] }),
    };
    const animator = { scenario: {} as never, items, order: ['S1', 'S2'] };
    expect(expectedActionsFor(animator, 'alerte', true).map((a) => a.action.id)).toEqual(['S1-a']);
    expect(expectedActionsFor(animator, 'alerte', false).map((a) => a.action.id)).toEqual(['S1-a', 'S2-a']);
    expect(carrierOf(animator, 'S2-a')?.stimulusId).toBe('S2');
    expect(carrierOf(null, 'S2-a')).toBeNull();
  });

  it('lists an expected action under every objective it serves', () => {
    const shared = { id: 'S1-a', label: 'Alerter', criterion: 'vu', objective: 'alerte', objectiveIds: ['alerte', 'com'] };
    const animator = { scenario: {} as never, items: { S1: row('S1', '00:01', {}, { expectedActions: [shared] }) }, order: ['S1'] };
    expect(expectedActionsFor(animator, 'com', false).map((a) => a.action.id)).toEqual(['S1-a']);
    expect(expectedActionsFor(animator, 'alerte', false).map((a) => a.action.id)).toEqual(['S1-a']);
  });

  it("lists the players' acknowledgements, replies and links newest first", () => {
    const base = { sender: { id: 'clinique', label: 'Clinique' }, channel: 'mail' as const, content: '', attachments: [], injectedWall: 0, inReplyTo: null };
    const exercise = {
      inboxOrder: ['D01', 'D02'],
      inbox: {
        D01: {
          ...base,
          id: 'D01',
          recipients: ['ars'],
          subject: 'a',
          injectedAt: 0,
          acks: { ars: { by: 'C', exerciseTime: 2 * min, wallTime: 0 } },
          replies: [{ cell: 'ars', by: 'C', text: 'ok', exerciseTime: 5 * min }],
          links: [],
        },
        D02: { ...base, id: 'D02', recipients: ['ars'], subject: 'b', injectedAt: 3 * min, acks: { ars: { by: 'C', exerciseTime: 4 * min, wallTime: 0 } }, replies: [], links: [] },
      },
    } as unknown as ExerciseState;
    expect(feedEntries(exercise).map((e) => `${e.kind}:${e.item.id}`)).toEqual(['reply:D01', 'ack:D02', 'ack:D01']);
  });
});

describe('a row after FINEX', () => {
  it('says it was never sent instead of counting down', async () => {
    const { countdownText } = await import('../../client/exercise/ChronogrammeRow.js');
    const { translator } = await import('../../client/i18n/index.js');
    const t = translator('fr');
    const ended = { status: 'ended', speed: 10, anchorWall: 0, anchorExercise: 0 } as const;
    const running = { ...ended, status: 'running' } as const;
    expect(countdownText(t, 4 * min, running)).toBe('dans 00:24');
    expect(countdownText(t, 4 * min, ended)).toBe('non injecté (FINEX)');
    expect(countdownText(t, -min, ended)).toBe('non injecté (FINEX)');
  });
});
