/**
 * Native charts for the .xlsx the command line writes (exceljs writes none). The package exceljs
 * made is opened (fflate), and for each plan sheet that holds charts this adds, per ECMA-376:
 *
 * - `xl/charts/chartN.xml`: one c:chartSpace per chart (c:barChart, its series referring to the
 *   data block on the figures sheet, with the values cached so that viewers draw them without
 *   recalculating);
 * - `xl/drawings/drawingN.xml` (+ `_rels`): one xdr:twoCellAnchor per chart, over its planned row;
 * - the sheet's `_rels/sheetN.xml.rels` entry and its `<drawing r:id>` element, placed where
 *   CT_Worksheet wants it;
 * - `[Content_Types].xml` overrides for the new parts.
 *
 * The sheet part is found through workbook.xml and its relationships by the sheet's name.
 */
import { strFromU8, strToU8, unzipSync, zipSync, Zippable } from 'fflate';
import { CHART_GRID, CHART_INK } from '../core/report/charts';
import { PlannedChart, SheetPlan, WorkbookPlan, spanWidthPt } from '../core/report/sheet-plan';
import { deepXmlSafe, xmlSafe } from '../core/records/xml-text';

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  relChart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  relDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
};
export const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const DRAWING_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';

/** Reference point: light grey with a dashed black outline. */
export const REFERENCE_FILL = 'BFBFBF';
const FONT = 'Times New Roman';
const EMU_PER_PT = 12700;
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export class ChartPackageError extends Error {}

/** Text for XML content or an attribute: what XML cannot hold dropped (the shared gate), markup escaped. */
export function escapeXml(s: string): string {
  return xmlSafe(s).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);
}

function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

/** Attributes of one start tag, by qualified name (values unescaped). */
function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1]] = unescapeXml(m[3] ?? m[4]);
  return out;
}

/** A number as XML Schema xsd:double text (no exponent for ordinary values). */
const num = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15))));

