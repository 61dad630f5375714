// Hand-made variants of the bundled example: its own .xlsx package, unzipped, one way of writing
// SpreadsheetML changed by rewriting the XML text, rezipped. Each variant is what some real writer
// (or the standard) does; the data stay the example's, so a correct reader gives the same figures.
//
// usage: node build/scripts/writers/xml-variants.js examples/hai-phong-2023-h1.xlsx test/fixtures/writers
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync, strFromU8, strToU8, Zippable } from 'fflate';

type Parts = Map<string, string | Uint8Array>;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const FIXED_TIME = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

function load(file: string): Parts {
  const raw = unzipSync(fs.readFileSync(file));
  const parts: Parts = new Map();
  for (const [name, bytes] of Object.entries(raw)) parts.set(name, /\.(xml|rels)$/.test(name) ? strFromU8(bytes) : bytes);
  return parts;
}

function save(parts: Parts, file: string, order?: string[]): void {
  const z: Zippable = {};
  const names = order ?? [...parts.keys()];
  for (const name of names) {
    const v = parts.get(name)!;
    z[name] = [typeof v === 'string' ? strToU8(v) : v, { mtime: FIXED_TIME, level: 6 }];
  }
  fs.writeFileSync(file, zipSync(z));
  console.log(`wrote ${file}`);
}

const xml = (p: Parts, name: string): string => {
  const v = p.get(name);
  if (typeof v !== 'string') throw new Error(`no XML part ${name}`);
  return v;
};
const clone = (p: Parts): Parts => new Map(p);
const xmlParts = (p: Parts) => [...p.keys()].filter((n) => typeof p.get(n) === 'string');

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const ENT: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const unescape = (s: string) =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (all, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENT[e] ?? all,
  );

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
function colLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
const splitRef = (ref: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return { col: colNumber(m[1]), row: Number(m[2]) };
};

/** The shared strings' texts, in order (the example writes one plain <t> per <si>). */
function sharedStrings(p: Parts): string[] {
  return [...xml(p, 'xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescape([...m[1].matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
}

/** Whether each cell style (xf index) shows a date: built-in date formats and custom ones with d/m/y. */
function dateStyles(p: Parts): boolean[] {
  const styles = xml(p, 'xl/styles.xml');
  const custom = new Map<number, boolean>();
  for (const m of styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)) custom.set(Number(m[1]), /[dmy]/i.test(m[2]));
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1];
  return [...xfs.matchAll(/<xf\b[^>]*?numFmtId="(\d+)"/g)].map((m) => custom.get(Number(m[1])) ?? [14, 15, 16, 17, 22].includes(Number(m[1])));
}

/** The worksheet part holding a table, and the table part. */
function tableParts(p: Parts, table: string): { sheet: string; table: string } {
  for (const name of p.keys()) {
    const m = /^xl\/worksheets\/_rels\/(sheet\d+\.xml)\.rels$/.exec(name);
    if (!m) continue;
    for (const t of xml(p, name).matchAll(/Target="\.\.\/tables\/(table\d+\.xml)"/g)) {
      const part = `xl/tables/${t[1]}`;
      if (new RegExp(`displayName="${table}"`).test(xml(p, part))) return { sheet: `xl/worksheets/${m[1]}`, table: part };
    }
  }
  throw new Error(`no table ${table}`);
}

/** Rewrites every <c> element of a sheet; `fn` gets the attributes text, the body and the cell's address. */
function mapCells(sheet: string, fn: (attrs: string, body: string | undefined, ref: string) => string | null): string {
  return sheet.replace(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g, (all, attrs: string, body: string | undefined) => {
    const ref = /\br="([A-Z]+\d+)"/.exec(attrs)![1];
    return fn(attrs, body, ref) ?? all;
  });
}

const sheetNames = (p: Parts) => xmlParts(p).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));

/** Calls `fn` for each numeric cell whose style shows a date, with its serial; returns the new cell XML. */
function mapDateCells(p: Parts, fn: (attrs: string, serial: number) => string): void {
  const flags = dateStyles(p);
  for (const s of sheetNames(p)) {
    p.set(
      s,
      mapCells(xml(p, s), (attrs, body) => {
        if (/\bt="/.test(attrs) || body === undefined) return null;
        const style = Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? 0);
        const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
        if (!flags[style] || v === undefined) return null;
        return fn(attrs, Number(v));
      }),
    );
  }
}

