// A corpus of staff layouts (issue 19), written before the code that reads them: workbooks with no
// Excel table at all — settings as a plain "Khóa | Giá trị" list or as label rows ("Từ ngày:
// 01/01/2024"), plans as a plain list, project lists whose events and sources sit in columns with
// any header, one sheet holding every source and event, new and adjusted capital as two columns of
// one row, side-by-side lists — in Vietnamese and English. Each is checked against its contract
// twin (the same data as contract tables): every figure exactly the same, and some by value so
// that two empty reports cannot agree by accident.
import { buildReport, reportJson, ReportResult } from '../../../src/core/engine';
import { CellValue, TableSnapshot } from '../../../src/core/records/snapshot';
import { SheetGrid, recognizeWorkbook } from '../../../src/core/recognize';
import { anhXaTable, proposalToAnhXaRows } from '../../../src/core/recognize/anhxa';
import { exactSum } from '../../../src/core/figures/decimal';
import { table, metric } from '../../helpers/tables';

const TODAY = '2024-07-05';
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));
const sheet = (name: string, cells: CellValue[][], merges: string[] = []): SheetGrid => ({ name, cells, merges });

const settingsTable = (rows: CellValue[][]) => table('ThongTin', ['Khóa', 'Giá trị'], rows);
const projectsTable = (rows: CellValue[][]) => table('DuAn', ['Mã dự án', 'Tên dự án', 'Nguồn vốn', 'Loại', 'Ngày', 'Vốn đầu tư'], rows);
const targetsTable = (rows: CellValue[][]) => table('KeHoach', ['Chỉ tiêu', 'Năm', 'Kế hoạch', 'Cùng kỳ'], rows);
const labourTable = (rows: CellValue[][]) => table('LaoDong', ['Doanh nghiệp', 'Tháng', 'Số lao động', 'Thu nhập bình quân'], rows);

interface Case {
  lang: 'vi' | 'en';
  grids: SheetGrid[];
  twin: TableSnapshot[];
  /** Figures checked by value besides the equality with the twin. */
  figures: Record<string, unknown>;
}

