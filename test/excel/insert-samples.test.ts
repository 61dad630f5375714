import { buildReport } from '../../src/core/engine';
import { TABLES } from '../../src/core/records/schema';
import { insertSampleTables } from '../../src/excel/insert-samples';
import { readTables } from '../../src/excel/read-tables';
import { FakeWorkbook } from './fake-excel';
import { mockExcel } from './mock-host';

describe('insertSampleTables', () => {
  it('adds every contract table with its Vietnamese headers, in two syncs, readable by core', async () => {
    const book = new FakeWorkbook();
    const host = mockExcel(book);
    const r = await host.run((ctx) => insertSampleTables(ctx));
    expect(book.syncs).toBe(2);
    expect(r.skipped).toEqual([]);
    expect(r.created.map((c) => c.table)).toEqual(TABLES.map((t) => t.vi));
    const snaps = await host.run((ctx) => readTables(ctx));
    for (const t of TABLES) {
      const s = snaps.find((x) => x.name === t.vi)!;
      expect(s.headers).toEqual(t.columns.map((c) => c.vi[0]));
      expect(s.rows.length).toBeGreaterThan(0);
    }
    // Settings come with every key and no values: the staff fill in the period
    const result = buildReport(snaps, { today: '2023-07-01' });
    const errors = result.problems.filter((p) => p.level === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e.cell).toMatch(/^ThongTin!/);
  });

  it('writes dates as Excel dates and text as text', async () => {
    const book = new FakeWorkbook();
    await mockExcel(book).run((ctx) => insertSampleTables(ctx));
    const tasks = book.tables.find((t) => t.name === 'NhiemVu')!;
    const assigned = book.peek(tasks.sheet, tasks.top + 1, tasks.left + 2)!;
    expect(assigned).toMatchObject({ value: 45048, numberFormat: 'dd/mm/yyyy' }); // 02/05/2023 in Excel's 1900 date system
    const noDeadline = book.peek(tasks.sheet, tasks.top + 2, tasks.left + 3)!;
    expect(noDeadline).toMatchObject({ value: '', numberFormat: 'dd/mm/yyyy' });
    const id = book.peek(tasks.sheet, tasks.top + 1, tasks.left)!;
    expect(id).toMatchObject({ value: 'NV-2023-001', numberFormat: '@' });
    const labour = book.tables.find((t) => t.name === 'LaoDong')!;
    expect(book.peek(labour.sheet, labour.top + 1, labour.left + 2)).toMatchObject({ value: 45078, numberFormat: 'mm/yyyy' }); // 06/2023
    expect(book.peek(labour.sheet, labour.top + 1, labour.left + 3)).toMatchObject({ value: 1250, numberFormat: '#,##0' });
    const template = book.tables.find((t) => t.name === 'MauCau')!;
    expect(book.peek(template.sheet, template.top + 1, template.left + 1)!.formula).toBeUndefined();
  });

  it('never overwrites: skips kinds the workbook has and picks free sheet names', async () => {
    const book = new FakeWorkbook();
    book.putTable('Dự án', 'Projects', 'B2', ['Mã dự án'], [['x']]);
    const staff = book.addSheet('ThongTin');
    book.cell(staff, 1, 1).value = 'ghi chú';
    const r = await mockExcel(book).run((ctx) => insertSampleTables(ctx));
    expect(r.skipped).toEqual(['DuAn']);
    expect(r.created.find((c) => c.table === 'ThongTin')!.sheet).toBe('ThongTin (2)');
    expect(book.peek(staff, 1, 1)!.value).toBe('ghi chú');
    expect(book.tables.filter((t) => t.sheet === staff)).toEqual([]);
    expect(book.tables.find((t) => t.name === 'Projects')!.rows).toBe(2);
  });
});
