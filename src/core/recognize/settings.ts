import { CellValue, TableSnapshot, columnLetters } from '../records/snapshot';
import { SETTINGS, SettingKey, TABLE_BY_KIND } from '../records/schema';
import { isBlank } from '../records/parse';
import { foldKey } from '../records/text';
import { matchColumn } from '../records/mapping';
import { Lang } from '../problems';
import { GridView } from './grid';
import { fold } from './words';

/**
 * The labels staff write for the report's settings (folded), besides the contract keys themselves
 * (`TuNgay`, `periodStart`): "Từ ngày: 01/01/2024", "Đến ngày | 30/06/2024", "From:", "To:".
 */
const LABELS: Record<SettingKey, string[]> = {
  periodStart: ['tu ngay', 'ngay bat dau', 'bat dau', 'ky bao cao tu ngay', 'tu', 'from', 'from date', 'period start', 'start date', 'start'],
  periodEnd: ['den ngay', 'ngay ket thuc', 'ket thuc', 'ky bao cao den ngay', 'den', 'to', 'to date', 'period end', 'end date', 'end'],
  asOf: ['ngay so lieu', 'so lieu den ngay', 'so lieu tinh den ngay', 'so lieu tinh den', 'data as of', 'as of'],
  agency: ['co quan', 'co quan bao cao', 'don vi bao cao', 'agency', 'reporting agency'],
  parentAgency: ['co quan chu quan', 'co quan cap tren', 'parent agency'],
  docNumber: ['so hieu', 'so ky hieu', 'so van ban', 'so hieu van ban', 'document number', 'document no'],
  place: ['dia danh', 'noi ban hanh', 'place'],
  reportDate: ['ngay bao cao', 'ngay ban hanh', 'report date', 'date of report'],
  title: ['trich yeu', 'ten bao cao', 'subject', 'report title'],
  vndPerUsd: ['ty gia', 'ty gia usd', 'ty gia vnd usd', 'ty gia usd vnd', 'exchange rate', 'vnd per usd'],
  signerFor: ['ky thay', 'signing for', 'signer for'],
  signerTitle: ['chuc vu ky', 'chuc vu nguoi ky', 'signer title'],
  signerName: ['nguoi ky', 'ho ten nguoi ky', 'signer', 'signer name', 'signed by'],
  recipients: ['noi nhan', 'recipients'],
  language: ['ngon ngu', 'language'],
};

/** What each setting is, in the staff's words, for the line that says what was read. */
const MEANING: Record<SettingKey, { vi: string; en: string }> = {
  periodStart: { vi: 'ngày đầu kỳ báo cáo', en: 'first day of the period' },
  periodEnd: { vi: 'ngày cuối kỳ báo cáo', en: 'last day of the period' },
  asOf: { vi: 'ngày số liệu', en: 'data as of' },
  agency: { vi: 'cơ quan báo cáo', en: 'reporting agency' },
  parentAgency: { vi: 'cơ quan chủ quản', en: 'parent agency' },
  docNumber: { vi: 'số hiệu văn bản', en: 'document number' },
  place: { vi: 'địa danh', en: 'place' },
  reportDate: { vi: 'ngày báo cáo', en: 'report date' },
  title: { vi: 'trích yếu', en: 'subject line' },
  vndPerUsd: { vi: 'tỷ giá', en: 'exchange rate' },
  signerFor: { vi: 'ký thay', en: 'signing for' },
  signerTitle: { vi: 'chức vụ người ký', en: 'signer title' },
  signerName: { vi: 'người ký', en: 'signer' },
  recipients: { vi: 'nơi nhận', en: 'recipients' },
  language: { vi: 'ngôn ngữ', en: 'language' },
};

/** One setting found on a plain sheet: where its label and its value are. */
export interface SettingEntry {
  key: SettingKey;
  /** The label as the staff wrote it ("Từ ngày", "TuNgay"). */
  label: string;
  value: CellValue;
  row: number;
  labelCol: number;
  valueCol: number;
}

/** The settings of one sheet: a "Khóa | Giá trị" list, label rows, or both. */
export interface SheetSettings {
  sheet: string;
  entries: SettingEntry[];
  /** Worksheet rows the settings take (header and title rows of a list included): not data. */
  rows: Set<number>;
  range: string;
}

function settingOfKey(text: string): SettingKey | null {
  const k = foldKey(text);
  return SETTINGS.find((s) => foldKey(s.key) === k || foldKey(s.vi) === k)?.key ?? null;
}

function settingOfLabel(text: string): SettingKey | null {
  const f = fold(text);
  if (!f) return null;
  for (const [key, labels] of Object.entries(LABELS) as [SettingKey, string[]][]) if (labels.includes(f)) return key;
  return settingOfKey(text);
}

/** A code in capitals ("DEN" for Denver, "TO", "TU"): a list's value, never a setting's label, which staff write as words ("Đến:", "Đến ngày"). */
const isCode = (label: string) => /^[A-Z]{2,3}$/.test(label.trim());

const DATE_KEYS = new Set<SettingKey>(SETTINGS.filter((s) => s.type === 'date').map((s) => s.key));

/** A value that reads as a date: a date cell, a date serial of 1970–2200, or text like 30/06/2024 or 2024-06-30. */
function dateLike(v: CellValue): boolean {
  if (v instanceof Date) return true;
  if (typeof v === 'number') return v >= 25_569 && v <= 146_463;
  return typeof v === 'string' && /^\s*(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{1,2}-\d{1,2})\s*$/.test(v);
}

/**
 * Three texts over a row filled in the same three columns that is no setting ("Title | Country |
 * Position" over "Title1 | USA | QA"): a list's header, not a label, its value and a note.
 */
