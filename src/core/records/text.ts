/** How many recent texts each cache below keeps: a table repeats its zones, kinds and statuses. */
const CLEANED_KEPT = 4096;

/** Folds a table name, header or key for matching: case, diacritics, spaces and underscores ignored. */
export function foldKey(s: string): string {
  let f = folded.get(s);
  if (f !== undefined) return f;
  f = fold(s);
  if (folded.size >= CLEANED_KEPT) folded.clear();
  folded.set(s, f);
  return f;
}

const folded = new Map<string, string>();

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s_]+/g, '');
}

export function nfc(s: string): string {
  return s.normalize('NFC');
}

/** Printable ASCII with no white space at either end: already clean. */
const CLEAN_ASCII = /^(?:[\x21-\x7e][\x20-\x7e]*[\x21-\x7e]|[\x21-\x7e])$/;
/** Recent non-ASCII texts and their clean forms. */
const cleaned = new Map<string, string>();

/** Cleans text read from a cell: NFC, non-breaking spaces as spaces, trimmed. */
export function cleanText(s: string): string {
  if (s.length <= 64 && CLEAN_ASCII.test(s)) return s;
  let c = cleaned.get(s);
  if (c !== undefined) return c;
  c = nfc(s).replace(/\u00a0/g, ' ').trim();
  if (cleaned.size >= CLEANED_KEPT) cleaned.clear();
  cleaned.set(s, c);
  return c;
}
