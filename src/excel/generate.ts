import { ReportOptions, ReportResult, buildReport } from '../core/engine';
import { ApplyWarning, applyPlan } from './apply-plan';
import { SheetInspection, queueSheetList } from './owned-sheets';
import { readValues } from './read-tables';
import { TableInfo, listTablesPlainly, queueTableList, reportTables } from './table-list';
import { GridNote, candidateSheets, queueUsedRanges, readGridValues } from './read-grids';
import { lacksDataTable } from '../core/recognize';

export interface Generation {
  result: ReportResult;
  /** The names the report, figures and checks sheets got. */
  sheets: string[];
  /** Staff sheets not read, or read without merged areas (see read-grids). */
  gridNotes: GridNote[];
  /** Print setup or charts that Excel refused (the report itself is written). */
  warnings: ApplyWarning[];
}

/**
 * Reads the tables, builds the report with core, writes its sheets and activates the report
 * sheet, in three syncs whatever the row count: (1) tables, sizes, headers and the sheets with
 * their markers, (2) header positions and all values, (3) the whole write. A workbook whose
 * values pass the payload budget takes one more value sync per ~4 MB; a host without ExcelApi
 * 1.12 one more sync to record the new sheet ids.
 *
 * When a data table of the contract is missing, the staff's plain sheets are read too (issue 9)
 * and passed to core as `grids`: their used-range sizes travel with sync 2, their values, merged
 * areas and hidden columns take one sync more (four in all).
 */
export async function generateReport(context: Excel.RequestContext, options: ReportOptions = {}): Promise<Generation> {
  const { tables, sheets } = await inspect(context);
  const { snapshots, grids } = await readData(context, tables, sheets, options);
  const result = buildReport(snapshots, { ...options, ...(grids ? { grids: grids.grids, gridNotes: grids.notes } : {}) });
  const applied = await applyPlan(context, result.plan, { sheets });
  return { result, sheets: applied.sheets, gridNotes: grids?.notes ?? [], warnings: applied.warnings };
}

/** Sync 2 (values, and the staff sheets' sizes) and, when staff sheets are needed, sync 3 (their grids). */
async function readData(context: Excel.RequestContext, tables: TableInfo[], sheets: SheetInspection, options: ReportOptions) {
  const staff = !options.grids && lacksDataTable(tables) ? queueUsedRanges(context, candidateSheets(sheets.sheets, tables)) : null;
  // only the tables the report uses: a staff table elsewhere in the workbook costs no values
  const snapshots = await readValues(context, reportTables(tables));
  const grids = staff ? await readGridValues(context, await staff.sizes()) : null;
  return { snapshots, grids };
}

/**
 * Sync 1 of a generation. The nested load paths it uses are not in the published typings; should
 * a host refuse them, the tables are listed through documented calls and the sheets are told
 * apart by the workbook setting only (three more syncs in all, one of them to record the new sheet ids; a sheet marked only by its custom property
 * is then left alone and the report goes beside it).
 */
async function inspect(context: Excel.RequestContext): Promise<{ tables: TableInfo[]; sheets: SheetInspection }> {
  try {
    const tables = queueTableList(context);
    const sheets = queueSheetList(context);
    await context.sync();
    return { tables: tables(), sheets: sheets() };
  } catch {
    const sheets = queueSheetList(context, false); // loaded by the first of the next two syncs
    const tables = await listTablesPlainly(context);
    return { tables, sheets: sheets() };
  }
}

/**
 * The report without writing anything (Word download, METRIC): two syncs, three when staff
 * sheets are read (see generateReport).
 */
export async function computeReport(context: Excel.RequestContext, options: ReportOptions = {}): Promise<ReportResult> {
  const { tables, sheets } = await inspect(context);
  const { snapshots, grids } = await readData(context, tables, sheets, options);
  return buildReport(snapshots, { ...options, ...(grids ? { grids: grids.grids, gridNotes: grids.notes } : {}) });
}
