import { describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/server.js';
import { serverWithRoom, tokenFor, type TestRoom } from '../helpers/room.js';
import { appendEntries, entriesOf, readEntries } from '../../shared/main-courante/doc.js';
import { authorOf, entry, openMainCourante, sleep, waitFor } from '../collab/yjs-clients.js';

/** Acceptance 3: a client goes offline, writes 20 entries while others write 20, reconnects. */
describe('main courante: offline merge', () => {
  let server: TestServer;
  let room: TestRoom;
  serverWithRoom((s, r) => ((server = s), (room = r)));

  it('keeps all 40 entries once, in authored order, the offline ones flagged late', async () => {
    const [ta, tb] = [await tokenFor(room, 'player', 'ars', 'Alice ARS'), await tokenFor(room, 'player', 'prefecture', 'Paul Préfecture')];
    const [alice, paul] = [await authorOf(server, ta), await authorOf(server, tb)];
    const offline = await openMainCourante(room, ta);
    const online = await openMainCourante(room, tb);
    offline.provider.disconnect();
    await waitFor(() => !offline.provider.wsconnected);

    const expectedOrder: string[] = [];
    for (let i = 0; i < 20; i++) {
      appendEntries(offline.doc, [entry(alice, `Hors ligne ${i}`)]);
      expectedOrder.push(`Hors ligne ${i}`);
      await sleep(3);
      appendEntries(online.doc, [entry(paul, `En ligne ${i}`)]);
      expectedOrder.push(`En ligne ${i}`);
      await sleep(3);
    }
    await waitFor(() => readEntries(online.doc).filter((e) => e.receipt).length === 20, 10_000, 'online entries received');
    expect(entriesOf(offline.doc).length).toBe(20);

    offline.provider.connect();
    const settled = (doc = online.doc) => readEntries(doc).length === 40 && readEntries(doc).every((e) => e.receipt !== null);
    await waitFor(() => settled(online.doc) && settled(offline.doc), 10_000, 'merge');

    for (const doc of [online.doc, offline.doc]) {
      const entries = readEntries(doc);
      expect(new Set(entries.map((e) => e.id)).size).toBe(40);
      expect(entries.map((e) => e.text)).toEqual(expectedOrder);
      expect(entries.filter((e) => e.late).map((e) => e.text)).toEqual(expectedOrder.filter((t) => t.startsWith('Hors ligne')));
      for (const e of entries.filter((x) => x.late)) expect(e.receipt!.receivedAt).toBeGreaterThan(e.authoredAt);
    }

    const runtime = await server.server.rooms.get(room.roomId);
    await waitFor(() => runtime.state.mainCourante.count === 40, 10_000, 'mirror');
    expect(runtime.state.mainCourante.lateCount).toBe(20);
    offline.destroy();
    online.destroy();
  });
});
