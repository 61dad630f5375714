import { FakeWorkbook } from './fake-excel';

// The adapter's tests are only as strict as the fake: reading what was not loaded must throw.
describe('fake Excel host', () => {
  function book(): FakeWorkbook {
    const b = new FakeWorkbook();
    b.putTable('DuAn', 'DuAn', 'B3', ['Mã', 'Tên'], [['a', 'x'], ['b', 'y'], ['c', 'z']]);
    b.sheet('DuAn').customProperties.set('BaoCao', 'v1');
    return b;
  }

  it('loads nested paths as Office.js reads them, and only those', async () => {
    const b = book();
    const ctx = b.context() as unknown as Excel.RequestContext;
    const tables = ctx.workbook.tables;
    tables.load('items/name,items/rows/count,items/columns/items/name');
    expect(() => tables.items).toThrow(/PropertyNotLoaded/);
    await ctx.sync();
    const [t] = tables.items;
    expect([t.name, t.rows.count, t.columns.items.map((c) => c.name)]).toEqual(['DuAn', 3, ['Mã', 'Tên']]);
    // a collection's own count leaves its items unloaded; what was not asked for throws
    expect(() => t.rows.items).toThrow(/PropertyNotLoaded/);
    expect(() => t.columns.count).toThrow(/PropertyNotLoaded/);
    expect(() => t.worksheet.name).toThrow(/PropertyNotLoaded/);
  });

  it('loads worksheet custom properties through the worksheets collection', async () => {
    const b = book();
    b.addSheet('Khác');
    const ctx = b.context() as unknown as Excel.RequestContext;
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name,items/customProperties/items/key');
    await ctx.sync();
    expect(sheets.items.map((s) => [s.name, s.customProperties.items.map((p) => p.key)])).toEqual([
      ['DuAn', ['BaoCao']],
      ['Khác', []],
    ]);
    expect(() => sheets.items[0].customProperties.items[0].value).toThrow(/PropertyNotLoaded/);
    expect(() => sheets.items[0].id).toThrow(/PropertyNotLoaded/);

    const unloaded = b.context() as unknown as Excel.RequestContext;
    unloaded.workbook.worksheets.load('items/name');
    await unloaded.sync();
    expect(() => unloaded.workbook.worksheets.items[0].customProperties.items).toThrow(/PropertyNotLoaded/);
  });

  it('refuses a load path the object model does not have', async () => {
    const ctx = book().context() as unknown as Excel.RequestContext;
    ctx.workbook.tables.load('items/rowz/count');
    await expect(ctx.sync()).rejects.toThrow(/PropertyNotFound/);
  });

  it('writes custom properties (keys case-insensitive) and page breaks at sync', async () => {
    const b = book();
    const ctx = b.context() as unknown as Excel.RequestContext;
    const ws = ctx.workbook.worksheets.getItem('DuAn');
    ws.customProperties.add('baocao', 'v2');
    ws.horizontalPageBreaks.add('A10');
    expect(b.sheet('DuAn').pageBreaksBefore).toEqual([]);
    await ctx.sync();
    expect([...b.sheet('DuAn').customProperties]).toEqual([['baocao', 'v2']]);
    expect(b.sheet('DuAn').pageBreaksBefore).toEqual([10]);
  });
});
