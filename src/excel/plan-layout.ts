import { CellStyle, SheetPlan } from '../core/report/sheet-plan';
import { columnLetters } from '../core/records/snapshot';

/** Text cells get the Text format before their value is written, so "=1+1" stays text. */
export const TEXT_FORMAT = '@';
const GENERAL = 'General';

export type WrittenValue = string | number | boolean;

/** The plan as two rectangles from A1: number formats and values ('' where the plan has nothing). */
export function cellMatrices(sheet: SheetPlan): { values: WrittenValue[][]; formats: string[][] } {
  const values: WrittenValue[][] = Array.from({ length: sheet.lastRow }, () => new Array<WrittenValue>(sheet.lastCol).fill(''));
  const formats: string[][] = Array.from({ length: sheet.lastRow }, () => new Array<string>(sheet.lastCol).fill(GENERAL));
  for (const c of sheet.cells) {
    if (c.row < 1 || c.col < 1 || c.row > sheet.lastRow || c.col > sheet.lastCol) continue;
    const v = c.value;
    values[c.row - 1][c.col - 1] = v === null ? '' : v;
    formats[c.row - 1][c.col - 1] = typeof v === 'string' ? TEXT_FORMAT : (c.style.numFmt ?? GENERAL);
  }
  return { values, formats };
}

export const rangeAddress = (top: number, left: number, bottom: number, right: number) =>
  top === bottom && left === right ? `${columnLetters(left)}${top}` : `${columnLetters(left)}${top}:${columnLetters(right)}${bottom}`;

/** Style without the number format (that one travels in the formats matrix). */
export type AreaStyle = Omit<CellStyle, 'numFmt'>;

export interface StyledArea {
  style: AreaStyle;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const styleKey = (s: CellStyle) => JSON.stringify({ ...s, numFmt: undefined });

/**
 * Each cell's style as the plan sets it: its last setting, and the first cell's style on every other
 * cell of a merge (SheetPlan.merges), by position (row × 16384 + column).
 */
function stylesByCell(sheet: SheetPlan): Map<number, CellStyle> {
  const at = new Map<number, CellStyle>();
  const pos = (row: number, col: number) => row * 16384 + col;
  for (const c of sheet.cells) at.set(pos(c.row, c.col), c.style);
  for (const m of sheet.merges) {
    const first = at.get(pos(m.top, m.left));
    if (!first) continue;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) at.set(pos(r, c), first);
  }
  return at;
}

/**
 * Groups the plan's cells, the other cells of each merge with them, into rectangles of one style:
 * runs of adjacent columns in a row, then runs of rows with the same column span. A 10,000-row
 * problems list becomes a handful of areas.
 */
export function styledAreas(sheet: SheetPlan): StyledArea[] {
  const byStyle = new Map<string, { style: AreaStyle; cells: Map<number, number[]> }>();
  const keys = new Map<CellStyle, string>();
  for (const [at, cellStyle] of stylesByCell(sheet)) {
    let key = keys.get(cellStyle);
    if (key === undefined) keys.set(cellStyle, (key = styleKey(cellStyle)));
    let group = byStyle.get(key);
    if (!group) {
      const { numFmt: _numFmt, ...style } = cellStyle;
      group = { style, cells: new Map() };
      byStyle.set(key, group);
    }
    const row = Math.floor(at / 16384);
    const cols = group.cells.get(row) ?? [];
    cols.push(at % 16384);
    group.cells.set(row, cols);
  }
  const out: StyledArea[] = [];
  for (const { style, cells } of byStyle.values()) {
    const open = new Map<string, StyledArea>();
    for (const row of [...cells.keys()].sort((a, b) => a - b)) {
      const cols = [...new Set(cells.get(row)!)].sort((a, b) => a - b);
      const spans: [number, number][] = [];
      for (const c of cols) {
        const last = spans[spans.length - 1];
        if (last && c === last[1] + 1) last[1] = c;
        else spans.push([c, c]);
      }
      for (const [left, right] of spans) {
        const key = `${left}:${right}`;
        const prev = open.get(key);
        if (prev && prev.bottom === row - 1) prev.bottom = row;
        else {
          const area = { style, top: row, left, bottom: row, right };
          open.set(key, area);
          out.push(area);
        }
      }
    }
  }
  return out;
}

/** Row heights as runs of equal height. */
export function rowHeightRuns(sheet: SheetPlan): { first: number; last: number; height: number }[] {
  const rows = Object.keys(sheet.rowHeights)
    .map(Number)
    .sort((a, b) => a - b);
  const out: { first: number; last: number; height: number }[] = [];
  for (const r of rows) {
    const h = sheet.rowHeights[r];
    const prev = out[out.length - 1];
    if (prev && prev.last === r - 1 && prev.height === h) prev.last = r;
    else out.push({ first: r, last: r, height: h });
  }
  return out;
}

/** Excel character units → points, through the pixel width Excel gives them (Calibri 11). */
export const columnWidthPoints = (units: number) => Math.trunc(units * 7 + 1e-6) * 0.75; // the file's width, padding included (core's px)

export type BorderEdge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';

/** Every cell of the area has borders on `sides`: the area's edges, plus the inside lines between cells. */
export function borderEdges(sides: NonNullable<CellStyle['border']>, rows: number, cols: number): BorderEdge[] {
  const edges = new Set<BorderEdge>();
  for (const s of sides) {
    if (s === 'top') edges.add('EdgeTop');
    if (s === 'bottom') edges.add('EdgeBottom');
    if (s === 'left') edges.add('EdgeLeft');
    if (s === 'right') edges.add('EdgeRight');
    if ((s === 'top' || s === 'bottom') && rows > 1) edges.add('InsideHorizontal');
    if ((s === 'left' || s === 'right') && cols > 1) edges.add('InsideVertical');
  }
  return [...edges];
}

/** 'FFD9E2F3' (ARGB, as the plan and exceljs write it) → '#D9E2F3'. */
export const fillColor = (argb: string) => `#${argb.length === 8 ? argb.slice(2) : argb}`;
