import { describe, expect, it } from 'vitest';
import { yjsCloseCodes } from '../../shared/core/yjs-protocol.js';
import type { TestServer } from '../helpers/server.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { connect, tokenFor, type TestClient, type TestRoom } from '../helpers/room.js';
import { stockClient, waitFor } from '../collab/yjs-clients.js';
import { twoInstancesWithRoom } from './cluster-env.js';

describe('a session that ends (expiry, revocation) on two instances', () => {
  // One wall clock for both instances, as NTP would give them.
  const clock = new FakeClock();
  let a: TestServer;
  let b: TestServer;
  let room: TestRoom;
  const clients: TestClient[] = [];
  twoInstancesWithRoom((f) => ({ a, b, room } = f), { clock, clients });

  it('a session joined through one instance loses its socket and its Yjs connection on the other at the expiry', async () => {
    const expiresAt = clock.now() + 30 * 60_000;
    const inv = await a.api('POST', `/api/rooms/${room.roomId}/invitations`, { role: 'observer', expiresAt: new Date(expiresAt).toISOString() }, room.directorToken);
    const joined = await a.api('POST', '/api/join', { code: inv.body.code, name: 'Observateur' });
    const onB = await connect(b.url, joined.body.token);
    clients.push(onB);
    const yjsOnB = stockClient(b.url, room.roomId, 'main-courante', joined.body.token);
    await yjsOnB.whenSynced();
    const disconnected = new Promise<void>((resolve) => onB.socket.once('disconnect', () => resolve()));

    clock.advance(expiresAt - clock.now());

    await disconnected;
    await waitFor(() => yjsOnB.closes.includes(yjsCloseCodes.revoked), 5_000, 'yjs on B closed with 4401');
    expect(onB.socket.connected).toBe(false);
    yjsOnB.destroy();
  });

  it('revoking a session on one instance closes its Yjs connection on the other', async () => {
    const token = await tokenFor(room, 'player', 'ars', 'Agent ARS');
    const yjsOnB = stockClient(b.url, room.roomId, 'main-courante', token);
    await yjsOnB.whenSynced();
    const session = await a.api('GET', '/api/session', undefined, token);
    const res = await a.api('DELETE', `/api/rooms/${room.roomId}/sessions/${session.body.sessionId}`, undefined, room.directorToken);
    expect(res.status).toBe(200);
    await waitFor(() => yjsOnB.closes.includes(yjsCloseCodes.revoked), 5_000, 'yjs on B closed with 4401');
    yjsOnB.destroy();
  });
});
