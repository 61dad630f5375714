/**
 * Data validation for the contract tables (issue 9 item 6): what Excel should refuse or question
 * when staff type into a contract column, derived from the schema the reader uses, so that the
 * rules and the reader agree. Pure: the Office.js adapter (src/excel/data-validation.ts) and the
 * exceljs writer (src/node/write-tables.ts) both apply this plan.
 *
 * Error style — the rule of thumb a careful office expects, and why:
 * - **stop** where every value the rule refuses is one the reader refuses too (the row or the cell
 *   would be left out of the figures anyway), and where retyping is natural: money and other
 *   numbers (bounds and sign from the schema), headcounts and years (whole numbers), Nguồn vốn
 *   (FDI/DDI only; Excel compares list items without regard to case).
 * - **warning** ("Tiếp tục?") where the contract accepts more than the rule can express, so that
 *   validation never blocks a value BaoCao reads correctly: dates and months (BaoCao reads text
 *   dd/mm/yyyy and mm/yyyy, which Excel with English regional settings keeps as text; a year
 *   outside 1990–2100 is unusual rather than impossible), Loại ("new", "tăng vốn", "thu hồi" are
 *   read too), Ước tính ("x", TRUE), the Settings keys and the plan keys (`budget:<unit>`).
 * Pasted values bypass Excel's validation; the task pane's live check reports them.
 */
import { Lang } from '../problems';
import { PLAN_KEYS, ProjectSchema, SCHEMAS, SETTINGS, TABLES, TableKind } from './schema';

/** Excel's limits: a title holds 32 characters, an input message 255, an error message 225, a list 255. */
export const LIMITS = { title: 32, prompt: 255, error: 225, list: 255 } as const;

/** The accepted dates: a licence, a task or a month of these reports before 1990 or after 2100 is a slip. */
export const DATE_RANGE = { min: '1990-01-01', max: '2100-12-31' } as const;

export type ValidationRule =
  | { type: 'list'; items: string[] }
  | { type: 'decimal'; min: number; max: number }
  | { type: 'whole'; min: number; max: number }
  | { type: 'date'; min: string; max: string };

export type AlertStyle = 'stop' | 'warning';

export interface ColumnValidation {
  /** The column's field key in the schema. */
  key: string;
  /** The header BaoCao writes (Vietnamese); existing tables are matched by any accepted header. */
  header: string;
  rule: ValidationRule;
  style: AlertStyle;
  prompt: { title: string; message: string };
  error: { title: string; message: string };
}

export interface TableValidation {
  kind: TableKind;
  columns: ColumnValidation[];
}

/** Loại as staff pick it; each item is one the reader accepts (test/core/validation.test.ts). */
export const EVENT_ITEMS: Record<Lang, string[]> = { vi: ['Cấp mới', 'Điều chỉnh', 'Chấm dứt'], en: ['new', 'adjust', 'terminate'] };
/** Ước tính: yes/no as the reader reads them. */
export const YESNO_ITEMS: Record<Lang, string[]> = { vi: ['Có', 'Không'], en: ['yes', 'no'] };

/** Units stated in the prompts, by table kind and field (the contract's units). */
const UNITS: Record<string, { vi: string; en: string }> = {
  'projects.capital': { vi: 'triệu USD với FDI, tỷ đồng với DDI; dòng Điều chỉnh ghi phần tăng, phần giảm ghi số âm', en: 'million USD for FDI, billion VND for DDI; an adjustment is the change, a decrease negative' },
  'labour.avgIncome': { vi: 'triệu đồng/người/tháng', en: 'million VND per person per month' },
  'revenue.revenue': { vi: 'tỷ đồng', en: 'billion VND' },
  'revenue.export': { vi: 'triệu USD', en: 'million USD' },
  'revenue.import': { vi: 'triệu USD', en: 'million USD' },
  'revenue.taxPaid': { vi: 'tỷ đồng', en: 'billion VND' },
  'budget.amount': { vi: 'triệu đồng', en: 'million VND' },
  'targets.plan': { vi: 'theo đơn vị của chỉ tiêu', en: 'in the unit of the plan key' },
  'targets.prior': { vi: 'theo đơn vị của chỉ tiêu', en: 'in the unit of the plan key' },
};

interface NumberBounds {
  min: number;
  max: number;
  int: boolean;
}

/** A number field's bounds as the reader's zod schema states them (nullable unwrapped). */
export function schemaBounds(kind: TableKind, key: string): NumberBounds | null {
  const schema = (SCHEMAS as Record<string, { shape: Record<string, unknown> }>)[kind];
  let field = schema?.shape[key] as { unwrap?: () => unknown; minValue?: number | null; maxValue?: number | null; isInt?: boolean } | undefined;
  while (field && typeof field.unwrap === 'function' && field.minValue === undefined) field = field.unwrap() as typeof field;
  if (!field || field.minValue === undefined) return null;
  const min = field.minValue ?? -Number.MAX_SAFE_INTEGER;
  const max = field.maxValue ?? Number.MAX_SAFE_INTEGER;
  return { min: Math.max(min, -1e15), max: Math.min(max, 1e15), int: !!field.isInt };
}

