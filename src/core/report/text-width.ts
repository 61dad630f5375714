/**
 * Advance widths of Times New Roman (and its metric twin Liberation Serif) in 1/1000 em for
 * U+0020..U+007E, regular and bold. Used to size wrapped rows of the summary sheet and the
 * decree's rules in the Word report. Vietnamese tone marks do not change a letter's advance;
 * the horn (ư, ơ) does.
 */
const REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500,
  500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500,
  500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];
const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500,
  500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
  611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500,
  556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];
/** Letters outside the table above, or wider than their base letter. */
const WIDER: Record<string, [number, number]> = {
  ư: [556, 600],
  Ư: [778, 796],
  ơ: [530, 554],
  Ơ: [746, 778],
  đ: [500, 556],
  Đ: [722, 722],
  '…': [1000, 1000],
  '–': [500, 500],
  '—': [1000, 1000],
  '“': [444, 500],
  '”': [444, 500],
};

/** Widths by UTF-16 code unit, regular and bold, measured on first use (0: not yet). */
const TABLE = [new Uint16Array(0x10000), new Uint16Array(0x10000)];
/** Any code point above U+FFFF: `measure` finds no narrower base letter for one. */
export const ASTRAL_EM = 556;

/** Width in 1/1000 em of one UTF-16 code unit, a lone surrogate included (textEm reads the pairs). */
export function charEm(code: number, bold: boolean): number {
  const table = TABLE[bold ? 1 : 0];
  let w = table[code];
  if (w === 0) table[code] = w = measure(String.fromCharCode(code), bold);
  return w;
}

export const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
export const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Width in 1/1000 em of `text`, one character at a time as `for … of` reads it (a surrogate pair is one). */
function textEm(text: string, bold: boolean): number {
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHighSurrogate(code) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      em += ASTRAL_EM;
      i++;
    } else em += charEm(code, bold);
  }
  return em;
}

function measure(ch: string, bold: boolean): number {
  const i = bold ? 1 : 0;
  if (WIDER[ch]) return WIDER[ch][i];
  const d = ch.normalize('NFD');
  const base = d.includes('\u031b') ? (d.charAt(0) + '\u031b').normalize('NFC') : d.charAt(0);
  if (WIDER[base]) return WIDER[base][i];
  const code = base.charCodeAt(0);
  if (code >= 32 && code <= 126) return (bold ? BOLD : REGULAR)[code - 32];
  if (/[\u2070-\u209f¹²³]/.test(ch)) return 300; // superscript footnote digits
  return 556;
}

/** Width in points of `text` in Times New Roman at `sizePt`. */
export function textWidthPt(text: string, sizePt: number, bold = false): number {
  return (textEm(text, bold) / 1000) * sizePt;
}

/** Width in twips (1/20 pt) of bold text, as the Word writer measures its rules. */
export function boldTextWidth(text: string, sizePt: number): number {
  return Math.round(textWidthPt(text, sizePt, true) * 20);
}
