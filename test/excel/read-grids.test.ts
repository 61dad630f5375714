import path from 'node:path';
import { buildReport, reportJson } from '../../src/core/engine';
import { recognizeWorkbook } from '../../src/core/recognize';
import { generateReport, computeReport } from '../../src/excel/generate';
import { candidateSheets, mergedAreas, readGrids } from '../../src/excel/read-grids';
import { readSheetGridsFile } from '../../src/node/sheet-grids';
import { readWorkbookFile } from '../../src/node/input-file';
import { FakeWorkbook } from './fake-excel';
import { mockExcel } from './mock-host';
import { withExcelApi } from './office-requirements';
import { bookFromXlsx } from './xlsx-book';

const STAFF = path.join(__dirname, '../../examples/hai-phong-2023-h1-staff.xlsx');
const TODAY = '2026-11-27';

/** A small workbook: a staff list with a title, a merged two-row header from B3, a hidden column. */
function smallBook(): FakeWorkbook {
  const book = new FakeWorkbook();
  const s = book.addSheet('Thu phí, lệ phí');
  const put = (r: number, c: number, v: string | number) => (book.cell(s, r, c).value = v);
  put(1, 2, 'THU PHÍ, LỆ PHÍ THÁNG 6/2023');
  ['STT', 'Đơn vị', 'Số nộp (triệu đồng)', 'Ghi chú'].forEach((h, i) => put(3, 2 + i, h));
  [[1, 'Phòng A', 120, 'x'], [2, 'Phòng B', 80.5, '']].forEach((row, i) => row.forEach((v, j) => v !== '' && put(4 + i, 2 + j, v)));
  s.merges.push('B1:E1');
  s.hiddenColumns = new Set([5]);
  book.addSheet('Trống');
  const other = book.addSheet('Ghi chú');
  book.cell(other, 2, 2).value = 'ghi chú';
  return book;
}

