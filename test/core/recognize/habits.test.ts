// Layouts written after the recogniser, from the habits issue 9 lists, to see it hold on sheets it was not tuned on:
// a sheet name without diacritics, a header on row 1, plain USD, "Vốn tăng thêm"; a task list with no code
// column, group letters and a task named "Tổng kết …"; budget in đồng with months under a merged header and
// a "Lũy kế" column; "Tổng số lao động (người)" beside "Trong đó: lao động nữ"; a three-row header with the
// units on their own row; a half-year list titled "6 THÁNG ĐẦU NĂM 2023".
import { buildReport, ReportResult } from '../../../src/core/engine';
import { CellValue } from '../../../src/core/records/snapshot';
import { SheetGrid } from '../../../src/core/recognize';
import { exactSum } from '../../../src/core/figures/decimal';
import { settings, metric } from '../../helpers/tables';
import { anhXaTable, proposalToAnhXaRows } from '../../../src/core/recognize/anhxa';
import { recognizeWorkbook } from '../../../src/core/recognize';
import { reportJson } from '../../../src/core/engine';

const g = (name: string, cells: CellValue[][], merges: string[] = []): SheetGrid => ({ name, cells, merges });
const H1: [string, string] = ['01/01/2023', '30/06/2023'];
const report = (grid: SheetGrid): ReportResult => buildReport([settings(H1)], { lang: 'vi', today: '2023-07-01', grids: [grid] });
const warnings = (r: ReportResult) => r.problems.filter((p) => p.level !== 'info' && p.cell && p.cell.includes('!'));

const sheets: Record<string, SheetGrid> = {
  fdiAdj: g('DS DA FDI dieu chinh 6T', [
    ['TT', 'Tên dự án', 'Chủ đầu tư', 'Số GCNĐKĐT', 'Ngày điều chỉnh', 'Vốn tăng thêm (USD)'],
    [1, 'Nhà máy X', 'X Ltd', '021043000111', '12/02/2023', 1500000],
    [2, 'Nhà máy Y', 'Y Co', '021043000222', '20/03/2023', 2250000.5],
    [3, 'Nhà máy Z', 'Z Inc', '021043000333', '05/05/2023', 750000],
    [null, 'Tổng', null, null, null, 4500000.5],
  ]),
  tasks: g('Nhiệm vụ UBND giao', [
    ['TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ UBND THÀNH PHỐ GIAO'],
    ['STT', 'Nội dung nhiệm vụ', 'Số, ngày văn bản', 'Ngày giao', 'Thời hạn hoàn thành', 'Ngày hoàn thành', 'Ghi chú'],
    ['A', 'Phòng Quản lý đầu tư'],
    [1, 'Rà soát quy hoạch KCN', '12/UBND-XD', '05/01/2023', '31/03/2023', '25/03/2023', null],
    [2, 'Báo cáo thu hút đầu tư', '45/UBND-KT', '10/02/2023', '30/04/2023', '10/05/2023', 'chậm'],
    ['B', 'Văn phòng'],
    [3, 'Tổng kết thi đua', '77/UBND-VP', '01/03/2023', '15/05/2023', null, null],
    [4, 'Cải cách hành chính', '78/UBND-VP', '01/03/2023', null, null, null],
  ]),
  budget: g('Ngân sách', [
    ['SỐ THU NỘP NGÂN SÁCH 6 THÁNG ĐẦU NĂM 2023'],
    ['ĐVT: đồng'],
    ['STT', 'Đơn vị', 'Số nộp ngân sách', null, null, null, null, null, null],
    [null, null, 'Tháng 1', 'Tháng 2', 'Tháng 3', 'Tháng 4', 'Tháng 5', 'Tháng 6', 'Lũy kế 6 tháng'],
    [1, 'Văn phòng Ban', 100000000, 200000000, 150500000, 0, 300000000, 460400000, 1210900000],
    [2, 'Trung tâm Xúc tiến', 10000000, 20000000, 30000000, 40000000, 50000000, 7100000, 157100000],
    [null, 'Cộng', 110000000, 220000000, 180500000, 40000000, 350000000, 467500000, 1368000000],
  ], ['C3:I3', 'A3:A4', 'B3:B4']),
  labour: g('LĐ T6-2023', [
    ['LAO ĐỘNG TRONG CÁC KCN THÁNG 6/2023'],
    ['TT', 'Tên doanh nghiệp', 'Tổng số lao động (người)', 'Trong đó: lao động nữ', 'Thu nhập BQ (triệu đồng/người/tháng)'],
    ['I', 'KCN Nomura'],
    [1, 'Công ty A', 1200, 800, 9.5],
    [2, 'Công ty B', 300, 100, 12.25],
    ['II', 'KCN Đình Vũ'],
    [3, 'Công ty C', 500, 200, 11],
    [null, 'Tổng số', 2000, 1100, null],
  ]),
  revenue: g('SXKD T6-2023', [
    ['KẾT QUẢ SẢN XUẤT KINH DOANH THÁNG 6/2023'],
    ['STT', 'Doanh nghiệp', 'Kết quả SXKD', null, null, null],
    [null, null, 'Doanh thu', 'Kim ngạch XK', 'Kim ngạch NK', 'Nộp NSNN'],
    [null, null, '(tỷ đồng)', '(triệu USD)', '(triệu USD)', '(tỷ đồng)'],
    [1, 'Công ty A', 100.5, 12, 8, 3.25],
    [2, 'Công ty B', 50, 1.5, 0.75, 1],
  ], ['C2:F2', 'A2:A4', 'B2:B4']),
  revenueH1: g('KQ SXKD', [
    ['KẾT QUẢ SẢN XUẤT KINH DOANH 6 THÁNG ĐẦU NĂM 2023'],
    ['STT', 'Doanh nghiệp', 'Doanh thu (tỷ đồng)', 'Xuất khẩu (nghìn USD)', 'Nộp ngân sách (triệu đồng)'],
    [1, 'Công ty A', 100.5, 12000, 3250],
    [2, 'Công ty B', 50, 1500.5, 1000],
    [null, 'Tổng cộng', 150.5, 13500.5, 4250],
  ]),
};

