// The bad-input corpus: a small valid workbook and, for each case, what breaks it and what
// BaoCao must say (cell and a keyword of the message) while still counting every good row.
import { TableToWrite } from '../../src/node/write-tables';

type Cell = string | number | boolean | Date | null | { error: string };
export interface Table extends Omit<TableToWrite, 'rows'> {
  rows: Cell[][];
  merge?: string[];
}

export interface BadCase {
  name: string;
  mutate: (t: Map<string, Table>) => void;
  /** null when the problem concerns the whole workbook. */
  cell: string | null;
  keyword: string;
  /** The CLI refuses this workbook in one line naming what to add (exit 1), writing nothing. */
  cliRefusal?: string;
  /** Figures that the good rows must still give. */
  metrics: Record<string, number | null>;
}

export interface NonWorkbook {
  name: string;
  bytes: () => Buffer;
  keyword: string;
}

const d = (day: number, month: number, year: number) => new Date(Date.UTC(year, month - 1, day));

export function baseTables(): Map<string, Table> {
  const t = (name: string, headers: string[], rows: Cell[][]): [string, Table] => [name, { name, sheet: name, topLeft: 'A1', headers, rows }];
  return new Map([
    t('ThongTin', ['Khóa', 'Giá trị'], [
      ['TuNgay', d(1, 1, 2023)],
      ['DenNgay', d(30, 6, 2023)],
      ['NgaySoLieu', d(7, 6, 2023)],
      ['CoQuan', 'Ban Quản lý Khu kinh tế'],
      ['TyGia', 23390],
    ]),
    t('DuAn', ['Mã dự án', 'Nguồn vốn', 'Loại', 'Ngày', 'Vốn đầu tư'], [
      ['P1', 'FDI', 'Cấp mới', d(15, 2, 2023), 100],
      ['P2', 'FDI', 'Cấp mới', d(20, 3, 2023), 50.5],
      ['P3', 'DDI', 'Cấp mới', d(10, 4, 2023), 1000],
    ]),
    t('LaoDong', ['Doanh nghiệp', 'Tháng', 'Số lao động', 'Thu nhập bình quân'], [
      ['A', '06/2023', 100, 10],
      ['B', '06/2023', 200, 12],
    ]),
    t('SanXuatKinhDoanh', ['Doanh nghiệp', 'Tháng', 'Doanh thu', 'Xuất khẩu', 'Nhập khẩu', 'Nộp ngân sách', 'Ước tính'], [['A', '06/2023', 10, 1, 1, 1, null]]),
    t('NganSach', ['Đơn vị', 'Tháng', 'Số nộp'], [
      ['Cơ quan', '01/2023', 100],
      ['Cơ quan', '02/2023', 50],
    ]),
    t('NhiemVu', ['Mã nhiệm vụ', 'Nội dung', 'Ngày giao', 'Hạn xử lý', 'Ngày hoàn thành'], [
      ['T1', 'Báo cáo', d(1, 2, 2023), d(1, 3, 2023), d(20, 2, 2023)],
      ['T2', 'Rà soát', d(1, 3, 2023), null, null],
    ]),
    t('KeHoach', ['Chỉ tiêu', 'Năm', 'Kế hoạch', 'Cùng kỳ'], [['fdi_capital', 2023, 2000, null]]),
  ]);
}

const GOOD = { fdi_new_count: 2, fdi_new_capital: 150.5, ddi_new_count: 1, labour_workers: 300, budget_total: 150, tasks_total: 2, revenue: 10 };
const addRow = (table: string, row: Cell[]) => (t: Map<string, Table>) => t.get(table)!.rows.push(row);
const setCell = (table: string, r: number, c: number, v: Cell) => (t: Map<string, Table>) => (t.get(table)!.rows[r][c] = v);
const project = (capital: Cell, date: Cell = d(1, 5, 2023), id: Cell = 'P9', source: Cell = 'FDI', event: Cell = 'Cấp mới'): Cell[] => [id, source, event, date, capital];
const badProject = (name: string, row: Cell[], cell: string, keyword: string): BadCase => ({ name, mutate: addRow('DuAn', row), cell, keyword, metrics: GOOD });

