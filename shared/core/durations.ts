/**
 * A deadline length as a crisis cell says it: `30 min`, `1 h 30`, `24 h`, `3 j (72 h)` — never « 4320 min ».
 * Regulatory deadlines are quoted in hours (CNIL 72 h, NIS2 24 h), so days keep their hours beside them.
 * @example durationText(90) // '1 h 30'
 * @example durationText(4320) // '3 j (72 h)'
 */
export function durationText(minutes: number, lang: 'fr' | 'en' = 'fr'): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  const hours = Math.floor(m / 60);
  const rest = m % 60;
  const inHours = rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')}`;
  if (m >= 48 * 60 && m % (24 * 60) === 0) return `${m / (24 * 60)} ${lang === 'fr' ? 'j' : 'd'} (${inHours})`;
  return inHours;
}
