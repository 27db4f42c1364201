import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomEvent } from '../../shared/core/events.js';
import { alertChainMeasures, type LinkMeasure } from '../../shared/alert-chain/measures.js';
import { playedByAnimation } from '../../shared/alert-chain/state.js';
import { suggestionsFrom } from '../../shared/retex/report.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, joinAs, type TestClient, type TestRoom } from '../helpers/room.js';

/**
 * The acceptance point of the scripted steps, on the real server at an accelerated exercise clock: the Normandie
 * scenario plays the hospital's first calls (`chainSteps` of S01–S04); the key ARS links are late with their
 * deadlines when the players do nothing, on time when they act, and no finding is about a simulated → simulated link.
 */
const key = ['astreinte-ars', 'ars-prefecture', 'ars-corruss'];
const end = 3 * 60 * 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const overdueIds = (c: TestClient) => c.events.filter((e: RoomEvent) => e.type === 'alertChain.overdue').map((e) => (e.payload as { linkId: string }).linkId);

async function ok(client: TestClient, type: string, payload: unknown = {}) {
  const ack = await client.send(type, payload);
  if (!ack.ok) throw new Error(`${type} refused: ${ack.error.message}`);
  return ack;
}

async function startRun(server: TestServer) {
  const room = await createRoom(server.url, { scenario: 'cyber-ght-samu-normandie', title: 'Accéléré' });
  const director = await connect(server.url, room.directorToken);
  await ok(director, 'clock.start');
  await ok(director, 'clock.setSpeed', { speed: 10 });
  await director.waitForEvent((e) => e.type === 'alertChain.alertSent' && (e.payload as { scriptedBy?: string }).scriptedBy === 'S01');
  return { room, director };
}

async function finish(server: TestServer, room: TestRoom, director: TestClient) {
  await ok(director, 'clock.jump', { exerciseTime: end });
  // The server's automations see the jump on their next tick; at ×10 a second of wall time is ten of exercise.
  await sleep(2_500);
  const state = (await server.server.rooms.get(room.roomId)).state;
  const measures = alertChainMeasures(state.alertChain);
  const byId = (id: string) => measures.links.find((m) => m.linkId === id) as LinkMeasure;
  const findings = suggestionsFrom(measures, [], [], null, end);
  const animated = state.alertChain.links.filter((l) => playedByAnimation(state.alertChain, l));
  return { state, byId, findings, animated };
}

describe('scripted chain steps in an accelerated run', () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await server?.close();
  });

  it('shows the key ARS links late with their deadlines when the players do nothing', async () => {
    const { room, director } = await startRun(server);
    clients.push(director);
    const { byId, findings, animated } = await finish(server, room, director);
    expect(byId('etab-ars-astreinte')).toMatchObject({ scriptedBy: 'S01', playedByAnimation: true, late: false });
    for (const id of key) {
      expect(byId(id), id).toMatchObject({ late: true, alertedAt: null });
      expect(byId(id).deadlineAt, id).toBeGreaterThan(0);
      expect(overdueIds(director)).toContain(id);
    }
    // Counted from the scripted alert of S01 (injected at T+0, a few exercise ms after the start).
    expect(byId('astreinte-ars').deadlineAt! - byId('etab-ars-astreinte').alertedAt!).toBe(30 * 60_000);
    for (const link of animated) expect(overdueIds(director)).not.toContain(link.id);
    expect(findings.some((f) => f.includes('Préfecture'))).toBe(true);
    for (const link of animated) expect(findings.some((f) => f.includes(byId(link.id).fromLabel) && f.includes(byId(link.id).toLabel))).toBe(false);
  });

  it('shows them on time when the players act', async () => {
    const { room, director } = await startRun(server);
    const ars = await joinAs(room, 'player', 'ars');
    const prefecture = await joinAs(room, 'player', 'prefecture');
    clients.push(director, ars, prefecture);
    await ok(director, 'alertChain.alert', { linkId: 'astreinte-ars', message: "L'astreinte active la cellule régionale." });
    await ok(ars, 'alertChain.acknowledge', { linkId: 'astreinte-ars' });
    await ok(ars, 'alertChain.alert', { linkId: 'ars-prefecture', message: 'Cyberattaque au CH : demande de point COD.' });
    await ok(ars, 'alertChain.alert', { linkId: 'ars-corruss', channel: 'telephone', message: 'Messagerie compromise : appel de la permanence.' });
    await ok(prefecture, 'alertChain.acknowledge', { linkId: 'ars-prefecture' });
    // The Préfecture's own links of the default chain: it opens the COD and informs the zone.
    await ok(prefecture, 'alertChain.alert', { linkId: 'prefecture-cod', message: 'Ouverture du COD.' });
    await ok(prefecture, 'alertChain.alert', { linkId: 'prefecture-zone', message: 'Information de la zone de défense.' });
    await ok(director, 'alertChain.acknowledge', { linkId: 'prefecture-cod' });
    await ok(director, 'alertChain.acknowledge', { linkId: 'prefecture-zone' });
    await ok(director, 'alertChain.acknowledge', { linkId: 'ars-corruss' });
    const { byId, findings, animated } = await finish(server, room, director);
    for (const id of key) {
      expect(byId(id), id).toMatchObject({ late: false, acknowledgementLate: false });
      expect(byId(id).alertedAt!, id).toBeLessThanOrEqual(byId(id).deadlineAt!);
      expect(overdueIds(director)).not.toContain(id);
    }
    expect(byId('ars-corruss').usedFallback).toBe(true);
    expect(findings.filter((f) => f.includes('Préfecture'))).toEqual([]);
    for (const link of animated) expect(overdueIds(director)).not.toContain(link.id);
  });
});
