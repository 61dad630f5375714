import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { main } from '../../src/node/cli';
import { readSnapshots, plainValue } from '../../src/node/xlsx-reader';
import { writeTablesToFile } from '../../src/node/write-tables';
import { buildExampleTables } from '../../scripts/example/data';
import { buildReport } from '../../src/core/engine';

const EXAMPLE = path.join(__dirname, '../../examples/hai-phong-2023-h1.xlsx');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-rt-'));
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

/** The seed's figures (report-anatomy.md), with its two slips corrected. */
export const SEED_PHRASES = [
  'cấp mới 25 dự án FDI', '281 triệu USD', '17 dự án', '381,18 triệu USD', '662,18 triệu USD', 'bằng 106% cùng kỳ năm trước', '33,11%',
  '484 dự án FDI', '24,48 tỷ USD', '10 dự án DDI', '13.733 tỷ đồng', '11 dự án', '845 tỷ đồng', '14.578 tỷ đồng',
  'gấp 2,25 lần', '145,8%', '213 dự án', '308.793 tỷ đồng', '13,2 tỷ USD',
  '1.368 triệu đồng', '53,4%', '2.560 triệu đồng', '1.210,9 triệu đồng', '56,6%', '157,1 triệu đồng', '37,5%',
  '195.683', 'giảm 4,3%', '204.512', '11,5 triệu đồng', '306.966 tỷ đồng', '48,3%', '9.101 triệu USD', '38,8%',
  '7.409 triệu USD', '34,0%', '5.412 tỷ đồng', '32,6%',
  '197/224', '27 nhiệm vụ', '01 nhiệm vụ quá hạn', '12 nhiệm vụ trong hạn', '14 nhiệm vụ không hạn',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO',
];

async function xlsxPart(file: string, part: string): Promise<string> {
  const { unzipSync, strFromU8 } = await import('fflate');
  return strFromU8(unzipSync(fs.readFileSync(file), { filter: (f) => f.name === part })[part]);
}

async function sheetText(file: string, sheet: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  const parts: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => parts.push(String(plainValue(c.value) ?? ''))));
  return parts.join('\n');
}

test('the committed example holds exactly what the generator makes', async () => {
  const fromFile = await readSnapshots(EXAMPLE);
  const fresh = path.join(tmp, 'fresh.xlsx');
  await writeTablesToFile(buildExampleTables(), fresh);
  const generated = await readSnapshots(fresh);
  expect(fromFile).toEqual(generated);
  expect(fromFile.map((t) => t.name).sort()).toEqual(['ChiTieuTinh', 'DuAn', 'HoSo', 'KeHoach', 'LaoDong', 'NganSach', 'NhiemVu', 'NoiDung', 'SanXuatKinhDoanh', 'ThongTin']);
  const budget = fromFile.find((t) => t.name === 'NganSach')!;
  expect([budget.sheet, budget.headerRow, budget.firstColumn]).toEqual(['Ngân sách', 3, 2]);
});

