import { describe, expect, it } from 'vitest';
import { startServer } from '../helpers/server.js';
import { createRoom } from '../helpers/room.js';

describe('a scenario sets the rhythm of points de situation', () => {
  it('the regional exercise starts with « every hour from 01:00 »; a room without one has no schedule', async () => {
    const server = await startServer();
    try {
      const regional = await createRoom(server.url, { mode: 'exercise', scenario: 'cyber-ght-samu-normandie' });
      const plain = await createRoom(server.url, { mode: 'exercise' });
      const schedule = (await server.server.rooms.get(regional.roomId)).state.sitrep.schedule;
      expect(schedule).toMatchObject({ everyMinutes: 60, firstDueAt: 60 * 60_000, fromWallTime: null });
      expect((await server.server.rooms.get(plain.roomId)).state.sitrep.schedule).toBeNull();
    } finally {
      await server.close();
    }
  });
});
