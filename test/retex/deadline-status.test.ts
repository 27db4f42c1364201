import { describe, expect, it } from 'vitest';
import { deadlineStatus } from '../../shared/retex/deadline-status.js';

const min = (m: number) => m * 60_000;

describe('deadlineStatus: whether a criterion of the grid held its deadline', () => {
  it('is met when the tick came before the deadline, or at it', () => {
    expect(deadlineStatus({ deadline: min(10), ticks: [min(7)], reached: min(60) })).toBe('met');
    expect(deadlineStatus({ deadline: min(10), ticks: [min(10)], reached: min(60) })).toBe('met');
  });

  it('is met when ticked and the grid gives no deadline', () => {
    expect(deadlineStatus({ deadline: null, ticks: [min(42)], reached: min(60) })).toBe('met');
  });

  it('is missed when the tick came after the deadline', () => {
    expect(deadlineStatus({ deadline: min(10), ticks: [min(11)], reached: min(60) })).toBe('missed');
  });

  it('is missed when nobody ticked it and the exercise went past the deadline', () => {
    expect(deadlineStatus({ deadline: min(10), ticks: [], reached: min(10) + 1 })).toBe('missed');
  });

  it('is not observed without a tick and without deadline evidence', () => {
    expect(deadlineStatus({ deadline: null, ticks: [], reached: min(180) })).toBe('notObserved');
    // The exercise ended (or stands) before the deadline: nothing says it would have been missed.
    expect(deadlineStatus({ deadline: min(200), ticks: [], reached: min(180) })).toBe('notObserved');
    expect(deadlineStatus({ deadline: min(10), ticks: [], reached: min(10) })).toBe('notObserved');
  });

  it('judges a tick after FINEX at the FINEX time: it holds a later deadline, misses an earlier one', () => {
    const finex = min(180);
    expect(deadlineStatus({ deadline: min(200), ticks: [finex], reached: finex })).toBe('met');
    expect(deadlineStatus({ deadline: min(30), ticks: [finex], reached: finex })).toBe('missed');
  });

  it('lets the earliest of several ticks decide, in whatever order they come', () => {
    expect(deadlineStatus({ deadline: min(10), ticks: [min(25), min(8), min(40)], reached: min(60) })).toBe('met');
    expect(deadlineStatus({ deadline: min(10), ticks: [min(25), min(12)], reached: min(60) })).toBe('missed');
  });
});
