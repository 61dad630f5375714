/**
 * Finds the numbers of a written paragraph: figures with their unit ("381,18 triệu USD", "33,9%",
 * "gấp 2,25 lần", "01 nhiệm vụ", "197/224"), and what is not a figure (dates, years, document
 * numbers, section numbers). Vietnamese and English number styles; OCR text without diacritics.
 */
import { foldText, foldWord } from './fold';

export type UnitId = 'pct' | 'times' | 'same' | 'musd' | 'busd' | 'mvnd' | 'bvnd' | 'income' | 'project' | 'person' | 'task' | 'dossier' | 'pair' | 'other' | 'none';
export type TokenKind = 'figure' | 'date' | 'year' | 'reference' | 'section';
export type NumberStyle = 'vi' | 'en';
export type Prefix = 'gap' | 'bang' | 'tang' | 'giam' | null;

export interface Reading {
  value: number;
  decimals: number;
}

export interface NumberToken {
  kind: TokenKind;
  /** The number as written ("662,25", "01", "2 560"). */
  text: string;
  start: number;
  end: number;
  /** Possible values, the document style's reading first ("21,810" may be 21,81 or 21 810). */
  readings: Reading[];
  leadingZero: boolean;
  unit: UnitId;
  /** The unit as written, and where it ends. */
  unitText: string;
  unitEnd: number;
  /** "gấp", "bằng", "tăng", "giảm" (or up/down) just before the number. */
  prefix: Prefix;
  /** Where the prefix word starts (the number's start when there is none). */
  prefixStart: number;
  /** For "197/224": the other number's index in the paragraph's token list. */
  pair?: number;
}

const UNITS: [UnitId, RegExp][] = [
  ['pct', /^ ?%/],
  ['income', /^ ?(tri\w{1,3}|tr) ?d\w{1,2}ng ?\/ ?ng\w{2,4} ?\/ ?th\w{2,4}/],
  ['income', /^ ?million vnd (per|\/) ?person/],
  ['musd', /^ ?(tri\w{1,3}|tr) ?usd\b/],
  ['musd', /^ ?million (usd|us dollars)\b/],
  ['busd', /^ ?t[yi] ?usd\b/],
  ['busd', /^ ?billion (usd|us dollars)\b/],
  ['mvnd', /^ ?(tri\w{1,3}|tr) ?(d\w{1,2}ng|vnd)\b/],
  ['mvnd', /^ ?million (vnd|dong)\b/],
  ['bvnd', /^ ?t[yi] ?(d\w{1,2}ng|vnd)\b/],
  ['bvnd', /^ ?billion (vnd|dong)\b/],
  ['times', /^ ?(l\wn|times)\b/],
  ['project', /^ ?(du|dy|dur|duo|dw) ?(an|en|dn|on)\b/],
  ['project', /^ ?(\(?\w+\)? ){0,3}projects?\b/],
  ['task', /^ ?nhi\w{1,2}m v\w\b/],
  ['task', /^ ?(\w+ ){0,2}tasks?\b/],
  ['person', /^ ?(ng\w{2,3}i|lao d\w{1,3}ng|workers?|people|persons)\b/],
  ['dossier', /^ ?h[o\w] so\b/],
  ['dossier', /^ ?(\w+ ){0,2}dossiers?\b/],
  ['other', /^ ?(ha|m2|km|h\w so|hoc vien|l\wp|lu\wt|tin bai|th\w{2,3}g|n\w{1,2}m|ngay|t\wng|t\wa|can ho|block|khu|quy\w{1,2}t dinh|hop dong|an pham|b\w|ngon ngu|ban tin|hours?|years?|months?|days?|ha\b)/],
];

const PREFIX: Record<string, Prefix> = { gap: 'gap', gip: 'gap', gep: 'gap', bang: 'bang', bing: 'bang', beng: 'bang', tang: 'tang', ting: 'tang', giam: 'giam', gidm: 'giam', giem: 'giam', up: 'tang', down: 'giam' };

const NUMBER = new RegExp(
  [
    String.raw`(\d{1,2}(?:-\d{1,2})?\/\d{1,2}\/\d{4})`, // 1 date 07/6/2023, 17-18/5/2023
    String.raw`(\d{1,2}\/\d{4})(?![\d\/])`, // 2 month/year 6/2022
    String.raw`(\d+(?:[-\/][\p{L}\d&]+)*[-\/]\p{L}[\p{L}\d&\-\/]*)`, // 3 document number 496/BTĐKT-THHC, 06-NQ/TU
    String.raw`(\d{4}\s?[-–]\s?\d{4})`, // 4 year range
    String.raw`(\d+)\/(\d+)`, // 5,6 count pair 197/224
    String.raw`(\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)`, // 7 number
  ].join('|'),
  'gu',
);

