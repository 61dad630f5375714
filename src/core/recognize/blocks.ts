import { CellValue } from '../records/snapshot';
import { isBlank } from '../records/parse';
import { Area, GridView, areaRef } from './grid';
import { anyFieldWord } from './vocab';
import { monthLabel } from './fixed';
import { fold, groupLabel, isGroupLetter, isNoteLabel, isRoman, isSttHeader, totalKind } from './words';

export type RowType = 'data' | 'group' | 'subtotal' | 'total' | 'note';

export interface BlockRow {
  row: number;
  type: RowType;
  /** The row's label (first text cell) and the column it sits in. */
  label: string;
  labelCol: number;
  hidden: boolean;
}

export interface BlockColumn {
  col: number;
  /** Header text over all header rows, distinct parts joined with " / " ("Vốn đầu tư / Điều chỉnh"). */
  header: string;
  parts: string[];
  hidden: boolean;
  stt: boolean;
  /** The column's text values on data rows, and how many data rows hold anything: what staff write tells a column whatever its header. */
  texts?: string[];
  filled?: number;
}

/** A table found on a plain sheet: titles, 1–3 header rows, rows (data, groups, totals, notes). */
export interface Block {
  sheet: string;
  titles: { row: number; text: string }[];
  headerTop: number;
  headerBottom: number;
  left: number;
  right: number;
  columns: BlockColumn[];
  rows: BlockRow[];
  /** Whether the last row of headerTop..headerBottom is a numbering row ("(1) (2) (3)"), not a header row. */
  numberingRow?: boolean;
}

const isNumberish = (v: CellValue) => typeof v === 'number' || v instanceof Date || typeof v === 'boolean';

function headerText(v: CellValue): string {
  if (v instanceof Date) return `${String(v.getUTCMonth() + 1).padStart(2, '0')}/${v.getUTCFullYear()}`;
  if (v === null || typeof v === 'object') return '';
  return String(v).replace(/\s+/g, ' ').trim();
}

/** A cell that reads as a header word: a field word, STT, or a month. */
function headerHit(v: CellValue): boolean {
  if (v instanceof Date) return true;
  if (typeof v !== 'string') return false;
  const f = fold(v.replace(/\([^)]*\)/g, ' '));
  return isSttHeader(v) || anyFieldWord(f) || monthLabel(v) !== null;
}

/** A row that opens a table: at least two header words, no figures, mostly header words. */
function isHeaderStart(g: GridView, r: number): boolean {
  const cells = g.rowCells(r);
  const texts = cells.filter(([, v]) => typeof v === 'string');
  const dates = cells.filter(([, v]) => v instanceof Date);
  if (cells.some(([, v]) => typeof v === 'number' || typeof v === 'boolean')) return false;
  if (texts.length + dates.length < 2) return false;
  const hits = cells.filter(([, v]) => headerHit(v)).length;
  return hits >= 2 && hits * 2 >= cells.length;
}

/** "(1) (2) (3)" or "1 2 3" under a header. */
function isNumberingRow(g: GridView, r: number): boolean {
  const cells = g.rowCells(r);
  if (cells.length < 3) return false;
  return cells.every(([, v], i) => {
    const t = String(v).replace(/[()]/g, '').trim();
    return t === String(i + 1) || /^[A-Z]$/.test(t) || /^\(?\d+\)?([=+\-*/x]\(?\d+\)?)*$/.test(String(v).trim());
  });
}

function verticalMergeInto(g: GridView, from: number, r: number, left: number, right: number): boolean {
  return g.mergesOver(r).some((m) => m.top >= from && m.top < r && m.bottom >= r && m.right >= left && m.left <= right);
}

function horizontalMergeOver(g: GridView, r: number, left: number, right: number): boolean {
  return g.mergesOver(r).some((m) => m.top <= r && m.bottom >= r && m.right > m.left && m.right >= left && m.left <= right);
}