// ---------------------------------------------------------------------------------------------

/** Every SpreadsheetML element written with the prefix x: (System.IO.Packaging / Open XML SDK style). */
function xPrefix(src: Parts): Parts {
  const p = clone(src);
  for (const name of xmlParts(p)) {
    const text = xml(p, name);
    if (!text.includes(`xmlns="${MAIN}"`)) continue;
    p.set(
      name,
      text.replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, '<$1x:$2').replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`),
    );
  }
  return p;
}

/** ISO/IEC 29500 Strict: purl.oclc.org namespaces and relationship types, conformance="strict". */
function strict(src: Parts): Parts {
  const p = clone(src);
  const map: [string, string][] = [
    [MAIN, 'http://purl.oclc.org/ooxml/spreadsheetml/main'],
    ['http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties', 'http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties'],
    ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'],
    ['http://schemas.openxmlformats.org/officeDocument/2006/extended-properties', 'http://purl.oclc.org/ooxml/officeDocument/extendedProperties'],
    ['http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes', 'http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes'],
    ['http://schemas.openxmlformats.org/drawingml/2006/main', 'http://purl.oclc.org/ooxml/drawingml/main'],
  ];
  for (const name of xmlParts(p)) {
    let text = xml(p, name);
    for (const [a, b] of map) text = text.split(a).join(b);
    p.set(name, text);
  }
  p.set('xl/workbook.xml', xml(p, 'xl/workbook.xml').replace(/<workbook\b/, '<workbook conformance="strict"'));
  return p;
}

/**
 * A text formula whose cached result has a trailing space, with xml:space="preserve" on <v>:
 * the first FDI project ids of 2023 (DuAn column A) become ="FDI-2023-00n"&" ".
 */
const STR_FORMULA_CELLS = 3;
function strFormula(src: Parts): { parts: Parts; cells: string[] } {
  const p = clone(src);
  const strings = sharedStrings(p);
  const { sheet } = tableParts(p, 'DuAn');
  const cells: string[] = [];
  p.set(
    sheet,
    mapCells(xml(p, sheet), (attrs, body, ref) => {
      if (!ref.startsWith('A') || !/\bt="s"/.test(attrs) || cells.length >= STR_FORMULA_CELLS) return null;
      const text = strings[Number(/<v>(\d+)<\/v>/.exec(body ?? '')![1])];
      if (!/^FDI-2023-/.test(text)) return null;
      cells.push(ref);
      const a = attrs.replace(/\bt="s"/, 't="str"');
      return `<c${a}><f>"${escapeText(text)}"&amp;" "</f><v xml:space="preserve">${escapeText(text)} </v></c>`;
    }),
  );
  return { parts: p, cells: cells.map((c) => `DuAn!${c}`) };
}

/** The shared strings part named xl/strs.xml (any name is legal: it is found through the relationship). */
function renamedSharedStrings(src: Parts): { parts: Parts; order: string[] } {
  const p = clone(src);
  const order = [...p.keys()].map((n) => (n === 'xl/sharedStrings.xml' ? 'xl/strs.xml' : n));
  p.set('xl/strs.xml', xml(p, 'xl/sharedStrings.xml'));
  p.delete('xl/sharedStrings.xml');
  p.set('xl/_rels/workbook.xml.rels', xml(p, 'xl/_rels/workbook.xml.rels').replace('Target="sharedStrings.xml"', 'Target="strs.xml"'));
  p.set('[Content_Types].xml', xml(p, '[Content_Types].xml').replace('PartName="/xl/sharedStrings.xml"', 'PartName="/xl/strs.xml"'));
  return { parts: p, order };
}

/** Every attribute, in every part, quoted with ' instead of ". */
function singleQuotes(src: Parts): Parts {
  const p = clone(src);
  for (const name of xmlParts(p)) {
    p.set(
      name,
      xml(p, name).replace(/<[^<>]+>/g, (tag) => tag.replace(/(\s[\w:.-]+)="([^"]*)"/g, (_, n: string, v: string) => `${n}='${v.replace(/'/g, '&apos;')}'`)),
    );
  }
  return p;
}

