import { buildExampleTables } from '../../scripts/example/data';
import { buildReport } from '../../src/core/engine';
import { PlannedCell, REPORT_MARKER, SheetPlan, WorkbookPlan } from '../../src/core/sheet-plan';
import { OWNED_SHEETS_SETTING, applyPlan, placeSheets } from '../../src/excel/apply-plan';
import { generateReport } from '../../src/excel/generate';
import { readTables } from '../../src/excel/read-tables';
import { exampleBook } from './example-book';
import { FakeSheet, FakeWorkbook } from './fake-excel';
import { mockExcel } from './mock-host';

const TODAY = { today: '2023-06-26' };
const SOURCE_SHEETS = [...new Set(buildExampleTables().map((t) => t.sheet))];

function expectSheetMatchesPlan(book: FakeWorkbook, sheet: FakeSheet, plan: SheetPlan): void {
  const planned = new Map(plan.cells.map((c) => [`${c.row},${c.col}`, c]));
  for (let r = 1; r <= plan.lastRow; r++) {
    for (let c = 1; c <= plan.lastCol; c++) {
      const cell = book.peek(sheet, r, c);
      const p: PlannedCell | undefined = planned.get(`${r},${c}`);
      expect(cell?.formula).toBeUndefined();
      expect(cell?.value ?? '').toEqual(p?.value ?? '');
      if (typeof p?.value === 'string') expect(cell!.numberFormat).toBe('@');
    }
  }
  expect(sheet.merges).toHaveLength(plan.merges.length);
  plan.columns.forEach((_, i) => expect(sheet.columnWidths.get(i + 1)).toBeGreaterThan(0));
}

function tinyPlan(name: string, texts: (string | number | null)[]): WorkbookPlan {
  const style = { font: { name: 'Times New Roman', size: 12 }, horizontal: 'left' as const, vertical: 'top' as const, wrap: true };
  const sheet: SheetPlan = {
    name,
    columns: [20],
    rowHeights: {},
    cells: texts.map((value, i) => ({ row: i + 1, col: 1, value, style })),
    merges: [],
    print: { paper: 'A4', orientation: 'portrait', margins: { top: 0.8, bottom: 0.8, left: 1.2, right: 0.6, header: 0.3, footer: 0.3 }, fitToWidth: 1, fitToHeight: 0, horizontalCentered: false },
    printTitleRows: null,
    lastRow: texts.length,
    lastCol: 1,
  };
  return { sheets: [sheet], marker: REPORT_MARKER };
}

describe('applyPlan', () => {
  it('writes exactly the sheet plan of the example workbook, in at most 3 syncs, without touching the source tables', async () => {
    const book = exampleBook();
    const before = book.dump(SOURCE_SHEETS);
    const result = await mockExcel(book).run(async (ctx) => buildReport(await readTables(ctx), TODAY));
    const syncsBefore = book.syncs;
    const applied = await mockExcel(book).run((ctx) => applyPlan(ctx, result.plan));
    expect(book.syncs - syncsBefore).toBeLessThanOrEqual(3);
    expect(applied.sheets).toEqual(['Báo cáo', 'Số liệu', 'Kiểm tra']);
    for (const plan of result.plan.sheets) expectSheetMatchesPlan(book, book.sheet(plan.name), plan);
    expect(book.dump(SOURCE_SHEETS)).toBe(before);
    expect(book.tables).toHaveLength(buildExampleTables().length);
    expect(book.calcSuspensions).toBe(1);
    expect(book.activeSheet!.name).toBe('Báo cáo');
    expect(book.sheet('Báo cáo').pageLayout).toMatchObject({ paperSize: 'A4', orientation: 'Portrait', zoom: { horizontalFitToPages: 1 }, leftMargin: expect.closeTo((30 / 25.4) * 72, 9) });
    expect(book.sheet('Số liệu').pageLayout).toMatchObject({ orientation: 'Landscape', printTitleRows: '$1:$1' });
  });

  it('sets the Text format before the values, and formats after the values', async () => {
    const book = new FakeWorkbook();
    await mockExcel(book).run((ctx) => applyPlan(ctx, tinyPlan('Báo cáo', ['a', 1])));
    const kinds = book.log.filter((l) => l.sheet === 'Báo cáo').map((l) => l.kind);
    expect(kinds.indexOf('numberFormat')).toBeLessThan(kinds.indexOf('values'));
    expect(kinds.findIndex((k) => k.startsWith('format.'))).toBeGreaterThan(kinds.indexOf('values'));
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
    const ids = book.sheets.filter((s) => first.sheets.includes(s.name)).map((s) => s.id);
    expect(JSON.parse(book.settings.get(OWNED_SHEETS_SETTING) as string)).toEqual({ marker: REPORT_MARKER, sheets: ids });
    const count = book.sheets.length;
    const position = book.sheets.findIndex((s) => s.name === 'Báo cáo');

    const second = await host.run((ctx) => generateReport(ctx, TODAY));
    expect(second.sheets).toEqual(first.sheets);
    expect(book.sheets).toHaveLength(count);
    expect(book.sheets.findIndex((s) => s.name === 'Báo cáo')).toBe(position);
    expect(book.sheet('Số liệu')).toBe(staff);
    expect(book.peek(staff, 1, 1)!.value).toBe('bảng của cán bộ');
    expect(book.sheets.some((s) => /BaoCao cũ/.test(s.name))).toBe(false);
    const owned = JSON.parse(book.settings.get(OWNED_SHEETS_SETTING) as string).sheets;
    expect(owned).toEqual(book.sheets.filter((s) => second.sheets.includes(s.name)).map((s) => s.id));
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

  it('takes the same number of syncs to generate from 10 or 10,000 project rows', async () => {
    const syncs = async (n: number) => {
      const book = exampleBook();
      const projects = book.tables.find((t) => t.name === 'DuAn')!;
      for (let i = 0; i < n; i++) {
        const r = projects.top + projects.rows + i;
        ['X' + i, 'Dự án', 'NĐT', 'Nhật Bản', 'KCN', 'FDI', 'Cấp mới', 44950, 2].forEach((v, j) => (book.cell(projects.sheet, r, projects.left + j).value = v));
      }
      projects.rows += n;
      const g = await mockExcel(book).run((ctx) => generateReport(ctx, TODAY));
      expect(g.result.metrics.get('fdi_new_count')!.value).toBe(25 + n);
      return book.syncs;
    };
    const small = await syncs(10);
    expect(await syncs(10_000)).toBe(small);
    expect(small).toBe(6);
  });
});
