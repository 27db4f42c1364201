const frenchRules = new Intl.PluralRules('fr-FR');

/**
 * « 1 décision », « 0 décision », « 3 décisions »: French counts 0 and 1 in the singular (CLDR plural rules).
 * @example countText(1, 'décision', 'décisions') // '1 décision'
 */
export function countText(n: number, one: string, many: string): string {
  return `${n} ${frenchRules.select(n) === 'one' ? one : many}`;
}
