// The report's .xlsx is written straight from the plan (xlsx-package-writer), no longer through
// exceljs, whose merge scan made a report with tens of thousands of annex rows take minutes. The
// exceljs path (workbookFromPlan, charts added) stays as the reference: for the same plan both
// files must show a reader the same cells, styles, merges, heights, widths, breaks and print setup.
import { unzipSync, strFromU8 } from 'fflate';
import { WorkbookPlan } from '../../src/core/report/sheet-plan';
import { ReportResult } from '../../src/core/engine';
import { addChartsToXlsx } from '../../src/node/xlsx-charts';
import { planToXlsx, workbookFromPlan } from '../../src/node/xlsx-writer';
import { checkMerges } from '../../src/node/xlsx-package-writer';
import { exampleReport } from '../document/example-report';
import { run, settings, table } from '../helpers/tables';
import { viewOf } from './xlsx-writer-compare';

const NOW = new Date('2026-11-27T08:00:00Z');
const PROJECT_FULL = ['Mã dự án', 'Tên dự án', 'Nhà đầu tư', 'Quốc gia', 'Khu', 'Nguồn vốn', 'Loại', 'Ngày', 'Vốn đầu tư'];

async function throughExceljs(plan: WorkbookPlan): Promise<Buffer> {
  const wb = workbookFromPlan(plan);
  wb.created = NOW;
  const bytes = (await wb.xlsx.writeBuffer()) as unknown as Buffer;
  return Buffer.from(addChartsToXlsx(new Uint8Array(bytes), plan));
}

/** A report whose project annex lists `n` new projects (two parts: FDI and DDI), each row with its merges. */
function annexReport(n: number): ReportResult {
  const rows = Array.from({ length: n }, (_, i) => [
    `P${i}`,
    `Dự án số ${i} có một cái tên khá dài để xuống dòng trong cột`,
    `Nhà đầu tư ${i % 37} & <Cộng sự>`,
    i % 3 ? 'Nhật Bản' : 'Hàn Quốc',
    'KCN Đình Vũ',
    i % 5 ? 'FDI' : 'DDI',
    'Cấp mới',
    `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 6) + 1}/2023`,
    1 + (i % 97) / 10,
  ]);
  return run([settings(['01/01/2023', '30/06/2023'], { NguoiKy: 'Nguyễn Văn A' }), table('DuAn', PROJECT_FULL, rows)]);
}

async function expectSameWorkbook(plan: WorkbookPlan): Promise<void> {
  const mine = await viewOf(await planToXlsx(plan, NOW));
  const reference = await viewOf(await throughExceljs(plan));
  expect(mine.keywords).toBe(reference.keywords);
  expect(mine.creator).toBe(reference.creator);
  expect(mine.charts).toEqual(reference.charts);
  expect(mine.sheets.map((s) => s.name)).toEqual(reference.sheets.map((s) => s.name));
  mine.sheets.forEach((s, i) => {
    const ref = reference.sheets[i];
    expect(Object.keys(s.cells).length).toBe(Object.keys(ref.cells).length);
    expect(s.cells).toEqual(ref.cells);
    expect(s.merges).toEqual(ref.merges);
    expect(s.heights).toEqual(ref.heights);
    expect(s.widths).toEqual(ref.widths);
    expect(s.breaks).toEqual(ref.breaks);
    expect(s.pageSetup).toEqual(ref.pageSetup);
    expect(s.headerFooter).toEqual(ref.headerFooter);
    expect(s.showGridLines).toEqual(ref.showGridLines);
  });
}

describe('the report .xlsx written from the plan', () => {
  test('the example report: the same workbook as exceljs wrote (cells, styles, merges, print setup, charts)', async () => {
    await expectSameWorkbook(exampleReport().plan);
  }, 60000);

  test('an annex of 300 projects: the same workbook as exceljs wrote', async () => {
    const r = annexReport(300);
    expect(r.model.annexes.find((a) => a.id === 'projects')!.rows.length).toBeGreaterThan(300);
    await expectSameWorkbook(r.plan);
  }, 60000);

  test('the comparison can fail: one changed style, one missing merge are seen', async () => {
    const plan = exampleReport().plan;
    const sheet = plan.sheets[0];
    const i = sheet.cells.findIndex((c) => typeof c.value === 'string' && c.value.length > 3);
    const changed: WorkbookPlan = { ...plan, sheets: [{ ...sheet, cells: sheet.cells.map((c, k) => (k === i ? { ...c, style: { ...c.style, font: { ...c.style.font, bold: !c.style.font.bold } } } : c)) }, ...plan.sheets.slice(1)] };
    const a = await viewOf(await planToXlsx(changed, NOW));
    const b = await viewOf(await throughExceljs(plan));
    expect(a.sheets[0].cells).not.toEqual(b.sheets[0].cells);
    const fewer: WorkbookPlan = { ...plan, sheets: [{ ...sheet, merges: sheet.merges.slice(1) }, ...plan.sheets.slice(1)] };
    expect((await viewOf(await planToXlsx(fewer, NOW))).sheets[0].merges).not.toEqual(b.sheets[0].merges);
  }, 60000);

  test('an annex of 20,000 projects: every row and every merge of the plan is in the file', async () => {
    const r = annexReport(20000);
    const sheet = r.plan.sheets[0];
    expect(sheet.merges.length).toBeGreaterThan(20000);
    const files = unzipSync(new Uint8Array(await planToXlsx(r.plan, NOW)));
    const xml = strFromU8(files['xl/worksheets/sheet1.xml']);
    const written = [...xml.matchAll(/<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"\/>/g)].map((m) => m[1]);
    const letters = (c: number) => String.fromCharCode(64 + c);
    expect(written).toEqual(sheet.merges.map((m) => `${letters(m.left)}${m.top}:${letters(m.right)}${m.bottom}`));
    expect(xml).toContain(`<mergeCells count="${sheet.merges.length}">`);
    // every project's name is a shared string of the report sheet, once per row
    const sst = strFromU8(files['xl/sharedStrings.xml']);
    for (const k of [0, 1, 9999, 19999]) expect(sst).toContain(`<t>Dự án số ${k} có một cái tên khá dài để xuống dòng trong cột</t>`);
    const lastRow = sheet.cells.reduce((m, c) => Math.max(m, c.row), 0);
    expect(xml).toContain(`<row r="${lastRow}"`);
  }, 120000);

  test('a plan whose merges overlap is not written: the writer names the sheet and cell', async () => {
    const plan = exampleReport().plan;
    const sheet = plan.sheets[0];
    const m = sheet.merges[sheet.merges.length - 1];
    const overlapping: WorkbookPlan = { ...plan, sheets: [{ ...sheet, merges: [...sheet.merges, { top: m.top, left: m.right, bottom: m.top + 1, right: m.right }] }, ...plan.sheets.slice(1)] };
    const letters = String.fromCharCode(64 + m.right);
    await expect(planToXlsx(overlapping, NOW)).rejects.toThrow(`Cannot merge already merged cells: ${sheet.name}!${letters}${m.top}`);
  });

  test('overlapping merges are refused, naming the sheet and cell', () => {
    expect(() => checkMerges([{ top: 1, left: 1, bottom: 2, right: 3 }, { top: 2, left: 3, bottom: 2, right: 4 }], 'Báo cáo')).toThrow('Báo cáo!C2');
    expect(() => checkMerges([{ top: 1, left: 1, bottom: 1, right: 3 }, { top: 2, left: 1, bottom: 2, right: 3 }], 'Báo cáo')).not.toThrow();
  });
});
