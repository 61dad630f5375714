/**
 * The vocabulary an audit links written numbers with: for each metric, the phrases around it in
 * the built-in sentences (src/core/report/templates.ts, both languages, plus the workbook's own Templates
 * rows), its unit as those sentences write it, and its label on the figures sheet.
 */
import { CATALOG, MetricInfo } from '../figures/catalog';
import { tokenize } from '../report/narrative';
import { DEFAULT_TEMPLATES } from '../report/templates';
import { foldWords } from './fold';
import { UnitId, unitAfter } from './numbers';

export interface Phrasing {
  /** A catalog key, or `amount`/`plan`/`pct_plan` of the budget-unit sentence. */
  metric: string;
  lead: string[];
  nearLead: string[];
  tail: string[];
  nearTail: string[];
  /** The unit the sentence writes after the number. */
  unit: UnitId;
  filters: string[];
  from: 'template' | 'label';
}

export type Topic = 'fdi' | 'ddi' | 'budget' | 'tax_paid' | 'labour' | 'revenue' | 'export' | 'import' | 'tasks' | 'dossiers';

/** Words that say what a sentence is about (folded). A number links only to metrics of its topic. */
export const TOPIC_CUES: Record<Topic, string[]> = {
  fdi: ['fdi', 'nuoc ngoai', 'foreign'],
  ddi: ['ddi', 'trong nuoc', 'domestic'],
  budget: ['nop ngan sach', 'ngan sach', 'budget collections', 'budget'],
  tax_paid: ['nop ngan sach', 'ngan sach', 'taxes paid', 'tax'],
  labour: ['lao dong', 'thu nhap', 'workers', 'income', 'labour'],
  revenue: ['doanh thu', 'revenue'],
  export: ['xuat khau', 'exports', 'export'],
  import: ['nhap khau', 'imports', 'import'],
  tasks: ['nhiem vu', 'tasks', 'task'],
  dossiers: ['ho so', 'tthc', 'thu tuc hanh chinh', 'dich vu cong', 'phi le phi', 'khong dung tien mat', 'dossiers', 'dossier', 'administrative procedures', 'administrative procedure', 'online public services', 'paid without cash'],
};

export function topicOf(key: string): Topic | null {
  if (key.startsWith('fdi_')) return 'fdi';
  if (key.startsWith('ddi_')) return 'ddi';
  if (key.startsWith('budget') || key === 'amount' || key === 'plan' || key === 'pct_plan') return 'budget';
  if (key.startsWith('tax_paid')) return 'tax_paid';
  if (key.startsWith('labour_')) return 'labour';
  if (key.startsWith('revenue')) return 'revenue';
  if (key.startsWith('export')) return 'export';
  if (key.startsWith('import')) return 'import';
  if (key.startsWith('tasks_')) return 'tasks';
  if (key.startsWith('dossiers_')) return 'dossiers';
  return null;
}

const CATALOG_UNIT: Record<string, UnitId> = {
  'triệu USD': 'musd',
  'tỷ USD': 'busd',
  'tỷ đồng': 'bvnd',
  'triệu đồng': 'mvnd',
  '%': 'pct',
  'dự án': 'project',
  người: 'person',
  'nhiệm vụ': 'task',
  'hồ sơ': 'dossier',
  'triệu đồng/người/tháng': 'income',
};

export function nativeUnit(info: MetricInfo): UnitId {
  return CATALOG_UNIT[info.unit.vi] ?? 'none';
}

const BUDGET_UNIT_FIELDS = new Set(['amount', 'plan', 'pct_plan']);
const NUMERIC = new Set(CATALOG.filter((c) => c.kind === 'count' || c.kind === 'amount' || c.kind === 'pct').map((c) => c.key));
const DELIM = /[,;:()[\]]/;

type Flat = { t: 'text'; text: string } | { t: 'value'; name: string; filters: string[] };

function flatten(src: string, lang: 'vi' | 'en', estimated = true): Flat[] {
  const out: Flat[] = [];
  const walk = (tokens: ReturnType<typeof tokenize>) => {
    for (const tok of tokens) {
      if (tok.t === 'text') out.push({ t: 'text', text: tok.text });
      else if (tok.t === 'optional') walk(tok.parts);
      else if (tok.t === 'value') {
        const numeric = (NUMERIC.has(tok.name) || BUDGET_UNIT_FIELDS.has(tok.name)) && !tok.filters.includes('incdec');
        if (numeric) out.push({ t: 'value', name: tok.name, filters: tok.filters });
        else if (tok.filters.includes('estimated')) out.push({ t: 'text', text: lang === 'vi' ? (estimated ? 'Ước đạt' : 'Đạt') : estimated ? 'an estimated' : '' });
        else if (tok.filters.includes('incdec')) out.push({ t: 'text', text: lang === 'vi' ? 'tăng' : 'an increase' });
      }
    }
  };
  walk(tokenize(src));
  return out;
}