const CASES: Record<string, Case> = {
  'no table: settings as "Khóa | Giá trị" under a title, plans as a plain list, FDI and DDI sheets with the event in a column of its own': {
    lang: 'vi',
    grids: [
      sheet('Thông tin', [
        ['THÔNG TIN CHUNG CỦA BÁO CÁO'],
        [],
        ['Khóa', 'Giá trị'],
        ['TuNgay', '01/01/2024'],
        ['DenNgay', '30/06/2024'],
        ['CoQuan', 'Ban Quản lý Khu kinh tế Hải Phòng'],
        ['TyGia', 24000],
      ]),
      sheet('Kế hoạch', [
        ['KẾ HOẠCH NĂM 2024'],
        ['Chỉ tiêu', 'Năm', 'Kế hoạch', 'Cùng kỳ'],
        ['fdi_capital', 2024, 2000, 626],
        ['ddi_capital', 2024, 30000, 12000.5],
      ]),
      sheet('FDI', [
        ['DANH MỤC DỰ ÁN FDI 6 THÁNG ĐẦU NĂM 2024'],
        ['STT', 'Tên dự án', 'Nhà đầu tư', 'Số GCNĐKĐT', 'Ngày cấp', 'Tình trạng', 'Vốn đầu tư (triệu USD)'],
        [1, 'Nhà máy A', 'A Co', 'F01', '15/01/2024', 'Cấp mới', 10.5],
        [2, 'Nhà máy B', 'B Co', 'F02', d(2024, 2, 3), 'Cấp mới', 20.25],
        [3, 'Nhà máy A', 'A Co', 'F01', '10/04/2024', 'Điều chỉnh', 2.5],
        [4, 'Nhà máy Z', 'Z Co', 'F00', '01/05/2024', 'Điều chỉnh', -1.25],
      ]),
      sheet('DDI', [
        ['DANH MỤC DỰ ÁN ĐẦU TƯ TRONG NƯỚC'],
        ['TT', 'Tên dự án', 'Mã số', 'Ngày', 'Nội dung', 'Vốn (tỷ đồng)'],
        [1, 'Kho A', 'D01', '05/01/2024', 'Cấp mới', 100],
        [2, 'Kho B', 'D02', '06/03/2023', 'Cấp mới', 40],
        [3, 'Kho B', 'D02', '06/03/2024', 'Điều chỉnh', 50.5],
      ]),
      sheet('Lao động T6-2024', [
        ['LAO ĐỘNG THÁNG 6/2024'],
        ['STT', 'Doanh nghiệp', 'Số lao động', 'Thu nhập bình quân (triệu đồng)'],
        [1, 'Công ty A', 1200, 9.5],
        [2, 'Công ty B', 300, 12.25],
      ]),
    ],
    twin: [
      settingsTable([
        ['TuNgay', '01/01/2024'],
        ['DenNgay', '30/06/2024'],
        ['CoQuan', 'Ban Quản lý Khu kinh tế Hải Phòng'],
        ['TyGia', 24000],
      ]),
      targetsTable([
        ['fdi_capital', 2024, 2000, 626],
        ['ddi_capital', 2024, 30000, 12000.5],
      ]),
      projectsTable([
        ['F01', 'Nhà máy A', 'FDI', 'Cấp mới', '15/01/2024', 10.5],
        ['F02', 'Nhà máy B', 'FDI', 'Cấp mới', '03/02/2024', 20.25],
        ['F01', 'Nhà máy A', 'FDI', 'Điều chỉnh', '10/04/2024', 2.5],
        ['F00', 'Nhà máy Z', 'FDI', 'Điều chỉnh', '01/05/2024', -1.25],
        ['D01', 'Kho A', 'DDI', 'Cấp mới', '05/01/2024', 100],
        ['D02', 'Kho B', 'DDI', 'Cấp mới', '06/03/2023', 40],
        ['D02', 'Kho B', 'DDI', 'Điều chỉnh', '06/03/2024', 50.5],
      ]),
      labourTable([
        ['Công ty A', '06/2024', 1200, 9.5],
        ['Công ty B', '06/2024', 300, 12.25],
      ]),
    ],
    figures: {
      fdi_new_count: 2,
      fdi_new_capital: 30.75,
      fdi_adjusted_count: 2,
      fdi_adjusted_capital: 1.25,
      ddi_new_count: 1,
      ddi_new_capital: 100,
      ddi_adjusted_capital: 50.5,
      labour_workers: 1500,
    },
  },

  'label rows ("Từ ngày: 01/01/2024") and one sheet holding every source and event, in columns with any header': {
    lang: 'vi',
    grids: [
      sheet('Báo cáo', [
        ['BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2024'],
        ['Từ ngày: 01/01/2024'],
        ['Đến ngày:', '30/06/2024'],
        ['Cơ quan:', 'Ban Quản lý Khu kinh tế Hải Phòng'],
      ]),
      sheet('Tổng hợp dự án', [
        ['TỔNG HỢP CÁC DỰ ÁN'],
        ['STT', 'Tên dự án', 'Số GCN', 'Ngày', 'Khối', 'Ghi chú', 'Vốn đầu tư'],
        [1, 'Nhà máy A', 'F01', '15/01/2024', 'FDI', 'Cấp mới', 10.5],
        [2, 'Nhà máy B', 'F02', '03/02/2024', 'Nước ngoài', 'Cấp GCNĐKĐT', 20.25],
        [3, 'Kho C', 'D01', '05/01/2024', 'Trong nước', 'Cấp mới', 100],
        [4, 'Kho D', 'D02', '06/03/2023', 'DDI', 'Cấp mới', 40],
        [5, 'Nhà máy A', 'F01', '10/04/2024', 'FDI', 'Điều chỉnh tăng vốn', 2.5],
        [6, 'Kho D', 'D02', '06/03/2024', 'Trong nước', 'Điều chỉnh', 50.5],
        [7, 'Nhà máy B', 'F02', '20/05/2024', 'Nước ngoài', 'Chấm dứt', null],
        [8, 'Kho C', 'D01', '21/06/2024', 'DDI', 'Thu hồi', null],
      ]),
    ],
    twin: [
      settingsTable([
        ['TuNgay', '01/01/2024'],
        ['DenNgay', '30/06/2024'],
        ['CoQuan', 'Ban Quản lý Khu kinh tế Hải Phòng'],
      ]),
      projectsTable([
        ['F01', 'Nhà máy A', 'FDI', 'Cấp mới', '15/01/2024', 10.5],
        ['F02', 'Nhà máy B', 'FDI', 'Cấp mới', '03/02/2024', 20.25],
        ['D01', 'Kho C', 'DDI', 'Cấp mới', '05/01/2024', 100],
        ['D02', 'Kho D', 'DDI', 'Cấp mới', '06/03/2023', 40],
        ['F01', 'Nhà máy A', 'FDI', 'Điều chỉnh', '10/04/2024', 2.5],
        ['D02', 'Kho D', 'DDI', 'Điều chỉnh', '06/03/2024', 50.5],
        ['F02', 'Nhà máy B', 'FDI', 'Chấm dứt', '20/05/2024', null],
        ['D01', 'Kho C', 'DDI', 'Chấm dứt', '21/06/2024', null],
      ]),
    ],
    figures: { fdi_new_count: 2, fdi_new_capital: 30.75, fdi_adjusted_capital: 2.5, ddi_new_count: 1, ddi_new_capital: 100, ddi_adjusted_capital: 50.5 },
  },

  'new and adjusted capital as two columns of one row ("Vốn đăng ký mới | Vốn điều chỉnh"), settings as label cells with dates': {
    lang: 'vi',
    grids: [
      sheet('Chung', [
        ['Từ ngày', d(2024, 1, 1)],
        ['Đến ngày', d(2024, 6, 30)],
      ]),
      sheet('FDI 6T-2024', [
        ['DỰ ÁN FDI CẤP MỚI VÀ ĐIỀU CHỈNH 6 THÁNG ĐẦU NĂM 2024'],
        ['ĐVT: triệu USD'],
        ['STT', 'Tên dự án', 'Mã dự án', 'Ngày cấp', 'Vốn đăng ký mới', 'Ngày điều chỉnh', 'Vốn điều chỉnh'],
        [1, 'Nhà máy A', 'F01', '10/01/2024', 10, null, null],
        [2, 'Nhà máy B', 'F02', '12/02/2024', 5, '20/05/2024', 1.5],
        [3, 'Nhà máy C', 'F00', null, null, '01/03/2024', -2],
        [null, 'Tổng cộng', null, null, 15, null, -0.5],
      ]),
    ],
    twin: [
      settingsTable([
        ['TuNgay', '01/01/2024'],
        ['DenNgay', '30/06/2024'],
      ]),
      projectsTable([
        ['F01', 'Nhà máy A', 'FDI', 'Cấp mới', '10/01/2024', 10],
        ['F02', 'Nhà máy B', 'FDI', 'Cấp mới', '12/02/2024', 5],
        ['F02', 'Nhà máy B', 'FDI', 'Điều chỉnh', '20/05/2024', 1.5],
        ['F00', 'Nhà máy C', 'FDI', 'Điều chỉnh', '01/03/2024', -2],
      ]),
    ],
    figures: { fdi_new_count: 2, fdi_new_capital: 15, fdi_adjusted_count: 2, fdi_adjusted_capital: -0.5 },
  },

  'side-by-side blocks: the FDI and DDI lists next to each other on one sheet': {
    lang: 'vi',
    grids: [
      sheet('Thông tin', [
        ['Khóa', 'Giá trị'],
        ['TuNgay', '01/01/2024'],
        ['DenNgay', '30/06/2024'],
      ]),
      sheet('Cấp mới', [
        ['DỰ ÁN FDI CẤP MỚI', null, null, null, 'DỰ ÁN DDI CẤP MỚI'],
        ['Mã DA', 'Ngày cấp', 'Vốn đầu tư (triệu USD)', null, 'Mã DA', 'Ngày cấp', 'Vốn đầu tư (tỷ đồng)'],
        ['F01', '02/01/2024', 7, null, 'D01', '02/02/2024', 100],
        ['F02', '03/01/2024', 8.5, null, 'D02', '03/03/2024', 250.25],
        ['F03', '04/04/2024', 1.25],
      ]),
    ],
    twin: [
      settingsTable([
        ['TuNgay', '01/01/2024'],
        ['DenNgay', '30/06/2024'],
      ]),
      projectsTable([
        ['F01', null, 'FDI', 'Cấp mới', '02/01/2024', 7],
        ['F02', null, 'FDI', 'Cấp mới', '03/01/2024', 8.5],
        ['F03', null, 'FDI', 'Cấp mới', '04/04/2024', 1.25],
        ['D01', null, 'DDI', 'Cấp mới', '02/02/2024', 100],
        ['D02', null, 'DDI', 'Cấp mới', '03/03/2024', 250.25],
      ]),
    ],
    figures: { fdi_new_count: 3, fdi_new_capital: exactSum([7, 8.5, 1.25]), ddi_new_count: 2, ddi_new_capital: 350.25 },
  },

  'en: no table — "Key | Value" settings, plans as a plain list, one project sheet with Origin and Status columns': {
    lang: 'en',
    grids: [
      sheet('Settings', [
        ['REPORT SETTINGS'],
        ['Key', 'Value'],
        ['periodStart', '01/01/2024'],
        ['periodEnd', '30/06/2024'],
        ['language', 'en'],
      ]),
      sheet('Plans', [
        ['PLANS FOR 2024'],
        ['Metric', 'Year', 'Plan', 'Prior'],
        ['fdi_capital', 2024, 2000, 626],
      ]),
      sheet('Projects', [
        ['LICENSED PROJECTS'],
        ['No.', 'Project', 'Certificate no.', 'Date', 'Origin', 'Status', 'Capital'],
        [1, 'Plant A', 'F01', '15/01/2024', 'Foreign', 'New', 10.5],
        [2, 'Depot B', 'D01', '05/01/2024', 'Domestic', 'New', 100],
        [3, 'Plant A', 'F01', '10/04/2024', 'Foreign', 'Adjusted', 2.5],
        [4, 'Depot B', 'D01', '21/06/2024', 'Domestic', 'Terminated', null],
      ]),
    ],
    twin: [
      settingsTable([
        ['periodStart', '01/01/2024'],
        ['periodEnd', '30/06/2024'],
        ['language', 'en'],
      ]),
      targetsTable([['fdi_capital', 2024, 2000, 626]]),
      projectsTable([
        ['F01', 'Plant A', 'FDI', 'new', '15/01/2024', 10.5],
        ['D01', 'Depot B', 'DDI', 'new', '05/01/2024', 100],
        ['F01', 'Plant A', 'FDI', 'adjust', '10/04/2024', 2.5],
        ['D01', 'Depot B', 'DDI', 'terminate', '21/06/2024', null],
      ]),
    ],
    figures: { fdi_new_count: 1, fdi_new_capital: 10.5, fdi_adjusted_capital: 2.5, ddi_new_count: 1, ddi_new_capital: 100 },
  },

  'en: label rows ("From:", "To:"), new and adjusted capital as two columns, side by side with a labour list': {
    lang: 'en',
    grids: [
      sheet('Report', [
        ['HALF-YEAR REPORT'],
        ['From:', '01/01/2024'],
        ['To:', '30/06/2024'],
      ]),
      sheet('FDI', [
        ['FDI PROJECTS (million USD)', null, null, null, null, null, 'WORKERS, JUNE 2024'],
        ['Project ID', 'Licence date', 'New capital', 'Adjustment date', 'Capital adjustment', null, 'Enterprise', 'Workers'],
        ['F01', '10/01/2024', 10, null, null, null, 'A Ltd', 120],
        ['F02', '12/02/2024', 5, '20/05/2024', 1.5, null, 'B Ltd', 80],
        ['F00', null, null, '01/03/2024', -2],
      ]),
    ],
    twin: [
      settingsTable([
        ['periodStart', '01/01/2024'],
        ['periodEnd', '30/06/2024'],
      ]),
      projectsTable([
        ['F01', null, 'FDI', 'new', '10/01/2024', 10],
        ['F02', null, 'FDI', 'new', '12/02/2024', 5],
        ['F02', null, 'FDI', 'adjust', '20/05/2024', 1.5],
        ['F00', null, 'FDI', 'adjust', '01/03/2024', -2],
      ]),
      labourTable([
        ['A Ltd', '06/2024', 120, null],
        ['B Ltd', '06/2024', 80, null],
      ]),
    ],
    figures: { fdi_new_count: 2, fdi_new_capital: 15, fdi_adjusted_count: 2, fdi_adjusted_capital: -0.5, labour_workers: 200 },
  },
};

