// One worksheet part, written straight from its sheet plan into chunks of bytes: the plan's cells
// sorted into rows once, each row's cells set down in column order, no object or string made for a
// cell. What exceljs wrote for the same plan is what this writes.
import { Merge, PAGE_NUMBER_HEADER, PlannedCell, SheetPlan } from '../core/report/sheet-plan';
import { columnLetters } from '../core/records/snapshot';
import { ByteChunks, asciiBytes } from './byte-chunks';
import { NS_MAIN, SharedStrings, Styles, XML_HEAD, xmlText } from './xlsx-styles';

const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** Column index limit of a page break (XFD, 0-based). */
const MAX_COL_INDEX = 16383;

const whole = (n: number) => Number.isInteger(n) && n >= 1;
/** A row that only a merge of one cell starts: nothing is written there. */
const VISIT = 2;

/**
 * The merges of a sheet, each covering cells no other merge covers. exceljs refused an overlap too
 * ("Cannot merge already merged cells"), but found it by comparing each merge with every earlier
 * one. The cell named is the first that a merge, in the plan's order, finds taken. (The writer
 * finds an overlap as it lays the rows out, and calls this to name it.)
 */
export function checkMerges(merges: readonly Merge[], sheet: string): void {
  const taken = new Set<number>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        const key = r * 16384 + c;
        if (taken.has(key)) throw new Error(`Cannot merge already merged cells: ${sheet}!${columnLetters(c)}${r}`);
        taken.add(key);
      }
    }
  }
}

/**
 * What a written cell holds, and what its `value` is then: nothing; the shared string's number; 1
 * or 0; the plan cell that holds the number.
 */
const Kind = { Empty: 0, Text: 1, Boolean: 2, Number: 3 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

/**
 * The cells of a sheet as written, row by row in row order and each row's in column order: the
 * plan's cells, a later setting of a cell replacing an earlier one, and the cells each merge covers
 * beyond its first cell empty in the first cell's format (none when the first cell is not planned).
 * Kept in typed arrays, a few bytes a cell; text is numbered as a shared string in this order.
 */
interface WrittenCells {
  /** The rows written (a cell or a height), and where each one's cells end in `col`, `xf`, `kind`, `value`. */
  rows: number[];
  ends: number[];
  col: Int32Array;
  xf: Int32Array;
  kind: Uint8Array;
  value: Int32Array;
  /** The dimension: the rows that hold a cell, a covered cell or a height, the columns written. */
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
}

/**
 * Items in the order of their key (a row, from 1 to `maxKey`), in their own order within one key: a
 * counting sort. `start[k]` to `start[k + 1]` are the places of key k in `order`.
 */
function byKey(keys: Int32Array, maxKey: number): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(maxKey + 2);
  for (let i = 0; i < keys.length; i++) start[keys[i] + 1]++;
  for (let k = 1; k <= maxKey + 1; k++) start[k] += start[k - 1];
  const order = new Int32Array(keys.length);
  const next = start.slice();
  for (let i = 0; i < keys.length; i++) order[next[keys[i]]++] = i;
  return { start, order };
}

/**
 * The plan's cells and merges in typed arrays, read once: each cell's format (numbered in plan
 * order), row, column and value; each merge's corners. `slots`: at most as many cells are written.
 */
