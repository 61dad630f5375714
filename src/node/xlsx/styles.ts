import { ZipArchive } from './zip';
import { isMain, parsePart, unescapeOoxml } from './xml';
import { parsePartBytes } from './tokenizer';
import { LimitError } from './errors';
import { ByteCache, GatheredText, utf8 } from './bytes';

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

/** Names the shared strings part's scan acts on (SpreadsheetML main namespace). */
const SST_TAGS = ['si', 'rPh', 't'];
const SI = 0;
const RPH = 1;
const T = 2;
const sstTag = (local: string, uri: string) => (isMain(uri) ? SST_TAGS.indexOf(local) : -1);

/** The shared string table: each item's text, phonetic runs left out. */
export function readSharedStrings(zip: ZipArchive, part: string | null): string[] {
  if (!part) return [];
  const out: string[] = [];
  let inSi = false;
  let inT = false;
  let rPh = 0;
  const s = new GatheredText();
  /** At least the length of `s` in UTF-16 units (its bytes while it is bytes). */
  let bound = 0;
  const counted = (n: number) => {
    // as written (before _xHHHH_ escapes are decoded) a text may take a few times its length
    if ((bound += n) > MAX_CELL_TEXT * 2 && (bound = s.toString().length) > MAX_CELL_TEXT * 2) {
      throw new LimitError('text', part, bound, MAX_CELL_TEXT, `si ${out.length + 1}`);
    }
  };
  parsePartBytes(zip, part, {
    wantText: () => inT,
    elementCode: sstTag,
    open(el) {
      if (el.code === SI) {
        inSi = true;
        s.reset();
        bound = 0;
      } else if (el.code === RPH) rPh++;
      else if (el.code === T && inSi && !rPh) inT = true;
    },
    close(_local, _uri, code) {
      if (code === T) inT = false;
      else if (code === RPH) rPh--;
      else if (code === SI) {
        out.push(internText(s));
        inSi = false;
      }
    },
    textBytes(b, start, end) {
      if (!inT) return;
      s.addBytes(b, start, end);
      counted(end - start);
    },
    text(t) {
      if (!inT) return;
      s.addString(t);
      counted(t.length);
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

/**
 * unescapeOoxml(text) of texts given as their UTF-8 bytes, kept by those bytes: what `intern` is to
 * strings, for the texts read as bytes (up to 120 bytes: every text of up to 40 characters).
 */
const TEXTS = new ByteCache((b, s, e) => unescapeOoxml(utf8(b, s, e)), 16, 120, 1 << 21);

/** unescapeOoxml(text) of gathered text, one copy of a repeated text: by its bytes when it is one piece, else `intern`. */
export function internText(t: GatheredText): string {
  return t.bytes ? TEXTS.get(t.bytes, t.start, t.end) : intern(unescapeOoxml(t.toString()));
}
