import { validationPlan } from '../../src/core/records/validation';
import { addDataValidation } from '../../src/excel/data-validation';
import { insertSampleTables } from '../../src/excel/insert-samples';
import { exampleBook } from './example-book';
import { FakeTable, FakeWorkbook } from './fake-excel';
import { mockExcel } from './mock-host';
import { withExcelApi } from './office-requirements';

/** Every cell of a table column: [row, validation]. */
function column(book: FakeWorkbook, t: FakeTable, header: string) {
  const i = book.values(t.sheet, { top: t.top, left: t.left, bottom: t.top, right: t.left + t.cols - 1 })[0].indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return Array.from({ length: t.rows }, (_, r) => book.peek(t.sheet, t.top + r, t.left + i)?.validation);
}
const tableNamed = (book: FakeWorkbook, name: string) => book.tables.find((t) => t.name === name)!;
const allValues = (book: FakeWorkbook) => JSON.stringify(book.sheets.map((s) => [s.name, [...s.cells].map(([k, c]) => [k, c.value, c.formula ?? null, c.numberFormat])]));

describe('Thêm kiểm tra nhập liệu (addDataValidation)', () => {
  it('gives every typed column of the contract tables its rule, prompt and alert, on the data rows only, in three syncs', async () => {
    const book = exampleBook();
    const before = allValues(book);
    const r = await mockExcel(book).run((ctx) => addDataValidation(ctx));
    expect(book.syncs).toBe(3); // table list, Settings' language, the write
    expect(r.supported).toBe(true);
    expect(r.lang).toBe('vi');
    const plan = Object.fromEntries(validationPlan('vi').map((t) => [t.kind, t.columns.length]));
    expect(r.tables.map((t) => [t.table, t.columns])).toEqual(
      ['ThongTin', 'DuAn', 'LaoDong', 'SanXuatKinhDoanh', 'NganSach', 'NhiemVu', 'HoSo', 'KeHoach'].map((name) => [name, expect.any(Number)]),
    );
    for (const t of r.tables) expect([t.table, t.columns]).toEqual([t.table, plan[t.kind]]);

    const duan = tableNamed(book, 'DuAn');
    const source = column(book, duan, 'Nguồn vốn');
    expect(source[0]).toBeUndefined(); // the header
    for (const v of source.slice(1))
      expect(v).toEqual({
        ignoreBlanks: true,
        rule: { list: { inCellDropDown: true, source: 'FDI,DDI' } },
        prompt: { showPrompt: true, title: 'Nguồn vốn', message: 'Chọn FDI (vốn đầu tư nước ngoài) hoặc DDI (vốn đầu tư trong nước).' },
        errorAlert: { showAlert: true, style: 'Stop', title: 'Nguồn vốn không hợp lệ', message: 'Nguồn vốn chỉ nhận FDI hoặc DDI. Hãy chọn trong danh sách thả xuống.' },
      });
    expect(column(book, duan, 'Loại')[1]).toMatchObject({ rule: { list: { source: 'Cấp mới,Điều chỉnh,Chấm dứt' } }, errorAlert: { style: 'Warning' } });
    expect(column(book, duan, 'Ngày')[1]).toMatchObject({ rule: { date: { formula1: '1990-01-01', formula2: '2100-12-31', operator: 'Between' } }, errorAlert: { style: 'Warning' } });
    expect(column(book, duan, 'Vốn đầu tư')[1]).toMatchObject({ rule: { decimal: { formula1: -1e15, formula2: 1e15, operator: 'Between' } }, errorAlert: { style: 'Stop' } });
    expect(column(book, duan, 'Mã dự án').every((v) => v === undefined)).toBe(true);
    const labour = tableNamed(book, 'LaoDong');
    expect(column(book, labour, 'Số lao động').slice(1).every((v) => JSON.stringify(v?.rule) === JSON.stringify({ wholeNumber: { formula1: 0, formula2: 10_000_000, operator: 'Between' } }))).toBe(true);
    // text-only tables have nothing to validate; no cell value, formula or format changed
    expect(r.tables.find((t) => t.table === 'NoiDung')).toBeUndefined();
    expect(allValues(book)).toBe(before);
  });

  it('speaks the workbook’s language (NgonNgu) and can be applied again over its own rules', async () => {
    const book = exampleBook();
    const settings = tableNamed(book, 'ThongTin');
    const rows = book.values(settings.sheet, { top: settings.top, left: settings.left, bottom: settings.top + settings.rows - 1, right: settings.left });
    book.cell(settings.sheet, settings.top + rows.findIndex((r) => r[0] === 'NgonNgu'), settings.left + 1).value = 'en';
    const host = mockExcel(book);
    await host.run((ctx) => addDataValidation(ctx));
    const again = await host.run((ctx) => addDataValidation(ctx)); // the fake refuses a rule over a rule: the adapter clears first
    expect(again.lang).toBe('en');
    const duan = tableNamed(book, 'DuAn');
    expect(column(book, duan, 'Loại')[1]).toMatchObject({ rule: { list: { source: 'new,adjust,terminate' } }, prompt: { message: 'Pick new, adjust or terminate.' } });
  });

  it('finds columns by any accepted header in any order, and leaves other tables alone', async () => {
    const book = new FakeWorkbook();
    const p = book.putTable('Data', 'Projects', 'C5', ['Capital', 'note', 'Ngày', 'EVENT', 'nguon von'], [[1, 'x', 44970, 'new', 'FDI']]);
    const other = book.putTable('Data', 'Bảng1', 'K5', ['Số lao động'], [[3]]);
    const r = await mockExcel(book).run((ctx) => addDataValidation(ctx, { lang: 'vi' }));
    expect(book.syncs).toBe(2); // language given: no Settings read
    expect(r.tables).toEqual([{ table: 'Projects', kind: 'projects', columns: 4 }]);
    expect(Object.keys(column(book, p, 'Capital')[1]!.rule!)).toEqual(['decimal']);
    expect(column(book, p, 'note')[1]).toBeUndefined();
    expect(Object.keys(column(book, p, 'nguon von')[1]!.rule!)).toEqual(['list']);
    expect(column(book, other, 'Số lao động')[1]).toBeUndefined();
  });

  it('costs the same syncs for any number of tables, and skips a table without data rows', async () => {
    const book = exampleBook();
    for (let i = 0; i < 30; i++) book.putTable(`Thêm ${i}`, `Ngan${'_'.repeat(i + 1)}Sach`, 'A1', ['Đơn vị', 'Tháng', 'Số nộp'], [['A', 45078, 1]]);
    book.putTable('Trống', 'Nhiem_Vu', 'A1', ['Mã nhiệm vụ', 'Ngày giao'], []);
    const r = await mockExcel(book).run((ctx) => addDataValidation(ctx));
    expect(book.syncs).toBe(3);
    expect(r.tables.filter((t) => t.kind === 'budget')).toHaveLength(31);
    expect(r.empty).toEqual(['Nhiem_Vu']);
  });

  it('says so and changes nothing on Excel without ExcelApi 1.8', async () => {
    const book = exampleBook();
    book.refuse.dataValidation = true;
    const r = await withExcelApi('1.7', () => mockExcel(book).run((ctx) => addDataValidation(ctx)));
    expect(r).toEqual({ supported: false, lang: 'vi', tables: [], empty: [] });
    expect(book.syncs).toBe(0);
  });
});

