/** One CSV record with the file line it starts on (1 = the header), so errors can point at it. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

/**
 * Parses RFC 4180 CSV text (comma separator, `"` quoting, CRLF or LF line ends).
 * Quoted cells may hold commas and line breaks (some FINESS category labels do), which is
 * why a line-by-line split is not enough. Blank lines are skipped.
 */
export function parseCsv(text: string): CsvTable {
  const rows: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };

  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += ch;
    }
  }
  if (cell !== '' || cells.length > 0) endRow();

  const [first, ...records] = rows;
  return { header: first ? first.cells.map((h) => h.trim()) : [], records };
}

/** The record as an object keyed by header name; missing trailing cells read as ''. */
export function recordToObject(header: readonly string[], record: CsvRecord): Record<string, string> {
  return Object.fromEntries(header.map((name, i) => [name, (record.cells[i] ?? '').trim()]));
}
