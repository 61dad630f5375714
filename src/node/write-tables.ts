import ExcelJS from 'exceljs';
import { parseA1 } from '../core/records/snapshot';
import { ColumnValidation, listSource } from '../core/records/validation';
import { deepXmlSafe } from '../core/records/xml-text';
import { writeFileAtomic } from './output-files';

export interface TableToWrite {
  name: string;
  sheet: string;
  topLeft: string;
  headers: string[];
  rows: (string | number | boolean | Date | null)[][];
  numFmt?: Record<string, string>;
  /** Data validation of columns, by header (core's validationPlan), on the table's data rows. */
  validations?: ColumnValidation[];
}

/** A core rule as exceljs writes it (<dataValidation> with its formulas; dates as Excel serials). */
export function exceljsValidation(v: ColumnValidation): ExcelJS.DataValidation {
  const base = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: v.prompt.title,
    prompt: v.prompt.message,
    showErrorMessage: true,
    errorStyle: v.style,
    errorTitle: v.error.title,
    error: v.error.message,
  };
  const r = v.rule;
  if (r.type === 'list') return { ...base, type: 'list', formulae: [`"${listSource(r.items)}"`] };
  if (r.type === 'date') return { ...base, type: 'date', operator: 'between', formulae: [r.min, r.max] as unknown as Date[] };
  return { ...base, type: r.type, operator: 'between', formulae: [r.min, r.max] };
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
      const v = t.validations?.find((x) => x.header === h);
      // one per cell: exceljs writes a column's alike cells as one <dataValidation> range
      if (v) for (let r = row + 1; r <= row + rows.length; r++) ws.getCell(r, col + i).dataValidation = exceljsValidation(v);
    });
  }
}

export async function writeTablesToFile(tables: TableToWrite[], path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BaoCao';
  addTables(wb, deepXmlSafe(tables));
  writeFileAtomic(path, (await wb.xlsx.writeBuffer()) as unknown as Buffer);
}
