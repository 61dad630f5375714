import zlib from 'node:zlib';
import { readWorkbookTables, WorkbookReadError, ZipArchive } from '../../../src/node/xlsx';
import { checkPackage } from '../../../src/node/xlsx/check';
import { bookParts, zipOf, row } from '../../helpers/xlsx-parts';

const SHEET = 'xl/worksheets/sheet1.xml';
const parts = () =>
  bookParts({
    sheetData: row(1, ['<c r="A1" t="inlineStr"><is><t>Khóa</t></is></c>', '<c r="B1" t="inlineStr"><is><t>Giá trị</t></is></c>']) + row(2, ['<c r="A2" t="inlineStr"><is><t>TuNgay</t></is></c>', '<c r="B2"><v>1</v></c>']),
    table: { ref: 'A1:B2', columns: ['Khóa', 'Giá trị'], name: 'ThongTin' },
  });

/** Offsets of an entry's local and central headers. */
function headers(buf: Buffer, name: string): { local: number; central: number } {
  const n = Buffer.from(name);
  let local = -1;
  let central = -1;
  for (let i = 0; i + 4 <= buf.length; i++) {
    const sig = buf.readUInt32LE(i);
    if (sig === 0x04034b50 && local < 0 && buf.subarray(i + 30, i + 30 + n.length).equals(n) && buf.readUInt16LE(i + 26) === n.length) local = i;
    if (sig === 0x02014b50 && buf.subarray(i + 46, i + 46 + n.length).equals(n) && buf.readUInt16LE(i + 28) === n.length) central = i;
  }
  if (local < 0 || central < 0) throw new Error(`no ${name}`);
  return { local, central };
}

function failure(buf: Buffer): string {
  try {
    const snaps = readWorkbookTables(buf);
    for (const s of snaps) void s.rows;
  } catch (e) {
    if (e instanceof WorkbookReadError) return `${e.code}: ${e.detail}`;
    throw e;
  }
  return 'read without error';
}

test('the hand-made package reads', () => {
  expect(readWorkbookTables(zipOf(parts(), 0))[0].rows).toEqual([['TuNgay', 1]]);
});

test('the same part name twice is damage', () => {
  const p = parts();
  p['xl/stylez.xml'] = p['xl/styles.xml'];
  const buf = zipOf(p, 0);
  const at = headers(buf, 'xl/stylez.xml');
  buf.write('xl/styles.xml', at.local + 30);
  buf.write('xl/styles.xml', at.central + 46);
  expect(failure(buf)).toMatch(/^damaged: the part xl\/styles.xml appears twice/);
  // OPC part names compare case-insensitively
  buf.write('XL/STYLES.XML', at.local + 30);
  buf.write('XL/STYLES.XML', at.central + 46);
  expect(failure(buf)).toMatch(/^damaged: .*appears twice/);
});

test('a local header naming another part is damage', () => {
  const buf = zipOf(parts(), 0);
  buf.write('xl/worksheets/sheetX.xml', headers(buf, SHEET).local + 30);
  expect(failure(buf)).toMatch(/^damaged: xl\/worksheets\/sheet1.xml: the local header names xl\/worksheets\/sheetX.xml/);
});

test('a central directory pointing the sheet at another entry is damage', () => {
  const buf = zipOf(parts(), 0);
  const other = headers(buf, 'xl/styles.xml').local;
  buf.writeUInt32LE(other, headers(buf, SHEET).central + 42);
  expect(failure(buf)).toMatch(/^damaged: xl\/worksheets\/sheet1.xml: the local header names xl\/styles.xml/);
});

test('a central directory that lies about the sheet size is damage', () => {
  for (const level of [0, 6] as const) {
    const buf = zipOf(parts(), level);
    const h = headers(buf, SHEET);
    const size = buf.readUInt32LE(h.central + 24);
    buf.writeUInt32LE(size - 10, h.central + 24);
    expect(failure(buf)).toMatch(/^damaged: xl\/worksheets\/sheet1.xml: (local header sizes|stored entry)/);
    // the same lie in both headers is caught while inflating
    buf.writeUInt32LE(size - 10, h.local + 22);
    if (level === 0) buf.writeUInt32LE(size - 10, h.local + 18), buf.writeUInt32LE(size - 10, h.central + 20);
    expect(failure(buf)).toMatch(/^damaged: xl\/worksheets\/sheet1.xml(:.*CRC| inflates to)/);
  }
});

test('compression method 12 (bzip2) is damage, with the method named', () => {
  const buf = zipOf(parts(), 6);
  const h = headers(buf, SHEET);
  buf.writeUInt16LE(12, h.local + 8);
  buf.writeUInt16LE(12, h.central + 10);
  expect(failure(buf)).toMatch(/^damaged: xl\/worksheets\/sheet1.xml: compression method 12/);
});

test('a local header with another method than the central directory is damage', () => {
  const buf = zipOf(parts(), 6);
  buf.writeUInt16LE(0, headers(buf, SHEET).local + 8);
  expect(failure(buf)).toMatch(/^damaged: .*local header method 0, central directory 8/);
});

test('a CRC mismatch is damage', () => {
  const buf = zipOf(parts(), 6);
  const h = headers(buf, SHEET);
  const crc = buf.readUInt32LE(h.central + 16) ^ 1;
  buf.writeUInt32LE(crc, h.central + 16);
  buf.writeUInt32LE(crc, h.local + 14);
  expect(failure(buf)).toMatch(/^damaged: xl\/worksheets\/sheet1.xml: CRC mismatch/);
});

