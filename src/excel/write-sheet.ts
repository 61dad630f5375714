import { PAGE_NUMBER_HEADER, SheetPlan } from '../core/sheet-plan';
import { columnLetters } from '../core/snapshot';
import { AreaStyle, borderEdges, cellMatrices, columnWidthPoints, fillColor, rangeAddress, rowHeightRuns, styledAreas } from './plan-layout';
import { supportsExcelApi } from './requirements';

/**
 * Queues one plan sheet's writes: values first (the Text format set before text values, so
 * "=1+1", "+84 …", "-", "@x" stay text), then widths, heights, styles, merges, and — where
 * ExcelApi 1.9 is there — print setup and manual page breaks.
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
  if (supportsExcelApi('1.9')) {
    printSetup(ws, plan);
    pageBreaks(ws, plan);
  }
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

function printSetup(ws: Excel.Worksheet, plan: SheetPlan): void {
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
  // a height of 0 (as many pages as needed) is Excel's default when only the width is given
  layout.zoom = p.fitToHeight ? { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight } : { horizontalFitToPages: p.fitToWidth };
  if (plan.printTitleRows) layout.setPrintTitleRows(`$${plan.printTitleRows[0]}:$${plan.printTitleRows[1]}`);
  if (supportsExcelApi('1.9')) {
    if (plan.printArea) layout.setPrintArea(`A1:${columnLetters(plan.printArea.lastCol)}${plan.printArea.lastRow}`);
    const hf = layout.headersFooters;
    hf.state = p.pageNumbers === 'fromSecond' ? 'FirstAndDefault' : 'Default';
    hf.defaultForAllPages.centerHeader = PAGE_NUMBER_HEADER.slice(2);
    if (p.pageNumbers === 'fromSecond') hf.firstPage.centerHeader = '';
  }
}

/** A break after row r sits above row r + 1 (PageBreakCollection.add breaks before the range's top-left cell). */
function pageBreaks(ws: Excel.Worksheet, plan: SheetPlan): void {
  for (const r of plan.breaksAfter ?? []) if (r >= 1) ws.horizontalPageBreaks.add(`A${r + 1}`);
}