describe('Tạo bảng mẫu adds the validation with the tables', () => {
  it('in the same two syncs, on every new table', async () => {
    const book = new FakeWorkbook();
    const r = await mockExcel(book).run((ctx) => insertSampleTables(ctx));
    expect(book.syncs).toBe(2);
    expect(r.validation).toBe(true);
    const plan = Object.fromEntries(validationPlan('vi').map((t) => [t.kind, t.columns.length]));
    expect(Object.fromEntries(r.created.filter((c) => c.validated).map((c) => [c.table, c.validated]))).toEqual({
      ThongTin: plan.settings,
      DuAn: plan.projects,
      LaoDong: plan.labour,
      SanXuatKinhDoanh: plan.revenue,
      NganSach: plan.budget,
      NhiemVu: plan.tasks,
      HoSo: plan.dossiers,
      KeHoach: plan.targets,
    });
    const revenue = tableNamed(book, 'SanXuatKinhDoanh');
    expect(column(book, revenue, 'Ước tính')[1]).toMatchObject({ rule: { list: { source: 'Có,Không' } }, errorAlert: { style: 'Warning' } });
    expect(column(book, revenue, 'Xuất khẩu')[1]).toMatchObject({ rule: { decimal: { formula1: 0 } }, errorAlert: { style: 'Stop', title: 'Cần số không âm' } });
  });

  it('in the workbook’s language when it already has Settings (one sync more)', async () => {
    const book = new FakeWorkbook();
    book.putTable('Cài đặt', 'Settings', 'A1', ['Key', 'Value'], [['language', 'en']]);
    const r = await mockExcel(book).run((ctx) => insertSampleTables(ctx));
    expect(book.syncs).toBe(3);
    expect(r.skipped).toEqual(['ThongTin']);
    expect(column(book, tableNamed(book, 'DuAn'), 'Loại')[1]).toMatchObject({ rule: { list: { source: 'new,adjust,terminate' } } });
  });

  it('without ExcelApi 1.8: the tables, no validation, and it says so', async () => {
    const book = new FakeWorkbook();
    book.refuse.dataValidation = true;
    const r = await withExcelApi('1.7', () => mockExcel(book).run((ctx) => insertSampleTables(ctx)));
    expect(r.validation).toBe(false);
    expect(r.created).toHaveLength(11);
    expect(r.created.every((c) => c.validated === undefined)).toBe(true);
  });
});
