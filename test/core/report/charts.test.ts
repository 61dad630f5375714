import { buildCharts, elapsedShare, niceAxis, monthlyWorkers } from '../../../src/core/report/charts';
import { exampleSnapshots } from '../../document/example-report';
import { buildReport } from '../../../src/core/engine';
import { TableSnapshot } from '../../../src/core/records/snapshot';

const report = (snaps: TableSnapshot[], lang: 'vi' | 'en' = 'vi') => buildReport(snaps, { today: '2023-07-01', lang });
const figures = (r: ReturnType<typeof report>) => r.model.blocks.flatMap((b) => (b.kind === 'figure' ? [b] : []));
const metric = (r: ReturnType<typeof report>, k: string) => r.metrics.get(k)!.value as number;

describe('the example', () => {
  const r = report(exampleSnapshots());
  const figs = figures(r);

  test('four charts, numbered in the order they stand, each after the paragraphs that discuss it', () => {
    expect(figs.map((f) => f.caption)).toEqual([
      'Biểu đồ 1. So với cùng kỳ năm trước',
      'Biểu đồ 2. Lao động theo tháng',
      'Biểu đồ 3. Mức độ hoàn thành kế hoạch năm',
      'Biểu đồ 4. Tình hình thực hiện nhiệm vụ',
    ]);
    for (const f of figs) {
      // the block before it, past a table placed after the same paragraphs
      const before = r.model.blocks.slice(0, r.model.blocks.indexOf(f)).filter((b) => b.kind !== 'table').at(-1)!;
      expect(before.kind).toBe('paragraph');
      expect(f.chart.after).toContain(before.kind === 'paragraph' ? before.generated : null);
    }
    expect(r.problems.filter((p) => p.code === 'chartOmitted')).toEqual([]);
  });

  test('plan attainment: the % of plan of each figure, exactly, and the share of the half-year elapsed', () => {
    const plan = figs.find((f) => f.chart.id === 'plan')!.chart;
    expect(plan.series[0].values).toEqual(['fdi', 'ddi', 'revenue', 'export', 'import', 'tax_paid', 'budget'].map((k) => metric(r, `${k}_pct_plan`)));
    // as the text writes them: 33,11% (its sentence asks two decimals), 38,8% (one), never 38,85%
    expect(plan.series[0].labels).toEqual(['33,11%', '145,8%', '48,3%', '38,8%', '34,0%', '32,6%', '53,4%']);
    expect(plan.reference).toEqual({ value: 50, label: 'Thời gian đã qua: 50%', valueLabel: '50%' });
    expect(plan.valueAxis.max).toBeGreaterThanOrEqual(145.78);
  });

  test('same period: each pair on one scale with last year = 100, labelled as the text says it', () => {
    const prior = figs.find((f) => f.chart.id === 'prior')!.chart;
    expect(prior.categories).toEqual(['FDI (triệu USD)', 'DDI (tỷ đồng)', 'Lao động (người)']);
    expect(prior.series[0].values).toEqual([100, 100, 100]);
    expect(prior.series[1].values).toEqual([(662.18 / 626) * 100, (14578 / 6493.39) * 100, (195683 / 204512) * 100]);
    expect(prior.series[1].labels).toEqual(['662,18 (bằng 106%)', '14.578 (gấp 2,25 lần)', '195.683 (giảm 4,3%)']);
    expect(prior.series[0].labels).toEqual(['626', '6.493,39', '204.512']);
  });

  test('labour by month: sums of the LaoDong rows, the last month equal to the headcount figure', () => {
    const labour = figs.find((f) => f.chart.id === 'labour')!.chart;
    expect(labour.categories).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6']);
    expect(labour.series.map((s) => s.name)).toEqual(['Năm 2022', 'Năm 2023']);
    expect(labour.series[1].values[5]).toBe(metric(r, 'labour_workers'));
    expect(labour.series[0].values[5]).toBe(204512);
    const monthly = monthlyWorkers(r.data, r.period!);
    const jan = r.data.labour!.filter((x) => x.month === '2023-01').reduce((a, x) => a + x.workers, 0);
    expect(monthly.current[0]).toBe(jan);
  });

  test('tasks: the parts add up to every task assigned', () => {
    const tasks = figs.find((f) => f.chart.id === 'tasks')!.chart;
    const values = tasks.series.map((s) => s.values[0]!);
    expect(values).toEqual([194, 3, 12, 1, 14]);
    expect(values.reduce((a, b) => a + b, 0)).toBe(metric(r, 'tasks_total'));
  });

  test('English titles and number style', () => {
    const en = figures(report(exampleSnapshots(), 'en'));
    expect(en.map((f) => f.caption)[2]).toBe('Figure 3. Progress against the annual plan');
    expect(en.find((f) => f.chart.id === 'prior')!.chart.series[1].labels[1]).toBe('14,578 (2.25 times)');
  });
});

