// Reads every worksheet of an .xlsx as a plain grid for recognising staff sheets (issue 9).
// Used only when a workbook lacks contract tables; Excel tables' own cells are left out, so
// ThongTin/NoiDung/KeHoach kept as tables are not read twice.
import ExcelJS from 'exceljs';
import { CellValue, parseA1 } from '../core/snapshot';
import { SheetGrid } from '../core/recognize';
import { plainValue } from './xlsx-reader';

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

/** Every sheet of an .xlsx file as a grid (the CLI passes them to buildReport's `grids`). */
export async function readSheetGridsFile(file: string, options?: { skipTables?: boolean }): Promise<SheetGrid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return gridsFromWorkbook(wb, options);
}