const staff = (c: Case): ReportResult => buildReport([], { lang: c.lang, today: TODAY, grids: c.grids });
const contract = (c: Case): ReportResult => buildReport(c.twin, { lang: c.lang, today: TODAY });
const errors = (r: ReportResult) => r.problems.filter((p) => p.level === 'error').map((p) => `${p.cell}: ${p.message}`);

describe.each(Object.entries(CASES))('%s', (_, c) => {
  test('every figure is its contract twin’s, exactly', () => {
    const s = staff(c);
    const t = contract(c);
    expect(errors(s)).toEqual(errors(t).map(() => expect.any(String)));
    expect(s.period).toEqual(t.period);
    expect(s.period).not.toBeNull();
    expect(reportJson(s).metrics).toEqual(reportJson(t).metrics);
    for (const [key, value] of Object.entries(c.figures)) expect([key, metric(s, key)]).toEqual([key, value]);
  });

  test('every list is read, and each decision is said on Kiểm tra naming its sheet', () => {
    const s = staff(c);
    const dataSheets = c.grids.filter((g) => s.mappings!.some((m) => m.sheet === g.name && m.used)).map((g) => g.name);
    const settingsSheet = c.grids.find((g) => s.problems.some((p) => p.code === 'staffSettingsRead' && p.cell?.includes(g.name)));
    expect(settingsSheet).toBeDefined();
    expect(dataSheets.length + 1).toBe(c.grids.length);
    // no program identifiers in what staff read: field keys stay in the JSON
    const keys = c.lang === 'vi' ? /→ (projectId|avgIncome|taxPaid|taskId|capital|event|source|date|name|workers|month)\b/ : /→ (projectId|avgIncome|taxPaid|taskId)\b|\w+ = (FDI|DDI|new|adjust)/;
    for (const p of s.problems.filter((x) => x.code.startsWith('staff'))) expect(p.message).not.toMatch(keys);
  });
});

