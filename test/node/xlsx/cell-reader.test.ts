// The worksheet scan (src/node/xlsx/sheet.ts) reads attributes, numbers and texts from the bytes
// themselves. Here it must give exactly the cells of a reference that reads the same sheet through
// saxes (xml.ts) with strings and Number(), on sheets full of the forms a value may be written in.
import fc from 'fast-check';
import { LimitError, ZipArchive } from '../../../src/node/xlsx';
import { parsePart, isMain, unescapeOoxml } from '../../../src/node/xlsx/xml';
import { SheetContext, scanCells, scanSheet, TableTarget } from '../../../src/node/xlsx/sheet';
import { readSharedStrings } from '../../../src/node/xlsx/styles';
import { ByteCache } from '../../../src/node/xlsx/bytes';
import { CellValue } from '../../../src/core/records/snapshot';
import { zipOf } from '../../helpers/xlsx-parts';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PART = 'xl/worksheets/sheet1.xml';
const CTX: SheetContext = { strings: ['s0', 's1', 's2', 's3'], dateStyles: [false, true, false], date1904: false, trackFormulas: true };

type Cell = [number, number, CellValue, string | null];

/** The cells as the string-based reader read them (before issue 21), over saxes. */
function referenceCells(zip: ZipArchive, part: string, ctx: SheetContext): Cell[] {
  const out: Cell[] = [];
  const shared = new Map<string, string>();
  let row = 0;
  let col = 0;
  let inCell = false;
  let type = 'n';
  let style = 0;
  let hasF = false;
  let hasV = false;
  let f = '';
  let v = '';
  let inline = '';
  let fShared: string | undefined;
  let capture = 0;
  let inIs = false;
  let rPh = 0;
  const value = (): CellValue => {
    switch (type) {
      case 's':
        if (v.trim() === '') return null;
        return ctx.strings[Number(v)] ?? (hasV ? '' : null);
      case 'inlineStr':
        return unescapeOoxml(inline);
      case 'str':
        return hasV ? unescapeOoxml(v) : null;
      case 'b':
        return hasV ? v.trim() === '1' || v.trim() === 'true' : null;
      case 'e':
        return hasV ? { error: v.trim() } : null;
      case 'd':
        return hasV ? 'iso' : null;
      default: {
        if (!hasV || v.trim() === '') return null;
        const n = Number(v);
        if (!Number.isFinite(n)) return v;
        return ctx.dateStyles[style] ? new Date(Math.round((ctx.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30)) + n * 86400000)) : n;
      }
    }
  };
  parsePart(zip, part, {
    open(el) {
      if (!isMain(el.uri)) return;
      if (el.local === 'row') {
        const r = el.attr('r');
        row = r ? Number(r) : row + 1;
        col = 0;
      } else if (el.local === 'c') {
        const ref = el.attr('r');
        if (ref) {
          let c = 0;
          let i = 0;
          for (; i < ref.length; i++) {
            const ch = ref.charCodeAt(i) | 32;
            if (ch < 97 || ch > 122) break;
            c = c * 26 + (ch - 96);
          }
          col = c;
          const rr = Number(ref.slice(i));
          if (rr > 0) row = rr;
        } else col++;
        inCell = true;
        type = el.attr('t') ?? 'n';
        style = el.attr('s') ? Number(el.attr('s')) : 0;
        hasF = hasV = false;
        f = v = inline = '';
        fShared = undefined;
      } else if (el.local === 'v') {
        hasV = true;
        capture = 1;
      } else if (el.local === 'f') {
        hasF = true;
        capture = 2;
        if (el.attr('t') === 'shared') fShared = el.attr('si');
      } else if (el.local === 'is') inIs = true;
      else if (el.local === 'rPh') rPh++;
      else if (el.local === 't' && inIs && !rPh) capture = 3;
    },
    close(local, uri) {
      if (!isMain(uri)) return;
      if (local === 'v' || local === 'f' || local === 't') capture = 0;
      else if (local === 'is') inIs = false;
      else if (local === 'rPh') rPh--;
      else if (local === 'c' && inCell) {
        inCell = false;
        let formula: string | null = null;
        if (hasF) {
          if (fShared !== undefined) {
            if (f) shared.set(fShared, f);
            else f = shared.get(fShared) ?? '';
          }
          if (!hasV || (v === '' && type !== 'str')) {
            out.push([row, col, { formula: f }, null]);
            return;
          }
          if (ctx.trackFormulas) formula = f;
        }
        out.push([row, col, value(), formula]);
      }
    },
    text(s) {
      if (capture === 1) v += s;
      else if (capture === 2) f += s;
      else if (capture === 3) inline += s;
    },
  });
  return comparable(out);
}

