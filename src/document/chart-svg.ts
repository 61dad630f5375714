import { CHART_GRID, CHART_INK, ChartModel } from '../core/report/charts';
import { formatNumber } from '../core/report/format';
import { Lang } from '../core/problems';
import { textWidthPt } from '../core/report/text-width';

/** Times New Roman where it is installed (Word); its metric twin Liberation Serif elsewhere. */
const FONT_FAMILY = "'Times New Roman', 'Liberation Serif', serif";
const LABEL = 9;
const TICK = 9;
const CATEGORY = 9.5;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const f = (n: number) => String(Math.round(n * 100) / 100);

/** Relative luminance of an RRGGBB fill: text on it is white below 0.45. */
function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const inkOn = (fill: string) => (luminance(fill) < 0.45 ? 'FFFFFF' : CHART_INK);

function text(x: number, y: number, s: string, o: { size?: number; anchor?: 'start' | 'middle' | 'end'; bold?: boolean; fill?: string; rotate?: boolean; italic?: boolean } = {}): string {
  const size = o.size ?? LABEL;
  const transform = o.rotate ? ` transform="rotate(-90 ${f(x)} ${f(y)})"` : '';
  return `<text x="${f(x)}" y="${f(y)}" font-size="${size}" text-anchor="${o.anchor ?? 'start'}"${o.bold ? ' font-weight="bold"' : ''}${o.italic ? ' font-style="italic"' : ''} fill="#${o.fill ?? CHART_INK}"${transform}>${esc(s)}</text>`;
}

const rect = (x: number, y: number, w: number, h: number, fill: string) =>
  `<rect x="${f(x)}" y="${f(y)}" width="${f(Math.max(0, w))}" height="${f(Math.max(0, h))}" fill="#${fill}"${luminance(fill) > 0.6 ? ` stroke="#${CHART_INK}" stroke-width="0.5"` : ''}/>`;
