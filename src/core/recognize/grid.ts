import { CellValue, parseA1, columnLetters } from '../records/snapshot';
import { isBlank } from '../records/parse';

/**
 * One worksheet as a plain grid: what the Office.js adapter (`range.values` of the used range and
 * its merged areas) and the .xlsx readers can both give. `cells[0][0]` is the cell at `origin`
 * (default A1); merged areas hold their value in their first cell only, like Excel.
 */
export interface SheetGrid {
  name: string;
  cells: CellValue[][];
  /** 1-based worksheet row and column of `cells[0][0]`; default {row: 1, col: 1}. */
  origin?: { row: number; col: number };
  /** Merged areas, A1 style without sheet ("A3:A4"). */
  merges: string[];
  /** 1-based worksheet columns that are hidden. */
  hiddenColumns?: number[];
  /** 1-based worksheet rows that are hidden. */
  hiddenRows?: number[];
}

/** What an adapter could not read of the staff's sheets: listed on Kiểm tra, never dropped silently. */
export type GridNote =
  | { code: 'tooLarge'; sheet: string; rows: number; columns: number; bytes: number }
  | { code: 'noMerges' }
  | { code: 'mergesFailed'; detail: string }
  | { code: 'hiddenColumnsSkipped'; sheet: string; columns: number };

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseArea(ref: string): Area {
  const [a, b = a] = ref.split(':');
  const p = parseA1(a);
  const q = parseA1(b);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

export function areaRef(a: Area): string {
  return `${columnLetters(a.left)}${a.top}:${columnLetters(a.right)}${a.bottom}`;
}

/**
 * The cells (and merged areas) recognition reads on one sheet, against a budget: past `limit` it stops examining the
 * sheet and says from which row on nothing was read (`stoppedAt`), never dropping rows silently.
 */
export interface WorkMeter {
  cells: number;
  limit: number;
  /** The first row not examined, once the budget is spent. */
  stoppedAt?: number;
}

export const unmetered = (): WorkMeter => ({ cells: 0, limit: Infinity });

/** Read access to a grid in worksheet coordinates, with merged areas known. */
export class GridView {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly merges: Area[];
  readonly hiddenCols: Set<number>;
  readonly hiddenRows: Set<number>;
  /** "row,col" of every cell covered by a merge (but not its first cell) → the merge. */
  private readonly covered = new Map<string, Area>();
  private readonly masters = new Map<string, Area>();
  /** Worksheet row → the merges over it. */
  private readonly byRow = new Map<number, Area[]>();

  constructor(
    readonly grid: SheetGrid,
    readonly meter: WorkMeter = unmetered(),
  ) {
    this.top = grid.origin?.row ?? 1;
    this.left = grid.origin?.col ?? 1;
    this.bottom = this.top + grid.cells.length - 1;
    this.right = this.left + grid.cells.reduce((w, r) => Math.max(w, r.length), 0) - 1;
    this.merges = grid.merges.map(parseArea);
    for (const m of this.merges) {
      this.masters.set(`${m.top},${m.left}`, m);
      for (let r = m.top; r <= m.bottom; r++) {
        const list = this.byRow.get(r);
        if (list) list.push(m);
        else this.byRow.set(r, [m]);
      }
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) this.covered.set(`${r},${c}`, m);
    }
    this.hiddenCols = new Set(grid.hiddenColumns ?? []);
    this.hiddenRows = new Set(grid.hiddenRows ?? []);
  }

  get name(): string {
    return this.grid.name;
  }

  /** The cell's own value (null inside a merge, except its first cell). */
  at(row: number, col: number): CellValue {
    this.meter.cells++;
    return this.grid.cells[row - this.top]?.[col - this.left] ?? null;
  }

  /** The value shown in the cell: a merged area's value in every cell it covers. */
  shown(row: number, col: number): CellValue {
    const m = this.covered.get(`${row},${col}`);
    return m ? this.at(m.top, m.left) : this.at(row, col);
  }

  /** The merged areas over a row. */
  mergesOver(row: number): readonly Area[] {
    const over = this.byRow.get(row) ?? [];
    this.meter.cells += over.length;
    return over;
  }

  /** Whether the budget of cells to read on this sheet is spent. */
  spent(): boolean {
    return this.meter.cells > this.meter.limit;
  }

  mergeAt(row: number, col: number): Area | undefined {
    return this.masters.get(`${row},${col}`) ?? this.covered.get(`${row},${col}`);
  }

  blankRow(row: number, left = this.left, right = this.right): boolean {
    for (let c = left; c <= right; c++) if (!isBlank(this.at(row, c))) return false;
    return true;
  }

  /** Non-blank cells of a row (own values), as [col, value]. */
  rowCells(row: number, left = this.left, right = this.right): [number, CellValue][] {
    const out: [number, CellValue][] = [];
    for (let c = left; c <= right; c++) {
      const v = this.at(row, c);
      if (!isBlank(v)) out.push([c, v]);
    }
    return out;
  }
}
