import { CATALOG_BY_KEY } from '../figures/catalog';
import { exactDifference } from '../figures/decimal';
import { Lang } from '../problems';
import { DEFAULT_TEMPLATES } from './templates';

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
 * THE PRECISION RULE: how every figure is written, decided here once and used by the text
 * (narrative.ts), the tables (tables.ts, annexes.ts), the chart labels (charts.ts, drawn as they
 * are by Word, the .xlsx and the add-in) and Số liệu (sheet-plan.ts). Rounding is half away from
 * zero, once, on the exact value, at the last step.
 *
 * - Counts: whole numbers ("25"; "01" in the tasks sentence).
 * - Amounts: up to 2 decimals, trailing zeros trimmed in running text ("281", "381,18"); in a table
 *   column every cell takes the column's largest count, so one column never mixes "18.396,9" and
 *   "14.608,97" (`columnDecimals`).
 * - Percent of plan, changes and other percentages: the decimals the sentence asks for
 *   ({fdi_pct_plan:2} → 33,11), 1 when it asks none. A table cell, chart label or Số liệu line
 *   of the same figure uses the same decimals (`figureDecimals`), so the text's 38,8% never
 *   stands beside a chart's 38,85%.
 * - Against the same period last year (p = current ÷ prior × 100), `comparison`:
 *   · p rounds to 100 at the decimals of a change (those asked, at least 1) → no change is
 *     named: "tương đương cùng kỳ năm trước"; a change (tăng/giảm) that rounds to 0 likewise
 *     reads "tương đương";
 *   · p ÷ 100 of 2 or more (at 2 decimals) → "gấp N lần" (N up to 2 decimals, or those asked);
 *   · a rise → "bằng N%" at the decimals asked, 0 by default (105,8 → "bằng 106%"), but never a
 *     rounding to 100 that would hide the rise (100,3 → "bằng 100,3%");
 *   · a fall → both numbers at the same decimals (those asked, at least 1), the fall being
 *     100 − N exactly, so they add up to 100: "bằng 77,7% cùng kỳ năm trước (giảm 22,3%)".
 * The audit (audit/audit.ts) reads every form back by the same rule.
 */
export type Comparison =
  | { form: 'same'; decimals: number }
  | { form: 'times'; ratio: number; decimals: number | null }
  | { form: 'pct'; pct: number; decimals: number; fall: number | null };

export function comparison(pct: number, decimals?: number): Comparison {
  const asked = decimals ?? 0;
  const changeDecimals = Math.max(asked, 1);
  if (roundHalfAway(pct / 100, 2) >= 2) return { form: 'times', ratio: pct / 100, decimals: decimals ?? null };
  const near = roundHalfAway(pct, changeDecimals);
  if (near === 100) return { form: 'same', decimals: changeDecimals };
  if (near < 100) return { form: 'pct', pct: near, decimals: changeDecimals, fall: exactDifference(100, near) };
  const shown = roundHalfAway(pct, asked);
  return shown === 100 ? { form: 'pct', pct: near, decimals: changeDecimals, fall: null } : { form: 'pct', pct: shown, decimals: asked, fall: null };
}

const timesText = (c: Extract<Comparison, { form: 'times' }>, lang: Lang) =>
  // "gấp 2 lần", "gấp 2,5 lần", "gấp 2,25 lần": no trailing zeros unless the decimals are asked for
  formatNumber(c.ratio, lang, c.decimals === null ? { max: 2 } : { decimals: c.decimals });

/** "bằng 106% cùng kỳ năm trước", "bằng 77,7% cùng kỳ năm trước (giảm 22,3%)", "gấp 2,25 lần …", "tương đương cùng kỳ năm trước". */
export function comparePhrase(pct: number, lang: Lang, decimals?: number): string {
  const c = comparison(pct, decimals);
  const vi = lang === 'vi';
  if (c.form === 'same') return vi ? 'tương đương cùng kỳ năm trước' : 'about the same as the same period last year';
  if (c.form === 'times') return vi ? `gấp ${timesText(c, lang)} lần cùng kỳ năm trước` : `${timesText(c, lang)} times the same period last year`;
  const n = formatNumber(c.pct, lang, { decimals: c.decimals });
  if (c.fall !== null) {
    const f = formatNumber(c.fall, lang, { decimals: c.decimals });
    return vi ? `bằng ${n}% cùng kỳ năm trước (giảm ${f}%)` : `${n}% of the same period last year (down ${f}%)`;
  }
  return vi ? `bằng ${n}% cùng kỳ năm trước` : `${n}% of the same period last year`;
}

