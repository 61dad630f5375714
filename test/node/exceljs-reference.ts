// The old exceljs readers, kept only as a second opinion for tests: src/ never reads with exceljs.
import ExcelJS from 'exceljs';
import { CellValue, TableSnapshot, parseA1, overlapsTable } from '../../src/core/records/snapshot';
import { SheetGrid } from '../../src/core/recognize';

/** Turns what exceljs holds in a cell into the snapshot's plain cell value. */
export function plainValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('error' in v && typeof v.error === 'string') return { error: v.error };
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      // a formula without a stored result is not an empty cell: the engine reports it at its cell
      const f = v as { formula?: string; sharedFormula?: string; result?: ExcelJS.CellValue };
      return f.result === undefined ? { formula: String(f.formula ?? f.sharedFormula ?? '') } : plainValue(f.result);
    }
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return (v as { text: string }).text;
    if ('result' in v) return plainValue((v as { result?: ExcelJS.CellValue }).result);
  }
  return String(v);
}

/** Snapshots of every Excel table on every sheet, at whatever cell it starts. */
export function snapshotsFromWorkbook(wb: ExcelJS.Workbook): TableSnapshot[] {
  const out: TableSnapshot[] = [];
  wb.eachSheet((ws) => {
    for (const t of ws.getTables() as unknown as { table: { name: string; displayName?: string; tableRef?: string; ref?: string; totalsRow?: boolean } }[]) {
      const model = t.table;
      const ref = model.tableRef ?? model.ref;
      if (!ref) continue;
      const [a, b = a] = ref.split(':');
      const start = parseA1(a);
      const end = parseA1(b);
      // Excel omits headerRowCount when it is 1, so a contract table always has its header row.
      const lastRow = end.row - (model.totalsRow ? 1 : 0);
      const width = end.col - start.col + 1;
      const read = (r: number): CellValue[] => {
        const row = ws.getRow(r);
        const cells: CellValue[] = new Array(width);
        for (let c = 0; c < width; c++) {
          const cell = row.getCell(start.col + c);
          // exceljs repeats a merge's value in every cell; Excel keeps it in the first one only
          cells[c] = cell.isMerged && cell.master !== cell ? null : plainValue(cell.value);
        }
        return cells;
      };
      const headers = read(start.row).map((h) => (h === null ? '' : String(h instanceof Date ? h.toISOString() : typeof h === 'object' ? ('error' in h ? h.error : h.formula) : h)));
      const rows: CellValue[][] = [];
      for (let r = start.row + 1; r <= lastRow; r++) rows.push(read(r));
      const snap: TableSnapshot = { name: model.displayName || model.name, sheet: ws.name, headerRow: start.row, firstColumn: start.col, headers, rows };
      const merges = mergedRanges(ws).filter((m) => overlapsTable(snap, m));
      if (merges.length) snap.merged = merges;
      out.push(snap);
    }
  });
  return out;
}

export async function exceljsSnapshots(path: string): Promise<TableSnapshot[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return snapshotsFromWorkbook(wb);
}

function mergedRanges(ws: ExcelJS.Worksheet): string[] {
  const merges = (ws as unknown as { _merges: Record<string, { range?: string; tl?: string; br?: string }> })._merges ?? {};
  return Object.values(merges).map((m) => m.range ?? `${m.tl}:${m.br}`);
}
export function gridsFromWorkbook(wb: ExcelJS.Workbook, options: { skipTables?: boolean } = {}): SheetGrid[] {
  const skipTables = options.skipTables ?? true;
  const grids: SheetGrid[] = [];
  wb.eachSheet((ws) => {
    const rows = ws.rowCount;
    const cols = ws.columnCount;
    const tableAreas: { top: number; left: number; bottom: number; right: number }[] = [];
    if (skipTables) {
      for (const t of ws.getTables() as unknown as { table: { tableRef?: string; ref?: string } }[]) {
        const ref = t.table.tableRef ?? t.table.ref;
        if (!ref) continue;
        const [a, b = a] = ref.split(':');
        const p = parseA1(a);
        const q = parseA1(b);
        tableAreas.push({ top: p.row, left: p.col, bottom: q.row, right: q.col });
      }
    }
    const inTable = (r: number, c: number) => tableAreas.some((t) => r >= t.top && r <= t.bottom && c >= t.left && c <= t.right);
    const cells: CellValue[][] = [];
    const hiddenRows: number[] = [];
    for (let r = 1; r <= rows; r++) {
      const row = ws.getRow(r);
      if (row.hidden) hiddenRows.push(r);
      const out: CellValue[] = new Array(cols).fill(null);
      for (let c = 1; c <= cols; c++) {
        if (tableAreas.length && inTable(r, c)) continue;
        const cell = row.getCell(c);
        // exceljs repeats a merge's value in every cell; Excel keeps it in the first one only
        out[c - 1] = cell.isMerged && cell.master !== cell ? null : plainValue(cell.value);
      }
      cells.push(out);
    }
    const hiddenColumns: number[] = [];
    for (let c = 1; c <= cols; c++) if (ws.getColumn(c).hidden) hiddenColumns.push(c);
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice();
    grids.push({ name: ws.name, cells, merges, hiddenColumns, hiddenRows });
  });
  return grids;
}

export async function exceljsGrids(path: string, options?: { skipTables?: boolean }): Promise<SheetGrid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return gridsFromWorkbook(wb, options);
}