/** Every shared string's text as a CDATA section. */
function cdata(src: Parts): Parts {
  const p = clone(src);
  p.set(
    'xl/sharedStrings.xml',
    xml(p, 'xl/sharedStrings.xml').replace(/<t\b([^>]*)>([\s\S]*?)<\/t>/g, (_, a: string, t: string) => `<t${a}><![CDATA[${unescape(t).split(']]>').join(']]]]><![CDATA[>')}]]></t>`),
  );
  return p;
}

/** The 1904 date system: date1904="1" and every date serial 1462 days smaller. */
function date1904(src: Parts): Parts {
  const p = clone(src);
  p.set('xl/workbook.xml', xml(p, 'xl/workbook.xml').replace(/<workbookPr\b/, '<workbookPr date1904="1"'));
  mapDateCells(p, (attrs, serial) => `<c${attrs}><v>${serial - 1462}</v></c>`);
  return p;
}

/** Inline strings (<c t="inlineStr"><is><t>…</t></is>) everywhere, and no shared strings part. */
function inlineStrings(src: Parts): Parts {
  const p = clone(src);
  const strings = sharedStrings(p);
  for (const s of sheetNames(p)) {
    p.set(
      s,
      mapCells(xml(p, s), (attrs, body) => {
        if (!/\bt="s"/.test(attrs)) return null;
        const text = strings[Number(/<v>(\d+)<\/v>/.exec(body ?? '')![1])];
        const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
        return `<c${attrs.replace(/\bt="s"/, 't="inlineStr"')}><is><t${space}>${escapeText(text)}</t></is></c>`;
      }),
    );
  }
  p.delete('xl/sharedStrings.xml');
  p.set('xl/_rels/workbook.xml.rels', xml(p, 'xl/_rels/workbook.xml.rels').replace(/<Relationship\b[^>]*Target="sharedStrings\.xml"[^>]*\/>/, ''));
  p.set('[Content_Types].xml', xml(p, '[Content_Types].xml').replace(/<Override PartName="\/xl\/sharedStrings\.xml"[^>]*\/>/, ''));
  return p;
}

/**
 * Rich text: each shared string of two or more characters split into two runs, the second bold;
 * every fifth one also carries a phonetic run (<rPh>, Japanese furigana), which is not part of the text.
 */
function richText(src: Parts): Parts {
  const p = clone(src);
  const strings = sharedStrings(p);
  const items = strings.map((text, i) => {
    const chars = [...text];
    const phonetic = i % 5 === 0 ? '<rPh sb="0" eb="1"><t>ふりがな</t></rPh><phoneticPr fontId="0" type="noConversion"/>' : '';
    if (chars.length < 2) return `<si><t xml:space="preserve">${escapeText(text)}</t>${phonetic}</si>`;
    const half = Math.ceil(chars.length / 2);
    const run = (t: string, bold: boolean) =>
      `<r><rPr>${bold ? '<b/>' : ''}<sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/><scheme val="minor"/></rPr><t xml:space="preserve">${escapeText(t)}</t></r>`;
    return `<si>${run(chars.slice(0, half).join(''), false)}${run(chars.slice(half).join(''), true)}${phonetic}</si>`;
  });
  p.set('xl/sharedStrings.xml', xml(p, 'xl/sharedStrings.xml').replace(/(<sst\b[^>]*>)[\s\S]*(<\/sst>)/, (_, a: string, b: string) => a + items.join('') + b));
  return p;
}

