import { ZipArchive } from './zip';
import { isMain, parsePart, unescapeOoxml } from './xml';
import { parsePartBytes } from './tokenizer';
import { LimitError } from './errors';

/** Excel's limit on the characters of one cell's text. */
export const MAX_CELL_TEXT = 32_767;

/** Built-in number formats that show a date or time (ECMA-376 Part 1, 18.8.30, plus the East Asian ids Excel uses). */
const BUILTIN_DATE = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a custom format code shows a date: a d, m, y, h or s outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .split(';')[0]
    .replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '')
    .toLowerCase();
  return /[dmyhs]/.test(bare) && bare !== 'general';
}

/** For each cell style (cellXfs index), whether its number format shows a date. */
export function readDateStyles(zip: ZipArchive, part: string | null): boolean[] {
  if (!part) return [];
  const custom = new Map<number, boolean>();
  const flags: boolean[] = [];
  let inCellXfs = false;
  parsePart(zip, part, {
    open(el) {
      if (!isMain(el.uri)) return;
      if (el.local === 'numFmt') custom.set(Number(el.attr('numFmtId')), isDateFormat(unescapeOoxml(el.attr('formatCode') ?? '')));
      else if (el.local === 'cellXfs') inCellXfs = true;
      else if (el.local === 'xf' && inCellXfs) {
        const id = Number(el.attr('numFmtId') ?? 0);
        flags.push(custom.get(id) ?? BUILTIN_DATE.has(id));
      }
    },
    close(local) {
      if (local === 'cellXfs') inCellXfs = false;
    },
  });
  return flags;
}

/** The shared string table: each item's text, phonetic runs left out. */
export function readSharedStrings(zip: ZipArchive, part: string | null): string[] {
  if (!part) return [];
  const out: string[] = [];
  let inSi = false;
  let inT = false;
  let rPh = 0;
  let s = '';
  parsePartBytes(zip, part, {
    wantText: () => inT,
    open(el) {
      if (!isMain(el.uri)) return;
      if (el.local === 'si') {
        inSi = true;
        s = '';
      } else if (el.local === 'rPh') rPh++;
      else if (el.local === 't' && inSi && !rPh) inT = true;
    },
    close(local, uri) {
      if (!isMain(uri)) return;
      if (local === 't') inT = false;
      else if (local === 'rPh') rPh--;
      else if (local === 'si') {
        out.push(intern(unescapeOoxml(s)));
        inSi = false;
      }
    },
    text(t) {
      if (!inT) return;
      s += t;
      // as written (before _xHHHH_ escapes are decoded) a text may take a few times its length
      if (s.length > MAX_CELL_TEXT * 2) throw new LimitError('text', part, s.length, MAX_CELL_TEXT, `si ${out.length + 1}`);
    },
  });
  return out;
}

const INTERNED = new Map<string, string>();
/** One copy of each short text: zones, names and categories repeat down a table. */
export function intern(s: string): string {
  if (s.length > 40) return s;
  let v = INTERNED.get(s);
  if (v === undefined) {
    if (INTERNED.size > 200_000) INTERNED.clear();
    INTERNED.set(s, (v = s));
  }
  return v;
}
