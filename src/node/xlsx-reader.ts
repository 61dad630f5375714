import fs from 'node:fs';
import type ExcelJS from 'exceljs';
import { CellValue, TableSnapshot } from '../core/records/snapshot';
import { readWorkbookTables } from './xlsx';

/** Turns what exceljs holds in a cell into the snapshot's plain cell value (for workbooks built in memory). */
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

/** Every Excel table of a file, its rows read at once, through the streaming reader (src/node/xlsx). */
export async function readSnapshots(path: string): Promise<TableSnapshot[]> {
  return readWorkbookTables(fs.readFileSync(path), { wanted: () => true, requireTables: false }).map((s) => ({ ...s }));
}