/** A totals row under the NganSach table (label "Tổng cộng", SUBTOTAL(109,…) with its cached sum). */
function totalsRow(src: Parts): { parts: Parts; row: number } {
  const p = clone(src);
  const { sheet, table } = tableParts(p, 'NganSach');
  const t = xml(p, table);
  const ref = /\bref="([A-Z]+\d+):([A-Z]+)(\d+)"/.exec(t)!;
  const last = Number(ref[3]);
  const row = last + 1;
  const first = splitRef(ref[1]);
  const lastCol = colNumber(ref[2]);
  let sum = 0;
  mapCells(xml(p, sheet), (attrs, body, r) => {
    const c = splitRef(r);
    if (c.col === lastCol && c.row > first.row && c.row <= last) sum += Number(/<v>([^<]*)<\/v>/.exec(body ?? '')?.[1] ?? 0);
    return null;
  });
  sum = Math.round(sum * 1e6) / 1e6;
  const sst = xml(p, 'xl/sharedStrings.xml');
  const count = Number(/uniqueCount="(\d+)"/.exec(sst)![1]);
  p.set('xl/sharedStrings.xml', sst.replace(/uniqueCount="\d+"/, `uniqueCount="${count + 1}"`).replace('</sst>', '<si><t>Tổng cộng</t></si></sst>'));
  const amountStyle = new RegExp(`<c r="${ref[2]}${last}"[^>]*?\\bs="(\\d+)"`).exec(xml(p, sheet))?.[1];
  const cells =
    `<c r="${colLetters(first.col)}${row}" t="s"><v>${count}</v></c>` +
    `<c r="${ref[2]}${row}"${amountStyle ? ` s="${amountStyle}"` : ''}><f>SUBTOTAL(109,NganSach[Số nộp])</f><v>${sum}</v></c>`;
  p.set(
    sheet,
    xml(p, sheet)
      .replace(/(<row r="\d+"[^>]*>(?:(?!<\/row>)[\s\S])*<\/row>)(<\/sheetData>)/, `$1<row r="${row}">${cells}</row>$2`)
      .replace(/<dimension ref="([A-Z]+\d+):([A-Z]+)\d+"\/>/, `<dimension ref="$1:$2${row}"/>`),
  );
  const columns = [...t.matchAll(/<tableColumn\b[^>]*?\/>/g)].length;
  let i = 0;
  p.set(
    table,
    t
      .replace(/(<table\b[^>]*?)\bref="([A-Z]+\d+):([A-Z]+)\d+"/, `$1ref="$2:$3${row}"`)
      .replace(/\btotalsRowShown="\d"/, 'totalsRowCount="1"')
      .replace(/<tableColumn\b([^>]*?)\s*(?:totalsRowLabel="[^"]*"|totalsRowFunction="[^"]*")?\s*\/>/g, (_, a: string) => {
        i++;
        if (i === 1) return `<tableColumn${a} totalsRowLabel="Tổng cộng"/>`;
        if (i === columns) return `<tableColumn${a} totalsRowFunction="sum"/>`;
        return `<tableColumn${a}/>`;
      }),
  );
  return { parts: p, row };
}

/** The KeHoach table with its header row turned off (headerRowCount="0"): the header cells are gone. */
function noHeaderRow(src: Parts): Parts {
  const p = clone(src);
  const { sheet, table } = tableParts(p, 'KeHoach');
  const t = xml(p, table);
  const ref = /\bref="([A-Z]+)(\d+):([A-Z]+\d+)"/.exec(t)!;
  const headerRow = Number(ref[2]);
  p.set(
    table,
    t
      .replace(/(<table\b[^>]*?)\bref="[^"]*"/, `$1ref="${ref[1]}${headerRow + 1}:${ref[3]}"`)
      .replace(/\bheaderRowCount="1"/, 'headerRowCount="0"')
      .replace(/<autoFilter\b[\s\S]*?<\/autoFilter>|<autoFilter\b[^>]*\/>/, ''),
  );
  p.set(sheet, xml(p, sheet).replace(new RegExp(`<row r="${headerRow}"[^>]*>[\\s\\S]*?</row>`), ''));
  return p;
}

/** Dates as ISO 8601 text cells, <c t="d"><v>2023-01-05</v></c> (date only, as the standard allows). */
function isoDates(src: Parts): Parts {
  const p = clone(src);
  mapDateCells(p, (attrs, serial) => {
    const iso = new Date(Date.UTC(1899, 11, 30) + serial * 86400000).toISOString().slice(0, 10);
    return `<c${attrs} t="d"><v>${iso}</v></c>`;
  });
  return p;
}

