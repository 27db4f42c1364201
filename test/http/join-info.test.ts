import { describe, expect, it } from 'vitest';
import { callApi, type TestServer } from '../helpers/server.js';
import { serverWithRoom, type TestRoom } from '../helpers/room.js';

describe('POST /api/join-info: what a code opens, before the name is typed', () => {
  let server: TestServer;
  let room: TestRoom;
  serverWithRoom((s, r) => ((server = s), (room = r)));

  async function invitation(body: object): Promise<string> {
    const created = await callApi(room.url, 'POST', `/api/rooms/${room.roomId}/invitations`, body, room.directorToken);
    expect(created.status).toBe(201);
    return created.body.code as string;
  }

  it('names the room, the role and the cell by its label, and nothing else; the code stays usable', async () => {
    const code = await invitation({ role: 'player', cell: 'prefecture' });
    const info = await server.api('POST', '/api/join-info', { code });
    expect(info.status).toBe(200);
    expect(info.body).toEqual({ roomTitle: 'Salle de test', mode: 'exercise', role: 'player', cellLabel: 'Préfecture — liaison COD' });
    // Asking opened no session: the code still joins.
    expect((await server.api('POST', '/api/join', { code, name: 'Paul' })).status).toBe(201);
  });

  it('answers a staff code with no cell', async () => {
    const info = await server.api('POST', '/api/join-info', { code: await invitation({ role: 'evaluator' }) });
    expect(info.body).toMatchObject({ role: 'evaluator', cellLabel: null });
  });

  it('says in French that an unknown code is unknown (404), and that a revoked one is revoked', async () => {
    const unknown = await server.api('POST', '/api/join-info', { code: 'ABCD-EFGH-IJKL' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'not_found', message: expect.stringContaining("Code d'invitation inconnu") });

    const created = await callApi(room.url, 'POST', `/api/rooms/${room.roomId}/invitations`, { role: 'observer' }, room.directorToken);
    await callApi(room.url, 'DELETE', `/api/rooms/${room.roomId}/invitations/${created.body.id}`, undefined, room.directorToken);
    const revoked = await server.api('POST', '/api/join-info', { code: created.body.code });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.message).toMatch(/révoquée/);
  });
});