test('corrupt deflate data is damage', () => {
  const buf = zipOf(parts(), 6);
  const h = headers(buf, SHEET);
  const start = h.local + 30 + buf.readUInt16LE(h.local + 26) + buf.readUInt16LE(h.local + 28);
  buf.fill(0xff, start, start + 8);
  expect(failure(buf)).toMatch(/^damaged: xl\/worksheets\/sheet1.xml/);
});

test('ZIP64 and encrypted entries fail clearly', () => {
  const buf = zipOf(parts(), 0);
  const h = headers(buf, SHEET);
  const z64 = Buffer.from(buf);
  z64.writeUInt32LE(0xffffffff, h.central + 24);
  expect(failure(z64)).toMatch(/^zip64/);
  const enc = Buffer.from(buf);
  enc.writeUInt16LE(enc.readUInt16LE(h.central + 8) | 1, h.central + 8);
  expect(failure(enc)).toMatch(/^encrypted/);
});

test('a truncated file is damage', () => {
  const buf = zipOf(parts(), 6);
  expect(failure(buf.subarray(0, buf.length - 100))).toMatch(/^damaged: no end of central directory/);
});

/**
 * A sheet that inflates to ~1.5 GB from a few MB: one deflated block of repeated rows, made
 * once and repeated (sync-flushed blocks are byte-aligned and stand alone), so building it
 * never holds the inflated data.
 */
function bombBook(declared: number): Buffer {
  const p = parts();
  const rowXml = '<row><c><v>1</v></c></row>';
  const block = Buffer.from(rowXml.repeat(Math.floor(2 ** 20 / rowXml.length)));
  const deflatedBlock = zlib.deflateRawSync(block, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const head = zlib.deflateRawSync(Buffer.from(p[SHEET].replace(/<\/sheetData>.*/, '')), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const repeats = Math.floor((1.5 * 2 ** 30) / block.length);
  const data = Buffer.concat([head, ...Array.from({ length: repeats }, () => deflatedBlock), Buffer.from([0x03, 0x00])]);
  // Write the zip by hand: deflated sheet with the given declared size
  const files = Object.entries(p).filter(([k]) => k !== SHEET);
  const entries: { name: Buffer; data: Buffer; size: number; crc: number; method: number }[] = files.map(([k, v]) => ({ name: Buffer.from(k), data: Buffer.from(v), size: Buffer.byteLength(v), crc: zlib.crc32(v), method: 0 }));
  entries.push({ name: Buffer.from(SHEET), data, size: declared, crc: 0, method: 8 });
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const l = Buffer.alloc(30);
    l.writeUInt32LE(0x04034b50, 0);
    l.writeUInt16LE(20, 4);
    l.writeUInt16LE(e.method, 8);
    l.writeUInt32LE(e.crc, 14);
    l.writeUInt32LE(e.data.length, 18);
    l.writeUInt32LE(e.size, 22);
    l.writeUInt16LE(e.name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(e.crc, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(e.name.length, 28);
    c.writeUInt32LE(offset, 42);
    locals.push(l, e.name, e.data);
    centrals.push(c, e.name);
    offset += 30 + e.name.length + e.data.length;
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

test('a sheet inflating to 1.5 GB is refused in seconds, in little memory', () => {
  const rss0 = process.memoryUsage().rss;
  const t0 = Date.now();
  const honest = bombBook(Math.floor(1.5 * 2 ** 30));
  expect(honest.length).toBeLessThan(10 * 2 ** 20);
  expect(failure(honest)).toMatch(/^bomb: xl\/worksheets\/sheet1.xml: declared size 1536 MB/);
  // a central directory that understates the size: inflation stops just past the declared size
  const lying = bombBook(30 * 2 ** 20);
  expect(failure(lying)).toMatch(/^damaged: xl\/worksheets\/sheet1.xml inflates to more than/);
  // …and a declared size just under the 2 GB limit with a ratio over 200 is refused at once too
  expect(failure(bombBook(2 ** 31 - 1))).toMatch(/^bomb/);
  expect(Date.now() - t0).toBeLessThan(60_000);
  expect(process.memoryUsage().rss - rss0).toBeLessThan(300 * 2 ** 20);
});

test('folders separated by backslashes (POI 49609): the same parts, read', () => {
  const p = parts();
  const renamed = Object.fromEntries(Object.entries(p).map(([k, v]) => [k.replace(/\//g, '\\'), v]));
  expect(Object.keys(renamed)).toContain('xl\\worksheets\\sheet1.xml');
  expect(readWorkbookTables(zipOf(renamed))[0].rows).toEqual([['TuNgay', 1]]);
  // a backslash and a slash naming the same part are the same part twice
  expect(failure(zipOf({ ...p, 'xl\\styles.xml': p['xl/styles.xml'] }))).toMatch(/^damaged: the part xl\/styles.xml appears twice/);
});

test('an empty part deflated to no bytes at all (a LibreOffice thumbnail) is empty, not damage', () => {
  const p: Record<string, string> = { ...parts(), 'docProps/thumbnail.wmf': '' };
  const buf = zipOf(p, 0);
  const at = headers(buf, 'docProps/thumbnail.wmf');
  // method 8 (deflate) with 0 compressed bytes, in both headers
  buf.writeUInt16LE(8, at.local + 8);
  buf.writeUInt16LE(8, at.central + 10);
  const zip = new ZipArchive(buf);
  expect(zip.get('docProps/thumbnail.wmf')).toMatchObject({ method: 8, compressedSize: 0, size: 0 });
  expect(() => checkPackage(zip)).not.toThrow();
  expect(zip.text('docProps/thumbnail.wmf')).toBe('');
  // a part that claims bytes but stores none is still damage
  buf.writeUInt32LE(5, at.central + 24);
  buf.writeUInt32LE(5, at.local + 22);
  expect(() => checkPackage(new ZipArchive(buf))).toThrow(/thumbnail\.wmf/);
});
