import { CellValue, isCellError, isUncomputed } from './snapshot';
import { xmlSafe } from './xml-text';
import { cleanText } from './text';

/** A calendar day as 'YYYY-MM-DD' (compares correctly as text). */
export type Day = string;
/** A calendar month as 'YYYY-MM'. */
export type Month = string;

export type Parsed<T> = { ok: true; value: T } | { ok: false; why: ParseFailure; text: string };
export type ParseFailure =
  | 'errorValue'
  | 'notNumber'
  | 'notInteger'
  | 'notDate'
  | 'impossibleDate'
  | 'notMonth'
  | 'notYesNo'
  | 'notText'
  /** A formula cell whose result the file does not store. */
  | 'uncomputedFormula';

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(why: ParseFailure, v: CellValue): Parsed<T> => ({ ok: false, why, text: describe(v) });

export function describe(v: CellValue): string {
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  if (isUncomputed(v)) return `=${v.formula}`;
  if (v instanceof Date) return isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString().slice(0, 10);
  return String(v);
}

export function isBlank(v: CellValue): boolean {
  // cleanText(v) === '' exactly when v is all white space (NFC keeps white space white space)
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/** Excel shows some errors as text in values (Office.js gives "#N/A" strings). */
const EXCEL_ERROR = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)$/i;

export function isErrorValue(v: CellValue): boolean {
  return isCellError(v) || (typeof v === 'string' && EXCEL_ERROR.test(v.trim()));
}

/**
 * Reads a number written as a number, or as text in Vietnamese ("1.210,9", "4.123") or plain
 * ("1210.9") style, by the contract's single rule.
 */
export function parseNumber(v: CellValue): Parsed<number> {
  if (isUncomputed(v)) return fail('uncomputedFormula', v);
  if (isErrorValue(v)) return fail('errorValue', v);
  if (typeof v === 'number') return Number.isFinite(v) ? ok(v) : fail('notNumber', v);
  if (typeof v !== 'string') return fail('notNumber', v);
  const n = parseNumberText(v);
  return n === null ? fail('notNumber', v) : ok(n);
}

export function parseNumberText(raw: string): number | null {
  let s = cleanText(raw).replace(/[\s\u202f]/g, '').replace(/^\u2212/, '-');
  if (s === '') return null;
  let sign = '';
  if (s[0] === '-' || s[0] === '+') {
    sign = s[0] === '-' ? '-' : '';
    s = s.slice(1);
  }
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let intPart: string;
  let frac = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const mark = Math.max(lastDot, lastComma);
    const thousands = mark === lastDot ? ',' : '.';
    intPart = s.slice(0, mark);
    frac = s.slice(mark + 1);
    if (intPart.includes(s[mark]) || !groupedOk(intPart, thousands)) return null;
    intPart = intPart.split(thousands).join('');
  } else if (lastComma >= 0) {
    if (s.indexOf(',') !== lastComma) return null;
    intPart = s.slice(0, lastComma);
    frac = s.slice(lastComma + 1);
  } else if (lastDot >= 0) {
    if (groupedOk(s, '.') && s.includes('.')) {
      intPart = s.split('.').join('');
    } else if (s.indexOf('.') === lastDot) {
      intPart = s.slice(0, lastDot);
      frac = s.slice(lastDot + 1);
    } else return null;
  } else intPart = s;
  if (intPart === '') intPart = '0';
  if (!/^\d+$/.test(intPart) || !/^\d*$/.test(frac)) return null;
  const n = Number(`${sign}${intPart}${frac ? '.' + frac : ''}`);
  return Number.isFinite(n) ? n : null;
}

/** "1.234.567" grouped by `sep` in threes after a first group of one to three digits. */
function groupedOk(s: string, sep: string): boolean {
  const parts = s.split(sep);
  if (parts.length === 1) return /^\d+$/.test(s);
  return /^\d{1,3}$/.test(parts[0]) && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}

export function parseInteger(v: CellValue): Parsed<number> {
  const p = parseNumber(v);
  if (!p.ok) return p;
  return Number.isInteger(p.value) ? p : fail('notInteger', v);
}

/** One string per distinct day or month: a 100k-row table then holds a few hundred, not 100k. */
const interned = new Map<number, string>();

