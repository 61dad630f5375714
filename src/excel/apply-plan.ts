import { WorkbookPlan } from '../core/sheet-plan';
import { ExistingSheet, SheetInspection, markSheet, queueSheetList, recordOwnedIds } from './owned-sheets';
import { supportsExcelApi } from './requirements';
import { writeCharts } from './write-charts';
import { writeSheet } from './write-sheet';

export interface ApplyResult {
  /** Names the plan's sheets got, in plan order (a name taken by a staff sheet gets " (2)", …). */
  sheets: string[];
  /** Earlier BaoCao sheets that were replaced. */
  replaced: string[];
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

/**
 * Writes the sheet plan in one sync whatever its size (plus one to look at the sheets when the
 * caller has not): BaoCao's own sheets replaced (their charts go with them), values then formats,
 * then the report sheet's native charts, calculation suspended, each
 * new sheet marked with the worksheet custom property in that same sync. Without ExcelApi 1.12
 * the marker is the ids setting, which takes one more sync once the new ids are known. Staff
 * sheets and tables are never touched.
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
  if (supportsExcelApi('1.6')) context.application.suspendApiCalculationUntilNextSync();
  const usedNames = new Set(existing.map((e) => fold(e.name)));
  const created = plan.sheets.map((sheetPlan, i) => {
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
    if (inspection.byProperty) markSheet(ws, plan.marker);
    else ws.load('id');
    return ws;
  });
  // Charts last, in the same sync: they draw from the figures sheet written above. Their data
  // references name the plan's sheets, which may have got another name here ("Số liệu (2)").
  const byPlanName = new Map(plan.sheets.map((s, i) => [s.name, created[i]]));
  plan.sheets.forEach((s, i) => {
    if (s.charts?.length) writeCharts(created[i], s.charts, byPlanName);
  });
  if (options.activate !== false && created.length) {
    created[0].activate();
    created[0].getRange('A1').select();
  }
  await context.sync();

  if (!inspection.byProperty) {
    const replacedIds = new Set(placements.map((p) => p.replaces?.id));
    const kept = inspection.settingIds.filter((id) => !replacedIds.has(id) && existing.some((e) => e.id === id));
    recordOwnedIds(context, plan.marker, [...kept, ...created.map((w) => w.id)]);
    await context.sync();
  }

  return { sheets: placements.map((p) => p.name), replaced: placements.filter((p) => p.replaces).map((p) => p.replaces!.name) };
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
