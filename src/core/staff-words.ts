import { CATALOG_BY_KEY } from './figures/catalog';
import type { Lang } from './problems';
import { TABLE_BY_KIND, TableKind } from './records/schema';
import { DEFAULT_HEADINGS, GENERATED_SLOTS } from './report/templates';

/*
 * The names the staff know for what the program calls by keys: a column by its contract header,
 * a figure by its catalog label, a paragraph by its section heading. Used in the parameters of
 * problems, so that Kiểm tra never shows a field key, a metric key or a template key.
 */

const EN_FIELD: Record<string, string> = {
  projectId: 'Project ID',
  name: 'Project name',
  title: 'Task',
  export: 'Exports',
  import: 'Imports',
  prior: 'Same period last year',
  taskId: 'Task ID',
  avgIncome: 'Average income',
  taxPaid: 'Taxes paid',
  source: 'Capital source',
  estimated: 'Estimate',
  assigned: 'Date assigned',
  completed: 'Date completed',
  dossierId: 'Dossier ID',
  procedure: 'Procedure',
  kind: 'Dossier kind',
  channel: 'Submission channel',
  received: 'Date received',
  due: 'Due date',
  returned: 'Date returned',
  fee: 'Fee',
  cashless: 'Paid without cash',
};

/** "projectId" → "Project ID"; "zone" → "Zone". */
const plainEnglish = (key: string) => EN_FIELD[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase()).replace(/\bId\b/, 'ID');

/** A column of a contract table by the header the staff know ("Loại", not "event"). */
export function fieldName(kind: TableKind | null | undefined, field: string, lang: Lang): string {
  // the table's own column first, then any table's (a month fixed by the title of a project list)
  const defs = kind ? [TABLE_BY_KIND[kind], ...Object.values(TABLE_BY_KIND)] : Object.values(TABLE_BY_KIND);
  for (const d of defs) {
    const c = d?.columns.find((x) => x.key === field);
    if (c) return lang === 'vi' ? c.vi[0] : plainEnglish(field);
  }
  return lang === 'vi' ? field : plainEnglish(field);
}

const BUDGET_UNIT: Record<string, Record<Lang, string>> = {
  unit: { vi: 'tên đơn vị nộp ngân sách', en: 'the name of the unit' },
  amount: { vi: 'số nộp ngân sách của đơn vị', en: 'the collections of the unit' },
  plan: { vi: 'kế hoạch nộp ngân sách của đơn vị', en: 'the collection plan of the unit' },
  pct_plan: { vi: 'tỷ lệ nộp ngân sách của đơn vị so với kế hoạch', en: 'the collections of the unit against its plan' },
};
const PERIOD: Record<Lang, string> = { vi: 'kỳ báo cáo', en: 'the report period' };

/**
 * A figure by its label in the catalog ("Số dự án FDI cấp mới"); the placeholders of the budget
 * unit sentence by what they say; the period words by "kỳ báo cáo". A name the program does not
 * know is the staff's own (a metric of their ChiTieuTinh table) and is kept.
 */
export function figureName(name: string, lang: Lang): string {
  const info = CATALOG_BY_KEY.get(name);
  if (info) return info.label[lang];
  if (BUDGET_UNIT[name]) return BUDGET_UNIT[name][lang];
  if (/^(periodlabel|year|period)/i.test(name)) return PERIOD[lang];
  const base = /^(.+?)_(zero|origin|annex)$/.exec(name);
  if (base && CATALOG_BY_KEY.has(base[1])) return CATALOG_BY_KEY.get(base[1])!.label[lang];
  const annex = /^(fdi|ddi)_annex$/.exec(name);
  if (annex) return lang === 'vi' ? `phụ lục dự án ${annex[1].toUpperCase()}` : `the ${annex[1].toUpperCase()} annex`;
  return name;
}

const NOTE: Record<Lang, { prior: string; plan: string }> = {
  vi: { prior: 'chú thích số cùng kỳ', plan: 'chú thích kế hoạch' },
  en: { prior: 'note on last year', plan: 'note on the plan' },
};

/** A paragraph BaoCao writes, by the heading of its section ("Nộp ngân sách nhà nước"). */
export function paragraphName(key: string, lang: Lang): string {
  const note = /^(.+)_(prior|plan)_note$/.exec(key);
  const base = note ? note[1] : key === 'budget_unit' ? 'budget' : key;
  const slot = GENERATED_SLOTS.find((s) => s.keys.includes(base) || s.group === base || (base.startsWith('tasks') && s.keys.includes('tasks')));
  const heading = slot ? DEFAULT_HEADINGS[lang][slot.section] : null;
  if (!heading) return lang === 'vi' ? 'một đoạn của báo cáo' : 'a paragraph of the report';
  if (note) return `${heading} — ${NOTE[lang][note[2] as 'prior' | 'plan']}`;
  if (key === 'budget_unit') return lang === 'vi' ? `${heading} — theo đơn vị` : `${heading} — by unit`;
  return heading;
}

