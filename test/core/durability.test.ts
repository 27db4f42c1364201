import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandAck } from '../../shared/protocol.js';
import { verifyChain } from '../../server/store/hash-chain.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { startServerProcess, type ServerProcess } from '../helpers/process.js';
import { connect, createRoom, joinAs, secondDirectorToken, type TestClient } from '../helpers/room.js';
import { until } from './support.js';

const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
});

// Both places the embedded store commits in: the writer thread (default) and the event loop.
describe.each(['thread', 'inline'])('durability across kill -9 (SQLITE_WRITER=%s)', (writer) => {
  it('serves every acked event after a crash with commands in flight, with the hash chain intact', async () => {
    const srv = await startServerProcess({ env: { SQLITE_WRITER: writer } });
    servers.push(srv);
    const room = await createRoom(srv.url);
    const first = await joinAs(room, 'director');
    const acked = new Map<string, number>();
    for (let i = 0; i < 20; i++) {
      const id = randomUUID();
      const ack = await first.send('room.announce', { text: `avant le crash ${i}` }, id);
      if (ack.ok) acked.set(id, ack.seq);
    }
    expect(acked.size).toBe(20);

    // Eight director sessions (each under its rate allowance) send a command every 60 ms each, 30 each; kill
    // mid-flight. Paced, not all at once: group commit would store and ack a burst before the kill could land.
    const senders: TestClient[] = await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(async (n) => connect(srv.url, await secondDirectorToken(room, `Direction ${n}`))));
    const inFlight: Array<Promise<void>> = [];
    const sent: Array<{ id: string; text: string }> = [];
    let killed = false;
    for (const [s, sender] of senders.entries()) {
      inFlight.push(
        (async () => {
          for (let i = 0; i < 30 && !killed; i++) {
            const id = randomUUID();
            sent.push({ id, text: `en vol ${s}.${i}` });
            inFlight.push(
              sender
                .send('room.announce', { text: `en vol ${s}.${i}` }, id)
                .then((ack: CommandAck) => void (ack.ok && acked.set(id, ack.seq)))
                .catch(() => undefined), // no ack: the process died first
            );
            await new Promise((r) => setTimeout(r, 60));
          }
        })(),
      );
    }
    await until(() => acked.size >= 40, 10_000);
    await srv.kill9();
    killed = true;
    while (inFlight.length > 0) await Promise.all(inFlight.splice(0));
    const ackedCount = acked.size;
    expect(ackedCount).toBeLessThan(20 + 240); // the kill really cut commands off

    await srv.restart();
    const back = await connect(srv.url, room.directorToken, 0);
    expect(back.welcome.catchUp.kind).toBe('events');
    const byCommand = new Map(back.events.map((e) => [e.commandId, e]));
    for (const [id, seq] of acked) expect(byCommand.get(id)?.seq, `acked command ${id}`).toBe(seq);
    expect(back.events.map((e) => e.seq)).toEqual(back.events.map((_, i) => i + 1));

    // Every command sent, acked or not, is sent again (a client retrying after the crash): an acked one is
    // answered with its first seq, and no command is stored twice.
    // One session retries them all: it waits out its rate limit like the client's outbox does.
    const paced = async (text: string, id?: string): Promise<CommandAck> => {
      for (;;) {
        const ack = await back.send('room.announce', { text }, id);
        if (ack.ok || ack.error.code !== 'rate_limited') return ack;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    for (const { id, text } of sent) {
      const again = await paced(text, id);
      expect(again.ok).toBe(true);
      if (acked.has(id)) expect(again).toMatchObject({ seq: acked.get(id), duplicate: true });
    }
    const afterRetries = await fetch(`${srv.url}/api/rooms/${room.roomId}/events`, { headers: { authorization: `Bearer ${room.directorToken}` } });
    const logged = ((await afterRetries.json()) as { events: Array<{ commandId: string | null }> }).events.map((e) => e.commandId);
    for (const { id } of sent) expect(logged.filter((c) => c === id)).toHaveLength(1);
    const headAfterRetries = logged.length;

    // The restarted server continues the same chain.
    const after = await paced('après le redémarrage');
    expect(after).toEqual({ ok: true, seq: headAfterRetries + 1 });
    const rest = await fetch(`${srv.url}/api/rooms/${room.roomId}/state`, { headers: { authorization: `Bearer ${room.directorToken}` } });
    expect(((await rest.json()) as { headSeq: number }).headSeq).toBe(headAfterRetries + 1);
    for (const c of [first, back, ...senders]) c.close();
    await srv.kill9();

    const store = openSqliteStore(srv.dataDir);
    try {
      const events = await store.events.read(room.roomId);
      expect(events.length).toBeGreaterThanOrEqual(ackedCount + 2);
      expect(verifyChain(events, await store.events.chainSalt(room.roomId))).toBeNull();
    } finally {
      await store.close();
    }
    // Two server starts and 260 paced commands: long on a loaded machine, whatever the store's speed.
  }, 90_000);
});
