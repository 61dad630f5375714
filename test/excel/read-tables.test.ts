import { buildExampleTables } from '../../scripts/example/data';
import { parseA1 } from '../../src/core/records/snapshot';
import { BLOCK_ROWS, PAYLOAD_BUDGET, BYTES_PER_CELL, batches, readTables } from '../../src/excel/read-tables';
import { excelValue, exampleBook } from './example-book';
import { FakeWorkbook } from './fake-excel';
import { mockExcel } from './mock-host';

function projectRows(n: number): (string | number)[][] {
  return Array.from({ length: n }, (_, i) => [`P${i}`, `Dự án ${i}`, 'Nhà đầu tư', 'Hàn Quốc', 'KCN A', 'FDI', 'Cấp mới', 44927 + (i % 180), 1.5]);
}

const HEADERS = ['Mã dự án', 'Tên dự án', 'Nhà đầu tư', 'Quốc gia', 'Khu', 'Nguồn vốn', 'Loại', 'Ngày', 'Vốn đầu tư'];

async function syncsToRead(rows: number): Promise<number> {
  const book = new FakeWorkbook();
  book.putTable('DuAn', 'DuAn', 'A1', HEADERS, projectRows(rows));
  book.putTable('ThongTin', 'ThongTin', 'A1', ['Khóa', 'Giá trị'], [['TuNgay', '01/01/2023']]);
  const snaps = await mockExcel(book).run((ctx) => readTables(ctx));
  expect(snaps.find((s) => s.name === 'DuAn')!.rows).toHaveLength(rows);
  return book.syncs;
}

describe('readTables', () => {
  it('reads the same snapshots through documented calls when the nested load paths are refused', async () => {
    const expected = await mockExcel(exampleBook()).run((ctx) => readTables(ctx));
    const book = exampleBook();
    book.failNextSync = () => (book.syncs === 1 ? Object.assign(new Error('invalid load path'), { code: 'InvalidArgument' }) : null);
    const snaps = await mockExcel(book).run((ctx) => readTables(ctx));
    expect(snaps).toEqual(expected);
    expect(book.syncs).toBe(4);
  });

  it('reads every table of the example workbook as the data file holds it', async () => {
    const book = exampleBook();
    const snaps = await mockExcel(book).run((ctx) => readTables(ctx));
    const tables = buildExampleTables();
    expect(snaps.map((s) => s.name)).toEqual(tables.map((t) => t.name));
    for (const t of tables) {
      const s = snaps.find((x) => x.name === t.name)!;
      const at = parseA1(t.topLeft);
      expect(s.sheet).toBe(t.sheet);
      expect([s.headerRow, s.firstColumn]).toEqual([at.row, at.col]);
      expect(s.headers).toEqual(t.headers);
      expect(s.rows).toEqual(t.rows.map((r) => r.map((v) => (v === null ? null : excelValue(v)))));
    }
    expect(snaps.find((s) => s.name === 'NganSach')).toMatchObject({ sheet: 'Ngân sách', headerRow: 3, firstColumn: 2 });
    // the table list (names, sheets, row counts, column names), then positions and values
    expect(book.syncs).toBe(2);
    expect(book.responseBytes[0]).toBe(0);
  });

  it('takes the same number of syncs for 10 and 10,000 rows', async () => {
    const small = await syncsToRead(10);
    const large = await syncsToRead(10_000);
    expect(small).toBe(2);
    expect(large).toBe(small);
  });

  it('reads a table over 5,000 rows in blocks, all in one sync', async () => {
    const book = new FakeWorkbook();
    const rows = Array.from({ length: 12_345 }, (_, i) => [`E${i}`, 44927, i]);
    book.putTable('LaoDong', 'LaoDong', 'C4', ['Doanh nghiệp', 'Tháng', 'Số lao động'], rows);
    const [snap] = await mockExcel(book).run((ctx) => readTables(ctx));
    expect(snap.rows).toEqual(rows);
    expect([snap.headerRow, snap.firstColumn]).toEqual([4, 3]);
    expect(book.syncs).toBe(2);
  });

  it('packs blocks under the payload budget and splits wide tables into smaller blocks', () => {
    const b = batches([
      { rowCount: 12_000, columnCount: 3 },
      { rowCount: 10, columnCount: 100 },
    ]);
    expect(b).toHaveLength(1);
    expect(b[0].map((x) => x.count)).toEqual([BLOCK_ROWS, BLOCK_ROWS, 2000, 10]);
    const wide = batches([{ rowCount: 20_000, columnCount: 60 }]);
    const perBlock = Math.floor(PAYLOAD_BUDGET / (60 * BYTES_PER_CELL));
    expect(wide.flat()[0].count).toBe(perBlock);
    for (const batch of wide) expect(batch.reduce((n, x) => n + x.count * 60 * BYTES_PER_CELL, 0)).toBeLessThanOrEqual(PAYLOAD_BUDGET);
    expect(wide.flat().reduce((n, x) => n + x.count, 0)).toBe(20_000);
  });

  it('reads in halves when Excel refuses the response as too large', async () => {
    const book = new FakeWorkbook();
    const rows = Array.from({ length: 7000 }, (_, i) => [`T${i}`, 'x'.repeat(20)]);
    book.putTable('NoiDung', 'NoiDung', 'B2', ['Mục', 'Nội dung'], rows);
    // the second sync (positions and values) fails once, as Excel on the web does past 5 MB
    book.failNextSync = () => (book.syncs === 2 ? Object.assign(new Error('The response payload size has exceeded the limit.'), { code: 'ResponsePayloadSizeLimitExceeded' }) : null);
    const ctx = book.context() as unknown as Excel.RequestContext;
    const [snap] = await readTables(ctx);
    expect(snap.rows).toEqual(rows);
    // the header positions of the failed request are asked again with the first half
    expect([snap.headerRow, snap.firstColumn, snap.headers]).toEqual([2, 2, ['Mục', 'Nội dung']]);
    expect(book.syncs).toBe(4);
  });

  it('reads tables without data rows in the same two syncs', async () => {
    const book = new FakeWorkbook();
    const table = book.putTable('S', 'Trong', 'D5', ['Mã', 'Tên'], [['x', 'y']]);
    table.rows = 1; // header only
    const [snap] = await mockExcel(book).run((ctx) => readTables(ctx));
    expect(snap).toMatchObject({ name: 'Trong', headerRow: 5, firstColumn: 4, headers: ['Mã', 'Tên'], rows: [] });
    expect(book.syncs).toBe(2);
  });

  it('reads a workbook without tables in one sync', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Sheet1');
    expect(await mockExcel(book).run((ctx) => readTables(ctx))).toEqual([]);
    expect(book.syncs).toBe(1);
  });

  it('gives empty cells as null and keeps text, numbers and booleans', async () => {
    const book = new FakeWorkbook();
    book.putTable('S', 'SanXuatKinhDoanh', 'A1', ['Doanh nghiệp', 'Doanh thu', 'Ước tính'], [['A', '', true], ['B', '1.210,9', false]]);
    const [snap] = await mockExcel(book).run((ctx) => readTables(ctx));
    expect(snap.rows).toEqual([
      ['A', null, true],
      ['B', '1.210,9', false],
    ]);
  });
});