/** 'YYYY-MM' → "tháng 06/2023" / "06/2023". */
export function monthName(month: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  return lang === 'vi' ? `tháng ${m[2]}/${m[1]}` : `${m[2]}/${m[1]}`;
}

const EVENT_NAME: Record<string, Record<Lang, string>> = {
  new: { vi: 'Cấp mới', en: 'new licence' },
  adjust: { vi: 'Điều chỉnh', en: 'adjustment' },
  terminate: { vi: 'Chấm dứt', en: 'termination' },
};

const UNUSED: Record<string, Record<Lang, string>> = {
  hidden: { vi: 'cột ẩn', en: 'hidden' },
  unknown: { vi: 'không nhận ra', en: 'not recognised' },
  duplicate: { vi: 'trùng', en: 'repeated' },
  acrossTotal: { vi: 'cột cộng', en: 'a total column' },
  noYear: { vi: 'tháng chưa rõ năm', en: 'month without a year' },
  part: { vi: 'chi tiết "trong đó"', en: 'an "of which" detail' },
};

/** How one block of a staff sheet is read (a recognition proposal, or a block of the AnhXa table). */
export interface BlockReading {
  kind: TableKind | null;
  columns: { header: string; field: string | null; month?: string; unit?: { text: string }; unused?: string }[];
  fixed: Record<string, unknown>;
  titleUnit?: { text: string };
  zoneFromGroups: boolean;
  idFromName: boolean;
}

/**
 * Which column of the staff's sheet was read as which column of the contract, in their words:
 * `cột "Vốn đầu tư (nghìn USD)" → Vốn đầu tư (đơn vị: nghìn USD); Nguồn vốn: FDI (theo tên trang, tiêu đề)`.
 */
export function readingText(p: BlockReading, lang: Lang): string {
  const vi = lang === 'vi';
  const parts: string[] = [];
  for (const c of p.columns) {
    if (!c.field) continue;
    let target = fieldName(p.kind, c.field, lang);
    if (c.month) target += ` ${monthName(c.month, lang)}`;
    if (c.unit) target += vi ? ` (đơn vị: ${c.unit.text})` : ` (unit: ${c.unit.text})`;
    parts.push(`${vi ? 'cột' : 'column'} "${c.header}" → ${target}`);
  }
  for (const [field, value] of Object.entries(p.fixed)) {
    if (field === 'year' || value === undefined || value === null) continue;
    const text = field === 'event' ? EVENT_NAME[String(value)]?.[lang] ?? String(value) : field === 'month' ? monthName(String(value), lang) : String(value);
    parts.push(vi ? `${fieldName(p.kind, field, lang)}: ${text} (theo tên trang, tiêu đề)` : `${fieldName(p.kind, field, lang)}: ${text} (from the sheet name or title)`);
  }
  if (p.titleUnit) parts.push(vi ? `đơn vị tính chung: ${p.titleUnit.text}` : `unit for the table: ${p.titleUnit.text}`);
  if (p.zoneFromGroups) parts.push(vi ? `${fieldName(p.kind, 'zone', lang)}: theo dòng nhóm` : `${fieldName(p.kind, 'zone', lang)}: from the group rows`);
  if (p.idFromName) {
    const id = p.kind === 'tasks' ? 'taskId' : 'projectId';
    const from = p.kind === 'tasks' ? 'title' : 'name';
    parts.push(vi ? `không có cột ${fieldName(p.kind, id, lang)}: dùng ${fieldName(p.kind, from, lang).toLowerCase()} làm mã` : `no ${fieldName(p.kind, id, lang)} column: the ${fieldName(p.kind, from, lang).toLowerCase()} is used instead`);
  }
  const skipped = p.columns.filter((c) => !c.field && c.unused && UNUSED[c.unused]);
  if (skipped.length) {
    const list = skipped.map((c) => `"${c.header || (vi ? '(trống)' : '(empty)')}" (${UNUSED[c.unused!][lang]})`).join(', ');
    parts.push(vi ? `cột không dùng: ${list}` : `columns not used: ${list}`);
  }
  return parts.join('; ');
}