/** A package shaped like an .xlsb (binary parts, BIFF12 records) under an .xlsx name. */
function xlsbLooking(): Parts {
  const p: Parts = new Map();
  p.set(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/worksheets/sheet1.bin" ContentType="application/vnd.ms-excel.worksheet"/></Types>',
  );
  p.set(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
  );
  p.set(
    'xl/_rels/workbook.bin.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.bin"/></Relationships>',
  );
  // BrtBeginBook (0x83 0x01), BrtBeginBundleShs (0x8F 0x01), BrtEndBundleShs, BrtEndBook: record type, size, no data
  p.set('xl/workbook.bin', new Uint8Array([0x83, 0x01, 0x00, 0x8f, 0x01, 0x00, 0x90, 0x01, 0x00, 0x84, 0x01, 0x00]));
  // BrtBeginSheet, BrtBeginSheetData, BrtEndSheetData, BrtEndSheet
  p.set('xl/worksheets/sheet1.bin', new Uint8Array([0x81, 0x01, 0x00, 0x91, 0x01, 0x00, 0x92, 0x01, 0x00, 0x82, 0x01, 0x00]));
  return p;
}

/** The Settings table as a CSV file saved under an .xlsx name. */
function csvText(src: Parts): string {
  const strings = sharedStrings(src);
  const { sheet } = tableParts(src, 'ThongTin');
  const rows = new Map<number, string[]>();
  mapCells(xml(src, sheet), (attrs, body, ref) => {
    const { row, col } = splitRef(ref);
    const v = /<v>([^<]*)<\/v>/.exec(body ?? '')?.[1] ?? '';
    const text = /\bt="s"/.test(attrs) ? strings[Number(v)] : v;
    const cells = rows.get(row) ?? [];
    cells[col - 1] = /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    rows.set(row, cells);
    return null;
  });
  return [...rows.values()].map((r) => Array.from(r, (c) => c ?? '').join(',')).join('\r\n') + '\r\n';
}

interface VariantInfo {
  /** Cells that the variant changed in a way a reader should notice, when any. */
  cells?: string[];
}

function main(): void {
  const [example = 'examples/hai-phong-2023-h1.xlsx', outDir = 'test/fixtures/writers'] = process.argv.slice(2);
  fs.mkdirSync(outDir, { recursive: true });
  const src = load(example);
  const out = (name: string) => path.join(outDir, name);
  const info: Record<string, VariantInfo> = {};

  save(xPrefix(src), out('xml-x-prefix.xlsx'));
  save(strict(src), out('xml-strict.xlsx'));
  const sf = strFormula(src);
  save(sf.parts, out('xml-str-formula-trailing-space.xlsx'));
  info['xml-str-formula-trailing-space.xlsx'] = { cells: sf.cells };
  const rs = renamedSharedStrings(src);
  save(rs.parts, out('xml-shared-strings-renamed.xlsx'), rs.order);
  save(singleQuotes(src), out('xml-single-quotes.xlsx'));
  save(cdata(src), out('xml-cdata.xlsx'));
  save(date1904(src), out('xml-date1904.xlsx'));
  save(inlineStrings(src), out('xml-inline-strings.xlsx'));
  save(richText(src), out('xml-rich-text.xlsx'));
  const tr = totalsRow(src);
  save(tr.parts, out('xml-totals-row.xlsx'));
  info['xml-totals-row.xlsx'] = { cells: [`'Ngân sách'!B${tr.row}`, `'Ngân sách'!D${tr.row}`] };
  save(noHeaderRow(src), out('xml-no-header-row.xlsx'));
  save(isoDates(src), out('xml-iso-dates.xlsx'));
  save(xlsbLooking(), out('xlsb-renamed.xlsx'));
  fs.writeFileSync(out('csv-renamed.xlsx'), csvText(src));
  console.log(`wrote ${out('csv-renamed.xlsx')}`);
  if (process.env.VARIANTS_INFO) fs.writeFileSync(process.env.VARIANTS_INFO, JSON.stringify(info, null, 1));
}

main();
