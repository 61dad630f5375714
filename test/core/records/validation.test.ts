import { parseDate, parseYesNo } from '../../../src/core/records/parse';
import { TABLES, TableKind, SETTINGS } from '../../../src/core/records/schema';
import { DATE_RANGE, LIMITS, listSource, validationPlan, ColumnValidation } from '../../../src/core/records/validation';
import { CellValue } from '../../../src/core/records/snapshot';
import { projects, run, settings, table } from '../../helpers/tables';

const H1 = ['01/01/2023', '30/06/2023'] as [string, string];
const ruleOf = (lang: 'vi' | 'en', kind: TableKind, key: string) => validationPlan(lang).find((t) => t.kind === kind)!.columns.find((c) => c.key === key)!;
const everyColumn = (lang: 'vi' | 'en') => validationPlan(lang).flatMap((t) => t.columns.map((c) => ({ kind: t.kind, ...c })));

describe('validation plan', () => {
  it('gives a rule to exactly the typed columns, none to free text', () => {
    const shape = Object.fromEntries(validationPlan('vi').map((t) => [t.kind, t.columns.map((c) => `${c.header}:${c.rule.type}:${c.style}`)]));
    expect(shape).toEqual({
      settings: ['Khóa:list:warning'],
      projects: ['Nguồn vốn:list:stop', 'Loại:list:warning', 'Ngày:date:warning', 'Vốn đầu tư:decimal:stop'],
      labour: ['Tháng:date:warning', 'Số lao động:whole:stop', 'Thu nhập bình quân:decimal:stop'],
      revenue: ['Tháng:date:warning', 'Doanh thu:decimal:stop', 'Xuất khẩu:decimal:stop', 'Nhập khẩu:decimal:stop', 'Nộp ngân sách:decimal:stop', 'Ước tính:list:warning'],
      budget: ['Tháng:date:warning', 'Số nộp:decimal:stop'],
      tasks: ['Ngày giao:date:warning', 'Hạn xử lý:date:warning', 'Ngày hoàn thành:date:warning'],
      dossiers: ['Loại hồ sơ:list:warning', 'Hình thức nộp:list:warning', 'Ngày tiếp nhận:date:warning', 'Ngày hẹn trả:date:warning', 'Ngày trả kết quả:date:warning', 'Phí, lệ phí:decimal:stop', 'Không dùng tiền mặt:list:warning'],
      targets: ['Chỉ tiêu:list:warning', 'Năm:whole:stop', 'Kế hoạch:decimal:stop', 'Cùng kỳ:decimal:stop'],
    });
    // headers are the ones BaoCao writes
    for (const c of everyColumn('vi')) expect(TABLES.find((t) => t.kind === c.kind)!.columns.find((x) => x.key === c.key)!.vi[0]).toBe(c.header);
  });

  it('takes bounds and whole numbers from the schema the reader uses', () => {
    expect(ruleOf('vi', 'labour', 'workers').rule).toEqual({ type: 'whole', min: 0, max: 10_000_000 });
    expect(ruleOf('vi', 'labour', 'avgIncome').rule).toEqual({ type: 'decimal', min: 0, max: 10_000 });
    expect(ruleOf('vi', 'revenue', 'export').rule).toEqual({ type: 'decimal', min: 0, max: 1e15 });
    // an adjustment may lower the capital: negative allowed
    expect(ruleOf('vi', 'projects', 'capital').rule).toEqual({ type: 'decimal', min: -1e15, max: 1e15 });
    expect(ruleOf('vi', 'targets', 'year').rule).toEqual({ type: 'whole', min: 1900, max: 9999 });
    expect(ruleOf('vi', 'projects', 'source').rule).toEqual({ type: 'list', items: ['FDI', 'DDI'] });
    expect(ruleOf('vi', 'tasks', 'deadline').rule).toEqual({ type: 'date', min: '1990-01-01', max: '2100-12-31' });
  });

  it.each(['vi', 'en'] as const)('keeps within Excel’s limits, in NFC (%s)', (lang) => {
    for (const c of everyColumn(lang)) {
      const where = `${c.kind}.${c.key}`;
      expect([where, c.prompt.title.length <= LIMITS.title]).toEqual([where, true]);
      expect([where, c.error.title.length <= LIMITS.title]).toEqual([where, true]);
      expect([where, c.prompt.message.length <= LIMITS.prompt]).toEqual([where, true]);
      expect([where, c.error.message.length <= LIMITS.error]).toEqual([where, true]);
      for (const s of [c.prompt.title, c.prompt.message, c.error.title, c.error.message]) {
        expect(s).toBe(s.normalize('NFC'));
        expect(s.trim()).not.toBe('');
      }
      if (c.rule.type === 'list') {
        expect(listSource(c.rule.items).length).toBeLessThanOrEqual(LIMITS.list);
        for (const item of c.rule.items) expect(item).not.toMatch(/[,"]/);
      }
    }
  });

  it('speaks the workbook’s language', () => {
    expect(ruleOf('vi', 'labour', 'workers').prompt.message).toBe('Nhập số nguyên không âm, từ 0 đến 10.000.000.');
    expect(ruleOf('en', 'labour', 'workers').prompt.message).toBe('Enter a whole number, not negative, from 0 to 10,000,000.');
    expect(ruleOf('vi', 'projects', 'source').error).toEqual({ title: 'Nguồn vốn không hợp lệ', message: 'Nguồn vốn chỉ nhận FDI hoặc DDI. Hãy chọn trong danh sách thả xuống.' });
    expect(ruleOf('vi', 'projects', 'event').rule).toEqual({ type: 'list', items: ['Cấp mới', 'Điều chỉnh', 'Chấm dứt'] });
    expect(ruleOf('en', 'projects', 'event').rule).toEqual({ type: 'list', items: ['new', 'adjust', 'terminate'] });
    expect(ruleOf('vi', 'targets', 'year').prompt.message).toBe('Nhập số nguyên không âm, từ 1900 đến 9999.');
    expect(ruleOf('vi', 'budget', 'amount').prompt.message).toBe('Nhập số (triệu đồng).');
    expect(ruleOf('en', 'tasks', 'completed').error.title).toBe('Check the date');
  });
});

describe('the rules agree with the reader', () => {
  const projectRow = (source: CellValue, event: CellValue, capital: CellValue = 10): CellValue[] => ['P1', source, event, '15/02/2023', capital];
  const errorsAt = (snaps: ReturnType<typeof table>[], cellPrefix: string) => run([settings(H1), ...snaps]).problems.filter((p) => p.level === 'error' && p.cell?.startsWith(cellPrefix));

  it.each(['vi', 'en'] as const)('every list item is a value the reader accepts (%s)', (lang) => {
    for (const source of (ruleOf(lang, 'projects', 'source').rule as { items: string[] }).items) {
      for (const event of (ruleOf(lang, 'projects', 'event').rule as { items: string[] }).items) {
        expect([source, event, errorsAt([projects([projectRow(source, event)])], 'DuAn!')]).toEqual([source, event, []]);
        // Excel compares list items without regard to case: so does the reader
        expect(errorsAt([projects([projectRow(source.toLowerCase(), event.toUpperCase())])], 'DuAn!')).toEqual([]);
      }
    }
    for (const yn of (ruleOf(lang, 'revenue', 'estimated').rule as { items: string[] }).items) expect(parseYesNo(yn).ok).toBe(true);
    // the dossier kinds and channels of the lists are read as the contract's, without a problem
    const kinds = (ruleOf(lang, 'dossiers', 'kind').rule as { items: string[] }).items;
    const channels = (ruleOf(lang, 'dossiers', 'channel').rule as { items: string[] }).items;
    const dossiers = table('HoSo', ['Mã hồ sơ', 'Loại hồ sơ', 'Hình thức nộp', 'Ngày tiếp nhận'], kinds.flatMap((k, i) => channels.map((c, j) => [`H${i}${j}`, k, c, '15/02/2023'] as CellValue[])));
    expect(errorsAt([dossiers], 'HoSo!')).toEqual([]);
    const keys = (ruleOf(lang, 'settings', 'key').rule as { items: string[] }).items;
    expect(keys).toHaveLength(SETTINGS.length);
    const r = run([table('ThongTin', ['Khóa', 'Giá trị'], [['TuNgay', H1[0]], ['DenNgay', H1[1]], ...keys.filter((k) => !/^(TuNgay|DenNgay|periodStart|periodEnd)$/.test(k)).map((k) => [k, null])])]);
    expect(r.problems.filter((p) => p.code === 'settingUnknown')).toEqual([]);
  });

  it('what a stop rule refuses, the reader refuses too; its bounds it accepts', () => {
    const stops = everyColumn('vi').filter((c): c is ColumnValidation & { kind: TableKind } => c.style === 'stop');
    expect(stops.length).toBeGreaterThan(8);
    const cases: Record<string, { table: (v: CellValue) => ReturnType<typeof table>; cell: string }> = {
      'projects.capital': { table: (v) => projects([['P1', 'FDI', 'Điều chỉnh', '15/02/2023', v]]), cell: 'DuAn!E2' },
      'projects.source': { table: (v) => projects([['P1', v, 'Cấp mới', '15/02/2023', 1]]), cell: 'DuAn!B2' },
      'labour.workers': { table: (v) => table('LaoDong', ['Doanh nghiệp', 'Tháng', 'Số lao động'], [['A', '06/2023', v]]), cell: 'LaoDong!C2' },
      'labour.avgIncome': { table: (v) => table('LaoDong', ['Doanh nghiệp', 'Tháng', 'Số lao động', 'Thu nhập bình quân'], [['A', '06/2023', 5, v]]), cell: 'LaoDong!D2' },
      'revenue.revenue': { table: (v) => table('SanXuatKinhDoanh', ['Doanh nghiệp', 'Tháng', 'Doanh thu'], [['A', '06/2023', v]]), cell: 'SanXuatKinhDoanh!C2' },
      'revenue.export': { table: (v) => table('SanXuatKinhDoanh', ['Doanh nghiệp', 'Tháng', 'Xuất khẩu'], [['A', '06/2023', v]]), cell: 'SanXuatKinhDoanh!C2' },
      'revenue.import': { table: (v) => table('SanXuatKinhDoanh', ['Doanh nghiệp', 'Tháng', 'Nhập khẩu'], [['A', '06/2023', v]]), cell: 'SanXuatKinhDoanh!C2' },
      'revenue.taxPaid': { table: (v) => table('SanXuatKinhDoanh', ['Doanh nghiệp', 'Tháng', 'Nộp ngân sách'], [['A', '06/2023', v]]), cell: 'SanXuatKinhDoanh!C2' },
      'budget.amount': { table: (v) => table('NganSach', ['Đơn vị', 'Tháng', 'Số nộp'], [['A', '06/2023', v]]), cell: 'NganSach!C2' },
      'targets.year': { table: (v) => table('KeHoach', ['Chỉ tiêu', 'Năm', 'Kế hoạch'], [['budget', v, 1]]), cell: 'KeHoach!B2' },
      'targets.plan': { table: (v) => table('KeHoach', ['Chỉ tiêu', 'Năm', 'Kế hoạch'], [['budget', 2023, v]]), cell: 'KeHoach!C2' },
      'targets.prior': { table: (v) => table('KeHoach', ['Chỉ tiêu', 'Năm', 'Cùng kỳ'], [['budget', 2023, v]]), cell: 'KeHoach!C2' },
      'dossiers.fee': { table: (v) => table('HoSo', ['Mã hồ sơ', 'Ngày tiếp nhận', 'Phí, lệ phí'], [['H1', '15/02/2023', v]]), cell: 'HoSo!C2' },
    };
    for (const c of stops) {
      const where = `${c.kind}.${c.key}`;
      const k = cases[where];
      expect([where, !!k]).toEqual([where, true]);
      // an error (row left out) or a warning that the cell is ignored: either way the value is not used
      const flagged = (v: CellValue) => run([settings(H1), k.table(v)]).problems.some((p) => p.cell === k.cell && p.level !== 'info');
      if (c.rule.type === 'list') {
        for (const item of c.rule.items) expect([where, item, flagged(item)]).toEqual([where, item, false]);
        expect([where, flagged('XYZ')]).toEqual([where, true]);
        continue;
      }
      if (c.rule.type !== 'decimal' && c.rule.type !== 'whole') throw new Error(where);
      const { min, max } = c.rule;
      expect([where, flagged(min), flagged(max)]).toEqual([where, false, false]);
      // just outside each bound (money bounds are ±1e15: outside by one is still a float apart)
      expect([where, flagged(min - Math.max(1, Math.abs(min) * 1e-9)), flagged(max + Math.max(1, max * 1e-9))]).toEqual([where, true, true]);
      if (c.rule.type === 'whole') expect([where, flagged(min + 0.5)]).toEqual([where, true]);
      expect([where, flagged('abc')]).toEqual([where, true]);
    }
  });

  it('the date range lies inside what the reader reads', () => {
    for (const d of [DATE_RANGE.min, DATE_RANGE.max]) expect(parseDate(d)).toEqual({ ok: true, value: d });
  });
});
