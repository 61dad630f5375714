import { CellValue, ParsedTable, TableSnapshot, StaleFormulas, StreamedRows, parseA1, overlapsTable } from '../../core/records/snapshot';
import { TABLES } from '../../core/records/schema';
import { Candidate, PARALLEL_MIN_BYTES, TableWorker, chooseWorkerTables, defaultThreads, workerThreadsAvailable } from './parallel';
import { PackedRecords, unpackRecords } from './records-transfer';
import { matchTableKind } from '../../core/records/mapping';
import { isAnhXaName } from '../../core/recognize/anhxa-read';
import { ZipArchive } from './zip';
import { openWorkbook, readTables, WorkbookInfo } from './package';
import { readDateStyles, readSharedStrings } from './styles';
import { FULL_ROW_MAX_WIDTH, SheetContext, StreamedTable, TableTarget, blankRow, scanSheet, streamTableRows } from './sheet';
import { WorkbookReadError } from './errors';
import { GridReadOptions, readGrids } from './grid';
import type { SheetGrid } from '../../core/recognize/grid';

export { WorkbookReadError, LimitError } from './errors';
export type { ReadErrorCode, LimitKind } from './errors';
export { ZipArchive } from './zip';
export { GRID_LIMITS } from './grid';
export type { GridReadOptions } from './grid';

export interface ReadOptions {
  /** Which tables to read (default: the contract's tables and the AnhXa / Mapping table). */
  wanted?: (tableName: string) => boolean;
  /** Throw WorkbookReadError('noTables') when the workbook has no Excel table at all (default true). */
  requireTables?: boolean;
  /**
   * Parse part of the data tables in a worker thread while the engine parses the rest, when the
   * tables' sheets hold at least `minBytes` of XML; true: when defaultThreads() is 2, from
   * PARALLEL_MIN_BYTES. The command line's reading; default off.
   */
  parallel?: boolean | { minBytes: number };
}

/** Whether the stored results of formulas can be trusted: Excel and LibreOffice calculate before saving. */
export function calculatingWriter(application: string | null): boolean {
  if (!application) return false;
  return /^Microsoft Excel/i.test(application) || /^LibreOffice/i.test(application) || /Calc$/i.test(application);
}

/**
 * Reads the contract's tables from an .xlsx package (ECMA-376 / OPC), whoever wrote it. Only
 * the sheets that hold such a table are parsed, each as a stream while it inflates, and only
 * the cells inside the tables are kept. A table's rows are read from the package each time they
 * are asked for and not kept, so a 100k-row workbook is never held as rows and records at once.
 */
