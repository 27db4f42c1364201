import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandSpec } from '../../shared/core/define.js';
import { DomainError } from '../../shared/core/errors.js';
import { commandSpecs } from '../../shared/domain.js';
import { RoomRuntime } from '../../server/rooms/room-runtime.js';
import { RoomService } from '../../server/rooms/room-service.js';
import { roomSetupSteps } from '../../server/features.js';
import { scenariosDir } from '../../server/exercise/scenario-files.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';
import { oneOfEachRole, viewerOf } from '../helpers/actors.js';

/**
 * Issue 11, acceptance 1: every command of the registry, driven with generated hostile payloads and ids
 * (every name on Object.prototype among them), for every role, against real rooms on the real SQLite store.
 * For each case: the command is accepted, or refused with a typed code that is never `internal`, and a refusal
 * leaves the log as it was; every audience's view can still be built. Every 100 cases and at the end the room
 * takes a valid command; at the end each room replays from the store to the very state it has live.
 * `FUZZ_RUNS` raises the number of cases (5,000 in `npm test`); `FUZZ_SEED` replays a failing run.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 5000);
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

const prototypeNames = [...new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'prototype', 'length', 'then'])];
/** Ids the rooms really have (so that some commands go through), hostile ones, and malformed ones. */
const interestingStrings = [
  ...prototypeNames,
  'S01',
  'S02',
  'S05',
  'S32',
  'D01',
  'AH01',
  'A1',
  'grille',
  'ars',
  'prefecture',
  'samu',
  'ars-astreinte',
  'cert-sante',
  'd1',
  'd2',
  '270000284',
  '760780239',
  '760024042',
  '',
  ' ',
  '\u0000',
  '../../etc/passwd',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://x")',
  '00:45',
  '99:99',
  '-1',
  'NaN',
  '1e309',
  '💥'.repeat(40),
  'x'.repeat(5000),
];
const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...interestingStrings) },
  { weight: 2, arbitrary: fc.string() },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 2 ** 53, Number.MAX_SAFE_INTEGER)) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, undefined) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...interestingStrings), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...interestingStrings), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** A value of the example's shape with some parts replaced, some keys added (named like built-ins) or dropped. */
function around(example: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 4) return hostileLeaf;
  if (Array.isArray(example)) {
    const element = example.length > 0 ? around(example[0], depth + 1) : hostileLeaf;
    return fc.oneof({ weight: 3, arbitrary: fc.array(element, { maxLength: 4 }) }, { weight: 1, arbitrary: hostileLeaf });
  }
  if (example !== null && typeof example === 'object') {
    const fields = Object.entries(example as Record<string, unknown>).map(([key, value]) =>
      fc.oneof(
        { weight: 4, arbitrary: fc.constant([key, value] as const) },
        { weight: 4, arbitrary: around(value, depth + 1).map((v) => [key, v] as const) },
        { weight: 1, arbitrary: fc.constant(null) },
      ),
    );
    const extra = fc.array(fc.tuple(fc.constantFrom(...interestingStrings), hostileLeaf), { maxLength: 2 });
    const shaped = fc.tuple(fc.tuple(...fields), extra).map(([kept, added]) => {
      // Defined as own properties, as JSON.parse makes them on the wire: `__proto__` stays an ordinary key.
      const out: Record<string, unknown> = {};
      for (const entry of [...kept, ...added]) if (entry) Object.defineProperty(out, entry[0], { value: entry[1], enumerable: true, writable: true, configurable: true });
      return out;
    });
    return fc.oneof({ weight: 5, arbitrary: shaped }, { weight: 1, arbitrary: hostileLeaf });
  }
  return fc.oneof({ weight: 2, arbitrary: fc.constant(example) }, { weight: 3, arbitrary: hostileLeaf });
}

/** What crosses the socket is JSON: undefined disappears, `__proto__` stays an own key. */
const overTheWire = (value: unknown): unknown => {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
};

