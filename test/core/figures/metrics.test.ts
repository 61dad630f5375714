import { inlineText } from '../../../src/core/report/sheet-plan';
import { table, settings, projects, run, metric, reason } from '../../helpers/tables';

const H1 = ['01/01/2023', '30/06/2023'] as [string, string];

describe('investment metrics', () => {
  const events = projects([
    ['F1', 'FDI', 'Cấp mới', '01/01/2023', 100], // first day counts
    ['F2', 'FDI', 'Cấp mới', '30/06/2023', 50.25], // last day counts
    ['F3', 'FDI', 'Cấp mới', '31/12/2022', 70], // day before: not new, but valid
    ['F4', 'FDI', 'Cấp mới', '01/07/2023', 999], // day after: ignored
    ['F3', 'FDI', 'Điều chỉnh', '15/03/2023', 10.1],
    ['F3', 'FDI', 'Điều chỉnh', '20/04/2023', -2.35], // same project twice, negative
    ['F5', 'FDI', 'Cấp mới', '10/02/2020', 40],
    ['F5', 'FDI', 'Điều chỉnh', '10/05/2023', 0.2],
    ['F6', 'FDI', 'Cấp mới', '10/02/2019', 300],
    ['F6', 'FDI', 'Chấm dứt', '01/06/2023', null], // terminated in period: not valid at end
    ['F7', 'FDI', 'Cấp mới', '05/05/2022', 20], // prior period
    ['F7', 'FDI', 'Điều chỉnh', '30/06/2022', 5],
    ['D1', 'DDI', 'Cấp mới', '02/02/2023', 1000],
    ['D2', 'DDI', 'Cấp mới', '02/02/2021', 500],
    ['D2', 'DDI', 'Chấm dứt', '05/07/2023', null], // terminated after period end: still valid
  ]);

  test('new, adjusted (distinct, net), total, cumulative (validity at period end)', () => {
    const r = run([settings(H1, { TyGia: 25000 }), events]);
    expect(metric(r, 'fdi_new_count')).toBe(2);
    expect(metric(r, 'fdi_new_capital')).toBe(150.25);
    expect(metric(r, 'fdi_adjusted_count')).toBe(2);
    expect(metric(r, 'fdi_adjusted_capital')).toBe(7.95); // 10.1 - 2.35 + 0.2, exactly
    expect(metric(r, 'fdi_total_capital')).toBe(158.2);
    // valid at 30/06/2023: F1, F2, F3, F5, F7 (F6 terminated, F4 later)
    expect(metric(r, 'fdi_cumulative_count')).toBe(5);
    expect(metric(r, 'fdi_cumulative_capital')).toBe(100 + 50.25 + 70 + 10.1 - 2.35 + 40 + 0.2 + 20 + 5);
    expect(metric(r, 'ddi_cumulative_count')).toBe(2);
    expect(metric(r, 'ddi_cumulative_capital')).toBe(1500);
    expect(metric(r, 'ddi_cumulative_capital_usd')).toBeCloseTo(1500 / 25000, 12);
  });

  test('prior computed from the data, then overridden by Targets', () => {
    const computed = run([settings(H1), events]);
    expect(metric(computed, 'fdi_total_capital_prior')).toBe(25);
    expect(metric(computed, 'fdi_vs_prior_pct')).toBeCloseTo((158.2 / 25) * 100, 10);
    const targets = table('KeHoach', ['Chỉ tiêu', 'Năm', 'Kế hoạch', 'Cùng kỳ'], [
      ['fdi_capital', 2023, 2000, 626],
      ['fdi_capital', 2022, 1, 1], // another year: ignored
    ]);
    const stated = run([settings(H1), events, targets]);
    expect(metric(stated, 'fdi_total_capital_prior')).toBe(626);
    expect(metric(stated, 'fdi_plan')).toBe(2000);
    expect(metric(stated, 'fdi_pct_plan')).toBeCloseTo(158.2 / 20, 12);
    expect(metric(stated, 'ddi_plan')).toBeNull();
    expect(reason(stated, 'ddi_plan')).toBe('chưa có kế hoạch thu hút vốn DDI năm 2023');
  });

  test('no exchange rate: USD figure is null with a reason', () => {
    const r = run([settings(H1), events]);
    expect(metric(r, 'ddi_cumulative_capital_usd')).toBeNull();
    expect(reason(r, 'ddi_cumulative_capital_usd')).toBe('chưa có tỷ giá quy đổi sang USD');
  });

  test('29 February: the prior period ends on 28 February', () => {
    const r = run([
      settings(['01/01/2024', '29/02/2024']),
      projects([
        ['A', 'FDI', 'Cấp mới', '29/02/2024', 10],
        ['B', 'FDI', 'Cấp mới', '28/02/2023', 4],
        ['C', 'FDI', 'Cấp mới', '01/03/2023', 99],
      ]),
    ]);
    expect(metric(r, 'fdi_new_count')).toBe(1);
    expect(metric(r, 'fdi_total_capital_prior')).toBe(4);
    expect(metric(r, 'fdi_vs_prior_pct')).toBe(250);
  });

  test('no history before the prior period end: prior is null, not 0', () => {
    const r = run([settings(H1), projects([['A', 'FDI', 'Cấp mới', '01/02/2023', 10]])]);
    expect(metric(r, 'fdi_total_capital_prior')).toBeNull();
    expect(reason(r, 'fdi_total_capital_prior')).toMatch(/cùng kỳ/);
    expect(metric(r, 'fdi_vs_prior_pct')).toBeNull();
  });
});

