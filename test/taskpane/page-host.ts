// Loaded into the built task pane page by the Chromium test, after office.js and before the
// add-in's bundles: an Excel stand-in holding the example workbook (plus one row whose text is
// HTML), and a CustomFunctions stub since no Excel host provides one here.
import { exampleBook } from '../excel/example-book';

export const XSS_TEXT = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

const book = exampleBook();
const projects = book.tables.find((t) => t.name === 'DuAn')!;
const row = projects.top + projects.rows;
['XSS-1', 'Dự án thử', 'NĐT', 'Nhật Bản', 'KCN', 'FDI', 'Cấp mới', 44950, XSS_TEXT].forEach((v, j) => (book.cell(projects.sheet, row, projects.left + j).value = v));
projects.rows += 1;

const w = window as unknown as Record<string, unknown>;
w.__book = book;
w.Excel = { run: book.run };
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
