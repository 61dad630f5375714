import ExcelJS from 'exceljs';
import { plainValue } from '../../src/node/xlsx-reader';
import { parseA1 } from '../../src/core/records/snapshot';
import { excelValue } from './example-book';
import { FakeWorkbook } from './fake-excel';

/**
 * An .xlsx file as the fake Excel holds it: every sheet's values as Excel gives them to Office.js
 * (dates as serial numbers, formulas as their results, a merged area's value in its first cell),
 * its merged areas, hidden columns and tables.
 */
export async function bookFromXlsx(file: string): Promise<FakeWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const book = new FakeWorkbook();
  wb.eachSheet((ws) => {
    const sheet = book.addSheet(ws.name);
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = plainValue(cell.value);
        if (v === null) return;
        book.cell(sheet, r, c).value = v instanceof Date || typeof v !== 'object' ? excelValue(v) : String(Object.values(v)[0]);
      }),
    );
    sheet.merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice();
    for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) (sheet.hiddenColumns ??= new Set()).add(c);
    for (const t of ws.getTables() as unknown as { table: { name: string; tableRef?: string; ref?: string } }[]) {
      const [a, b] = (t.table.tableRef ?? t.table.ref)!.split(':');
      const p = parseA1(a);
      const q = parseA1(b);
      book.tables.push({ name: t.table.name, sheet, top: p.row, left: p.col, rows: q.row - p.row + 1, cols: q.col - p.col + 1 });
    }
  });
  book.activeSheet = book.sheets[0];
  return book;
}
