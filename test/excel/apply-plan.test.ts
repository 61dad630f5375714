import { buildExampleTables } from '../../scripts/example/data';
import { buildReport } from '../../src/core/engine';
import { REPORT_MARKER, SheetPlan, WorkbookPlan } from '../../src/core/report/sheet-plan';
import { applyPlan, placeSheets } from '../../src/excel/apply-plan';
import { OWNED_SHEETS_SETTING, SHEET_MARKER_KEY } from '../../src/excel/owned-sheets';
import { generateReport } from '../../src/excel/generate';
import { readTables } from '../../src/excel/read-tables';
import { bookWithProjects, exampleBook } from './example-book';
import { FakeWorkbook } from './fake-excel';
import { mockExcel } from './mock-host';
import { expectSheetMatchesPlan } from './plan-check';

const TODAY = { today: '2023-06-26' };
const SOURCE_SHEETS = [...new Set(buildExampleTables().map((t) => t.sheet))];

function tinyPlan(name: string, texts: (string | number | null)[], breaksAfter?: number[]): WorkbookPlan {
  const style = { font: { name: 'Times New Roman', size: 12 }, horizontal: 'left' as const, vertical: 'top' as const, wrap: true };
  const sheet: SheetPlan = {
    name,
    columns: [20],
    rowHeights: {},
    cells: texts.map((value, i) => ({ row: i + 1, col: 1, value, style })),
    merges: [],
    print: { paper: 'A4', orientation: 'portrait', margins: { top: 0.8, bottom: 0.8, left: 1.2, right: 0.6, header: 0.3, footer: 0.3 }, fitToWidth: 1, fitToHeight: 0, horizontalCentered: false, pageNumbers: 'all' },
    printTitleRows: null,
    breaksAfter,
    lastRow: texts.length,
    lastCol: 1,
  };
  return { sheets: [sheet], marker: REPORT_MARKER };
}