/** Relative luminance of RRGGBB, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// ---------------------------------------------------------------------------------------------
// DrawingML text and shapes

const solid = (rgb: string) => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;
const line = (rgb: string, widthEmu = 9525, dash?: string) => `<a:ln w="${widthEmu}">${solid(rgb)}${dash ? `<a:prstDash val="${dash}"/>` : ''}</a:ln>`;
const noLine = '<a:ln><a:noFill/></a:ln>';

function runProps(tag: 'a:defRPr' | 'a:rPr', sizePt: number, opts: { bold?: boolean; italic?: boolean; color?: string } = {}): string {
  const b = opts.bold ? ' b="1"' : ' b="0"';
  const i = opts.italic ? ' i="1"' : '';
  const lang = tag === 'a:rPr' ? ' lang="vi-VN"' : '';
  return `<${tag}${lang} sz="${Math.round(sizePt * 100)}"${b}${i}>${solid(opts.color ?? CHART_INK)}<a:latin typeface="${FONT}"/><a:ea typeface="${FONT}"/><a:cs typeface="${FONT}"/></${tag}>`;
}

/** c:txPr: the default text of an element (axis labels, data labels, legend). */
function txPr(sizePt: number, opts: { bold?: boolean; color?: string; rot?: number } = {}): string {
  const rot = opts.rot ? ` rot="${opts.rot}" vert="horz"` : '';
  return `<c:txPr><a:bodyPr${rot}/><a:lstStyle/><a:p><a:pPr>${runProps('a:defRPr', sizePt, opts)}</a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;
}

/** c:title holding one run of text (the value axis title). */
function richTitle(text: string, sizePt: number, rot?: number): string {
  const body = rot ? `<a:bodyPr rot="${rot}" vert="horz"/>` : '<a:bodyPr/>';
  return (
    `<c:title><c:tx><c:rich>${body}<a:lstStyle/><a:p><a:pPr>${runProps('a:defRPr', sizePt, { italic: true })}</a:pPr>` +
    `<a:r>${runProps('a:rPr', sizePt, { italic: true })}<a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

// ---------------------------------------------------------------------------------------------
// The chart part

/** The cached category labels and series values, as the figures sheet's data block holds them. */
export function chartCache(p: PlannedChart): { categories: string[]; series: { name: string; values: (number | null)[] }[] } {
  const ref = p.referencePoint !== null ? p.chart.reference : null;
  return {
    categories: [...p.chart.categories, ...(ref ? [ref.label] : [])],
    series: p.chart.series.map((s) => ({ name: s.name, values: [...s.values, ...(ref ? [ref.value] : [])] })),
  };
}

/** The number format of the data labels and the value axis: the planned one, with "%" for percentages. */
function formats(p: PlannedChart): { labels: string; axis: string } {
  return p.chart.valueAxis.percent ? { labels: `${p.numFmt}"%"`, axis: '0"%"' } : { labels: p.numFmt, axis: p.numFmt };
}

const strCache = (values: string[]) =>
  `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join('')}</c:strCache>`;

const numCache = (values: (number | null)[], formatCode: string) =>
  `<c:numCache><c:formatCode>${escapeXml(formatCode)}</c:formatCode><c:ptCount val="${values.length}"/>` +
  values.map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${num(v)}</c:v></c:pt>`)).join('') +
  '</c:numCache>';

/** Bar fill; the lightest fills get a thin outline so that they stay visible when printed. */
const barShape = (fill: string) => `<c:spPr>${solid(fill)}${luminance(fill) > 0.8 ? line('7F7F7F', 6350) : noLine}</c:spPr>`;

export function chartXml(p: PlannedChart): string {
  const chart = p.chart;
  const stacked = chart.type === 'stacked';
  const horizontal = chart.type !== 'column';
  const cache = chartCache(p);
  const fmt = formats(p);
  const labelSize = chart.type === 'column' && cache.categories.length * chart.series.length > 8 ? 7 : 8;
  const series = chart.series.map((s, i) => {
    const planned = p.series[i];
    const values = cache.series[i].values;
    const dark = luminance(planned.fill) < 0.45;
    const labelColor = stacked && dark ? 'FFFFFF' : CHART_INK;
    const refPoint =
      p.referencePoint !== null
        ? `<c:dPt><c:idx val="${p.referencePoint}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${solid(REFERENCE_FILL)}${line(CHART_INK, 12700, 'dash')}</c:spPr></c:dPt>`
        : '';
    // Column labels turn upright when the bars are narrow (many categories × series).
    const rot = chart.type === 'column' && labelSize === 7 ? -5400000 : undefined;
    // Each label is core's text ("662,18 (bằng 106%)", "195.683"), not a number format that the
    // viewer's locale would print as "105.78%"; no label on a missing or zero part.
    const texts = [...s.labels, ...(p.referencePoint !== null && chart.reference ? [chart.reference.valueLabel] : [])];
    const points = values.map((v, idx) => {
      if (v === null || v === 0 || !texts[idx]) return `<c:dLbl><c:idx val="${idx}"/><c:delete val="1"/></c:dLbl>`;
      const body = rot ? `<a:bodyPr rot="${rot}" vert="horz" wrap="none"/>` : '<a:bodyPr wrap="none"/>';
      return (
        `<c:dLbl><c:idx val="${idx}"/><c:layout/><c:tx><c:rich>${body}<a:lstStyle/><a:p><a:pPr>${runProps('a:defRPr', labelSize, { color: labelColor })}</a:pPr>` +
        `<a:r>${runProps('a:rPr', labelSize, { color: labelColor })}<a:t>${escapeXml(texts[idx])}</a:t></a:r></a:p></c:rich></c:tx><c:spPr><a:noFill/>${noLine}</c:spPr>` +
        `<c:dLblPos val="${stacked ? 'ctr' : 'outEnd'}"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbl>`
      );
    });
    const labels =
      `<c:dLbls>${points.join('')}<c:numFmt formatCode="${escapeXml(fmt.labels)}" sourceLinked="0"/><c:spPr><a:noFill/>${noLine}</c:spPr>` +
      txPr(labelSize, { color: labelColor, rot }) +
      `<c:dLblPos val="${stacked ? 'ctr' : 'outEnd'}"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`;
    return (
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
      `<c:tx><c:strRef><c:f>${escapeXml(planned.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
      barShape(planned.fill) +
      '<c:invertIfNegative val="0"/>' +
      refPoint +
      labels +
      `<c:cat><c:strRef><c:f>${escapeXml(p.categories)}</c:f>${strCache(cache.categories)}</c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${escapeXml(planned.values)}</c:f>${numCache(values, p.numFmt)}</c:numRef></c:val>` +
      '</c:ser>'
    );
  });
  const axis = chart.valueAxis;
  const catAxId = 500001;
  const valAxId = 500002;
  // Horizontal bars list the categories top down (reversed axis), the value axis then sits at the
  // maximum category, which is the bottom.
  const catAx =
    `<c:catAx><c:axId val="${catAxId}"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="${stacked ? 1 : 0}"/>` +
    `<c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:spPr>${line(CHART_INK)}</c:spPr>${txPr(9)}<c:crossAx val="${valAxId}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${valAxId}"/><c:scaling><c:orientation val="minMax"/><c:max val="${num(axis.max)}"/><c:min val="${num(axis.min)}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines><c:spPr>${line(CHART_GRID)}</c:spPr></c:majorGridlines>` +
    (axis.title ? richTitle(axis.title, 9, horizontal ? undefined : -5400000) : '') +
    `<c:numFmt formatCode="${escapeXml(fmt.axis)}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:spPr>${noLine}</c:spPr>${txPr(9)}<c:crossAx val="${catAxId}"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/><c:majorUnit val="${num(axis.majorUnit)}"/></c:valAx>`;
  const legend = chart.series.length > 1 ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${txPr(9)}</c:legend>` : '';
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:date1904 val="0"/><c:lang val="vi-VN"/><c:roundedCorners val="0"/>` +
    '<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>' +
    `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="${stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>` +
    series.join('') +
    `<c:gapWidth val="${stacked ? 40 : 60}"/>${stacked ? '<c:overlap val="100"/>' : ''}<c:axId val="${catAxId}"/><c:axId val="${valAxId}"/></c:barChart>` +
    catAx +
    valAx +
    `<c:spPr><a:noFill/>${noLine}</c:spPr></c:plotArea>` +
    legend +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    `<c:spPr>${solid('FFFFFF')}${noLine}</c:spPr>${txPr(9)}` +
    '</c:chartSpace>'
  );
}

