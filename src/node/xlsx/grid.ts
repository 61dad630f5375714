import { CellValue } from '../../core/records/snapshot';
import type { SheetGrid } from '../../core/recognize/grid';
import { ZipArchive } from './zip';
import { WorkbookInfo, readTables } from './package';
import { SheetContext, scanCells } from './sheet';
import { LimitError } from './errors';

/**
 * Reading staff's plain sheets as grids (issue 9) with the table reader's zip and XML checks,
 * each sheet streamed once. Only cells holding a value are kept, row by row; a grid starts at A1
 * and ends at the last row and column holding a value. The limits stop a hostile or runaway
 * sheet before it costs seconds or gigabytes: recognition walks every cell and merged range.
 */
export const GRID_LIMITS = {
  /** Cells of one sheet's grid (rows × columns from A1 to its last value). */
  area: 2_000_000,
  /** Cells of every grid of the workbook together. */
  totalArea: 5_000_000,
  /** Merged ranges of one sheet over its grid (those wholly past its last value are layout and left out). */
  merges: 10_000,
  /** Merged ranges of one sheet as written, over the grid or not. */
  mergesWritten: 1_000_000,
  /** Cells covered by the merged ranges of one sheet, clipped to its grid (recognition maps each). */
  mergedCells: 500_000,
  /** Inflated bytes of one worksheet part. */
  bytes: 128 * 2 ** 20,
};

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
/** Rows without a value share this one (frozen: nothing may write into it). */
const EMPTY_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];

export interface GridReadOptions {
  /** Leave out the cells of Excel tables (read as tables; default true). */
  skipTables?: boolean;
  /** Which sheets to read, by name (default all worksheets). */
  sheets?: (name: string) => boolean;
  limits?: Partial<typeof GRID_LIMITS>;
  /** Filled with the names of the parts read whole through the XML checks (to skip them when copying). */
  parsed?: Set<string>;
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseRef(ref: string): Box | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim());
  if (!m) return null;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const r1 = Number(m[2]);
  const c1 = col(m[1]);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? col(m[3]) : c1;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

const refOf = (rows: number, cols: number) => {
  let s = '';
  for (let n = cols; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `A1:${s}${rows}`;
};

/** The worksheets of a workbook as grids, in workbook order. */
export function readGrids(zip: ZipArchive, info: WorkbookInfo, context: () => SheetContext, options: GridReadOptions = {}): SheetGrid[] {
  const limits = { ...GRID_LIMITS, ...options.limits };
  const skipTables = options.skipTables ?? true;
  const grids: SheetGrid[] = [];
  let totalArea = 0;
  for (const sheet of info.sheets) {
    const entry = zip.get(sheet.part);
    if (!entry || (options.sheets && !options.sheets(sheet.name))) continue;
    if (entry.size > limits.bytes) throw new LimitError('bytes', sheet.name, entry.size, limits.bytes);
    const tables: Box[] = [];
    if (skipTables) for (const t of readTables(zip, sheet.part)) if (t.ref) tables.push(...[parseRef(t.ref)].filter((b): b is Box => !!b));
    const inTable = (r: number, c: number) => {
      for (const t of tables) if (r >= t.top && r <= t.bottom && c >= t.left && c <= t.right) return true;
      return false;
    };

    const rows: CellValue[][] = [];
    let width = 0;
    const hiddenRows: number[] = [];
    const hiddenCols = new Set<number>();
    const merges: string[] = [];
    const tooLarge = (r: number, c: number) => {
      throw new LimitError('area', sheet.name, r * c, limits.area, refOf(r, c));
    };
    scanCells(zip, sheet.part, context(), {
      keep: (r, c) => r >= 1 && c >= 1 && r <= MAX_ROW && c <= MAX_COL && !(tables.length && inTable(r, c)),
      cell(r, c, value) {
        if (value === null) return;
        const w = Math.max(width, c);
        const h = Math.max(r, rows.length);
        if (h * w > limits.area) tooLarge(h, w);
        width = w;
        while (rows.length < r) rows.push(EMPTY_ROW);
        let row = rows[r - 1];
        if (row === EMPTY_ROW) row = rows[r - 1] = [];
        while (row.length < c - 1) row.push(null);
        row[c - 1] = value;
      },
      row(r, el) {
        const hidden = el.attr('hidden');
        if (hidden === '1' || hidden === 'true') hiddenRows.push(r);
      },
      col(el) {
        const hidden = el.attr('hidden');
        if (hidden !== '1' && hidden !== 'true') return;
        const min = Math.max(1, Number(el.attr('min')));
        const max = Math.min(MAX_COL, Number(el.attr('max') ?? min));
        for (let c = min; c <= max; c++) hiddenCols.add(c);
      },
      merge(ref) {
        if (merges.length >= limits.mergesWritten) throw new LimitError('merges', sheet.name, merges.length + 1, limits.mergesWritten);
        merges.push(ref);
      },
    });
    const area = rows.length * width;
    if ((totalArea += area) > limits.totalArea) throw new LimitError('totalArea', sheet.name, totalArea, limits.totalArea);

    // A merged range shows its first cell's value in every cell it covers; the others are empty, as
    // in Excel (a writer may have left values under a merge).
    // Merged ranges are clipped to the grid: one over the whole sheet covers the grid only.
    // Styled empty cells merged by the thousand past the last value (POI's 57893) are layout only.
    let covered = 0;
    const clipped: string[] = [];
    for (const ref of merges) {
      const m = parseRef(ref);
      if (!m) continue;
      const bottom = Math.min(m.bottom, rows.length);
      const right = Math.min(m.right, width);
      if (bottom < m.top || right < m.left) continue;
      if (clipped.length >= limits.merges) throw new LimitError('merges', sheet.name, clipped.length + 1, limits.merges);
      clipped.push(bottom === m.bottom && right === m.right ? ref : `${refOf(bottom, right).replace(/^A1:/, `${refOf(m.top, m.left).slice(3)}:`)}`);
      if ((covered += (bottom - m.top + 1) * (right - m.left + 1)) > limits.mergedCells) throw new LimitError('mergedCells', sheet.name, covered, limits.mergedCells);
      for (let r = m.top; r <= bottom; r++) {
        const row = rows[r - 1];
        for (let c = m.left; c <= Math.min(right, row.length); c++) if (r !== m.top || c !== m.left) row[c - 1] = null;
      }
    }
    grids.push({
      name: sheet.name,
      cells: rows,
      merges: clipped,
      hiddenColumns: [...hiddenCols].filter((c) => c <= width).sort((a, b) => a - b),
      hiddenRows: hiddenRows.filter((r) => r <= rows.length),
    });
  }
  return grids;
}
