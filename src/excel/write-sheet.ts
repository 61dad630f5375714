import { PAGE_NUMBER_HEADER, SheetPlan } from '../core/report/sheet-plan';
import { columnLetters } from '../core/records/snapshot';
import { AreaStyle, borderEdges, cellMatrices, columnWidthPoints, fillColor, rangeAddress, rowHeightRuns, styledAreas } from './plan-layout';

/**
 * Queues one plan sheet's content: values first (the Text format set before text values, so
 * "=1+1", "+84 …", "-", "@x" stay text), then widths, heights, styles and merges. Print setup is
 * a step of its own (printSetup).
 */
export function writeSheet(ws: Excel.Worksheet, plan: SheetPlan): void {
  if (plan.lastRow > 0 && plan.lastCol > 0) {
    const { values, formats } = cellMatrices(plan);
    const range = ws.getRange(rangeAddress(1, 1, plan.lastRow, plan.lastCol));
    range.numberFormat = formats;
    range.values = values;
  }
  plan.columns.forEach((units, i) => {
    const col = columnLetters(i + 1);
    ws.getRange(`${col}:${col}`).format.columnWidth = columnWidthPoints(units);
  });
  for (const run of rowHeightRuns(plan)) ws.getRange(`${run.first}:${run.last}`).format.rowHeight = run.height;
  for (const area of styledAreas(plan)) applyStyle(ws.getRange(rangeAddress(area.top, area.left, area.bottom, area.right)), area.style, area.bottom - area.top + 1, area.right - area.left + 1);
  for (const m of plan.merges) ws.getRange(rangeAddress(m.top, m.left, m.bottom, m.right)).merge(false);
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right', justify: 'Justify' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center' } as const;

function applyStyle(range: Excel.Range, style: AreaStyle, rows: number, cols: number): void {
  const f = range.format;
  f.font.name = style.font.name;
  f.font.size = style.font.size;
  f.font.bold = !!style.font.bold;
  f.font.italic = !!style.font.italic;
  f.font.underline = style.font.underline ? 'Single' : 'None';
  f.horizontalAlignment = H_ALIGN[style.horizontal];
  f.verticalAlignment = V_ALIGN[style.vertical];
  f.wrapText = style.wrap;
  if (style.fill) f.fill.color = fillColor(style.fill);
  for (const edge of borderEdges(style.border ?? [], rows, cols)) {
    const b = f.borders.getItem(edge);
    b.style = 'Continuous';
    b.weight = 'Thin';
  }
}

const POINTS_PER_INCH = 72;

/** The page fit as Excel is given it: see printSetup. */
export function pageZoom(print: SheetPlan['print']): Excel.PageLayoutZoomOptions {
  // Every field explicit: given only horizontalFitToPages, Excel may keep a height of one page and
  // print the whole report on it, ignoring the planned breaks (office-js#1860); a height of 0 is
  // "as many pages as needed", and scale null leaves fitting to the page counts.
  return { horizontalFitToPages: print.fitToWidth, verticalFitToPages: print.fitToHeight ?? 0, scale: null as unknown as number };
}

/**
 * Queues a sheet's print setup and manual page breaks (ExcelApi 1.9; the caller checks). On a
 * sheet being rewritten the old manual breaks go first.
 */
export function printSetup(ws: Excel.Worksheet, plan: SheetPlan, rewritten = false): void {
  const p = plan.print;
  const layout = ws.pageLayout;
  layout.paperSize = 'A4';
  layout.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.topMargin = p.margins.top * POINTS_PER_INCH;
  layout.bottomMargin = p.margins.bottom * POINTS_PER_INCH;
  layout.leftMargin = p.margins.left * POINTS_PER_INCH;
  layout.rightMargin = p.margins.right * POINTS_PER_INCH;
  layout.headerMargin = p.margins.header * POINTS_PER_INCH;
  layout.footerMargin = p.margins.footer * POINTS_PER_INCH;
  layout.centerHorizontally = p.horizontalCentered;
  layout.zoom = pageZoom(p);
  if (plan.printTitleRows) layout.setPrintTitleRows(`$${plan.printTitleRows[0]}:$${plan.printTitleRows[1]}`);
  if (plan.printArea) layout.setPrintArea(`A1:${columnLetters(plan.printArea.lastCol)}${plan.printArea.lastRow}`);
  const hf = layout.headersFooters;
  hf.state = p.pageNumbers === 'fromSecond' ? 'FirstAndDefault' : 'Default';
  hf.defaultForAllPages.centerHeader = PAGE_NUMBER_HEADER.slice(2);
  if (p.pageNumbers === 'fromSecond') hf.firstPage.centerHeader = '';
  if (rewritten) ws.horizontalPageBreaks.removePageBreaks();
  pageBreaks(ws, plan);
}

/** A break after row r sits above row r + 1 (PageBreakCollection.add breaks before the range's top-left cell). */
function pageBreaks(ws: Excel.Worksheet, plan: SheetPlan): void {
  for (const r of plan.breaksAfter ?? []) if (r >= 1) ws.horizontalPageBreaks.add(`A${r + 1}`);
}
