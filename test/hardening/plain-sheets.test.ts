// Hostile plain sheets (issue 19), each built in memory (scripts/bad-corpus/hostile.ts): `map`
// (which reads every plain sheet) and `report` end with one clear line, or a well-formed copy.
// exceljs, the old reader of plain sheets, ran each past a minute or wrote a malformed copy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync, strToU8 } from 'fflate';
import { main } from '../../src/node/cli';
import { ZipArchive } from '../../src/node/xlsx';
import { checkPackage } from '../../src/node/xlsx/check';
import { HOSTILE_PLAIN, plainBook, worksheet, SMALL_LIST } from '../../scripts/bad-corpus/hostile';
import { bookParts, zipOf, row } from '../helpers/xlsx-parts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-plain-hostile-'));
const bytesOf = (name: string) => HOSTILE_PLAIN.find((c) => c.name === name)!.bytes();

async function cli(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await main(args, (l) => lines.push(l), (l) => lines.push(l));
  return { code, lines };
}

async function map(name: string, bytes: Buffer) {
  const input = path.join(dir, `${name}.xlsx`);
  const out = path.join(dir, `${name}.anhxa.xlsx`);
  fs.writeFileSync(input, bytes);
  const r = await cli(['map', input, '--out', out]);
  return { ...r, out, written: fs.existsSync(out) };
}

/** One line, exit 1, nothing written, no stack. */
function refused(r: { code: number; lines: string[]; written: boolean }, pattern: RegExp): void {
  expect(r.lines).toHaveLength(1);
  expect(r.lines[0]).toMatch(pattern);
  expect(r.lines[0]).not.toMatch(/Lỗi không mong đợi|\n\s+at /);
  expect(r.code).toBe(1);
  expect(r.written).toBe(false);
}

test('a plain sheet inflating to 1.5 GB: refused at once, in little memory', async () => {
  const rss0 = process.memoryUsage().rss;
  const t0 = Date.now();
  const bytes = bytesOf('plain-inflates-1.5GB');
  expect(bytes.length).toBeLessThan(10 * 2 ** 20);
  refused(await map('bomb', bytes), /^Tệp .xlsx bị từ chối: .*: trang tính "Rác" giải nén ra 1\.536 MB, quá lớn để đọc như danh sách thường \(tối đa 128 MB\)$/);
  expect(Date.now() - t0).toBeLessThan(60_000);
  expect(process.memoryUsage().rss - rss0).toBeLessThan(300 * 2 ** 20);
});

test('one cell at XFD1048576: refused, naming the sheet and its range', async () => {
  refused(await map('far', bytesOf('plain-cell-XFD1048576')), /trang tính "Lao động"!A1:XFD1048576 quá lớn để đọc như danh sách thường \(17\.179\.869\.184 ô, tối đa 2\.000\.000\)/);
});

test('the same through report, beside a contract table', async () => {
  const parts = bookParts({ sheetData: row(1, ['<c r="A1" t="inlineStr"><is><t>Khóa</t></is></c>']) + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', table: { name: 'ThongTin', ref: 'A1:B3', columns: ['Khóa', 'Giá trị'] } });
  const input = path.join(dir, 'far-report.xlsx');
  fs.writeFileSync(input, zipOf(parts));
  const r = await cli(['report', input, '--out', path.join(dir, 'far-report.out.xlsx'), '--lang', 'en']);
  expect(r.lines).toEqual([expect.stringMatching(/^The \.xlsx file is refused: .*far-report\.xlsx: sheet "DuAn"!A1:XFD1048576 is too large to read as a plain list \(17,179,869,184 cells, at most 2,000,000\)/)]);
  expect(r.code).toBe(1);
});

test.each([
  ['plain-200000-merges', '200,000'],
  ['plain-50000-merges', '50,000'],
])('%s: %s merged ranges past the last value are layout: the list read, the copy well-formed', async (name) => {
  const r = await map(name, bytesOf(name));
  expect(r.lines.join('\n')).not.toMatch(/Lỗi không mong đợi|\n\s+at /);
  expect(r.code).toBe(0);
  checkPackage(new ZipArchive(fs.readFileSync(r.out)));
});

test('50,000 merged ranges over the list: refused, naming the sheet', async () => {
  const rows = Array.from({ length: 50_000 }, (_, i) => `<row r="${i + 3}"><c r="B${i + 3}"><v>${i}</v></c></row>`).join('');
  const merges = `<mergeCells count="50000">${Array.from({ length: 50_000 }, (_, i) => `<mergeCell ref="A${i + 3}:B${i + 3}"/>`).join('')}</mergeCells>`;
  refused(await map('merges-over-data', plainBook([{ name: 'Lao động', xml: worksheet(SMALL_LIST + rows, merges) }])), /trang tính "Lao động" có quá nhiều vùng gộp ô \(hơn 10\.000\)/);
});

test('one 1 MB shared string used by 12,000 cells: refused as longer than Excel allows', async () => {
  refused(await map('long', bytesOf('plain-1MB-string-12000-cells')), /một ô có văn bản dài hơn giới hạn 32\.767 ký tự của Excel \(xl\/sharedStrings\.xml, si 1\)/);
});

test('one data validation over the whole sheet: not read at all, the copy well-formed', async () => {
  const r = await map('validation', bytesOf('plain-validation-whole-sheet'));
  expect(r.code).toBe(0);
  checkPackage(new ZipArchive(fs.readFileSync(r.out)));
});

test('invalid UTF-8 in a plain cell: refused, no copy', async () => {
  refused(await map('utf8', bytesOf('plain-invalid-utf8')), /^Tệp .xlsx bị hỏng hoặc không đọc được: .*\(xl\/worksheets\/sheet1\.xml: not UTF-8/);
});

test('a part the reader never uses, not well-formed or not UTF-8: the copy is refused, not made', async () => {
  const files = unzipSync(plainBook([{ name: 'Lao động', xml: worksheet(SMALL_LIST) }]));
  const bad = Buffer.from('<?xml version="1.0"?><cp:coreProperties xmlns:cp="urn:x">Công ty \u00ff</cp:coreProperties>', 'utf8');
  bad[bad.indexOf(0xc3, 60) + 1] = 0x28;
  const r = await map('unread-part', Buffer.from(zipSync({ ...files, 'docProps/core.xml': bad })));
  refused(r, /\(docProps\/core\.xml: not UTF-8/);
  const r2 = await map('unread-part-2', Buffer.from(zipSync({ ...files, 'xl/drawings/drawing1.xml': strToU8('<xdr:wsDr xmlns:xdr="urn:x"><a>') })));
  refused(r2, /\(xl\/drawings\/drawing1\.xml: /);
});
