import { matchTableKind } from '../core/records/mapping';
import { dayToSerial, parseDate, parseMonth } from '../core/records/parse';
import { SpecCell, TableSpec, templateTables } from '../core/records/template-tables';
import { rangeAddress, TEXT_FORMAT } from './plan-layout';
import { queueTableValidation, workbookLanguage } from './data-validation';
import { supportsExcelApi } from './requirements';
import { TableKind } from '../core/records/schema';

export interface SamplesResult {
  /** Tables added, with the sheet each went to, and how many of their columns got data validation. */
  created: { table: string; sheet: string; validated?: number }[];
  /** false when the host lacks ExcelApi 1.8: the tables have no data validation. */
  validation?: boolean;
  /** Tables of a kind the workbook already has (left as they are). */
  skipped: string[];
}

const fold = (s: string) => s.toLocaleLowerCase('vi');

function freeName(base: string, used: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} (${n})`;
    if (!used.has(fold(name))) {
      used.add(fold(name));
      return name;
    }
  }
}

/**
 * A spec cell as Excel should hold it: dates and months (Date objects or dd/mm/yyyy, mm/yyyy text
 * in a date column) as real dates in the column's format, text as text, empty cells in the
 * column's format so what staff type later looks right.
 */
function written(cell: SpecCell, numFmt: string | undefined): { value: string | number | boolean; format: string } {
  const isDate = numFmt === 'dd/mm/yyyy';
  const isMonth = numFmt === 'mm/yyyy';
  if (cell === null) return { value: '', format: numFmt ?? 'General' };
  if (isDate || isMonth) {
    const p = isMonth ? parseMonth(cell) : parseDate(cell);
    if (p.ok) return { value: dayToSerial(isMonth ? `${p.value}-01` : p.value), format: numFmt! };
  }
  if (cell instanceof Date) return { value: dayToSerial(cell.toISOString().slice(0, 10)), format: 'dd/mm/yyyy' };
  if (typeof cell === 'string') return { value: cell, format: TEXT_FORMAT };
  return { value: cell, format: numFmt ?? 'General' };
}

/**
 * Adds every contract table the workbook lacks (core's templateTables, the same as `baocao
 * template`), each on a new sheet with its Vietnamese headers and example rows and its columns'
 * data validation (ExcelApi 1.8; core's validationPlan), in two syncs — three when the workbook
 * already has a Settings table, whose NgonNgu decides the validation messages' language.
 * Existing tables (under any accepted name) and sheets are never overwritten.
 */
export async function insertSampleTables(context: Excel.RequestContext, specs: TableSpec[] = templateTables(true)): Promise<SamplesResult> {
  const worksheets = context.workbook.worksheets;
  const tables = context.workbook.tables;
  worksheets.load('items/name');
  tables.load('items/name');
  await context.sync();

  const haveKinds = new Set(tables.items.map((t) => matchTableKind(t.name)?.kind).filter(Boolean));
  const validate = supportsExcelApi('1.8');
  const creating = specs.some((spec) => !haveKinds.has(spec.kind) && !tables.items.some((t) => fold(t.name) === fold(spec.name)));
  let lang: 'vi' | 'en' = 'vi';
  if (validate && creating && haveKinds.has('settings')) {
    const settings = tables.items
      .filter((t) => matchTableKind(t.name)?.kind === 'settings')
      .map((t) => ({ kind: 'settings' as TableKind, info: { name: t.name, sheet: '', headers: ['Khóa', 'Giá trị'], rowCount: 1, table: t } }));
    lang = await workbookLanguage(context, settings);
  }
  const usedSheets = new Set(worksheets.items.map((w) => fold(w.name)));
  const usedTables = new Set(tables.items.map((t) => fold(t.name)));
  const result: SamplesResult = { created: [], skipped: [], validation: validate };
  let first: Excel.Worksheet | null = null;
  for (const spec of specs) {
    if (haveKinds.has(spec.kind) || usedTables.has(fold(spec.name))) {
      result.skipped.push(spec.name);
      continue;
    }
    const sheetName = freeName(spec.sheet, usedSheets);
    const ws = worksheets.add(sheetName);
    first ??= ws;
    const cells = [spec.headers.map((h) => written(h, undefined)), ...spec.rows.map((r) => r.map((c, i) => written(c, spec.numFmt[spec.headers[i]])))];
    const address = rangeAddress(1, 1, cells.length, spec.headers.length);
    const range = ws.getRange(address);
    range.numberFormat = cells.map((r) => r.map((c) => c.format));
    range.values = cells.map((r) => r.map((c) => c.value));
    const table = ws.tables.add(address, true);
    table.name = spec.name;
    range.format.autofitColumns();
    usedTables.add(fold(spec.name));
    const validated = validate ? queueTableValidation(table, spec.kind, spec.headers, lang) : 0;
    result.created.push({ table: spec.name, sheet: sheetName, ...(validated ? { validated } : {}) });
  }
  first?.activate();
  await context.sync();
  return result;
}