describe('missing inputs are null with a reason, never 0', () => {
  const r = run([settings(H1)]);
  test.each(['fdi_new_count', 'ddi_cumulative_capital', 'budget_total', 'labour_workers', 'labour_avg_income', 'revenue', 'tasks_total', 'fdi_plan', 'revenue_estimated'])('%s', (key) => {
    expect(metric(r, key)).toBeNull();
    expect(reason(r, key)).toBeTruthy();
  });
  test('no Settings: nothing can be computed, and it says why', () => {
    const none = run([projects([['A', 'FDI', 'Cấp mới', '01/02/2023', 10]])]);
    expect(metric(none, 'fdi_new_count')).toBeNull();
    expect(reason(none, 'fdi_new_count')).toMatch(/kỳ báo cáo/);
    expect(none.problems.some((p) => p.code === 'settingsMissing' && p.level === 'error')).toBe(true);
  });
});

describe('budget', () => {
  const budget = table('NganSach', ['Đơn vị', 'Tháng', 'Số nộp'], [
    ['Cơ quan', '01/2023', 600.4],
    ['Cơ quan', '06/2023', 610.5],
    ['Trung tâm', '03/2023', 157.1],
    ['Cơ quan', '07/2023', 1000], // after the period
    ['Cơ quan', '12/2022', 1000], // before
  ]);
  test('units sum to the total; each against its own plan; total plan from Targets', () => {
    const targets = table('KeHoach', ['Chỉ tiêu', 'Năm', 'Kế hoạch'], [
      ['budget', 2023, 2560],
      ['budget:Cơ quan', 2023, 2141],
      ['budget:Trung tâm', 2023, 419],
    ]);
    const r = run([settings(H1), budget, targets]);
    expect(metric(r, 'budget_total')).toBe(1368);
    expect(metric(r, 'budget_pct_plan')).toBeCloseTo(53.4375, 12);
    expect(metric(r, 'budget_units')).toEqual([
      { unit: 'Cơ quan', amount: 1210.9, plan: 2141, pct_plan: (1210.9 / 2141) * 100 },
      { unit: 'Trung tâm', amount: 157.1, plan: 419, pct_plan: (157.1 / 419) * 100 },
    ]);
  });
  test('without a total plan, the units plans add up when all are given', () => {
    const targets = table('KeHoach', ['Chỉ tiêu', 'Năm', 'Kế hoạch'], [
      ['budget:Cơ quan', 2023, 2141],
      ['budget:Trung tâm', 2023, 419],
    ]);
    expect(metric(run([settings(H1), budget, targets]), 'budget_plan')).toBe(2560);
    const partial = table('KeHoach', ['Chỉ tiêu', 'Năm', 'Kế hoạch'], [['budget:Cơ quan', 2023, 2141]]);
    expect(metric(run([settings(H1), budget, partial]), 'budget_plan')).toBeNull();
  });
});

