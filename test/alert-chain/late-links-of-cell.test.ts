import { describe, expect, it } from 'vitest';
import { lateLinksOfCell, linkPhase } from '../../shared/alert-chain/timing.js';
import { findLink } from '../../shared/alert-chain/state.js';
import { ars, minutes, pureRoom, run } from './harness.js';

describe('lateLinksOfCell: the late links a cell answers for (the overview)', () => {
  it('puts a late acknowledgement on the receiving cell, not on the one that alerted', () => {
    const room = pureRoom();
    room.exerciseTime = minutes(12);
    run(room, ars, 'alertChain.alert', { linkId: 'ars-prefecture', message: 'Cyberattaque, plan blanc.' });
    const chain = room.state.alertChain;
    expect(lateLinksOfCell(chain, 'prefecture', minutes(12)).map((l) => l.id)).not.toContain('ars-prefecture');

    const later = minutes(600);
    // The same "late" as the chain's own rule says, not a second definition.
    expect(linkPhase(chain, findLink(chain, 'ars-prefecture')!, later).late).toBe(true);
    expect(lateLinksOfCell(chain, 'prefecture', later).map((l) => l.id)).toContain('ars-prefecture');
    expect(lateLinksOfCell(chain, 'ars', later).map((l) => l.id)).not.toContain('ars-prefecture');
  });
});