/**
 * Finds the tables of a sheet, top to bottom; lists side by side (a blank column between them,
 * each with a header of its own) are read each on its own. `judge` tells a usable block: a header
 * row with a blank column inside is split only when that gives more usable blocks than the whole
 * (a blank spacer column inside one table keeps the table whole).
 */
export function findBlocks(g: GridView, judge?: (b: Block) => boolean): Block[] {
  const blocks: Block[] = [];
  let r = g.top;
  let titleFrom = g.top;
  while (r <= g.bottom) {
    if (g.spent()) {
      g.meter.stoppedAt = Math.min(g.meter.stoppedAt ?? r, r);
      break;
    }
    if (!isHeaderStart(g, r) || titlesOverHeader(g, r)) {
      r++;
      continue;
    }
    const split = sideBySide(g, r, titleFrom, judge);
    if (split) {
      blocks.push(...split.blocks);
      r = split.last + 1;
      titleFrom = r;
      continue;
    }
    const block = readBlock(g, r, titleFrom);
    blocks.push(block);
    const last = block.rows.length ? block.rows[block.rows.length - 1].row : block.headerBottom;
    r = last + 1;
    titleFrom = r;
  }
  return blocks;
}

/**
 * Titles of lists side by side ("DỰ ÁN FDI" … "DỰ ÁN DDI") read like a header row: they are titles
 * when the next row is a header with more cells, each title standing over one of its cells (a
 * header row of two rows leaves cells under its first row empty or merged).
 */
function titlesOverHeader(g: GridView, r: number): boolean {
  if (r + 1 > g.bottom || !isHeaderStart(g, r + 1)) return false;
  const cells = g.rowCells(r);
  if (g.rowCells(r + 1).length <= cells.length) return false;
  return cells.every(([c]) => !isBlank(g.at(r + 1, c)) && !g.mergeAt(r, c));
}

/** The last row of the stretch of rows from `r` that ends at two empty rows (or the sheet's end). */
function regionBottom(g: GridView, r: number): number {
  let n = r;
  while (n < g.bottom && !(g.blankRow(n + 1) && (n + 2 > g.bottom || g.blankRow(n + 2)))) n++;
  return n;
}

/** Rows top..bottom and columns left..right of a grid, in the same worksheet coordinates. */
function slice(g: GridView, top: number, bottom: number, left: number, right: number): GridView {
  const cells: CellValue[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row: CellValue[] = [];
    for (let c = left; c <= right; c++) row.push(g.at(r, c));
    cells.push(row);
  }
  const over = new Set<Area>();
  for (let r = top; r <= bottom; r++) for (const m of g.mergesOver(r)) if (m.right >= left && m.left <= right) over.add(m);
  const merges = [...over].map(areaRef);
  return new GridView({ name: g.name, cells, merges, origin: { row: top, col: left }, hiddenColumns: [...g.hiddenCols], hiddenRows: [...g.hiddenRows] }, g.meter);
}

/**
 * Lists side by side from header row `r`: the header's columns fall in runs apart from each other
 * by a column empty from the header down to the end of the stretch, each run with two header
 * words or more. Each run (with the columns up to the next run, for its title) is read as a sheet
 * of its own.
 */
function sideBySide(g: GridView, r: number, titleFrom: number, judge?: (b: Block) => boolean): { blocks: Block[]; last: number } | null {
  const cells = g.rowCells(r);
  let left = cells[0][0];
  let right = cells[cells.length - 1][0];
  for (const m of g.mergesOver(r)) if (m.left <= right && m.right >= left) right = Math.max(right, m.right);
  const bottom = regionBottom(g, r);
  const gap = (c: number) => {
    for (let x = r; x <= bottom; x++) if (!isBlank(g.at(x, c)) || g.mergeAt(x, c)) return false;
    return true;
  };
  const runs: { left: number; right: number }[] = [];
  for (let c = left; c <= right; c++) {
    if (gap(c)) continue;
    const last = runs[runs.length - 1];
    if (last && last.right === c - 1) last.right = c;
    else runs.push({ left: c, right: c });
  }
  if (runs.length < 2) return null;
  if (runs.some((x) => g.rowCells(r, x.left, x.right).filter(([, v]) => headerHit(v)).length < 2)) return null;
  const blocks: Block[] = [];
  runs.forEach((x, i) => {
    const stripLeft = i === 0 ? Math.min(g.left, x.left) : x.left;
    const stripRight = i === runs.length - 1 ? g.right : runs[i + 1].left - 1;
    blocks.push(...findBlocks(slice(g, titleFrom, bottom, stripLeft, stripRight), judge));
  });
  if (judge) {
    const whole = judge(readBlock(g, r, titleFrom)) ? 1 : 0;
    if (blocks.filter(judge).length <= whole) return null;
  }
  return { blocks, last: bottom };
}

