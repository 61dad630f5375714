import { buildExampleTables } from '../../scripts/example/data';
import { dayToSerial } from '../../src/core/parse';
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
