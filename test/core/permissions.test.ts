import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/core/roles.js';
import { commandSpecs } from '../../shared/domain.js';
import { can, permissionMatrix } from '../../shared/permissions.js';
import type { CommandAck } from '../../shared/protocol.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, type TestClient } from '../helpers/room.js';

/**
 * Every row of the permission matrix, read from the registry: a command added by any domain is covered here
 * without editing this file. Each command runs in a fresh room, sent with its documented `example` payload.
 */
const actors = [
  { name: 'observer', role: 'observer' },
  { name: 'evaluator', role: 'evaluator' },
  { name: 'player prefecture', role: 'player', cell: 'prefecture' },
  { name: 'player ars', role: 'player', cell: 'ars' },
  { name: 'director', role: 'director' },
] as const satisfies ReadonlyArray<{ name: string; role: Role; cell?: string }>;
type ActorName = (typeof actors)[number]['name'];

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(() => srv.close());

/** A fresh room and one connected socket per actor, tokens made in-process (no REST rate limit). */
async function freshRoom(mode: 'exercise' | 'crisis' = 'exercise'): Promise<Map<ActorName, TestClient>> {
  const runtime = await srv.server.rooms.create({ mode, title: 'Matrice des permissions' });
  const cells = runtime.state.room.cells.map((c) => c.id);
  const clients = new Map<ActorName, TestClient>();
  for (const actor of actors) {
    const request = { role: actor.role, ...('cell' in actor ? { cell: actor.cell } : {}) };
    const { code } = await srv.server.access.createInvitation(runtime.id, request, cells);
    const { token } = await srv.server.access.join(code, actor.name);
    clients.set(actor.name, await connect(srv.url, token));
  }
  return clients;
}

const codeOf = (ack: CommandAck) => (ack.ok ? 'ok' : ack.error.code);

/** Sends `payload` as every actor, least privileged first (a success by a stronger role cannot change what a weaker one sees). */
async function sendAsEveryone(clients: Map<ActorName, TestClient>, type: string, payload: unknown): Promise<Map<ActorName, string>> {
  const codes = new Map<ActorName, string>();
  for (const actor of actors) codes.set(actor.name, codeOf(await clients.get(actor.name)!.send(type, payload)));
  return codes;
}

/** A payload no object schema accepts: an allowed role gets `invalid` for it, which proves the matrix let it through. */
const notAPayload = 'pas un objet';

describe('permission matrix', () => {
  it('is the registry: one row per command, and can() reads it', () => {
    expect(Object.keys(permissionMatrix).sort()).toEqual(commandSpecs.map((s) => s.type).sort());
    for (const spec of commandSpecs) {
      expect(spec.payload.safeParse(spec.example).success, `${spec.type}: its example must pass its own schema`).toBe(true);
      for (const role of ['director', 'player', 'evaluator', 'observer'] as const) {
        expect(can({ role }, spec.type)).toBe(spec.allowed.includes(role));
      }
    }
    expect(can({ role: 'director' }, 'no.such.command')).toBe(false);
  });

  it.each(commandSpecs.map((spec) => [spec.type, spec] as const))('%s: allowed roles pass the check, the others get `forbidden`', async (_type, spec) => {
    const exercise = await freshRoom('exercise');
    const crisis = await freshRoom('crisis');
    const probe = spec.payload.safeParse(notAPayload).success ? null : await sendAsEveryone(exercise, spec.type, notAPayload);
    const inExercise = await sendAsEveryone(exercise, spec.type, spec.example);
    const inCrisis = await sendAsEveryone(crisis, spec.type, spec.example);
    for (const client of [...exercise.values(), ...crisis.values()]) client.close();

    for (const actor of actors) {
      const codes = [probe?.get(actor.name), inExercise.get(actor.name), inCrisis.get(actor.name)].filter((c) => c !== undefined);
      if (!spec.allowed.includes(actor.role)) {
        expect(codes, `${actor.name} must be refused ${spec.type}, whatever the payload`).toEqual(codes.map(() => 'forbidden'));
      } else if (probe) {
        expect(probe.get(actor.name), `${actor.name} passes the matrix for ${spec.type}, so a bad payload is merely invalid`).toBe('invalid');
      }
    }
    // With its example, an allowed role is not refused outright: a domain rule may still reserve the command to a cell
    // (the care map is the ARS's) or to a room mode (the director writes in a crisis, not in an exercise).
    for (const role of spec.allowed) {
      const names = actors.filter((a) => a.role === role).map((a) => a.name);
      const codes = names.flatMap((name) => [inExercise.get(name), inCrisis.get(name)]);
      expect(codes, `some ${role} in some room mode may send ${spec.type} with its example`).not.toEqual(codes.map(() => 'forbidden'));
    }
  });

  it('checks the command type before the role: an unknown command is invalid for everyone', async () => {
    const clients = await freshRoom();
    const codes = await sendAsEveryone(clients, 'no.such.command', {});
    for (const client of clients.values()) client.close();
    expect([...codes.values()]).toEqual(actors.map(() => 'invalid'));
  });
});