/** 10.000.000 (vi) or 10,000,000 (en); years and other numbers under 10,000 without a separator. */
function fmt(n: number, lang: Lang): string {
  const digits = String(Math.abs(n));
  const grouped = Math.abs(n) < 10_000 ? digits : digits.replace(/\B(?=(\d{3})+$)/g, lang === 'vi' ? '.' : ',');
  return (n < 0 ? '-' : '') + grouped;
}

/** The validation of every contract table: one entry per table kind, the columns that get a rule. */
export function validationPlan(lang: Lang): TableValidation[] {
  return TABLES.map((t) => ({ kind: t.kind, columns: t.columns.map((c) => columnValidation(t.kind, c.key, lang)).filter((v): v is ColumnValidation => v !== null) })).filter((t) => t.columns.length > 0);
}

export function tableValidation(kind: TableKind, lang: Lang): TableValidation | undefined {
  return validationPlan(lang).find((t) => t.kind === kind);
}

function columnValidation(kind: TableKind, key: string, lang: Lang): ColumnValidation | null {
  const def = TABLES.find((t) => t.kind === kind)!;
  const col = def.columns.find((c) => c.key === key)!;
  const header = col.vi[0];
  const vi = lang === 'vi';
  const make = (rule: ValidationRule, style: AlertStyle, prompt: string, errorTitle: string, error: string): ColumnValidation => ({
    key,
    header,
    rule,
    style,
    prompt: { title: clip(header, LIMITS.title), message: prompt },
    error: { title: errorTitle, message: error },
  });

  if (kind === 'settings' && key === 'key') {
    const items = SETTINGS.map((s) => (vi ? s.vi : s.key));
    return make(
      { type: 'list', items },
      'warning',
      vi ? 'Chọn khóa trong danh sách (TuNgay, DenNgay, CoQuan, …); giá trị ghi ở cột Giá trị.' : 'Pick a key from the list (periodStart, periodEnd, agency, …); its value goes in the Value column.',
      vi ? 'Khóa không có trong danh sách' : 'Unknown settings key',
      vi ? 'BaoCao không dùng khóa này (xem danh sách thả xuống). Bấm Có để giữ, Không để sửa lại.' : 'BaoCao does not use this key (see the drop-down list). Click Yes to keep it, No to change it.',
    );
  }
  if (kind === 'projects' && key === 'source') {
    const items = [...ProjectSchema.shape.source.options];
    return make(
      { type: 'list', items },
      'stop',
      vi ? 'Chọn FDI (vốn đầu tư nước ngoài) hoặc DDI (vốn đầu tư trong nước).' : 'Pick FDI (foreign investment) or DDI (domestic investment).',
      vi ? 'Nguồn vốn không hợp lệ' : 'Invalid capital source',
      vi ? 'Nguồn vốn chỉ nhận FDI hoặc DDI. Hãy chọn trong danh sách thả xuống.' : 'The capital source is FDI or DDI only. Pick one from the drop-down list.',
    );
  }
  if (kind === 'projects' && key === 'event') {
    const items = EVENT_ITEMS[lang];
    return make(
      { type: 'list', items },
      'warning',
      vi ? 'Chọn Cấp mới, Điều chỉnh hoặc Chấm dứt.' : 'Pick new, adjust or terminate.',
      vi ? 'Loại chưa đúng' : 'Unexpected event type',
      vi
        ? 'Loại nên là Cấp mới, Điều chỉnh hoặc Chấm dứt (chọn trong danh sách). Bấm Có để giữ giá trị này, Không để sửa lại.'
        : 'The event type should be new, adjust or terminate (see the list). Click Yes to keep this value, No to change it.',
    );
  }
  if (kind === 'dossiers' && (key === 'kind' || key === 'channel')) {
    const items = key === 'kind' ? (vi ? ['TTHC', 'Khác'] : ['TTHC', 'other']) : vi ? ['Trực tuyến', 'Trực tiếp', 'Bưu chính'] : ['online', 'desk', 'post'];
    const what = items.join(', ');
    return make(
      { type: 'list', items },
      'warning',
      vi ? `Chọn ${what}${key === 'kind' ? ' (để trống là TTHC)' : ''}.` : `Pick ${what}${key === 'kind' ? ' (empty is TTHC)' : ''}.`,
      vi ? `${header} chưa đúng` : `Unexpected ${key === 'kind' ? 'dossier kind' : 'channel'}`,
      vi ? `${header} nên là ${what} (chọn trong danh sách). Bấm Có để giữ giá trị này, Không để sửa lại.` : `The value should be ${what} (see the list). Click Yes to keep this value, No to change it.`,
    );
  }
  if (kind === 'targets' && key === 'metric') {
    return make(
      { type: 'list', items: [...PLAN_KEYS] },
      'warning',
      vi ? 'Chọn mã chỉ tiêu trong danh sách; kế hoạch của từng đơn vị ghi budget:<tên đơn vị>.' : 'Pick a plan key from the list; a unit’s budget plan is budget:<unit name>.',
      vi ? 'Mã chỉ tiêu lạ' : 'Unknown plan key',
      vi ? 'Mã chỉ tiêu không có trong danh sách. Với kế hoạch của một đơn vị ghi budget:<tên đơn vị>. Bấm Có để giữ, Không để sửa lại.' : 'This plan key is not in the list. A unit’s budget plan is budget:<unit name>. Click Yes to keep it, No to change it.',
    );
  }

  switch (col.type) {
    case 'yesno': {
      const items = YESNO_ITEMS[lang];
      return make(
        { type: 'list', items },
        'warning',
        vi ? 'Chọn Có nếu số liệu là ước tính, để trống nếu là số chính thức.' : 'Pick yes when the figures are estimates; leave empty when final.',
        vi ? 'Chọn Có hoặc Không' : 'Pick yes or no',
        vi ? 'Ô này nhận Có hoặc Không (x và TRUE cũng được hiểu là Có). Bấm Có để giữ, Không để sửa lại.' : 'This cell takes yes or no (x and TRUE also count as yes). Click Yes to keep it, No to change it.',
      );
    }
    case 'date':
    case 'month': {
      const month = col.type === 'month';
      const rule: ValidationRule = { type: 'date', min: DATE_RANGE.min, max: DATE_RANGE.max };
      const prompt = month
        ? vi
          ? 'Nhập tháng dạng mm/yyyy, ví dụ 06/2023 (hoặc một ngày bất kỳ trong tháng).'
          : 'Enter the month as mm/yyyy, e.g. 06/2023 (or any day of that month).'
        : vi
          ? `Nhập ngày dạng dd/mm/yyyy, ví dụ 15/02/2023 (hoặc 2023-02-15)${col.required ? '' : '; để trống nếu chưa có'}.`
          : `Enter the date as dd/mm/yyyy, e.g. 15/02/2023 (or 2023-02-15)${col.required ? '' : '; leave empty if there is none'}.`;
      const error = vi
        ? `Excel không nhận đây là ${month ? 'một tháng' : 'một ngày'} từ năm 1990 đến 2100. Hãy nhập dạng ${month ? 'mm/yyyy' : 'dd/mm/yyyy'} hoặc yyyy-mm-dd. Bấm Có để giữ, Không để sửa lại.`
        : `Excel does not read this as a ${month ? 'month' : 'date'} from 1990 to 2100. Type it as ${month ? 'mm/yyyy' : 'dd/mm/yyyy'} or yyyy-mm-dd. Click Yes to keep it, No to change it.`;
      return make(rule, 'warning', prompt, vi ? (month ? 'Tháng chưa đúng' : 'Ngày chưa đúng') : month ? 'Check the month' : 'Check the date', error);
    }
    case 'number':
    case 'integer': {
      const b = schemaBounds(kind, key);
      if (!b) return null;
      const whole = col.type === 'integer' || b.int;
      const unit = UNITS[`${kind}.${key}`]?.[lang];
      const nonNeg = b.min >= 0;
      const upper = b.max < 1e15 ? b.max : null;
      const rule: ValidationRule = whole ? { type: 'whole', min: b.min, max: b.max } : { type: 'decimal', min: b.min, max: b.max };
      const what = vi
        ? whole
          ? nonNeg
            ? 'số nguyên không âm'
            : 'số nguyên'
          : nonNeg
            ? 'số không âm'
            : 'số'
        : whole
          ? nonNeg
            ? 'a whole number, not negative'
            : 'a whole number'
          : nonNeg
            ? 'a number, not negative'
            : 'a number';
      const range = b.min > 0 || upper !== null ? (vi ? `, từ ${fmt(b.min, lang)} đến ${fmt(b.max, lang)}` : `, from ${fmt(b.min, lang)} to ${fmt(b.max, lang)}`) : '';
      const prompt = vi ? `Nhập ${what}${range}${unit ? ` (${unit})` : ''}.` : `Enter ${what}${range}${unit ? ` (${unit})` : ''}.`;
      const how = vi ? (whole ? 'Gõ số, không kèm đơn vị.' : 'Gõ số với dấu thập phân theo cài đặt của máy, không kèm đơn vị.') : whole ? 'Type the number without a unit.' : 'Type the number with your computer’s decimal mark, without a unit.';
      const error = vi ? `Cột ${header} nhận ${what}${range}. ${how}` : `Column ${header} takes ${what}${range}. ${how}`;
      const title = vi ? (whole ? (nonNeg ? 'Cần số nguyên không âm' : 'Cần số nguyên') : nonNeg ? 'Cần số không âm' : 'Cần nhập một số') : whole ? 'Whole number needed' : nonNeg ? 'Non-negative number needed' : 'Number needed';
      return make(rule, 'stop', prompt, title, error);
    }
    default:
      return null;
  }
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + '…';
}

/** The list rule as a formula text (comma-separated; Excel's list source, at most 255 characters). */
export function listSource(items: string[]): string {
  return items.join(',');
}