/** Reads a written number in a style: both values when one separator with three digits after is ambiguous. */
export function readNumber(text: string, style: NumberStyle): Reading[] {
  const t = text.replace(/[\s\u00a0]/g, '');
  const seps = t.replace(/\d/g, '');
  if (!seps) return [{ value: Number(t), decimals: 0 }];
  const asDecimal = (dec: string, group: string): Reading => {
    const [int, frac = ''] = t.split(group).join('').split(dec);
    return { value: Number(`${int}.${frac}`), decimals: frac.length };
  };
  const last = seps[seps.length - 1];
  const other = last === '.' ? ',' : '.';
  if (seps.includes(other)) return [asDecimal(last, other)]; // 1.210,9 / 1,210.9
  if (seps.length > 1) return [{ value: Number(t.split(last).join('')), decimals: 0 }]; // 1.234.567
  const after = t.length - t.indexOf(last) - 1;
  const dec = asDecimal(last, other);
  if (after !== 3) return [dec];
  const thousands = { value: Number(t.replace(last, '')), decimals: 0 };
  const styleThousands = style === 'vi' ? '.' : ',';
  return last === styleThousands ? [thousands, dec] : [dec, thousands];
}

/** The number style a text mostly uses, from its unambiguous numbers ("381,18", "1,210.9"). */
export function detectStyle(paragraphs: string[], fallback: NumberStyle): NumberStyle {
  let vi = 0;
  let en = 0;
  for (const p of paragraphs) {
    for (const m of p.matchAll(/\d(?:[.,]\d+)+/g)) {
      const s = m[0];
      if (/\.\d{3},\d+$/.test(s) || /,\d{1,2}$/.test(s) || /,\d{4,}$/.test(s)) vi++;
      else if (/,\d{3}\.\d+$/.test(s) || /\.\d{1,2}$/.test(s) || /\.\d{4,}$/.test(s)) en++;
    }
  }
  return vi === en ? fallback : vi > en ? 'vi' : 'en';
}

const isLetter = (c: string | undefined) => !!c && /[\p{L}]/u.test(c);
const isDigit = (c: string | undefined) => !!c && /\d/.test(c);

export function unitAfter(s: string, at: number): { unit: UnitId; text: string; end: number } {
  const raw = s.slice(at, at + 60);
  const folded = foldText(raw).toLowerCase();
  for (const [unit, re] of UNITS) {
    const m = re.exec(folded);
    if (!m) continue;
    // map the folded length back onto the raw text: count the words the match covers
    const words = m[0].trim().split(/[\s\/]+/).filter(Boolean).length;
    const rawMatch = new RegExp(String.raw`^\s?` + Array(words).fill(String.raw`[^\s\/]+`).join(String.raw`[\s\/]+`), 'u').exec(raw);
    const len = unit === 'pct' ? raw.indexOf('%') + 1 : rawMatch ? rawMatch[0].length : m[0].length;
    const text = raw.slice(0, len).trim().replace(/[.,;:)\]?!…]+$/u, '');
    return { unit, text, end: at + raw.indexOf(text) + text.length };
  }
  return { unit: 'none', text: '', end: at };
}

function prefixBefore(s: string, at: number): { prefix: Prefix; start: number } {
  const from = Math.max(0, at - 12);
  const m = /([\p{L}\p{N}&§¢]+)\s+$/u.exec(s.slice(from, at));
  const prefix = m ? PREFIX[foldWord(m[1])] ?? null : null;
  return { prefix, start: prefix && m ? from + m.index : at };
}

/**
 * Words that state a comparison without a number: "tương đương cùng kỳ", "tương đương so với cùng
 * kỳ" (the old "không đổi so với cùng kỳ"), "about the same as the same period", "unchanged on the
 * same period". They read as a change of 0 at 1 decimal (format.ts, the precision rule).
 */
const NO_CHANGE = /\b(tuong duong|khong doi)(?= (so voi )?cung ky)|\b(about the same as|unchanged)(?= (on |against |compared with )?the same period)/g;

function foldChars(s: string): string {
  // character by character, so that offsets stay those of `s`
  return s
    .split('')
    .map((ch) => {
      const f = ch.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
      return f.length === 1 ? f : ch;
    })
    .join('');
}

