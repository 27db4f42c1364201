import { describe, expect, it } from 'vitest';
import type { PresenceEntry } from '../../shared/protocol.js';
import { PresenceBoard } from '../../server/cluster/presence-board.js';

const director = (connections: number): PresenceEntry => ({ sessionId: 's-dir', name: 'Directrice', role: 'director', connections });
const ars = (connections: number): PresenceEntry => ({ sessionId: 's-ars', name: 'Agent ARS', role: 'player', cell: 'ars', connections });

describe('presence board: one instance’s view of a cluster’s presence', () => {
  it('merges its own list with the others’, summing the sockets of a session present on several instances', () => {
    const board = new PresenceBoard(15_000);
    board.setOwn('r1', [director(1)]);
    expect(board.receive('b', 'r1', 1, [director(2), ars(1)], 0)).toBe(true);
    expect(board.receive('c', 'r1', 1, [ars(1)], 0)).toBe(true);
    expect(board.merged('r1')).toEqual([director(3), ars(2)]);
    // The lists it holds are not changed by merging.
    expect(board.merged('r1')).toEqual([director(3), ars(2)]);
    expect(board.merged('r2')).toEqual([]);
  });

  it('tells a change from a heartbeat repeating the same list, and ignores a list older than the one held', () => {
    const board = new PresenceBoard(15_000);
    expect(board.receive('b', 'r1', 1, [ars(1)], 0)).toBe(true);
    expect(board.receive('b', 'r1', 2, [ars(1)], 5000)).toBe(false);
    expect(board.receive('b', 'r1', 3, [ars(2)], 5000)).toBe(true);
    expect(board.receive('b', 'r1', 2, [ars(1)], 5000)).toBe(false);
    expect(board.merged('r1')).toEqual([ars(2)]);
  });

  it('an empty list removes the instance’s people from the room', () => {
    const board = new PresenceBoard(15_000);
    board.receive('b', 'r1', 1, [ars(1)], 0);
    expect(board.receive('b', 'r1', 2, [], 0)).toBe(true);
    expect(board.receive('b', 'r1', 3, [], 0)).toBe(false);
    expect(board.merged('r1')).toEqual([]);
  });

  it('forgets every list of an instance that said goodbye', () => {
    const board = new PresenceBoard(15_000);
    board.receive('b', 'r1', 1, [ars(1)], 0);
    board.receive('b', 'r2', 2, [director(1)], 0);
    board.receive('c', 'r2', 1, [ars(1)], 0);
    expect(board.forget('b').sort()).toEqual(['r1', 'r2']);
    expect(board.merged('r2')).toEqual([ars(1)]);
    expect(board.forget('b')).toEqual([]);
  });

  it('drops the lists not heard again within the expiry, and only those', () => {
    const board = new PresenceBoard(15_000);
    board.setOwn('r1', [director(1)]);
    board.receive('dead', 'r1', 1, [ars(1)], 0);
    board.receive('alive', 'r2', 1, [ars(1)], 0);
    board.receive('alive', 'r2', 2, [ars(1)], 10_000);
    expect(board.expire(15_000)).toEqual([]);
    expect(board.expire(15_001)).toEqual(['r1']);
    expect(board.merged('r1')).toEqual([director(1)]);
    expect(board.merged('r2')).toEqual([ars(1)]);
    expect(board.expire(25_001)).toEqual(['r2']);
  });

  it('republishes only the rooms where someone is connected here', () => {
    const board = new PresenceBoard(15_000);
    board.setOwn('r1', [director(1)]);
    board.setOwn('r2', [ars(1)]);
    board.setOwn('r2', []);
    expect(board.ownLists()).toEqual([['r1', [director(1)]]]);
  });

  it('keys are plain data: a room or session named like an object property is an ordinary key', () => {
    const board = new PresenceBoard(15_000);
    board.receive('__proto__', 'constructor', 1, [{ ...ars(1), sessionId: '__proto__' }], 0);
    expect(board.merged('constructor')).toEqual([{ ...ars(1), sessionId: '__proto__' }]);
    expect(board.merged('toString')).toEqual([]);
  });
});
