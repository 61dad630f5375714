/** Folds a table name, header or key for matching: case, diacritics, spaces and underscores ignored. */
export function foldKey(s: string): string {
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

/** Cleans text read from a cell: NFC, non-breaking spaces as spaces, trimmed. */
export function cleanText(s: string): string {
  return nfc(s).replace(/\u00a0/g, ' ').trim();
}
