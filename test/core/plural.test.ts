import { describe, expect, it } from 'vitest';
import { countText } from '../../shared/core/plural.js';

describe('French counts', () => {
  it('puts 0 and 1 in the singular, 2 and more in the plural', () => {
    expect([0, 1, 2, 12].map((n) => countText(n, 'décision', 'décisions'))).toEqual(['0 décision', '1 décision', '2 décisions', '12 décisions']);
  });
});