describe('habits not seen by the recogniser give exact figures', () => {
  test('FDI adjustments in plain USD, header on row 1: converted exactly to triệu USD', () => {
    const r = report(sheets.fdiAdj);
    expect(metric(r, 'fdi_adjusted_count')).toBe(3);
    expect(metric(r, 'fdi_adjusted_capital')).toBe(exactSum([1.5, 2.2500005, 0.75]));
    // the list holds adjustments only: each is flagged as adjusting a project not licensed in the workbook
    expect(warnings(r).map((p) => p.code)).toEqual(Array(3).fill(warnings(r)[0].code));
    expect(r.problems.some((p) => p.code === 'staffTotalMismatch')).toBe(false);
  });

  test('tasks without a code column are keyed by their text; "Tổng kết thi đua" numbered 3 is a task, not a total', () => {
    const r = report(sheets.tasks);
    expect(r.mappings![0]).toMatchObject({ kind: 'tasks', used: true, fixed: { taskId: 'title' } });
    expect(metric(r, 'tasks_total')).toBe(4);
    expect(metric(r, 'tasks_done')).toBe(2);
    expect(metric(r, 'tasks_done_late')).toBe(1);
    expect(metric(r, 'tasks_overdue')).toBe(1);
    expect(metric(r, 'tasks_no_deadline')).toBe(1);
    expect(r.problems.filter((p) => p.code === 'staffGroupRow')).toHaveLength(2);
  });

  test('budget in đồng, months under a merged header, "Lũy kế 6 tháng" left out: triệu đồng exactly', () => {
    const r = report(sheets.budget);
    expect(metric(r, 'budget_total')).toBe(exactSum([100, 200, 150.5, 0, 300, 460.4, 10, 20, 30, 40, 50, 7.1]));
    expect(r.mappings![0].columns.map((c) => c.month)).toEqual([undefined, '2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06']);
  });

  test('"Tổng số lao động (người)" is the headcount and "Trong đó: lao động nữ" is not; income weighted by it', () => {
    const r = report(sheets.labour);
    expect(metric(r, 'labour_workers')).toBe(2000);
    expect(metric(r, 'labour_avg_income')).toBeCloseTo((1200 * 9.5 + 300 * 12.25 + 500 * 11) / 2000, 12);
    const m = r.mappings![0];
    expect(m.columns.find((c) => c.field === 'workers')).toMatchObject({ column: 'C' });
    expect(m.columns.find((c) => c.field === 'workers')!.unit).toBeUndefined(); // "lao động" is not "đồng"
  });

  test('a three-row header with the units on their own row', () => {
    const r = report(sheets.revenue);
    expect([metric(r, 'revenue'), metric(r, 'export'), metric(r, 'import'), metric(r, 'tax_paid')]).toEqual([150.5, 13.5, 8.75, 4.25]);
  });

  test('a half-year list: its figures stand for 06/2023, in nghìn USD and triệu đồng converted exactly', () => {
    const r = report(sheets.revenueH1);
    expect(metric(r, 'revenue')).toBe(150.5);
    expect(metric(r, 'export')).toBe(exactSum([12, 1.5005]));
    expect(metric(r, 'tax_paid')).toBe(4.25);
    expect(r.problems.some((p) => p.code === 'staffTotalMismatch')).toBe(false);
  });
});

