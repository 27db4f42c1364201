import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { limits } from '../../shared/core/limits.js';
import { AccessService } from '../../server/access/access-service.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';

/** Ticket lifetime on a clock the test moves: no sleeping for a minute. */
describe('Yjs tickets: single use, short-lived', () => {
  let dir: string;
  let store: Store;
  let now: number;
  let access: AccessService;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'orsan-tickets-'));
    store = openSqliteStore(dir);
    now = 1_700_000_000_000;
    // Time moves by hand; no expiry timer is needed by these tests (they ask at the instant).
    access = new AccessService(store.access, { now: () => now, setTimer: () => () => undefined });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function session() {
    const { code } = await access.createInvitation('room-1', { role: 'player', cell: 'ars' }, ['ars']);
    return (await access.join(code, 'Alice ARS')).session;
  }

  it('opens for its session until the end of its lifetime, then never', async () => {
    const alice = await session();
    const early = await access.issueYjsTicket(alice);
    const late = await access.issueYjsTicket(alice);
    expect(early.expiresAt).toBe(now + limits.yjsTicketTtlMs);
    now += limits.yjsTicketTtlMs - 1;
    expect((await access.redeemYjsTicket(early.ticket)).id).toBe(alice.id);
    now += 1;
    await expect(access.redeemYjsTicket(late.ticket)).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('is used up by its first redemption', async () => {
    const { ticket } = await access.issueYjsTicket(await session());
    await access.redeemYjsTicket(ticket);
    await expect(access.redeemYjsTicket(ticket)).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('stops working when the session expires or is revoked', async () => {
    const { code } = await access.createInvitation('room-1', { role: 'observer', expiresAt: new Date(now + 10_000).toISOString() }, []);
    const expiring = (await access.join(code, 'Observateur')).session;
    const ticket = await access.issueYjsTicket(expiring);
    now += 10_000;
    await expect(access.redeemYjsTicket(ticket.ticket)).rejects.toMatchObject({ code: 'unauthorized' });

    const revoked = await session();
    const other = await access.issueYjsTicket(revoked);
    await access.revokeSession('room-1', revoked.id);
    await expect(access.redeemYjsTicket(other.ticket)).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('stores only a hash of the ticket', async () => {
    const { ticket } = await access.issueYjsTicket(await session());
    expect(await store.access.consumeYjsTicket(ticket, now)).toBeNull();
  });
});
