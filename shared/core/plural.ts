const frenchRules = new Intl.PluralRules('fr-FR');

/**
 * « 1 décision », « 0 décision », « 3 décisions »: French counts 0 and 1 in the singular (CLDR plural rules).
 * @example countText(1, 'décision', 'décisions') // '1 décision'
 */
export function countText(n: number, one: string, many: string): string {
  return `${n} ${frenchRules.select(n) === 'one' ? one : many}`;
}

const rulesByLocale = new Map<string, Intl.PluralRules>();
function rulesFor(locale: string): Intl.PluralRules {
  let rules = rulesByLocale.get(locale);
  if (!rules) rulesByLocale.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

/** Where a `{name, plural, …}` block's options end: the index of its closing brace, counting nested braces. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The `selector {text}` pairs of one plural block (`=0 {…} one {…} other {…}`), in a Map: selectors are message text. */
function pluralOptions(body: string): Map<string, string> | null {
  const options = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const head = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!head) return body.slice(i).trim() === '' ? options : null;
    const open = i + head[0].length - 1;
    const close = closingBrace(body, open);
    if (close < 0) return null;
    options.set(head[1]!, body.slice(open + 1, close));
    i = close + 1;
  }
  return options;
}

/**
 * Resolves the ICU plural blocks of a message (the subset our messages use: `=N`, the CLDR categories, `#` for the
 * number) with the locale's own rules — French says « 0 action », English "0 actions". Other `{name}` placeholders
 * are left for the caller; a block that does not parse is left as it is, so a typo shows instead of vanishing.
 * @example pluralize('{count, plural, one {# action en retard} other {# actions en retard}}', { count: 1 }, 'fr') // '1 action en retard'
 */
export function pluralize(template: string, params: Readonly<Record<string, string | number>>, locale: string): string {
  let out = '';
  let from = 0;
  const start = /\{(\w+),\s*plural,/g;
  for (let m = start.exec(template); m; m = start.exec(template)) {
    const close = closingBrace(template, m.index);
    const options = close < 0 ? null : pluralOptions(template.slice(m.index + m[0].length, close));
    const value = Object.hasOwn(params, m[1]!) ? Number(params[m[1]!]) : NaN;
    if (!options || Number.isNaN(value)) continue;
    const chosen = options.get(`=${value}`) ?? options.get(rulesFor(locale).select(value)) ?? options.get('other') ?? '';
    out += template.slice(from, m.index) + chosen.replace(/#/g, String(value));
    from = close + 1;
    start.lastIndex = from;
  }
  return out + template.slice(from);
}
