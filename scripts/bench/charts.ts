// What the charts cost on the small example, in this process: the chart model, the native chart
// parts added to the .xlsx, and the Word figures (SVG and the PNG fallback).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildCharts } from '../../src/core/report/charts';
import { buildReport } from '../../src/core/engine';
import { renderFigures } from '../../src/document/figures';
import { readWorkbookFile } from '../../src/node/input-file';
import { nodeRasterizer } from '../../src/node/chart-raster';
import { addChartsToXlsx } from '../../src/node/xlsx-charts';
import { planToXlsx } from '../../src/node/xlsx-writer';

export interface ChartsBench {
  model: number;
  xlsx: number;
  figuresCold: number;
  figuresWarm: number;
  svgOnly: number;
}

async function median(times: number, f: () => unknown): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await f();
    runs.push(performance.now() - t);
  }
  return runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)];
}

export async function benchCharts(root: string): Promise<ChartsBench> {
  const snaps = await readWorkbookFile(path.join(root, 'examples/hai-phong-2023-h1.xlsx'), 'vi');
  const r = buildReport(snaps, { today: '2023-07-01' });
  const model = await median(21, () => buildCharts(r.data, r.period, r.metrics, 'vi'));
  // the package exceljs wrote without the chart parts, then the parts added
  const plain = await planToXlsx({ ...r.plan, sheets: r.plan.sheets.map((s) => ({ ...s, charts: [] })) });
  const xlsx = await median(11, () => addChartsToXlsx(plain, r.plan));
  const rasterize = nodeRasterizer();
  let t = performance.now();
  await renderFigures(r.model, rasterize);
  const figuresCold = performance.now() - t;
  const figuresWarm = await median(5, () => renderFigures(r.model, rasterize));
  t = performance.now();
  const { chartSvg } = await import('../../src/document/chart-svg');
  for (const b of r.model.blocks) if (b.kind === 'figure') chartSvg(b.chart, 'vi', 425, 215);
  const svgOnly = performance.now() - t;
  return { model, xlsx, figuresCold, figuresWarm, svgOnly };
}
