// A sample of other projects' test workbooks (test/fixtures/foreign, each folder with its project's
// licence and a README naming the source): each ends cleanly through `report` and `map`, with exit
// 0 and a copy that passes the reader's checks, or with one line saying in Vietnamese why the file
// is refused. scripts/foreign-corpus.ts runs the whole of the three projects' workbooks the same way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/node/cli';
import { ZipArchive, readWorkbookGrids, readWorkbookTables } from '../../src/node/xlsx';
import { checkPackage } from '../../src/node/xlsx/check';
import { classify } from '../../scripts/foreign-corpus';
import { recognizeWorkbook } from '../../src/core/recognize';

const FOREIGN = path.join(__dirname, '../fixtures/foreign');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-foreign-'));
const bytes = (f: string) => fs.readFileSync(path.join(FOREIGN, f));

const NO_DATA = /^Không tìm thấy số liệu nào trong .*: sổ không có bảng Excel và không nhận ra danh sách nào/;
const MAPPED = null;
/** Per sample: what `report` and `map` end with (null: exit 0; a pattern: the one line of a refusal). */
const SAMPLES: [file: string, report: RegExp | null, map: RegExp | null][] = [
  ['closedxml/InsertColumns.xlsx', NO_DATA, MAPPED],
  ['closedxml/different-column-width-excel2010.xlsx', NO_DATA, MAPPED],
  ['closedxml/FileWithButton.xlsm', NO_DATA, MAPPED],
  ['closedxml/universal-content-strict.xlsx', NO_DATA, MAPPED],
  ['poi/49609.xlsx', NO_DATA, MAPPED],
  ['poi/64508.xlsx', NO_DATA, MAPPED],
  ['poi/61281.xlsx', NO_DATA, MAPPED],
  ['poi/58896.xlsx', NO_DATA, MAPPED],
  ['poi/64759.xlsx', NO_DATA, MAPPED],
  ['exceljs/test-issue-1669.xlsx', NO_DATA, MAPPED],
  ['poi/protect.xlsx', /^Tệp được bảo vệ bằng mật khẩu hoặc là định dạng \.xls cũ: .*protect\.xlsx$/, null],
  ['poi/date.xlsb', /^Đây là sổ Excel nhị phân \(\.xlsb\), không phải \.xlsx: .*date\.xlsb/, null],
  ['poi/duplicate-filename.xlsx', /^Tệp \.xlsx bị hỏng hoặc không đọc được: .* \(the part xl\/worksheets\/sheet1\.xml appears twice in the zip\)$/, null],
  ['poi/poc-xmlbomb-empty.xlsx', /^Tệp \.xlsx bị hỏng hoặc không đọc được: .* \(xl\/sharedStrings\.xml: a DOCTYPE is not allowed in a workbook part\)$/, null],
  ['exceljs/invalid-xml.xlsx', /^Tệp \.xlsx bị hỏng hoặc không đọc được: .* \(xl\/worksheets\/sheet1\.xml: text data outside of root node\.\)$/, null],
];

async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

test('every sample file is in the table above, and every project folder has its licence and README', () => {
  const projects = fs.readdirSync(FOREIGN);
  expect(projects.sort()).toEqual(['closedxml', 'exceljs', 'poi']);
  const files = projects.flatMap((p) => fs.readdirSync(path.join(FOREIGN, p)).map((f) => `${p}/${f}`));
  for (const p of projects) expect(files).toEqual(expect.arrayContaining([`${p}/LICENSE`, `${p}/README.md`]));
  expect(files.filter((f) => /\.xls[xmb]$/.test(f)).sort()).toEqual(SAMPLES.map((s) => s[0]).sort());
});

describe.each(SAMPLES)('%s', (file, reportEnd, mapEnd) => {
  // a refused file is refused the same way by both commands
  const mapRefusal = mapEnd ?? (reportEnd && reportEnd !== NO_DATA ? reportEnd : null);
  const input = path.join(dir, file.replace('/', '-'));
  beforeAll(() => fs.copyFileSync(path.join(FOREIGN, file), input));

  test(`report: ${reportEnd ? 'one clear line' : 'exit 0'}`, async () => {
    const r = await cli(['report', input, '--out', `${input}.report.xlsx`]);
    if (reportEnd) {
      expect(r.err).toEqual([expect.stringMatching(reportEnd)]);
      expect(r.code).toBe(1);
      expect(fs.existsSync(`${input}.report.xlsx`)).toBe(false);
    } else expect(r.code).toBe(0);
  });

  test(`map: ${mapRefusal ? 'one clear line, no copy' : 'exit 0, the copy passes the reader\'s checks'}`, async () => {
    const out = input.replace(/(\.\w+)$/, '.anhxa$1');
    const r = await cli(['map', input]);
    if (mapRefusal) {
      expect(r.err).toEqual([expect.stringMatching(mapRefusal)]);
      expect(r.code).toBe(1);
      expect(fs.existsSync(out)).toBe(false);
      return;
    }
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    // the copy is written beside the input under the input's own extension (.xlsm stays .xlsm)
    const copy = fs.readFileSync(out);
    checkPackage(new ZipArchive(copy));
    expect(readWorkbookTables(copy, { wanted: () => true }).map((t) => t.name)).toContain('AnhXa');
  });
});

