import { CellValue } from '../../core/records/snapshot';
import { ZipArchive } from './zip';
import { Element, isMain } from './xml';
import { ByteElement, ByteXmlHandler, parsePartBytes } from './tokenizer';
import { MAX_CELL_TEXT, intern, internText } from './styles';
import { GatheredText, latin1, plainDecimal } from './bytes';
import { LimitError } from './errors';

export interface SheetContext {
  strings: string[];
  dateStyles: boolean[];
  date1904: boolean;
  /** Record formula cells that carry a cached value (the workbook may hold stale results). */
  trackFormulas: boolean;
}

/** Where one table's data rows lie, and what the scan collects for it. */
export interface TableTarget {
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
  /** Filled by the scan: one array per row that has a cell in range, up to the last such row. */
  rows: CellValue[][];
  /** Filled by the scan when trackFormulas: [rowIndex, colIndex, formula] of formula cells with a value. */
  formulas: [number, number, string][];
}

/** Cells at most this wide get full rows of nulls for gaps; wider tables get [] (read as empty). */
export const FULL_ROW_MAX_WIDTH = 1024;

/**
 * Streams a worksheet once, keeping only the cells inside the targets, and returns the sheet's
 * merged ranges. Rows are allocated only when a cell lands in them.
 */
export function scanSheet(zip: ZipArchive, part: string, targets: TableTarget[], ctx: SheetContext): string[] {
  const tables = new TableCells(targets);
  scanCells(zip, part, ctx, tables);
  return tables.merges;
}

/**
 * The cells of the targets, as a visitor (a class, not closures: every scan calls the same
 * functions, so code optimised for one sheet stays valid for the next).
 */
class TableCells implements CellVisitor {
  readonly merges: string[] = [];
  private readonly minRow: number;
  private readonly maxRow: number;
  /** Each target's row of nulls, copied for each of its rows (made when a cell first lands in it). */
  private readonly blanks: (CellValue[] | null)[];

  constructor(private readonly targets: TableTarget[]) {
    this.minRow = Math.min(...targets.map((t) => t.firstRow));
    this.maxRow = Math.max(...targets.map((t) => t.lastRow));
    this.blanks = targets.map(() => null);
  }

  keep(row: number, col: number): boolean {
    if (row < this.minRow || row > this.maxRow) return false;
    for (const t of this.targets) if (inTarget(t, row, col)) return true;
    return false;
  }

  cell(row: number, col: number, value: CellValue, formula: string | null): void {
    for (let k = 0; k < this.targets.length; k++) {
      const t = this.targets[k];
      if (!inTarget(t, row, col)) continue;
      const ri = row - t.firstRow;
      const ci = col - t.firstCol;
      const blank = (this.blanks[k] ??= blankRow(t.lastCol - t.firstCol + 1));
      while (t.rows.length <= ri) t.rows.push(blank.length <= FULL_ROW_MAX_WIDTH ? blank.slice() : []);
      let r = t.rows[ri];
      if (r.length < blank.length && value !== null) r = t.rows[ri] = blank.slice();
      if (value !== null) r[ci] = value;
      if (formula !== null) t.formulas.push([ri, ci, formula]);
    }
  }

  merge(ref: string): void {
    this.merges.push(ref);
  }
}

/** How a table streamed row by row ended: its merges and formula cells, or that its rows came out of order. */
export interface StreamedTable {
  /** False when a cell came after a later row's: what was visited must be dropped and the table read whole. */
  inOrder: boolean;
  /** 1 + the index of the last row with a cell in range (0 for none). */
  rowsSeen: number;
  merges: string[];
  formulas: [number, number, string][];
  /** The rows that hold a formula cell, kept for the stale-formula warnings. */
  formulaRows: Map<number, CellValue[]>;
}

/**
 * Streams one table's rows to `visit` in order as the worksheet inflates, so a table is never held
 * whole (issue 21): each row is given once its last cell has been read. A worksheet whose rows come
 * out of order (allowed by no writer we know, but not refused) ends the stream with `inOrder`
 * false. Tables wider than FULL_ROW_MAX_WIDTH are not streamed (their blank rows are kept short).
 */
