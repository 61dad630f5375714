import type { Problem } from '../problems';
/** A cell as both readers deliver it: exceljs (Date objects) and Office.js (serial numbers). */
export type CellValue = string | number | boolean | Date | null | CellError | CellFormula;
export interface CellError {
  error: string;
}
/**
 * A formula cell whose result is not stored in the file (a writer that does not calculate, such
 * as openpyxl): not a value. Mapping reports it at its cell; it is never read as empty or 0.
 */
export interface CellFormula {
  formula: string;
}

/** Formula cells whose stored results may be stale, and why. */
export interface StaleFormulas {
  /** 'recalcOnLoad': the workbook asks to be recalculated when opened; 'writer': it was written by a program that does not calculate. */
  reason: 'recalcOnLoad' | 'writer';
  /** docProps/app.xml's Application, when known. */
  application: string | null;
  /** [data row index, column index, formula] of each formula cell inside the table. */
  cells: [number, number, string][];
}

/** One Excel table as read from a workbook: what both the exceljs and the Office.js readers produce. */
export interface TableSnapshot {
  name: string;
  sheet: string;
  /** 1-based worksheet row of the header row. */
  headerRow: number;
  /** 1-based worksheet column of the table's first column. */
  firstColumn: number;
  headers: string[];
  rows: CellValue[][];
  /** Merged ranges (A1 style, no sheet) that overlap the table: only their first cell holds a value. */
  merged?: string[];
  /** Staff sheets (issue 9): the contract table this snapshot stands for when `name` is not one (e.g. 'DuAn'). */
  kind?: string;
  /** Staff sheets: 1-based worksheet row of each entry of `rows` (default `headerRow + 1 + index`). */
  rowNumbers?: number[];
  /** Staff sheets: 1-based worksheet column of each header (default `firstColumn + index`). */
  columnNumbers?: number[];
  /** Staff sheets, months laid out across: per row, worksheet columns overriding `columnNumbers`. */
  rowColumnNumbers?: (number[] | undefined)[];
  /** Staff sheets: the A1 range (no sheet) the snapshot was read from, when not header row + rows. */
  range?: string;
  /** The table has no header row (headerRowCount="0"): its columns cannot be named. */
  headerless?: boolean;
  /** Formula cells with a stored result that may be stale (a .xlsx reader sets this; read it after `rows`). */
  staleFormulas?: StaleFormulas;
  /**
   * A reader that can (the .xlsx reader): gives the data rows one at a time, in order, as it reads
   * them, so that a large table is never held whole; `merged` and `staleFormulas` are known after.
   * Null when it cannot (rows out of order in the file): what was visited is void, read `rows`.
   */
  streamRows?(visit: (row: CellValue[], index: number) => void): StreamedRows | null;
  /**
   * A reader that parses tables ahead, in parallel (the command line's worker thread), is told
   * the language of the messages before any table is parsed; `parsed` then gives what parsing
   * this table here would give, or null to parse it here.
   */
  prepare?(lang: string): void;
  parsed?(): ParsedTable | null;
}

/** A table parsed elsewhere exactly as the engine parses one: its records, the problems it added, its line. */
export interface ParsedTable {
  records: unknown[] | null;
  problems: Problem[];
  reads: unknown[];
}

/** The end of a table's rows given one at a time. */
export interface StreamedRows {
  /** What `rows.length` would be (a table keeps its declared height). */
  length: number;
  /** The row at `index` when it holds a formula cell (the rows the stale-formula warnings cite). */
  formulaRow(index: number): CellValue[] | undefined;
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as CellError).error === 'string';
}

export function isUncomputed(v: unknown): v is CellFormula {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as CellFormula).formula === 'string';
}

export function columnLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Parses "B3" into 1-based row and column. */
export function parseA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  return { col: columnNumber(m[1]), row: Number(m[2]) };
}

export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function cellAddress(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!${columnLetters(col)}${row}`;
}

/** Address of the cell at data row `rowIndex` (0-based) and column `colIndex` (0-based) of a table. */
export function tableCell(t: TableSnapshot, rowIndex: number, colIndex: number): string {
  const row = t.rowNumbers?.[rowIndex] ?? t.headerRow + 1 + rowIndex;
  const col = t.rowColumnNumbers?.[rowIndex]?.[colIndex] ?? t.columnNumbers?.[colIndex] ?? t.firstColumn + colIndex;
  return cellAddress(t.sheet, row, col);
}

export function tableRange(t: TableSnapshot, rowCount = t.rows.length): string {
  if (t.range) return `${quoteSheet(t.sheet)}!${t.range}`;
  const lastCol = t.firstColumn + Math.max(t.headers.length, 1) - 1;
  const lastRow = t.headerRow + rowCount;
  return `${quoteSheet(t.sheet)}!${columnLetters(t.firstColumn)}${t.headerRow}:${columnLetters(lastCol)}${lastRow}`;
}

/** Whether A1 range `ref` overlaps the table's rectangle. */
export function overlapsTable(t: { headerRow: number; firstColumn: number; headers: unknown[]; rows: unknown[] }, ref: string): boolean {
  const [a, b = a] = ref.split(':');
  const p = parseA1(a);
  const q = parseA1(b);
  const lastRow = t.headerRow + t.rows.length;
  const lastCol = t.firstColumn + t.headers.length - 1;
  return !(q.row < t.headerRow || p.row > lastRow || q.col < t.firstColumn || p.col > lastCol);
}
