// baocao report on a workbook with no Excel table at all (issue 19): the settings on a plain sheet,
// project lists per source with the event in a column of its own; the same figures as the
// contract twin; a missing period named in one line, and given with --period.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/node/cli';
import { buildReport, reportJson } from '../../src/core/engine';
import { table } from '../helpers/tables';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-plain-'));
async function cli(...args: string[]) {
  const out: string[] = [];
  const code = await main(args, (l) => out.push(l), (l) => out.push(l));
  return { code, text: out.join('\n') };
}

const SETTINGS = [['BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2024'], ['Từ ngày: 01/01/2024'], ['Đến ngày:', '30/06/2024']];
const FDI = [
  ['DANH MỤC DỰ ÁN FDI 6 THÁNG ĐẦU NĂM 2024'],
  ['STT', 'Tên dự án', 'Số GCNĐKĐT', 'Ngày cấp', 'Tình trạng', 'Vốn đầu tư (nghìn USD)'],
  [1, 'Nhà máy A', 'F01', '15/01/2024', 'Cấp mới', 10500],
  [2, 'Nhà máy B', 'F02', '03/02/2024', 'Cấp GCNĐKĐT', 20250.5],
  [3, 'Nhà máy A', 'F01', '10/04/2024', 'Điều chỉnh tăng vốn', 2500],
  [4, 'Nhà máy B', 'F02', '20/06/2024', 'Thu hồi', null],
];
const DDI = [
  ['DANH MỤC DỰ ÁN ĐẦU TƯ TRONG NƯỚC'],
  ['TT', 'Tên dự án', 'Mã số', 'Ngày', 'Nội dung', 'Vốn (tỷ đồng)'],
  [1, 'Kho A', 'D01', '05/01/2024', 'Cấp mới', 100],
  [2, 'Kho B', 'D02', '06/03/2024', 'Cấp mới', 50.5],
];

async function workbook(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheet);
    rows.forEach((r) => ws.addRow(r));
  }
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const twin = buildReport(
  [
    table('ThongTin', ['Khóa', 'Giá trị'], [['TuNgay', '01/01/2024'], ['DenNgay', '30/06/2024']]),
    table('DuAn', ['Mã dự án', 'Nguồn vốn', 'Loại', 'Ngày', 'Vốn đầu tư'], [
      ['F01', 'FDI', 'Cấp mới', '15/01/2024', 10.5],
      ['F02', 'FDI', 'Cấp mới', '03/02/2024', 20.2505],
      ['F01', 'FDI', 'Điều chỉnh', '10/04/2024', 2.5],
      ['F02', 'FDI', 'Chấm dứt', '20/06/2024', null],
      ['D01', 'DDI', 'Cấp mới', '05/01/2024', 100],
      ['D02', 'DDI', 'Cấp mới', '06/03/2024', 50.5],
    ]),
  ],
  { lang: 'vi', today: '2024-07-05' },
);

test('a workbook of plain lists with no Excel table gives its contract twin’s figures', async () => {
  const file = await workbook('plain.xlsx', { 'Thông tin': SETTINGS, FDI, DDI });
  const json = path.join(tmp, 'plain.json');
  const r = await cli('report', file, '--out', path.join(tmp, 'plain.out.xlsx'), '--json', json, '--today', '2024-07-05');
  expect(r.text).not.toMatch(/không có bảng Excel/);
  expect(r.code).toBe(0);
  const got = JSON.parse(fs.readFileSync(json, 'utf8'));
  expect(got.metrics).toEqual(reportJson(twin).metrics);
  expect(got.metrics.fdi_new_count).toBe(2);
  expect(got.metrics.ddi_new_capital).toBe(150.5);
  const said = got.problems.filter((p: { code: string }) => p.code === 'staffColumnValues').map((p: { message: string }) => p.message);
  expect(said).toContain('Trang "FDI", cột E "Tình trạng": đọc là loại theo giá trị trong cột ("Cấp mới" → cấp mới, "Cấp GCNĐKĐT" → cấp mới, "Điều chỉnh tăng vốn" → điều chỉnh, "Thu hồi" → chấm dứt).');
});

test('no period anywhere: one line names what to add, nothing is written; --period supplies it', async () => {
  const file = await workbook('noperiod.xlsx', { FDI, DDI });
  const out = path.join(tmp, 'noperiod.out.xlsx');
  const r = await cli('report', file, '--out', out);
  expect(r.code).toBe(1);
  expect(r.text.split('\n')).toHaveLength(1);
  expect(r.text).toMatch(/Từ ngày: 01\/01\/2024.*Đến ngày: 30\/06\/2024.*--period 01\/01\/2024-30\/06\/2024/);
  expect(fs.existsSync(out)).toBe(false);
  const json = path.join(tmp, 'noperiod.json');
  const given = await cli('report', file, '--out', out, '--json', json, '--period', '01/01/2024-30/06/2024', '--today', '2024-07-05');
  expect(given.code).toBe(0);
  expect(JSON.parse(fs.readFileSync(json, 'utf8')).metrics).toEqual(reportJson(twin).metrics);
  const split = await cli('report', file, '--out', out, '--json', json, '--tu-ngay', '01/01/2024', '--den-ngay', '31/03/2024', '--today', '2024-07-05');
  expect(split.code).toBe(0);
  expect(JSON.parse(fs.readFileSync(json, 'utf8')).period).toMatchObject({ start: '2024-01-01', end: '2024-03-31' });
});

test.each([
  [['--period', '2024'], /--period 01\/01\/2024-30\/06\/2024/],
  [['--period', '30/06/2024-01/01/2024'], /trước ngày đầu/],
  [['--tu-ngay', '01/01/2024'], /đi cùng nhau/],
  [['--period', '31/02/2024-30/06/2024'], /dd\/mm\/yyyy/],
])('a bad period option %p says how to write it', async (args, message) => {
  const file = await workbook('bad.xlsx', { FDI });
  const r = await cli('report', file, '--out', path.join(tmp, 'bad.out.xlsx'), ...args);
  expect(r.code).not.toBe(0);
  expect(r.text).toMatch(message);
});

test('a workbook with neither a table nor a list says so in one line', async () => {
  const file = await workbook('nothing.xlsx', { Sheet1: [['xin chào']] });
  const r = await cli('report', file, '--out', path.join(tmp, 'nothing.out.xlsx'));
  expect(r.code).toBe(1);
  expect(r.text).toMatch(/^Không tìm thấy số liệu nào trong .*nothing\.xlsx: sổ không có bảng Excel/);
});