function noChangeTokens(s: string): NumberToken[] {
  const out: NumberToken[] = [];
  const folded = foldChars(s).replace(/\s/g, ' ');
  NO_CHANGE.lastIndex = 0;
  for (let m = NO_CHANGE.exec(folded); m; m = NO_CHANGE.exec(folded)) {
    const start = m.index;
    const end = start + m[0].length;
    out.push({ kind: 'figure', text: s.slice(start, end), start, end, readings: [{ value: 0, decimals: 1 }], leadingZero: false, unit: 'same', unitText: '', unitEnd: end, prefix: null, prefixStart: start });
  }
  return out;
}

/** Every number of a paragraph, in order (with the words that state no change). */
export function scanNumbers(s: string, style: NumberStyle): NumberToken[] {
  const tokens = scanDigits(s, style);
  const words = noChangeTokens(s);
  if (!words.length) return tokens;
  const all = [...tokens, ...words].sort((a, b) => a.start - b.start);
  // pairs point at each other by index: renumber them
  const at = new Map(tokens.map((t, i) => [i, all.indexOf(t)]));
  for (const t of tokens) if (t.pair !== undefined) t.pair = at.get(t.pair);
  return all;
}

function scanDigits(s: string, style: NumberStyle): NumberToken[] {
  const out: NumberToken[] = [];
  const base = (kind: TokenKind, text: string, start: number): NumberToken => ({
    kind,
    text,
    start,
    end: start + text.length,
    readings: [],
    leadingZero: false,
    unit: 'none',
    unitText: '',
    unitEnd: start + text.length,
    prefix: null,
    prefixStart: start,
  });
  const figure = (text: string, start: number, withUnit = true): NumberToken => {
    const t = base('figure', text, start);
    t.readings = readNumber(text, style);
    t.leadingZero = /^0\d/.test(text);
    if (withUnit) Object.assign(t, (({ unit, text: unitText, end }) => ({ unit, unitText, unitEnd: end }))(unitAfter(s, t.end)));
    const p = prefixBefore(s, start);
    t.prefix = p.prefix;
    t.prefixStart = p.start;
    return t;
  };
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(s); m; m = NUMBER.exec(s)) {
    const start = m.index;
    let text = m[0];
    const before = s[start - 1];
    // glued to a word: an OCR slip ("d4u", "4n") or part of a name ("C3", "Covid-19")
    if (isLetter(before) || isDigit(before) || ((before === '.' || before === ',') && isDigit(s[start - 2]))) continue;
    if (before === '-' && isLetter(s[start - 2])) {
      out.push(base('reference', text, start));
      continue;
    }
    if (m[1] || m[2]) {
      out.push(base('date', text, start));
      continue;
    }
    if (m[3]) {
      out.push(base('reference', text, start));
      continue;
    }
    if (m[4]) {
      out.push(base('year', text, start));
      continue;
    }
    if (m[5] !== undefined) {
      const second = figure(m[6], start + m[5].length + 1);
      const first = figure(m[5], start, false);
      first.unit = 'pair';
      first.unitText = '/';
      first.unitEnd = first.end + 1;
      first.pair = out.length + 1;
      second.pair = out.length;
      out.push(first, second);
      continue;
    }
    // a space as thousands separator (OCR of "2.560": "2 560")
    const spaced = /^[ \u00a0]\d{3}(?![\d.,]?\d)/.exec(s.slice(start + text.length));
    if (/^\d{1,3}$/.test(text) && spaced && !/^\d{4}/.test(s.slice(start + text.length + 1))) {
      text += spaced[0];
      NUMBER.lastIndex = start + text.length;
    }
    const after = s.slice(start + text.length);
    if (isLetter(after[0])) {
      if (!/^(ha|m2|m²|km)\b/iu.test(after)) continue;
    }
    if (/^\(\d{1,2}\)/.test(s.slice(start - 1, start + text.length + 1)) && before === '(' && s[start + text.length] === ')') {
      out.push(base('section', text, start));
      continue;
    }
    if (/^\s*$/.test(s.slice(0, start)) && /^\.\s/.test(after) && /^\d{1,2}$/.test(text)) {
      out.push(base('section', text, start));
      continue;
    }
    const t = figure(text, start);
    if (/^(19|20)\d\d$/.test(text) && (t.unit === 'none' || t.unit === 'other')) t.kind = 'year';
    out.push(t);
  }
  return out;
}
