import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { verifyArchiveText } from '../../server/retex/archive-verify.js';
import type { RoomArchive } from '../../shared/retex/archive.js';
import { OPERATOR_TOKEN, startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, joinAs, type TestRoom } from '../helpers/room.js';
import { repoRoot } from '../helpers/process.js';

const run = promisify(execFile);

/** Adds an own enumerable key, as JSON.parse does (`o.__proto__ = v` would change the prototype instead). */
function addOwnKey(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

/** The archive's text with `"__proto__": {…}` added to the payload of its first event of `type`. */
function withProtoKey(text: string, type: string): string {
  const altered = JSON.parse(text) as { events: Array<{ type: string; payload: object }> };
  addOwnKey(altered.events.find((e) => e.type === type)!.payload, '__proto__', { role: 'director' });
  return JSON.stringify(altered);
}

describe('room archive: export, verify, import', () => {
  let server: TestServer;
  let other: TestServer;
  let room: TestRoom;
  let archive: RoomArchive;
  let text: string;

  beforeAll(async () => {
    server = await startServer();
    other = await startServer();
    room = await createRoom(server.url, { scenario: 'demo-court', title: 'Exercice à archiver' });
    const director = await connect(server.url, room.directorToken);
    const ars = await joinAs(room, 'player', 'ars');
    await director.send('room.announce', { text: 'Point de situation à 10 h' });
    await director.send('clock.start');
    await ars.send('participant.checkIn');
    await ars.waitForEvent((e) => e.type === 'stimulus.injected');
    await ars.send('stimulus.acknowledge', { id: 'D01' });
    director.close();
    ars.close();
    const res = await server.api('GET', `/api/rooms/${room.roomId}/archive`, undefined, room.directorToken);
    expect(res.status).toBe(200);
    archive = res.body;
    text = JSON.stringify(archive, null, 2);
  });
  afterAll(async () => {
    await server?.close();
    await other?.close();
  });

  it('is for the director only', async () => {
    const ars = await joinAs(room, 'player', 'ars');
    const res = await server.api('GET', `/api/rooms/${room.roomId}/archive`, undefined, ars.token);
    ars.close();
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('holds every event of the log with its hash chain, and verifies intact', async () => {
    expect(archive.events.length).toBe((await server.server.store.events.read(room.roomId)).length);
    expect(archive.events.map((e) => e.type)).toContain('stimulus.acknowledged');
    expect(verifyArchiveText(text)).toMatchObject({ intact: true, events: archive.events.length });
  });

  it('detects one changed byte, a deleted event and two reordered events, with their position', () => {
    const target = archive.events.findIndex((e) => e.type === 'room.announced');
    const altered = text.replace('Point de situation à 10 h', 'Point de situation à 11 h');
    expect(verifyArchiveText(altered)).toMatchObject({ intact: false, position: target + 1 });

    const deleted = { ...archive, events: archive.events.filter((_, i) => i !== 3) };
    expect(verifyArchiveText(JSON.stringify(deleted))).toMatchObject({ intact: false, position: 4 });

    const reordered = [...archive.events];
    [reordered[5], reordered[6]] = [reordered[6]!, reordered[5]!];
    expect(verifyArchiveText(JSON.stringify({ ...archive, events: reordered }))).toMatchObject({ intact: false, position: 6 });

    const forgedHash = structuredClone(archive);
    forgedHash.events[2]!.hash = forgedHash.events[2]!.hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    expect(verifyArchiveText(JSON.stringify(forgedHash))).toMatchObject({ intact: false, position: 3 });
  });

  it('detects a key added to an event, __proto__ and keys the schema would strip included', () => {
    const target = archive.events.findIndex((e) => e.type === 'room.announced');
    for (const [field, key] of [
      ['payload', '__proto__'],
      ['payload', 'constructor'],
      ['actor', '__proto__'],
      ['actor', 'note'],
      [null, 'note'],
    ] as const) {
      const altered = JSON.parse(text) as { events: Record<string, object>[] };
      const event = altered.events[target]!;
      addOwnKey(field ? event[field]! : event, key, { injecté: true });
      expect(verifyArchiveText(JSON.stringify(altered)), `${field}.${key}`).toMatchObject({ intact: false, position: target + 1 });
    }
  });

  it('answers a verdict, not a crash, for an archive nested deeper than it can hash; import says invalid', async () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const nested = text.replace('"Point de situation à 10 h"', deep);
    expect(verifyArchiveText(nested)).toMatchObject({ intact: false, reason: expect.stringMatching(/imbriquée trop profondément/) });
    const refused = await other.api('POST', '/api/archives', nested, OPERATOR_TOKEN);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('invalid');
  });

  it('npm run verify says intact (exit 0) or altered with the position (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orsan-archive-'));
    writeFileSync(join(dir, 'ok.json'), text);
    writeFileSync(join(dir, 'bad.json'), text.replace('Point de situation à 10 h', 'Point de situation à 12 h'));
    writeFileSync(join(dir, 'proto.json'), withProtoKey(text, 'room.announced'));
    const ok = await run('npx', ['tsx', 'scripts/verify-archive.ts', join(dir, 'ok.json')], { cwd: repoRoot });
    expect(ok.stdout).toMatch(/Archive intègre/);
    const bad = await run('npx', ['tsx', 'scripts/verify-archive.ts', join(dir, 'bad.json')], { cwd: repoRoot }).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/ALTÉRÉE — événement n° \d+/);
    const proto = await run('npx', ['tsx', 'scripts/verify-archive.ts', join(dir, 'proto.json')], { cwd: repoRoot }).catch((e) => e);
    expect(proto.code).toBe(1);
    expect(proto.stderr).toMatch(/ALTÉRÉE — événement n° \d+/);
  });

  it('imports into another instance as a read-only room with the same log; refuses an altered archive', async () => {
    const refused = await other.api('POST', '/api/archives', JSON.parse(text.replace('10 h', '9 h')), OPERATOR_TOKEN);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('invalid');
    const proto = await other.api('POST', '/api/archives', JSON.parse(withProtoKey(text, 'room.announced')), OPERATOR_TOKEN);
    expect(proto.status).toBe(400);
    expect(proto.body.error.message).toMatch(/événement n° \d+/);

    const imported = await other.api('POST', '/api/archives', archive, OPERATOR_TOKEN);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ roomId: room.roomId, readOnly: true, events: archive.events.length });
    const joined = await other.api('POST', '/api/join', { code: imported.body.directorCode, name: 'Analyste RETEX' });
    const director = await connect(other.url, joined.body.token);
    expect(director.events.map((e) => e.hash)).toEqual(archive.events.map((e) => e.hash));
    const ack = await director.send('room.announce', { text: 'modification' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    director.close();
    expect((await other.server.store.events.read(room.roomId)).length).toBe(archive.events.length);

    const again = await other.api('POST', '/api/archives', archive, OPERATOR_TOKEN);
    expect(again.status).toBe(409);
  });
});