export function streamTableRows(zip: ZipArchive, part: string, target: Omit<TableTarget, 'rows' | 'formulas'>, ctx: SheetContext, visit: (row: CellValue[], index: number) => void): StreamedTable {
  const rows = new RowStream(target, visit);
  scanCells(zip, part, ctx, rows);
  rows.flush();
  return { inOrder: rows.inOrder, rowsSeen: rows.rowsSeen, merges: rows.merges, formulas: rows.formulas, formulaRows: rows.formulaRows };
}

class RowStream implements CellVisitor {
  readonly merges: string[] = [];
  readonly formulas: [number, number, string][] = [];
  readonly formulaRows = new Map<number, CellValue[]>();
  inOrder = true;
  rowsSeen = 0;
  private current: CellValue[] | null = null;
  private currentIndex = -1;
  private currentHasFormula = false;
  private readonly blank: CellValue[];

  constructor(
    private readonly t: Omit<TableTarget, 'rows' | 'formulas'>,
    private readonly visit: (row: CellValue[], index: number) => void,
  ) {
    this.blank = blankRow(t.lastCol - t.firstCol + 1);
  }

  keep(row: number, col: number): boolean {
    return this.inOrder && inTarget(this.t, row, col);
  }

  cell(row: number, col: number, value: CellValue, formula: string | null): void {
    const ri = row - this.t.firstRow;
    if (ri !== this.currentIndex) {
      if (ri < this.currentIndex) {
        this.inOrder = false;
        this.current = null;
        return;
      }
      this.flush();
      this.currentIndex = ri;
      this.current = this.blank.slice();
      this.rowsSeen = ri + 1;
    }
    if (value !== null) this.current![ci(this.t, col)] = value;
    if (formula !== null) {
      this.formulas.push([ri, ci(this.t, col), formula]);
      this.currentHasFormula = true;
    }
  }

  merge(ref: string): void {
    this.merges.push(ref);
  }

  flush(): void {
    if (!this.current || !this.inOrder) return;
    const row = this.current;
    this.current = null;
    if (this.currentHasFormula) this.formulaRows.set(this.currentIndex, row);
    this.currentHasFormula = false;
    this.visit(row, this.currentIndex);
  }
}

const ci = (t: Omit<TableTarget, 'rows' | 'formulas'>, col: number) => col - t.firstCol;

const inTarget = (t: Omit<TableTarget, 'rows' | 'formulas'>, row: number, col: number) => row >= t.firstRow && row <= t.lastRow && col >= t.firstCol && col <= t.lastCol;

/** A row of `width` nulls, to be copied (a negative width, a reversed table range, is a RangeError as ever). */
export function blankRow(width: number): CellValue[] {
  return new Array<CellValue>(width).fill(null);
}

/** What a scan of a worksheet's cells does with what it meets. */
export interface CellVisitor {
  /** Whether to read the cell at (row, col); the others are skipped unread. */
  keep(row: number, col: number): boolean;
  /** A kept cell: its value, and its formula when ctx.trackFormulas and it has a stored result. */
  cell(row: number, col: number, value: CellValue, formula: string | null): void;
  /** A <row> element (r is its 1-based number). */
  row?(r: number, el: Element): void;
  /** A <col> element of <cols>. */
  col?(el: Element): void;
  merge?(ref: string): void;
}

/** Elements a scan of a worksheet acts on (SpreadsheetML main namespace), and their numbers. */
const TAGS = ['row', 'c', 'v', 'f', 'is', 'rPh', 't', 'col', 'mergeCell'];
const ROW = 0;
const C = 1;
const V = 2;
const F = 3;
const IS = 4;
const RPH = 5;
const T = 6;
const COL = 7;
const MERGE_CELL = 8;
const tagCode = (local: string, uri: string) => (isMain(uri) ? TAGS.indexOf(local) : -1);

/** Attributes read by number: r (of a row or cell), t and s (of a cell). */
const ATTRS = ['r', 't', 's'];
const R = 0;
const TYPE = 1;
const STYLE = 2;
const attrCode = (qname: string) => ATTRS.indexOf(qname);

/** Cell types (t="…") read otherwise than as a number (a missing or other type reads as one, -1). */
const TYPES = ['s', 'inlineStr', 'str', 'b', 'e', 'd'];
const SHARED = 0;
const INLINE = 1;
const STR = 2;
const BOOL = 3;
const ERROR = 4;
const DATE = 5;

