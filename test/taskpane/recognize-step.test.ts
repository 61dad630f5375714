import path from 'node:path';
import { ANHXA_COLUMNS, anhXaTable, proposalToAnhXaRows } from '../../src/core/recognize/anhxa';
import { writeAnhXaTable } from '../../src/excel/write-anhxa';
import { anhXaRows, chosenProposal, fieldsForKind, initialChoice, previewRows, readRecognition } from '../../src/taskpane/recognize-step';
import { FakeWorkbook } from '../excel/fake-excel';
import { mockExcel } from '../excel/mock-host';
import { bookFromXlsx } from '../excel/xlsx-book';

const STAFF = path.join(__dirname, '../../examples/hai-phong-2023-h1-staff.xlsx');

/** A budget list whose unit cell reads like a formula, plus a note sheet. */
function budgetBook(): FakeWorkbook {
  const book = new FakeWorkbook();
  const s = book.addSheet('Thu phí');
  const put = (r: number, c: number, v: string | number) => (book.cell(s, r, c).value = v);
  put(1, 1, 'THU PHÍ, LỆ PHÍ THÁNG 6/2023');
  ['STT', 'Đơn vị', 'Số nộp (triệu đồng)', 'Ghi chú'].forEach((h, i) => put(3, 1 + i, h));
  [
    [1, '=Phòng A', 120, 'x'],
    [2, 'Phòng B', 80.5, '<img src=x onerror=alert(1)>'],
  ].forEach((row, i) => row.forEach((v, j) => put(4 + i, 1 + j, v)));
  s.merges.push('A1:D1');
  const notes = book.addSheet('Ghi chú');
  book.cell(notes, 1, 1).value = 'của cán bộ';
  return book;
}

const tableRows = (book: FakeWorkbook, name: string) => {
  const t = book.tables.find((x) => x.name === name)!;
  return book.values(t.sheet, { top: t.top, left: t.left, bottom: t.top + t.rows - 1, right: t.left + t.cols - 1 });
};

