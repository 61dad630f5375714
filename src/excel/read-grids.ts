import { CellValue } from '../core/records/snapshot';
import { GridNote, SheetGrid, isAnhXaName } from '../core/recognize';
import { matchTableKind } from '../core/records/mapping';
import { BYTES_PER_CELL, PAYLOAD_BUDGET } from './read-tables';
import { supportsExcelApi } from './requirements';

/**
 * Reading staff's plain sheets as grids (issue 9) for recognition: the values of each sheet's used
 * range (values only, as Excel computes them), its merged areas (ExcelApi 1.13) and its hidden
 * columns, with the range's origin. Two syncs for all sheets together: (1) the used ranges' sizes,
 * (2) their values, merged areas and column visibility — one more per ~4 MB of values only. A
 * sheet larger than the payload budget by itself is skipped and named. Hidden rows are not read
 * (one request per row; recognition only lists them), so a hidden row is read like any other.
 */

/** Why a sheet was not read, or read with less than everything. */
export type { GridNote };

export interface GridRead {
  grids: SheetGrid[];
  notes: GridNote[];
}

export interface GridOptions {
  /** Planned bytes per sync (default the tables' PAYLOAD_BUDGET). */
  budget?: number;
  /** Read merged areas (default: where ExcelApi 1.13 is supported). */
  merges?: boolean;
}

/** Columns past which hidden columns are not probed (one small request per column). */
export const MAX_HIDDEN_PROBE = 256;

/** A used range's place and size, from the first sync. */
export interface UsedSize {
  sheet: string;
  /** A1 range without the sheet ("B2:H40"). */
  address: string;
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/** Table names that hold the AnhXa mapping table (vi/en, case, diacritics, spaces and _ ignored). */
export { isAnhXaName };

/**
 * The sheets recognition reads: not made by BaoCao, and holding no contract table and no AnhXa
 * table (those are read as tables; a sheet holding another Excel table is read as a plain sheet).
 */
export function candidateSheets(sheets: { name: string; owned?: boolean }[], tables: { name: string; sheet: string }[]): string[] {
  const withTables = new Set(tables.filter((t) => matchTableKind(t.name) || isAnhXaName(t.name)).map((t) => t.sheet));
  return sheets.filter((s) => !s.owned && !withTables.has(s.name)).map((s) => s.name);
}

/**
 * Queues the load of the used ranges (values only) of the sheets named; they travel with whatever
 * sync comes next. `sizes()` reads them after it, or syncs once itself when that sync did not carry
 * them (no sync happened, or it failed and was retried in parts).
 */
export function queueUsedRanges(context: Excel.RequestContext, names: string[]): { sizes: () => Promise<UsedSize[]> } {
  const queue = () =>
    names.map((name) => ({ name, range: context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true).load('address,rowIndex,columnIndex,rowCount,columnCount') }));
  let queued = queue();
  const read = () =>
    queued.flatMap(({ name, range }) =>
      range.isNullObject ? [] : [{ sheet: name, address: range.address.slice(range.address.lastIndexOf('!') + 1), top: range.rowIndex + 1, left: range.columnIndex + 1, rows: range.rowCount, columns: range.columnCount }],
    );
  return {
    sizes: async () => {
      try {
        return read();
      } catch {
        queued = queue();
        await context.sync();
        return read();
      }
    },
  };
}

const PAYLOAD_ERRORS = /PayloadTooLarge|PayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/i;

