// Issue 10, item 2: the report sheet of the .xlsx the command line writes holds the report's charts
// as native DrawingML charts, drawn from the data blocks of the figures sheet, with cached values.
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildReport, ReportResult } from '../../src/core/engine';
import { PlannedChart } from '../../src/core/report/sheet-plan';
import { CHART_CONTENT_TYPE, DRAWING_CONTENT_TYPE, escapeXml, insertDrawingElement, sheetPartByName } from '../../src/node/xlsx-charts';
import { planToXlsx } from '../../src/node/xlsx-writer';
import { exampleReport, exampleSnapshots } from '../document/example-report';
import { missingTools, pageSizes, rasterPage, textLines, toPdf } from '../visual/pdf-tools';
import { XmlNode, childNames, find, findAll, parseXml } from './xml-tree';

type Files = Record<string, Uint8Array>;
const text = (files: Files, part: string) => strFromU8(files[part]);
const BAR_TYPE = { bar: ['bar', 'clustered'], column: ['col', 'clustered'], stacked: ['bar', 'stacked'] } as const;

async function written(result: ReportResult): Promise<{ bytes: Buffer; files: Files }> {
  const bytes = await planToXlsx(result.plan);
  return { bytes, files: unzipSync(new Uint8Array(bytes)) };
}

/** The chart parts of the report sheet, in drawing order, through the sheet's and drawing's relationships. */
function reportCharts(files: Files, sheetName: string): { sheetPart: string; drawing: XmlNode; charts: XmlNode[] } {
  const sheetPart = sheetPartByName(files, sheetName);
  const sheet = parseXml(text(files, sheetPart));
  const drawingEl = find(sheet, 'drawing')!;
  const rels = (part: string) => {
    const i = part.lastIndexOf('/');
    return findAll(parseXml(text(files, `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`)), 'Relationship');
  };
  const resolve = (from: string, target: string) => path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
  const drawingRel = rels(sheetPart).find((r) => r.attrs.Id === drawingEl.attrs['r:id'])!;
  expect(drawingRel.attrs.Type).toMatch(/\/relationships\/drawing$/);
  const drawingPart = resolve(sheetPart, drawingRel.attrs.Target);
  const drawing = parseXml(text(files, drawingPart));
  const chartRels = rels(drawingPart);
  const charts = findAll(drawing, 'c:chart').map((c) => {
    const rel = chartRels.find((r) => r.attrs.Id === c.attrs['r:id'])!;
    expect(rel.attrs.Type).toMatch(/\/relationships\/chart$/);
    return parseXml(text(files, resolve(drawingPart, rel.attrs.Target)));
  });
  return { sheetPart, drawing, charts };
}

const points = (cache: XmlNode) => findAll(cache, 'c:pt').map((p) => ({ idx: Number(p.attrs.idx), v: find(p, 'c:v')!.text }));