describe('labour', () => {
  const labour = table('LaoDong', ['Doanh nghiệp', 'Tháng', 'Số lao động', 'Thu nhập bình quân'], [
    ['A', '06/2023', 1000, 10],
    ['B', '06/2023', 100, 20],
    ['C', '06/2023', 50, null],
    ['A', '05/2023', 5000, 99], // not the last month
    ['A', '06/2022', 1200, 9],
    ['B', '06/2022', 100, 19],
  ]);
  test('headcount at the last month, change against a year earlier, weighted income', () => {
    const r = run([settings(H1), labour]);
    expect(metric(r, 'labour_workers')).toBe(1150);
    expect(metric(r, 'labour_workers_prior')).toBe(1300);
    expect(metric(r, 'labour_change_pct')).toBeCloseTo(((1150 - 1300) / 1300) * 100, 12);
    // weighted: (1000*10 + 100*20) / 1100, not the plain mean 15
    expect(metric(r, 'labour_avg_income')).toBeCloseTo(12000 / 1100, 12);
  });
  test('Targets prior of labour_workers wins', () => {
    const targets = table('KeHoach', ['Chỉ tiêu', 'Năm', 'Cùng kỳ'], [['labour_workers', 2023, 204512]]);
    expect(metric(run([settings(H1), labour, targets]), 'labour_workers_prior')).toBe(204512);
  });
  test('no rows at the last month: null with the month named', () => {
    const r = run([settings(['01/01/2023', '31/07/2023']), labour]);
    expect(metric(r, 'labour_workers')).toBeNull();
    expect(reason(r, 'labour_workers')).toMatch(/07\/2023/);
  });
});

describe('revenue', () => {
  test('sums over the period months, estimated flag, plans', () => {
    const rev = table('SanXuatKinhDoanh', ['Doanh nghiệp', 'Tháng', 'Doanh thu', 'Xuất khẩu', 'Nhập khẩu', 'Nộp ngân sách', 'Ước tính'], [
      ['A', '01/2023', 0.1, 1, null, 3, null],
      ['B', '06/2023', 0.2, 2, null, 4, 'x'],
      ['A', '07/2023', 100, 100, 100, 100, 'x'],
    ]);
    const targets = table('KeHoach', ['Chỉ tiêu', 'Năm', 'Kế hoạch'], [['revenue', 2023, 3]]);
    const r = run([settings(H1), rev, targets]);
    expect(metric(r, 'revenue')).toBe(0.3);
    expect(metric(r, 'export')).toBe(3);
    expect(metric(r, 'import')).toBeNull();
    expect(metric(r, 'tax_paid')).toBe(7);
    expect(metric(r, 'revenue_estimated')).toBe(true);
    expect(metric(r, 'revenue_pct_plan')).toBeCloseTo(10, 12);
  });

  test('the same period last year: summed from the rows of that period, the stated Cùng kỳ winning, null with a reason without either', () => {
    const rev = table('SanXuatKinhDoanh', ['Doanh nghiệp', 'Tháng', 'Doanh thu', 'Xuất khẩu', 'Nhập khẩu', 'Nộp ngân sách'], [
      ['A', '01/2023', 0.3, 3, null, 10],
      ['A', '02/2022', 0.1, 1, null, 4],
      ['B', '06/2022', 0.2, null, null, 4],
      ['B', '07/2022', 50, 50, 50, 50],
    ]);
    const targets = table('KeHoach', ['Chỉ tiêu', 'Năm', 'Cùng kỳ'], [['tax_paid', 2023, 5]]);
    const r = run([settings(H1), rev, targets]);
    expect(metric(r, 'revenue_prior')).toBe(0.3); // 0.1 + 0.2 exactly
    expect(metric(r, 'revenue_vs_prior_pct')).toBe(100);
    expect(metric(r, 'export_prior')).toBe(1);
    expect(metric(r, 'export_vs_prior_pct')).toBe(300);
    expect(metric(r, 'import_prior')).toBeNull();
    expect(reason(r, 'import_prior')).toBe('không có số liệu cùng kỳ năm trước (01/2022–06/2022)');
    expect(metric(r, 'tax_paid_prior')).toBe(5); // stated, not the 8 of the rows
    expect(r.metrics.get('tax_paid_prior')!.source!.filter).toBe('tax_paid (Cùng kỳ), 2023');
    expect(metric(r, 'tax_paid_vs_prior_pct')).toBe(200);
    const text = r.model.blocks.flatMap((b) => (b.kind === 'paragraph' ? [inlineText(b.inlines)] : []));
    expect(text).toContain('- Doanh thu: Đạt 0,3 tỷ đồng, tương đương cùng kỳ năm trước¹.'); // exactly 100%: no change to name (issue 18)
    expect(text).toContain('- Xuất khẩu: Đạt 3 triệu USD, gấp 3 lần cùng kỳ năm trước².');
    // a prior computed from the rows says so; the stated one does not
    expect(r.model.footnotes.map((f) => f.text)).toContain('Doanh thu 6 tháng đầu năm 2022: 0,3 tỷ đồng (tổng hợp từ số liệu báo cáo của doanh nghiệp).');
    expect(r.model.footnotes.map((f) => f.text)).toContain('Nộp ngân sách của doanh nghiệp 6 tháng đầu năm 2022: 5 tỷ đồng.');
  });
});