describe('Nhận dạng dữ liệu (fake Excel)', () => {
  it('reads the staff example in three syncs and proposes its blocks; writes their AnhXa rows on a new sheet, user sheets unchanged', async () => {
    const book = await bookFromXlsx(STAFF);
    const names = book.sheets.map((s) => s.name);
    const before = book.dump(names);
    const host = mockExcel(book);
    const r = await host.run((ctx) => readRecognition(ctx, 'vi'));
    expect(book.syncs).toBe(3);
    expect(r.anhXa).toBeNull();
    expect(r.contractKinds).toEqual(['targets']);
    expect(r.notes).toEqual([]);
    expect(r.proposals.filter((p) => p.usable)).toHaveLength(13);
    const choices = r.proposals.map((p) => initialChoice(p, r.contractKinds));
    expect(choices.filter((c) => c.kind)).toHaveLength(13);
    const preview = previewRows(r.proposals[0], r.grids.find((g) => g.name === r.proposals[0].sheet));
    expect(preview.length).toBe(5);

    // a labour list set to revenue: its headers matched again (the enterprise column stays the enterprise)
    const labour = r.proposals.find((p) => p.kind === 'labour')!;
    const asRevenue = fieldsForKind(labour, 'revenue');
    expect(asRevenue[labour.columns.findIndex((c) => c.field === 'enterprise')]).toBe('enterprise');
    expect(asRevenue.filter((f) => f === 'enterprise')).toHaveLength(1);
    const rows = anhXaRows(choices, 'vi');
    expect(rows).toEqual(r.proposals.filter((p) => p.usable).flatMap((p) => proposalToAnhXaRows(p, 'vi')));
    const w = await host.run((ctx) => writeAnhXaTable(ctx, anhXaTable(rows, 'vi')));
    expect(w).toEqual({ status: 'written', sheet: 'AnhXa', table: 'AnhXa', rows: rows.length, replaced: false });
    expect(book.syncs).toBe(5);
    const written = tableRows(book, 'AnhXa');
    expect(written[0]).toEqual(ANHXA_COLUMNS.map((c) => c.vi));
    expect(written.slice(1)).toEqual(anhXaTable(rows, 'vi').values);
    expect(book.dump(names)).toBe(before);
    expect(book.activeSheet!.name).toBe('AnhXa');
    expect(book.sheet('AnhXa').columnWidths.size).toBe(ANHXA_COLUMNS.length);
    expect(book.peek(book.sheet('AnhXa'), 1, 1)!.format['font.bold']).toBe(true);
  }, 60_000);

  it('a corrected kind and field change the rows written', async () => {
    const book = budgetBook();
    const r = await mockExcel(book).run((ctx) => readRecognition(ctx, 'vi'));
    expect(r.proposals).toHaveLength(1);
    const p = r.proposals[0];
    expect(p).toMatchObject({ sheet: 'Thu phí', range: 'A3:D5', kind: 'budget', usable: true });
    const choice = initialChoice(p, r.contractKinds);
    expect(anhXaRows([choice], 'vi').map((x) => [x.column, x.field])).toEqual([
      ['B', 'Đơn vị'],
      ['C', 'Số nộp'],
      ['', 'Tháng'],
    ]);
    // the staff say: column D is not a note but the unit's zone, and in English
    choice.fields[p.columns.findIndex((c) => c.col === 4)] = 'unit';
    choice.fields[p.columns.findIndex((c) => c.col === 2)] = null;
    expect(anhXaRows([choice], 'en').map((x) => [x.table, x.column, x.field, x.value])).toEqual([
      ['Budget', 'C', 'amount', ''],
      ['Budget', 'D', 'unit', ''],
      ['Budget', '', 'month', '06/2023'],
    ]);
    // another kind: the headers are matched again for it; 'không dùng' writes nothing
    expect(fieldsForKind(p, 'budget')).toEqual(p.columns.map((c) => c.field));
    expect(fieldsForKind(p, 'revenue')).toEqual([null, null, null, null]);
    expect(chosenProposal({ ...choice, kind: 'tasks', fields: fieldsForKind(p, 'tasks') }).fixed).toEqual({});
    expect(anhXaRows([{ ...choice, kind: null }], 'vi')).toEqual([]);
  });

  it('an existing AnhXa table is not overwritten without "Thay thế"; replacing it keeps every other sheet', async () => {
    const book = budgetBook();
    const host = mockExcel(book);
    const r = await host.run((ctx) => readRecognition(ctx, 'vi'));
    const rows = anhXaRows(r.proposals.map((p) => initialChoice(p, r.contractKinds)), 'vi');
    await host.run((ctx) => writeAnhXaTable(ctx, anhXaTable(rows, 'vi')));
    // the staff correct the table by hand
    const sheet = book.sheet('AnhXa');
    book.cell(sheet, 2, 7).value = 'Đơn vị (đã sửa)';
    const names = book.sheets.map((s) => s.name);
    const before = book.dump(names);
    const syncs = book.syncs;
    const again = await host.run((ctx) => writeAnhXaTable(ctx, anhXaTable(rows, 'vi')));
    expect(again).toEqual({ status: 'exists', sheet: 'AnhXa', table: 'AnhXa' });
    expect(book.syncs - syncs).toBe(1);
    expect(book.dump(names)).toBe(before);

    // reading again: the AnhXa sheet is not a staff sheet, and the table is named
    const r2 = await host.run((ctx) => readRecognition(ctx, 'vi'));
    expect(r2.anhXa).toEqual({ table: 'AnhXa', sheet: 'AnhXa' });
    expect(r2.proposals.map((p) => p.sheet)).toEqual(['Thu phí']);

    const userBefore = book.dump(['Thu phí', 'Ghi chú']);
    const replaced = await host.run((ctx) => writeAnhXaTable(ctx, anhXaTable(rows, 'vi'), { replace: true }));
    expect(replaced).toEqual({ status: 'written', sheet: 'AnhXa', table: 'AnhXa', rows: rows.length, replaced: true });
    expect(book.tables.filter((t) => t.name === 'AnhXa')).toHaveLength(1);
    expect(tableRows(book, 'AnhXa')[1][6]).toBe('Đơn vị');
    expect(book.sheets.map((s) => s.name)).toEqual(names);
    expect(book.dump(['Thu phí', 'Ghi chú'])).toBe(userBefore);
  });

  it('replacing a table that shares its sheet with other cells: the other cells stay, the new table goes to a new sheet', async () => {
    const book = budgetBook();
    const host = mockExcel(book);
    book.putTable('Ghi chú', 'AnhXa', 'C5', ANHXA_COLUMNS.map((c) => c.vi), [['Thu phí', 'A3:D5', 1, 'NganSach', 'B', 'Đơn vị', 'Đơn vị', '', '', '']]);
    const r = await host.run((ctx) => readRecognition(ctx, 'vi'));
    const rows = anhXaRows(r.proposals.map((p) => initialChoice(p, r.contractKinds)), 'vi');
    const w = await host.run((ctx) => writeAnhXaTable(ctx, anhXaTable(rows, 'vi'), { replace: true }));
    expect(w).toMatchObject({ status: 'written', sheet: 'AnhXa', replaced: true });
    const notes = book.sheet('Ghi chú');
    expect(book.peek(notes, 1, 1)!.value).toBe('của cán bộ');
    expect(book.peek(notes, 5, 3)).toBeUndefined();
    expect(book.tables.filter((t) => t.name === 'AnhXa').map((t) => t.sheet.name)).toEqual(['AnhXa']);
  });

  it('text that reads like a formula is written as text', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Trang 1');
    const values = [['Thu phí', 'A3:D5', 1, 'NganSach', 'B', '=Đơn vị', 'Đơn vị', '-', '+84', '@x']];
    await mockExcel(book).run((ctx) => writeAnhXaTable(ctx, { name: 'AnhXa', headers: ANHXA_COLUMNS.map((c) => c.vi), values, widths: ANHXA_COLUMNS.map(() => 12) }));
    const s = book.sheet('AnhXa');
    for (const [col, v] of [[6, '=Đơn vị'], [8, '-'], [9, '+84'], [10, '@x']] as const) expect(book.peek(s, 2, col)).toMatchObject({ value: v, numberFormat: '@' });
    expect(book.peek(s, 2, 3)).toMatchObject({ value: 1, numberFormat: 'General' });
  });
});
