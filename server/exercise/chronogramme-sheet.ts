import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { columnOfHeader } from '../../shared/exercise/scenario-sheet-columns.js';
import { sheetToStimuli, stimuliToSheet, type SheetContext, type SheetImport, type SheetTable } from '../../shared/exercise/scenario-sheet.js';
import type { Stimulus } from '../../shared/exercise/scenario-stimulus.js';

/**
 * Reading and writing the chronogramme as CSV or XLSX (exceljs; its CSV side is fast-csv, RFC 4180).
 * The row ⇄ stimulus mapping is pure and lives in shared/exercise/scenario-sheet.ts.
 */

export type SheetFormat = 'csv' | 'xlsx';

export function sheetFormatOf(fileName: string): SheetFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

const sheetName = 'Chronogramme';
const dayMs = 24 * 3600 * 1000;

/** Excel stores times as fractions of a day: 0.0625 → `01:30`. */
function dayFractionToOffset(days: number): string {
  const totalSeconds = Math.round(days * 24 * 3600);
  const hh = String(Math.floor(totalSeconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((totalSeconds % 3600) / 60)).padStart(2, '0');
  const ss = totalSeconds % 60;
  return ss === 0 ? `${hh}:${mm}` : `${hh}:${mm}:${String(ss).padStart(2, '0')}`;
}

/** Excel's day zero, as exceljs turns time-formatted cells into dates. */
const excelEpoch = Date.UTC(1899, 11, 30);

/** Any cell value exceljs may return, as the text a person sees. */
function cellText(value: ExcelJS.CellValue, isOffset: boolean): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const days = (value.getTime() - excelEpoch) / dayMs;
    return isOffset || days < 1 ? dayFractionToOffset(days) : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'number') return isOffset && value >= 0 && value < 7 ? dayFractionToOffset(value) : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return String(value.text ?? value.hyperlink);
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue, isOffset);
  if ('error' in value) return String(value.error);
  return '';
}

function worksheetToTable(worksheet: ExcelJS.Worksheet): SheetTable {
  const header = worksheet.getRow(1);
  const headers: string[] = [];
  for (let col = 1; col <= worksheet.columnCount; col += 1) headers.push(cellText(header.getCell(col).value, false).trim());
  const offsetColumn = headers.findIndex((text) => columnOfHeader(text) === 'offset');
  const rows: SheetTable['rows'] = [];
  worksheet.eachRow((row, line) => {
    if (line === 1) return;
    const values = headers.map((_, i) => cellText(row.getCell(i + 1).value, i === offsetColumn));
    rows.push({ line, values });
  });
  return { headers, rows };
}

/** The delimiter of a CSV file, read from its header line (French Excel writes `;`). */
function csvDelimiter(text: string): string {
  const headerLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((d) => ({ d, n: headerLine.split(d).length - 1 }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).d;
}

/** A CSV or XLSX file → plain text table. */
export async function readSheetTable(data: Buffer, format: SheetFormat): Promise<SheetTable> {
  const workbook = new ExcelJS.Workbook();
  if (format === 'xlsx') {
    // exceljs declares its own `Buffer` (an ArrayBuffer), which Node's generic Buffer type does not match.
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
    const worksheet = workbook.worksheets[0];
    return worksheet ? worksheetToTable(worksheet) : { headers: [], rows: [] };
  }
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  // Identity map: exceljs would otherwise turn `00:30`, `12` or `true` into dates, numbers and booleans.
  const worksheet = await workbook.csv.read(Readable.from([text]), {
    map: (value: string) => value,
    parserOptions: { delimiter: csvDelimiter(text) },
  });
  return worksheetToTable(worksheet);
}

export interface SheetWriteOptions {
  /** CSV only; `;` opens directly in a French Excel. Default `,`. */
  delimiter?: ',' | ';';
}

/** A plain text table → CSV (UTF-8 with BOM, for Excel) or XLSX (header frozen, long texts wrapped). */
export async function writeSheetTable(table: SheetTable, format: SheetFormat, options: SheetWriteOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.addRow(table.headers);
  for (const row of table.rows) worksheet.addRow(row.values);
  if (format === 'csv') {
    const csv = await workbook.csv.writeBuffer({ formatterOptions: { delimiter: options.delimiter ?? ',', writeBOM: true } });
    return Buffer.from(csv);
  }
  worksheet.getRow(1).font = { bold: true };
  table.headers.forEach((header, i) => {
    const wide = ['contenu', 'réaction attendue', 'critère d’évaluation', 'notes animateur'].includes(header);
    const column = worksheet.getColumn(i + 1);
    column.width = wide ? 60 : 18;
    column.alignment = { vertical: 'top', wrapText: wide };
    column.numFmt = '@';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A CSV or XLSX chronogramme → validated stimuli, errors by row (`ligne 7, canal : valeur inconnue « fax »`). */
export async function importChronogramme(data: Buffer, format: SheetFormat, context: SheetContext): Promise<SheetImport> {
  let table: SheetTable;
  try {
    table = await readSheetTable(data, format);
  } catch (error) {
    return { ok: false, errors: [`fichier ${format.toUpperCase()} illisible : ${error instanceof Error ? error.message : String(error)}`] };
  }
  return sheetToStimuli(table, context);
}

/** Stimuli → a CSV or XLSX chronogramme with the columns the import reads. */
export async function exportChronogramme(stimuli: readonly Stimulus[], context: SheetContext, format: SheetFormat, options: SheetWriteOptions = {}): Promise<Buffer> {
  return writeSheetTable(stimuliToSheet(stimuli, context), format, options);
}
