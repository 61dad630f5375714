import type { TableSnapshot, CellValue } from './snapshot';
import type { Problem } from '../problems';

/**
 * What parsing a table's rows left for the next parse of the same table: each row's cells as
 * read, and what the row gave (its record, or null when left out, and the problems it added).
 */
export interface RowMemo {
  rows: readonly CellValue[][];
  /** Per row index: the record, null for a row left out, undefined for a blank row. */
  records: unknown[];
  /** Per row index: the problems the row added (absent when none). */
  problems: (Problem[] | undefined)[];
  /** The table's records (those of `records` that are records, in row order) and its rows left out. */
  out: unknown[];
  skipped: number;
}

/** What reading one table gave: its records, the problems it added, and its line in the tables read. */
interface Entry<Read> {
  /** Everything else the reading depends on (the rows array is the key). */
  signature: string;
  snapshot: TableSnapshot;
  records: unknown;
  problems: Problem[];
  reads: Read[];
  rowMemo?: RowMemo;
}

/** How a table's records came from those of its last parse: the records taken out and those put in, in no order. */
export interface RecordDelta {
  from: readonly unknown[];
  removed: unknown[];
  added: unknown[];
}

const deltas = new WeakMap<readonly unknown[], RecordDelta>();

/** The change from the last parse that gave `records` (a table re-read with a few rows changed), if known. */
export function recordDelta(records: readonly unknown[]): RecordDelta | undefined {
  return deltas.get(records);
}

export function noteRecordDelta(records: readonly unknown[], delta: RecordDelta): void {
  // one step back only: a chain of deltas would keep every earlier list of records alive
  deltas.delete(delta.from);
  deltas.set(records, delta);
}

const sameList = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined) => a === b || (!!a && !!b && a.length === b.length && a.every((v, i) => v === b[i]));

/** Two cells read alike: the same value, or equal dates, errors or uncomputed formulas. */
function sameCell(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether a row holds the same cells as one read before (a re-read gives new arrays of the same values). */
export function sameRow(a: readonly CellValue[] | undefined, b: readonly CellValue[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameCell(a[i], b[i])) return false;
  return true;
}

/**
 * Tables parsed once and kept until they change (issue 21): between two live checks only the
 * table whose values were read again is parsed again, and of it only the rows whose cells
 * changed. A table is known by its rows array — the add-in keeps the snapshot of a table it did
 * not read again, so the same array comes back — and by everything else its records and problems
 * depend on (name, sheet, position, headers, merges, the language of the messages). A table read
 * again comes with a new rows array: its rows are compared with the last parse of the same table
 * (same signature), and a row equal to the one at the same place reuses what that row gave.
 */
export class TableReadCache<Read = unknown> {
  private readonly entries = new WeakMap<readonly unknown[], Entry<Read>>();
  /** The last parse of each table (by kind, name and sheet): what a re-read table's unchanged rows reuse. */
  private readonly latest = new Map<string, Entry<Read>>();
  hits = 0;
  misses = 0;
  /** Rows parsed anew (not taken from the table's last parse), over all misses. */
  rowsParsed = 0;

  /**
   * The records of `snap` as `parse` gives them, replaying the problems and table lines it added
   * when the same table was parsed before (parse adds to `problems` and `reads`). `parse` gets
   * the row memo of the table's last parse, when there is one, and returns its records with the
   * memo of this parse.
   */
  read<R>(snap: TableSnapshot, kind: string, lang: string, problems: Problem[], reads: Read[], parse: (earlier: RowMemo | undefined) => { records: R; memo?: RowMemo; rowsParsed: number }): R {
    const rows = snap.rows;
    const signature = JSON.stringify([kind, lang, snap.name, snap.sheet, snap.headerRow, snap.firstColumn, snap.headers, snap.merged ?? null, !!snap.headerless, snap.kind ?? null]);
    const kept = this.entries.get(rows);
    if (kept && kept.signature === signature && this.sameContext(kept.snapshot, snap)) {
      this.hits++;
      problems.push(...kept.problems);
      reads.push(...kept.reads);
      return kept.records as R;
    }
    this.misses++;
    const p0 = problems.length;
    const r0 = reads.length;
    const which = JSON.stringify([kind, snap.name, snap.sheet]);
    const last = this.latest.get(which);
    const earlier = last && last.signature === signature && this.sameLayout(last.snapshot, snap) ? last.rowMemo : undefined;
    const { records, memo, rowsParsed } = parse(earlier);
    this.rowsParsed += rowsParsed;
    const entry: Entry<Read> = { signature, snapshot: snap, records, problems: problems.slice(p0), reads: reads.slice(r0), rowMemo: memo };
    this.entries.set(rows, entry);
    this.latest.set(which, entry);
    return records;
  }

  private sameContext(a: TableSnapshot, b: TableSnapshot): boolean {
    return a.staleFormulas === b.staleFormulas && this.sameLayout(a, b);
  }

  /** The same cells at the same addresses (a stale-formula warning is per table, made again each parse). */
  private sameLayout(a: TableSnapshot, b: TableSnapshot): boolean {
    return sameList(a.rowNumbers, b.rowNumbers) && sameList(a.columnNumbers, b.columnNumbers) && sameList(a.rowColumnNumbers, b.rowColumnNumbers);
  }
}
