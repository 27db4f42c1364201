import { describe, expect, it } from 'vitest';
import type { Participant } from '../../shared/core/define.js';
import { applyEvent, findCommand } from '../../shared/domain.js';
import { exerciseTimeAt, formatExerciseTime, initialClock, wallTimeWhen, type ClockState } from '../../shared/exercise/clock.js';
import { initialRoomState, type RoomState } from '../../shared/room-state.js';
import { systemActor } from '../../shared/core/roles.js';

const director: Participant = { kind: 'participant', sessionId: 's-dir', name: 'Animatrice', role: 'director' };
const T0 = 1_750_000_000_000;

/** Runs a clock command at wall time `wall` through its real decide and the room reducer, as the server does. */
function run(state: RoomState, type: string, wall: number, payload: unknown = {}): RoomState {
  const spec = findCommand(type)!;
  const now = { wallTime: wall, exerciseTime: exerciseTimeAt(state.clock, wall) };
  const drafts = spec.decide({ state, payload: spec.payload.parse(payload), actor: director, now });
  return drafts.reduce(
    (s, d, i) => applyEvent(s, { ...d, roomId: 'r', seq: s.seq + 1 + i, wallTime: wall, exerciseTime: now.exerciseTime, actor: systemActor, commandId: null, prevHash: '', hash: '' }),
    state,
  );
}

describe('exercise clock', () => {
  it('stands at zero before DEBEX, then runs at real speed', () => {
    expect(exerciseTimeAt(initialClock, T0)).toBe(0);
    const s = run(initialRoomState('r'), 'clock.start', T0);
    expect(exerciseTimeAt(s.clock, T0)).toBe(0);
    expect(exerciseTimeAt(s.clock, T0 + 90 * 60_000)).toBe(5_400_000);
  });

  it('freezes on pause and resumes where it stopped, losing no instant', () => {
    let s = run(initialRoomState('r'), 'clock.start', T0);
    s = run(s, 'clock.pause', T0 + 12_345);
    expect(s.clock.status).toBe('paused');
    expect(exerciseTimeAt(s.clock, T0 + 12_345)).toBe(12_345);
    expect(exerciseTimeAt(s.clock, T0 + 3_600_000)).toBe(12_345);
    s = run(s, 'clock.resume', T0 + 60_000);
    expect(exerciseTimeAt(s.clock, T0 + 60_000)).toBe(12_345);
    expect(exerciseTimeAt(s.clock, T0 + 61_000)).toBe(13_345);
  });

  it('changes speed without a jump: time before the change is kept, time after runs faster', () => {
    let s = run(initialRoomState('r'), 'clock.start', T0);
    s = run(s, 'clock.setSpeed', T0 + 10_000, { speed: 4 });
    expect(exerciseTimeAt(s.clock, T0 + 10_000)).toBe(10_000);
    expect(exerciseTimeAt(s.clock, T0 + 12_500)).toBe(20_000);
    s = run(s, 'clock.setSpeed', T0 + 12_500, { speed: 1 });
    expect(exerciseTimeAt(s.clock, T0 + 13_500)).toBe(21_000);
  });

  it('keeps the speed across a pause', () => {
    let s = run(initialRoomState('r'), 'clock.start', T0);
    s = run(s, 'clock.setSpeed', T0, { speed: 10 });
    s = run(s, 'clock.pause', T0 + 1_000);
    s = run(s, 'clock.resume', T0 + 5_000);
    expect(s.clock.speed).toBe(10);
    expect(exerciseTimeAt(s.clock, T0 + 6_000)).toBe(20_000);
  });

  it('jumps to an exact exercise time, running or paused', () => {
    let s = run(initialRoomState('r'), 'clock.start', T0);
    s = run(s, 'clock.jump', T0 + 5_000, { exerciseTime: 1_800_000 });
    expect(exerciseTimeAt(s.clock, T0 + 5_000)).toBe(1_800_000);
    expect(exerciseTimeAt(s.clock, T0 + 6_000)).toBe(1_801_000);
    s = run(s, 'clock.pause', T0 + 7_000);
    s = run(s, 'clock.jump', T0 + 9_000, { exerciseTime: 3_600_000 });
    expect(s.clock.status).toBe('paused');
    expect(exerciseTimeAt(s.clock, T0 + 99_000)).toBe(3_600_000);
  });

  it('ends frozen, and refuses to move after FINEX', () => {
    let s = run(initialRoomState('r'), 'clock.start', T0);
    s = run(s, 'clock.end', T0 + 42_000);
    expect(exerciseTimeAt(s.clock, T0 + 100_000)).toBe(42_000);
    expect(() => run(s, 'clock.jump', T0 + 50_000, { exerciseTime: 0 })).toThrow(/terminé/);
    expect(() => run(s, 'clock.resume', T0 + 50_000)).toThrow();
  });

  it('refuses out-of-order actions with conflict', () => {
    const fresh = initialRoomState('r');
    expect(() => run(fresh, 'clock.pause', T0)).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => run(fresh, 'clock.resume', T0)).toThrow(expect.objectContaining({ code: 'conflict' }));
    const started = run(fresh, 'clock.start', T0);
    expect(() => run(started, 'clock.start', T0 + 1)).toThrow(expect.objectContaining({ code: 'conflict' }));
  });

  it('wallTimeWhen is the inverse of exerciseTimeAt while running, at any speed', () => {
    const clock: ClockState = { status: 'running', speed: 3, anchorWall: T0, anchorExercise: 600_000 };
    for (const target of [600_000, 600_001, 612_345, 7_200_000]) {
      const wall = wallTimeWhen(clock, target)!;
      expect(exerciseTimeAt(clock, wall)).toBeGreaterThanOrEqual(target);
      expect(exerciseTimeAt(clock, wall - 1)).toBeLessThan(target);
    }
    expect(wallTimeWhen({ ...clock, status: 'paused' }, 700_000)).toBeNull();
  });

  it('formats exercise time as hh:mm:ss', () => {
    expect(formatExerciseTime(5_400_000)).toBe('01:30:00');
    expect(formatExerciseTime(0)).toBe('00:00:00');
    expect(formatExerciseTime(-61_000)).toBe('-00:01:01');
    expect(formatExerciseTime(100 * 3600_000 + 999)).toBe('100:00:00');
  });
});
