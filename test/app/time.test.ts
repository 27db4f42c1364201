import { describe, expect, it } from 'vitest';
import { formatDelay, parisTime, tPlus } from '../../client/app/time.js';
import { wallTimeText } from '../../shared/core/clock-labels.js';

/** The client's one time module: every screen writes exercise time, wall clock and delays the same way. */
describe('client time formatting', () => {
  it('writes exercise time as T+HH:MM:SS, T+HH:MM on a chart axis, and a dash when there is none', () => {
    expect(tPlus(5_400_000)).toBe('T+01:30:00');
    expect(tPlus(0)).toBe('T+00:00:00');
    expect(tPlus(750_000, 'minutes')).toBe('T+00:12');
    expect(tPlus(100 * 3600_000, 'minutes')).toBe('T+100:00');
    expect(tPlus(null)).toBe('—');
  });

  it('writes the wall clock to the minute, or to the second where it matters, in either language', () => {
    const at = new Date(2025, 0, 15, 14, 32, 5).getTime();
    expect(wallTimeText(at)).toBe('14:32');
    expect(wallTimeText(at, { lang: 'en' })).toBe('14:32');
    expect(wallTimeText(at, { seconds: true })).toBe('14:32:05');
  });

  it('writes what happened outside the room in Paris time, whatever the viewer’s time zone, summer and winter', () => {
    expect(parisTime(Date.UTC(2026, 0, 15, 13, 5))).toBe('14 h 05');
    expect(parisTime(Date.UTC(2026, 6, 15, 13, 5))).toBe('15 h 05');
  });

  it('writes delays as people say them', () => {
    expect(formatDelay(45_000)).toBe('45 s');
    expect(formatDelay(185_000)).toBe('3 min 05 s');
    expect(formatDelay(4_320_000)).toBe('1 h 12 min');
    expect(formatDelay(null)).toBe('—');
  });
});