test.each(Object.keys(CASES))('%s: written as an AnhXa table (baocao map) and read back, the same figures', (k) => {
  const c = CASES[k];
  const rows = recognizeWorkbook(c.grids, { lang: c.lang }).proposals.filter((p) => p.usable).flatMap((p) => proposalToAnhXaRows(p, c.lang));
  const t = anhXaTable(rows, c.lang);
  const anhXa = { name: t.name, sheet: t.name, headerRow: 1, firstColumn: 1, headers: t.headers, rows: t.values };
  const viaTable = buildReport([anhXa], { lang: c.lang, today: TODAY, grids: c.grids });
  expect(viaTable.problems.filter((p) => p.code.startsWith('anhXa')).map((p) => p.message)).toEqual([]);
  expect(viaTable.mappings!.filter((m) => m.used).every((m) => m.from === 'AnhXa')).toBe(true);
  expect(reportJson(viaTable).metrics).toEqual(reportJson(staff(c)).metrics);
});

test('no period anywhere: one error names what to add', () => {
  const c = CASES['side-by-side blocks: the FDI and DDI lists next to each other on one sheet'];
  const grids = c.grids.filter((g) => g.name !== 'Thông tin');
  const r = buildReport([], { lang: 'vi', today: TODAY, grids });
  expect(r.period).toBeNull();
  const e = r.problems.filter((p) => p.level === 'error');
  expect(e).toHaveLength(1);
  expect(e[0].message).toContain('Từ ngày');
  expect(e[0].message).toContain('Đến ngày');
  // the period given from outside (the command line's --period) is used
  const given = buildReport([], { lang: 'vi', today: TODAY, grids, period: { start: '2024-01-01', end: '2024-06-30' } });
  expect(given.period).toMatchObject({ start: '2024-01-01', end: '2024-06-30' });
  expect(metric(given, 'fdi_new_count')).toBe(3);
  expect(given.problems.filter((p) => p.level === 'error')).toEqual([]);
});

test('a period given from outside wins over the workbook, and says so', () => {
  const c = CASES['side-by-side blocks: the FDI and DDI lists next to each other on one sheet'];
  const r = buildReport([], { lang: 'en', today: TODAY, grids: c.grids, period: { start: '2024-01-01', end: '2024-03-31' } });
  expect(r.period).toMatchObject({ start: '2024-01-01', end: '2024-03-31' });
  expect(metric(r, 'fdi_new_count')).toBe(2);
  const note = r.problems.find((p) => p.code === 'periodGiven')!;
  expect(note.level).toBe('info');
  expect(note.message).toContain('30/06/2024');
});

test('a contract ThongTin table wins over settings on a plain sheet', () => {
  const c = CASES['side-by-side blocks: the FDI and DDI lists next to each other on one sheet'];
  const r = buildReport([settingsTable([['TuNgay', '01/01/2024'], ['DenNgay', '31/03/2024']])], { lang: 'vi', today: TODAY, grids: c.grids });
  expect(r.period).toMatchObject({ end: '2024-03-31' });
  expect(r.problems.some((p) => p.code === 'staffSettingsRead')).toBe(false);
});