/** What a cell's text is gathered into while it is read (0: nothing). */
const INTO_V = 1;
const INTO_F = 2;
const INTO_T = 3;

/** Streams a worksheet's cells once, in order, giving the kept ones to the visitor. */
export function scanCells(zip: ZipArchive, part: string, ctx: SheetContext, visitor: CellVisitor): void {
  parsePartBytes(zip, part, new CellScan(part, ctx, visitor));
}

/** The state of one scan of a worksheet: where it is, and the cell being read. */
class CellScan implements ByteXmlHandler {
  private readonly sharedFormulas = new Map<string, string>();
  private row = 0;
  private col = 0;
  private inCell = false;
  private keep = false;
  private type = -1;
  private style = 0;
  private hasF = false;
  private fShared: string | undefined = undefined;
  private hasV = false;
  private readonly v = new GatheredText();
  private readonly f = new GatheredText();
  private readonly inline = new GatheredText();
  private into = 0;
  /** At least the UTF-16 length of the cell's text gathered so far (its bytes while they stay bytes). */
  private textBound = 0;
  private inIs = false;
  private rPh = 0;
  readonly elementCode = tagCode;
  readonly attributeCode = attrCode;

  constructor(
    private readonly part: string,
    private readonly ctx: SheetContext,
    private readonly visitor: CellVisitor,
  ) {}

  wantText(): boolean {
    return this.into !== 0;
  }

  open(el: ByteElement): void {
    switch (el.code) {
      case ROW: {
        const r = el.attrIndex(R);
        this.row = r >= 0 && !el.attrEmpty(r) ? el.attrNumber(r) : this.row + 1;
        this.col = 0;
        this.visitor.row?.(this.row, el);
        return;
      }
      case C:
        this.openCell(el);
        return;
      case V:
        if (this.keep) {
          this.hasV = true;
          this.into = INTO_V;
        }
        return;
      case F:
        if (this.keep) {
          this.hasF = true;
          this.into = INTO_F;
          if (el.attr('t') === 'shared') this.fShared = el.attr('si');
        }
        return;
      case IS:
        this.inIs = true;
        return;
      case RPH:
        this.rPh++;
        return;
      case T:
        if (this.keep && this.inIs && !this.rPh) this.into = INTO_T;
        return;
      case COL:
        this.visitor.col?.(el);
        return;
      case MERGE_CELL: {
        const ref = el.attr('ref');
        if (ref) this.visitor.merge?.(ref);
        return;
      }
    }
  }

  private openCell(el: ByteElement): void {
    const r = el.attrIndex(R);
    if (r >= 0 && !el.attrEmpty(r)) this.readRef(el, r);
    else this.col++;
    this.inCell = true;
    this.keep = this.visitor.keep(this.row, this.col);
    if (!this.keep) return;
    const t = el.attrIndex(TYPE);
    this.type = t < 0 ? -1 : el.attrChoice(t, TYPES);
    const s = el.attrIndex(STYLE);
    this.style = s < 0 || el.attrEmpty(s) ? 0 : el.attrNumber(s);
    this.hasF = this.hasV = false;
    this.v.reset();
    this.f.reset();
    this.inline.reset();
    this.textBound = 0;
    this.fShared = undefined;
  }

  /** The column and row of a cell's reference (r="B12"); a reference without a row number keeps the row. */
  private readRef(el: ByteElement, i: number): void {
    if (!el.attrAscii(i)) return this.readRefText(el.attrText(i));
    const b = el.bytes;
    const end = el.valueEnd(i);
    let p = el.valueStart(i);
    let c = 0;
    for (; p < end; p++) {
      const ch = b[p] | 32;
      if (ch < 97 || ch > 122) break;
      c = c * 26 + (ch - 96);
    }
    this.col = c;
    let r = plainDecimal(b, p, end);
    if (r !== r) r = Number(latin1(b, p, end));
    if (r > 0) this.row = r;
  }

