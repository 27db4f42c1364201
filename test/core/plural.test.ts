import { describe, expect, it } from 'vitest';
import { countText, pluralize } from '../../shared/core/plural.js';

describe('French counts', () => {
  it('puts 0 and 1 in the singular, 2 and more in the plural', () => {
    expect([0, 1, 2, 12].map((n) => countText(n, 'décision', 'décisions'))).toEqual(['0 décision', '1 décision', '2 décisions', '12 décisions']);
  });
});

describe('ICU plural messages', () => {
  const late = '{count, plural, one {# action en retard} other {# actions en retard}}';

  it('follows each language’s rules: French 0 and 1 singular, English only 1', () => {
    expect([0, 1, 2].map((count) => pluralize(late, { count }, 'fr'))).toEqual(['0 action en retard', '1 action en retard', '2 actions en retard']);
    const overdue = '{count, plural, one {# action overdue} other {# actions overdue}}';
    expect([0, 1, 2].map((count) => pluralize(overdue, { count }, 'en'))).toEqual(['0 actions overdue', '1 action overdue', '2 actions overdue']);
  });

  it('prefers an exact =N option and keeps the other placeholders for the caller', () => {
    const text = '{n, plural, =0 {aucun communiqué} one {# communiqué validé} other {# communiqués validés}} pour {cell}';
    expect(pluralize(text, { n: 0 }, 'fr')).toBe('aucun communiqué pour {cell}');
    expect(pluralize(text, { n: 3 }, 'fr')).toBe('3 communiqués validés pour {cell}');
  });

  it('resolves several blocks in one message, and leaves a block with no number as written', () => {
    const text = '{a, plural, one {# entrée} other {# entrées}}, dont {b, plural, one {# décision} other {# décisions}}';
    expect(pluralize(text, { a: 1, b: 4 }, 'fr')).toBe('1 entrée, dont 4 décisions');
    expect(pluralize(text, { a: 2 }, 'fr')).toBe('2 entrées, dont {b, plural, one {# décision} other {# décisions}}');
  });
});
