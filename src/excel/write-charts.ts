import { CHART_GRID, CHART_INK } from '../core/report/charts';
import { PlannedChart } from '../core/report/sheet-plan';
import { columnLetters } from '../core/records/snapshot';
import { supportsExcelApi } from './requirements';

/** Reference point (the share of the year elapsed): light grey, dashed black outline, as in the .xlsx. */
export const REFERENCE_FILL = '#BFBFBF';
const FONT = 'Times New Roman';

const CHART_TYPE = { bar: 'BarClustered', column: 'ColumnClustered', stacked: 'BarStacked' } as const;

/** An absolute reference `'Số liệu'!$A$64:$C$66` as its sheet name and its address without `$`. */
export function splitReference(ref: string): { sheet: string; address: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ref);
  if (!m) throw new Error(`not a sheet reference: ${ref}`);
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], address: m[3].replace(/\$/g, '') };
}

const firstRow = (address: string) => Number(/\d+/.exec(address)![0]);
const lastRow = (address: string) => Number(/(\d+)$/.exec(address)![1]);
const column = (address: string) => /^[A-Z]+/.exec(address)![0];

/**
 * The chart's whole data block: the header row (series names over an empty corner) down to the
 * last category, from the categories' column to the last series' column. With the series by
 * columns, Excel takes the first column as the categories and the first row as the names.
 */
export function sourceBlock(p: PlannedChart): { sheet: string; address: string } {
  const cats = splitReference(p.categories);
  const head = firstRow(splitReference(p.series[0].nameRef).address);
  const lastValues = splitReference(p.series[p.series.length - 1].values).address;
  return { sheet: cats.sheet, address: `${column(cats.address)}${head}:${column(lastValues)}${lastRow(cats.address)}` };
}

/** The cells the chart covers on the report sheet: its row, across the planned columns. */
export const chartCells = (p: PlannedChart): [string, string] => [`${columnLetters(p.anchor.col)}${p.anchor.row}`, `${columnLetters(p.anchor.toCol)}${p.anchor.row}`];

const hex = (rgb: string) => `#${rgb}`;
const luminance = (rgb: string) => {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/**
 * Queues the native charts of the report sheet `ws`, each drawn from its data block on the sheet
 * the plan names (`sheets` maps the plan's sheet names to the worksheets just written, whose
 * names may differ). No sync here: it rides on the write sync. Below ExcelApi 1.7/1.8 the charts
 * keep Excel's look for what those sets add (reversed categories, number formats, point borders).
 */
export function writeCharts(ws: Excel.Worksheet, charts: PlannedChart[], sheets: Map<string, Excel.Worksheet>): void {
  const api17 = supportsExcelApi('1.7');
  const api18 = supportsExcelApi('1.8');
  for (const p of charts) {
    const source = sourceBlock(p);
    const dataSheet = sheets.get(source.sheet);
    if (!dataSheet) throw new Error(`no sheet ${source.sheet} for the chart ${p.chart.title}`);
    const chart = ws.charts.add(CHART_TYPE[p.chart.type], dataSheet.getRange(source.address), 'Columns');
    const [start, end] = chartCells(p);
    chart.setPosition(start, end);
    chart.title.visible = false;
    chart.format.font.name = FONT;
    chart.format.font.size = 9;
    chart.format.font.color = hex(CHART_INK);
    const multi = p.series.length > 1;
    chart.legend.visible = multi;
    if (multi) chart.legend.position = 'Bottom';

    const axis = p.chart.valueAxis;
    const value = chart.axes.valueAxis;
    value.minimum = axis.min;
    value.maximum = axis.max;
    value.majorUnit = axis.majorUnit;
    value.majorGridlines.visible = true;
    value.majorGridlines.format.line.color = hex(CHART_GRID);
    if (axis.title) {
      value.title.text = axis.title;
      value.title.visible = true;
    }
    const horizontal = p.chart.type !== 'column';
    if (horizontal && api17) {
      // the categories top down, the value axis staying at the bottom (where the categories end)
      chart.axes.categoryAxis.reversePlotOrder = true;
      if (api18) chart.axes.categoryAxis.position = 'Maximum';
    }
    // ChartAxis.visible is ExcelApi 1.7, like reversePlotOrder above (typings' [Api set])
    if (p.chart.type === 'stacked' && api17) chart.axes.categoryAxis.visible = false;
    if (api18) value.numberFormat = p.chart.valueAxis.percent ? '0"%"' : p.numFmt;

    chart.dataLabels.showValue = true;
    chart.dataLabels.position = p.chart.type === 'stacked' ? 'Center' : 'OutsideEnd';
    if (api18) chart.dataLabels.numberFormat = p.chart.valueAxis.percent ? `${p.numFmt}"%"` : p.numFmt;

    const categories = splitReference(p.categories);
    const categoryRange = sheets.get(categories.sheet)?.getRange(categories.address) ?? null;
    p.series.forEach((s, i) => {
      const series = chart.series.getItemAt(i);
      // Excel guesses the series from the block (empty corner: first column categories, first row
      // names); from ExcelApi 1.7 each series is pinned to its own values and categories.
      series.name = s.name;
      if (api17) {
        const values = splitReference(s.values);
        const valueSheet = sheets.get(values.sheet);
        if (valueSheet) series.setValues(valueSheet.getRange(values.address));
        if (categoryRange) series.setXAxisValues(categoryRange);
      }
      series.format.fill.setSolidColor(hex(s.fill));
      if (luminance(s.fill) > 0.8) series.format.line.color = '#7F7F7F';
      if (p.chart.type === 'stacked' && luminance(s.fill) < 0.45 && api18) series.dataLabels.format.font.color = '#FFFFFF';
      if (api18) {
        // each label is core's text ("662,18 (bằng 106%)", "195.683"): Excel's number format would
        // follow the viewer's locale ("105.78%"); no label on a missing or zero value
        const values = [...p.chart.series[i].values, ...(p.referencePoint !== null ? [p.chart.reference?.value ?? null] : [])];
        const texts = [...p.chart.series[i].labels, ...(p.referencePoint !== null && p.chart.reference ? [p.chart.reference.valueLabel] : [])];
        values.forEach((v, k) => {
          const point = series.points.getItemAt(k);
          const text = v === null || v === 0 ? '' : texts[k] ?? '';
          point.hasDataLabel = !!text;
          if (text) point.dataLabel.text = text;
        });
      }
      if (p.referencePoint !== null) {
        const point = series.points.getItemAt(p.referencePoint);
        point.format.fill.setSolidColor(REFERENCE_FILL);
        if (api17) {
          point.format.border.color = hex(CHART_INK);
          point.format.border.lineStyle = 'Dash';
        }
      }
    });
  }
}