export const BAD_CASES: BadCase[] = [
  { name: 'missing-projects-table', mutate: (t) => t.delete('DuAn'), cell: null, keyword: 'Không có bảng DuAn', metrics: { ...GOOD, fdi_new_count: null, ddi_new_count: null, fdi_new_capital: null } },
  { name: 'missing-labour-table', mutate: (t) => t.delete('LaoDong'), cell: null, keyword: 'Không có bảng LaoDong', metrics: { ...GOOD, labour_workers: null } },
  { name: 'settings-missing', mutate: (t) => t.delete('ThongTin'), cell: null, keyword: 'Chưa biết kỳ báo cáo', cliRefusal: 'Từ ngày', metrics: { fdi_new_count: null, budget_total: null } },
  { name: 'settings-no-period-end', mutate: (t) => t.get('ThongTin')!.rows.splice(1, 1), cell: null, keyword: 'chưa có giá trị cho khóa DenNgay', cliRefusal: 'Chưa biết kỳ báo cáo', metrics: { fdi_new_count: null } },
  { name: 'period-end-before-start', mutate: setCell('ThongTin', 1, 1, d(1, 1, 2022)), cell: 'ThongTin!B3', keyword: 'trước ngày bắt đầu', cliRefusal: 'Chưa biết kỳ báo cáo', metrics: { fdi_new_count: null } },
  { name: 'settings-impossible-date', mutate: setCell('ThongTin', 0, 1, '32/01/2023'), cell: 'ThongTin!B2', keyword: 'ngày không có thật', cliRefusal: 'Chưa biết kỳ báo cáo', metrics: { fdi_new_count: null } },
  { name: 'settings-duplicate-key', mutate: addRow('ThongTin', ['TuNgay', d(1, 2, 2023)]), cell: 'ThongTin!A7', keyword: 'lặp lại', metrics: GOOD },
  { name: 'exchange-rate-zero', mutate: setCell('ThongTin', 4, 1, 0), cell: 'ThongTin!B6', keyword: 'TyGia', metrics: { ...GOOD, ddi_cumulative_capital_usd: null } },
  {
    name: 'missing-required-column',
    mutate: (t) => {
      const p = t.get('DuAn')!;
      p.headers.splice(1, 1);
      p.rows.forEach((r) => r.splice(1, 1));
    },
    cell: 'DuAn!A1',
    keyword: 'thiếu cột bắt buộc "Nguồn vốn"',
    metrics: { ...GOOD, fdi_new_count: null, fdi_new_capital: null, ddi_new_count: null },
  },
  { name: 'misspelled-header', mutate: (t) => (t.get('DuAn')!.headers[4] = 'Vốn đầu'), cell: 'DuAn!A1', keyword: 'Vốn đầu tư', metrics: { ...GOOD, fdi_new_count: null, fdi_new_capital: null, ddi_new_count: null } },
  {
    name: 'duplicate-header',
    mutate: (t) => {
      const l = t.get('LaoDong')!;
      l.headers.push('So_lao_dong');
      l.rows.forEach((r) => r.push(999));
    },
    cell: 'LaoDong!E1',
    keyword: 'lặp lại',
    metrics: GOOD,
  },
  {
    name: 'unknown-extra-column',
    mutate: (t) => {
      const p = t.get('DuAn')!;
      p.headers.push('Ghi chú');
      p.rows.forEach((r) => r.push('…'));
    },
    cell: 'DuAn!A1:F4',
    keyword: 'không dùng đến: Ghi chú',
    metrics: GOOD,
  },
  badProject('text-in-number-cell', project('một trăm'), 'DuAn!E5', 'không phải là số'),
  badProject('error-na-in-number', project({ error: '#N/A' }), 'DuAn!E5', '#N/A'),
  badProject('error-ref-in-date', project(5, { error: '#REF!' }), 'DuAn!D5', '#REF!'),
  badProject('error-div0-as-text', project('#DIV/0!'), 'DuAn!E5', 'giá trị lỗi của Excel'),
  badProject('empty-required-cell', project(5, d(1, 5, 2023), null), 'DuAn!A5', 'bắt buộc'),
  badProject('whitespace-only-required-cell', project(5, d(1, 5, 2023), '   '), 'DuAn!A5', 'bắt buộc'),
  badProject('date-text-year-first-slashes', project(5, '2023/02/15'), 'DuAn!D5', 'không phải là ngày'),
  badProject('date-text-month-name', project(5, '15-Feb-2023'), 'DuAn!D5', 'không phải là ngày'),
  badProject('date-two-digit-year', project(5, '15/02/23'), 'DuAn!D5', 'không phải là ngày'),
  badProject('impossible-date-31-february', project(5, '31/02/2023'), 'DuAn!D5', 'không có thật'),
  badProject('impossible-date-29-february-2023', project(5, '29/02/2023'), 'DuAn!D5', 'không có thật'),
  {
    // issue 18: dates are compared with the report's date (NgayBaoCao), never with the day the program runs
    name: 'future-date',
    mutate: (t) => {
      t.get('ThongTin')!.rows.push(['NgayBaoCao', d(20, 6, 2023)]);
      t.get('DuAn')!.rows.push(project(5, d(30, 6, 2023)));
    },
    cell: 'DuAn!D5',
    keyword: 'sau ngày báo cáo',
    metrics: { ...GOOD, fdi_new_count: 3, fdi_new_capital: 155.5 },
  },
  badProject('huge-number', project(1e20), 'DuAn!E5', 'vượt giới hạn'),
  badProject('unknown-source', project(5, d(1, 5, 2023), 'P9', 'ODA'), 'DuAn!B5', 'Nguồn vốn "ODA"'),
  badProject('unknown-event', project(5, d(1, 5, 2023), 'P9', 'FDI', 'Gia hạn'), 'DuAn!C5', 'Loại "Gia hạn"'),
  {
    name: 'adjusted-before-licensed',
    mutate: addRow('DuAn', ['P1', 'FDI', 'Điều chỉnh', d(1, 2, 2023), 5]),
    cell: 'DuAn!D5',
    keyword: 'chưa được cấp mới',
    metrics: { ...GOOD, fdi_adjusted_count: 1, fdi_adjusted_capital: 5 },
  },
  {
    name: 'terminated-then-adjusted',
    mutate: (t) => {
      addRow('DuAn', ['P2', 'FDI', 'Chấm dứt', d(1, 4, 2023), null])(t);
      addRow('DuAn', ['P2', 'FDI', 'Điều chỉnh', d(1, 5, 2023), 7])(t);
    },
    cell: 'DuAn!D6',
    keyword: 'sau khi đã chấm dứt',
    metrics: { ...GOOD, fdi_cumulative_count: 1 },
  },
  {
    name: 'merged-cells-over-table',
    mutate: (t) => (t.get('DuAn')!.merge = ['B2:B3']),
    cell: 'DuAn!B2:B3',
    keyword: 'ô gộp',
    metrics: { ...GOOD, fdi_new_count: 1, fdi_new_capital: 100 },
  },
  { name: 'negative-count', mutate: addRow('LaoDong', ['C', '06/2023', -5, 10]), cell: 'LaoDong!C4', keyword: 'không được âm', metrics: GOOD },
  { name: 'fractional-count', mutate: addRow('LaoDong', ['C', '06/2023', 12.5, 10]), cell: 'LaoDong!C4', keyword: 'số nguyên', metrics: GOOD },
  { name: 'impossible-month', mutate: addRow('LaoDong', ['C', '13/2023', 5, 10]), cell: 'LaoDong!B4', keyword: 'không có thật', metrics: GOOD },
  { name: 'month-in-words', mutate: addRow('LaoDong', ['C', 'tháng sáu', 5, 10]), cell: 'LaoDong!B4', keyword: 'không phải là tháng', metrics: GOOD },
  { name: 'income-as-text', mutate: addRow('LaoDong', ['C', '06/2023', 50, 'cao']), cell: 'LaoDong!D4', keyword: 'vẫn được tính', metrics: { ...GOOD, labour_workers: 350 } },
  { name: 'duplicate-enterprise-month', mutate: addRow('LaoDong', ['A', '06/2023', 50, 10]), cell: 'LaoDong!B4', keyword: 'hơn một dòng', metrics: { ...GOOD, labour_workers: 350 } },
  { name: 'unknown-yes-no', mutate: addRow('SanXuatKinhDoanh', ['B', '05/2023', 5, 1, 1, 1, 'có lẽ']), cell: 'SanXuatKinhDoanh!G3', keyword: 'có/không', metrics: { ...GOOD, revenue: 15 } },
  { name: 'negative-export', mutate: addRow('SanXuatKinhDoanh', ['B', '05/2023', 5, -1, 1, 1, null]), cell: 'SanXuatKinhDoanh!D3', keyword: 'không được âm', metrics: GOOD },
  { name: 'budget-amount-as-text', mutate: addRow('NganSach', ['Cơ quan', '03/2023', 'nhiều']), cell: 'NganSach!C4', keyword: 'không phải là số', metrics: GOOD },
  { name: 'duplicate-task-id', mutate: addRow('NhiemVu', ['T1', 'Lặp', d(2, 2, 2023), null, null]), cell: 'NhiemVu!A4', keyword: 'trùng', metrics: GOOD },
  { name: 'completed-before-assigned', mutate: addRow('NhiemVu', ['T3', 'Ngược', d(10, 3, 2023), null, d(1, 3, 2023)]), cell: 'NhiemVu!E4', keyword: 'trước ngày giao', metrics: { ...GOOD, tasks_total: 3 } },
  { name: 'task-assigned-not-a-date', mutate: addRow('NhiemVu', ['T3', 'Hôm qua', 'hôm qua', null, null]), cell: 'NhiemVu!C4', keyword: 'không phải là ngày', metrics: GOOD },
  { name: 'target-unknown-metric', mutate: addRow('KeHoach', ['fdi_vốn', 2023, 1, null]), cell: 'KeHoach!A3', keyword: 'không có trong danh mục', metrics: { ...GOOD, fdi_plan: 2000 } },
  { name: 'target-year-as-text', mutate: addRow('KeHoach', ['ddi_capital', 'năm nay', 1, null]), cell: 'KeHoach!B3', keyword: 'không phải là số', metrics: { ...GOOD, ddi_plan: null } },
  { name: 'target-duplicate', mutate: addRow('KeHoach', ['fdi_capital', 2023, 3000, null]), cell: 'KeHoach!A3', keyword: 'lặp lại', metrics: { ...GOOD, fdi_plan: 2000 } },
  { name: 'target-unit-without-collections', mutate: addRow('KeHoach', ['budget:Phòng không có', 2023, 10, null]), cell: 'KeHoach!A3', keyword: 'không có số nộp', metrics: GOOD },
  ...(
    [
      ['metrics-cycle', [['a', 'b + 1'], ['b', 'a + 1']], 'vòng'],
      ['metrics-import', [['a', 'import({}, {override: true})']], 'bị từ chối'],
      ['metrics-prototype', [['a', 'fdi_new_count.constructor']], 'bị từ chối'],
      ['metrics-unknown-key', [['a', 'khong_co + 1']], 'không phải chỉ tiêu'],
    ] as [string, [string, string][], string][]
  ).map(([name, rows, keyword]) => ({
    name,
    mutate: (t: Map<string, Table>) => void t.set('ChiTieuTinh', { name: 'ChiTieuTinh', sheet: 'ChiTieuTinh', topLeft: 'A1', headers: ['Mã', 'Công thức'], rows }),
    cell: 'ChiTieuTinh!B2',
    keyword,
    metrics: { ...GOOD, a: null },
  })),
  {
    name: 'section-bad-outline',
    mutate: (t) => void t.set('NoiDung', { name: 'NoiDung', sheet: 'NoiDung', topLeft: 'A1', headers: ['Mục', 'Tiêu đề', 'Nội dung'], rows: [['A.B', null, 'Đoạn văn']] }),
    cell: 'NoiDung!A2',
    keyword: 'không đúng dạng',
    metrics: GOOD,
  },
  {
    name: 'template-unknown-key',
    mutate: (t) => void t.set('MauCau', { name: 'MauCau', sheet: 'MauCau', topLeft: 'A1', headers: ['Mã câu', 'Mẫu câu'], rows: [['xyz', 'Câu {fdi_new_count}']] }),
    cell: 'MauCau!A2',
    keyword: 'không có',
    metrics: GOOD,
  },
];

/** Files that are not workbooks at all: the CLI must say so and exit non-zero. */
export const NON_WORKBOOKS: NonWorkbook[] = [
  { name: 'csv-renamed.xlsx', bytes: () => Buffer.from('Mã dự án,Nguồn vốn\nP1,FDI\n', 'utf8'), keyword: 'không phải là sổ Excel' },
  { name: 'empty.xlsx', bytes: () => Buffer.alloc(0), keyword: 'Tệp rỗng' },
  // An encrypted workbook is an OLE compound file, not a zip; this is its header block.
  { name: 'password-protected.xlsx', bytes: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]), keyword: 'mật khẩu' },
];