/** The chart part says what the plan says: type, references, cached names, categories and values. */
function expectChartMatchesPlan(chart: XmlNode, p: PlannedChart): void {
  const bar = find(chart, 'c:barChart')!;
  expect([find(bar, 'c:barDir')!.attrs.val, find(bar, 'c:grouping')!.attrs.val]).toEqual(BAR_TYPE[p.chart.type]);
  expect(find(bar, 'c:overlap')?.attrs.val).toBe(p.chart.type === 'stacked' ? '100' : undefined);
  expect(find(chart, 'c:autoTitleDeleted')!.attrs.val).toBe('1');
  expect(findAll(find(chart, 'c:chart')!, 'c:title')).toHaveLength(p.chart.valueAxis.title ? 1 : 0); // the axis title only
  expect(find(chart, 'c:legend') !== undefined).toBe(p.chart.series.length > 1);
  const refCats = p.referencePoint !== null ? [p.chart.reference!.label] : [];
  const refVals = p.referencePoint !== null ? [p.chart.reference!.value] : [];
  const series = findAll(bar, 'c:ser');
  expect(series).toHaveLength(p.series.length);
  series.forEach((ser, i) => {
    expect(find(find(ser, 'c:tx')!, 'c:f')!.text).toBe(p.series[i].nameRef);
    expect(points(find(find(ser, 'c:tx')!, 'c:strCache')!).map((x) => x.v)).toEqual([p.chart.series[i].name]);
    const cat = find(ser, 'c:cat')!;
    expect(find(cat, 'c:f')!.text).toBe(p.categories);
    expect(points(find(cat, 'c:strCache')!).map((x) => x.v)).toEqual([...p.chart.categories, ...refCats]);
    const val = find(ser, 'c:val')!;
    expect(find(val, 'c:f')!.text).toBe(p.series[i].values);
    const cache = find(val, 'c:numCache')!;
    const all = [...p.chart.series[i].values, ...refVals];
    expect(find(cache, 'c:ptCount')!.attrs.val).toBe(String(all.length));
    const got = points(cache);
    expect(got.map((x) => x.idx)).toEqual(all.flatMap((v, k) => (v === null ? [] : [k])));
    got.forEach((x) => expect(Number(x.v)).toBeCloseTo(all[x.idx]!, 9));
    expect(find(find(ser, 'c:spPr')!, 'a:srgbClr')!.attrs.val).toBe(p.series[i].fill);
    // the reference point stands apart; data labels show the values
    const dPt = findAll(ser, 'c:dPt');
    expect(dPt.map((d) => Number(find(d, 'c:idx')!.attrs.val))).toEqual(p.referencePoint === null ? [] : [p.referencePoint]);
    const labels = find(ser, 'c:dLbls')!;
    expect(find(labels, 'c:showVal')!.attrs.val).toBe('1');
    expect(labels.children.find((c) => c.name === 'c:numFmt')!.attrs.formatCode.startsWith(p.numFmt)).toBe(true);
    // each shown label is core's text (Vietnamese separators whatever the viewer's locale); none on a missing or zero value
    const texts = [...p.chart.series[i].labels, ...(p.referencePoint !== null ? [p.chart.reference!.valueLabel] : [])];
    const perPoint = findAll(labels, 'c:dLbl').map((d) => ({ idx: Number(find(d, 'c:idx')!.attrs.val), deleted: !!find(d, 'c:delete'), text: findAll(d, 'a:t').map((t) => t.text).join('') }));
    expect(perPoint.map((d) => d.idx)).toEqual(all.map((_, k) => k));
    perPoint.forEach((d) => expect(d.deleted ? null : d.text).toBe(all[d.idx] === null || all[d.idx] === 0 || !texts[d.idx] ? null : texts[d.idx]));
  });
  const scaling = find(find(chart, 'c:valAx')!, 'c:scaling')!;
  expect([Number(find(scaling, 'c:min')!.attrs.val), Number(find(scaling, 'c:max')!.attrs.val)]).toEqual([p.chart.valueAxis.min, p.chart.valueAxis.max]);
  expect(Number(find(chart, 'c:majorUnit')!.attrs.val)).toBe(p.chart.valueAxis.majorUnit);
  expect(find(find(chart, 'c:majorGridlines')!, 'a:srgbClr')!.attrs.val).toBe('BFBFBF');
  // Times New Roman for every run of text
  const faces = findAll(chart, 'a:latin').map((l) => l.attrs.typeface);
  expect(faces.length).toBeGreaterThan(0);
  expect(new Set(faces)).toEqual(new Set(['Times New Roman']));
}

