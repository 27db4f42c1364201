import { describe, expect, it } from 'vitest';
import type { InboxItem } from '../../shared/exercise/stimuli-state.js';
import { measureInbox, measureStimulus, median, summarizeByCell } from '../../shared/exercise/stimulus-measures.js';
import { formatDelay } from '../../client/app/time.js';
import { dictOf } from '../../shared/core/dict.js';

const min = 60_000;

function delivered(id: string, injectedAt: number, recipients: string[], changes: Partial<InboxItem> = {}): InboxItem {
  return {
    id,
    sender: { id: 'clinique', label: 'Clinique' },
    recipients,
    channel: 'telephone',
    subject: `Objet ${id}`,
    content: 'Contenu',
    attachments: [],
    injectedAt,
    injectedWall: 1_700_000_000_000 + injectedAt,
    inReplyTo: null,
    acks: dictOf({}),
    replies: [],
    links: [],
    ...changes,
  };
}

const ack = (exerciseTime: number) => ({ by: 'Claire', exerciseTime, wallTime: 0 });
const link = (cell: string, exerciseTime: number) => ({ cell, by: 'Claire', kind: 'mainCourante' as const, ref: 'mc-1', label: '', exerciseTime, wallTime: 0 });

describe('stimulus measures (one definition for the evaluation grid and the RETEX)', () => {
  it('measures, per recipient cell, the delay from injection to acknowledgement, first action and first reply', () => {
    const item = delivered('D05', 13 * min, ['ars', 'prefecture'], {
      acks: dictOf({ ars: ack(15 * min) }),
      links: [link('ars', 20 * min), link('ars', 17 * min), link('prefecture', 30 * min)],
      replies: [{ cell: 'prefecture', by: 'Paul', text: 'Bien reçu', exerciseTime: 14 * min, wallTime: 0 }],
    });
    expect(measureStimulus(item)).toEqual([
      { stimulusId: 'D05', subject: 'Objet D05', cell: 'ars', injectedAt: 13 * min, acknowledgedAt: 15 * min, ackDelay: 2 * min, firstActionAt: 17 * min, actionDelay: 4 * min, replyDelay: null },
      { stimulusId: 'D05', subject: 'Objet D05', cell: 'prefecture', injectedAt: 13 * min, acknowledgedAt: null, ackDelay: null, firstActionAt: 30 * min, actionDelay: 17 * min, replyDelay: 1 * min },
    ]);
  });

  it('never reports a negative delay (an acknowledgement in the same second as a re-delivery)', () => {
    const [m] = measureStimulus(delivered('D01', 5 * min, ['ars'], { acks: dictOf({ ars: ack(4 * min) }) }));
    expect(m!.ackDelay).toBe(0);
  });

  it('counts a main-courante entry pointing at the stimulus as an action, whichever comes first', () => {
    const item = delivered('D02', 10 * min, ['ars'], {
      links: [link('ars', 25 * min)],
      entries: [{ cell: 'ars', entryId: 'mc-7', exerciseTime: 18 * min }],
    });
    expect(measureStimulus(item)[0]).toMatchObject({ firstActionAt: 18 * min, actionDelay: 8 * min });
  });

  it('follows the order of delivery and skips ids missing from the inbox', () => {
    const inbox = dictOf({ D02: delivered('D02', 4 * min, ['ars']), D01: delivered('D01', 0, ['ars', 'prefecture']) });
    expect(measureInbox({ inbox, inboxOrder: ['D01', 'D02', 'D09'] }).map((m) => `${m.stimulusId}/${m.cell}`)).toEqual(['D01/ars', 'D01/prefecture', 'D02/ars']);
  });

  it('summarises each cell: delivered, acknowledged, acted on and median delays', () => {
    const inbox = dictOf({
      D01: delivered('D01', 0, ['ars', 'prefecture'], { acks: dictOf({ ars: ack(1 * min), prefecture: ack(6 * min) }), links: [link('ars', 3 * min)] }),
      D02: delivered('D02', 4 * min, ['ars'], { acks: dictOf({ ars: ack(7 * min) }) }),
      D03: delivered('D03', 8 * min, ['ars']),
    });
    const summary = summarizeByCell(measureInbox({ inbox, inboxOrder: ['D01', 'D02', 'D03'] }));
    expect(summary).toEqual([
      { cell: 'ars', delivered: 3, acknowledged: 2, acted: 1, medianAckDelay: 2 * min, medianActionDelay: 3 * min },
      { cell: 'prefecture', delivered: 1, acknowledged: 1, acted: 0, medianAckDelay: 6 * min, medianActionDelay: null },
    ]);
  });

  it('takes the median of odd and even counts, and none of nothing', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4000, 1000, 3000, 10_000])).toBe(3500);
    expect(median([1, 2])).toBe(2); // rounded to the millisecond
  });

  it('writes delays as a crisis cell says them', () => {
    expect(formatDelay(null)).toBe('—');
    expect(formatDelay(45_000)).toBe('45 s');
    expect(formatDelay(185_000)).toBe('3 min 05 s');
    expect(formatDelay(72 * min)).toBe('1 h 12 min');
  });
});
