/**
 * Word folding for matching a written report against the template vocabulary: diacritics, case
 * and the usual OCR confusions ignored ("vén dAu tu" ~ "vốn đầu tư", "du 4n" ~ "dự án").
 * Pure: no Node API, runs in the task pane too.
 */

/** OCR look-alikes inside a word that also holds letters ("d4u" → "dau", "t§" → "ty", "1am" → "lam"). */
const LOOKALIKE: Record<string, string> = { '0': 'o', '1': 'l', '3': 'a', '4': 'a', '5': 'o', '6': 'o', '8': 'a', '&': 'a', '@': 'a', '§': 'y', '¢': 'e' };

/** Folds one word: compatibility forms, no marks, đ → d, lower case, quotes dropped, look-alikes mapped. */
export function foldWord(w: string): string {
  let s = w
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/['‘’`´"“”]/g, '');
  if (/[a-z]/.test(s) && /[0-9&@§¢]/.test(s)) s = s.replace(/[0-9&@§¢]/g, (c) => LOOKALIKE[c] ?? c);
  return s;
}

export interface Word {
  /** Folded form. */
  w: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}&@§¢'‘’]+/gu;

/** The words of `s` with their offsets; pure numbers are left out (they are figures, not words). */
export function wordsOf(s: string, from = 0, to = s.length): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(s); m && m.index < to; m = WORD.exec(s)) {
    if (/^[\d.,]+$/.test(m[0])) continue;
    const w = foldWord(m[0]);
    if (w) out.push({ w, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Folded words of a phrase, in order. */
export function foldWords(s: string): string[] {
  return wordsOf(s).map((x) => x.w);
}

/** Folds a whole string for pattern matching, word by word, whitespace collapsed. */
export function foldText(s: string): string {
  return s
    .replace(/[\p{L}\p{N}&@§¢'‘’]+/gu, (w) => (/^[\d.,]+$/.test(w) ? w : foldWord(w)))
    .replace(/\s+/g, ' ');
}

function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** Folded words equal, allowing one OCR slip in a word of 3 letters or more (two from 7). */
export function wordEq(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(a.length, b.length);
  if (n < 3) return false;
  return editDistance(a, b, n >= 7 ? 2 : 1) <= (n >= 7 ? 2 : 1);
}

/**
 * How well a written phrase matches a template phrase, 0‥1: the F1 of the words they share
 * (fuzzy, each word used once). Two empty phrases match fully.
 */
export function similarity(text: string[], tmpl: string[]): number {
  if (!text.length && !tmpl.length) return 1;
  if (!text.length || !tmpl.length) return 0;
  const used = new Array(text.length).fill(false);
  let hits = 0;
  for (const t of tmpl) {
    const i = text.findIndex((w, k) => !used[k] && wordEq(w, t));
    if (i >= 0) {
      used[i] = true;
      hits++;
    }
  }
  if (!hits) return 0;
  const p = hits / text.length;
  const r = hits / tmpl.length;
  return (2 * p * r) / (p + r);
}

/** Whether the folded phrase occurs in `words` (consecutive, fuzzy). */
export function hasPhrase(words: string[], phrase: string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (!wordEq(words[i + j], phrase[j])) continue outer;
    return true;
  }
  return false;
}

/**
 * Where a name (a budget unit) occurs in `words`: the index after each window of its length that
 * holds at least 80 % of its words in order.
 */
export function findName(words: Word[], name: string[]): number[] {
  const out: number[] = [];
  const k = name.length;
  if (!k) return out;
  for (let i = 0; i + k <= words.length; i++) {
    let hits = 0;
    for (let j = 0; j < k; j++) if (wordEq(words[i + j].w, name[j])) hits++;
    if (hits / k >= 0.8) {
      out.push(words[i + k - 1].end);
      i += k - 1;
    }
  }
  return out;
}