describe('native charts in the written .xlsx', () => {
  const example = exampleReport();
  const planned = example.plan.sheets[0].charts!;
  let files: Files;
  let bytes: Buffer;
  beforeAll(async () => ({ files, bytes } = await written(example)));

  test('the example: 4 charts on the report sheet, each as planned (type, references, cached values equal to the chart model)', () => {
    expect(planned.map((c) => c.chart.type)).toEqual(['bar', 'column', 'bar', 'stacked']);
    const { charts, drawing } = reportCharts(files, example.plan.sheets[0].name);
    expect(charts).toHaveLength(4);
    charts.forEach((c, i) => expectChartMatchesPlan(c, planned[i]));
    // one anchor per chart over its planned row, across the planned columns
    const anchors = findAll(drawing, 'xdr:twoCellAnchor');
    expect(anchors).toHaveLength(4);
    anchors.forEach((a, i) => {
      const at = planned[i].anchor;
      const from = find(a, 'xdr:from')!;
      const to = find(a, 'xdr:to')!;
      const n = (m: XmlNode, k: string) => Number(find(m, k)!.text);
      expect([n(from, 'xdr:row'), n(from, 'xdr:col'), n(to, 'xdr:row'), n(to, 'xdr:col')]).toEqual([at.row - 1, at.col - 1, at.row, at.toCol - 1]);
      expect(n(from, 'xdr:rowOff')).toBe(0);
    });
  });

  test('the cached values are the numbers of the cells the references point at (figures sheet)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer); // exceljs reads the package back without complaint
    const cellsOf = (ref: string) => {
      const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(ref)!;
      const ws = wb.getWorksheet(m[1].replace(/''/g, "'"))!;
      const out: unknown[] = [];
      for (let r = Number(m[3]); r <= Number(m[5] ?? m[3]); r++) out.push(ws.getCell(`${m[2]}${r}`).value);
      return out;
    };
    for (const p of planned) {
      const ref = p.referencePoint !== null ? p.chart.reference : null;
      expect(cellsOf(p.categories)).toEqual([...p.chart.categories, ...(ref ? [ref.label] : [])]);
      p.series.forEach((s, i) => {
        expect(cellsOf(s.nameRef)).toEqual([p.chart.series[i].name]);
        expect(cellsOf(s.values)).toEqual([...p.chart.series[i].values, ...(ref ? [ref.value] : [])]);
      });
    }
  });

  test('every new part parses strictly and is declared: content types, relationships, <drawing> in its place', () => {
    const types = parseXml(text(files, '[Content_Types].xml'));
    const overrides = new Map(findAll(types, 'Override').map((o) => [o.attrs.PartName, o.attrs.ContentType]));
    const chartParts = Object.keys(files).filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k));
    const drawingParts = Object.keys(files).filter((k) => /^xl\/drawings\/drawing\d+\.xml$/.test(k));
    expect(chartParts).toHaveLength(4);
    expect(drawingParts).toHaveLength(1);
    for (const p of chartParts) expect(overrides.get(`/${p}`)).toBe(CHART_CONTENT_TYPE);
    for (const p of drawingParts) expect(overrides.get(`/${p}`)).toBe(DRAWING_CONTENT_TYPE);
    for (const k of Object.keys(files).filter((x) => x.endsWith('.xml') || x.endsWith('.rels'))) expect(() => parseXml(text(files, k))).not.toThrow();
    // CT_Worksheet: drawing after pageMargins, pageSetup, rowBreaks; nothing of the later group before it
    const { sheetPart } = reportCharts(files, example.plan.sheets[0].name);
    const names = childNames(parseXml(text(files, sheetPart)));
    expect(names.filter((n) => n === 'drawing')).toHaveLength(1);
    const at = names.indexOf('drawing');
    for (const before of ['sheetData', 'mergeCells', 'pageMargins', 'pageSetup', 'rowBreaks']) if (names.includes(before)) expect(names.indexOf(before)).toBeLessThan(at);
    // the other sheets have no drawing
    for (const s of example.plan.sheets.slice(1)) expect(text(files, sheetPartByName(files, s.name))).not.toContain('<drawing');
  });

  test('a workbook without annual targets (no KeHoach table) gives 3 charts, the plan chart left out', async () => {
    const r = buildReport(exampleSnapshots().filter((t) => t.name !== 'KeHoach'), { today: '2023-07-01' });
    const p = r.plan.sheets[0].charts!;
    expect(p.map((c) => c.chart.id)).toEqual(['prior', 'labour', 'tasks']);
    const w = await written(r);
    const { charts } = reportCharts(w.files, r.plan.sheets[0].name);
    expect(charts).toHaveLength(3);
    charts.forEach((c, i) => expectChartMatchesPlan(c, p[i]));
    expect(findAll(charts[0], 'c:dPt')).toHaveLength(0);
  });

  test('text is escaped, and hostile names travel as text', async () => {
    const r = exampleReport();
    const hostile = structuredClone(r.plan);
    const c = hostile.sheets[0].charts![0];
    c.chart.categories[0] = 'A & B <c> "d" \'e\'\u0001';
    c.chart.series[0].name = ']]></c:v><c:evil/>';
    const w = await written({ ...r, plan: hostile });
    const { charts } = reportCharts(w.files, hostile.sheets[0].name);
    const cats = points(find(find(charts[0], 'c:cat')!, 'c:strCache')!).map((x) => x.v);
    expect(cats[0]).toBe('A & B <c> "d" \'e\''); // the control character dropped by the XML gate
    expect(find(find(find(charts[0], 'c:ser')!, 'c:tx')!, 'c:v')!.text).toBe(']]></c:v><c:evil/>');
    expect(findAll(charts[0], 'c:evil')).toHaveLength(0);
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
  });

  test('a plan without charts is written as exceljs wrote it', async () => {
    const r = exampleReport();
    const plain = { ...r.plan, sheets: r.plan.sheets.map((s) => ({ ...s, charts: [] })) };
    const f = unzipSync(new Uint8Array(await planToXlsx(plain)));
    expect(Object.keys(f).some((k) => k.includes('chart') || k.includes('drawing'))).toBe(false);
  });

  test('<drawing> goes before the elements CT_Worksheet puts after it, else at the end', () => {
    const ws = '<worksheet xmlns="x" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/><pageSetup/>';
    expect(insertDrawingElement(`${ws}<legacyDrawing r:id="rId1"/><tableParts count="0"/></worksheet>`, 'rId2')).toBe(`${ws}<drawing r:id="rId2"/><legacyDrawing r:id="rId1"/><tableParts count="0"/></worksheet>`);
    expect(insertDrawingElement(`${ws}<rowBreaks/></worksheet>`, 'rId1')).toBe(`${ws}<rowBreaks/><drawing r:id="rId1"/></worksheet>`);
    expect(insertDrawingElement('<worksheet xmlns="x"><sheetData/></worksheet>', 'rId1')).toContain('<drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>');
  });
});

