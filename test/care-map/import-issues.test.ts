import { describe, expect, it } from 'vitest';
import { callApi, type TestServer } from '../helpers/server.js';
import { connect, serverWithRoom, tokenFor, type TestRoom } from '../helpers/room.js';

/** A diagnostic of the shipped data: the national file has 17 sites without coordinates (see loader.test.ts). */
const diagnostic = 'coordonnées manquantes';

describe('import diagnostics (« lignes de données écartées ») reach the director only', () => {
  let server: TestServer;
  let room: TestRoom;
  serverWithRoom((s, r) => ((server = s), (room = r)));

  it('the public region data carries none; a player, an evaluator and an observer are refused them; the director gets them', async () => {
    const region = await callApi(server.url, 'GET', '/api/regions/normandie');
    expect(region.status).toBe(200);
    expect(region.body).not.toHaveProperty('issues');
    expect(JSON.stringify(region.body)).not.toContain(diagnostic);

    const player = await connect(server.url, await tokenFor(room, 'player', 'prefecture'));
    try {
      expect(JSON.stringify({ welcome: player.welcome, events: player.events })).not.toContain(diagnostic);
      const path = `/api/rooms/${room.roomId}/care-map/issues`;
      for (const token of [player.token, await tokenFor(room, 'evaluator'), await tokenFor(room, 'observer')]) {
        const refused = await callApi(server.url, 'GET', path, undefined, token);
        expect(refused.status).toBe(403);
        expect(JSON.stringify(refused.body)).not.toContain(diagnostic);
      }
      expect((await callApi(server.url, 'GET', path)).status).toBe(401);

      const director = await callApi(server.url, 'GET', path, undefined, room.directorToken);
      expect(director.status).toBe(200);
      const body = director.body as { region: string; issues: { message: string }[] };
      expect(body.region).toBe('normandie');
      expect(body.issues).toHaveLength(19);
      expect(body.issues.filter((i) => i.message.includes(diagnostic)).length).toBeGreaterThanOrEqual(17);
    } finally {
      player.close();
    }
  });
});