describe('readGrids', () => {
  it('reads each merged area whole, also past the used range and where the address lists top-left cells only (office-js#1590, #3611)', async () => {
    const book = smallBook();
    const s = book.sheet('Thu phí, lệ phí');
    // a title merged far past the last value, and a header merged down into an empty row below the data
    s.merges.push('B8:H8', 'C5:C9');
    book.cell(s, 8, 2).value = 'Nguồn: phòng Tài chính';
    book.quirks.mergedAddressTopLeftOnly = true;
    const r = await mockExcel(book).run((ctx) => readGrids(ctx, ['Thu phí, lệ phí']));
    expect(book.syncs).toBe(2);
    expect(r.notes).toEqual([]);
    expect([...r.grids[0].merges].sort()).toEqual(['B1:E1', 'B8:H8', 'C5:C9']);
  });

  it('reads every sheet in two syncs: sizes, then values with merged areas and hidden columns', async () => {
    const book = smallBook();
    const r = await mockExcel(book).run((ctx) => readGrids(ctx, ['Thu phí, lệ phí', 'Trống', 'Ghi chú']));
    expect(book.syncs).toBe(2);
    expect(book.responseBytes[0]).toBe(0);
    expect(r.notes).toEqual([]);
    expect(r.grids.map((g) => g.name)).toEqual(['Thu phí, lệ phí', 'Ghi chú']); // an empty sheet has no used range
    const g = r.grids[0];
    expect(g.origin).toEqual({ row: 1, col: 2 });
    expect(g.cells[0][0]).toBe('THU PHÍ, LỆ PHÍ THÁNG 6/2023');
    expect(g.cells[2]).toEqual(['STT', 'Đơn vị', 'Số nộp (triệu đồng)', 'Ghi chú']);
    expect(g.cells[4]).toEqual([2, 'Phòng B', 80.5, null]);
    expect(g.merges).toEqual(['B1:E1']);
    expect(g.hiddenColumns).toEqual([5]);
    expect(r.grids[1]).toMatchObject({ origin: { row: 2, col: 2 }, cells: [['ghi chú']] });
  });

  it('skips a sheet larger than the payload budget, naming it and its size, and reads the rest', async () => {
    const book = smallBook();
    const big = book.addSheet('Lớn');
    for (let r = 1; r <= 300; r++) for (let c = 1; c <= 10; c++) book.cell(big, r, c).value = r * c;
    const r = await mockExcel(book).run((ctx) => readGrids(ctx, ['Lớn', 'Thu phí, lệ phí'], { budget: 20_000 }));
    expect(r.notes).toEqual([{ code: 'tooLarge', sheet: 'Lớn', rows: 300, columns: 10, bytes: 300 * 10 * 24 }]);
    expect(r.grids.map((g) => g.name)).toEqual(['Thu phí, lệ phí']);
    expect(book.syncs).toBe(2);
    expect(book.responseBytes[1]).toBeLessThan(20_000);
  });

  it('packs sheets into one sync per budget', async () => {
    const book = smallBook();
    for (const n of ['A', 'B', 'C']) {
      const s = book.addSheet(n);
      for (let r = 1; r <= 30; r++) for (let c = 1; c <= 10; c++) book.cell(s, r, c).value = r;
    }
    const r = await mockExcel(book).run((ctx) => readGrids(ctx, ['A', 'B', 'C'], { budget: 30 * 10 * 24 * 2 }));
    expect(r.grids.map((g) => g.name)).toEqual(['A', 'B', 'C']);
    expect(book.syncs).toBe(3); // sizes; A+B; C
  });

  it('without ExcelApi 1.13 reads no merged areas and says so', async () => {
    const book = smallBook();
    book.refuse.mergedAreas = true; // would fail the sync if asked
    const r = await withExcelApi('1.12', () => mockExcel(book).run((ctx) => readGrids(ctx, ['Thu phí, lệ phí'])));
    expect(book.syncs).toBe(2);
    expect(r.notes).toEqual([{ code: 'noMerges' }]);
    expect(r.grids[0].merges).toEqual([]);
    expect(r.grids[0].cells[0][0]).toBe('THU PHÍ, LỆ PHÍ THÁNG 6/2023');
  });

  it('a host that claims 1.13 but refuses merged areas: tries the address string alone, then reads without them (two syncs more)', async () => {
    const book = smallBook();
    book.refuse.mergedAreas = true;
    const r = await mockExcel(book).run((ctx) => readGrids(ctx, ['Thu phí, lệ phí']));
    expect(book.syncs).toBe(4);
    expect(r.notes).toEqual([{ code: 'mergesFailed', detail: expect.stringContaining('getMergedAreasOrNullObject') }]);
    expect(r.grids[0].merges).toEqual([]);
  });

  it('splits merged-area addresses, sheet names with commas and quotes included', () => {
    expect(mergedAreas("'Thu phí, lệ phí'!A1:E1,'Thu phí, lệ phí'!B3:B4")).toEqual(['A1:E1', 'B3:B4']);
    expect(mergedAreas('Sheet1!$A$1:$B$2, Sheet1!D1:D4')).toEqual(['A1:B2', 'D1:D4']);
    expect(mergedAreas("'O''Brien, Co'!C3:D3")).toEqual(['C3:D3']);
  });

  it('candidate sheets: not BaoCao\'s, not holding a contract or AnhXa table', () => {
    const sheets = [{ name: 'DuAn' }, { name: 'Báo cáo', owned: true }, { name: 'FDI' }, { name: 'Bảng riêng' }, { name: 'AnhXa' }];
    const tables = [
      { name: 'DuAn', sheet: 'DuAn' },
      { name: 'Table1', sheet: 'Bảng riêng' },
      { name: 'Anh_Xa', sheet: 'AnhXa' },
    ];
    expect(candidateSheets(sheets, tables)).toEqual(['FDI', 'Bảng riêng']);
  });
});

