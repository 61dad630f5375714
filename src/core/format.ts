import { Lang } from './problems';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-US' };
const cache = new Map<string, Intl.NumberFormat>();

/**
 * Formats a number for text: Vietnamese style through Intl ('14.578', '381,18'). `decimals` fixed
 * keeps trailing zeros (34,0); `max` trims them (662,18 but 281). Rounding is half away from zero
 * and happens here only, on the number's shortest decimal form.
 */
export function formatNumber(value: number, lang: Lang, opts: { decimals?: number; max?: number } = {}): string {
  const min = opts.decimals ?? 0;
  const max = opts.decimals ?? opts.max ?? 2;
  const id = `${lang}|${min}|${max}`;
  let f = cache.get(id);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: min, maximumFractionDigits: max, roundingMode: 'halfExpand' } as Intl.NumberFormatOptions);
    cache.set(id, f);
  }
  const out = f.format(value);
  // "-0" after rounding a tiny negative reads wrong in a report
  return /^-0([.,]0*)?$/.test(out) ? out.slice(1) : out;
}

/** Rounds half away from zero to `decimals`, through the same decimal form the text shows. */
export function roundHalfAway(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  // 15 significant digits give the number's decimal form (1.005 × 100 → 100.5, not 100.4999…)
  const scaled = Number((Math.abs(value) * scale).toPrecision(15));
  if (!Number.isFinite(scaled) || scaled >= 2 ** 52) return value;
  const rounded = Math.round(scaled) / scale;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Counts below 10 with a leading zero, as official texts write them ("01 nhiệm vụ"). */
export function formatCount2(n: number, lang: Lang): string {
  const s = formatNumber(n, lang, { decimals: 0 });
  return lang === 'vi' && Number.isInteger(n) && n >= 0 && n < 10 ? `0${s}` : s;
}

/**
 * Compares with the same period last year by rule: a ratio of 2 or more is "gấp N lần",
 * otherwise "bằng N%". `pct` is current ÷ prior × 100.
 */
export function comparePhrase(pct: number, lang: Lang, decimals?: number): string {
  const ratio = pct / 100;
  if (ratio >= 2) {
    // "gấp 2 lần", "gấp 2,5 lần", "gấp 2,25 lần": no trailing zeros unless the decimals are asked for
    const n = formatNumber(ratio, lang, decimals === undefined ? { max: 2 } : { decimals });
    return lang === 'vi' ? `gấp ${n} lần cùng kỳ năm trước` : `${n} times the same period last year`;
  }
  const n = formatNumber(pct, lang, { decimals: decimals ?? 0 });
  // a fall is named as well: "bằng 74% cùng kỳ năm trước (giảm 26,4%)"
  const fall = pct < 100 ? formatNumber(100 - pct, lang, { decimals: 1 }) : null;
  if (fall !== null && fall !== formatNumber(0, lang, { decimals: 1 })) {
    return lang === 'vi' ? `bằng ${n}% cùng kỳ năm trước (giảm ${fall}%)` : `${n}% of the same period last year (down ${fall}%)`;
  }
  return lang === 'vi' ? `bằng ${n}% cùng kỳ năm trước` : `${n}% of the same period last year`;
}

/** A percent change as "tăng 2,1%" / "giảm 4,3%". */
export function changePhrase(pct: number, lang: Lang, decimals = 1): string {
  const n = formatNumber(Math.abs(pct), lang, { decimals });
  if (Number(formatNumber(Math.abs(pct), 'en', { decimals }).replace(/,/g, '')) === 0) return lang === 'vi' ? 'không đổi' : 'unchanged';
  if (pct > 0) return lang === 'vi' ? `tăng ${n}%` : `up ${n}%`;
  return lang === 'vi' ? `giảm ${n}%` : `down ${n}%`;
}

/** Against the plan: "đạt 33,11% kế hoạch" (PLANTEXT). */
export function planPhrase(pct: number, lang: Lang, decimals = 2): string {
  const n = formatNumber(pct, lang, { decimals });
  return lang === 'vi' ? `đạt ${n}% kế hoạch` : `${n}% of plan`;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date in running text: dd/m/yyyy as the seed writes it (07/6/2023); in English "7 June 2023". */
export function textDate(day: string, lang: Lang = 'vi'): string {
  const [y, m, d] = day.split('-');
  if (lang === 'en') return `${Number(d)} ${EN_MONTHS[Number(m) - 1]} ${y}`;
  return `${d}/${Number(m)}/${y}`;
}

/**
 * The date line. Decree 30/2020 (Phụ lục I, II.5.b): days below 10 and the months 1 and 2 take a
 * leading zero ("ngày 05 tháng 02", but "tháng 6" as the seed report writes it).
 */
export function dateLine(place: string | null, day: string | null, lang: Lang): string {
  if (!day) return lang === 'vi' ? `${place ?? '…'}, ngày … tháng … năm …` : `${place ?? '…'}, …`;
  const [y, m, d] = day.split('-');
  if (lang === 'en') return `${place ?? '…'}, ${new Date(Date.UTC(+y, +m - 1, +d)).toLocaleDateString('en-GB', { day: '2-digit', month: 'long', year: 'numeric', timeZone: 'UTC' })}`;
  const month = Number(m) <= 2 ? m : String(Number(m));
  return `${place ?? '…'}, ngày ${d} tháng ${month} năm ${y}`;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
export function roman(n: number): string {
  return ROMAN[n - 1] ?? String(n);
}
export function fromRoman(s: string): number | null {
  const i = ROMAN.indexOf(s.toUpperCase());
  return i < 0 ? null : i + 1;
}

/** Names the report period in words: "6 tháng đầu năm 2023", "năm 2023", "quý I năm 2023", … */
export function periodLabel(start: string, end: string, lang: Lang): string {
  const [ys, ms, ds] = start.split('-').map(Number);
  const [ye, me] = end.split('-').map(Number);
  const lastDay = new Date(Date.UTC(ye, me, 0)).getUTCDate();
  const whole = ds === 1 && Number(end.slice(8)) === lastDay && ys === ye;
  if (whole) {
    if (ms === 1 && me === 12) return lang === 'vi' ? `năm ${ys}` : `the year ${ys}`;
    if (ms === 1 && me === 6) return lang === 'vi' ? `6 tháng đầu năm ${ys}` : `the first half of ${ys}`;
    if (ms === 7 && me === 12) return lang === 'vi' ? `6 tháng cuối năm ${ys}` : `the second half of ${ys}`;
    if (ms === 1) return lang === 'vi' ? `${me} tháng đầu năm ${ys}` : `the first ${me} months of ${ys}`;
    if ((ms - 1) % 3 === 0 && me === ms + 2) return lang === 'vi' ? `quý ${roman((ms + 2) / 3)} năm ${ys}` : `Q${(ms + 2) / 3} ${ys}`;
    if (ms === me) return lang === 'vi' ? `tháng ${ms}/${ys}` : `${EN_MONTHS[ms - 1]} ${ys}`;
  }
  return lang === 'vi' ? `từ ngày ${textDate(start)} đến ngày ${textDate(end)}` : `from ${textDate(start, lang)} to ${textDate(end, lang)}`;
}

export function capitalise(s: string): string {
  return s ? s[0].toLocaleUpperCase('vi') + s.slice(1) : s;
}