/** Invalid dates (a serial past the calendar) compare as a word: two NaN times are not equal. */
const comparable = (cells: Cell[]): Cell[] => cells.map(([r, c, v, f]) => [r, c, v instanceof Date && !Number.isFinite(v.getTime()) ? 'invalid date' : v, f]);

function scannedCells(zip: ZipArchive, part: string, ctx: SheetContext): Cell[] {
  const out: Cell[] = [];
  scanCells(zip, part, ctx, { keep: () => true, cell: (r, c, value, formula) => out.push([r, c, value, formula]) });
  return comparable(out);
}

const oneOf = <T>(...xs: T[]) => fc.constantFrom(...xs);

/** A number as a writer may put it, or something that only looks like one. */
const numberText = fc.oneof(
  fc.double({ noNaN: true }).map(String),
  fc.tuple(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 8 })).map(([n, d]) => n.toFixed(d)),
  fc.integer({ min: -1e9, max: 1e9 }).map(String),
  fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String),
  fc.tuple(fc.stringMatching(/^-?[0-9]{0,18}$/), fc.stringMatching(/^[0-9]{0,24}$/), fc.boolean()).map(([a, b, dot]) => (dot ? `${a}.${b}` : `${a}${b}`)),
  oneOf('0', '-0', '-0.0', '00012', '.5', '5.', '-.5', '.', '-', '', ' ', ' 7', '7 ', '+5', '1e3', '1E-3', '0x10', '1_000', 'Infinity', '-Infinity', '1e400', '4.35', '0.1', '9007199254740993', '9007199254740992', '900719925474099.3', '123456789012345678', '0.30000000000000004', '&#49;2', '1&#46;5', '\t3', '3\r\n', '<![CDATA[42]]>', '4<![CDATA[2]]>', '١٢', 'ABC', 'TRUE'),
);

/** An attribute value as a writer may put it (escaped for a double-quoted attribute). */
const refText = oneOf('A1', 'B2', 'AA10', 'a3', 'XFD1048576', 'B', '', '7', 'A0', 'A-1', 'A1.5', 'A01', 'A1e1', 'A 1', '&#65;4', 'A&#49;', '$A$1', 'Ạ1', ' A1', 'A1 ', 'A\t1');
const styleText = oneOf('0', '1', '2', '01', '1.0', ' 1', '', '&#49;', 'x', '-1', '1e0', '3', '00');
const typeText = oneOf('n', 's', 'str', 'inlineStr', 'b', 'e', 'd', '&#115;', 'S', 'x', '', 'inlineStr ', 'st&#114;');
const rowText = oneOf('1', '2', '', '01', '1e1', ' 3', '3.0', '-2', '&#52;', '0', '99');

/** Text of a <t> or <v>: plain, non-ASCII, escaped, split by CDATA or comments. */
const text = fc
  .array(oneOf('a', ' ', 'Đ', 'ệ', '中', '😀', '&amp;', '&lt;', '&#233;', '&#x1F600;', '\r\n', '\n', '_x000D_', '_x0041_', '<![CDATA[c]]>', '<!-- x -->', '0', '1', '.', '-', 'Dự án 1', 'KCN An Dương'), { maxLength: 6 })
  .map((xs) => xs.join(''));