function readBlock(g: GridView, top: number, titleFrom: number): Block {
  // Header rows: the first, then rows a merge reaches into, or word rows under a merged group heading.
  let bottom = top;
  let left = Math.min(...g.rowCells(top).map(([c]) => c));
  let right = Math.max(...g.rowCells(top).map(([c]) => c));
  for (const m of g.mergesOver(top)) if (m.top === top && m.left <= right && m.right >= left) {
    left = Math.min(left, m.left);
    right = Math.max(right, m.right);
  }
  while (bottom - top < 2 && bottom + 1 <= g.bottom) {
    const next = bottom + 1;
    const cells = g.rowCells(next, left, right);
    if (!cells.length) break;
    const noFigures = !cells.some(([, v]) => typeof v === 'number' || typeof v === 'boolean');
    const words = cells.filter(([, v]) => headerHit(v)).length;
    if (verticalMergeInto(g, top, next, left, right) && noFigures) bottom = next;
    else if (noFigures && words >= 1 && horizontalMergeOver(g, bottom, left, right)) bottom = next;
    else break;
  }
  let dataStart = bottom + 1;
  const numberingRow = dataStart <= g.bottom && isNumberingRow(g, dataStart);
  if (numberingRow) dataStart++;

  const columns = readColumns(g, top, bottom, left, right);
  const stt = columns.find((c) => c.stt)?.col;

  // Titles: text rows between the previous table and this one.
  const titles: { row: number; text: string }[] = [];
  for (let r = titleFrom; r < top; r++) {
    const texts = g.rowCells(r).filter(([, v]) => typeof v === 'string').map(([, v]) => String(v).trim());
    if (texts.length) titles.push({ row: r, text: texts.join(' ') });
  }

  const rows = classifyRows(g, dataStart, left, right, stt);
  withValues(g, columns, rows);
  // Trailing title rows of a next table were cut above; empty rows are never kept.
  return { sheet: g.name, titles, headerTop: top, headerBottom: dataStart - 1, numberingRow, left, right, columns, rows };
}

export { isBlank };

function withValues(g: GridView, columns: BlockColumn[], rows: BlockRow[]): void {
  const data = rows.filter((r) => r.type === 'data');
  for (const c of columns) {
    c.texts = [];
    c.filled = 0;
    for (const r of data) {
      const v = g.at(r.row, c.col);
      if (isBlank(v)) continue;
      c.filled++;
      if (typeof v === 'string') c.texts.push(v);
    }
  }
}

