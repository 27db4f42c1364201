import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomEvent } from '../../shared/core/events.js';
import { callApi } from '../helpers/server.js';
import { startServerProcess, type ServerProcess } from '../helpers/process.js';
import { createRoom, tokenFor, connect } from '../helpers/room.js';
import { startSmtp, type TestSmtp } from './peers.js';
import { writeDirectory } from './directory-fixture.js';

async function eventsOf(url: string, roomId: string, token: string): Promise<RoomEvent[]> {
  const answer = await callApi(url, 'GET', `/api/rooms/${roomId}/events`, undefined, token);
  return (answer.body as { events: RoomEvent[] }).events;
}

async function until<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('kill -9 between queue and send: exactly one mail after restart', () => {
  let smtp: TestSmtp;
  let srv: ServerProcess;
  let files: { dir: string; file: string };
  beforeAll(async () => {
    files = writeDirectory();
    smtp = await startSmtp();
    srv = await startServerProcess({ env: { DIRECTORY_FILE: files.file, SMTP_URL: smtp.url, OUTBOX_RETRY_MS: '50' } });
  });
  afterAll(async () => {
    await srv?.stop();
    await smtp?.close();
    rmSync(files.dir, { recursive: true, force: true });
  });

  it('a hung relay, the server killed mid-send, the relay back: one mail, one `sent`', async () => {
    const room = await createRoom(srv.url, { mode: 'crisis', title: 'Crise — coupure' });
    const ars = await connect(srv.url, await tokenFor(room, 'player', 'ars'));
    smtp.mode = 'stall';
    expect((await ars.send('alertChain.alert', { linkId: 'ars-corruss', channels: ['mail'], message: 'Alerte avant coupure.' })).ok).toBe(true);
    ars.close();
    // The relay has the message's DATA and never answers: the attempt is in the log, the `sent` is not.
    await until(async () => smtp.attempts >= 1);
    const before = await eventsOf(srv.url, room.roomId, room.directorToken);
    expect(before.filter((e) => e.type === 'notification.queued')).toHaveLength(1);
    expect(before.filter((e) => e.type === 'notification.attempted')).toHaveLength(1);
    expect(before.filter((e) => e.type === 'notification.sent')).toHaveLength(0);

    await srv.kill9();
    smtp.mode = 'accept';
    await srv.restart();

    const after = await until(async () => {
      const events = await eventsOf(srv.url, room.roomId, room.directorToken);
      return events.some((e) => e.type === 'notification.sent') ? events : null;
    });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.subject).toContain('[ALERTE ORSAN] Crise — coupure');
    expect(after.filter((e) => e.type === 'notification.queued')).toHaveLength(1);
    expect(after.filter((e) => e.type === 'notification.sent')).toHaveLength(1);
    // The restart made a new attempt (a new link token); the first one's stays valid and is in the log.
    expect(after.filter((e) => e.type === 'notification.attempted')).toHaveLength(2);
  });
});
