import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/process.js';
import { connect, createRoom, tokenFor, type TestRoom } from '../helpers/room.js';
import { appendEntries, readEntries } from '../../shared/main-courante/doc.js';
import { entry, sleep, stockClient, waitFor, type Author } from './yjs-clients.js';
import type { RoomEvent } from '../../shared/core/events.js';

/**
 * Acceptance 4: every update another client saw before a `kill -9` is there after the restart.
 * The server is a real child process; it is killed while a client is still writing.
 */
describe('Yjs durability across kill -9', () => {
  let srv: ServerProcess;
  let room: TestRoom;

  beforeAll(async () => {
    srv = await startServerProcess();
    room = await createRoom(srv.url);
  });
  afterAll(() => srv.stop());

  it('loses no entry that another client had received', async () => {
    const [writerToken, witnessToken] = [await tokenFor(room, 'player', 'ars', 'Alice ARS'), await tokenFor(room, 'player', 'prefecture', 'Paul')];
    const welcome = await connect(srv.url, writerToken);
    const me = welcome.welcome.me;
    welcome.close();
    const alice: Author = { sessionId: me.sessionId, author: me.name, role: me.role, cell: me.cell ?? null };

    const writer = stockClient(srv.url, room.roomId, 'main-courante', writerToken);
    const witness = stockClient(srv.url, room.roomId, 'main-courante', witnessToken);
    await Promise.all([writer.whenSynced(), witness.whenSynced()]);

    // 25 entries a second: a brisk writer, well within the session's rate limits (limits.yjsRecordsPerMinute
    // with its burst), so the writer is still writing when the server is killed.
    let stop = false;
    const writing = (async () => {
      for (let i = 0; i < 2000 && !stop; i++) {
        appendEntries(writer.doc, [entry(alice, `Entrée ${i}`)]);
        await sleep(40);
      }
    })();
    await waitFor(() => readEntries(witness.doc).length >= 50, 20_000, 'witness receives entries');
    expect(writer.closes).toEqual([]);
    await srv.kill9();
    stop = true;
    await writing;
    // The process is gone: what the witness holds now is exactly what it saw before the kill.
    const seen = readEntries(witness.doc).map((e) => e.id);
    writer.destroy();
    witness.destroy();
    expect(seen.length).toBeGreaterThanOrEqual(50);

    await srv.restart();
    const after = stockClient(srv.url, room.roomId, 'main-courante', witnessToken);
    await after.whenSynced();
    const stored = new Set(readEntries(after.doc).map((e) => e.id));
    expect(seen.filter((id) => !stored.has(id))).toEqual([]);
    expect(readEntries(after.doc).every((e) => e.receipt !== null)).toBe(true);

    // Every stored entry is (or becomes, by reconciliation at load) an event of the room log.
    const live = await connect(srv.url, witnessToken);
    const mirrored = (e: RoomEvent) => e.type === 'mainCourante.entryAdded';
    await waitFor(() => new Set(live.events.filter(mirrored).map((e) => (e.payload as { entry: { id: string } }).entry.id)).size === stored.size, 10_000, 'mirror');
    live.close();
    after.destroy();
  });
});