// LibreOffice draws them: needs soffice and poppler-utils (CI installs them; elsewhere skipped, as test/visual does).
const missing = missingTools();
if (missing.length && process.env.CI) {
  test('LibreOffice and poppler-utils are installed', () => {
    throw new Error(`missing ${missing.join(', ')}: install libreoffice-calc-nogui fonts-liberation2 poppler-utils`);
  });
} else if (missing.length) {
  // eslint-disable-next-line no-console
  console.warn(`chart render check skipped: ${missing.join(', ')} not installed`);
}

(missing.length ? describe.skip : describe)('the charts rendered by LibreOffice', () => {
  let dir: string;
  let pdf: string;
  const report = exampleReport();
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-charts-'));
    const xlsx = path.join(dir, 'charts.xlsx');
    fs.writeFileSync(xlsx, await planToXlsx(report.plan));
    [pdf] = toPdf([xlsx], dir);
  }, 300_000);
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('each chart is drawn in its box above its caption: bars, grid and labels, not a blank row', () => {
    const planned = report.plan.sheets[0].charts!;
    const captions = report.model.blocks.flatMap((b) => (b.kind === 'figure' ? [b.caption] : []));
    expect(captions).toHaveLength(planned.length);
    const pages = pageSizes(pdf).length;
    const found: string[] = [];
    // the report sheet's pages are portrait (the figures sheet's, which repeat the captions over the data blocks, landscape)
    const portrait = pageSizes(pdf).map((s) => s.width < s.height);
    for (let page = 1; page <= pages; page++) {
      if (!portrait[page - 1]) continue;
      const lines = textLines(pdf, page);
      const here = captions.map((c, i) => ({ i, line: lines.find((l) => l.text === c) })).filter((x) => x.line);
      if (!here.length) continue;
      const raster = rasterPage(pdf, page, dir, 1);
      for (const { i, line } of here) {
        const p = planned[i];
        // the chart's row, just above its caption (allowing for the print scale)
        const box = { xMin: 60, xMax: raster.width - 30, yMin: Math.max(0, line!.yMin - p.anchor.heightPt * 0.9), yMax: line!.yMin - 2 };
        let ink = 0;
        let dark = 0;
        let all = 0;
        for (let y = Math.floor(box.yMin); y < box.yMax; y++) {
          for (let x = Math.floor(box.xMin); x < box.xMax; x++) {
            const v = raster.px[y * raster.width + x];
            all++;
            if (v < 245) ink++;
            if (v < 110) dark++;
          }
        }
        // bars of the darkest fills and the grid make a chart; an empty row is white
        expect(ink / all).toBeGreaterThan(0.04);
        expect(dark / all).toBeGreaterThan(0.01);
        // its text is in the box: the categories, or the legend of the stacked parts
        const inBox = lines.filter((l) => l.yMin >= line!.yMin - p.anchor.heightPt - 6 && l.yMax <= line!.yMin).map((l) => l.text).join('\n');
        expect(inBox).toContain(p.chart.type === 'stacked' ? p.chart.series[0].name : p.chart.categories[0]);
        found.push(p.chart.id);
      }
    }
    expect(found.sort()).toEqual(planned.map((c) => c.chart.id).sort());
  });
});