function listHeader(g: GridView, r: number, cells: [number, CellValue][]): boolean {
  if (cells.length !== 3 || !cells.every(([, v]) => typeof v === 'string') || r + 1 > g.bottom) return false;
  const next = cells.map(([c]) => g.at(r + 1, c));
  return next.every((v) => !isBlank(v)) && !(typeof next[0] === 'string' && settingOfLabel(next[0].split(':')[0]));
}

const text = (v: CellValue) => (typeof v === 'string' ? v.trim() : '');

/** A "Khóa | Giá trị" (Key | Value) header row: the contract's two headers, nothing else. */
function keyValueHeader(g: GridView, r: number): { keyCol: number; valCol: number } | null {
  const cells = g.rowCells(r);
  if (cells.length !== 2) return null;
  const def = TABLE_BY_KIND.settings;
  const k = cells.find(([, v]) => typeof v === 'string' && matchColumn(def, v)?.key === 'key');
  const v = cells.find(([, x]) => typeof x === 'string' && matchColumn(def, x)?.key === 'value');
  return k && v ? { keyCol: k[0], valCol: v[0] } : null;
}

/**
 * Finds the report's settings on a plain sheet: a list under the contract's headers "Khóa | Giá
 * trị" (its keys the contract's, `TuNgay`, or their labels), and label rows of at most three cells
 * whose first text is a setting's label, the value after a colon in the same cell or in the next
 * cell to the right ("Từ ngày: 01/01/2024", "Đến ngày: | 30/06/2024"). A label row is the whole
 * cell read as a label, not a code in capitals ("DEN"), and a date's label needs a date beside it.
 */
export function findSettings(g: GridView): SheetSettings | null {
  const entries: SettingEntry[] = [];
  const rows = new Set<number>();
  for (let r = g.top; r <= g.bottom; r++) {
    const kv = keyValueHeader(g, r);
    if (kv) {
      let n = r + 1;
      const found: SettingEntry[] = [];
      for (; n <= g.bottom; n++) {
        const key = g.at(n, kv.keyCol);
        if (g.blankRow(n)) break;
        const k = typeof key === 'string' ? settingOfLabel(key) : null;
        if (!k) break;
        found.push({ key: k, label: text(key), value: g.at(n, kv.valCol), row: n, labelCol: kv.keyCol, valueCol: kv.valCol });
      }
      if (found.length) {
        entries.push(...found);
        for (let x = r; x < n; x++) rows.add(x);
        r = n - 1;
        continue;
      }
    }
    const cells = g.rowCells(r);
    if (!cells.length || cells.length > 3) continue;
    const [c0, v0] = cells[0];
    if (typeof v0 !== 'string') continue;
    const colon = v0.indexOf(':');
    const label = colon >= 0 ? v0.slice(0, colon) : v0;
    const key = colon < 0 && isCode(label) ? null : settingOfLabel(label);
    if (!key) continue;
    const after = colon >= 0 ? v0.slice(colon + 1).trim() : '';
    let value: CellValue = null;
    let valueCol = c0;
    if (after) value = after;
    else if (cells.length > 1) [valueCol, value] = cells[1];
    // a label of the period or of a date is one only with a date beside it ("To | Hanoi" is not)
    if (isBlank(value) || (DATE_KEYS.has(key) && !dateLike(value))) continue;
    if (colon < 0 && listHeader(g, r, cells)) continue;
    entries.push({ key, label: label.trim(), value, row: r, labelCol: c0, valueCol });
    rows.add(r);
  }
  if (!entries.length) return null;
  const top = Math.min(...rows);
  const bottom = Math.max(...rows);
  const left = Math.min(...entries.map((e) => e.labelCol));
  const right = Math.max(...entries.map((e) => e.valueCol));
  return { sheet: g.name, entries, rows, range: `${columnLetters(left)}${top}:${columnLetters(right)}${bottom}` };
}

/** The settings of a sheet as a ThongTin snapshot, each key and value named by its own cell. */
export function settingsSnapshot(s: SheetSettings): TableSnapshot {
  const def = TABLE_BY_KIND.settings;
  const first = s.entries[0];
  return {
    name: def.vi,
    kind: def.vi,
    sheet: s.sheet,
    headerRow: first.row - 1,
    firstColumn: first.labelCol,
    headers: def.columns.map((c) => c.vi[0]),
    rows: s.entries.map((e) => [SETTINGS.find((x) => x.key === e.key)!.vi, e.value]),
    rowNumbers: s.entries.map((e) => e.row),
    columnNumbers: [first.labelCol, first.valueCol],
    rowColumnNumbers: s.entries.map((e) => [e.labelCol, e.valueCol]),
    range: s.range,
  };
}

const shown = (v: CellValue): string => {
  if (v instanceof Date) return `${String(v.getUTCDate()).padStart(2, '0')}/${String(v.getUTCMonth() + 1).padStart(2, '0')}/${v.getUTCFullYear()}`;
  return String(v ?? '').trim();
};

/** What was read as what, in the staff's words: `"Từ ngày" 01/01/2024 → ngày đầu kỳ báo cáo`. */
export function settingsRead(s: SheetSettings, lang: Lang): string {
  return s.entries.map((e) => `"${e.label}" ${shown(e.value)} → ${MEANING[e.key][lang]}`).join('; ');
}

/** The language a sheet's settings ask for ("Ngôn ngữ: en"), read before anything else. */
export function settingsLanguageOf(s: SheetSettings): Lang | null {
  const v = text(s.entries.find((e) => e.key === 'language')?.value ?? null).toLowerCase();
  return v === 'vi' || v === 'en' ? v : null;
}
