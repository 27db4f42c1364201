import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendEntries, readEntries } from '../../shared/main-courante/doc.js';
import { yjsCloseCodes } from '../../shared/core/yjs-protocol.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, tokenFor, type TestRoom } from '../helpers/room.js';
import { authorOf, entry, openMainCourante, sleep, waitFor, type StockClient } from './yjs-clients.js';

/**
 * Client-id squatting: a participant copies another's Yjs client id (visible in the document and in the
 * presence states) and writes at her next clock. The server binds each client id to the session that first
 * wrote with it, durably, and refuses the squatter, so her own offline entry still arrives.
 */
describe('Yjs client ids belong to the session that first wrote with them', () => {
  let dataDir: string;
  let server: TestServer;
  let room: TestRoom;
  let aliceToken: string;
  let bobToken: string;
  let witness: StockClient;

  const refusedWith = (client: StockClient) =>
    new Promise<{ code: number; reason: string }>((resolve) => client.provider.once('connection-close', (event) => event && resolve({ code: event.code, reason: event.reason })));

  /** Bob takes Alice's client id and writes an entry of his own at her next clock. */
  async function squat(aliceClientId: number, text: string) {
    const bob = await openMainCourante(room, bobToken);
    const own = bob.doc.clientID;
    bob.doc.clientID = aliceClientId;
    const refusal = refusedWith(bob);
    appendEntries(bob.doc, [entry(await authorOf(server, bobToken), text)]);
    const leave = () => {
      // The provider's presence is keyed by the id it started with.
      bob.doc.clientID = own;
      bob.destroy();
    };
    return { leave, refusal: await refusal };
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'orsan-client-ids-'));
    server = await startServer({ dataDir });
    room = await createRoom(server.url);
    aliceToken = await tokenFor(room, 'player', 'ars', 'Alice ARS');
    bobToken = await tokenFor(room, 'player', 'prefecture', 'Bob Préfecture');
    witness = await openMainCourante(room, await tokenFor(room, 'observer'));
  });
  afterAll(async () => {
    witness.destroy();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses the squatter with 4423, and the owner's offline entry still arrives", async () => {
    const alice = await openMainCourante(room, aliceToken);
    const aliceAuthor = await authorOf(server, aliceToken);
    appendEntries(alice.doc, [entry(aliceAuthor, 'Alice, en ligne')]);
    await waitFor(() => readEntries(witness.doc).some((e) => e.text === 'Alice, en ligne' && e.receipt));

    alice.provider.disconnect();
    appendEntries(alice.doc, [entry(aliceAuthor, 'Alice, hors ligne')]);
    const { leave, refusal } = await squat(alice.doc.clientID, 'Bob sous l’identifiant d’Alice');
    expect(refusal.code).toBe(yjsCloseCodes.clientIdTaken);
    expect(refusal.reason).toContain('appartient déjà à une autre session');

    alice.provider.connect();
    await waitFor(() => readEntries(witness.doc).some((e) => e.text === 'Alice, hors ligne' && e.receipt), 5000, "Alice's offline entry");
    expect(readEntries(witness.doc).some((e) => e.text.startsWith('Bob sous'))).toBe(false);
    expect(alice.closes).toEqual([]);
    alice.destroy();
    leave();
  });

  it('keeps the binding across a restart', async () => {
    const alice = await openMainCourante(room, aliceToken);
    appendEntries(alice.doc, [entry(await authorOf(server, aliceToken), 'Alice, avant le redémarrage')]);
    await waitFor(() => readEntries(witness.doc).some((e) => e.text === 'Alice, avant le redémarrage' && e.receipt));
    const clientId = alice.doc.clientID;
    alice.destroy();
    witness.destroy();
    await server.server.close();
    server = await startServer({ dataDir });
    room = { ...room, url: server.url };
    witness = await openMainCourante(room, await tokenFor(room, 'observer'));

    const { leave, refusal } = await squat(clientId, 'Bob après le redémarrage');
    expect(refusal.code).toBe(yjsCloseCodes.clientIdTaken);
    await sleep(100);
    expect(readEntries(witness.doc).some((e) => e.text === 'Bob après le redémarrage')).toBe(false);
    leave();
  });
});