const cell = fc
  .record({
    ref: fc.option(refText, { nil: undefined }),
    type: fc.option(typeText, { nil: undefined }),
    style: fc.option(styleText, { nil: undefined }),
    body: fc.oneof(
      numberText.map((n) => `<v>${n}</v>`),
      text.map((t) => `<v>${t}</v>`),
      text.map((t) => `<is><t>${t}</t></is>`),
      fc.array(text, { minLength: 1, maxLength: 3 }).map((ts) => `<is>${ts.map((t) => `<r><t>${t}</t></r>`).join('')}<rPh><t>ふ</t></rPh></is>`),
      fc.tuple(text, numberText).map(([f, n]) => `<f>${f}</f><v>${n}</v>`),
      fc.tuple(oneOf('<f t="shared" si="0">A1</f>', '<f t="shared" si="0"/>', '<f>B1</f>'), fc.option(numberText, { nil: undefined })).map(([f, n]) => f + (n === undefined ? '' : `<v>${n}</v>`)),
      oneOf('', '<v/>', '<v></v><v>3</v>', '<v>1</v><v>2</v>'),
    ),
  })
  .map(({ ref, type, style, body }) => `<c${ref === undefined ? '' : ` r="${ref}"`}${type === undefined ? '' : ` t="${type}"`}${style === undefined ? '' : ` s="${style}"`}>${body}</c>`);

const sheet = fc
  .array(fc.tuple(fc.option(rowText, { nil: undefined }), fc.array(cell, { maxLength: 6 })), { maxLength: 8 })
  .map((rows) => `<worksheet xmlns="${MAIN}"><sheetData>${rows.map(([r, cs]) => `<row${r === undefined ? '' : ` r="${r}"`}>${cs.join('')}</row>`).join('\n')}</sheetData></worksheet>`);

test('generated sheets: the cells of the reference read through saxes, exactly', () => {
  fc.assert(
    fc.property(sheet, fc.boolean(), (xml, date1904) => {
      const zip = new ZipArchive(zipOf({ [PART]: xml }));
      const ctx = { ...CTX, date1904 };
      const want = referenceCells(zip, PART, ctx).map(([r, c, v, f]) => [r, c, v === 'iso' ? expect.anything() : v, f]);
      expect(scannedCells(zip, PART, ctx)).toEqual(want);
    }),
    { numRuns: 1500 },
  );
});

