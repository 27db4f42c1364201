import { describe, expect, it } from 'vitest';
import { hasShapeOf } from '../../client/offline/room-cache.js';
import { initialRoomState } from '../../shared/room-state.js';

/** A snapshot kept by an older client version is used offline only if this version's reducers can read it. */
describe('hasShapeOf (snapshot from another build)', () => {
  const current = initialRoomState('r1');

  it('accepts a state of the same shape, whatever its values', () => {
    const played = { ...current, seq: 42, room: { ...current.room, title: 'Exercice cyber' } };
    expect(hasShapeOf(current, played)).toBe(true);
  });

  it('refuses a state missing a feature this version added, or a field of one', () => {
    const [feature] = Object.keys(current).filter((k) => typeof (current as unknown as Record<string, unknown>)[k] === 'object');
    const withoutFeature: Record<string, unknown> = { ...current };
    delete withoutFeature[feature!];
    expect(hasShapeOf(current, withoutFeature)).toBe(false);

    const room: Record<string, unknown> = { ...current.room };
    delete room.mode;
    expect(hasShapeOf(current, { ...current, room })).toBe(false);
  });

  it('refuses a value of another kind, and what is not a state at all', () => {
    expect(hasShapeOf(current, { ...current, seq: '42' })).toBe(false);
    expect(hasShapeOf(current, null)).toBe(false);
    expect(hasShapeOf(current, [])).toBe(false);
  });
});