function readPlan(plan: SheetPlan, styles: Styles) {
  const { cells, merges } = plan;
  const xfOf = new Int32Array(cells.length);
  const rowOf = new Int32Array(cells.length);
  const colOf = new Int32Array(cells.length);
  const valueOf: PlannedCell['value'][] = new Array(cells.length);
  let maxRow = 0;
  let maxCol = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (!whole(c.row) || !whole(c.col)) throw new Error(`${plan.name}: a cell outside the sheet (row ${c.row}, column ${c.col})`);
    xfOf[i] = styles.xf(c.style, typeof c.value === 'string');
    rowOf[i] = c.row;
    colOf[i] = c.col;
    valueOf[i] = c.value;
    if (c.row > maxRow) maxRow = c.row;
    if (c.col > maxCol) maxCol = c.col;
  }
  const topOf = new Int32Array(merges.length);
  const leftOf = new Int32Array(merges.length);
  const bottomOf = new Int32Array(merges.length);
  const rightOf = new Int32Array(merges.length);
  let slots = cells.length;
  for (let i = 0; i < merges.length; i++) {
    const m = merges[i];
    if (!whole(m.top) || !whole(m.left) || !Number.isInteger(m.bottom) || !Number.isInteger(m.right)) throw new Error(`${plan.name}: a merge outside the sheet`);
    topOf[i] = m.top;
    leftOf[i] = m.left;
    bottomOf[i] = m.bottom;
    rightOf[i] = m.right;
    maxRow = Math.max(maxRow, m.top, m.bottom);
    maxCol = Math.max(maxCol, m.right);
    slots += Math.max(0, m.bottom - m.top + 1) * Math.max(0, m.right - m.left + 1);
  }
  return { xfOf, rowOf, colOf, valueOf, topOf, leftOf, bottomOf, rightOf, slots, maxRow, maxCol };
}

function writtenCells(plan: SheetPlan, styles: Styles, strings: SharedStrings): WrittenCells {
  const { xfOf, rowOf, colOf, valueOf, topOf, leftOf, bottomOf, rightOf, slots, maxCol, ...read } = readPlan(plan, styles);
  let maxRow = read.maxRow;
  const heightRows = Object.keys(plan.rowHeights).map(Number).filter(whole);
  for (const r of heightRows) maxRow = Math.max(maxRow, r);
  const cellRows = byKey(rowOf, maxRow);
  const mergeRows = byKey(topOf, maxRow);
  // the rows to lay out: those with a cell, a covered cell or a height; and those where only a merge
  // of one cell starts (VISIT: nothing is written there, but its merges are checked for an overlap)
  const touched = new Uint8Array(maxRow + 1);
  for (let r = 1; r <= maxRow; r++) {
    if (cellRows.start[r + 1] > cellRows.start[r]) touched[r] = 1;
    else if (mergeRows.start[r + 1] > mergeRows.start[r]) touched[r] = VISIT;
  }
  for (const r of heightRows) touched[r] = 1;
  for (let i = 0; i < topOf.length; i++) for (let r = rightOf[i] > leftOf[i] ? topOf[i] : topOf[i] + 1; r <= bottomOf[i]; r++) touched[r] = 1;

  const out: WrittenCells = { rows: [], ends: [], col: new Int32Array(slots), xf: new Int32Array(slots), kind: new Uint8Array(slots), value: new Int32Array(slots), firstRow: 0, lastRow: 0, firstCol: 0, lastCol: 0 };
  // one row at a time: its columns, each one's plan cell (−1: covered) and format; which merge holds it
  const cellAt = new Int32Array(maxCol + 1);
  const xfAt = new Int32Array(maxCol + 1);
  const stamp = new Int32Array(maxCol + 1);
  const merged = new Int32Array(maxCol + 1);
  const cols = new Int32Array(maxCol + 1);
  let count = 0;
  const set = (r: number, col: number, cell: number, xf: number) => {
    if (stamp[col] !== r) {
      stamp[col] = r;
      cols[count++] = col;
    }
    cellAt[col] = cell;
    xfAt[col] = xf;
  };
  // the merges over the row, each with its first cell's format
  const active: number[] = [];
  const activeXf: number[] = [];
  let n = 0;
  for (let r = 1; r <= maxRow; r++) {
    if (!touched[r]) continue;
    if (touched[r] !== VISIT) {
      if (!out.firstRow) out.firstRow = r;
      out.lastRow = r;
    }
    count = 0;
    for (let k = cellRows.start[r]; k < cellRows.start[r + 1]; k++) {
      const i = cellRows.order[k];
      set(r, colOf[i], i, xfOf[i]);
    }
    for (let k = mergeRows.start[r]; k < mergeRows.start[r + 1]; k++) {
      const m = mergeRows.order[k];
      active.push(m);
      activeXf.push(stamp[leftOf[m]] === r ? xfAt[leftOf[m]] : 0);
    }
    let kept = 0;
    for (let a = 0; a < active.length; a++) {
      const m = active[a];
      if (bottomOf[m] < r) continue;
      const xf = activeXf[a];
      active[kept] = m;
      activeXf[kept++] = xf;
      for (let c = leftOf[m]; c <= rightOf[m]; c++) {
        // two merges holding one cell: name it as exceljs would have
        if (merged[c] === r) checkMerges(plan.merges, plan.name);
        merged[c] = r;
        if (r > topOf[m] || c > leftOf[m]) set(r, c, -1, xf);
      }
    }
    active.length = activeXf.length = kept;
    // columns in order: they come nearly sorted
    for (let k = 1; k < count; k++) {
      const c = cols[k];
      let j = k - 1;
      while (j >= 0 && cols[j] > c) cols[j + 1] = cols[j--];
      cols[j + 1] = c;
    }
    const start = n;
    for (let k = 0; k < count; k++) {
      const c = cols[k];
      const i = cellAt[c];
      const v = i < 0 ? null : valueOf[i];
      let kind: Kind = Kind.Empty;
      let value = 0;
      if (typeof v === 'string') (kind = Kind.Text), (value = strings.id(v));
      else if (typeof v === 'boolean') (kind = Kind.Boolean), (value = v ? 1 : 0);
      else if (typeof v === 'number' && Number.isFinite(v)) (kind = Kind.Number), (value = i);
      if (kind === Kind.Empty && !xfAt[c]) continue;
      out.col[n] = c;
      out.xf[n] = xfAt[c];
      out.kind[n] = kind;
      out.value[n++] = value;
      if (!out.firstCol || c < out.firstCol) out.firstCol = c;
      if (c > out.lastCol) out.lastCol = c;
    }
    if (n > start || plan.rowHeights[r] !== undefined) {
      out.rows.push(r);
      out.ends.push(n);
    }
  }
  return out;
}

