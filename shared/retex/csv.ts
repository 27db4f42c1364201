import { defuseFormula } from '../core/spreadsheet-safety.js';

/**
 * RFC 4180 CSV: quotes every field that needs it; `;`-free so spreadsheets in French locales read it with the
 * import dialog. Text a spreadsheet would run as a formula (typed by participants) is defused.
 */
export function toCsv(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
  const field = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : defuseFormula(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