/** Sync 2: the values (and merged areas, hidden columns) of every used range, packed under the budget. */
export async function readGridValues(context: Excel.RequestContext, sizes: UsedSize[], options: GridOptions = {}): Promise<GridRead> {
  const budget = options.budget ?? PAYLOAD_BUDGET;
  let merges = options.merges ?? supportsExcelApi('1.13');
  // How merged areas are read: each area as a range (RangeAreas.areas), else the one address string
  let byAreas = true;
  const notes: GridNote[] = [];
  if (!merges) notes.push({ code: 'noMerges' });
  const bytes = (s: UsedSize) => s.rows * s.columns * BYTES_PER_CELL;
  const fits: UsedSize[] = [];
  for (const s of sizes) {
    if (bytes(s) > budget) notes.push({ code: 'tooLarge', sheet: s.sheet, rows: s.rows, columns: s.columns, bytes: bytes(s) });
    else fits.push(s);
  }
  const packs: UsedSize[][] = [];
  let current: UsedSize[] = [];
  let total = 0;
  for (const s of fits) {
    if (current.length && total + bytes(s) > budget) {
      packs.push(current);
      current = [];
      total = 0;
    }
    current.push(s);
    total += bytes(s);
  }
  if (current.length) packs.push(current);

  const grids = new Map<string, SheetGrid>();
  const readPack = async (pack: UsedSize[]): Promise<void> => {
    const parts = pack.map((s) => {
      const range = context.workbook.worksheets.getItem(s.sheet).getRange(s.address);
      return {
        s,
        values: range.load('values'),
        merged: merges ? queueMerged(range, byAreas) : null,
        hidden: s.columns <= MAX_HIDDEN_PROBE ? Array.from({ length: s.columns }, (_, i) => range.getColumn(i).load('columnHidden')) : null,
      };
    });
    try {
      await context.sync();
    } catch (e) {
      const text = String((e as { code?: string }).code ?? '') + String((e as Error).message ?? '');
      if (PAYLOAD_ERRORS.test(text)) {
        // the estimate was too low for this text: halves, and a single sheet that still fails is skipped
        if (pack.length > 1) {
          await readPack(pack.slice(0, pack.length >> 1));
          await readPack(pack.slice(pack.length >> 1));
        } else notes.push({ code: 'tooLarge', sheet: pack[0].sheet, rows: pack[0].rows, columns: pack[0].columns, bytes: bytes(pack[0]) });
        return;
      }
      if (!merges) throw e;
      if (byAreas) {
        // a host refusing RangeAreas.areas on merged areas: the address string alone
        byAreas = false;
        await readPack(pack);
        return;
      }
      // a host that claims ExcelApi 1.13 but refuses merged areas: read without them, and say so
      merges = false;
      notes.push({ code: 'mergesFailed', detail: String((e as Error).message ?? e) });
      await readPack(pack);
      return;
    }
    for (const { s, values, merged, hidden } of parts) {
      if (!hidden) notes.push({ code: 'hiddenColumnsSkipped', sheet: s.sheet, columns: s.columns });
      grids.set(s.sheet, {
        name: s.sheet,
        cells: values.values.map((row) => row.map(cellValue)),
        origin: { row: s.top, col: s.left },
        merges: merged ? readMerged(merged, s, notes) : [],
        hiddenColumns: hidden ? hidden.flatMap((c, i) => (c.columnHidden ? [s.left + i] : [])) : [],
      });
    }
  };
  for (const pack of packs) await readPack(pack);
  // in the workbook's sheet order
  return { grids: sizes.flatMap((s) => grids.get(s.sheet) ?? []), notes };
}

/**
 * Every candidate sheet as a grid: `queueUsedRanges` then `readGridValues` (two syncs). The sheets
 * must be known (see candidateSheets).
 */
export async function readGrids(context: Excel.RequestContext, names: string[], options: GridOptions = {}): Promise<GridRead> {
  if (!names.length) return { grids: [], notes: [] };
  const sizes = await queueUsedRanges(context, names).sizes();
  return readGridValues(context, sizes, options);
}

/**
 * The merged areas of a used range, as Excel can give them. getMergedAreasOrNullObject answers only
 * the areas whose top-left cell is in the range (office-js#3611) — the used range of values holds
 * the top-left cell of every merge that shows a value, while trailing empty cells may fall outside
 * it (getUsedRange(true)); so each area is read whole, as a range of RangeAreas.areas (ExcelApi
 * 1.9), because the address string may list top-left cells only (office-js#1590).
 */
function queueMerged(range: Excel.Range, byAreas: boolean): { all: Excel.RangeAreas; areas: Excel.RangeCollection | null } {
  const all = range.getMergedAreasOrNullObject().load('address');
  return { all, areas: byAreas ? all.areas.load('items/address') : null };
}

function readMerged(merged: ReturnType<typeof queueMerged>, s: UsedSize, notes: GridNote[]): string[] {
  if (merged.all.isNullObject) return [];
  const list = merged.areas ? merged.areas.items.map((r) => r.address.slice(r.address.lastIndexOf('!') + 1).replace(/\$/g, '')) : mergedAreas(merged.all.address);
  // a merge is never one cell: a single cell is a top-left cell alone (office-js#1590), its extent unknown
  const whole = list.filter((a) => a.includes(':') && a.split(':')[0] !== a.split(':')[1]);
  if (whole.length < list.length) notes.push({ code: 'mergesFailed', detail: `${s.sheet}: ${list.length - whole.length} merged areas came back as their top-left cell only` });
  return whole;
}

/**
 * RangeAreas.address → ["A1:G1", "B3:B4"]: areas separated by commas (a comma inside a quoted
 * sheet name is not a separator), each with its sheet, which is dropped.
 */
export function mergedAreas(address: string): string[] {
  const out: string[] = [];
  let part = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(part);
      part = '';
    } else part += ch;
  }
  out.push(part);
  return out.map((p) => p.slice(p.lastIndexOf('!') + 1).replace(/\$/g, '').trim()).filter((p) => /^[A-Z]+\d+(:[A-Z]+\d+)?$/i.test(p));
}

/** Office.js gives empty cells as '' and dates as serial numbers; core parses the rest. */
function cellValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}
