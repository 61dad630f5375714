// The add-in's Tạo báo cáo on a workbook with no Excel table (issue 19): the settings on a plain
// sheet and the lists around it are read, with the figures of the contract twin.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { buildReport, reportJson } from '../../src/core/engine';
import { generateReport } from '../../src/excel/generate';
import { mockExcel } from './mock-host';
import { bookFromXlsx } from './xlsx-book';
import { table } from '../helpers/tables';

const TODAY = '2024-07-05';

it('a workbook of plain lists with no Excel table gives its contract twin’s figures in the add-in', async () => {
  const wb = new ExcelJS.Workbook();
  const sheets: Record<string, unknown[][]> = {
    'Thông tin': [['Khóa', 'Giá trị'], ['TuNgay', '01/01/2024'], ['DenNgay', '30/06/2024']],
    'Dự án': [
      ['TỔNG HỢP CÁC DỰ ÁN'],
      ['STT', 'Tên dự án', 'Số GCN', 'Ngày', 'Khối', 'Ghi chú', 'Vốn đầu tư'],
      [1, 'Nhà máy A', 'F01', '15/01/2024', 'Nước ngoài', 'Cấp mới', 10.5],
      [2, 'Kho C', 'D01', '05/01/2024', 'Trong nước', 'Cấp GCNĐKĐT', 100],
      [3, 'Nhà máy A', 'F01', '10/04/2024', 'FDI', 'Điều chỉnh tăng vốn', 2.5],
    ],
  };
  for (const [name, rows] of Object.entries(sheets)) rows.forEach((r) => (wb.getWorksheet(name) ?? wb.addWorksheet(name)).addRow(r));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-plain-addin-')), 'plain.xlsx');
  await wb.xlsx.writeFile(file);
  const book = await bookFromXlsx(file);
  expect(book.tables).toEqual([]);
  const g = await mockExcel(book).run((ctx) => generateReport(ctx, { today: TODAY }));
  const twin = buildReport(
    [
      table('ThongTin', ['Khóa', 'Giá trị'], [['TuNgay', '01/01/2024'], ['DenNgay', '30/06/2024']]),
      table('DuAn', ['Mã dự án', 'Nguồn vốn', 'Loại', 'Ngày', 'Vốn đầu tư'], [
        ['F01', 'FDI', 'Cấp mới', '15/01/2024', 10.5],
        ['D01', 'DDI', 'Cấp mới', '05/01/2024', 100],
        ['F01', 'FDI', 'Điều chỉnh', '10/04/2024', 2.5],
      ]),
    ],
    { lang: 'vi', today: TODAY },
  );
  expect(g.result.period).toEqual(twin.period);
  expect(reportJson(g.result).metrics).toEqual(reportJson(twin).metrics);
  expect(g.result.metrics.get('fdi_total_capital')!.value).toBe(13);
}, 60_000);
