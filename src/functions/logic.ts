import { comparePhrase, formatNumber, planPhrase, roundHalfAway } from '../core/report/format';
import { numberToWords } from '../core/report/number-words';
import { Day, parseDate } from '../core/records/parse';
import { TASK_STATUS_TEXT, taskStatus } from '../core/figures/task-status';

/**
 * The custom functions without Office: each takes what Excel passes and returns the cell value or
 * throws a FunctionError, which the @customfunction wrappers turn into a CustomFunctions.Error.
 */
export type FunctionErrorCode = 'invalidValue' | 'divisionByZero' | 'notAvailable';

export class FunctionError extends Error {
  constructor(
    readonly code: FunctionErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const invalid = (message: string) => new FunctionError('invalidValue', message);

/** What Excel hands a parameter typed `any`: a number, text, boolean, or null/'' for an empty cell. */
export type Arg = number | string | boolean | null | undefined;

export function requireNumber(v: Arg, name: string): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw invalid(`${name} phải là một số.`);
}

/** Optional decimals: empty means "not given"; otherwise an integer from 0 to 10. */
export function optionalDecimals(v: Arg): number | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 10) throw invalid('Số chữ số thập phân phải là số nguyên từ 0 đến 10.');
  return v;
}

function ratioPct(numerator: number, denominator: number): number {
  if (denominator === 0) throw new FunctionError('divisionByZero', '');
  return (numerator / denominator) * 100;
}

const maybeRound = (v: number, decimals: number | undefined) => (decimals === undefined ? v : roundHalfAway(v, decimals));

/** Actual ÷ plan × 100. */
export function percentOfPlan(actual: Arg, plan: Arg, decimals?: Arg): number {
  const a = requireNumber(actual, 'Số thực hiện');
  const p = requireNumber(plan, 'Kế hoạch');
  return maybeRound(ratioPct(a, p), optionalDecimals(decimals));
}

/** Current ÷ same period last year × 100 ("bằng 106% cùng kỳ"). */
export function vsPrior(current: Arg, prior: Arg): number {
  return ratioPct(requireNumber(current, 'Số kỳ này'), requireNumber(prior, 'Số cùng kỳ'));
}

/** (Current − prior) ÷ prior × 100: −4,3 means "giảm 4,3%". */
export function growth(current: Arg, prior: Arg): number {
  const c = requireNumber(current, 'Số kỳ này');
  const p = requireNumber(prior, 'Số cùng kỳ');
  if (p === 0) throw new FunctionError('divisionByZero', '');
  return ((c - p) / p) * 100;
}

/** Current ÷ prior ("gấp 2,25 lần"). */
export function times(current: Arg, prior: Arg): number {
  return vsPrior(current, prior) / 100;
}

/**
 * The same-period phrase by the engine's rule (the report's {…|compare}): a ratio of 2 or more is
 * "gấp N lần cùng kỳ năm trước" (2 decimals unless given), otherwise "bằng N% cùng kỳ năm trước"
 * (0 decimals unless given) — also for a decrease, so the sheet says what the report says.
 */
export function compare(current: Arg, prior: Arg, decimals?: Arg): string {
  return comparePhrase(vsPrior(current, prior), 'vi', optionalDecimals(decimals));
}

/** "đạt 33,11% kế hoạch" (2 decimals unless given). */
export function planText(actual: Arg, plan: Arg, decimals?: Arg): string {
  const d = optionalDecimals(decimals);
  return planPhrase(percentOfPlan(actual, plan), 'vi', d ?? 2);
}

/** Vietnamese number style: "14.578", "381,18"; without decimals, up to 2, trailing zeros dropped. */
export function vnNumber(value: Arg, decimals?: Arg): string {
  const v = requireNumber(value, 'Giá trị');
  const d = optionalDecimals(decimals);
  return formatNumber(v, 'vi', d === undefined ? { max: 2 } : { decimals: d });
}

export function numberWords(value: Arg, unit?: Arg): string {
  const v = requireNumber(value, 'Giá trị');
  if (unit !== null && unit !== undefined && typeof unit !== 'string') throw invalid('Đơn vị phải là chữ, ví dụ "đồng".');
  try {
    return numberToWords(v, unit ?? '');
  } catch {
    throw invalid('Số quá lớn để đọc thành chữ (tối đa 9.007.199.254.740.991).');
  }
}

const isEmpty = (v: Arg) => v === null || v === undefined || v === '' || v === 0;

/** A date from an Excel serial number or dd/mm/yyyy text; empty (or 0, Excel's empty date) → null. */
export function dateArg(v: Arg, name: string): Day | null {
  if (isEmpty(v)) return null;
  if (typeof v === 'boolean') throw invalid(`${name} phải là một ngày.`);
  const parsed = parseDate(v);
  if (!parsed.ok) throw invalid(`${name} phải là một ngày (dd/mm/yyyy).`);
  return parsed.value;
}

/** The task's state on asOf (default: today), by the rules of the tasks_* metrics. */
export function taskStatusText(deadline: Arg, completed: Arg, asOf: Arg, today: Day): string {
  const d = dateArg(deadline, 'Hạn xử lý');
  const c = dateArg(completed, 'Ngày hoàn thành');
  const at = dateArg(asOf, 'Ngày số liệu') ?? today;
  return TASK_STATUS_TEXT.vi[taskStatus(d, c, at)];
}
