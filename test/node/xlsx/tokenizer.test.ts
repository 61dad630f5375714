// The byte tokenizer (src/node/xlsx/tokenizer.ts) against saxes (src/node/xlsx/xml.ts): the same
// events on every XML part of every fixture, on generated sheets full of the variants writers use,
// and the same verdict (read or refused as damage) on mutated, malformed parts.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { ZipArchive, WorkbookReadError } from '../../../src/node/xlsx';
import { parsePart, XmlHandler } from '../../../src/node/xlsx/xml';
import { parsePartBytes, Tokenizer } from '../../../src/node/xlsx/tokenizer';
import { scanCells } from '../../../src/node/xlsx/sheet';
import { zipOf } from '../../helpers/xlsx-parts';

type Event = string;

/** Every event a parser gives, consecutive text joined (parsers may split text anywhere). */
function events(parse: (h: XmlHandler) => void): Event[] {
  const out: Event[] = [];
  let text = '';
  let depth = 0;
  const flush = () => {
    if (text) out.push(`text ${JSON.stringify(text)}`);
    text = '';
  };
  parse({
    open(el) {
      flush();
      depth++;
      const attrs = Object.entries(el.attrs).sort(([a], [b]) => (a < b ? -1 : 1));
      out.push(`open {${el.uri}}${el.local} ${JSON.stringify(attrs)} r=${el.attr('id', (u) => u.includes('relationships'))}`);
    },
    close(local, uri) {
      flush();
      depth--;
      out.push(`close {${uri}}${local}`);
    },
    text(s) {
      // text outside the root element is white space no handler reads (saxes gives it, the tokenizer not)
      if (depth) text += s;
    },
  });
  flush();
  return out;
}

const viaSaxes = (zip: ZipArchive, part: string) => events((h) => parsePart(zip, part, h));
const viaBytes = (zip: ZipArchive, part: string) => events((h) => parsePartBytes(zip, part, h));

/** 'ok' and the events, or the error a parser gives ('damaged: …' or another class). */
function verdict(f: () => Event[]): { ok: true; events: Event[] } | { ok: false; error: string } {
  try {
    return { ok: true, events: f() };
  } catch (e) {
    return { ok: false, error: e instanceof WorkbookReadError ? e.code : String(e) };
  }
}

const FIXTURES = [path.join(__dirname, '../../fixtures/writers'), path.join(__dirname, '../../../examples')];
const files = FIXTURES.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(d, f)));

describe('same events as saxes on every XML part of the fixtures', () => {
  test.each(files.map((f) => [path.basename(f), f]))('%s', (_, file) => {
    let zip: ZipArchive;
    try {
      zip = new ZipArchive(fs.readFileSync(file));
    } catch {
      return; // not a zip (csv renamed): nothing to compare
    }
    const parts = zip.names().filter((n) => /\.(xml|rels)$/i.test(n));
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) {
      const a = verdict(() => viaSaxes(zip, part));
      const b = verdict(() => viaBytes(zip, part));
      expect({ part, ...b }).toEqual({ part, ...a });
    }
  });
});

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Text as a writer may put it: entities, character references, CDATA, line ends, non-ASCII. */
const xmlText = fc
  .array(
    fc.oneof(
      fc.constantFrom('a', ' ', 'Đ', 'ệ', '中', '😀', '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#233;', '&#x1F600;', '&#10;', '&#13;', '\r\n', '\r', '\n', '\t', '_x000D_', ']', '>'),
      fc.string({ unit: 'grapheme-ascii', maxLength: 4 }).map((s) => s.replace(/[<&\]>\r]/g, '')),
    ),
    { maxLength: 8 },
  )
  // "]]>" may not stand in character data (XML 1.0 §2.4): a writer escapes its ">"
  .map((xs) => xs.join('').replace(/]]>/g, ']]&gt;'));

/** A text node inside <t>, perhaps as CDATA (whose content has no "]]>"). */
const tNode = fc.tuple(xmlText, fc.boolean(), fc.boolean()).map(([s, cdata, space]) => {
  const body = cdata ? `<![CDATA[${s.replace(/&[^;]*;/g, '').replace(/]]>/g, '')}]]>` : s;
  return `<t${space ? ' xml:space="preserve"' : ''}>${body}</t>`;
});

const cellXml = (p: string) =>
  fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => `<${p}v>${n}</${p}v>`),
    fc.integer({ min: 0, max: 3 }).map((i) => `<${p}v>${i}</${p}v>`),
    tNode.map((t) => `<${p}is>${t.replace(/<(\/?)t/g, `<$1${p}t`)}</${p}is>`),
    fc.array(tNode, { minLength: 1, maxLength: 3 }).map((ts) => `<${p}is>${ts.map((t) => `<${p}r><${p}rPr><${p}b/></${p}rPr>${t.replace(/<(\/?)t/g, `<$1${p}t`)}</${p}r>`).join('')}<${p}rPh sb="0" eb="1"><${p}t>ふ</${p}t></${p}rPh></${p}is>`),
    xmlText.map((s) => `<${p}f>SUM(A1)</${p}f><${p}v>${s}</${p}v>`),
  );

