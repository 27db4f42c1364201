import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type { RoomEvent } from '../../shared/core/events.js';
import { fragmentToText } from '../../shared/comms/text.js';
import type { SitrepPoint } from '../../shared/sitrep/state.js';
import { sitrepMeasures } from '../../shared/sitrep/measures.js';
import { callApi, startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, tokenFor, type TestClient, type TestRoom } from '../helpers/room.js';
import { stockClient, waitFor, type StockClient } from '../collab/yjs-clients.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const minute = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function writeParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').push([paragraph]);
}
const textOf = (doc: Y.Doc) => fragmentToText(doc.getXmlFragment('default'));

async function ok(client: TestClient, type: string, payload: unknown = {}) {
  const ack = await client.send(type, payload);
  if (!ack.ok) throw new Error(`${type} refused: ${ack.error.message}`);
  return ack;
}

/** Issue 14: a point de situation is co-edited, submitted, validated by the designated cell only, frozen by the server. */
describe('points de situation on the real server', () => {
  let server: TestServer;
  let room: TestRoom;
  let director: TestClient;
  let ars: TestClient;
  let prefecture: TestClient;
  let arsToken: string;
  let prefToken: string;

  const pointOf = async (n: number): Promise<SitrepPoint> => (await server.server.rooms.get(room.roomId)).state.sitrep.points.find((p) => p.n === n)!;
  const openDoc = async (n: number, token: string): Promise<StockClient> => {
    const client = stockClient(room.url, room.roomId, `sitrep-${n}`, token);
    await client.whenSynced();
    return client;
  };

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { mode: 'crisis', title: 'Crise cyber GHT' });
    arsToken = await tokenFor(room, 'player', 'ars', 'Alice ARS');
    prefToken = await tokenFor(room, 'player', 'prefecture', 'Paul Préfecture');
    [director, ars, prefecture] = [await connect(server.url, room.directorToken), await connect(server.url, arsToken), await connect(server.url, prefToken)];
  });
  afterAll(async () => {
    for (const c of [director, ars, prefecture]) c?.close();
    await server?.close();
  });

  it('opens point n°1, co-edits it, refuses the wrong validator, freezes what the server holds, then refuses every change', async () => {
    await ok(ars, 'sitrep.open');
    const opened = await prefecture.waitForEvent((e) => e.type === 'sitrep.opened');
    expect(opened.visibility).toBe('all');
    expect((await pointOf(1)).status).toBe('brouillon');

    const [a, p] = [await openDoc(1, arsToken), await openDoc(1, prefToken)];
    writeParagraph(a.doc, 'Cyberattaque au GHT : urgences du CH fermées.');
    writeParagraph(p.doc, 'Le COD est activé depuis 10 h.');
    await waitFor(() => textOf(a.doc) === textOf(p.doc) && textOf(a.doc).split('\n').length === 2);
    const text = textOf(a.doc);

    // An observer reads the summary but may not write it.
    const observer = await openDoc(1, await tokenFor(room, 'observer'));
    expect(textOf(observer.doc)).toBe(text);
    writeParagraph(observer.doc, 'Écrit par un observateur');
    await waitFor(() => observer.closes.length > 0);
    expect(observer.closes[0]).toBe(4403);

    await ok(ars, 'sitrep.submit', { n: 1 });
    writeParagraph(a.doc, 'Ajout après soumission');
    await waitFor(() => a.closes.length > 0);
    expect(a.closes[0]).toBe(4403);

    expect(await ars.send('sitrep.validate', { n: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await ok(prefecture, 'sitrep.validate', { n: 1 });
    const frozen = await director.waitForEvent((e) => e.type === 'sitrep.frozen');
    expect(frozen.actor.kind).toBe('system');
    expect(frozen.payload).toEqual({ n: 1, text, hash: sha256(text) });
    const point = await pointOf(1);
    const measures = sitrepMeasures((await server.server.rooms.get(room.roomId)).state.sitrep);
    expect(measures).toMatchObject({ opened: 1, validated: 1, late: 0 });
    expect(measures.firstValidatedAt).toBe(point.validated!.at.exerciseTime);
    expect(point).toMatchObject({ status: 'fige', frozen: { text, hash: sha256(text) }, validated: { by: { name: 'Paul Préfecture', cell: 'prefecture' } } });

    // Frozen: no step applies, the document takes no write.
    for (const [type, payload] of [
      ['sitrep.submit', { n: 1 }],
      ['sitrep.validate', { n: 1 }],
      ['sitrep.reject', { n: 1, reason: 'trop tard' }],
    ] as const) {
      expect(await director.send(type, payload)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    }
    const late = await openDoc(1, prefToken);
    writeParagraph(late.doc, 'Modification du point figé');
    await waitFor(() => late.closes.length > 0);
    expect((await pointOf(1)).frozen!.text).toBe(text);

    const md = await callApi(server.url, 'GET', `/api/rooms/${room.roomId}/sitreps/1.md`, undefined, prefToken);
    expect(md.status).toBe(200);
    expect(md.body).toContain('# Point de situation n°1 — ');
    expect(md.body).toContain(text.split('\n')[0]);
    expect(md.body).toContain(`\`${sha256(text)}\``);
    expect((await callApi(server.url, 'GET', `/api/rooms/${room.roomId}/sitreps/9.md`, undefined, prefToken)).status).toBe(404);
    for (const c of [a, p, observer, late]) c.destroy();
  });

  it('sends a submitted point back to draft with a reason, and lets the director name another validating cell', async () => {
    await ok(prefecture, 'sitrep.open');
    await ok(prefecture, 'sitrep.submit', { n: 2 });
    await ok(prefecture, 'sitrep.reject', { n: 2, reason: 'Ajouter les lits perdus.' });
    expect(await pointOf(2)).toMatchObject({ status: 'brouillon', rejections: [{ reason: 'Ajouter les lits perdus.', by: { cell: 'prefecture' } }] });
    await ok(director, 'sitrep.setValidator', { cell: 'ars' });
    await ok(prefecture, 'sitrep.submit', { n: 2 });
    expect(await prefecture.send('sitrep.validate', { n: 2 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await ok(ars, 'sitrep.validate', { n: 2 });
    await director.waitForEvent((e) => e.type === 'sitrep.frozen' && (e.payload as { n: number }).n === 2);
    // Only in an exercise is there an animation to send to.
    expect(await ars.send('sitrep.sendToAnimation', { n: 2, to: 'cod' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('the schedule of points on the exercise clock', () => {
  let server: TestServer;
  afterAll(() => server?.close());
  const ofType = (events: RoomEvent[], type: string) => events.filter((e) => e.type === type);

  it('at ×10, reminds 15 min before the due point, then counts it late once', async () => {
    server = await startServer();
    const room = await createRoom(server.url);
    const director = await connect(server.url, room.directorToken);
    const due = 60 * minute;
    await ok(director, 'clock.start');
    await ok(director, 'clock.setSpeed', { speed: 10 });
    await ok(director, 'sitrep.setSchedule', { everyMinutes: 120, fromExerciseTime: due });
    await ok(director, 'clock.jump', { exerciseTime: due - 15 * minute - 3_000 });
    expect(ofType(director.events, 'sitrep.reminder')).toEqual([]);
    const reminder = await director.waitForEvent((e) => e.type === 'sitrep.reminder', 5_000);
    expect(reminder.payload).toEqual({ dueAt: due });
    expect(reminder.exerciseTime).toBeGreaterThanOrEqual(due - 15 * minute);
    expect(ofType(director.events, 'sitrep.late')).toEqual([]);

    await ok(director, 'clock.jump', { exerciseTime: due - 3_000 });
    const late = await director.waitForEvent((e) => e.type === 'sitrep.late', 5_000);
    expect(late.payload).toEqual({ dueAt: due });
    expect(late.exerciseTime).toBeGreaterThan(due);
    await sleep(600);
    expect(ofType(director.events, 'sitrep.late')).toHaveLength(1);
    expect(ofType(director.events, 'sitrep.reminder')).toHaveLength(1);
    const state = (await server.server.rooms.get(room.roomId)).state.sitrep;
    expect(state).toMatchObject({ reminded: [due], late: [due] });
    expect(sitrepMeasures(state)).toEqual({ opened: 0, validated: 0, firstValidatedAt: null, late: 1 });
    director.close();
  });
});
