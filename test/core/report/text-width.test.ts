// estimateLines measures each word in one pass over the text, with no substring; textWidthPt reads
// the text by UTF-16 unit; splitForRows counts a piece's lines as sentences join it. Each must give
// what splitting the text into lines, words and code points gives, and measuring each piece whole
// (the way they were first written, kept here as the reference).
import fc from 'fast-check';
import { estimateLines, splitForRows } from '../../../src/core/report/sheet-plan';
import { textWidthPt } from '../../../src/core/report/text-width';

/** Width in 1/1000 em, one code point at a time (`for … of`): any code point above U+FFFF is 556. */
const referenceEm = (text: string, bold: boolean) => [...text].reduce((em, ch) => em + (ch.length === 2 ? 556 : Math.round(textWidthPt(ch, 1000, bold))), 0);

/** The greedy wrap, one word at a time: `add` returns the line count so far. */
function referenceWrap(widthPt: number, size: number, bold: boolean) {
  let lines = 1;
  let used = 0;
  return (word: string): number => {
    let w = textWidthPt(word, size, bold) * 1.04;
    if (used > 0 && used + 0.25 * size + w <= widthPt) {
      used += 0.25 * size + w;
      return lines;
    }
    if (used > 0) lines++;
    while (w > widthPt) {
      lines++;
      w -= widthPt;
    }
    used = w;
    return lines;
  };
}

function referenceLines(text: string, widthPt: number, size: number, bold: boolean): number {
  let lines = 0;
  for (const line of text.split('\n')) {
    const add = referenceWrap(widthPt, size, bold);
    let count = 1;
    for (const word of line.split(/\s+/)) if (word) count = add(word);
    lines += count;
  }
  return lines;
}

// every kind of JavaScript white space, characters that are not (U+200B, U+180E), wide and narrow
// letters, a surrogate pair and lone halves
const PIECES = [' ', '  ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u2007', '\u200a', '\u200b', '\u180e', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
const LETTERS = ['a', 'W', 'ư', 'Ư', 'ệ', 'Đ', '…', '—', '“', '¹', '⁵', '漢', '😀', '\ud800', '\udc00', 'Dự án', 'Nhà đầu tư', 'KCN Đình Vũ', '12/03/2023', '1.234,5', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'];
const text = fc.array(fc.constantFrom(...PIECES, ...LETTERS), { maxLength: 30 }).map((a) => a.join(''));

test('textWidthPt: the width of each code point, a surrogate pair as one character', () => {
  fc.assert(
    fc.property(text, fc.boolean(), (t, bold) => {
      expect(Math.round(textWidthPt(t, 1000, bold))).toBe(referenceEm(t, bold));
    }),
    { numRuns: 500 },
  );
  expect(textWidthPt('😀', 1000)).toBe(556);
  expect(textWidthPt('\ud800', 1000)).toBe(556);
  expect(textWidthPt('a😀\udc00b', 1000)).toBe(444 + 556 + 556 + 500);
});

test('estimateLines: as splitting the text into lines and words and wrapping them', () => {
  fc.assert(
    fc.property(text, fc.integer({ min: 5, max: 400 }), fc.constantFrom(11, 12, 13, 14), fc.boolean(), (t, width, size, bold) => {
      expect(estimateLines(t, width, size, bold)).toBe(referenceLines(t, width, size, bold));
    }),
    { numRuns: 2000 },
  );
  expect(estimateLines('', 100, 12)).toBe(1);
  expect(estimateLines('a\n\nb\n', 100, 12)).toBe(4);
  // U+200B is no space: one word of 20 letters, cut across lines as a word too wide is
  expect(estimateLines('xxxxxxxxxx\u200bxxxxxxxxxx', 40, 12)).toBe(referenceLines('xxxxxxxxxx\u200bxxxxxxxxxx', 40, 12, false));
});

/** splitForRows as first written: each piece measured whole, again after each sentence. */
function referenceSplit(text: string, widthPt: number, size: number): string[] {
  const maxLines = Math.floor((409 - 4) / (size * 1.2));
  // a sentence too long for a row: cut between words (split at ' ' only, each measured as it comes)
  const atWords = (piece: string): string[] => {
    const out: string[] = [];
    let words: string[] = [];
    let add = referenceWrap(widthPt, size, false);
    for (const word of piece.split(' ')) {
      if (add(word) > Math.min(5, maxLines) && words.length) {
        out.push(words.join(' '));
        words = [];
        add = referenceWrap(widthPt, size, false);
        add(word);
      }
      words.push(word);
    }
    if (words.length) out.push(words.join(' '));
    return out;
  };
  const out: string[] = [];
  let piece = '';
  for (const sentence of text.split(/(?<=[.!?;:…]["”)]?)\s+(?=\S)/)) {
    if (piece && referenceLines(piece, widthPt, size, false) >= 5) {
      out.push(piece);
      piece = '';
    }
    piece = piece ? `${piece} ${sentence}` : sentence;
    if (referenceLines(piece, widthPt, size, false) > Math.min(10, maxLines)) {
      const parts = atWords(piece);
      out.push(...parts.slice(0, -1));
      piece = parts[parts.length - 1];
    }
  }
  if (piece) out.push(piece);
  return out;
}

const WORDS = ['Đơn', 'vị', '1:', '3.274,1', 'triệu', 'đồng;', 'nộp', 'ngân', 'sách.', 'Lũy', 'kế!', '“trích”.', 'Nhà', 'đầu', 'tư?', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '…', 'a\nb'];
const paragraph = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', ' ', ' ', '  ', '\u00a0')), { maxLength: 400 }).map((a) => a.map(([w, sp]) => w + sp).join('').trim());

test('splitForRows: the pieces of a paragraph measured whole would be the same', () => {
  fc.assert(
    fc.property(paragraph, fc.integer({ min: 40, max: 460 }), fc.constantFrom(13, 14), (t, width, size) => {
      expect(splitForRows(t, width, size)).toEqual(referenceSplit(t, width, size));
    }),
    { numRuns: 300 },
  );
});