function colsXml(widths: number[]): string {
  if (!widths.length) return '';
  const out: string[] = [];
  for (let i = 0; i < widths.length; ) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
    out.push(`<col min="${i + 1}" max="${j + 1}" width="${widths[i]}" customWidth="1"/>`);
    i = j + 1;
  }
  return `<cols>${out.join('')}</cols>`;
}

/** Markup written for every row, cell and merge, made once. */
class Markup {
  private readonly letters: Uint8Array[] = [];
  private readonly refs: Uint8Array[] = [];
  private readonly ends: Uint8Array[] = [];
  private readonly heights = new Map<number, Uint8Array>();
  static readonly ROW = asciiBytes('<row r="');
  static readonly ROW_OPEN = asciiBytes('">');
  static readonly ROW_EMPTY = asciiBytes('"/>');
  static readonly ROW_END = asciiBytes('</row>');
  static readonly VALUE_END = asciiBytes('</v></c>');
  static readonly MERGE = asciiBytes('<mergeCell ref="');
  static readonly COLON = asciiBytes(':');
  static readonly MERGE_END = asciiBytes('"/>');

  /** The column's letters: `AB`. */
  column(col: number): Uint8Array {
    return (this.letters[col] ??= asciiBytes(columnLetters(col)));
  }

  /** `<c r="AB`: the row number follows. */
  ref(col: number): Uint8Array {
    return (this.refs[col] ??= asciiBytes(`<c r="${columnLetters(col)}`));
  }

  /** After the row number: the format, the type, and `/>` or `<v>`, the value following. */
  rest(xf: number, kind: Kind): Uint8Array {
    const made = this.ends[xf * 4 + kind];
    if (made) return made;
    const type = kind === Kind.Text ? ' t="s"' : kind === Kind.Boolean ? ' t="b"' : '';
    return (this.ends[xf * 4 + kind] = asciiBytes(`"${xf ? ` s="${xf}"` : ''}${type}${kind === Kind.Empty ? '/>' : '><v>'}`));
  }