test('x: prefixed parts, and <x:c t="s"/> without an index read as empty (ClosedXML InsertColumns)', () => {
  const [g] = readWorkbookGrids(bytes('closedxml/InsertColumns.xlsx'));
  expect(g.name).toBe('Inserting Columns');
  expect(g.cells[0].slice(0, 11)).toEqual(['X', 'X', null, null, null, null, 'X', 'X', null, null, 'X']);
});

test('a 103 × 353 grid with 1,475 merges (POI 58896) is recognised in bounded work, examined in full', () => {
  const [g] = readWorkbookGrids(bytes('poi/58896.xlsx'));
  expect(g.merges).toHaveLength(1475);
  const area = g.cells.length * Math.max(...g.cells.map((r) => r.length));
  const rec = recognizeWorkbook([g]);
  expect(rec.work.cells).toBeLessThanOrEqual(60 * area);
  expect(rec.problems.some((p) => p.code === 'staffSheetTooLarge')).toBe(false);
  expect(rec.proposals.filter((p) => p.usable)).toEqual([]);
});

test('<v/> in a shared-string cell is empty (POI 64508), the other cells as written', () => {
  const [g] = readWorkbookGrids(bytes('poi/64508.xlsx'));
  expect(g.cells[1]).toEqual(['SI33738548', '04656-2020', new Date(Date.UTC(2020, 5, 8)), 1, null, '0630996510285', 2]);
});

test('part names with backslashes (POI 49609): the sheets read, as POI reads them', () => {
  const grids = readWorkbookGrids(bytes('poi/49609.xlsx'));
  expect(grids.map((g) => g.name)).toEqual(['FAM', 'VIC']);
  expect(grids[0].cells[0][1]).toBe('Cycle');
});

test('Strict OOXML (ClosedXML universal-content-strict): the values read', () => {
  const [g] = readWorkbookGrids(bytes('closedxml/universal-content-strict.xlsx'));
  expect(g.cells.slice(0, 2)).toEqual([
    [1, 'String1', 6],
    [2, 'String2', 5],
  ]);
});

test('a table whose filter buttons are hidden (POI 61281) and tables of exceljs (1669) read as tables', () => {
  const poi = readWorkbookTables(bytes('poi/61281.xlsx'), { wanted: () => true });
  expect(poi.map((t) => [t.name, t.headers])).toEqual([['Table1', ['/Test/Test', 'Column1', 'Column2']]]);
  const exceljs = readWorkbookTables(bytes('exceljs/test-issue-1669.xlsx'), { wanted: () => true });
  expect(exceljs.map((t) => [t.name, t.rows[0]])).toEqual([
    ['Table1', [1, 'a']],
    ['Table2', ['T123456789', 'Test 89']],
  ]);
});

test('the corpus script tells a clear refusal from a failure', () => {
  const run = (code: number | 'threw', err: string[], badOutput: string | null = null) => ({ code, ms: 1, err, badOutput });
  const f = '/c/a.xlsx';
  expect(classify(run(0, []), f)).toEqual({ verdict: 'clean', reason: '' });
  expect(classify(run(0, [], 'damaged: xl/workbook.xml'), f).verdict).toBe('badOutput');
  expect(classify(run(1, [`Tệp .xlsx bị hỏng hoặc không đọc được: ${f} (xl/worksheets/sheet12.xml: CRC mismatch)`]), f)).toEqual({
    verdict: 'refused',
    reason: 'Tệp .xlsx bị hỏng hoặc không đọc được: (xl/worksheets/sheetN.xml: CRC mismatch)',
  });
  expect(classify(run(1, [`Lỗi không mong đợi: Cannot read properties of undefined (reading 'name') (chạy lại với --debug để xem chi tiết)`]), f).verdict).toBe('crash');
  expect(classify(run('threw', ['TypeError: x']), f).verdict).toBe('crash');
  expect(classify(run(1, ['one', 'two']), f).verdict).toBe('lines');
});
