// Hostile workbooks of plain sheets (issue 19), built in memory and small on disk: each must end
// within seconds and a few hundred MB, with a clear line or a well-formed output. Used by
// test/hardening/plain-sheets.test.ts and by `node build/scripts/bad-corpus/hostile.js <dir>`
// (writes them to a folder, to measure the CLI on them).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** One zip entry: `data` is stored as given (method 0) or is already deflated (method 8). */
export interface RawEntry {
  name: string;
  data: Buffer;
  method: 0 | 8;
  /** Inflated size and CRC as the zip declares them. */
  size: number;
  crc: number;
}

export const stored = (name: string, text: string | Buffer): RawEntry => {
  const data = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  return { name, data, method: 0, size: data.length, crc: zlib.crc32(data) };
};

export const deflated = (name: string, text: string | Buffer): RawEntry => {
  const raw = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  return { name, data: zlib.deflateRawSync(raw, { level: 9 }), method: 8, size: raw.length, crc: zlib.crc32(raw) };
};

/** A zip written by hand (no data descriptors, no ZIP64), entries in the order given. */
export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const l = Buffer.alloc(30);
    l.writeUInt32LE(0x04034b50, 0);
    l.writeUInt16LE(20, 4);
    l.writeUInt16LE(0x800, 6);
    l.writeUInt16LE(e.method, 8);
    l.writeUInt32LE(e.crc >>> 0, 14);
    l.writeUInt32LE(e.data.length, 18);
    l.writeUInt32LE(e.size, 22);
    l.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x800, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(e.crc >>> 0, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    locals.push(l, name, e.data);
    centrals.push(c, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export interface PlainSheet {
  name: string;
  /** The worksheet part whole, or a ready entry (for a sheet built as deflated blocks). */
  xml: string | RawEntry;
}

/** A workbook of plain sheets (no Excel table), with an optional shared string table. */
export function plainBook(sheets: PlainSheet[], sharedStrings?: string): Buffer {
  const entries: RawEntry[] = [
    deflated(
      '[Content_Types].xml',
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
        .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
        .join('')}</Types>`,
    ),
    deflated('_rels/.rels', `${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    deflated(
      'xl/workbook.xml',
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    deflated(
      'xl/_rels/workbook.xml.rels',
      `${HEAD}<Relationships xmlns="${PKG}">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}${
        sharedStrings !== undefined ? `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''
      }</Relationships>`,
    ),
  ];
  sheets.forEach((s, i) => {
    const name = `xl/worksheets/sheet${i + 1}.xml`;
    entries.push(typeof s.xml === 'string' ? deflated(name, s.xml) : { ...s.xml, name });
  });
  if (sharedStrings !== undefined) entries.push(deflated('xl/sharedStrings.xml', sharedStrings));
  return rawZip(entries);
}

export const worksheet = (sheetData: string, tail = '', head = '') => `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${head}<sheetData>${sheetData}</sheetData>${tail}</worksheet>`;

/** A small list every case starts from, so that there is something to recognise. */
export const SMALL_LIST =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Doanh nghiệp</t></is></c><c r="B1" t="inlineStr"><is><t>Số lao động</t></is></c></row>' +
  '<row r="2"><c r="A2" t="inlineStr"><is><t>Công ty A</t></is></c><c r="B2"><v>100</v></c></row>';

/**
 * A plain sheet that inflates to `size` bytes from a few MB: one deflated block of rows, made once
 * and repeated (sync-flushed blocks are byte-aligned and stand alone), so building it never holds
 * the inflated data. The zip declares the true size and CRC 0 (never reached: refused before).
 */
export function inflatingSheet(size = Math.floor(1.5 * 2 ** 30)): RawEntry {
  const head = worksheet('').replace(/<\/sheetData>.*/, '');
  const rowXml = '<row><c t="inlineStr"><is><t>x</t></is></c><c><v>1</v></c></row>';
  const block = Buffer.from(rowXml.repeat(Math.floor(2 ** 20 / rowXml.length)));
  const flush = { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const deflatedBlock = zlib.deflateRawSync(block, flush);
  const repeats = Math.max(1, Math.floor((size - head.length) / block.length));
  const tail = zlib.deflateRawSync(Buffer.from('</sheetData></worksheet>'));
  const data = Buffer.concat([zlib.deflateRawSync(Buffer.from(head), flush), ...Array.from({ length: repeats }, () => deflatedBlock), tail]);
  return { name: '', data, method: 8, size, crc: 0 };
}

const mergeRef = (i: number, width: number) => {
  // two cells side by side on row i+1 of columns A:B, C:D, … (never overlapping)
  const row = Math.floor(i / width) + 1;
  const c = (i % width) * 2;
  const col = (n: number) => {
    let s = '';
    for (n += 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  return `${col(c)}${row}:${col(c + 1)}${row}`;
};

export interface HostileCase {
  name: string;
  what: string;
  bytes: () => Buffer;
}

export const HOSTILE_PLAIN: HostileCase[] = [
  { name: 'plain-inflates-1.5GB', what: 'a plain sheet inflating to 1.5 GB', bytes: () => plainBook([{ name: 'Lao động', xml: worksheet(SMALL_LIST) }, { name: 'Rác', xml: inflatingSheet() }]) },
  {
    name: 'plain-cell-XFD1048576',
    what: 'one cell at XFD1048576 in a plain sheet',
    bytes: () => plainBook([{ name: 'Lao động', xml: worksheet(SMALL_LIST + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>') }]),
  },
  {
    name: 'plain-200000-merges',
    what: '200,000 merged ranges',
    bytes: () => plainBook([{ name: 'Lao động', xml: worksheet(SMALL_LIST, `<mergeCells count="200000">${Array.from({ length: 200_000 }, (_, i) => `<mergeCell ref="${mergeRef(i + 200, 100)}"/>`).join('')}</mergeCells>`) }]),
  },
  {
    name: 'plain-50000-merges',
    what: '50,000 merged ranges',
    bytes: () => plainBook([{ name: 'Lao động', xml: worksheet(SMALL_LIST, `<mergeCells count="50000">${Array.from({ length: 50_000 }, (_, i) => `<mergeCell ref="${mergeRef(i + 200, 100)}"/>`).join('')}</mergeCells>`) }]),
  },
  {
    name: 'plain-1MB-string-12000-cells',
    what: 'one 1 MB shared string used by 12,000 cells',
    bytes: () => {
      const rows = Array.from({ length: 1200 }, (_, r) => `<row r="${r + 3}">${Array.from({ length: 10 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 3}" t="s"><v>0</v></c>`).join('')}</row>`).join('');
      return plainBook([{ name: 'Lao động', xml: worksheet(SMALL_LIST + rows) }], `${HEAD}<sst xmlns="${MAIN}" count="12000" uniqueCount="1"><si><t>${'Công ty '.repeat(2 ** 17)}</t></si></sst>`);
    },
  },
  {
    name: 'plain-validation-whole-sheet',
    what: 'an 8 KB file whose one data validation covers the whole sheet',
    bytes: () =>
      plainBook([
        {
          name: 'Lao động',
          xml: worksheet(SMALL_LIST, '<dataValidations count="1"><dataValidation type="whole" operator="greaterThan" allowBlank="1" showErrorMessage="1" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>'),
        },
      ]),
  },
  {
    name: 'plain-invalid-utf8',
    what: 'invalid UTF-8 in a plain cell',
    bytes: () => {
      const xml = Buffer.from(worksheet(SMALL_LIST + '<row r="3"><c r="A3" t="inlineStr"><is><t>Công ty @@</t></is></c><c r="B3"><v>5</v></c></row>'), 'utf8');
      const at = xml.indexOf('@@');
      xml[at] = 0xc3; // a lead byte followed by an ASCII byte: not UTF-8
      xml[at + 1] = 0x28;
      return plainBook([{ name: 'Lao động', xml: deflated('', xml) }]);
    },
  },
];

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? 'out/hostile');
  fs.mkdirSync(dir, { recursive: true });
  for (const c of HOSTILE_PLAIN) {
    const b = c.bytes();
    fs.writeFileSync(path.join(dir, `${c.name}.xlsx`), b);
    console.log(`${c.name}.xlsx\t${b.length} bytes\t${c.what}`);
  }
}
