import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomEvent } from '../../shared/core/events.js';
import { isVisibleTo } from '../../shared/core/visibility.js';
import { parseOffset } from '../../shared/exercise/scenario-offset.js';
import type { InboxItem } from '../../shared/exercise/stimuli-state.js';
import { openPostgresStore } from '../../server/store/postgres.js';
import { verifyChain } from '../../server/store/hash-chain.js';
import { startServerProcess, type ServerProcess } from '../helpers/process.js';
import { callApi } from '../helpers/server.js';
import { connect, createRoom, tokenFor, type TestClient } from '../helpers/room.js';
import { createClusterEnv, eventually, type ClusterEnv } from './cluster-env.js';

const itemOf = (e: RoomEvent) => (e.payload as { item: InboxItem }).item.id;
const injectedIds = (events: readonly RoomEvent[]) => events.filter((e) => e.type === 'stimulus.injected').map(itemOf);
const isLeader = async (srv: ServerProcess) => (await callApi(srv.url, 'GET', '/readyz')).body.leader === true;

describe('failover: kill -9 of the instance that drives the exercise', () => {
  let cluster: ClusterEnv;
  let first: ServerProcess;
  let second: ServerProcess;
  const clients: TestClient[] = [];
  const open = async (url: string, token: string, lastSeq?: number) => {
    const client = await connect(url, token, lastSeq);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    cluster = await createClusterEnv();
    // The first instance is alone when it starts: it takes the lead. The second follows.
    first = await startServerProcess({ env: cluster.env });
    second = await startServerProcess({ env: cluster.env });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await first?.stop();
    await second?.stop();
    await cluster?.cleanup();
  });

  it('the survivor takes over within seconds, every stimulus is injected exactly once, reconnected clients miss nothing', async () => {
    expect(await isLeader(first)).toBe(true);
    expect(await isLeader(second)).toBe(false);
    const room = await createRoom(first.url, { scenario: 'demo-court' });
    const arsToken = await tokenFor(room, 'player', 'ars');
    let director = await open(first.url, room.directorToken);
    let ars = await open(first.url, arsToken);
    const prefecture = await open(second.url, await tokenFor(room, 'player', 'prefecture'));
    // What a person saw across the crash: the events of their first connection, then of the reconnection.
    let arsBefore: RoomEvent[] = [];
    let directorBefore: RoomEvent[] = [];
    const arsSaw = () => [...arsBefore, ...ars.events];
    const directorSaw = () => [...directorBefore, ...director.events];
    const receive = (id: string) => eventually(() => injectedIds(arsSaw()).includes(id), `${id} delivered`, 15_000);
    const jumpBefore = async (offset: string) => expect((await director.send('clock.jump', { exerciseTime: parseOffset(offset) - 1500 })).ok).toBe(true);

    expect((await director.send('clock.start')).ok).toBe(true);
    expect((await director.send('clock.setSpeed', { speed: 10 })).ok).toBe(true);
    await receive('D01');
    await jumpBefore('00:04');
    await receive('D02');

    // Crash the leader while D03 is about to fall due (1.5 s of exercise time = 150 ms at ×10).
    await jumpBefore('00:08');
    await new Promise((r) => setTimeout(r, 100));
    const killedAt = Date.now();
    await first.kill9();
    await eventually(() => isLeader(second), 'the survivor leads', 8000);
    expect(Date.now() - killedAt).toBeLessThan(5000);

    // The clients of the dead instance reconnect to the survivor with the last seq they saw.
    [arsBefore, directorBefore] = [ars.events, director.events];
    director = await open(second.url, room.directorToken, directorBefore.at(-1)?.seq ?? 0);
    ars = await open(second.url, arsToken, arsBefore.at(-1)?.seq ?? 0);
    await receive('D03');
    for (const [id, offset] of [
      ['D04', '00:12'],
      ['D05', '00:13'],
      ['D06', '00:19'],
    ] as const) {
      await jumpBefore(offset);
      await receive(id);
    }
    await new Promise((r) => setTimeout(r, 500));

    // The log: each stimulus once, one gapless chain.
    const store = await openPostgresStore({ url: cluster.schema.url, poolSize: 1 });
    const log = await store.events.read(room.roomId);
    const salt = await store.events.chainSalt(room.roomId);
    await store.close();
    expect(injectedIds(log).sort()).toEqual(['D01', 'D02', 'D03', 'D04', 'D05', 'D06']);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: log.length }, (_, i) => i + 1));
    expect(verifyChain(log, salt)).toBeNull();

    // Every client saw exactly its share of the log, once, across the crash.
    const shares: Array<[RoomEvent[], Parameters<typeof isVisibleTo>[1]]> = [
      [arsSaw(), { role: 'player', cell: 'ars' }],
      [prefecture.events, { role: 'player', cell: 'prefecture' }],
      [directorSaw(), { role: 'director' }],
    ];
    for (const [seen, viewer] of shares) {
      const expected = log.filter((e) => isVisibleTo(e.visibility, viewer)).map((e) => e.seq);
      expect(seen.map((e) => e.seq)).toEqual(expected);
    }
    expect(injectedIds(arsSaw())).toEqual(['D01', 'D02', 'D03', 'D04', 'D05', 'D06']);
    expect(injectedIds(prefecture.events)).toEqual(['D05', 'D06']);
  });
});
