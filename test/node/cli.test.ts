import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/node/cli';
import { readSnapshots } from '../../src/node/xlsx-reader';
import { TABLES } from '../../src/core/records/schema';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-cli-'));
async function cli(...args: string[]) {
  const out: string[] = [];
  const code = await main(args, (l) => out.push(l), (l) => out.push(l));
  return { code, text: out.join('\n') };
}

test.each([
  ['missing', null, /Không tìm thấy tệp/],
  ['empty.xlsx', '', /Tệp rỗng/],
  ['data.csv.xlsx', 'a,b\n1,2\n', /không phải là sổ Excel/],
  ['truncated.xlsx', 'PK\u0003\u0004garbage', /bị hỏng/],
  ['locked.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /mật khẩu/],
])('%s gives a clear message and a non-zero exit', async (name, content, message) => {
  const file = path.join(tmp, name);
  if (content !== null) fs.writeFileSync(file, content);
  const r = await cli('report', file, '--out', path.join(tmp, 'o.xlsx'));
  expect(r.code).toBe(1);
  expect(r.text).toMatch(message);
  expect(r.text).not.toMatch(/at .*\.ts:\d+/); // no stack trace for a user mistake
});

test('English messages with --lang en', async () => {
  const r = await cli('report', path.join(tmp, 'nope.xlsx'), '--lang', 'en');
  expect(r.text).toMatch(/File not found/);
});

test('never writes over the input', async () => {
  const file = path.join(tmp, 'in.xlsx');
  fs.copyFileSync(path.join(__dirname, '../../examples/hai-phong-2023-h1.xlsx'), file);
  const r = await cli('report', file, '--out', file);
  expect(r.code).toBe(1);
  expect(r.text).toMatch(/Không ghi đè/);
});

test('usage errors exit 2', async () => {
  expect((await cli()).code).toBe(2);
  expect((await cli('frobnicate')).code).toBe(2);
  expect((await cli('report')).code).toBe(2);
  expect((await cli('report', 'x.xlsx', '--lang', 'fr')).code).toBe(2);
  expect((await cli('report', 'x.xlsx', '--bogus', '1')).code).toBe(2);
  expect((await cli('--help')).code).toBe(0);
});

test('baocao template writes every contract table with Vietnamese headers, and refuses to overwrite', async () => {
  const file = path.join(tmp, 'mau.xlsx');
  expect((await cli('template', file)).code).toBe(0);
  const snaps = await readSnapshots(file);
  expect(snaps.map((s) => s.name)).toEqual(TABLES.map((t) => t.vi));
  for (const t of TABLES) expect(snaps.find((s) => s.name === t.vi)!.headers).toEqual(t.columns.map((c) => c.vi[0]));
  expect(snaps.find((s) => s.name === 'ThongTin')!.rows.map((r) => r[0])).toContain('TuNgay');
  expect((await cli('template', file)).code).toBe(1);
});

describe('the period unknown after recognition: one line naming what to add, nothing written', () => {
  async function plain(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    for (const [sheet, rows] of Object.entries(sheets)) wb.addWorksheet(sheet).addRows(rows);
    const file = path.join(tmp, name);
    await wb.xlsx.writeFile(file);
    return file;
  }
  const PROJECTS = [
    ['DANH MỤC DỰ ÁN FDI CẤP MỚI'],
    ['STT', 'Tên dự án', 'Số GCNĐKĐT', 'Ngày cấp', 'Vốn đầu tư (triệu USD)'],
    [1, 'Nhà máy A', 'F01', '15/01/2024', 10.5],
    [2, 'Nhà máy B', 'F02', '03/02/2024', 20],
  ];

  test('airport codes with "DEN" (Denver) are not "Đến": the period is unknown and the report refuses, --period supplies it', async () => {
    const file = await plain('codes.xlsx', {
      CodeLists: [['ATL', 'Hartsfield–Jackson Atlanta', 1], ['DEN', 'Denver International', 743], ['TO', 'Toronto Pearson', 12]],
      FDI: PROJECTS,
    });
    const out = path.join(tmp, 'codes.out.xlsx');
    const r = await cli('report', file, '--out', out);
    expect(r.code).toBe(1);
    expect(r.text.split('\n')).toHaveLength(1);
    expect(r.text).toMatch(/^Chưa biết kỳ báo cáo của .*codes\.xlsx: thêm hai dòng "Từ ngày: 01\/01\/2024" và "Đến ngày: 30\/06\/2024".*--period 01\/01\/2024-30\/06\/2024/);
    expect(fs.existsSync(out)).toBe(false);
    const json = path.join(tmp, 'codes.json');
    const given = await cli('report', file, '--out', out, '--json', json, '--period', '01/01/2024-30/06/2024', '--today', '2024-07-05');
    expect(given.code).toBe(0);
    const got = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(got.period).toMatchObject({ start: '2024-01-01', end: '2024-06-30' });
    expect(got.metrics.fdi_new_count).toBe(2);
    expect(got.problems.some((p: { code: string }) => p.code === 'staffSettingsRead')).toBe(false);
  });

  test('a ThongTin table without dates (the template) refuses in one line naming the cell, in English too', async () => {
    const file = path.join(tmp, 'blank-settings.xlsx');
    expect((await cli('template', file)).code).toBe(0);
    const out = path.join(tmp, 'blank-settings.out.xlsx');
    const r = await cli('report', file, '--out', out);
    expect(r.code).toBe(1);
    expect(r.text.split('\n')).toHaveLength(1);
    expect(r.text).toMatch(/^Chưa biết kỳ báo cáo của .*blank-settings\.xlsx \(ThongTin!B\d+: .*TuNgay.*\): thêm .*--period 01\/01\/2024-30\/06\/2024\.$/);
    expect(fs.existsSync(out)).toBe(false);
    const en = await cli('report', file, '--out', out, '--lang', 'en');
    expect(en.code).toBe(1);
    expect(en.text).toMatch(/^The report period of .*blank-settings\.xlsx is unknown \(ThongTin!B\d+: .*\): add two rows .*--period 01\/01\/2024-30\/06\/2024\.$/);
  });

  test('a period that ends before it starts is named in the refusal', async () => {
    const file = await plain('reversed.xlsx', { 'Thông tin': [['Từ ngày', '30/06/2024'], ['Đến ngày', '01/01/2024']], FDI: PROJECTS });
    const r = await cli('report', file, '--out', path.join(tmp, 'reversed.out.xlsx'));
    expect(r.code).toBe(1);
    expect(r.text).toMatch(/^Chưa biết kỳ báo cáo của .*reversed\.xlsx \('Thông tin'!B2: Ngày kết thúc kỳ \(01\/01\/2024\) trước ngày bắt đầu \(30\/06\/2024\)/);
  });
});