describe('chart labels say what the text says', () => {
  const text = (r: ReturnType<typeof report>) => r.model.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('')] : [])).join('\n');
  /** The example with last year's workers scaled (a rise where the example falls). */
  const scaledLabour = (k: number) =>
    exampleSnapshots().map((s) => {
      if (s.name !== 'LaoDong') return s;
      const month = s.headers.indexOf('Tháng');
      const workers = s.headers.indexOf('Số lao động');
      return { ...s, rows: s.rows.map((r) => (String(r[month]).includes('2022') ? r.map((v, i) => (i === workers ? Math.round(Number(v) * k) : v)) : r)) };
    });

  test.each([['vi'], ['en']] as const)('every comparison label of the example stands in the text (%s)', (lang) => {
    const r = report(exampleSnapshots(), lang);
    const prior = figures(r).find((f) => f.chart.id === 'prior')!.chart;
    const body = text(r);
    for (const l of prior.series[1].labels) expect(body).toContain(/\((.*)\)$/.exec(l)![1].replace(/ of last year$/, ' of the same period last year'));
  });

  test('a rise in workers is labelled "tăng …%" as the text says it, never "bằng 1xx%"', () => {
    const r = report(scaledLabour(0.9));
    const change = metric(r, 'labour_change_pct');
    expect(change).toBeGreaterThan(0);
    const label = figures(r).find((f) => f.chart.id === 'prior')!.chart.series[1].labels.at(-1)!;
    expect(label).toMatch(/\(tăng \d+,\d%\)$/);
    expect(text(r)).toContain(/\((.*)\)$/.exec(label)![1]);
  });
});

describe('missing inputs leave a chart out, with the reason on the checks sheet', () => {
  test('no Targets table: no plan chart and no stated priors, the other charts stay', () => {
    const r = report(exampleSnapshots().filter((s) => s.name !== 'KeHoach'));
    const ids = figures(r).map((f) => f.chart.id);
    expect(ids).not.toContain('plan');
    expect(ids).toEqual(expect.arrayContaining(['labour', 'tasks']));
    const omitted = r.problems.filter((p) => p.code === 'chartOmitted');
    expect(omitted).toHaveLength(1);
    expect(omitted[0]).toMatchObject({ level: 'info', cell: null });
    expect(omitted[0].message).toBe('Không vẽ biểu đồ "Mức độ hoàn thành kế hoạch năm": chưa có kế hoạch năm nào (bảng KeHoach).');
  });

  test('no Labour and no Tasks table: those two charts are left out', () => {
    const r = report(exampleSnapshots().filter((s) => s.name !== 'LaoDong' && s.name !== 'NhiemVu'));
    expect(figures(r).map((f) => f.chart.id).sort()).toEqual(['plan', 'prior']);
    expect(r.problems.filter((p) => p.code === 'chartOmitted').map((p) => p.message)).toEqual([
      'Không vẽ biểu đồ "Lao động theo tháng": không có số lao động trong kỳ (bảng LaoDong).',
      'Không vẽ biểu đồ "Tình hình thực hiện nhiệm vụ": không có nhiệm vụ nào (bảng NhiemVu).',
    ]);
  });

  test('no period: no chart at all', () => {
    const r = report(exampleSnapshots().filter((s) => s.name !== 'ThongTin'));
    expect(figures(r)).toEqual([]);
    expect(buildCharts(r.data, null, r.metrics, 'vi').charts).toEqual([]);
  });
});

describe('scales', () => {
  test.each([
    [145.78, 100, 150, 50],
    [33, 100, 100, 20],
    [224, 0, 250, 50],
    [204512, 0, 250000, 50000],
    [7, 0, 7, 2],
  ])('niceAxis(%p, floor %p) → max %p by %p', (max, floor, top, step) => {
    const a = niceAxis(max, floor);
    expect(a.max).toBeGreaterThanOrEqual(max);
    expect(a.majorUnit).toBe(step);
    if (top !== 7) expect(a.max).toBe(top);
  });

  test('share of the year elapsed', () => {
    const p = (start: string, end: string) => ({ start, end, priorStart: start, priorEnd: end, year: 2023, asOf: end });
    expect(elapsedShare(p('2023-01-01', '2023-06-30'))).toBe(50);
    expect(elapsedShare(p('2023-01-01', '2023-09-30'))).toBe(75);
    expect(elapsedShare(p('2023-01-01', '2023-12-31'))).toBe(100);
    expect(elapsedShare(p('2024-01-01', '2024-06-15'))).toBeCloseTo((167 / 366) * 100, 10);
  });
});
