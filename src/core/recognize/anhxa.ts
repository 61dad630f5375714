import { columnLetters } from '../records/snapshot';
import { TABLE_BY_KIND } from '../records/schema';
import { Lang } from '../problems';
import { Proposal } from './propose';

/**
 * The `AnhXa` / `Mapping` contract table: how a block of a plain sheet is read, one row per mapped
 * column, so the staff can read and correct what recognition proposed and the command line and the
 * add-in read the same way.
 *
 * - `Trang tính`, `Vùng` (header rows and data rows, "A4:H30"), `Số dòng tiêu đề` (1–3) and `Bảng`
 *   (a contract data table: DuAn, LaoDong, … or the English name) repeat on each row of a block.
 * - A row with `Cột` (a column letter) maps that column to `Trường` (the contract column header, in
 *   Vietnamese or English, or its key); `Đơn vị` is the money unit written in the sheet ("triệu
 *   USD", "nghìn đồng"), converted exactly to the contract's; `Tháng` ("06/2023") marks a month
 *   laid out across (one row per month is read).
 * - A row without `Cột` gives `Trường` the same `Giá trị cố định` on every row (Nguồn vốn = FDI);
 *   the value `(dòng nhóm)` takes a zone from the group rows ("I. KCN Đình Vũ") and
 *   `(tên dự án)` a project id from the project name. A row with neither `Cột` nor `Trường` but a
 *   `Đơn vị` is the unit for every money column without its own (the title's "ĐVT: triệu USD").
 */
export const ANHXA_TABLE = { vi: 'AnhXa', en: 'Mapping' } as const;

export const ANHXA_COLUMNS = [
  { key: 'sheet', vi: 'Trang tính', en: 'Sheet' },
  { key: 'range', vi: 'Vùng', en: 'Range' },
  { key: 'headerRows', vi: 'Số dòng tiêu đề', en: 'Header rows' },
  { key: 'table', vi: 'Bảng', en: 'Table' },
  { key: 'column', vi: 'Cột', en: 'Column' },
  { key: 'header', vi: 'Tiêu đề cột', en: 'Column header' },
  { key: 'field', vi: 'Trường', en: 'Field' },
  { key: 'unit', vi: 'Đơn vị', en: 'Unit' },
  { key: 'month', vi: 'Tháng', en: 'Month' },
  { key: 'value', vi: 'Giá trị cố định', en: 'Fixed value' },
] as const;

export type AnhXaKey = (typeof ANHXA_COLUMNS)[number]['key'];

/** One row of the AnhXa table, as text (the header text is for the reader; it is not used to read). */
export type AnhXaRow = Record<Exclude<AnhXaKey, 'headerRows'>, string> & { headerRows: number };

/** Special fixed values. */
export const FROM_GROUP_ROWS = { vi: '(dòng nhóm)', en: '(group rows)' } as const;
export const FROM_PROJECT_NAME = { vi: '(tên dự án)', en: '(project name)' } as const;
/** A task list without a code column: the task's content is its id. */
export const FROM_TASK_TITLE = { vi: '(nội dung nhiệm vụ)', en: '(task text)' } as const;

const EVENT_TEXT = { new: 'Cấp mới', adjust: 'Điều chỉnh', terminate: 'Chấm dứt' } as Record<string, string>;

/** A fixed value as the contract writes it: "Cấp mới", "06/2023". */
function fixedText(key: string, value: string, lang: Lang): string {
  if (key === 'event') return lang === 'vi' ? (EVENT_TEXT[value] ?? value) : value;
  if (key === 'month' && /^\d{4}-\d{2}$/.test(value)) return monthText(value);
  return value;
}

/** "2023-06" → "06/2023", the contract's month style. */
const monthText = (ym: string) => `${ym.slice(5, 7)}/${ym.slice(0, 4)}`;

/** The contract column header of a field, in the language of the workbook. */
export function fieldHeader(kind: keyof typeof TABLE_BY_KIND, key: string, lang: Lang): string {
  const c = TABLE_BY_KIND[kind].columns.find((x) => x.key === key);
  if (!c) return key;
  return lang === 'vi' ? c.vi[0] : c.key;
}

/** The AnhXa rows that say how a proposal reads its block; none for a block without a kind. */
export function proposalToAnhXaRows(p: Proposal, lang: Lang = 'vi'): AnhXaRow[] {
  if (!p.kind) return [];
  const kind = p.kind;
  const def = TABLE_BY_KIND[kind];
  const base = {
    sheet: p.sheet,
    range: p.range,
    headerRows: p.block.headerBottom - p.block.headerTop + 1 - (p.block.numberingRow ? 1 : 0),
    table: lang === 'vi' ? def.vi : def.en,
  };
  const empty = { column: '', header: '', field: '', unit: '', month: '', value: '' };
  const rows: AnhXaRow[] = [];
  for (const c of p.columns) {
    if (!c.field) continue;
    rows.push({
      ...base,
      ...empty,
      column: columnLetters(c.col),
      header: c.header,
      field: fieldHeader(kind, c.field, lang),
      unit: c.unit?.text ?? '',
      month: c.month ? monthText(c.month) : '',
      // a capital or date column holding one event of a row ("Vốn điều chỉnh"): the event as its value
      value: c.event ? fixedText('event', c.event, lang) : '',
    });
  }
  for (const [key, value] of Object.entries(p.fixed)) {
    if (key === 'year') continue;
    rows.push({ ...base, ...empty, field: fieldHeader(kind, key, lang), value: fixedText(key, String(value), lang) });
  }
  if (p.zoneFromGroups) rows.push({ ...base, ...empty, field: fieldHeader(kind, 'zone', lang), value: FROM_GROUP_ROWS[lang] });
  if (p.idFromName && kind === 'tasks') rows.push({ ...base, ...empty, field: fieldHeader(kind, 'taskId', lang), value: FROM_TASK_TITLE[lang] });
  else if (p.idFromName) rows.push({ ...base, ...empty, field: fieldHeader(kind, 'projectId', lang), value: FROM_PROJECT_NAME[lang] });
  if (p.titleUnit) rows.push({ ...base, ...empty, unit: p.titleUnit.text });
  return rows;
}

/** The AnhXa table as a header row and value rows, in the workbook's language, with each column's width in characters (fit to its text, 8–60). */
export function anhXaTable(rows: AnhXaRow[], lang: Lang = 'vi'): { name: string; headers: string[]; values: (string | number)[][]; widths: number[] } {
  const headers = ANHXA_COLUMNS.map((c) => c[lang]);
  const values = rows.map((r) => ANHXA_COLUMNS.map((c) => r[c.key]));
  const widths = headers.map((h, i) => Math.min(60, Math.max(8, ...[h, ...values.map((v) => String(v[i] ?? ''))].map((t) => t.length + 2))));
  return { name: ANHXA_TABLE[lang], headers, values, widths };
}
