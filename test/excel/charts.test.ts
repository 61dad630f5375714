import { columnLetters } from '../../src/core/records/snapshot';
// Issue 10, item 3: the add-in puts the report's charts on the report sheet as native Excel charts,
// drawn from the data blocks of the figures sheet, inside the write sync.
import { PlannedChart } from '../../src/core/report/sheet-plan';
import { generateReport } from '../../src/excel/generate';
import { chartCells, sourceBlock, splitReference } from '../../src/excel/write-charts';
import { parseRangeAddress } from './fake-excel';
import { exampleBook } from './example-book';
import { FakeChart, FakeWorkbook } from './fake-excel';
import { mockExcel } from './mock-host';
import { withExcelApi } from './office-requirements';

const TODAY = { today: '2023-06-26' };
const TYPE = { bar: 'BarClustered', column: 'ColumnClustered', stacked: 'BarStacked' };
/** "A5:A9" or "B5" as the fake writes a range: always "top-left:bottom-right". */
const rangeOf = (address: string) => (address.includes(':') ? address : `${address}:${address}`);
const sourceAddress = (c: FakeChart) => ({ sheet: c.source.sheet.name, top: c.source.top, left: c.source.left, bottom: c.source.bottom, right: c.source.right });

async function generate(book: FakeWorkbook) {
  const before = book.syncs;
  const g = await mockExcel(book).run((ctx) => generateReport(ctx, TODAY));
  return { ...g, syncs: book.syncs - before, planned: g.result.plan.sheets[0].charts! };
}

/** The chart on the sheet is the planned one: type, data block, cells, axis, fills, reference point. */
function expectChart(c: FakeChart, p: PlannedChart, figuresSheet: string): void {
  expect(c.type).toBe(TYPE[p.chart.type]);
  expect(c.seriesBy).toBe('Columns');
  const block = sourceBlock(p);
  expect(sourceAddress(c)).toEqual({ sheet: figuresSheet, ...parseRangeAddress(block.address) });
  // the block: the series names over an empty corner, then one row per category
  expect(c.source.right - c.source.left).toBe(p.series.length);
  expect(c.source.bottom - c.source.top).toBe(p.chart.categories.length + (p.referencePoint !== null ? 1 : 0));
  expect(c.position).toEqual(chartCells(p));
  expect(c.position).toEqual([`A${p.anchor.row}`, `${columnLetters(p.anchor.toCol)}${p.anchor.row}`]); // across the whole report sheet
  expect(c.props).toMatchObject({
    'title.visible': false,
    'format.font.name': 'Times New Roman',
    'legend.visible': p.series.length > 1,
    'axes.valueAxis.minimum': p.chart.valueAxis.min,
    'axes.valueAxis.maximum': p.chart.valueAxis.max,
    'axes.valueAxis.majorUnit': p.chart.valueAxis.majorUnit,
    'axes.valueAxis.title.text': p.chart.valueAxis.title,
    'axes.valueAxis.majorGridlines.format.line.color': '#BFBFBF',
    'dataLabels.showValue': true,
    'dataLabels.position': p.chart.type === 'stacked' ? 'Center' : 'OutsideEnd',
  });
  expect(String(c.props['dataLabels.numberFormat'])).toContain(p.numFmt);
  if (p.series.length > 1) expect(c.props['legend.position']).toBe('Bottom');
  if (p.chart.type !== 'column') expect([c.props['axes.categoryAxis.reversePlotOrder'], c.props['axes.categoryAxis.position']]).toEqual([true, 'Maximum']);
  p.series.forEach((s, i) => expect(c.props[`series.${i}.format.fill.solidColor`]).toBe(`#${s.fill}`));
  // each series pinned to its values and categories (ExcelApi 1.7), not left to Excel's guess from the block
  p.series.forEach((s, i) => {
    const values = splitReference(s.values);
    const cats = splitReference(p.categories);
    expect([c.props[`series.${i}.name`], c.props[`series.${i}.values`], c.props[`series.${i}.xAxisValues`]]).toEqual([
      s.name,
      `${figuresSheet}!${rangeOf(values.address)}`,
      `${figuresSheet}!${rangeOf(cats.address)}`,
    ]);
  });
  if (p.chart.type === 'stacked') expect(c.props['axes.categoryAxis.visible']).toBe(false);
  // each data label is core's text, whatever the viewer's locale; none on a missing or zero value
  p.series.forEach((_, i) => {
    const values = [...p.chart.series[i].values, ...(p.referencePoint !== null ? [p.chart.reference!.value] : [])];
    const texts = [...p.chart.series[i].labels, ...(p.referencePoint !== null ? [p.chart.reference!.valueLabel] : [])];
    values.forEach((v, k) => {
      const shown = v !== null && v !== 0 && !!texts[k];
      expect([c.props[`series.${i}.points.${k}.hasDataLabel`], c.props[`series.${i}.points.${k}.dataLabel.text`]]).toEqual([shown, shown ? texts[k] : undefined]);
    });
  });
  const refs = Object.keys(c.props).filter((k) => /\.points\.\d+\.format/.test(k));
  if (p.referencePoint === null) expect(refs).toEqual([]);
  else {
    p.series.forEach((_, i) => {
      const at = `series.${i}.points.${p.referencePoint}.format`;
      expect([c.props[`${at}.fill.solidColor`], c.props[`${at}.border.color`], c.props[`${at}.border.lineStyle`]]).toEqual(['#BFBFBF', '#000000', 'Dash']);
    });
  }
}

