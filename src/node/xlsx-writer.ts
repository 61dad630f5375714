import type ExcelJS from 'exceljs';
import { writeFileAtomic } from './output-files';
import { CellStyle, Merge, PAGE_NUMBER_HEADER, SheetPlan, WorkbookPlan } from '../core/report/sheet-plan';
import { deepXmlSafe } from '../core/records/xml-text';
import { columnLetters } from '../core/records/snapshot';
import { writePackage } from './xlsx-package-writer';

function borderOf(style: CellStyle): Partial<ExcelJS.Borders> | undefined {
  if (!style.border?.length) return undefined;
  const b: Partial<ExcelJS.Borders> = {};
  for (const side of style.border) b[side] = { style: 'thin', color: { argb: 'FF000000' } };
  return b;
}

/** exceljs's index of a sheet's merges, by master address (internal, stable since exceljs 1.x). */
interface MergeIndex {
  _merges?: Record<string, unknown>;
}

/**
 * The plan's merges, each checked against the others once. exceljs's mergeCells scans every earlier
 * merge of the sheet for an overlap, so tens of thousands of annex rows cost seconds per thousand
 * rows, growing with the square of the rows; here the overlap check is one pass over the merged
 * cells, and exceljs merges each range against an empty index, then the range joins the sheet's.
 */
export function mergeAll(ws: ExcelJS.Worksheet, merges: readonly Merge[]): void {
  const taken = new Set<number>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        const key = r * 16384 + c;
        if (taken.has(key)) throw new Error(`Cannot merge already merged cells: ${columnLetters(c)}${r}`);
        taken.add(key);
      }
    }
  }
  const sheet = ws as unknown as MergeIndex;
  const all = sheet._merges;
  if (!all || typeof all !== 'object') {
    for (const m of merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    return;
  }
  try {
    for (const m of merges) {
      const one: Record<string, unknown> = {};
      sheet._merges = one;
      ws.mergeCells(m.top, m.left, m.bottom, m.right);
      for (const k in one) all[k] = one[k];
    }
  } finally {
    sheet._merges = all;
  }
}

/** Applies one sheet of the plan to an exceljs worksheet. Layout is the plan's; nothing is decided here. */
export function applySheetPlan(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  plan.columns.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const [r, h] of Object.entries(plan.rowHeights)) ws.getRow(Number(r)).height = h;
  for (const c of plan.cells) {
    const cell = ws.getCell(c.row, c.col);
    // Strings go in as shared strings: exceljs never turns text into a formula, whatever it starts with.
    cell.value = c.value;
    const s = c.style;
    cell.font = { name: s.font.name, size: s.font.size, bold: s.font.bold, italic: s.font.italic, underline: s.font.underline || undefined };
    cell.alignment = { horizontal: s.horizontal, vertical: s.vertical, wrapText: s.wrap };
    if (s.numFmt) cell.numFmt = s.numFmt;
    else if (typeof c.value === 'string') cell.numFmt = '@';
    const border = borderOf(s);
    if (border) cell.border = border;
    if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: s.fill } };
  }
  mergeAll(ws, plan.merges);
  for (const r of plan.breaksAfter ?? []) ws.getRow(r).addPageBreak();
  const p = plan.print;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
    horizontalCentered: p.horizontalCentered,
    margins: { ...p.margins },
    printTitlesRow: plan.printTitleRows ? `${plan.printTitleRows[0]}:${plan.printTitleRows[1]}` : undefined,
    // exceljs puts "$" before each half: "A$1" becomes the absolute "$A$1" a defined name needs
    printArea: plan.printArea ? `A$1:${columnLetters(plan.printArea.lastCol)}$${plan.printArea.lastRow}` : undefined,
  };
  ws.headerFooter = p.pageNumbers === 'fromSecond' ? { differentFirst: true, firstHeader: '', oddHeader: PAGE_NUMBER_HEADER } : { oddHeader: PAGE_NUMBER_HEADER };
}

export function workbookFromPlan(unsafePlan: WorkbookPlan): ExcelJS.Workbook {
  const plan = deepXmlSafe(unsafePlan);
  // exceljs is loaded only here (the reference writer): a report never loads it (issue 21)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook } = require('exceljs') as typeof import('exceljs');
  const wb = new Workbook();
  wb.creator = 'BaoCao';
  wb.keywords = plan.marker;
  wb.created = new Date();
  for (const sheet of plan.sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ showGridLines: false }] });
    applySheetPlan(ws, sheet);
  }
  return wb;
}

/**
 * The report workbook's bytes: its parts written straight from the plan (xlsx-package-writer), with
 * the plan's native charts, in time linear in the cells. `workbookFromPlan` is the same workbook
 * through exceljs, kept as the reference the writer's tests compare it with.
 */
export async function planToXlsx(plan: WorkbookPlan, now = new Date()): Promise<Buffer> {
  return writePackage(plan, now);
}

export async function writePlanToFile(plan: WorkbookPlan, path: string): Promise<void> {
  writeFileAtomic(path, await planToXlsx(plan));
}
