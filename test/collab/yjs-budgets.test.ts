import { describe, expect, it } from 'vitest';
import { limits } from '../../shared/core/limits.js';
import { yjsCloseCodes } from '../../shared/core/yjs-protocol.js';
import { BucketMap, TokenBucket } from '../../server/collab/token-bucket.js';
import { YjsBudgets } from '../../server/collab/yjs-budgets.js';

/** The rate limits of the Yjs endpoint on a clock the test moves. */
describe('token bucket', () => {
  it('lets a burst through, then the sustained rate, and says how long to wait', () => {
    let now = 0;
    const bucket = new TokenBucket(3, 1 / 1000, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    expect(bucket.waitMs()).toBe(1000);
    now += 999;
    expect(bucket.take()).toBe(false);
    now += 1;
    expect(bucket.take()).toBe(true);
    now += 60_000;
    expect(bucket.full).toBe(true);
    expect(bucket.take(4)).toBe(false);
    expect(bucket.waitMs(4)).toBe(Number.POSITIVE_INFINITY);
  });

  it('forgets full buckets when the map grows, never a bucket that is still owed', () => {
    const now = 0;
    const map = new BucketMap(2, 1 / 1000, () => now, 3);
    map.of('busy').take(2);
    map.of('idle-1');
    map.of('idle-2');
    map.of('new');
    expect(map.size).toBe(2);
    expect(map.of('busy').take()).toBe(false);
  });
});

describe('Yjs budgets', () => {
  const at = (start = 0) => {
    const clock = { now: start };
    return { clock, budgets: new YjsBudgets(limits, () => clock.now) };
  };

  it('limits updates per session, across all its connections, and refills at the sustained rate', () => {
    const { clock, budgets } = at();
    const [tabA, tabB] = [budgets.forSession('s1'), budgets.forSession('s1')];
    for (let i = 0; i < limits.yjsUpdateBurst; i++) expect((i % 2 ? tabA : tabB).update()).toBeNull();
    const refusal = tabA.update();
    expect(refusal).toMatchObject({ code: yjsCloseCodes.rateLimited });
    expect(refusal?.reason).toMatch(/Réessayez dans 1 s/);
    expect(budgets.forSession('s2').update()).toBeNull();
    clock.now += 1000;
    for (let i = 0; i < limits.yjsUpdatesPerSecond; i++) expect(tabB.update()).toBeNull();
    expect(tabB.update()).not.toBeNull();
  });

  it('lets an offline batch of records through at once, then about one a second', () => {
    const { clock, budgets } = at();
    const session = budgets.forSession('s1');
    expect(session.records(limits.maxRecordsPerYjsUpdate)).toBeNull();
    expect(session.records(1)).toMatchObject({ code: yjsCloseCodes.rateLimited });
    clock.now += 60_000 / limits.yjsRecordsPerMinute;
    expect(session.records(1)).toBeNull();
    expect(session.records(0)).toBeNull();
  });

  it('limits presence messages separately from updates', () => {
    const { budgets } = at();
    const session = budgets.forSession('s1');
    for (let i = 0; i < limits.yjsAwarenessBurst; i++) expect(session.awareness()).toBeNull();
    expect(session.awareness()).toMatchObject({ code: yjsCloseCodes.rateLimited });
    expect(session.update()).toBeNull();
  });

  it('limits handshakes per session and per client address', () => {
    const { clock, budgets } = at();
    for (let i = 0; i < limits.yjsHandshakesPerSessionPerMinute; i++) expect(budgets.handshakeOf('s1')).toBeNull();
    expect(budgets.handshakeOf('s1')?.reason).toMatch(/Trop de connexions pour cette session/);
    expect(budgets.handshakeOf('s2')).toBeNull();
    for (let i = 0; i < limits.yjsHandshakesPerAddressPerMinute; i++) expect(budgets.handshakeFrom('192.0.2.7')).toBeNull();
    expect(budgets.handshakeFrom('192.0.2.7')).toMatchObject({ code: yjsCloseCodes.rateLimited });
    expect(budgets.handshakeFrom('192.0.2.8')).toBeNull();
    clock.now += 60_000;
    expect(budgets.handshakeFrom('192.0.2.7')).toBeNull();
    expect(budgets.handshakeOf('s1')).toBeNull();
  });
});