/** The columns of a header area: each column's text over the header rows, and whether it is STT. */
function readColumns(g: GridView, top: number, bottom: number, left: number, right: number): BlockColumn[] {
  const columns: BlockColumn[] = [];
  for (let c = left; c <= right; c++) {
    const parts: string[] = [];
    for (let r = top; r <= bottom; r++) {
      const t = headerText(g.shown(r, c));
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    const header = parts.join(' / ');
    columns.push({ col: c, header, parts, hidden: g.hiddenCols.has(c), stt: parts.length > 0 && isSttHeader(parts[parts.length - 1]) });
  }
  return columns;
}

/**
 * Classifies the rows under a header from `dataStart`: data, group, subtotal, total, note. Without
 * `bottom` the table ends where recognition sees it end (two empty rows, another table's header
 * or title); with `bottom` (a range the staff gave) every row down to it is classified, empty
 * rows skipped, in the same way.
 */
function classifyRows(g: GridView, dataStart: number, left: number, right: number, stt: number | undefined, bottom?: number): BlockRow[] {
  const bounded = bottom !== undefined;
  const last = bottom ?? g.bottom;
  const rows: BlockRow[] = [];
  let notes = false;
  for (let r = dataStart; r <= last; r++) {
    const cells = g.rowCells(r, left, right);
    if (!cells.length) {
      if (bounded) continue;
      // Two empty rows, or an empty row before another table or its title, end the table.
      let n = r + 1;
      while (n <= g.bottom && g.blankRow(n)) n++;
      if (n > g.bottom || n - r >= 2 || isHeaderStart(g, n) || isHeaderStart(g, n + 1) || isHeaderStart(g, n + 2)) break;
      continue;
    }
    if (!bounded && isHeaderStart(g, r)) break;
    const firstText = cells.find(([c, v]) => typeof v === 'string' && c !== stt) ?? cells.find(([, v]) => typeof v === 'string' && !isRoman(String(v)) && !isGroupLetter(String(v)));
    const label = firstText ? String(firstText[1]).trim() : '';
    const labelCol = firstText ? firstText[0] : cells[0][0];
    const hidden = g.hiddenRows.has(r);
    const push = (type: RowType) => rows.push({ row: r, type, label: label || String(cells[0][1]), labelCol, hidden });
    if (notes) {
      push('note');
      continue;
    }
    const sttValue = stt === undefined ? null : g.at(r, stt);
    const figures = cells.filter(([, v]) => isNumberish(v)).length;
    if (label && isNoteLabel(label) && cells.length <= 2) {
      // A title of the next table above its header is not a note: stop here.
      if (!bounded && !notes && (isHeaderStart(g, r + 1) || isHeaderStart(g, r + 2))) break;
      notes = true;
      push('note');
      continue;
    }
    // a row numbered in the STT column is a listed item ("3 | Tổng kết thi đua"), never a total
    const numbered = typeof sttValue === 'number' || (typeof sttValue === 'string' && /^\d+[.)]?$/.test(sttValue.trim()));
    if (label && !numbered && totalKind(label)) {
      push(totalKind(label)!);
      continue;
    }
    const sttText = typeof sttValue === 'string' ? sttValue : '';
    if ((sttText && (isRoman(sttText) || isGroupLetter(sttText))) || (label && groupLabel(label) !== null && figures <= 1)) {
      push('group');
      continue;
    }
    if (cells.length === 1 && typeof cells[0][1] === 'string' && right - left >= 2) {
      // A lone text across the table: a group heading, or the title of a next table.
      if (!bounded && (isHeaderStart(g, r + 1) || isHeaderStart(g, r + 2))) break;
      push('group');
      continue;
    }
    push('data');
  }
  return rows;
}

/**
 * The block of a range the staff named (the AnhXa table): header rows from its top, a numbering
 * row under them skipped, every row down to its bottom classified as recognition does, and the
 * notes directly under it listed as recognition lists them.
 */
export function blockFromArea(g: GridView, area: Area, headerRows: number): Block {
  const { top, left, right } = area;
  const headerBottom = top + headerRows - 1;
  let dataStart = headerBottom + 1;
  if (dataStart <= area.bottom && isNumberingRow(g, dataStart)) dataStart++;
  const columns = readColumns(g, top, headerBottom, left, right);
  const stt = columns.find((c) => c.stt)?.col;
  const rows = classifyRows(g, dataStart, left, right, stt, area.bottom);
  if (!rows.some((r) => r.type === 'note')) {
    const below = classifyRows(g, area.bottom + 1, left, right, stt);
    if (below[0]?.type === 'note') rows.push(...below);
  }
  withValues(g, columns, rows);
  return { sheet: g.name, titles: [], headerTop: top, headerBottom: dataStart - 1, numberingRow: dataStart - 1 > headerBottom, left, right, columns, rows };
}