export function dayOf(y: number, m: number, d: number): Day | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  const key = y * 10000 + m * 100 + d;
  let day = interned.get(key);
  if (day === undefined) interned.set(key, (day = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`));
  return day;
}

function monthOf(day: Day): Month {
  const key = -Number(day.slice(0, 4)) * 100 - Number(day.slice(5, 7));
  let month = interned.get(key);
  if (month === undefined) interned.set(key, (month = day.slice(0, 7)));
  return month;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  if (!(m >= 1 && m <= 12) || !Number.isInteger(m)) return new Date(Date.UTC(y, m, 0)).getUTCDate();
  return m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : MONTH_DAYS[m - 1];
}

/** Excel 1900 date system serial → day. Serial 60 is Excel's phantom 29/02/1900. */
export function serialToDay(serial: number): Day | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null;
  const offset = whole < 60 ? whole + 1 : whole;
  const d = new Date(Date.UTC(1899, 11, 30) + offset * 86400000);
  return dayOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function dayToSerial(day: Day): number {
  const [y, m, d] = day.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** Reads a real date, an Excel serial number, or text dd/mm/yyyy (day first, always). */
export function parseDate(v: CellValue): Parsed<Day> {
  if (isUncomputed(v)) return fail('uncomputedFormula', v);
  if (isErrorValue(v)) return fail('errorValue', v);
  if (v instanceof Date) {
    if (isNaN(v.getTime())) return fail('notDate', v);
    const day = dayOf(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
    return day ? ok(day) : fail('notDate', v);
  }
  if (typeof v === 'number') {
    const day = serialToDay(v);
    return day ? ok(day) : fail('notDate', v);
  }
  if (typeof v !== 'string') return fail('notDate', v);
  const s = cleanText(v);
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const day = dayOf(Number(m[3]), Number(m[2]), Number(m[1]));
    return day ? ok(day) : fail('impossibleDate', v);
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) {
    const day = dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return day ? ok(day) : fail('impossibleDate', v);
  }
  return fail('notDate', v);
}

/** Reads a month: a date (any day of it), a serial, or text mm/yyyy. */
export function parseMonth(v: CellValue): Parsed<Month> {
  if (typeof v === 'string') {
    const m = /^(?:tháng\s*|t)?(\d{1,2})[/.-](\d{4})$/i.exec(cleanText(v));
    if (m) {
      const month = Number(m[1]);
      if (month >= 1 && month <= 12) return ok(monthOf(`${m[2]}-${String(month).padStart(2, '0')}-01`));
      return fail('impossibleDate', v);
    }
  }
  const d = parseDate(v);
  if (d.ok) return ok(monthOf(d.value));
  return d.why === 'notDate' ? fail('notMonth', v) : d;
}

const YES = new Set(['x', 'có', 'co', 'yes', 'y', 'true', '1', 'đúng', 'ước', 'ước tính', 'uoc']);
const NO = new Set(['không', 'khong', 'no', 'n', 'false', '0', 'sai', '-']);

export function parseYesNo(v: CellValue): Parsed<boolean> {
  if (isUncomputed(v)) return fail('uncomputedFormula', v);
  if (typeof v === 'boolean') return ok(v);
  if (typeof v === 'number') return v === 1 || v === 0 ? ok(v === 1) : fail('notYesNo', v);
  if (typeof v !== 'string') return fail('notYesNo', v);
  const s = cleanText(v).toLowerCase();
  if (YES.has(s)) return ok(true);
  if (NO.has(s) || s === '') return ok(false);
  return fail('notYesNo', v);
}

export function parseText(v: CellValue): Parsed<string> {
  if (isUncomputed(v)) return fail('uncomputedFormula', v);
  if (isCellError(v)) return fail('errorValue', v);
  if (v === null) return ok('');
  if (v instanceof Date) return ok(describe(v));
  return ok(cleanText(xmlSafe(String(v))));
}

export function addYears(day: Day, years: number): Day {
  const [y, m, d] = day.split('-').map(Number);
  const ny = y + years;
  return dayOf(ny, m, Math.min(d, daysInMonth(ny, m)))!;
}

export function monthOfDay(day: Day): Month {
  return day.slice(0, 7);
}

export function formatDayDMY(day: Day, padMonth = true): string {
  const [y, m, d] = day.split('-');
  return `${d}/${padMonth ? m : String(Number(m))}/${y}`;
}

export function formatMonth(month: Month): string {
  const [y, m] = month.split('-');
  return `${m}/${y}`;
}
