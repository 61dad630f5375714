import { buildExampleTables } from '../../scripts/example/data';
import { buildReport } from '../../src/core/engine';
import { METRIC_KEYS } from '../../src/core/figures/catalog';
import { Metrics } from '../../src/core/figures/metrics';
import { TableSnapshot } from '../../src/core/records/snapshot';
import { FunctionError } from '../../src/functions/logic';
import { MetricFeed, MetricResult } from '../../src/functions/metric-feed';
import { metricCell } from '../../src/functions/metric-value';

function exampleMetrics(): Metrics {
  const snaps: TableSnapshot[] = buildExampleTables().map((t) => ({ name: t.name, sheet: t.sheet, headerRow: 1, firstColumn: 1, headers: t.headers, rows: t.rows }));
  return buildReport(snaps, { today: '2023-06-26' }).metrics;
}

describe('metricCell', () => {
  const metrics = exampleMetrics();
  it('returns every contract metric of the example workbook', () => {
    // the example has no revenue of the year before: those priors are missing, as in the seed report
    const held = METRIC_KEYS.filter((key) => metrics.get(key)!.value !== null);
    expect(METRIC_KEYS.length - held.length).toBe(8);
    for (const key of held) expect(['number', 'boolean', 'string']).toContain(typeof metricCell(metrics, key));
    expect(metricCell(metrics, 'fdi_new_count')).toBe(25);
    expect(metricCell(metrics, ' FDI_Total_Capital ')).toBeCloseTo(662.18, 10);
    expect(metricCell(metrics, 'tasks_done')).toBe(197);
    expect(metricCell(metrics, 'budget_units')).toMatch(/: 1\.210,9; .*: 157,1$/);
    expect(metricCell(metrics, 'fdi_avg_new_capital')).toBeCloseTo(281 / 25, 10);
  });
  it('gives #N/A for an unknown key or a missing figure, #VALUE! for a non-text key', () => {
    expect(() => metricCell(metrics, 'nope')).toThrow(expect.objectContaining({ code: 'notAvailable', message: 'Không có chỉ tiêu "nope".' }));
    const empty = buildReport([], { today: '2023-06-26' }).metrics;
    expect(() => metricCell(empty, 'fdi_new_count')).toThrow(expect.objectContaining({ code: 'notAvailable' }));
    expect(() => metricCell(metrics, 5)).toThrow(expect.objectContaining({ code: 'invalidValue' }));
  });
});

describe('MetricFeed', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('computes once for all cells, recomputes after table changes, and stops feeding cancelled cells', async () => {
    let loads = 0;
    let workers = 100;
    let onChange: () => void = () => undefined;
    const feed = new MetricFeed(
      async () => {
        loads++;
        return new Map([['labour_workers', { key: 'labour_workers', value: workers, reason: null, source: null }]]);
      },
      async (cb) => {
        onChange = cb;
      },
      50,
    );
    const a: MetricResult[] = [];
    const b: MetricResult[] = [];
    const stopA = feed.subscribe({ key: 'labour_workers', push: (v) => a.push(v) });
    feed.subscribe({ key: 'unknown_key', push: (v) => b.push(v) });
    await jest.runAllTimersAsync();
    expect(loads).toBe(1);
    expect(a).toEqual([100]);
    expect(b[0]).toBeInstanceOf(FunctionError);
    expect((b[0] as FunctionError).code).toBe('notAvailable');

    workers = 120;
    onChange();
    onChange(); // a burst of edits counts once
    await jest.runAllTimersAsync();
    expect(loads).toBe(2);
    expect(a).toEqual([100, 120]);

    stopA();
    expect(feed.size).toBe(1);
    onChange();
    await jest.runAllTimersAsync();
    expect(a).toEqual([100, 120]);
  });

  it('reports a failed read as #N/A and tries again next time', async () => {
    let fail = true;
    const feed = new MetricFeed(
      async () => {
        if (fail) throw new Error('busy');
        return new Map([['x', { key: 'x', value: 1, reason: null, source: null }]]);
      },
      async () => undefined,
      10,
    );
    const got: MetricResult[] = [];
    feed.subscribe({ key: 'x', push: (v) => got.push(v) });
    await jest.runAllTimersAsync();
    expect((got[0] as FunctionError).message).toMatch(/busy/);
    fail = false;
    feed.invalidate();
    await jest.runAllTimersAsync();
    expect(got[1]).toBe(1);
  });
});