describe('native charts in Excel', () => {
  test('the example: 4 charts on the report sheet, from the figures sheet, in the last of the 5 syncs of a generation', async () => {
    const book = exampleBook();
    const { syncs, planned, sheets } = await generate(book);
    expect(syncs).toBe(5);
    expect(planned).toHaveLength(4);
    const report = book.sheet(sheets[0]);
    expect(report.charts).toHaveLength(4);
    report.charts.forEach((c, i) => expectChart(c, planned[i], sheets[1]));
    expect(report.charts.map((c) => c.type)).toEqual(['BarClustered', 'ColumnClustered', 'BarClustered', 'BarStacked']);
    // only the report sheet holds charts; they are added in a step of their own, after the figures sheet's values
    expect(book.sheets.filter((s) => s !== report).every((s) => s.charts.length === 0)).toBe(true);
    const figuresWritten = book.log.find((l) => l.kind === 'values' && l.sheet === sheets[1])!.sync;
    expect(book.log.filter((l) => l.kind === 'chart').map((l) => l.sync)).toEqual([5, 5, 5, 5]);
    expect(figuresWritten).toBeLessThan(5);
  });

  test('the data block of each chart holds the chart model: names, categories, values', async () => {
    const book = exampleBook();
    const { planned, sheets } = await generate(book);
    const figures = book.sheet(sheets[1]);
    for (const c of book.sheet(sheets[0]).charts) {
      const p = planned[book.sheet(sheets[0]).charts.indexOf(c)];
      const values = book.values(figures, c.source);
      const ref = p.referencePoint !== null ? p.chart.reference : null;
      expect(values[0]).toEqual(['', ...p.chart.series.map((s) => s.name)]);
      expect(values.slice(1).map((r) => r[0])).toEqual([...p.chart.categories, ...(ref ? [ref.label] : [])]);
      p.chart.series.forEach((s, i) => expect(values.slice(1).map((r) => r[i + 1])).toEqual([...s.values.map((v) => v ?? ''), ...(ref ? [ref.value] : [])]));
    }
  });

  test('re-generation replaces the charts with the sheet: still 4, none left behind', async () => {
    const book = exampleBook();
    const first = await generate(book);
    const second = await generate(book);
    expect(second.syncs).toBe(5);
    expect(second.sheets).toEqual(first.sheets);
    expect(book.sheets.flatMap((s) => s.charts)).toHaveLength(4);
    expect(book.sheet(second.sheets[0]).charts).toHaveLength(4);
    book.sheet(second.sheets[0]).charts.forEach((c) => expect(c.source.sheet).toBe(book.sheet(second.sheets[1])));
  });

  test('a staff sheet holding the figures name: the charts draw from "Số liệu (2)", the sheet BaoCao wrote', async () => {
    const book = exampleBook();
    const staff = book.addSheet('Số liệu');
    const { sheets, planned } = await generate(book);
    expect(sheets[1]).toBe('Số liệu (2)');
    expect(splitReference(planned[0].categories).sheet).toBe('Số liệu');
    const charts = book.sheet(sheets[0]).charts;
    expect(charts).toHaveLength(4);
    charts.forEach((c, i) => expectChart(c, planned[i], 'Số liệu (2)'));
    expect(staff.charts).toHaveLength(0);
  });

  test('a workbook without annual targets (no KeHoach table): 3 charts', async () => {
    const book = exampleBook();
    book.tables = book.tables.filter((t) => t.name !== 'KeHoach');
    // its cells go too: left as a plain sheet, they would be recognised as the targets (issue 9)
    book.sheet('KeHoach').cells.clear();
    const { planned, sheets, syncs } = await generate(book);
    expect(syncs).toBe(5);
    expect(planned.map((p) => p.chart.id)).toEqual(['prior', 'labour', 'tasks']);
    const charts = book.sheet(sheets[0]).charts;
    expect(charts).toHaveLength(3);
    charts.forEach((c, i) => expectChart(c, planned[i], sheets[1]));
  });

  test('an Excel below ExcelApi 1.7 gets the charts without the properties it lacks', async () => {
    const book = exampleBook();
    const g = await withExcelApi('1.6', () => mockExcel(book).run((ctx) => generateReport(ctx, TODAY)));
    const charts = book.sheet(g.sheets[0]).charts;
    expect(charts).toHaveLength(4);
    for (const c of charts) {
      expect(Object.keys(c.props).filter((k) => /reversePlotOrder|numberFormat|border|axes\.categoryAxis\.(position|visible)|\.values$|xAxisValues|hasDataLabel/.test(k))).toEqual([]);
      expect(c.props['axes.valueAxis.maximum']).toBeGreaterThan(0);
    }
  });

  test('splitReference reads quoted and plain sheet names', () => {
    expect(splitReference("'Số liệu'!$A$64:$A$66")).toEqual({ sheet: 'Số liệu', address: 'A64:A66' });
    expect(splitReference("'It''s'!$B$2")).toEqual({ sheet: "It's", address: 'B2' });
    expect(splitReference('Figures!$A$1:$C$3')).toEqual({ sheet: 'Figures', address: 'A1:C3' });
  });
});

