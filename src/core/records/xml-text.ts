/**
 * What XML 1.0 cannot hold (§2.2 Char): C0 controls other than tab, newline and carriage return,
 * U+FFFE, U+FFFF and lone surrogates (with the u flag a proper pair is one code point above U+FFFF).
 * One such character makes the .xlsx or .docx that holds it unreadable.
 */
const NOT_XML = /[^\t\n\r\u{20}-\u{D7FF}\u{E000}-\u{FFFD}\u{10000}-\u{10FFFF}]/gu;
const NOT_XML_TEST = /[^\t\n\r\u{20}-\u{D7FF}\u{E000}-\u{FFFD}\u{10000}-\u{10FFFF}]/u;

/** Every UTF-16 unit that may begin a character XML cannot hold: far cheaper than the exact test. */
const SUSPECT = /[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]/;

export function isXmlSafe(s: string): boolean {
  return !SUSPECT.test(s) || !NOT_XML_TEST.test(s);
}

/** The characters XML cannot hold in the text, each once, as `U+FFFE`. */
export function unsafeCharacters(s: string): string[] {
  const seen = new Set<string>();
  for (const m of s.matchAll(NOT_XML)) seen.add(`U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return [...seen];
}

/** The text with every character XML cannot hold removed. */
export function xmlSafe(s: string): string {
  return isXmlSafe(s) ? s : s.replace(NOT_XML, '');
}

/**
 * A copy of a plain value (objects, arrays, strings, numbers, dates) with every string passed
 * through `xmlSafe`; the value itself when nothing needs cleaning. The one gate every string
 * crosses on its way into a written .xlsx or .docx.
 */
export function deepXmlSafe<T>(value: T): T {
  return clean(value) as T;
}

function clean(v: unknown): unknown {
  if (typeof v === 'string') return xmlSafe(v);
  if (Array.isArray(v)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < v.length; i++) {
      const c = clean(v[i]);
      if (c !== v[i]) (copy ??= v.slice())[i] = c;
    }
    return copy ?? v;
  }
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    let copy: Record<string, unknown> | null = null;
    for (const [k, x] of Object.entries(v)) {
      const c = clean(x);
      if (c !== x) (copy ??= { ...(v as Record<string, unknown>) })[k] = c;
    }
    return copy ?? v;
  }
  return v;
}
