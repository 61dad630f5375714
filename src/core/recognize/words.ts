/**
 * A pure function of a text, remembered for the texts it has seen (at most `size`, then forgotten
 * all at once; texts longer than a header are never kept, so the memory held stays a few MB):
 * recognition reads each header once per kind and per pass over a sheet.
 */
export function memoOnText<T>(fn: (s: string) => T, size = 20_000): (s: string) => T {
  const known = new Map<string, T>();
  return (s: string) => {
    if (known.has(s)) return known.get(s)!;
    const v = fn(s);
    if (s.length <= 200) {
      if (known.size >= size) known.clear();
      known.set(s, v);
    }
    return v;
  };
}

/** Folds header and label text for matching: diacritics, case, punctuation and spacing ignored; words kept apart. */
export const fold = memoOnText((s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim(),
);

/** Whether `phrase` (folded) occurs in `text` (folded) as whole words. */
export function hasWords(text: string, phrase: string): boolean {
  if (!phrase) return false;
  return ` ${text} `.includes(` ${phrase} `);
}

/** "I.", "II -", "A." at the start of a label (group rows); returns the rest. */
const ROMAN = /^\s*((?:X{0,3})(?:IX|IV|V?I{0,3}))\s*[.)\-–:]\s*(.+)$/;
export function groupLabel(text: string): string | null {
  const m = ROMAN.exec(text);
  if (m && m[1]) return m[2].trim();
  const l = /^\s*([A-HJ-Z])\s*[.)]\s+(.+)$/.exec(text);
  return l ? l[2].trim() : null;
}

export function isRoman(text: string): boolean {
  const t = text.trim().replace(/[.)]$/, '');
  return /^(X{0,3})(IX|IV|V?I{0,3})$/.test(t) && t !== '';
}

export function isGroupLetter(text: string): boolean {
  return /^[A-HJ-Z][.)]?$/.test(text.trim());
}

/** Row labels that close rows: totals and subtotals. */
export function totalKind(label: string): 'total' | 'subtotal' | null {
  const f = fold(label);
  // "Công ty …", "Tổng công ty …" and "Cộng hòa …" are names, not totals
  if (/^(tong )?cong (ty|hoa)( |$)/.test(f) || /^tong (ket|hop|cuc|thau|kho|dai|giam doc|bien tap)( |$)/.test(f)) return null;
  if (/^(tong cong|tong so|tong|total|grand total|cong chung|toan bo|tong toan)( |$)/.test(f)) return 'total';
  if (/^(cong|sub ?total|cong nhom|cong khu|tong khu)( |$)/.test(f)) return 'subtotal';
  return null;
}

/** Lines under a table that are not data. */
export function isNoteLabel(label: string): boolean {
  const f = fold(label);
  return /^(ghi chu|chu thich|luu y|nguon|nguon so lieu|note|notes|source|nguoi lap|nguoi lap bieu|lap bieu|thu truong|ky ten|\*)( |$)/.test(f) || /^\s*\*/.test(label);
}

/** STT column headers. */
export function isSttHeader(text: string): boolean {
  return /^(stt|tt|so tt|so thu tu|no|#|thu tu)$/.test(fold(text)) || text.trim() === '#';
}