  /** A row's height, after its number: `" ht="18" customHeight="1`. */
  height(h: number): Uint8Array {
    let made = this.heights.get(h);
    if (!made) this.heights.set(h, (made = asciiBytes(`" ht="${h}" customHeight="1`)));
    return made;
  }
}

/** The worksheet part of `plan`, in chunks; `drawing` is the relationship id of its charts' drawing, if any. */
export function* sheetXml(plan: SheetPlan, styles: Styles, strings: SharedStrings, drawing: string | null): Generator<Buffer> {
  const w = writtenCells(plan, styles, strings);
  const dimension = `${columnLetters(w.firstCol || 1)}${w.firstRow || 1}:${columnLetters(w.lastCol || 1)}${w.lastRow || 1}`;
  const out = new ByteChunks();
  out.ascii(
    XML_HEAD +
      `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
      `<dimension ref="${dimension}"/>` +
      '<sheetViews><sheetView showGridLines="0" workbookViewId="0"/></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      colsXml(plan.columns) +
      '<sheetData>',
  );
  const markup = new Markup();
  let k = 0;
  for (let ri = 0; ri < w.rows.length; ri++) {
    const r = w.rows[ri];
    const end = w.ends[ri];
    const h = plan.rowHeights[r];
    const row = Buffer.from(String(r), 'latin1');
    out.bytes(Markup.ROW);
    out.bytes(row);
    if (h !== undefined) out.bytes(markup.height(h));
    if (k === end) {
      out.bytes(Markup.ROW_EMPTY);
      continue;
    }
    out.bytes(Markup.ROW_OPEN);
    for (; k < end; k++) {
      const kind = w.kind[k] as Kind;
      out.bytes(markup.ref(w.col[k]));
      out.bytes(row);
      out.bytes(markup.rest(w.xf[k], kind));
      if (kind === Kind.Empty) continue;
      if (kind === Kind.Number) out.ascii(String(plan.cells[w.value[k]].value));
      else out.uint(w.value[k]);
      out.bytes(Markup.VALUE_END);
    }
    out.bytes(Markup.ROW_END);
    if (out.filled) yield out.take();
  }
  out.ascii('</sheetData>');

  if (plan.merges.length) {
    out.ascii(`<mergeCells count="${plan.merges.length}">`);
    for (const g of plan.merges) {
      out.bytes(Markup.MERGE);
      out.bytes(markup.column(g.left));
      out.uint(g.top);
      out.bytes(Markup.COLON);
      out.bytes(markup.column(g.right));
      out.uint(g.bottom);
      out.bytes(Markup.MERGE_END);
      if (out.filled) yield out.take();
    }
    out.ascii('</mergeCells>');
  }
  const p = plan.print;
  const m = p.margins;
  if (p.horizontalCentered) out.ascii('<printOptions horizontalCentered="1"/>');
  out.ascii(
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
      `<pageSetup paperSize="9" orientation="${p.orientation}" fitToWidth="${p.fitToWidth}" fitToHeight="${p.fitToHeight}"/>`,
  );
  out.text(
    p.pageNumbers === 'fromSecond'
      ? `<headerFooter differentFirst="1"><oddHeader>${xmlText(PAGE_NUMBER_HEADER)}</oddHeader></headerFooter>`
      : `<headerFooter><oddHeader>${xmlText(PAGE_NUMBER_HEADER)}</oddHeader></headerFooter>`,
  );
  const breaks = [...new Set(plan.breaksAfter ?? [])].sort((a, b) => a - b);
  if (breaks.length) {
    out.ascii(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">`);
    for (const r of breaks) out.ascii(`<brk id="${r}" max="${MAX_COL_INDEX}" man="1"/>`);
    out.ascii('</rowBreaks>');
  }
  // CT_Worksheet puts <drawing> after the page setup and breaks
  if (drawing) out.text(`<drawing r:id="${xmlText(drawing)}"/>`);
  out.ascii('</worksheet>');
  yield out.take();
}