// ---------------------------------------------------------------------------------------------
// The drawing part

/** Where a chart sits, in cell anchors (0-based columns and rows, offsets in EMU). */
export function chartAnchor(p: PlannedChart, columns: number[]): { from: { col: number; colOff: number; row: number; rowOff: number }; to: { col: number; colOff: number; row: number; rowOff: number } } {
  const a = p.anchor;
  const spanPt = spanWidthPt(columns, a.col, a.toCol) + 4;
  const side = Math.max(0, (spanPt - a.widthPt) / 2);
  const lastColPt = spanWidthPt(columns, a.toCol, a.toCol) + 4;
  const emu = (pt: number) => Math.round(pt * EMU_PER_PT);
  return {
    from: { col: a.col - 1, colOff: emu(side), row: a.row - 1, rowOff: 0 },
    to: { col: a.toCol - 1, colOff: emu(Math.max(0, lastColPt - side)), row: a.row, rowOff: 0 },
  };
}

function drawingXml(charts: PlannedChart[], columns: number[], firstId: number): string {
  const marker = (tag: string, m: { col: number; colOff: number; row: number; rowOff: number }) =>
    `<xdr:${tag}><xdr:col>${m.col}</xdr:col><xdr:colOff>${m.colOff}</xdr:colOff><xdr:row>${m.row}</xdr:row><xdr:rowOff>${m.rowOff}</xdr:rowOff></xdr:${tag}>`;
  const anchors = charts.map((p, i) => {
    const at = chartAnchor(p, columns);
    const id = firstId + i;
    return (
      '<xdr:twoCellAnchor editAs="oneCell">' +
      marker('from', at.from) +
      marker('to', at.to) +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="${escapeXml(`Chart ${id}`)}" descr="${escapeXml(p.chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
      '<xdr:clientData/></xdr:twoCellAnchor>'
    );
  });
  return XML_HEAD + `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors.join('')}</xdr:wsDr>`;
}

const relsXml = (rels: { id: string; type: string; target: string }[]) =>
  XML_HEAD + `<Relationships xmlns="${NS.rels}">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join('')}</Relationships>`;