describe('the fake chart is strict', () => {
  const chart = () => {
    const book = new FakeWorkbook();
    const ctx = book.context();
    const ws = ctx.workbook.worksheets.add('S');
    return { book, ctx, chart: ws.charts.add('BarClustered', ws.getRange('A1:C4'), 'Columns') };
  };
  test('unknown members, wrong values and points past the data throw', async () => {
    const { chart: c } = chart();
    expect(() => ((c as Record<string, unknown>).sparkle = 1)).toThrow(/PropertyNotFound/);
    expect(() => (c.axes as Record<string, Record<string, unknown>>).valueAxis.nope).toThrow(/PropertyNotFound/);
    expect(() => ((c.title as Record<string, unknown>).visible = 'no')).toThrow(/InvalidArgument/);
    const book = new FakeWorkbook();
    const ctx = book.context();
    const ws = ctx.workbook.worksheets.add('S');
    expect(() => ws.charts.add('Sparkline', ws.getRange('A1:B2'), 'Columns')).toThrow(/chart type/);
    const ok = ws.charts.add('ColumnClustered', ws.getRange('A1:C4'), 'Columns') as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    ok.series.getItemAt(1).points.getItemAt(2).format.fill.setSolidColor('#BFBFBF');
    await ctx.sync();
    expect(book.sheet('S').charts[0].props['series.1.points.2.format.fill.solidColor']).toBe('#BFBFBF');
    ok.series.getItemAt(2); // two series in A1:C4 by columns (B, C)
    await expect(ctx.sync()).rejects.toThrow(/ItemNotFound/);
  });
});