describe('tasks at the as-of date', () => {
  const tasks = table('NhiemVu', ['Mã nhiệm vụ', 'Ngày giao', 'Hạn xử lý', 'Ngày hoàn thành'], [
    ['T1', '01/02/2023', '01/03/2023', '20/02/2023'], // done on time
    ['T2', '01/02/2023', '01/03/2023', '05/03/2023'], // done late
    ['T3', '01/02/2023', '01/06/2023', null], // overdue
    ['T4', '01/02/2023', '07/06/2023', null], // deadline on as-of: on time
    ['T5', '01/02/2023', null, null], // no deadline
    ['T6', '01/02/2023', '30/06/2023', '15/06/2023'], // completed after as-of: open at as-of
    ['T7', '08/06/2023', null, null], // assigned after as-of
    ['T8', '07/06/2023', null, '07/06/2023'], // assigned and done on as-of
  ]);
  test('total, done, open split, done late', () => {
    const r = run([settings(H1, { NgaySoLieu: '07/06/2023' }), tasks]);
    expect(metric(r, 'tasks_total')).toBe(7);
    expect(metric(r, 'tasks_done')).toBe(3);
    expect(metric(r, 'tasks_open')).toBe(4);
    expect(metric(r, 'tasks_overdue')).toBe(1);
    expect(metric(r, 'tasks_on_time')).toBe(2);
    expect(metric(r, 'tasks_no_deadline')).toBe(1);
    expect(metric(r, 'tasks_done_late')).toBe(1);
  });
  test('as-of defaults to the period end', () => {
    const r = run([settings(H1), tasks]);
    expect(metric(r, 'tasks_total')).toBe(8);
    expect(metric(r, 'tasks_done')).toBe(4);
  });
});

test('a prior of exactly 0: the sentence says so instead of dropping the comparison', () => {
  const rev = table('SanXuatKinhDoanh', ['Doanh nghiệp', 'Tháng', 'Doanh thu'], [['A', '01/2023', 5], ['A', '01/2022', 0]]);
  const r = run([settings(H1), rev]);
  expect(r.metrics.get('revenue_vs_prior_pct')!.value).toBeNull();
  const text = r.model.blocks.flatMap((b) => (b.kind === 'paragraph' && b.generated === 'revenue' ? [inlineText(b.inlines)] : []));
  expect(text).toEqual(['- Doanh thu: Đạt 5 tỷ đồng, cùng kỳ năm trước không có (0).']);
});