// ---------------------------------------------------------------------------------------------
// The package

/** Elements of CT_Worksheet that come after <drawing>: the drawing goes before the first present. */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/** Puts `<drawing r:id>` into the sheet XML at its place in CT_Worksheet's sequence. */
export function insertDrawingElement(sheetXml: string, rId: string): string {
  if (/<drawing[\s/>]/.test(sheetXml)) throw new ChartPackageError('the sheet already has a drawing');
  const root = /<worksheet\b[^>]*>/.exec(sheetXml);
  if (!root) throw new ChartPackageError('no <worksheet> element');
  const declared = attrs(root[0])['xmlns:r'] === NS.r;
  const element = `<drawing ${declared ? '' : `xmlns:r="${NS.r}" `}r:id="${rId}"/>`;
  let at = sheetXml.lastIndexOf('</worksheet>');
  if (at < 0) throw new ChartPackageError('no </worksheet>');
  for (const name of AFTER_DRAWING) {
    const m = new RegExp(`<${name}[\\s/>]`).exec(sheetXml);
    if (m && m.index < at) at = m.index;
  }
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

/** Resolves a relationship target against the folder of the part that owns the relationships. */
function resolvePart(ownerPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ownerPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

const relsPathOf = (part: string) => {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
};

/** A package's parts by name: bytes, or text not yet encoded (as the report writer makes them). */
export type PackageParts = Record<string, Uint8Array | string>;
const textOf = (p: Uint8Array | string) => (typeof p === 'string' ? p : strFromU8(p));

function readRels(files: PackageParts, part: string): { id: string; type: string; target: string; mode?: string }[] {
  const data = files[relsPathOf(part)];
  if (!data) return [];
  return [...textOf(data).matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
    const a = attrs(m[0]);
    return { id: a.Id, type: a.Type, target: a.Target, mode: a.TargetMode };
  });
}

/** The worksheet part of the sheet named `name` (workbook.xml → its relationships). */
export function sheetPartByName(files: PackageParts, name: string): string {
  const rootRels = readRels(files, '');
  const officeDoc = rootRels.find((r) => r.type.endsWith('/officeDocument'));
  const workbookPart = officeDoc ? resolvePart('', officeDoc.target) : 'xl/workbook.xml';
  const wb = files[workbookPart];
  if (!wb) throw new ChartPackageError(`no ${workbookPart}`);
  const sheet = [...textOf(wb).matchAll(/<sheet\b[^>]*>/g)].map((m) => attrs(m[0])).find((a) => a.name === name);
  if (!sheet) throw new ChartPackageError(`no sheet named ${name}`);
  const rId = sheet['r:id'] ?? Object.entries(sheet).find(([k]) => k.endsWith(':id'))?.[1];
  const rel = readRels(files, workbookPart).find((r) => r.id === rId);
  if (!rel) throw new ChartPackageError(`no relationship ${rId} for sheet ${name}`);
  return resolvePart(workbookPart, rel.target);
}

function nextFree(files: PackageParts, prefix: string, n = 1): number {
  while (files[`${prefix}${n}.xml`]) n++;
  return n;
}

/** Adds the plan's charts to the package `xlsx` and returns the new package. */
export function addChartsToXlsx(xlsx: Uint8Array, unsafePlan: WorkbookPlan): Uint8Array {
  if (!unsafePlan.sheets.some((s) => s.charts?.length)) return xlsx;
  const files = unzipSync(xlsx);
  for (const k of Object.keys(files)) if (k.endsWith('/')) delete files[k]; // folder entries
  const parts: PackageParts = files;
  addChartsToParts(parts, unsafePlan);
  // [Content_Types].xml first, as Office writes it; the rest in the order they came.
  const bytes = (p: Uint8Array | string) => (typeof p === 'string' ? strToU8(p) : p);
  const ordered: Zippable = { '[Content_Types].xml': bytes(parts['[Content_Types].xml']) };
  for (const [k, v] of Object.entries(parts)) if (k !== '[Content_Types].xml') ordered[k] = bytes(v);
  return zipSync(ordered, { level: 6 });
}

/** What the plan's charts add to a package. */
export interface ChartAdditions {
  /** The new parts, in the order they are added: each sheet's charts, drawing, the drawing's and the sheet's relationships. */
  parts: PackageParts;
  /** The `<drawing r:id>` each sheet part with charts holds: sheet part → relationship id. */
  drawings: Map<string, string>;
  /** Overrides for `[Content_Types].xml`, to go before its `</Types>`. */
  overrides: string;
}

/**
 * The parts that the plan's charts add to the package whose parts are `files` (read for the sheets'
 * parts, their relationships and the free part numbers; not changed), or null when the plan has no
 * chart. Only the sheets holding charts are made XML-safe here (the whole plan would cost as much
 * as the sheet).
 */
export function chartAdditions(files: PackageParts, unsafePlan: WorkbookPlan): ChartAdditions | null {
  const withCharts = unsafePlan.sheets
    .filter((s): s is SheetPlan & { charts: PlannedChart[] } => !!s.charts?.length)
    .map((s) => ({ name: xmlSafe(s.name), columns: s.columns, charts: deepXmlSafe(s.charts) }));
  if (!withCharts.length) return null;
  const parts: PackageParts = {};
  const seen: PackageParts = { ...files };
  const add = (name: string, part: Uint8Array) => (parts[name] = seen[name] = part);
  const drawings = new Map<string, string>();
  const overrides: { part: string; type: string }[] = [];
  let chartNo = nextFree(seen, 'xl/charts/chart');
  let frameId = 1;
  for (const sheet of withCharts) {
    const sheetPart = sheetPartByName(seen, sheet.name);
    const drawingNo = nextFree(seen, 'xl/drawings/drawing');
    const drawingPart = `xl/drawings/drawing${drawingNo}.xml`;
    const drawingRels: { id: string; type: string; target: string }[] = [];
    sheet.charts.forEach((c, i) => {
      const part = `xl/charts/chart${chartNo++}.xml`;
      add(part, strToU8(chartXml(c)));
      overrides.push({ part, type: CHART_CONTENT_TYPE });
      drawingRels.push({ id: `rId${i + 1}`, type: NS.relChart, target: `../charts/${part.split('/').pop()}` });
    });
    add(drawingPart, strToU8(drawingXml(sheet.charts, sheet.columns, frameId)));
    frameId += sheet.charts.length;
    add(relsPathOf(drawingPart), strToU8(relsXml(drawingRels)));
    overrides.push({ part: drawingPart, type: DRAWING_CONTENT_TYPE });

    const sheetRels = readRels(seen, sheetPart);
    const used = new Set(sheetRels.map((r) => r.id));
    let n = sheetRels.length + 1;
    while (used.has(`rId${n}`)) n++;
    const rId = `rId${n}`;
    const all: { id: string; type: string; target: string; mode?: string }[] = [...sheetRels, { id: rId, type: NS.relDrawing, target: `../drawings/drawing${drawingNo}.xml` }];
    add(
      relsPathOf(sheetPart),
      strToU8(
        XML_HEAD +
          `<Relationships xmlns="${NS.rels}">${all.map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${r.mode ? ` TargetMode="${escapeXml(r.mode)}"` : ''}/>`).join('')}</Relationships>`,
      ),
    );
    drawings.set(sheetPart, rId);
  }
  return { parts, drawings, overrides: overrides.map((o) => `<Override PartName="/${o.part}" ContentType="${o.type}"/>`).join('') };
}

/** `[Content_Types].xml` with the charts' overrides. */
export const withOverrides = (types: string, overrides: string) => types.replace('</Types>', `${overrides}</Types>`);

/** Adds the plan's charts to the parts of a package, in place. A part given as text stays text. */
export function addChartsToParts(files: PackageParts, unsafePlan: WorkbookPlan): void {
  const added = chartAdditions(files, unsafePlan);
  if (!added) return;
  Object.assign(files, added.parts);
  for (const [sheetPart, rId] of added.drawings) {
    const sheetXml = insertDrawingElement(textOf(files[sheetPart]), rId);
    files[sheetPart] = typeof files[sheetPart] === 'string' ? sheetXml : strToU8(sheetXml);
  }
  files['[Content_Types].xml'] = strToU8(withOverrides(textOf(files['[Content_Types].xml']), added.overrides));
}
