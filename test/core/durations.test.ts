import { describe, expect, it } from 'vitest';
import { durationText } from '../../shared/core/durations.js';

describe('deadline lengths as people say them', () => {
  it('says minutes, hours, and days with their hours, never thousands of minutes', () => {
    expect([15, 60, 90, 1440, 1680, 4320, 43_200].map((m) => durationText(m))).toEqual(['15 min', '1 h', '1 h 30', '24 h', '28 h', '3 j (72 h)', '30 j (720 h)']);
    expect(durationText(4320, 'en')).toBe('3 d (72 h)');
  });
});
