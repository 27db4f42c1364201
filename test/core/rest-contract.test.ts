import { LoggedOutResponse } from '../../shared/identity/rest.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { AlertChainMeasuresResponse } from '../../shared/alert-chain/rest.js';
import { CareMapIssuesResponse, MapConfigResponse, RegionListResponse } from '../../shared/care-map/rest.js';
import { ScenarioListResponse } from '../../shared/exercise/rest.js';
import { ArchiveImportResponse, RetexReportResponse, RoomArchiveResponse, RoomEventsResponse, ScenarioDraftResponse } from '../../shared/retex/rest.js';
import {
  CreateRoomResponse,
  InvitationCreatedResponse,
  InvitationListResponse,
  InvitationRevokedResponse,
  JoinResponse,
  RoomListResponse,
  RoomStateResponse,
  SessionListResponse,
  SessionResponse,
  SessionRevokedResponse,
} from '../../shared/room/rest.js';
import { OPERATOR_TOKEN, startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, type TestRoom } from '../helpers/room.js';

let srv: TestServer;
let other: TestServer;
let room: TestRoom;

beforeAll(async () => {
  srv = await startServer();
  other = await startServer();
  room = await createRoom(srv.url, { scenario: 'demo-court', title: 'Contrat REST' });
  const director = await connect(srv.url, room.directorToken);
  await director.send('room.announce', { text: 'Point de situation' });
  await director.send('clock.start', {});
  director.close();
});
afterAll(async () => {
  await srv.close();
  await other.close();
});

/**
 * The body parses with its shared schema and parsing keeps every key: zod drops keys a schema does not name,
 * so a field the server sends but `shared/…/rest.ts` forgot (or a renamed one) makes the two differ.
 */
function expectDescribedBy(schema: z.ZodType, response: { status: number; body: unknown }, status = 200): void {
  expect(response.status).toBe(status);
  const parsed = schema.safeParse(response.body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  expect(parsed.data).toEqual(response.body);
}

describe('REST bodies are the ones described in shared/<feature>/rest.ts', () => {
  it('rooms, join and session', async () => {
    const created = await srv.api('POST', '/api/rooms', { mode: 'crisis', title: 'Autre salle' }, OPERATOR_TOKEN);
    expectDescribedBy(CreateRoomResponse, created, 201);
    expectDescribedBy(RoomListResponse, await srv.api('GET', '/api/rooms', undefined, OPERATOR_TOKEN));
    const joined = await srv.api('POST', '/api/join', { code: created.body.directorCode, name: 'Directrice' });
    expectDescribedBy(JoinResponse, joined, 201);
    expectDescribedBy(SessionResponse, await srv.api('GET', '/api/session', undefined, joined.body.token));
    expectDescribedBy(RoomStateResponse, await srv.api('GET', `/api/rooms/${room.roomId}/state`, undefined, room.directorToken));
  });

  it('invitations and sessions, listed and revoked', async () => {
    const path = `/api/rooms/${room.roomId}`;
    const invitation = await srv.api('POST', `${path}/invitations`, { role: 'player', cell: 'ars', label: 'ARS', expiresAt: '2999-01-01T00:00:00Z' }, room.directorToken);
    expectDescribedBy(InvitationCreatedResponse, invitation, 201);
    const player = await srv.api('POST', '/api/join', { code: invitation.body.code, name: 'Agent ARS' });
    const invitations = await srv.api('GET', `${path}/invitations`, undefined, room.directorToken);
    expectDescribedBy(InvitationListResponse, invitations);
    expect(invitations.body.invitations).toContainEqual(expect.objectContaining({ id: invitation.body.id, cell: 'ars', expiresAt: Date.parse('2999-01-01T00:00:00Z') }));
    const sessions = await srv.api('GET', `${path}/sessions`, undefined, room.directorToken);
    expectDescribedBy(SessionListResponse, sessions);
    expect(sessions.body.sessions).toContainEqual(expect.objectContaining({ id: player.body.sessionId, cell: 'ars', invitationId: invitation.body.id }));
    const leaving = await srv.api('POST', '/api/join', { code: invitation.body.code, name: 'Agent ARS qui se déconnecte' });
    expectDescribedBy(LoggedOutResponse, await srv.api('DELETE', `${path}/session`, undefined, leaving.body.token));
    expectDescribedBy(SessionRevokedResponse, await srv.api('DELETE', `${path}/sessions/${player.body.sessionId}`, undefined, room.directorToken));
    expectDescribedBy(InvitationRevokedResponse, await srv.api('DELETE', `${path}/invitations/${invitation.body.id}`, undefined, room.directorToken));
  });

  it('the RETEX: report, events, archive and its import, scenario draft', async () => {
    const path = `/api/rooms/${room.roomId}`;
    expectDescribedBy(RetexReportResponse, await srv.api('GET', `${path}/report`, undefined, room.directorToken));
    const events = await srv.api('GET', `${path}/events`, undefined, room.directorToken);
    expectDescribedBy(RoomEventsResponse, events);
    expect(events.body.events.length).toBeGreaterThan(0);
    expectDescribedBy(ScenarioDraftResponse, await srv.api('GET', `${path}/scenario-draft`, undefined, room.directorToken));
    const archive = await srv.api('GET', `${path}/archive`, undefined, room.directorToken);
    expectDescribedBy(RoomArchiveResponse, archive);
    expectDescribedBy(ArchiveImportResponse, await other.api('POST', '/api/archives', archive.body, OPERATOR_TOKEN), 201);
  });

  it('the alert chain, the exercise catalogue and the care map', async () => {
    expectDescribedBy(AlertChainMeasuresResponse, await srv.api('GET', `/api/rooms/${room.roomId}/alert-chain/measures`, undefined, room.directorToken));
    const scenarios = await srv.api('GET', '/api/scenarios');
    expectDescribedBy(ScenarioListResponse, scenarios);
    expect(scenarios.body.scenarios).toContainEqual(expect.objectContaining({ id: 'demo-court' }));
    expectDescribedBy(RegionListResponse, await srv.api('GET', '/api/regions'));
    expectDescribedBy(MapConfigResponse, await srv.api('GET', '/api/config'));
    expectDescribedBy(CareMapIssuesResponse, await srv.api('GET', `/api/rooms/${room.roomId}/care-map/issues`, undefined, room.directorToken));
  });
});