const actors = oneOfEachRole('fz');
const viewers = actors.map(viewerOf);

let dataDir: string;
let store: Store;
let service: RoomService;
const rooms: RoomRuntime[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'orsan-fuzz-'));
  store = openSqliteStore(dataDir);
  service = new RoomService(store.events, roomSetupSteps, scenariosDir);
  const exercise = await service.create({ mode: 'exercise', title: 'Exercice régional', scenario: 'cyber-ght-samu-normandie' });
  const director = actors[0]!;
  await exercise.execute(director, randomUUID(), 'clock.start', {});
  for (const id of ['S01', 'S02', 'S05']) await exercise.execute(director, randomUUID(), 'stimulus.injectNow', { id });
  rooms.push(exercise);
  rooms.push(await service.create({ mode: 'crisis', title: 'Crise cyber GHT' }));
  rooms.push(await service.create({ mode: 'exercise', title: 'Exercice court', scenario: 'demo-court' }));
});

afterAll(async () => {
  service.close();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('hostile commands (property-based)', () => {
  it(`never answer internal, never change the log when refused, and leave every room replayable (${runs} cases)`, async () => {
    // Mostly a role the matrix allows (to reach the rules behind it), sometimes any role (to check the matrix).
    const actorFor = (spec: CommandSpec) => {
      const allowed = actors.filter((a) => spec.allowed.includes(a.role));
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...allowed) }, { weight: 1, arbitrary: fc.constantFrom(...actors) });
    };
    const cases = fc
      .constantFrom(...(commandSpecs as CommandSpec[]))
      .chain((spec) => fc.record({ spec: fc.constant(spec), actor: actorFor(spec), room: fc.nat({ max: rooms.length - 1 }), payload: around(spec.example).map(overTheWire) }));

    let count = 0;
    const outcomes = new Map<string, number>();
    const tally = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    await fc.assert(
      fc.asyncProperty(cases, async ({ spec, actor, room, payload }) => {
        const runtime = rooms[room]!;
        const headBefore = await store.events.headSeq(runtime.id);
        try {
          await runtime.execute(actor, randomUUID(), spec.type, payload);
          tally(`accepted ${spec.type}`);
        } catch (error) {
          tally(error instanceof DomainError ? error.code : 'thrown');
          expect(error, `${spec.type} by ${actor.role}: ${String(error)}`).toBeInstanceOf(DomainError);
          expect((error as DomainError).code, `${spec.type}: ${(error as Error).message}`).not.toBe('internal');
          expect(await store.events.headSeq(runtime.id), `${spec.type} refused yet appended`).toBe(headBefore);
        }
        for (const viewer of viewers) await runtime.exclusive(() => runtime.stateFor(viewer));
        if (++count % 100 === 0) await expectServesValidCommand(runtime);
      }),
      { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
    );

    // The generator must reach the rules, not only the schemas: some commands go through, many kinds are refused.
    const accepted = [...outcomes].filter(([k]) => k.startsWith('accepted ')).length;
    if (process.env.FUZZ_REPORT) console.log(Object.fromEntries([...outcomes].sort()));
    expect(accepted, JSON.stringify(Object.fromEntries(outcomes))).toBeGreaterThanOrEqual(Math.min(10, runs / 100));
    for (const code of ['invalid', 'forbidden', 'not_found', 'conflict']) expect(outcomes.get(code) ?? 0, code).toBeGreaterThan(0);

    for (const runtime of rooms) {
      await expectServesValidCommand(runtime);
      const replayed = await RoomRuntime.load(runtime.id, store.events);
      expect(JSON.stringify(replayed.state)).toBe(JSON.stringify(runtime.state));
    }
  }, 600_000);
});

async function expectServesValidCommand(runtime: RoomRuntime): Promise<void> {
  const before = runtime.state.seq;
  const outcome = await runtime.execute(actors[0]!, randomUUID(), 'room.announce', { text: `Annonce après ${before} événements` });
  expect(outcome.seq).toBe(before + 1);
}