/** A generated worksheet: any prefix for the main namespace, comments, PIs, attribute quoting. */
const sheet = fc
  .record({
    prefix: fc.constantFrom('', 'x:', 'main:'),
    decl: fc.boolean(),
    rows: fc.array(fc.array(fc.tuple(cellXml('P'), fc.constantFrom('', 'inlineStr', 'str', 's', 'n'), fc.boolean()), { maxLength: 5 }), { maxLength: 6 }),
    comment: fc.boolean(),
  })
  .map(({ prefix, decl, rows, comment }) => {
    const p = prefix;
    const ns = p ? `xmlns:${p.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
    const body = rows
      .map((cells, r) => {
        const cs = cells
          .map(([inner, t, single], c) => {
            const q = single ? "'" : '"';
            const type = inner.includes('is>') ? 'inlineStr' : t;
            return `<${p}c r=${q}${String.fromCharCode(65 + c)}${r + 1}${q}${type ? ` t=${q}${type}${q}` : ''}\n s="0">${inner.replace(/<(\/?)P/g, `<$1${p}`)}</${p}c>`;
          })
          .join('');
        return `<${p}row r="${r + 1}" spans="1:5">${cs}</${p}row>${comment ? `<!-- row ${r} -->` : ''}`;
      })
      .join('\r\n');
    return `${decl ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' : ''}<${p}worksheet ${ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><?mso-application progid="Excel.Sheet"?><${p}sheetData>${body}</${p}sheetData><${p}mergeCells count="1"><${p}mergeCell ref="A1:B1"/></${p}mergeCells></${p}worksheet>`;
  });

const PART = 'xl/worksheets/sheet1.xml';

test('generated sheets: the same events as saxes, and the same cells', () => {
  fc.assert(
    fc.property(sheet, (xml) => {
      const zip = new ZipArchive(zipOf({ [PART]: xml }));
      const a = verdict(() => viaSaxes(zip, PART));
      expect(a.ok).toBe(true);
      expect(verdict(() => viaBytes(zip, PART))).toEqual(a);
      const cells: unknown[] = [];
      scanCells(zip, PART, { strings: ['s0', 's1', 's2', 's3'], dateStyles: [], date1904: false, trackFormulas: true }, { keep: () => true, cell: (r, c, v, f) => cells.push([r, c, v, f]), merge: (m) => cells.push(m) });
      expect(cells.length).toBeGreaterThan(0);
    }),
    { numRuns: 150 },
  );
});

/** Small edits that may break a part: each parser must give the same verdict. */
const mutation = fc.tuple(fc.nat(), fc.constantFrom('', '<', '>', '&', '&bogus;', '&#0;', '&#xD800;', '"', "'", '</x>', '<x>', '/', '=', ']]>', '\u0001', '<!DOCTYPE x>', '<?xml version="1.0"?>', '<![CDATA[', '-->', '<!--', ' ', ':', '\uFFFE', '\u00D7', 'é'), fc.nat({ max: 3 }));

test('mutated sheets: read or refused exactly when saxes reads or refuses them', () => {
  fc.assert(
    fc.property(sheet, mutation, (xml, [at, insert, del]) => {
      const i = at % (xml.length + 1);
      const bad = xml.slice(0, i) + insert + xml.slice(i + del);
      const zip = new ZipArchive(zipOf({ [PART]: bad }));
      const a = verdict(() => viaSaxes(zip, PART));
      const b = verdict(() => viaBytes(zip, PART));
      expect({ bad, ok: b.ok }).toEqual({ bad, ok: a.ok });
      if (a.ok) expect(b).toEqual(a);
      else expect(b).toEqual({ ok: false, error: 'damaged' });
    }),
    { numRuns: 400 },
  );
});

test('bytes that are not UTF-8 are refused, naming the part', () => {
  const bytes = Buffer.concat([Buffer.from(`<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`), Buffer.from([0xc3, 0x28]), Buffer.from('</t></is></c></row></sheetData></worksheet>')]);
  const zip = new ZipArchive(zipOf({ [PART]: bytes }));
  expect(() => viaBytes(zip, PART)).toThrow(/^damaged: xl\/worksheets\/sheet1.xml: not UTF-8/);
});

test('a part given in small pieces, copied between them, gives the same events as one piece', () => {
  const xml = `<?xml version="1.0"?>\n<worksheet xmlns="${MAIN}"><sheetData>${Array.from({ length: 300 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t xml:space="preserve">Đ &amp; ${'ệ'.repeat(r)}\r\n</t></is></c><c r="B${r + 1}"><v>${r}.5</v></c></row>`).join('')}</sheetData></worksheet>`;
  const bytes = Buffer.from(xml);
  const run = (size: number) => {
    const out: string[] = [];
    const t = new Tokenizer('p', { open: (el) => out.push(`<${el.local} ${el.attr('r')}`), close: (l) => out.push(`/${l}`), text: (s) => out.push(s) });
    // each piece is a fresh copy: never the next view of one buffer
    for (let i = 0; i < bytes.length; i += size) t.write(Uint8Array.from(bytes.subarray(i, i + size)));
    t.close();
    return out.join('|');
  };
  const whole = run(bytes.length);
  expect(whole).toContain('Đ & ệệ\n');
  for (const size of [1, 2, 3, 7, 64, 1000]) expect(run(size)).toBe(whole);
});