describe('applyPlan', () => {
  it('writes exactly the sheet plan of the example workbook, in 4 syncs on its own, without touching the source tables', async () => {
    const book = exampleBook();
    const before = book.dump(SOURCE_SHEETS);
    const result = await mockExcel(book).run(async (ctx) => buildReport(await readTables(ctx), TODAY));
    const syncsBefore = book.syncs;
    const applied = await mockExcel(book).run((ctx) => applyPlan(ctx, result.plan));
    // one to look at the sheets and their markers, then content, print setup, charts
    expect(book.syncs - syncsBefore).toBe(4);
    expect(applied.warnings).toEqual([]);
    expect(result.plan.sheets[0].breaksAfter!.length).toBeGreaterThan(0);
    expect(applied.sheets).toEqual(['Báo cáo', 'Số liệu', 'Kiểm tra']);
    for (const plan of result.plan.sheets) expectSheetMatchesPlan(book, book.sheet(plan.name), plan);
    expect(book.dump(SOURCE_SHEETS)).toBe(before);
    expect(book.tables).toHaveLength(buildExampleTables().length);
    expect(book.calcSuspensions).toBe(1);
    expect(book.activeSheet!.name).toBe('Báo cáo');
    expect(book.sheet('Báo cáo').pageLayout).toMatchObject({ paperSize: 'A4', orientation: 'Portrait', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0, scale: null }, leftMargin: expect.closeTo((30 / 25.4) * 72, 9) });
    expect(book.sheet('Số liệu').pageLayout).toMatchObject({ orientation: 'Landscape', printTitleRows: '$2:$2', printArea: `A1:F${result.plan.sheets[1].printArea!.lastRow}` });
    // page numbers: the report from page 2 (Decree 30), the tables on every page
    expect(book.sheet('Báo cáo').pageLayout).toMatchObject({ 'headersFooters.state': 'FirstAndDefault', 'headersFooters.defaultForAllPages.centerHeader': '&"Times New Roman,Regular"&14&P', 'headersFooters.firstPage.centerHeader': '' });
    expect(book.sheet('Số liệu').pageLayout).toMatchObject({ 'headersFooters.state': 'Default', 'headersFooters.defaultForAllPages.centerHeader': '&"Times New Roman,Regular"&14&P' });
  });

  it('sets the Text format before the values, and formats after the values', async () => {
    const book = new FakeWorkbook();
    await mockExcel(book).run((ctx) => applyPlan(ctx, tinyPlan('Báo cáo', ['a', 1])));
    const kinds = book.log.filter((l) => l.sheet === 'Báo cáo').map((l) => l.kind);
    expect(kinds.indexOf('numberFormat')).toBeLessThan(kinds.indexOf('values'));
    expect(kinds.findIndex((k) => k.startsWith('format.'))).toBeGreaterThan(kinds.indexOf('values'));
    expect(kinds).toContain('customProperty');
  });

  it('adds a manual page break after each row the plan asks for', async () => {
    const book = new FakeWorkbook();
    await mockExcel(book).run((ctx) => applyPlan(ctx, tinyPlan('Báo cáo', ['a', 'b', 'c', 'd', 'e'], [2, 4])));
    expect(book.sheet('Báo cáo').pageBreaksBefore).toEqual([3, 5]);
    const kinds = book.log.filter((l) => l.sheet === 'Báo cáo').map((l) => l.kind);
    expect(kinds.indexOf('pageBreak')).toBeGreaterThan(kinds.indexOf('values'));
  });

  it('keeps formula-like text as text', async () => {
    const book = new FakeWorkbook();
    const texts = ['=1+1', '+84 912 345 678', '-', '@x', '-5 dự án', '=HYPERLINK("http://x")'];
    await mockExcel(book).run((ctx) => applyPlan(ctx, tinyPlan('Báo cáo', texts)));
    const sheet = book.sheet('Báo cáo');
    texts.forEach((t, i) => {
      const cell = book.peek(sheet, i + 1, 1)!;
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(t);
      expect(cell.numberFormat).toBe('@');
    });
  });

  it('replaces its own sheets on the next run and never a staff sheet of the same name', async () => {
    const book = exampleBook();
    const staff = book.addSheet('Số liệu');
    book.cell(staff, 1, 1).value = 'bảng của cán bộ';
    const host = mockExcel(book);
    const first = await host.run((ctx) => generateReport(ctx, TODAY));
    expect(first.sheets).toEqual(['Báo cáo', 'Số liệu (2)', 'Kiểm tra']);
    for (const name of first.sheets) expect(book.sheet(name).customProperties.get(SHEET_MARKER_KEY)).toBe(REPORT_MARKER);
    expect(staff.customProperties.size).toBe(0);
    // the marker travels with the sheets: no workbook setting where ExcelApi 1.12 is there
    expect(book.settings.has(OWNED_SHEETS_SETTING)).toBe(false);
    const count = book.sheets.length;
    const position = book.sheets.findIndex((s) => s.name === 'Báo cáo');

    const second = await host.run((ctx) => generateReport(ctx, TODAY));
    expect(second.sheets).toEqual(first.sheets);
    expect(book.sheets).toHaveLength(count);
    expect(book.sheets.findIndex((s) => s.name === 'Báo cáo')).toBe(position);
    expect(book.sheet('Số liệu')).toBe(staff);
    expect(book.peek(staff, 1, 1)!.value).toBe('bảng của cán bộ');
    expect(book.sheets.some((s) => /BaoCao cũ/.test(s.name))).toBe(false);
    expect(staff.customProperties.size).toBe(0);
    for (const name of second.sheets) expect(book.sheet(name).customProperties.get(SHEET_MARKER_KEY)).toBe(REPORT_MARKER);
    expect(book.settings.has(OWNED_SHEETS_SETTING)).toBe(false);
  });

  it('picks a free name when a staff sheet holds the report name', () => {
    const existing = [
      { id: 'a', name: 'báo cáo', position: 0 },
      { id: 'b', name: 'Báo cáo (2)', position: 1 },
      { id: 'c', name: 'Kiểm tra', position: 2 },
    ];
    const placed = placeSheets(['Báo cáo', 'Số liệu', 'Kiểm tra'], existing, new Set(['c']));
    expect(placed.map((p) => p.name)).toEqual(['Báo cáo (3)', 'Số liệu', 'Kiểm tra']);
    expect(placed[2].replaces?.id).toBe('c');
  });

  // the example holds ~100k cells with its HoSo export: 5,000 more rows still fit one 4 MB value batch
  it('takes the same number of syncs to generate from 10 or 5,000 more project rows', async () => {
    const syncs = async (n: number) => {
      const book = bookWithProjects(n);
      const g = await mockExcel(book).run((ctx) => generateReport(ctx, TODAY));
      expect(g.result.metrics.get('fdi_new_count')!.value).toBe(25 + n);
      return book.syncs;
    };
    const small = await syncs(10);
    expect(await syncs(5_000)).toBe(small);
    expect(small).toBe(5);
  });
});
