import { afterAll, describe, expect, it } from 'vitest';
import { parseOffset } from '../../shared/exercise/scenario-offset.js';
import type { InboxItem } from '../../shared/exercise/stimuli-state.js';
import { startServerProcess, type ServerProcess } from '../helpers/process.js';
import { connect, createRoom, tokenFor, type TestClient } from '../helpers/room.js';

const injectedIds = (client: TestClient) => client.events.filter((e) => e.type === 'stimulus.injected').map((e) => (e.payload as { item: InboxItem }).item.id);

describe('exercise scheduler across a server crash', () => {
  let srv: ServerProcess;
  const clients: TestClient[] = [];
  afterAll(async () => {
    for (const c of clients) c.close();
    await srv?.stop();
  });

  it('kill -9 in the middle of an accelerated exercise loses no stimulus and injects none twice', async () => {
    srv = await startServerProcess();
    const room = await createRoom(srv.url, { scenario: 'demo-court' });
    const arsToken = await tokenFor(room, 'player', 'ars');
    let director = await connect(srv.url, room.directorToken);
    let ars = await connect(srv.url, arsToken);
    clients.push(director, ars);
    const jumpBefore = async (offset: string) => expect((await director.send('clock.jump', { exerciseTime: parseOffset(offset) - 1500 })).ok).toBe(true);
    const receive = (id: string) => ars.waitForEvent((e) => e.type === 'stimulus.injected' && (e.payload as { item: InboxItem }).item.id === id);

    expect((await director.send('clock.start')).ok).toBe(true);
    expect((await director.send('clock.setSpeed', { speed: 10 })).ok).toBe(true);
    await receive('D01');
    await jumpBefore('00:04');
    await receive('D02');

    // Crash while D03 is about to fall due (1.5 s of exercise time = 150 ms at ×10).
    await jumpBefore('00:08');
    await new Promise((r) => setTimeout(r, 100));
    await srv.kill9();
    await srv.restart();

    room.url = srv.url;
    director = await connect(srv.url, room.directorToken);
    ars = await connect(srv.url, arsToken, 0);
    clients.push(director, ars);
    await receive('D03');
    for (const [id, offset] of [
      ['D04', '00:12'],
      ['D05', '00:13'],
      ['D06', '00:19'],
    ] as const) {
      await jumpBefore(offset);
      await receive(id);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(injectedIds(ars)).toEqual(['D01', 'D02', 'D03', 'D04', 'D05', 'D06']);
    const seqs = ars.events.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
  });
});
