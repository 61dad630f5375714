import { buildExampleTables } from '../../scripts/example/data';
import { REPORT_MARKER } from '../../src/core/report/sheet-plan';
import { OWNED_SHEETS_SETTING, SHEET_MARKER_KEY } from '../../src/excel/owned-sheets';
import { generateReport } from '../../src/excel/generate';
import { bookWithProjects, exampleBook } from './example-book';
import { FakeWorkbook } from './fake-excel';
import { mockExcel } from './mock-host';
import { withExcelApi } from './office-requirements';
import { expectSheetMatchesPlan } from './plan-check';

const TODAY = { today: '2023-06-26' };
const SOURCE_SHEETS = [...new Set(buildExampleTables().map((t) => t.sheet))];
const FORMULA_LIKE = ['=1+1', '+84 912 345 678', '-', '@x', '=HYPERLINK("http://x")'];

function withFormulaLikeSections(book: FakeWorkbook): void {
  const sections = book.tables.find((t) => t.name === 'NoiDung')!;
  FORMULA_LIKE.forEach((text, i) => (book.cell(sections.sheet, sections.top + 1 + i, sections.left + 2).value = text));
}

describe('generateReport', () => {
  // the example holds ~100k cells with its HoSo export: 5,000 more rows still fit one 4 MB value batch
  it.each([10, 5_000])('takes 5 syncs with %i more source rows: inspect, values, content, print setup, charts', async (n) => {
    const book = bookWithProjects(n);
    const before = book.dump(SOURCE_SHEETS);
    const g = await mockExcel(book).run((ctx) => generateReport(ctx, TODAY));
    expect(g.result.metrics.get('fdi_new_count')!.value).toBe(25 + n);
    expect(book.syncs).toBe(5);
    // (1) lists tables and sheets without any cell value; (2) reads the values
    expect(book.responseBytes[0]).toBe(0);
    expect(book.responseBytes[1]).toBeGreaterThan(n * 9 * 2);
    // (3) the content, calculation suspended for it, each new sheet marked before anything is written on it
    expect(book.log.length).toBeGreaterThan(0);
    expect(book.log[0].kind).toBe('suspendCalculation');
    const content = book.log.filter((l) => l.sync === 3);
    for (const name of g.sheets) {
      const onSheet = content.filter((l) => l.sheet === name).map((l) => l.kind);
      expect(onSheet.slice(0, 2)).toEqual(['addSheet', 'customProperty']);
    }
    // (4) print setup and page breaks, (5) the charts: each its own step
    expect([...new Set(book.log.filter((l) => l.kind === 'pageBreak').map((l) => l.sync))]).toEqual([4]);
    expect([...new Set(book.log.filter((l) => l.kind === 'chart').map((l) => l.sync))]).toEqual([5]);
    expect(g.warnings).toEqual([]);
    expect(book.calcSuspensions).toBe(1);
    expect(g.sheets).toEqual(['Báo cáo', 'Số liệu', 'Kiểm tra']);
    for (const plan of g.result.plan.sheets) expectSheetMatchesPlan(book, book.sheet(plan.name), plan);
    expect(book.dump(SOURCE_SHEETS)).toBe(before);
    expect(book.tables).toHaveLength(buildExampleTables().length);
    expect(book.activeSheet!.name).toBe('Báo cáo');
    expect(book.selection).toBe('Báo cáo!A1');
  });

  it('reads the values of the tables the report uses only, not of a staff table beside them', async () => {
    const plain = exampleBook();
    await mockExcel(plain).run((ctx) => generateReport(ctx, TODAY));
    const book = exampleBook();
    const rows = Array.from({ length: 2000 }, (_, i) => [`Ghi chú ${i}`, i, 'x'.repeat(40)]);
    book.putTable('Ghi chú', 'BangGhiChu', 'A1', ['Nội dung', 'Số', 'Mô tả'], rows);
    const g = await mockExcel(book).run((ctx) => generateReport(ctx, TODAY));
    expect(book.responseBytes[1]).toBe(plain.responseBytes[1]);
    expect(g.sheets).toEqual(['Báo cáo', 'Số liệu', 'Kiểm tra']);
  });

  it('writes staff text that looks like a formula as text', async () => {
    const book = exampleBook();
    withFormulaLikeSections(book);
    const g = await mockExcel(book).run((ctx) => generateReport(ctx, TODAY));
    const report = g.result.plan.sheets[0];
    const written = report.cells.filter((c) => typeof c.value === 'string' && FORMULA_LIKE.some((t) => (c.value as string).startsWith(t)));
    expect(written.length).toBeGreaterThan(0);
    const sheet = book.sheet(report.name);
    for (const c of written) expect(book.peek(sheet, c.row, c.col)).toMatchObject({ value: c.value, numberFormat: '@' });
    expectSheetMatchesPlan(book, sheet, report);
  });

  it('applies the page breaks of the plan', async () => {
    const book = exampleBook();
    const g = await mockExcel(book).run((ctx) => generateReport(ctx, TODAY));
    const breaks = g.result.plan.sheets[0].breaksAfter!;
    expect(breaks.length).toBeGreaterThan(0);
    expect(book.sheet('Báo cáo').pageBreaksBefore).toEqual(breaks.map((r) => r + 1));
  });

  it('rewrites its own sheets in place on the next run (same sheet objects, nothing deleted), in 5 syncs again', async () => {
    const book = exampleBook();
    const host = mockExcel(book);
    const first = await host.run((ctx) => generateReport(ctx, TODAY));
    const firstIds = first.sheets.map((n) => book.sheet(n).id);
    const other = book.addSheet('Ghi chú');
    book.cell(other, 1, 1).value = 'của cán bộ';
    const names = book.sheets.map((s) => s.name);
    const syncs = book.syncs;

    const second = await host.run((ctx) => generateReport(ctx, TODAY));
    expect(book.syncs - syncs).toBe(5);
    expect(second.sheets).toEqual(first.sheets);
    expect(book.sheets.map((s) => s.name)).toEqual(names);
    for (const [i, name] of second.sheets.entries()) {
      expect(book.sheet(name).id).toBe(firstIds[i]);
      expect(book.sheet(name).customProperties.get(SHEET_MARKER_KEY)).toBe(REPORT_MARKER);
      expectSheetMatchesPlan(book, book.sheet(name), second.result.plan.sheets[i]);
    }
    expect(book.sheet('Ghi chú')).toBe(other);
    expect(book.log.filter((l) => l.sync > syncs && ['deleteSheet', 'addSheet'].includes(l.kind))).toEqual([]);
    // the old page breaks went before the new ones were added
    expect(book.sheet('Báo cáo').pageBreaksBefore).toEqual(second.result.plan.sheets[0].breaksAfter!.map((r) => r + 1));
  });

  it("keeps a staff formula into BaoCao's sheets working across regenerations (Excel rewrites references on rename)", async () => {
    const book = exampleBook();
    const host = mockExcel(book);
    await host.run((ctx) => generateReport(ctx, TODAY));
    const notes = book.addSheet('Ghi chú');
    const cell = book.cell(notes, 1, 1);
    cell.formula = "='Số liệu'!G10";
    cell.value = '#FORMULA';
    await host.run((ctx) => generateReport(ctx, TODAY));
    await host.run((ctx) => generateReport(ctx, TODAY));
    expect(book.peek(notes, 1, 1)!.formula).toBe("='Số liệu'!G10");
  });

  it('reports a refused print setup or chart step as a warning, the report written and marked', async () => {
    const book = exampleBook();
    book.refuse.charts = true;
    const host = mockExcel(book);
    const g = await host.run((ctx) => generateReport(ctx, TODAY));
    expect(g.warnings.map((w) => w.step)).toEqual(['charts']);
    expect(g.warnings[0].detail).toMatch(/GeneralException/);
    for (const [i, name] of g.sheets.entries()) {
      expectSheetMatchesPlan(book, book.sheet(name), g.result.plan.sheets[i]);
      expect(book.sheet(name).customProperties.get(SHEET_MARKER_KEY)).toBe(REPORT_MARKER);
    }
    expect(book.sheet('Báo cáo').pageBreaksBefore.length).toBeGreaterThan(0);
    // the next run rewrites the same sheets: no "Báo cáo (2)"
    book.refuse.charts = false;
    const again = await host.run((ctx) => generateReport(ctx, TODAY));
    expect(again.sheets).toEqual(['Báo cáo', 'Số liệu', 'Kiểm tra']);
    expect(again.warnings).toEqual([]);
    expect(book.sheet('Báo cáo').charts).toHaveLength(4);
  });

  it('leaves a sheet added in a failed write marked, so the next run rewrites it instead of adding "Báo cáo (2)"', async () => {
    const book = exampleBook();
    // Excel runs a batch's commands until the one that fails: here a format on the report sheet
    let failed = false;
    const host = mockExcel(book);
    const original = book.note.bind(book);
    book.note = (kind, sheet, address) => {
      original(kind, sheet, address);
      if (!failed && kind === 'format.wrapText' && sheet === 'Báo cáo') {
        failed = true;
        throw Object.assign(new Error('The request could not be processed.'), { code: 'GeneralException' });
      }
    };
    await expect(host.run((ctx) => generateReport(ctx, TODAY))).rejects.toThrow(/could not be processed/);
    expect(book.sheet('Báo cáo').customProperties.get(SHEET_MARKER_KEY)).toBe(REPORT_MARKER);
    const again = await host.run((ctx) => generateReport(ctx, TODAY));
    expect(again.sheets).toEqual(['Báo cáo', 'Số liệu', 'Kiểm tra']);
    expect(book.sheets.some((s) => /\(2\)/.test(s.name))).toBe(false);
    for (const [i, name] of again.sheets.entries()) expectSheetMatchesPlan(book, book.sheet(name), again.result.plan.sheets[i]);
  });

  it('never replaces a staff sheet called "Báo cáo": the report goes to "Báo cáo (2)", and only that is replaced later', async () => {
    const book = exampleBook();
    const staff = book.addSheet('Báo cáo');
    book.cell(staff, 1, 1).value = '=SUM(1,2)';
    book.cell(staff, 1, 1).formula = '=SUM(1,2)';
    const host = mockExcel(book);
    const first = await host.run((ctx) => generateReport(ctx, TODAY));
    expect(first.sheets).toEqual(['Báo cáo (2)', 'Số liệu', 'Kiểm tra']);
    const second = await host.run((ctx) => generateReport(ctx, TODAY));
    expect(second.sheets).toEqual(first.sheets);
    expect(book.sheet('Báo cáo')).toBe(staff);
    expect(book.peek(staff, 1, 1)).toMatchObject({ value: '=SUM(1,2)', formula: '=SUM(1,2)' });
    expect(staff.customProperties.size).toBe(0);
    expect(book.sheets.filter((s) => /^Báo cáo/.test(s.name)).map((s) => s.name)).toEqual(['Báo cáo', 'Báo cáo (2)']);
    expectSheetMatchesPlan(book, book.sheet('Báo cáo (2)'), second.result.plan.sheets[0]);
  });

  it('knows its sheets by the custom property after a rename', async () => {
    const book = exampleBook();
    const staff = book.addSheet('Báo cáo');
    const host = mockExcel(book);
    await host.run((ctx) => generateReport(ctx, TODAY));
    // staff rename their own sheet away and give BaoCao's the plain name
    staff.name = 'Ghi chú';
    const ours = book.sheet('Báo cáo (2)');
    ours.name = 'Báo cáo';
    const position = book.sheets.indexOf(ours);
    const second = await host.run((ctx) => generateReport(ctx, TODAY));
    expect(second.sheets).toEqual(['Báo cáo', 'Số liệu', 'Kiểm tra']);
    expect(book.sheets.indexOf(book.sheet('Báo cáo'))).toBe(position);
    expect(book.sheet('Báo cáo')).toBe(ours);
    expect(book.sheet('Ghi chú')).toBe(staff);
    expect(book.sheets.some((s) => /\(2\)|BaoCao cũ/.test(s.name))).toBe(false);
  });

  it('keeps a report sheet staff renamed to keep it, and writes a new one', async () => {
    const book = exampleBook();
    const host = mockExcel(book);
    await host.run((ctx) => generateReport(ctx, TODAY));
    const kept = book.sheet('Báo cáo');
    kept.name = 'Báo cáo T6';
    const cells = JSON.stringify([...kept.cells]);
    const second = await host.run((ctx) => generateReport(ctx, TODAY));
    expect(second.sheets[0]).toBe('Báo cáo');
    expect(book.sheet('Báo cáo T6')).toBe(kept);
    expect(JSON.stringify([...kept.cells])).toBe(cells);
    expect(book.sheet('Báo cáo')).not.toBe(kept);
  });

  it('without ExcelApi 1.12 adds the sheets in a sync of their own and records their ids first thing in the next', async () => {
    const book = exampleBook();
    const staff = book.addSheet('Số liệu');
    const host = mockExcel(book);
    const first = await withExcelApi('1.11', () => host.run((ctx) => generateReport(ctx, TODAY)));
    expect(book.syncs).toBe(6);
    expect(first.sheets).toEqual(['Báo cáo', 'Số liệu (2)', 'Kiểm tra']);
    const ids = first.sheets.map((n) => book.sheet(n).id);
    expect(JSON.parse(book.settings.get(OWNED_SHEETS_SETTING) as string)).toEqual({ marker: REPORT_MARKER, sheets: ids });
    for (const name of first.sheets) expectSheetMatchesPlan(book, book.sheet(name), first.result.plan.sheets[first.sheets.indexOf(name)], false);
    expect(book.log.filter((l) => l.kind === 'setting').map((l) => l.sync)).toEqual([4]);
    expect(book.log.filter((l) => l.kind === 'addSheet').map((l) => l.sync)).toEqual([3, 3, 3]);
    expect(book.log.find((l) => l.sync === 4)!.kind).toBe('setting');

    const count = book.sheets.length;
    const second = await withExcelApi('1.11', () => host.run((ctx) => generateReport(ctx, TODAY)));
    expect(second.sheets).toEqual(first.sheets);
    expect(book.sheets).toHaveLength(count);
    expect(book.sheet('Số liệu')).toBe(staff);
    expect(JSON.parse(book.settings.get(OWNED_SHEETS_SETTING) as string).sheets).toEqual(second.sheets.map((n) => book.sheet(n).id));

    // a host with ExcelApi 1.12 still knows the sheets the setting lists
    const third = await host.run((ctx) => generateReport(ctx, TODAY));
    expect(third.sheets).toEqual(first.sheets);
    expect(book.sheets).toHaveLength(count);
    expect(book.sheet('Số liệu')).toBe(staff);
  });

  it('falls back to documented calls when a host refuses the nested load paths of sync 1', async () => {
    const book = exampleBook();
    const refused = Object.assign(new Error('The argument is invalid or missing or has an incorrect format.'), { code: 'InvalidArgument' });
    book.failNextSync = () => (book.syncs === 1 ? refused : null);
    const g = await mockExcel(book).run((ctx) => generateReport(ctx, TODAY));
    // the refused inspection; tables by name with the sheets; their headers and sizes; values; the new sheets and
    // their ids; content (the setting first); print setup; charts
    expect(book.syncs).toBe(8);
    const normal = await mockExcel(exampleBook()).run((ctx) => generateReport(ctx, TODAY));
    expect([...g.result.metrics]).toEqual([...normal.result.metrics]);
    expect(g.result.problems).toEqual(normal.result.problems);
    expect(g.sheets).toEqual(['Báo cáo', 'Số liệu', 'Kiểm tra']);
    for (const plan of g.result.plan.sheets) expectSheetMatchesPlan(book, book.sheet(plan.name), plan, false);
    // without the custom properties it recorded its sheets in the setting, and knows them next time
    expect(JSON.parse(book.settings.get(OWNED_SHEETS_SETTING) as string).sheets).toHaveLength(3);
    const count = book.sheets.length;
    const again = await mockExcel(book).run((ctx) => generateReport(ctx, TODAY));
    expect(again.sheets).toEqual(g.sheets);
    expect(book.sheets).toHaveLength(count);
  });

  it('without ExcelApi 1.9 leaves print setup and page breaks to Excel', async () => {
    const book = exampleBook();
    await withExcelApi('1.8', () => mockExcel(book).run((ctx) => generateReport(ctx, TODAY)));
    // 1.8 < 1.12: the marker is the setting (the sheets added in a sync of their own); no print step
    expect(book.syncs).toBe(5);
    expect(book.sheet('Báo cáo').pageBreaksBefore).toEqual([]);
    expect(book.sheet('Báo cáo').pageLayout).toEqual({});
  });
});