test('baocao report on the example: the written sheet states every seed figure, the input is untouched', async () => {
  const before = sha(EXAMPLE);
  const out = path.join(tmp, 'r.xlsx');
  const json = path.join(tmp, 'r.json');
  const lines: string[] = [];
  const code = await main(['report', EXAMPLE, '--out', out, '--json', json, '--today', '2026-11-27'], (l) => lines.push(l), (l) => lines.push(l));
  expect(code).toBe(0);
  expect(sha(EXAMPLE)).toBe(before);
  const text = (await sheetText(out, 'Báo cáo')).normalize('NFC');
  for (const p of SEED_PHRASES) expect(text).toContain(p);
  expect(text).not.toContain('662,25');
  expect(text).not.toContain('33,9%');
  // the tasks were not all done on time in the data, so the text does not claim it
  expect(text).not.toContain('kịp thời, đúng hạn');
  expect(text).toContain('03 nhiệm vụ hoàn thành sau thời hạn');
  const doc = JSON.parse(fs.readFileSync(json, 'utf8'));
  expect(doc.metrics.fdi_total_capital).toBe(662.18);
  expect(doc.metrics.import_pct_plan).toBeCloseTo((7409 / 21810) * 100, 12);
  expect(doc.problems).toEqual([]);
  expect(lines.join('\n')).toMatch(/662,18 triệu USD/);
  const figures = await sheetText(out, 'Số liệu');
  expect(figures).toContain('fdi_cumulative_capital');
  expect(figures).toContain('24480.37'); // the number, for formulas
  expect(figures).toContain('24.480,37'); // as printed, whatever the reader's locale
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const printArea = wb.getWorksheet('Số liệu')!.pageSetup.printArea!.replace(/\$/g, '');
  expect(printArea).toMatch(/^A1:F\d+$/);
  const ws = wb.getWorksheet('Số liệu')!;
  const last = Number(printArea.split(':F')[1]);
  const names = await xlsxPart(out, 'xl/workbook.xml');
  expect(names).toMatch(/name="_xlnm.Print_Area" localSheetId="1">&apos;Số liệu&apos;!\$A\$1:\$F\$\d+</);
  expect(ws.getCell(last, 1).value).toBeTruthy();
  expect(ws.getCell(last + 1, 1).value ?? null).toBeNull();
});

test('a workbook with bad rows: each bad cell reported, every other row counted', async () => {
  const file = path.join(tmp, 'bad.xlsx');
  await writeTablesToFile(
    [
      { name: 'Settings', sheet: 'Cài đặt', topLeft: 'B2', headers: ['Key', 'Value'], rows: [['periodStart', '01/01/2023'], ['periodEnd', new Date(Date.UTC(2023, 5, 30))]] },
      {
        name: 'Projects',
        sheet: 'Dự án',
        topLeft: 'C4',
        headers: ['Capital', 'Date', 'Event', 'Source', 'Project ID', 'Investor'],
        rows: [
          [10, '01/02/2023', 'new', 'FDI', 'P1', 'A'],
          ['mười', '01/02/2023', 'new', 'FDI', 'P2', 'B'],
          [5, '30/02/2023', 'new', 'FDI', 'P3', 'C'],
          [7, '01/03/2023', 'new', 'XYZ', 'P4', 'D'],
          [8, '01/03/2023', 'new', 'FDI', null, 'E'],
          ['1.234,5', '01/04/2023', 'Cấp mới', 'fdi', 'P6', 'F'],
        ],
      },
      {
        name: 'LaoDong',
        sheet: 'LaoDong',
        topLeft: 'A1',
        headers: ['Doanh nghiệp', 'Tháng', 'Số lao động', 'Thu nhập bình quân'],
        rows: [
          ['A', '06/2023', 100, 10],
          ['B', '06/2023', -5, 10],
          ['C', '06/2023', 12.5, 10],
          ['D', '06/2023', 50, 'cao'],
        ],
      },
    ],
    file,
  );
  const before = sha(file);
  const r = buildReport(await readSnapshots(file), { today: '2026-11-27' });
  expect(sha(file)).toBe(before);
  const at = (cell: string) => r.problems.filter((p) => p.cell === cell).map((p) => p.code);
  expect(at("'Dự án'!C6")).toEqual(['badValue']);
  expect(at("'Dự án'!D7")).toEqual(['badValue']);
  expect(at("'Dự án'!F8")).toEqual(['unknownSource']);
  expect(at("'Dự án'!G9")).toEqual(['requiredEmpty']);
  expect(r.metrics.get('fdi_new_count')!.value).toBe(2);
  expect(r.metrics.get('fdi_new_capital')!.value).toBe(1244.5);
  expect(at('LaoDong!C3')).toEqual(['negativeNotAllowed']);
  expect(at('LaoDong!C4')).toEqual(['badValue']);
  expect(at('LaoDong!D5')).toEqual(['badOptional']);
  expect(r.metrics.get('labour_workers')!.value).toBe(150);
  expect(r.metrics.get('labour_avg_income')!.value).toBe(10);
});
