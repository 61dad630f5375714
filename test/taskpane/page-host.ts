// Loaded into the built task pane page by the Chromium test, after office.js and before the
// add-in's bundles: an Excel stand-in holding the example workbook (plus one row whose text is
// HTML, unless the page is opened with "?example"), and a CustomFunctions stub since no Excel host
// provides one here.
import { exampleBook } from '../excel/example-book';
import { FakeWorkbook, Scalar } from '../excel/fake-excel';

export const XSS_TEXT = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

const book = exampleBook();
// "?example": the example workbook as it is (the README's picture); otherwise one more row whose text is HTML
if (!new URLSearchParams(location.search).has('example')) {
  const projects = book.tables.find((t) => t.name === 'DuAn')!;
  const row = projects.top + projects.rows;
  ['XSS-1', 'Dự án thử', 'NĐT', 'Nhật Bản', 'KCN', 'FDI', 'Cấp mới', 44950, XSS_TEXT].forEach((v, j) => (book.cell(projects.sheet, row, projects.left + j).value = v));
  projects.rows += 1;
}

const w = window as unknown as Record<string, unknown>;
w.__book = book;
w.Excel = { run: book.run };

/**
 * Switches the stand-in to a workbook of staff sheets only (no Excel table): a budget list and a
 * list of new FDI projects, with HTML in a header and in cells, for the recognition step.
 */
w.__useStaffBook = () => {
  const staff = new FakeWorkbook();
  const sheet = (name: string, rows: Scalar[][], merges: string[] = []) => {
    const s = staff.addSheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => v !== '' && (staff.cell(s, r + 1, c + 1).value = v)));
    s.merges.push(...merges);
  };
  sheet(
    'Thu phí',
    [
      ['THU PHÍ, LỆ PHÍ 6 THÁNG ĐẦU NĂM 2023 (THÁNG 6/2023)'],
      [],
      ['STT', 'Đơn vị', 'Số nộp (triệu đồng)', 'Ghi chú', XSS_TEXT],
      [1, 'Phòng Quản lý đầu tư', 120, 'x', XSS_TEXT],
      [2, 'Văn phòng', 80.5, XSS_TEXT, ''],
      [3, 'Phòng Môi trường', 15, '', ''],
    ],
    ['A1:E1'],
  );
  sheet('FDI cấp mới', [
    ['DANH MỤC DỰ ÁN FDI CẤP MỚI'],
    [],
    ['STT', 'Tên dự án', 'Nhà đầu tư', 'Số GCN', 'Ngày cấp', 'Vốn đầu tư (triệu USD)'],
    [1, 'Nhà máy A', 'A Co', '2101', 44942, 10.5],
    [2, 'Nhà máy B', XSS_TEXT, '2102', 44960, 20.25],
  ]);
  w.__book = staff;
  w.Excel = { run: staff.run };
};
if (typeof w.CustomFunctions === 'undefined') {
  w.CustomFunctions = {
    associate: () => undefined,
    Error: class {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    },
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!' },
  };
}
