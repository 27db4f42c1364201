import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandSpec } from '../../shared/core/define.js';
import { DomainError } from '../../shared/core/errors.js';
import { commandSpecs } from '../../shared/domain.js';
import { commandRefusal } from '../../shared/permissions.js';
import type { RoomRuntime } from '../../server/rooms/room-runtime.js';
import { RoomService } from '../../server/rooms/room-service.js';
import { roomSetupSteps } from '../../server/features.js';
import { scenariosDir } from '../../server/exercise/scenario-files.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';
import { oneOfEachRole, viewerOf } from '../helpers/actors.js';

/**
 * Issue 12, point 1: the buttons a person sees are exactly the commands the server accepts. For every command
 * of the registry × every role × representative rooms, the client's question (`commandRefusal` on the viewer's
 * own projection, as `useCan` asks it) gets the same answer as the server's execution of that command, asked at
 * the same instant on the same room.
 */
const actors = oneOfEachRole('cr');

let clock = Date.UTC(2026, 11, 2, 8, 0, 0);
let dataDir: string;
let store: Store;
let service: RoomService;
const rooms = new Map<string, RoomRuntime>();

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'orsan-refusal-'));
  store = openSqliteStore(dataDir);
  service = new RoomService(store.events, roomSetupSteps, scenariosDir, () => clock);
  const director = actors[0]!;
  const running = await service.create({ mode: 'exercise', title: 'Exercice en cours', scenario: 'cyber-ght-samu-normandie' });
  await running.execute(director, randomUUID(), 'clock.start', {});
  for (const id of ['S01', 'S02', 'S05']) await running.execute(director, randomUUID(), 'stimulus.injectNow', { id });
  await running.execute(actors[1]!, randomUUID(), 'stimulus.acknowledge', { id: 'S01' });
  rooms.set('exercice en cours', running);
  rooms.set('exercice pas commencé', await service.create({ mode: 'exercise', title: 'Avant DEBEX', scenario: 'demo-court' }));
  rooms.set('crise réelle', await service.create({ mode: 'crisis', title: 'Crise cyber GHT' }));
});

afterAll(async () => {
  service.close();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The example payload, and the same with each id-like field set to ids the rooms have (and one they lack). */
function payloadsOf(spec: CommandSpec): unknown[] {
  const example = spec.example as Record<string, unknown>;
  const variants: unknown[] = [example];
  for (const field of ['id', 'stimulusId', 'linkId']) {
    if (typeof example[field] !== 'string') continue;
    for (const id of ['S01', 'S02', 'S05', 'S09', 'ars-cert']) variants.push({ ...example, [field]: id });
  }
  return variants;
}

describe('client and server answer the same for every command, role and state', () => {
  it('commandRefusal on the viewer projection predicts the server outcome', async () => {
    let compared = 0;
    let accepted = 0;
    for (const [label, runtime] of rooms) {
      for (const spec of commandSpecs as CommandSpec[]) {
        for (const actor of actors) {
          for (const payload of payloadsOf(spec)) {
            clock += 1000;
            const projection = await runtime.exclusive(() => runtime.stateFor(viewerOf(actor)));
            const client = commandRefusal(spec.type, { state: projection, actor, now: runtime.now(), payload });
            const server = await runtime.execute(actor, randomUUID(), spec.type, payload).then(
              () => null,
              (error: unknown) => (error instanceof DomainError ? error : Promise.reject(error)),
            );
            const what = `${label} · ${spec.type} · ${actor.role}${actor.cell ? `/${actor.cell}` : ''} · ${JSON.stringify(payload)}`;
            expect(client?.code ?? 'accepted', `${what}: server says ${server?.message ?? 'accepted'}, client says ${client?.message ?? 'accepted'}`).toBe(server?.code ?? 'accepted');
            compared++;
            if (!server) accepted++;
          }
        }
      }
    }
    // The comparison must cover both answers, many times each.
    expect(compared).toBeGreaterThan(600);
    expect(accepted).toBeGreaterThan(30);
  });

  it('without a payload, asks the permission matrix only (whether to show a form at all)', () => {
    const state = rooms.get('crise réelle')!.state;
    const now = { wallTime: clock, exerciseTime: 0 };
    expect(commandRefusal('clock.pause', { state, actor: actors[1]!, now })?.code).toBe('forbidden');
    expect(commandRefusal('room.announce', { state, actor: actors[0]!, now })).toBeNull();
    expect(commandRefusal('participant.checkIn', { state, actor: actors[0]!, now })).toBeNull();
    expect(commandRefusal('no.such', { state, actor: actors[0]!, now })?.code).toBe('invalid');
  });
});
