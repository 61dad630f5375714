import ExcelJS from 'exceljs';
import { parseA1 } from '../core/snapshot';
import { deepXmlSafe } from '../core/xml-text';
import { writeFileAtomic } from './output-files';

export interface TableToWrite {
  name: string;
  sheet: string;
  topLeft: string;
  headers: string[];
  rows: (string | number | boolean | Date | null)[][];
  numFmt?: Record<string, string>;
}

/** Writes real Excel tables (Insert ▸ Table) into a new workbook. */
export function addTables(wb: ExcelJS.Workbook, tables: TableToWrite[]): void {
  for (const t of tables) {
    const ws = wb.getWorksheet(t.sheet) ?? wb.addWorksheet(t.sheet);
    const { row, col } = parseA1(t.topLeft);
    const rows = t.rows.length ? t.rows : [t.headers.map(() => null)];
    ws.addTable({
      name: t.name,
      ref: t.topLeft,
      headerRow: true,
      style: { theme: 'TableStyleMedium2', showRowStripes: true },
      columns: t.headers.map((h) => ({ name: h, filterButton: true })),
      rows: rows.map((r) => t.headers.map((_, i) => r[i] ?? null)),
    });
    t.headers.forEach((h, i) => {
      const column = ws.getColumn(col + i);
      const longest = Math.max(h.length, ...rows.slice(0, 200).map((r) => String(r[i] ?? '').length));
      column.width = Math.min(60, Math.max(10, longest + 2));
      const fmt = t.numFmt?.[h];
      if (fmt) for (let r = row + 1; r <= row + rows.length; r++) ws.getCell(r, col + i).numFmt = fmt;
    });
  }
}

export async function writeTablesToFile(tables: TableToWrite[], path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BaoCao';
  addTables(wb, deepXmlSafe(tables));
  writeFileAtomic(path, (await wb.xlsx.writeBuffer()) as unknown as Buffer);
}