  private readRefText(ref: string): void {
    let c = 0;
    let i = 0;
    for (; i < ref.length; i++) {
      const ch = ref.charCodeAt(i) | 32;
      if (ch < 97 || ch > 122) break;
      c = c * 26 + (ch - 96);
    }
    this.col = c;
    const r = Number(ref.slice(i));
    if (r > 0) this.row = r;
  }

  close(_local: string, _uri: string, code?: number): void {
    switch (code) {
      case V:
      case F:
      case T:
        this.into = 0;
        return;
      case IS:
        this.inIs = false;
        return;
      case RPH:
        this.rPh--;
        return;
      case C:
        if (this.inCell && this.keep) this.finishCell();
        this.inCell = this.keep = false;
        return;
    }
  }

  textBytes(b: Uint8Array, start: number, end: number): void {
    if (!this.into) return;
    this.gathering().addBytes(b, start, end);
    this.counted(end - start);
  }

  text(s: string): void {
    if (!this.into) return;
    this.gathering().addString(s);
    this.counted(s.length);
  }

  private gathering(): GatheredText {
    return this.into === INTO_V ? this.v : this.into === INTO_F ? this.f : this.inline;
  }

  /** A cell holds at most 32,767 characters in Excel; a longer text is refused before it is kept. */
  private counted(n: number): void {
    if ((this.textBound += n) <= MAX_CELL_TEXT * 2) return;
    const length = (this.textBound = this.v.toString().length + this.f.toString().length + this.inline.toString().length);
    if (length > MAX_CELL_TEXT * 2) throw new LimitError('text', this.part, length, MAX_CELL_TEXT, cellRef(this.row, this.col));
  }

  private finishCell(): void {
    let formula: string | null = null;
    if (this.hasF) {
      let fText = this.f.toString();
      if (this.fShared !== undefined) {
        if (fText) this.sharedFormulas.set(this.fShared, fText);
        else fText = this.sharedFormulas.get(this.fShared) ?? '';
      }
      // A formula without a stored result is a fact the report cannot use. An empty <v/> is
      // no result either, except for a text formula (t="str"), whose result may be "".
      if (!this.hasV || (this.v.isEmpty() && this.type !== STR)) {
        this.visitor.cell(this.row, this.col, { formula: fText }, null);
        return;
      }
      if (this.ctx.trackFormulas) formula = fText;
    }
    this.visitor.cell(this.row, this.col, this.value(), formula);
  }

  private value(): CellValue {
    const v = this.v;
    switch (this.type) {
      case SHARED: {
        const index = v.bytes ? plainDecimal(v.bytes, v.start, v.end) : NaN;
        if (index === index) return this.ctx.strings[index] ?? '';
        // no index (<c t="s"/>, <v/>) is an empty cell, not the first shared string
        const text = v.toString();
        if (text.trim() === '') return null;
        const s = this.ctx.strings[Number(text)];
        return s ?? (this.hasV ? '' : null);
      }
      case INLINE:
        return internText(this.inline);
      case STR:
        return this.hasV ? internText(v) : null;
      case BOOL:
        return this.hasV ? v.toString().trim() === '1' || v.toString().trim() === 'true' : null;
      case ERROR:
        return this.hasV ? { error: v.toString().trim() } : null;
      case DATE:
        return this.hasV ? isoDate(v.toString()) : null;
      default:
        return this.hasV ? this.number() : null;
    }
  }

  /** A number cell's value (or its text, when that is no number). */
  private number(): CellValue {
    const v = this.v;
    let n = v.bytes ? plainDecimal(v.bytes, v.start, v.end) : NaN;
    if (n !== n) {
      const text = v.toString();
      if (text.trim() === '') return null;
      n = Number(text);
      if (!Number.isFinite(n)) return intern(text);
    }
    return this.ctx.dateStyles[this.style] ? serialToDate(n, this.ctx.date1904) : n;
  }
}

/** An ISO 8601 date or date-time (t="d") as the calendar day it names, at UTC midnight. */
export function isoDate(s: string): CellValue {
  const m = /^\s*(-?\d{4,})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return /^\s*\d{2}:\d{2}/.test(s) ? new Date(Date.UTC(1899, 11, 30)) : intern(s);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;

export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((date1904 ? EPOCH_1904 : EPOCH_1900) + serial * DAY_MS));
}

function cellRef(row: number, col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
}
