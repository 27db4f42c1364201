import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createApi, roomPath, type ApiClient } from '../../client/app/api.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, type TestRoom } from '../helpers/room.js';

/** The client's one REST module against the real server: refusals arrive as typed errors with the server's words. */
describe('client API module', () => {
  let server: TestServer;
  let room: TestRoom;
  let client: ApiClient;

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url);
    client = createApi({ baseUrl: server.url });
  });
  afterAll(async () => {
    await server?.close();
  });

  /** The rejection of `promise`, which must be an ApiError. */
  const refusal = async (promise: Promise<unknown>): Promise<ApiError> => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  };

  it('turns a bad token into an `unauthorized` ApiError carrying the server message', async () => {
    const raw = await server.api('GET', '/api/session', undefined, 'not-a-token');
    const error = await refusal(client.json('/api/session', { session: { token: 'not-a-token' } }));
    expect(error.code).toBe('unauthorized');
    expect(error.status).toBe(401);
    expect(error.message).toBe(raw.body.error.message);
    expect(error.message).not.toBe('');
  });

  it("names the refusal when a session asks another room's routes (`forbidden`) or sends a bad body (`invalid`)", async () => {
    const other = await createRoom(server.url);
    const forbidden = await refusal(client.json(roomPath(other.roomId, '/sessions'), { session: { token: room.directorToken } }));
    expect(forbidden.code).toBe('forbidden');
    expect(forbidden.status).toBe(403);

    const invalid = await refusal(client.json('/api/join', { method: 'POST', body: { code: '', name: '' } }));
    expect(invalid.code).toBe('invalid');
    expect(invalid.status).toBe(400);
    expect(invalid.message).toMatch(/name|code/);
  });

  it('reads JSON, text and files with the session token', async () => {
    const session = await client.json<{ roomId: string; role: string }>('/api/session', { session: { token: room.directorToken } });
    expect(session).toMatchObject({ roomId: room.roomId, role: 'director' });

    const path = roomPath(room.roomId, '/alert-chain/measures.csv');
    const raw = await server.api('GET', path, undefined, room.directorToken);
    expect(await client.text(path, { session: { token: room.directorToken } })).toBe(raw.body);
    const file = await client.blob(path, { session: { token: room.directorToken } });
    expect(file.filename).toBe(`chaine-alerte-${room.roomId}.csv`);
    expect(await file.blob.text()).toBe(raw.body);
    // The RETEX routes quote the name (`filename="…"`), express's `attachment()` does not: both are read.
    const report = await client.blob(roomPath(room.roomId, '/report.md'), { session: { token: room.directorToken } });
    expect(report.filename).toBe(`retex-${room.roomId}.md`);
  });

  it('falls back on the HTTP status when an answer has no error body, and keeps a message whose code it does not know', async () => {
    const answering = (response: () => Response) => createApi({ fetch: async () => response() });
    const gateway = await refusal(answering(() => new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' })).json('/api/x'));
    expect([gateway.code, gateway.status, gateway.message]).toEqual(['internal', 502, 'HTTP 502 Bad Gateway']);
    const unavailable = await refusal(answering(() => new Response(null, { status: 503 })).text('/api/x'));
    expect(unavailable.code).toBe('unavailable');
    const newer = await refusal(answering(() => Response.json({ error: { code: 'teapot', message: 'Je suis une théière.' } }, { status: 429 })).blob('/api/x'));
    expect([newer.code, newer.message]).toEqual(['rate_limited', 'Je suis une théière.']);
  });

  it('encodes the room id into the path', () => {
    expect(roomPath('a/b?c', '/report')).toBe('/api/rooms/a%2Fb%3Fc/report');
    expect(roomPath('r1', 'events')).toBe('/api/rooms/r1/events');
  });
});