/** The same comparison in a chart label's few words: "bằng 106%", "giảm 22,3%", "gấp 2,25 lần", "tương đương". */
export function compareLabel(pct: number, lang: Lang, decimals?: number): string {
  const c = comparison(pct, decimals);
  const vi = lang === 'vi';
  if (c.form === 'same') return vi ? 'tương đương' : 'about the same';
  if (c.form === 'times') return vi ? `gấp ${timesText(c, lang)} lần` : `${timesText(c, lang)} times`;
  if (c.fall !== null) return vi ? `giảm ${formatNumber(c.fall, lang, { decimals: c.decimals })}%` : `down ${formatNumber(c.fall, lang, { decimals: c.decimals })}%`;
  const n = formatNumber(c.pct, lang, { decimals: c.decimals });
  return vi ? `bằng ${n}%` : `${n}% of last year`;
}

/** A percent change as "tăng 2,1%" / "giảm 4,3%"; one that rounds to 0 as "tương đương" ("unchanged"). */
export function changePhrase(pct: number, lang: Lang, decimals = 1): string {
  const rounded = roundHalfAway(pct, decimals);
  if (rounded === 0) return lang === 'vi' ? 'tương đương' : 'unchanged';
  const n = formatNumber(Math.abs(rounded), lang, { decimals });
  if (rounded > 0) return lang === 'vi' ? `tăng ${n}%` : `up ${n}%`;
  return lang === 'vi' ? `giảm ${n}%` : `down ${n}%`;
}

/** Against the plan: "đạt 33,11% kế hoạch" (PLANTEXT). */
export function planPhrase(pct: number, lang: Lang, decimals = 2): string {
  const n = formatNumber(pct, lang, { decimals });
  return lang === 'vi' ? `đạt ${n}% kế hoạch` : `${n}% of plan`;
}

/** Decimals as `formatNumber` takes them: fixed, or up to `max` with trailing zeros trimmed. */
export type Decimals = { decimals: number } | { max: number };

/**
 * The decimals a figure is written with wherever it stands (text, table, chart, Số liệu): those
 * its sentence asks for (`{key:N}` in the templates in use), else by its kind. A comparison with
 * last year (`value` given) takes the decimals `comparison` writes it with — a rise "bằng 106%"
 * stands as 106 in a table, a fall "bằng 77,7% (giảm 22,3%)" as 77,7 —, without a value at least 1.
 * `key` is a catalog key or a budget unit's `budget_units[…].pct_plan`.
 */
export function figureDecimals(key: string, templates: Record<string, string> = DEFAULT_TEMPLATES.vi, value?: number | null): Decimals {
  const unitField = /^budget_units\[.*\]\.(plan|pct_plan)$/.exec(key);
  const name = unitField ? unitField[1] : /^budget_units\[.*\]$/.test(key) ? 'amount' : key;
  const asked = askedDecimals(name, unitField || name === 'amount' ? { budget_unit: templates.budget_unit ?? '' } : templates);
  if (/_vs_prior_pct$/.test(name)) {
    const c = typeof value === 'number' && Number.isFinite(value) ? comparison(value, asked ?? undefined) : null;
    return { decimals: c?.form === 'pct' ? c.decimals : Math.max(asked ?? 0, 1) };
  }
  if (asked !== null) return { decimals: asked };
  const kind = CATALOG_BY_KEY.get(name)?.kind ?? (name === 'pct_plan' ? 'pct' : 'amount');
  if (kind === 'count') return { decimals: 0 };
  if (kind === 'pct') return { decimals: 1 };
  return { max: 2 };
}

/**
 * An Excel number format for whole numbers that groups thousands with the report's separator
 * whatever the viewer's locale ("250.000", not "250,000"): the separator is a literal, not ",".
 * Two conditional sections reach 999.999.999, enough for a chart's axis of people or tasks.
 */
export function integerFormat(lang: Lang): string {
  const sep = formatNumber(1000, lang).replace(/\d/g, '');
  return `[>=1000000]0"${sep}"000"${sep}"000;[>=1000]0"${sep}"000;0`;
}

/** The decimals the templates ask for a value (`{key:N}`, not through |div1000), or null. */
export function askedDecimals(name: string, templates: Record<string, string>): number | null {
  for (const src of Object.values(templates)) {
    for (const m of src.matchAll(/\{\s*([A-Za-z][A-Za-z0-9_]*):(\d{1,2})((?:\|[A-Za-z0-9]+)*)\s*\}/g)) {
      if (m[1] === name && !m[3].includes('div1000')) return Number(m[2]);
    }
  }
  return null;
}

/** The decimals every cell of a table column takes: the most any of its figures needs, up to `max`. */
export function columnDecimals(values: (number | null)[], max = 2): number {
  let d = 0;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    const s = String(roundHalfAway(v, max));
    const frac = /\.(\d+)$/.exec(s);
    if (frac) d = Math.max(d, Math.min(max, frac[1].length));
  }
  return d;
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