test('numbers read from bytes are exactly Number(text), -0 included', () => {
  fc.assert(
    fc.property(numberText, (n) => {
      const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>${n}</v></c><c r="B1" t="s"><v>${n}</v></c></row></sheetData></worksheet>`;
      const zip = new ZipArchive(zipOf({ [PART]: xml }));
      const got = scannedCells(zip, PART, CTX);
      const want = referenceCells(zip, PART, CTX);
      expect(got).toEqual(want);
      for (let i = 0; i < got.length; i++) if (typeof want[i][2] === 'number') expect(Object.is(got[i][2], want[i][2])).toBe(true);
    }),
    { numRuns: 3000 },
  );
});

test('a text seen again is read the same from a cache of bytes, whatever lies around it', () => {
  const texts = ['KCN An Dương', 'Đ', 'a_x0041_b', 'Dự án 1', 'Dự án 1 ', 'x'.repeat(119), 'y'.repeat(121)];
  const rows = Array.from({ length: 60 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t>${texts[r % texts.length]}</t></is></c><c r="B${r + 1}" t="str"><f>A1</f><v>${texts[(r * 5) % texts.length]}</v></c></row>`);
  const zip = new ZipArchive(zipOf({ [PART]: `<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>` }));
  const got = scannedCells(zip, PART, CTX);
  expect(got).toEqual(referenceCells(zip, PART, CTX));
  expect(got[4][2]).toBe('aAb');
});

test('a table of a sheet: full rows of nulls, cells in place', () => {
  const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="2"><c r="B2"><v>1</v></c></row><row r="4"><c r="C4" t="inlineStr"><is><t>x</t></is></c><c r="E4"><v>9</v></c></row></sheetData></worksheet>`;
  const zip = new ZipArchive(zipOf({ [PART]: xml }));
  const target: TableTarget = { firstRow: 2, lastRow: 5, firstCol: 2, lastCol: 4, rows: [], formulas: [] };
  scanSheet(zip, PART, [target], CTX);
  expect(target.rows).toEqual([
    [1, null, null],
    [null, null, null],
    [null, 'x', null],
  ]);
  expect(target.rows[0]).not.toBe(target.rows[1]);
});

test('shared strings: runs joined, phonetic runs left out, escapes decoded, repeated items equal', () => {
  const items = ['<t>a</t>', '<r><t>Đ</t></r><r><t xml:space="preserve"> b</t></r><rPh><t>ふ</t></rPh>', '<t>_x0041_&amp;</t>', '<t>a</t>', '<t><![CDATA[c]]>d</t>', '<t>x\r\ny</t>'];
  const zip = new ZipArchive(zipOf({ 'xl/sharedStrings.xml': `<sst xmlns="${MAIN}">${items.map((i) => `<si>${i}</si>`).join('')}</sst>` }));
  expect(readSharedStrings(zip, 'xl/sharedStrings.xml')).toEqual(['a', 'Đ b', 'A&', 'a', 'cd', 'x\ny']);
});

test('a text longer than a cell may hold is refused by its length in characters, not in bytes', () => {
  const read = (t: string, pieces = 1) => {
    const body = Array.from({ length: pieces }, () => t).join('<!-- -->');
    const zip = new ZipArchive(zipOf({ [PART]: `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="C1" t="inlineStr"><is><t>${body}</t></is></c></row></sheetData></worksheet>` }));
    try {
      return scannedCells(zip, PART, CTX)[0][2];
    } catch (e) {
      return e instanceof LimitError ? { ...e } : e;
    }
  };
  const length = (v: unknown) => (typeof v === 'string' ? v.length : v);
  // 30,000 characters of 3 bytes each: 90,000 bytes, but a text Excel holds
  expect(length(read('ệ'.repeat(30_000)))).toBe(30_000);
  expect(length(read('ệ'.repeat(21_000), 3))).toBe(63_000);
  expect(read('ệ'.repeat(22_000), 3)).toMatchObject({ what: 'text', value: 66_000, ref: 'C1' });
  expect(read('x'.repeat(65_535))).toMatchObject({ what: 'text', value: 65_535, max: 32_767, ref: 'C1' });
  expect(length(read('x'.repeat(65_534)))).toBe(65_534);
  const sst = (t: string) => readSharedStrings(new ZipArchive(zipOf({ s: `<sst xmlns="${MAIN}"><si><t>${t}</t></si></sst>` })), 's');
  expect(sst('ệ'.repeat(30_000))[0].length).toBe(30_000);
  expect(() => sst('ệ'.repeat(65_535))).toThrow(LimitError);
});

test('the cache of texts by bytes: colliding slots, a full key store and long keys all give the text of those bytes', () => {
  let made = 0;
  const cache = new ByteCache((b, s, e) => (made++, Buffer.from(b.subarray(s, e)).toString('utf8')), 1, 8, 16);
  const words = ['a', 'b', 'ab', 'ba', 'Đ', 'abcdefgh', 'abcdefghi', '', 'a'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), fc.nat({ max: 3 }), (xs, pad) => {
      for (const w of xs) {
        const b = Buffer.concat([Buffer.alloc(pad, 120), Buffer.from(w), Buffer.alloc(pad, 121)]);
        expect(cache.get(b, pad, b.length - pad)).toBe(w);
      }
    }),
  );
  made = 0;
  const b = Buffer.from('xyz');
  for (let i = 0; i < 5; i++) cache.get(b, 0, 3);
  expect(made).toBe(1);
});