const line = (x1: number, y1: number, x2: number, y2: number, stroke: string, width = 0.75, dash = '') =>
  `<line x1="${f(x1)}" y1="${f(y1)}" x2="${f(x2)}" y2="${f(y2)}" stroke="#${stroke}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;

/** Splits a label into at most two lines that fit `width`. */
function wrap2(s: string, width: number, size: number): string[] {
  if (textWidthPt(s, size) <= width) return [s];
  const words = s.split(' ');
  for (let i = words.length - 1; i > 0; i--) {
    const a = words.slice(0, i).join(' ');
    if (textWidthPt(a, size) <= width) return [a, words.slice(i).join(' ')];
  }
  return [s];
}

function tickText(v: number, chart: ChartModel, lang: Lang): string {
  return `${formatNumber(v, lang, { max: 1 })}${chart.valueAxis.percent ? '%' : ''}`;
}

/** The legend under the plot: a swatch and a name per series, centred, in as many lines as needed. */
function legend(chart: ChartModel, width: number, top: number, withValues: boolean): { svg: string; height: number } {
  const items = chart.series.map((s) => ({ fill: s.fill, label: withValues && s.labels[0] ? `${s.name}: ${s.labels[0]}` : s.name }));
  const widths = items.map((i) => 12 + textWidthPt(i.label, LABEL) + 12);
  const rows: number[][] = [[]];
  let used = 0;
  widths.forEach((w, i) => {
    if (used + w > width && rows[rows.length - 1].length) {
      rows.push([]);
      used = 0;
    }
    rows[rows.length - 1].push(i);
    used += w;
  });
  let svg = '';
  rows.forEach((row, ri) => {
    const total = row.reduce((a, i) => a + widths[i], 0);
    let x = (width - total) / 2;
    const y = top + ri * 13;
    for (const i of row) {
      svg += rect(x, y, 8, 8, items[i].fill);
      svg += text(x + 11, y + 7.5, items[i].label);
      x += widths[i];
    }
  });
  return { svg, height: rows.length * 13 };
}

/**
 * The chart as SVG, `width` × `height` points, from the model alone: what Word shows (and what the
 * PNG fallback is rasterised from). No title: the caption under the figure carries it.
 */
export function chartSvg(chart: ChartModel, lang: Lang, width: number, height: number): string {
  const horizontal = chart.type !== 'column';
  const ax = chart.valueAxis;
  const showLegend = chart.series.length > 1;
  const leg = showLegend ? legend(chart, width, 0, chart.type === 'stacked') : { svg: '', height: 0 };
  const bottom = height - 4 - leg.height - (leg.height ? 6 : 0);
  const axisTitleY = bottom;
  const tickY = axisTitleY - 13;
  const catLines = chart.categories.map((c) => wrap2(c, horizontal ? width * 0.3 : (width - 40) / chart.categories.length - 4, CATEGORY));
  const catWidth = horizontal ? Math.max(...catLines.flat().map((l) => textWidthPt(l, CATEGORY))) + 8 : 0;
  const longestLabel = chart.type === 'bar' ? Math.max(...chart.series.flatMap((s) => s.labels.map((l) => textWidthPt(l, LABEL)))) : 0;
  const tickWidth = horizontal ? 0 : textWidthPt(tickText(ax.max, chart, lang), TICK) + 6;
  const x0 = horizontal ? catWidth + 4 : tickWidth;
  const x1 = width - (horizontal ? Math.min(longestLabel + 6, width * 0.35) : 6) - 4;
  // vertical charts: the axis title stands above the value axis, the category names under the plot
  const y0 = chart.reference || !horizontal ? 16 : 6;
  const y1 = horizontal ? tickY - 12 : bottom - Math.max(...catLines.map((l) => l.length)) * 11 - 4;
  const scale = (v: number) => ((Math.min(v, ax.max) - ax.min) / (ax.max - ax.min)) * (horizontal ? x1 - x0 : y1 - y0);
  let svg = '';

  // grid and value axis ticks
  for (let v = ax.min; v <= ax.max + 1e-9; v += ax.majorUnit) {
    if (horizontal) {
      const x = x0 + scale(v);
      svg += line(x, y0, x, y1, CHART_GRID, 0.5);
      svg += text(x, y1 + 11, tickText(v, chart, lang), { size: TICK, anchor: 'middle' });
    } else {
      const y = y1 - scale(v);
      svg += line(x0, y, x1, y, CHART_GRID, 0.5);
      svg += text(x0 - 3, y + 3, tickText(v, chart, lang), { size: TICK, anchor: 'end' });
    }
  }
  svg += text(horizontal ? (x0 + x1) / 2 : 2, horizontal ? axisTitleY : y0 - 8, ax.title, { size: TICK, anchor: horizontal ? 'middle' : 'start', italic: true });
  if (chart.reference) {
    // under the bars, so that a bar's end and its label stay readable where they cross it
    const x = x0 + scale(chart.reference.value);
    svg += line(x, y0 - 3, x, y1, CHART_INK, 1, '4 2');
    const w = textWidthPt(chart.reference.label, LABEL);
    const lx = Math.min(Math.max(x, x0 + w / 2), x1 - w / 2);
    svg += text(lx, y0 - 5, chart.reference.label, { anchor: 'middle', italic: true });
  }

  const n = chart.categories.length;
  const series = chart.series.length;
  if (horizontal) {
    const band = (y1 - y0) / n;
    chart.categories.forEach((_, ci) => {
      const top = y0 + ci * band;
      const lines = catLines[ci];
      lines.forEach((l, li) => (svg += text(x0 - 5, top + band / 2 + 3.5 + (li - (lines.length - 1) / 2) * 11, l, { size: CATEGORY, anchor: 'end' })));
      if (chart.type === 'stacked') {
        const h = band * 0.6;
        let x = x0;
        for (const s of chart.series) {
          const v = s.values[ci];
          if (v === null || v === 0) continue;
          const w = scale(v + ax.min);
          svg += rect(x, top + (band - h) / 2, w, h, s.fill);
          const label = s.labels[ci];
          if (label && textWidthPt(label, LABEL) + 4 <= w) svg += text(x + w / 2, top + band / 2 + 3, label, { anchor: 'middle', fill: inkOn(s.fill) });
          x += w;
        }
        return;
      }
      const group = band * 0.72;
      const h = group / series;
      chart.series.forEach((s, si) => {
        const v = s.values[ci];
        if (v === null) return;
        const y = top + (band - group) / 2 + si * h;
        const w = scale(v);
        svg += rect(x0, y + 0.5, w, h - 1, s.fill);
        // a white ground under the label keeps it readable where the reference line crosses it
        const lw = textWidthPt(s.labels[ci], LABEL);
        svg += `<rect x="${f(x0 + w + 2)}" y="${f(y + h / 2 - 4.5)}" width="${f(lw + 2)}" height="9.5" fill="#FFFFFF"/>`;
        svg += text(x0 + w + 3, y + h / 2 + 3, s.labels[ci]);
      });
    });
    svg += line(x0, y0, x0, y1, CHART_INK, 0.75);
  } else {
    const band = (x1 - x0) / n;
    chart.categories.forEach((_, ci) => {
      const left = x0 + ci * band;
      catLines[ci].forEach((l, li) => (svg += text(left + band / 2, y1 + 11 + li * 11, l, { size: CATEGORY, anchor: 'middle' })));
      const group = band * 0.75;
      const w = group / series;
      chart.series.forEach((s, si) => {
        const v = s.values[ci];
        if (v === null) return;
        const x = left + (band - group) / 2 + si * w;
        const h = scale(v);
        svg += rect(x + 0.5, y1 - h, w - 1, h, s.fill);
        const label = s.labels[ci];
        const inside = textWidthPt(label, LABEL) + 6 <= h;
        svg += text(x + w / 2 + 3, inside ? y1 - h + 4 + textWidthPt(label, LABEL) : y1 - h - 3, label, { rotate: true, fill: inside ? inkOn(s.fill) : CHART_INK, anchor: 'start' });
      });
    });
    svg += line(x0, y1, x1, y1, CHART_INK, 0.75);
  }
  if (showLegend) svg += `<g transform="translate(0 ${f(height - 4 - leg.height)})">${leg.svg}</g>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${f(width)}pt" height="${f(height)}pt" viewBox="0 0 ${f(width)} ${f(height)}" font-family="${FONT_FAMILY}">` +
    `<rect width="100%" height="100%" fill="#FFFFFF"/>${svg}</svg>`
  );
}
