import { buildExampleTables } from '../../scripts/example/data';
import { dayToSerial } from '../../src/core/records/parse';
import { FakeWorkbook, Scalar } from './fake-excel';

/** Excel keeps dates as serial numbers: what Office.js hands the adapter. */
export function excelValue(v: string | number | boolean | Date | null): Scalar {
  if (v === null) return '';
  if (v instanceof Date) return dayToSerial(v.toISOString().slice(0, 10));
  return v;
}

/** The bundled Hai Phong example workbook as a fake Excel workbook. */
export function exampleBook(): FakeWorkbook {
  const book = new FakeWorkbook();
  for (const t of buildExampleTables()) book.putTable(t.sheet, t.name, t.topLeft, t.headers, t.rows.map((r) => r.map(excelValue)));
  return book;
}

/** The example workbook with `n` more new FDI projects appended to its DuAn table. */
export function bookWithProjects(n: number): FakeWorkbook {
  const book = exampleBook();
  const projects = book.tables.find((t) => t.name === 'DuAn')!;
  for (let i = 0; i < n; i++) {
    const r = projects.top + projects.rows + i;
    ['X' + i, 'Dự án', 'NĐT', 'Nhật Bản', 'KCN', 'FDI', 'Cấp mới', 44950, 2].forEach((v, j) => (book.cell(projects.sheet, r, projects.left + j).value = v));
  }
  projects.rows += n;
  return book;
}