test.each(Object.keys(sheets))('%s: written as an AnhXa table and read back, the same figures', (k) => {
  const grid = sheets[k];
  const rows = recognizeWorkbook([grid]).proposals.filter((p) => p.usable).flatMap((p) => proposalToAnhXaRows(p, 'vi'));
  expect(rows.length).toBeGreaterThan(0);
  const t = anhXaTable(rows, 'vi');
  const anhXa = { name: 'AnhXa', sheet: 'AnhXa', headerRow: 1, firstColumn: 1, headers: t.headers, rows: t.values };
  const viaTable = buildReport([settings(H1), anhXa], { lang: 'vi', today: '2023-07-01', grids: [grid] });
  expect(viaTable.problems.filter((p) => p.code.startsWith('anhXa'))).toEqual([]);
  expect(viaTable.mappings!.every((m) => m.from === 'AnhXa')).toBe(true);
  expect(reportJson(viaTable).metrics).toEqual(reportJson(report(grid)).metrics);
});

test('what an adapter could not read of the sheets is listed on Kiểm tra at the sheet, never dropped silently', () => {
  const r = buildReport([settings(H1)], {
    lang: 'vi',
    today: '2023-07-01',
    grids: [sheets.budget],
    gridNotes: [{ code: 'tooLarge', sheet: 'Dữ liệu 2010-2023', rows: 250000, columns: 40, bytes: 240_000_000 }, { code: 'noMerges' }],
  });
  const big = r.problems.find((p) => p.code === 'sheetTooLarge')!;
  expect(big).toMatchObject({ level: 'warning', cell: "'Dữ liệu 2010-2023'!A1" });
  expect(big.message).toContain('(250.000 dòng × 40 cột, khoảng 240,0 MB): không được đọc');
  expect(r.problems.some((p) => p.code === 'sheetMergesNotRead' && p.level === 'info')).toBe(true);
  const checks = r.plan.sheets[2];
  expect(checks.cells.some((c) => c.value === "'Dữ liệu 2010-2023'!A1")).toBe(true);
});

test('a task list keyed by text: the same text assigned twice is two tasks; the same text on the same day is one, reported', () => {
  const grid = g('Nhiệm vụ', [
    ['STT', 'Nội dung nhiệm vụ', 'Ngày giao', 'Thời hạn', 'Ngày hoàn thành'],
    [1, 'Báo cáo tháng', '05/01/2023', '31/01/2023', '25/01/2023'],
    [2, 'Báo cáo tháng', '05/02/2023', '28/02/2023', '25/02/2023'],
    [3, 'Báo cáo tháng', '05/02/2023', '28/02/2023', '25/02/2023'],
  ]);
  const r = report(grid);
  expect(metric(r, 'tasks_total')).toBe(2);
  expect(warnings(r).map((p) => p.cell)).toEqual(["'Nhiệm vụ'!A4"]);
});
