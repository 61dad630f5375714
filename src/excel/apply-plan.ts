import { WorkbookPlan } from '../core/report/sheet-plan';
import { ExistingSheet, SheetInspection, markSheet, queueSheetList, recordOwnedIds } from './owned-sheets';
import { supportsExcelApi } from './requirements';
import { writeCharts } from './write-charts';
import { printSetup, writeSheet } from './write-sheet';

export interface ApplyResult {
  /** Names the plan's sheets got, in plan order (a name taken by a staff sheet gets " (2)", …). */
  sheets: string[];
  /** Earlier BaoCao sheets that were rewritten in place. */
  replaced: string[];
  /** Steps after the content that Excel refused (the report is written; print setup or charts missing). */
  warnings: ApplyWarning[];
}

export interface ApplyOptions {
  /** Activate the first plan sheet and select A1 (default true). */
  activate?: boolean;
  /** The sheets as a sync of the caller already loaded them (queueSheetList); saves applyPlan's own look. */
  sheets?: SheetInspection;
}

interface Placement {
  name: string;
  replaces: ExistingSheet | null;
}

const fold = (s: string) => s.toLocaleLowerCase('vi');

/**
 * Chooses each plan sheet's name: its own, or "Name (2)", "Name (3)" … when a sheet BaoCao did
 * not make holds it. A BaoCao sheet holding the name is replaced; one staff renamed is kept.
 */
export function placeSheets(planNames: string[], existing: Pick<ExistingSheet, 'id' | 'name' | 'position'>[], owned: Set<string>): Placement[] {
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
      return { name, replaces: there ? { ...there, owned: true } : null };
    }
  });
}

/** A step after the content that failed: the report is there, without its print setup or charts. */
export interface ApplyWarning {
  step: 'print' | 'charts';
  /** The error Excel gave (English, from the host). */
  detail: string;
}

/**
 * Writes the sheet plan. BaoCao's own sheets are regenerated in place — cleared and rewritten, the
 * sheet object kept — so a staff formula such as ='Số liệu'!G10 keeps pointing at it (a rename and
 * delete would turn it into #REF!: Excel rewrites every reference when a sheet is renamed). Staff
 * sheets and tables are never touched.
 *
 * Syncs, plus one to look at the sheets when the caller has not:
 * 1. content: each new sheet added and marked in this same sync (worksheet custom property,
 *    ExcelApi 1.12) before anything is written on it, so a failure later leaves it recognised and
 *    the next run rewrites it instead of writing "Báo cáo (2)"; values, formats, merges.
 *    Without 1.12 the marker is the ids setting: the new sheets are added and their ids read in a
 *    sync of their own, and the setting is written first thing in this one.
 * 2. print setup and page breaks (ExcelApi 1.9), 3. the report sheet's charts (old ones removed):
 *    each its own sync, so that when Excel refuses one the report is still whole; the failure comes
 *    back as a warning.
 */
export async function applyPlan(context: Excel.RequestContext, plan: WorkbookPlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  let inspection = options.sheets;
  if (!inspection) {
    const sheets = queueSheetList(context);
    await context.sync();
    inspection = sheets();
  }
  const existing = inspection.sheets;
  const placements = placeSheets(
    plan.sheets.map((s) => s.name),
    existing,
    new Set(existing.filter((e) => e.owned).map((e) => e.id)),
  );
  const worksheets = context.workbook.worksheets;
  const addSync = !inspection.byProperty && placements.some((p) => !p.replaces);
  const suspend = () => supportsExcelApi('1.6') && context.application.suspendApiCalculationUntilNextSync();
  if (!addSync) suspend();

  const targets = placements.map(({ name, replaces }) => {
    if (replaces) return worksheets.getItem(replaces.id);
    const ws = worksheets.add(name);
    if (inspection.byProperty) markSheet(ws, plan.marker);
    else ws.load('id');
    return ws;
  });
  if (addSync) {
    await context.sync();
    const replacedIds = new Set(placements.map((p) => p.replaces?.id));
    const kept = inspection.settingIds.filter((id) => !replacedIds.has(id) && existing.some((e) => e.id === id));
    recordOwnedIds(context, plan.marker, [...kept, ...placements.map((p, i) => p.replaces?.id ?? targets[i].id)]);
    suspend();
  }

  // 1. content
  const oldCharts = placements.map((p, i) => (p.replaces ? clearSheet(targets[i]) : null));
  plan.sheets.forEach((sheetPlan, i) => writeSheet(targets[i], sheetPlan));
  if (options.activate !== false && targets.length) {
    targets[0].activate();
    targets[0].getRange('A1').select();
  }
  await context.sync();

  const warnings: ApplyWarning[] = [];
  const guarded = async (step: ApplyWarning['step'], queue: () => boolean) => {
    try {
      if (queue()) await context.sync();
    } catch (e) {
      warnings.push({ step, detail: errorDetail(e) });
    }
  };
  // 2. print setup
  if (supportsExcelApi('1.9'))
    await guarded('print', () => {
      plan.sheets.forEach((sheetPlan, i) => printSetup(targets[i], sheetPlan, !!placements[i].replaces));
      return plan.sheets.length > 0;
    });
  // 3. charts: they draw from the figures sheet, whose name may differ from the plan's ("Số liệu (2)")
  const byPlanName = new Map(plan.sheets.map((s, i) => [s.name, targets[i]]));
  await guarded('charts', () => {
    let queued = false;
    plan.sheets.forEach((s, i) => {
      for (const chart of oldCharts[i]?.items ?? []) {
        chart.delete();
        queued = true;
      }
      if (s.charts?.length) {
        writeCharts(targets[i], s.charts, byPlanName);
        queued = true;
      }
    });
    return queued;
  });

  return {
    sheets: placements.map((p) => p.replaces?.name ?? p.name),
    replaced: placements.filter((p) => p.replaces).map((p) => p.replaces!.name),
    warnings,
  };
}

/**
 * Queues the clearing of a BaoCao sheet about to be rewritten: merges, values and formats of the
 * whole sheet (Range.clear, ExcelApi 1.1), and the load of its charts (removed in the chart step).
 */
function clearSheet(ws: Excel.Worksheet): Excel.ChartCollection {
  const all = ws.getRange();
  all.unmerge();
  all.clear();
  return ws.charts.load('items/name');
}

function errorDetail(e: unknown): string {
  const { message, code } = (e ?? {}) as { message?: unknown; code?: unknown };
  const m = typeof message === 'string' ? message : String(e);
  return typeof code === 'string' && !m.includes(code) ? `${code}: ${m}` : m;
}
