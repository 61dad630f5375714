import { SheetPlan, WorkbookPlan } from '../core/sheet-plan';
import { columnLetters } from '../core/snapshot';
import { AreaStyle, borderEdges, cellMatrices, columnWidthPoints, fillColor, rangeAddress, rowHeightRuns, styledAreas } from './plan-layout';
import { supportsExcelApi } from './requirements';

/** Workbook setting that lists the ids of the sheets BaoCao made, so only those are ever replaced. */
export const OWNED_SHEETS_SETTING = 'BaoCao.sheets';

export interface ApplyResult {
  /** Names the plan's sheets got, in plan order (a name taken by a staff sheet gets " (2)", …). */
  sheets: string[];
  /** Earlier BaoCao sheets that were replaced. */
  replaced: string[];
}

interface Existing {
  id: string;
  name: string;
  position: number;
}

interface Placement {
  name: string;
  replaces: Existing | null;
}

const fold = (s: string) => s.toLocaleLowerCase('vi');

/** Chooses each plan sheet's name: its own, or "Name (2)", "Name (3)" … when a staff sheet holds it. */
export function placeSheets(planNames: string[], existing: Existing[], owned: Set<string>): Placement[] {
  const byName = new Map(existing.map((e) => [fold(e.name), e]));
  const taken = new Set<string>();
  return planNames.map((base) => {
    for (let n = 1; ; n++) {
      const name = n === 1 ? base : `${base} (${n})`;
      const key = fold(name);
      if (taken.has(key)) continue;
      const there = byName.get(key);
      if (there && !owned.has(there.id)) continue;
      taken.add(key);
      return { name, replaces: there ?? null };
    }
  });
}

function parseOwned(value: unknown): Set<string> {
  try {
    const parsed = typeof value === 'string' ? JSON.parse(value) : value;
    const ids = (parsed as { sheets?: unknown })?.sheets;
    return new Set(Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * Writes the sheet plan in three syncs whatever its size: (1) look at the sheets and the marker,
 * (2) replace BaoCao's own sheets and write values, then formats, with calculation suspended,
 * (3) record the new sheet ids in the marker. Staff sheets and tables are never touched.
 */
export async function applyPlan(context: Excel.RequestContext, plan: WorkbookPlan, options: { activate?: boolean } = {}): Promise<ApplyResult> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id,items/position');
  const marker = context.workbook.settings.getItemOrNullObject(OWNED_SHEETS_SETTING);
  marker.load('value');
  await context.sync();

  const existing: Existing[] = worksheets.items.map((w) => ({ id: w.id, name: w.name, position: w.position }));
  const owned = marker.isNullObject ? new Set<string>() : parseOwned(marker.value);
  const placements = placeSheets(
    plan.sheets.map((s) => s.name),
    existing,
    owned,
  );

  context.application.suspendApiCalculationUntilNextSync();
  const usedNames = new Set(existing.map((e) => fold(e.name)));
  const created: Excel.Worksheet[] = [];
  plan.sheets.forEach((sheetPlan, i) => {
    const { name, replaces } = placements[i];
    let old: Excel.Worksheet | null = null;
    if (replaces) {
      old = worksheets.getItem(replaces.id);
      old.name = tempName(usedNames);
    }
    const ws = worksheets.add(name);
    if (replaces) {
      ws.position = replaces.position;
      old!.delete();
    }
    writeSheet(ws, sheetPlan);
    ws.load('id,name');
    created.push(ws);
  });
  if (options.activate !== false && created.length) {
    created[0].activate();
    created[0].getRange('A1').select();
  }
  await context.sync();

  const ids = [...owned].filter((id) => !placements.some((p) => p.replaces?.id === id) && existing.some((e) => e.id === id));
  context.workbook.settings.add(OWNED_SHEETS_SETTING, JSON.stringify({ marker: plan.marker, sheets: [...ids, ...created.map((w) => w.id)] }));
  await context.sync();

  return { sheets: created.map((w) => w.name), replaced: placements.filter((p) => p.replaces).map((p) => p.replaces!.name) };
}

function tempName(used: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = `BaoCao cũ ${n}`;
    if (!used.has(fold(name))) {
      used.add(fold(name));
      return name;
    }
  }
}

/** Values first (Text format set before text values), then widths, heights, styles, merges, print setup. */
function writeSheet(ws: Excel.Worksheet, plan: SheetPlan): void {
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
  if (supportsExcelApi('1.9')) printSetup(ws, plan);
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
}