/** The phrasings of one template sentence. */
export function phrasingsOf(src: string, lang: 'vi' | 'en'): Phrasing[] {
  const out: Phrasing[] = [];
  // a sentence with "{…|estimated}" reads both ways: "Ước đạt" (an estimate) and "Đạt"
  const variants = (line: string) => (/\|\s*estimated\b/.test(line) ? [true, false] : [true]);
  for (const line of src.split(/\r?\n/)) for (const estimated of variants(line)) {
    const flat = flatten(line, lang, estimated);
    const values = flat.map((f, i) => (f.t === 'value' ? i : -1)).filter((i) => i >= 0);
    values.forEach((vi, n) => {
      const v = flat[vi] as Extract<Flat, { t: 'value' }>;
      const textBetween = (a: number, b: number) => flat.slice(a, b).map((f) => (f.t === 'text' ? f.text : ' ')).join('');
      const lead = textBetween(n ? values[n - 1] + 1 : 0, vi);
      let tail = textBetween(vi + 1, n + 1 < values.length ? values[n + 1] : flat.length);
      // the tail is compared without the unit (a total may be written in another unit)
      let unit: UnitId;
      if (v.filters.includes('compare')) {
        unit = 'pct';
        tail = (lang === 'vi' ? ' cùng kỳ năm trước' : ' of the same period last year') + tail;
      } else if (v.filters.includes('change')) unit = 'pct';
      else if (tail === '/' && n + 1 < values.length) {
        unit = 'pair';
        tail = '';
      } else {
        const u = unitAfter(tail, 0);
        unit = u.unit;
        tail = tail.slice(u.end - 0);
      }
      const cut = (s: string, fromEnd: boolean) => {
        const parts = s.split(DELIM);
        return fromEnd ? parts[parts.length - 1] : parts[0];
      };
      out.push({
        metric: v.name,
        lead: foldWords(lead),
        nearLead: foldWords(cut(lead, true)),
        tail: foldWords(tail),
        nearTail: foldWords(cut(tail, false)),
        unit,
        filters: v.filters,
        from: 'template',
      });
    });
  }
  return out;
}

/**
 * The open tasks by state, which the report writes through a list (`tasks_open_detail` in report.ts),
 * as that list reads and as the seed report wrote it.
 */
const LIST_PHRASINGS = {
  vi: [
    '(trong đó {tasks_overdue|count2} nhiệm vụ quá hạn, {tasks_on_time|count2} nhiệm vụ trong hạn và {tasks_no_deadline|count2} nhiệm vụ không hạn)',
    '(trong đó: {tasks_overdue|count2} nhiệm vụ quá hạn; {tasks_on_time|count2} nhiệm vụ trong hạn; {tasks_no_deadline|count2} nhiệm vụ không hạn)',
  ],
  en: ['({tasks_overdue} overdue, {tasks_on_time} within the deadline and {tasks_no_deadline} without a deadline)'],
};

/** Every phrasing: the built-in sentences in both languages, the workbook's own, and the labels. */
export function buildVocabulary(custom: { key: string; template: string }[] = []): Phrasing[] {
  const out: Phrasing[] = [];
  for (const lang of ['vi', 'en'] as const) {
    for (const src of Object.values(DEFAULT_TEMPLATES[lang])) out.push(...phrasingsOf(src, lang));
    for (const src of LIST_PHRASINGS[lang]) out.push(...phrasingsOf(src, lang));
    for (const info of CATALOG) {
      if (!NUMERIC.has(info.key)) continue;
      out.push({ metric: info.key, lead: foldWords(info.label[lang]), nearLead: [], tail: [], nearTail: [], unit: nativeUnit(info), filters: [], from: 'label' });
    }
  }
  for (const t of custom) out.push(...phrasingsOf(t.template, /[ăâđêôơưạảãàáậầấẩẫặằắẳẵẹẻẽèéệềếểễịỉĩìíọỏõòóộồốổỗợờớởỡụủũùúựừứửữỵỷỹỳý]/i.test(t.template) ? 'vi' : 'en'));
  return out;
}
