import { columnLetters } from '../core/records/snapshot';
import { isAnhXaName } from './read-grids';
import { TEXT_FORMAT, columnWidthPoints, rangeAddress } from './plan-layout';

/** The AnhXa table as core's anhXaTable gives it. */
export interface AnhXaTableData {
  name: string;
  headers: string[];
  values: (string | number)[][];
  /** Column widths in characters. */
  widths: number[];
}

export type AnhXaWrite =
  | { status: 'written'; sheet: string; table: string; rows: number; replaced: boolean }
  /** A mapping table is already there: nothing was written (the staff may have corrected it). */
  | { status: 'exists'; sheet: string; table: string };

const HEADER_FILL = '#DDEBF7';
const fold = (s: string) => s.toLocaleLowerCase('vi');

function freeName(base: string, used: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} (${n})`;
    if (!used.has(fold(name))) return name;
  }
}


/**
 * Writes the AnhXa table (issue 9): a new sheet named like the table holding an Excel table of that
 * name, headers bold on a fill, columns sized to their text, every text cell in the Text format so a
 * header like "=Tổng" or "-" stays text. The staff's own sheets are never written. An existing
 * AnhXa/Mapping table is left as it is (`exists`, one sync) unless `replace`: then it is removed —
 * with its sheet's cells when that sheet holds nothing else, the new table going to the same sheet —
 * and the new one written (three syncs; two for a first write).
 */
export async function writeAnhXaTable(context: Excel.RequestContext, data: AnhXaTableData, options: { replace?: boolean } = {}): Promise<AnhXaWrite> {
  if (!data.values.length) throw new Error('no AnhXa rows to write');
  const worksheets = context.workbook.worksheets;
  const tables = context.workbook.tables;
  worksheets.load('items/name');
  tables.load('items/name,items/worksheet/name');
  await context.sync();

  const existing = tables.items.find((t) => isAnhXaName(t.name));
  if (existing && !options.replace) return { status: 'exists', sheet: existing.worksheet.name, table: existing.name };
  const used = new Set(worksheets.items.map((w) => fold(w.name)));
  let ws: Excel.Worksheet;
  let sheetName: string;
  let top = 1;
  let left = 1;
  if (existing) {
    const range = existing.getRange().load('address,rowIndex,columnIndex');
    const sheetUsed = existing.worksheet.getUsedRangeOrNullObject(false).load('address');
    await context.sync();
    sheetName = existing.worksheet.name;
    // Reached by its name, not through the table: Excel resolves table.worksheet after the delete
    // below, in the same batch, and fails (InvalidObjectPath / ItemNotFound).
    const sheet = worksheets.getItem(sheetName);
    const alone = !sheetUsed.isNullObject && sheetUsed.address === range.address;
    const address = range.address.slice(range.address.lastIndexOf('!') + 1);
    existing.delete();
    sheet.getRange(address).clear();
    if (alone) {
      // the sheet held only the old table: the new one takes its place
      ws = sheet;
      top = range.rowIndex + 1;
      left = range.columnIndex + 1;
    } else {
      sheetName = freeName(data.name, used);
      ws = worksheets.add(sheetName);
    }
  } else {
    sheetName = freeName(data.name, used);
    ws = worksheets.add(sheetName);
  }
  const cells = [data.headers, ...data.values];
  const bottom = top + cells.length - 1;
  const right = left + data.headers.length - 1;
  const address = rangeAddress(top, left, bottom, right);
  const range = ws.getRange(address);
  range.numberFormat = cells.map((r) => r.map((v) => (typeof v === 'string' ? TEXT_FORMAT : 'General')));
  range.values = cells;
  const table = ws.tables.add(address, true);
  table.name = data.name;
  const header = ws.getRange(rangeAddress(top, left, top, right));
  header.format.font.bold = true;
  header.format.fill.color = HEADER_FILL;
  header.format.wrapText = true;
  data.headers.forEach((_, i) => {
    const letter = columnLetters(left + i);
    ws.getRange(`${letter}:${letter}`).format.columnWidth = columnWidthPoints(data.widths[i]);
  });
  ws.activate();
  await context.sync();
  return { status: 'written', sheet: sheetName, table: data.name, rows: data.values.length, replaced: !!existing };
}
