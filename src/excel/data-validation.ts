import { settingsLanguage } from '../core/engine';
import { matchColumn, matchTableKind } from '../core/records/mapping';
import { Lang } from '../core/problems';
import { TABLE_BY_KIND, TableKind } from '../core/records/schema';
import { ColumnValidation, ValidationRule, listSource, tableValidation } from '../core/records/validation';
import { supportsExcelApi } from './requirements';
import { TableInfo, listTables } from './table-list';

/** What "Thêm kiểm tra nhập liệu" (or "Tạo bảng mẫu") applied. */
export interface ValidationResult {
  /** false on a host without ExcelApi 1.8: nothing was applied. */
  supported: boolean;
  lang: Lang;
  /** Each contract table given validation, with the number of its columns that got a rule. */
  tables: { table: string; kind: TableKind; columns: number }[];
  /** Contract tables left as they are: no data row to hold a rule. */
  empty: string[];
}

const STYLE = { stop: 'Stop', warning: 'Warning' } as const;

/** The core rule as Office.js takes it. */
export function officeRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.type) {
    case 'list':
      return { list: { inCellDropDown: true, source: listSource(rule.items) } };
    case 'decimal':
      return { decimal: { formula1: rule.min, formula2: rule.max, operator: 'Between' } };
    case 'whole':
      return { wholeNumber: { formula1: rule.min, formula2: rule.max, operator: 'Between' } };
    case 'date':
      return { date: { formula1: rule.min, formula2: rule.max, operator: 'Between' } };
  }
}

function queueColumn(range: Excel.Range, v: ColumnValidation): void {
  const dv = range.dataValidation;
  dv.clear();
  dv.ignoreBlanks = true;
  dv.rule = officeRule(v.rule);
  dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
  dv.errorAlert = { showAlert: true, style: STYLE[v.style], title: v.error.title, message: v.error.message };
}

/**
 * Queues the validation of one contract table's columns (found by any accepted header, in any
 * order) on their data body ranges; nothing is sent until the caller's next sync. Returns how many
 * columns get a rule. Cell values are never written.
 */
export function queueTableValidation(table: Excel.Table, kind: TableKind, headers: string[], lang: Lang): number {
  const plan = tableValidation(kind, lang);
  const def = TABLE_BY_KIND[kind];
  if (!plan) return 0;
  let n = 0;
  const seen = new Set<string>();
  headers.forEach((h) => {
    const key = matchColumn(def, h)?.key;
    const v = plan.columns.find((c) => c.key === key);
    if (!v || seen.has(v.key)) return;
    seen.add(v.key);
    queueColumn(table.columns.getItem(h).getDataBodyRange(), v);
    n++;
  });
  return n;
}

/**
 * "Thêm kiểm tra nhập liệu": gives every contract table of the workbook its columns' data
 * validation (core's validationPlan) in the workbook's language (the Settings `NgonNgu`, unless
 * `lang` is given). Three syncs at most: the table list, the Settings values (only when the
 * language is not given and there is a Settings table), the whole write. Tables of no contract
 * kind, and columns of no rule, are left alone; so is every cell value.
 */
export async function addDataValidation(context: Excel.RequestContext, options: { lang?: Lang } = {}): Promise<ValidationResult> {
  if (!supportsExcelApi('1.8')) return { supported: false, lang: options.lang ?? 'vi', tables: [], empty: [] };
  const list = await listTables(context);
  const contract = list.map((info) => ({ info, kind: matchTableKind(info.name)?.kind })).filter((t): t is { info: TableInfo; kind: TableKind } => !!t.kind);
  const lang = options.lang ?? (await workbookLanguage(context, contract));
  const result: ValidationResult = { supported: true, lang, tables: [], empty: [] };
  for (const { info, kind } of contract) {
    if (info.rowCount < 1) {
      if (tableValidation(kind, lang)) result.empty.push(info.name);
      continue;
    }
    const columns = queueTableValidation(info.table, kind, info.headers, lang);
    if (columns) result.tables.push({ table: info.name, kind, columns });
  }
  if (result.tables.length) await context.sync();
  return result;
}

/** The Settings table's NgonNgu (one sync, only the Settings tables' values), 'vi' by default. */
export async function workbookLanguage(context: Excel.RequestContext, contract: { info: TableInfo; kind: TableKind }[]): Promise<Lang> {
  const settings = contract.filter((t) => t.kind === 'settings' && t.info.rowCount > 0);
  if (!settings.length) return 'vi';
  const ranges = settings.map((t) => t.info.table.getDataBodyRange().load('values'));
  await context.sync();
  return (
    settingsLanguage(
      settings.map((t, i) => ({
        name: t.info.name,
        sheet: t.info.sheet,
        headerRow: 1,
        firstColumn: 1,
        headers: t.info.headers,
        rows: ranges[i].values.map((r) => r.map((v) => (v === '' ? null : (v as string | number | boolean)))),
      })),
    ) ?? 'vi'
  );
}