export function readWorkbookTables(buf: Buffer, options: ReadOptions = {}): TableSnapshot[] {
  const wanted = options.wanted ?? ((n: string) => !!matchTableKind(n) || isAnhXaName(n));
  const zip = new ZipArchive(buf);
  const info: WorkbookInfo = openWorkbook(zip);
  const stale: Pick<StaleFormulas, 'reason' | 'application'> | null = info.fullCalcOnLoad
    ? { reason: 'recalcOnLoad', application: info.application }
    : !calculatingWriter(info.application)
      ? { reason: 'writer', application: info.application }
      : null;
  let ctx: SheetContext | null = null;
  const context = () =>
    (ctx ??= {
      strings: readSharedStrings(zip, info.sharedStrings),
      dateStyles: readDateStyles(zip, info.styles),
      date1904: info.date1904,
      trackFormulas: !!stale,
    });
  const out: TableSnapshot[] = [];
  const candidates: Candidate[] = [];
  let worker: TableWorker | null = null;
  let anyTable = false;
  for (const sheet of info.sheets) {
    if (!zip.get(sheet.part)) continue;
    const tables = readTables(zip, sheet.part);
    if (tables.length) anyTable = true;
    for (const t of tables) {
      if (!wanted(t.name)) continue;
      const [a, b = a] = t.ref.split(':');
      let start: { row: number; col: number };
      let end: { row: number; col: number };
      try {
        const p = parseA1(a);
        const q = parseA1(b);
        // a range written corner to corner the other way ("F3:A1") is the same rectangle
        start = { row: Math.min(p.row, q.row), col: Math.min(p.col, q.col) };
        end = { row: Math.max(p.row, q.row), col: Math.max(p.col, q.col) };
      } catch {
        continue;
      }
      const headerless = t.headerRowCount === 0;
      const width = end.col - start.col + 1;
      const first = start.row + (headerless ? 0 : 1);
      const last = end.row - t.totalsRowCount;
      const declaredRows = Math.max(0, last - first + 1);
      const headers = Array.from({ length: width }, (_, i) => (headerless ? '' : t.columns[i] ?? ''));
      const snap = { name: t.name, sheet: sheet.name, headerRow: first - 1, firstColumn: start.col, headers } as TableSnapshot;
      if (headerless) snap.headerless = true;
      let merged: string[] | null = null;
      let formulas: StaleFormulas | undefined;
      const extent = { headerRow: snap.headerRow, firstColumn: start.col, headers, rows: { length: declaredRows } as unknown[] };
      const inTable = (merges: string[]) =>
        merges.filter((m) => {
          try {
            return overlapsTable(extent, m);
          } catch {
            return false;
          }
        });
      // A normal table keeps its full height (its range is cited in problems); a huge declared
      // range (A1:XFD1048576) costs only the rows that exist.
      const heightOf = (seen: number) => (declaredRows * width <= 2_000_000 ? Math.max(seen, declaredRows) : seen);
      const readRows = (): CellValue[][] => {
        const target: TableTarget = { firstRow: first, lastRow: last, firstCol: start.col, lastCol: end.col, rows: [], formulas: [] };
        const merges = declaredRows > 0 ? scanSheet(zip, sheet.part, [target], context()) : [];
        merged = inTable(merges);
        const rows = target.rows;
        const height = heightOf(rows.length);
        if (rows.length < height) {
          const blank = blankRow(width);
          while (rows.length < height) rows.push(blank.slice());
        }
        formulas = stale && target.formulas.length ? { ...stale, cells: target.formulas } : undefined;
        return rows;
      };
      const streamRows = (visit: (row: CellValue[], index: number) => void): StreamedRows | null => {
        if (width > FULL_ROW_MAX_WIDTH) return null;
        const bounds = { firstRow: first, lastRow: last, firstCol: start.col, lastCol: end.col };
        const streamed: StreamedTable = declaredRows > 0 ? streamTableRows(zip, sheet.part, bounds, context(), visit) : { inOrder: true, rowsSeen: 0, merges: [], formulas: [], formulaRows: new Map() };
        if (!streamed.inOrder) return null;
        merged = inTable(streamed.merges);
        formulas = stale && streamed.formulas.length ? { ...stale, cells: streamed.formulas } : undefined;
        return { length: heightOf(streamed.rowsSeen), formulaRow: (i) => streamed.formulaRows.get(i) };
      };
      Object.defineProperty(snap, 'rows', { enumerable: true, configurable: true, get: readRows });
      Object.defineProperty(snap, 'streamRows', { enumerable: false, configurable: true, value: streamRows });
      const index = out.length;
      const kind = TABLES.findIndex((d) => d.kind === matchTableKind(t.name)?.kind);
      if (kind > 0 && declaredRows > 0) candidates.push({ index, order: kind, bytes: zip.get(sheet.part)!.size / tables.length });
      Object.defineProperty(snap, 'prepare', { enumerable: false, configurable: true, value: (lang: string) => worker?.start(lang) });
      Object.defineProperty(snap, 'parsed', {
        enumerable: false,
        configurable: true,
        value: (): ParsedTable | null => {
          const r = worker?.take(index);
          if (!r?.ok) return null;
          merged = r.merged;
          formulas = r.staleFormulas;
          return { records: r.packed ? unpackRecords(r.records as PackedRecords) : (r.records as unknown[] | null), problems: r.problems, reads: r.reads };
        },
      });
      Object.defineProperty(snap, 'merged', {
        enumerable: true,
        configurable: true,
        get: () => {
          if (merged === null) readRows();
          return merged!.length ? merged! : undefined;
        },
      });
      Object.defineProperty(snap, 'staleFormulas', {
        enumerable: false,
        configurable: true,
        get: () => {
          if (merged === null) readRows();
          return formulas;
        },
      });
      out.push(snap);
    }
  }
  if (!anyTable && (options.requireTables ?? true)) throw new WorkbookReadError('noTables', info.part);
  const minBytes = options.parallel === true ? (defaultThreads() > 1 ? PARALLEL_MIN_BYTES : Infinity) : options.parallel ? options.parallel.minBytes : Infinity;
  if (candidates.length > 1 && candidates.reduce((n, c) => n + c.bytes, 0) >= minBytes && workerThreadsAvailable()) {
    worker = new TableWorker(buf, out.map((s) => s.name), chooseWorkerTables(candidates));
  }
  return out;
}

/**
 * Every worksheet (or those `options.sheets` names) as a plain grid for recognising staff's
 * sheets: the same package, zip and XML checks as the tables, and the limits of GRID_LIMITS.
 */
export function readWorkbookGrids(buf: Buffer, options: GridReadOptions = {}): SheetGrid[] {
  const zip = new ZipArchive(buf);
  const info = openWorkbook(zip);
  let ctx: SheetContext | null = null;
  const context = () =>
    (ctx ??= {
      strings: readSharedStrings(zip, info.sharedStrings),
      dateStyles: readDateStyles(zip, info.styles),
      date1904: info.date1904,
      trackFormulas: false,
    });
  const grids = readGrids(zip, info, context, options);
  for (const name of zip.parsed) options.parsed?.add(name);
  return grids;
}
