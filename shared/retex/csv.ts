/** RFC 4180 CSV: quotes every field that needs it; `;`-free so spreadsheets in French locales read it with the import dialog. */
export function toCsv(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
  const field = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
