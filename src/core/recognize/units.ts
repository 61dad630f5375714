import { fold, memoOnText } from './words';

/** A money unit: currency and power of ten ("triệu USD" = USD, 6). */
export interface MoneyUnit {
  currency: 'VND' | 'USD';
  exponent: number;
  /** How it was written, for reasons and messages. */
  text: string;
}

const SCALE: [RegExp, number][] = [
  [/^(nghin ty|ngan ty)$/, 12],
  [/^(ty|billion|bn|bil)$/, 9],
  [/^(trieu|million|mn|mil|tr)$/, 6],
  [/^(nghin|ngan|thousand|k)$/, 3],
  [/^$/, 0],
];

/** Finds a money unit in header or title text: "(triệu USD)", "ĐVT: tỷ đồng", "Doanh thu (nghìn đồng)", "USD". */
export function findMoneyUnit(text: string): MoneyUnit | null {
  const u = unitOfText(text);
  return u && { ...u };
}

const unitOfText = memoOnText((text: string): MoneyUnit | null => {
  const f = fold(text);
  const m = /(?:^| )((?:nghin ty|ngan ty|ty|trieu|nghin|ngan|billion|million|thousand|bn|mn|tr|k) )?(dong|vnd|d|usd|do la my|dola)(?: |$)/.exec(f);
  if (!m) return null;
  const word = (m[1] ?? '').trim();
  // a bare "d" is only a currency after a scale word ("tr.đ", "tỷ đ"); a bare "dong" only on its
  // own, in brackets or after "ĐVT:", since "lao động" folds to the same letters as "đồng"
  if (m[2] === 'd' && !word) return null;
  if (m[2] === 'dong' && !word && !/(\(\s*(đồng|dong)\s*\)|(^|:)\s*(đồng|dong)\s*$)/iu.test(text.normalize('NFC'))) return null;
  const exponent = SCALE.find(([re]) => re.test(word))?.[1] ?? 0;
  const currency = /usd|do la|dola/.test(m[2]) ? 'USD' : 'VND';
  const paren = /\(([^)]*)\)/.exec(text)?.[1]?.trim();
  const afterColon = /:\s*(.+)$/.exec(text)?.[1]?.trim();
  const raw = paren && findMoneyUnitPlain(paren) ? paren : afterColon && findMoneyUnitPlain(afterColon) ? afterColon : null;
  return { currency, exponent, text: raw ?? `${m[1] ?? ''}${m[2]}`.trim() };
});

function findMoneyUnitPlain(s: string): boolean {
  return /(dong|vnd|usd|đ)/i.test(fold(s)) || /đ/i.test(s);
}

/** Header text without its unit: "Vốn đầu tư (triệu USD)" → "Vốn đầu tư". */
export const withoutUnit = memoOnText((text: string): string => text.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim());

/**
 * Multiplies by 10^places exactly, by moving the decimal point of the number's shortest decimal
 * text: 1234.5 triệu đồng → 1.2345 tỷ đồng, never 1.2345000000000002.
 */
export function shiftDecimal(v: number, places: number): number {
  if (places === 0 || v === 0 || !Number.isFinite(v)) return v;
  let s = String(v);
  let neg = '';
  if (s.startsWith('-')) {
    neg = '-';
    s = s.slice(1);
  }
  let exp = 0;
  const e = /^([0-9.]+)e([+-]?\d+)$/i.exec(s);
  if (e) {
    s = e[1];
    exp = Number(e[2]);
  }
  const [i, f = ''] = s.split('.');
  let digits = i + f;
  let point = i.length + exp + places;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits = digits + '0'.repeat(point - digits.length);
  return Number(`${neg}${digits.slice(0, point)}.${digits.slice(point) || '0'}`);
}
