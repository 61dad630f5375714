import { CellValue } from '../../core/records/snapshot';
import { ZipArchive } from './zip';
import { Element, isMain, unescapeOoxml } from './xml';
import { parsePartBytes } from './tokenizer';
import { MAX_CELL_TEXT, intern } from './styles';
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
const FULL_ROW_MAX_WIDTH = 1024;

/**
 * Streams a worksheet once, keeping only the cells inside the targets, and returns the sheet's
 * merged ranges. Rows are allocated only when a cell lands in them.
 */
export function scanSheet(zip: ZipArchive, part: string, targets: TableTarget[], ctx: SheetContext): string[] {
  const merges: string[] = [];
  const minRow = Math.min(...targets.map((t) => t.firstRow));
  const maxRow = Math.max(...targets.map((t) => t.lastRow));
  scanCells(zip, part, ctx, {
    keep: (row, col) => row >= minRow && row <= maxRow && targets.some((t) => row >= t.firstRow && row <= t.lastRow && col >= t.firstCol && col <= t.lastCol),
    cell(row, col, value, formula) {
      for (const t of targets) {
        if (row < t.firstRow || row > t.lastRow || col < t.firstCol || col > t.lastCol) continue;
        const ri = row - t.firstRow;
        const ci = col - t.firstCol;
        const width = t.lastCol - t.firstCol + 1;
        while (t.rows.length <= ri) t.rows.push(width <= FULL_ROW_MAX_WIDTH ? new Array<CellValue>(width).fill(null) : []);
        let r = t.rows[ri];
        if (r.length < width && value !== null) {
          r = t.rows[ri] = new Array<CellValue>(width).fill(null);
        }
        if (value !== null) r[ci] = value;
        if (formula !== null) t.formulas.push([ri, ci, formula]);
      }
    },
    merge: (ref) => merges.push(ref),
  });
  return merges;
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

/** Streams a worksheet's cells once, in order, giving the kept ones to the visitor. */
export function scanCells(zip: ZipArchive, part: string, ctx: SheetContext, visitor: CellVisitor): void {
  const sharedFormulas = new Map<string, string>();
  let row = 0;
  let col = 0;
  // the cell being read
  let inCell = false;
  let keep = false;
  let cType = 'n';
  let cStyle = 0;
  let hasF = false;
  let fText = '';
  let fShared: string | undefined;
  let hasV = false;
  let vText = '';
  let inlineText = '';
  /** 0 none, 1 <v>, 2 <f>, 3 <t> of an inline string */
  let capture = 0;
  let inIs = false;
  let rPh = 0;
  let textLength = 0;

  const put = (value: CellValue, formula: string | null) => visitor.cell(row, col, value, formula);

  parsePartBytes(zip, part, {
    wantText: () => capture !== 0,
    open(el) {
      if (!isMain(el.uri)) return;
      switch (el.local) {
        case 'row': {
          const r = el.attr('r');
          row = r ? Number(r) : row + 1;
          col = 0;
          visitor.row?.(row, el);
          return;
        }
        case 'c': {
          const ref = el.attr('r');
          if (ref) {
            let c = 0;
            let i = 0;
            for (; i < ref.length; i++) {
              const ch = ref.charCodeAt(i) | 32;
              if (ch < 97 || ch > 122) break;
              c = c * 26 + (ch - 96);
            }
            col = c;
            const rr = Number(ref.slice(i));
            if (rr > 0) row = rr;
          } else col++;
          inCell = true;
          keep = visitor.keep(row, col);
          if (!keep) return;
          cType = el.attr('t') ?? 'n';
          cStyle = el.attr('s') ? Number(el.attr('s')) : 0;
          hasF = hasV = false;
          fText = vText = inlineText = '';
          textLength = 0;
          fShared = undefined;
          return;
        }
        case 'v':
          if (keep) {
            hasV = true;
            capture = 1;
          }
          return;
        case 'f':
          if (keep) {
            hasF = true;
            capture = 2;
            if (el.attr('t') === 'shared') fShared = el.attr('si');
          }
          return;
        case 'is':
          inIs = true;
          return;
        case 'rPh':
          rPh++;
          return;
        case 't':
          if (keep && inIs && !rPh) capture = 3;
          return;
        case 'col':
          visitor.col?.(el);
          return;
        case 'mergeCell': {
          const ref = el.attr('ref');
          if (ref) visitor.merge?.(ref);
          return;
        }
      }
    },
    close(local, uri) {
      if (!isMain(uri)) return;
      switch (local) {
        case 'v':
        case 'f':
        case 't':
          capture = 0;
          return;
        case 'is':
          inIs = false;
          return;
        case 'rPh':
          rPh--;
          return;
        case 'c':
          if (inCell && keep) finishCell();
          inCell = keep = false;
          return;
      }
    },
    text(s) {
      if (!capture) return;
      // a cell holds at most 32,767 characters in Excel; a longer text is refused before it is kept
      if ((textLength += s.length) > MAX_CELL_TEXT * 2) throw new LimitError('text', part, textLength, MAX_CELL_TEXT, cellRef(row, col));
      if (capture === 1) vText += s;
      else if (capture === 2) fText += s;
      else inlineText += s;
    },
  });

  function finishCell() {
    let formula: string | null = null;
    if (hasF) {
      if (fShared !== undefined) {
        if (fText) sharedFormulas.set(fShared, fText);
        else fText = sharedFormulas.get(fShared) ?? '';
      }
      // A formula without a stored result is a fact the report cannot use. An empty <v/> is
      // no result either, except for a text formula (t="str"), whose result may be "".
      if (!hasV || (vText === '' && cType !== 'str')) {
        put({ formula: fText }, null);
        return;
      }
      if (ctx.trackFormulas) formula = fText;
    }
    put(cellValue(), formula);
  }

  function cellValue(): CellValue {
    switch (cType) {
      case 's': {
        // no index (<c t="s"/>, <v/>) is an empty cell, not the first shared string
        if (vText.trim() === '') return null;
        const s = ctx.strings[Number(vText)];
        return s ?? (hasV ? '' : null);
      }
      case 'inlineStr':
        return intern(unescapeOoxml(inlineText));
      case 'str':
        return hasV ? intern(unescapeOoxml(vText)) : null;
      case 'b':
        return hasV ? vText.trim() === '1' || vText.trim() === 'true' : null;
      case 'e':
        return hasV ? { error: vText.trim() } : null;
      case 'd':
        return hasV ? isoDate(vText) : null;
      default: {
        if (!hasV || vText.trim() === '') return null;
        const n = Number(vText);
        if (!Number.isFinite(n)) return intern(vText);
        return ctx.dateStyles[cStyle] ? serialToDate(n, ctx.date1904) : n;
      }
    }
  }
}

/** An ISO 8601 date or date-time (t="d") as the calendar day it names, at UTC midnight. */
export function isoDate(s: string): CellValue {
  const m = /^\s*(-?\d{4,})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return /^\s*\d{2}:\d{2}/.test(s) ? new Date(Date.UTC(1899, 11, 30)) : intern(s);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

export function serialToDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(Math.round(epoch + serial * 86400000));
}

function cellRef(row: number, col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
}
