import { FakeWorkbook, RESPONSE_LIMIT } from './fake-excel';

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

  // Issue 20: as strict as Excel where the reference says so.
  it('fails a path through a table or sheet deleted earlier in the same batch', async () => {
    const b = book();
    const ctx = b.context() as unknown as Excel.RequestContext;
    const tables = ctx.workbook.tables.load('items/name');
    await ctx.sync();
    const t = tables.items[0];
    t.delete();
    t.worksheet.getRange('A1').values = [['x']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidObjectPath' });

    const c2 = b.context() as unknown as Excel.RequestContext;
    const ws = c2.workbook.worksheets.getItem('DuAn');
    ws.delete();
    ws.getRange('A1').load('values');
    await expect(c2.sync()).rejects.toMatchObject({ code: 'InvalidObjectPath' });
  });

  it('rewrites formulas that refer to a sheet when it is renamed, and shows #REF! when it is deleted', async () => {
    const b = book();
    const data = b.addSheet('Số liệu');
    const notes = b.addSheet('Ghi chú');
    Object.assign(b.cell(notes, 1, 1), { formula: "='Số liệu'!G10+DuAn!B4", value: 0 });
    Object.assign(b.cell(notes, 2, 1), { formula: "='số liệu'!A1", value: 0 });
    const ctx = b.context() as unknown as Excel.RequestContext;
    ctx.workbook.worksheets.getItem('Số liệu').name = 'Cũ';
    ctx.workbook.worksheets.getItem('DuAn').name = 'Dự án';
    await ctx.sync();
    expect([b.peek(notes, 1, 1)!.formula, b.peek(notes, 2, 1)!.formula]).toEqual(["=Cũ!G10+'Dự án'!B4", '=Cũ!A1']);
    ctx.workbook.worksheets.getItem(data.id).delete();
    await ctx.sync();
    expect(b.peek(notes, 1, 1)!.formula).toBe("=#REF!G10+'Dự án'!B4");
  });

  it('throws PropertyNotLoaded for a page layout property read before load and sync', async () => {
    const b = book();
    const ctx = b.context() as unknown as Excel.RequestContext;
    const layout = ctx.workbook.worksheets.getItem('DuAn').pageLayout;
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    await ctx.sync();
    expect(() => layout.zoom).toThrow(/PropertyNotLoaded/);
    layout.load('zoom');
    await ctx.sync();
    expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
  });

  it('refuses a response over 5 MB, as Excel on the web', async () => {
    const b = new FakeWorkbook();
    const sheet = b.addSheet('S');
    const line = 'x'.repeat(60_000);
    for (let r = 1; r <= 100; r++) b.cell(sheet, r, 1).value = line;
    const ctx = b.context() as unknown as Excel.RequestContext;
    ctx.workbook.worksheets.getItem('S').getRange('A1:A100').load('values');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(RESPONSE_LIMIT).toBe(5 * 1024 * 1024);
    b.responseLimit = null; // the desktop
    const ok = b.context() as unknown as Excel.RequestContext;
    ok.workbook.worksheets.getItem('S').getRange('A1:A100').load('values');
    await ok.sync();
  });

  it('gives merged areas as Excel does: only those whose top-left cell is in the range; whole areas through RangeAreas.areas', async () => {
    const b = book();
    const s = b.sheet('DuAn');
    s.merges.push('A1:C1', 'E5:F9');
    b.quirks.mergedAddressTopLeftOnly = true;
    const ctx = b.context() as unknown as Excel.RequestContext;
    const merged = ctx.workbook.worksheets.getItem('DuAn').getRange('B1:F6').getMergedAreasOrNullObject();
    merged.load('address');
    merged.areas.load('items/address');
    await ctx.sync();
    expect(merged.address).toBe('DuAn!E5'); // office-js#1590, and A1:C1 left out (office-js#3611)
    expect(merged.areas.items.map((r) => r.address)).toEqual(['DuAn!E5:F9']);
  });
});