describe('a generation on staff sheets (issue 9: "a generation uses the mapping")', () => {
  it('the staff example in the add-in: the same figures and mappings as the command line, in 6 syncs (4 reads and writes, print setup, charts), staff sheets unchanged', async () => {
    const book = await bookFromXlsx(STAFF);
    const names = book.sheets.map((s) => s.name);
    const before = book.dump(names);
    const g = await mockExcel(book).run((ctx) => generateReport(ctx, { today: TODAY }));
    // (1) tables and sheets, (2) table values + the staff sheets' sizes, (3) their grids, (4) the content, (5) print setup, (6) charts
    expect(book.syncs).toBe(6);
    expect(book.responseBytes[2]).toBeGreaterThan(100_000);
    expect(g.gridNotes).toEqual([]);
    expect(new Set(book.log.map((l) => l.sync))).toEqual(new Set([4, 5, 6]));

    const cli = buildReport(await readWorkbookFile(STAFF, 'vi'), { today: TODAY, grids: await readSheetGridsFile(STAFF) });
    const addin = reportJson(g.result);
    expect(addin.metrics).toEqual(reportJson(cli).metrics);
    expect(g.result.mappings).toEqual(cli.mappings);
    expect(g.result.mappings!.filter((m) => m.used)).toHaveLength(13);
    expect(g.result.problems.filter((p) => p.level !== 'info').map((p) => [p.code, p.cell])).toEqual([['staffTotalMismatch', "'FDI cấp mới'!G525"]]);
    expect(book.dump(names)).toBe(before);
  }, 60_000);

  it('the Word download and METRIC path (computeReport) reads them too: 3 syncs', async () => {
    const book = await bookFromXlsx(STAFF);
    const r = await mockExcel(book).run((ctx) => computeReport(ctx, { today: TODAY }));
    expect(book.syncs).toBe(3);
    expect(r.metrics.get('fdi_new_count')!.value).toBe(25);
  }, 60_000);

  it('grids read in the add-in are recognised like the CLI\'s', async () => {
    const book = await bookFromXlsx(STAFF);
    const names = candidateSheets(book.sheets, book.tables.map((t) => ({ name: t.name, sheet: t.sheet.name })));
    expect(names).toEqual(['FDI cấp mới', 'FDI điều chỉnh', 'FDI chấm dứt', 'DDI cấp mới', 'DDI điều chỉnh', 'DDI chấm dứt', 'Lao động', 'SXKD', 'Thu phí, lệ phí', 'Hồ sơ TTHC', 'Nhiệm vụ được giao']);
    const r = await mockExcel(book).run((ctx) => readGrids(ctx, names));
    expect(book.syncs).toBe(2);
    const cli = (await readSheetGridsFile(STAFF)).filter((g) => names.includes(g.name));
    for (const g of r.grids) expect([g.name, [...g.merges].sort()]).toEqual([g.name, [...cli.find((c) => c.name === g.name)!.merges].sort()]);
    const strip = (m: ReturnType<typeof recognizeWorkbook>['mappings']) => m.map((x) => [x.sheet, x.range, x.kind, x.used, x.columns]);
    expect(strip(recognizeWorkbook(r.grids).mappings)).toEqual(strip(recognizeWorkbook(cli).mappings));
  }, 60_000);
});

describe('the AnhXa table in the add-in: written by the step, corrected by the staff, followed by a generation', () => {
  it('a unit corrected in the AnhXa table changes the figures; the mapping says it came from AnhXa', async () => {
    const { anhXaTable, proposalToAnhXaRows } = await import('../../src/core/recognize/anhxa');
    const { writeAnhXaTable } = await import('../../src/excel/write-anhxa');
    const book = await bookFromXlsx(STAFF);
    const auto = await mockExcel(book).run((ctx) => generateReport(ctx, { today: TODAY }));
    const rows = recognizeWorkbook(await readSheetGridsFile(STAFF)).proposals.filter((p) => p.usable).flatMap((p) => proposalToAnhXaRows(p, 'vi'));
    await mockExcel(book).run((ctx) => writeAnhXaTable(ctx, anhXaTable(rows, 'vi')));
    const table = book.tables.find((t) => t.name === 'AnhXa')!;
    expect(table.rows).toBe(rows.length + 1);

    // unchanged, it gives recognition's figures, read from AnhXa
    const same = await mockExcel(book).run((ctx) => generateReport(ctx, { today: TODAY }));
    expect(reportJson(same.result).metrics).toEqual(reportJson(auto.result).metrics);
    expect(same.result.mappings!.filter((m) => m.used).every((m) => m.from === 'AnhXa')).toBe(true);

    // the staff change the FDI adjustments' unit: the sheet says nghìn USD; say triệu USD instead
    const i = rows.findIndex((r) => r.sheet === 'FDI điều chỉnh' && r.field === 'Vốn đầu tư');
    expect(i).toBeGreaterThanOrEqual(0);
    const unitCol = table.left + anhXaTable(rows, 'vi').headers.indexOf('Đơn vị');
    expect(rows[i].unit).toBe('nghìn USD');
    book.cell(table.sheet, table.top + 1 + i, unitCol).value = 'triệu USD';
    const edited = await mockExcel(book).run((ctx) => generateReport(ctx, { today: TODAY }));
    const before = auto.result.metrics.get('fdi_adjusted_capital')!.value as number;
    const after = edited.result.metrics.get('fdi_adjusted_capital')!.value as number;
    expect(after).toBe(Number((before * 1000).toPrecision(15)));
    expect(edited.result.mappings!.find((m) => m.sheet === 'FDI điều chỉnh')).toMatchObject({ from: 'AnhXa', used: true });
  }, 120_000);
});
