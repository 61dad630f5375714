/**
 * Width of a line of bold Times New Roman, so the decree's rules (the short line under the
 * agency and the subject, the line under the motto as long as the motto) can be drawn as
 * paragraph borders of the right length. Advance widths in 1/1000 em for U+0020..U+007E, the
 * same in Times New Roman and its metric-compatible Liberation Serif.
 */
const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500,
  500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
  611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500,
  556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];
/** Letters not in the table above, or wider than their base letter. */
const WIDER: Record<string, number> = { ư: 600, Ư: 796, ơ: 554, Ơ: 778, đ: 556, Đ: 722, '…': 1000, '–': 500, '—': 1000 };

function charWidth(ch: string): number {
  if (WIDER[ch] !== undefined) return WIDER[ch];
  // Tone marks do not change the advance width; the horn (ư, ơ) does.
  const d = ch.normalize('NFD');
  const base = d.includes('\u031b') ? (d.charAt(0) + '\u031b').normalize('NFC') : d.charAt(0);
  if (WIDER[base] !== undefined) return WIDER[base];
  const code = base.charCodeAt(0);
  return code >= 32 && code <= 126 ? BOLD[code - 32] : 556;
}

/** Estimated width in twips of `text` set in bold Times New Roman at `sizePt`. */
export function boldTextWidth(text: string, sizePt: number): number {
  let em = 0;
  for (const ch of text.normalize('NFC')) em += charWidth(ch);
  return Math.round((em / 1000) * sizePt * 20);
}
