import { ReportOptions, ReportResult, buildReport } from '../core/engine';
import { applyPlan } from './apply-plan';
import { queueSheetList } from './owned-sheets';
import { readTables, readValues } from './read-tables';
import { queueTableList } from './table-list';

export interface Generation {
  result: ReportResult;
  /** The names the report, figures and checks sheets got. */
  sheets: string[];
}

/**
 * Reads the tables, builds the report with core, writes its sheets and activates the report
 * sheet, in three syncs whatever the row count: (1) tables, sizes, headers and the sheets with
 * their markers, (2) header positions and all values, (3) the whole write. A workbook whose
 * values pass the payload budget takes one more value sync per ~4 MB; a host without ExcelApi
 * 1.12 one more sync to record the new sheet ids.
 */
export async function generateReport(context: Excel.RequestContext, options: ReportOptions = {}): Promise<Generation> {
  const tables = queueTableList(context);
  const sheets = queueSheetList(context);
  await context.sync();
  const snapshots = await readValues(context, tables());
  const result = buildReport(snapshots, options);
  const applied = await applyPlan(context, result.plan, { sheets: sheets() });
  return { result, sheets: applied.sheets };
}

/** The report without writing anything (Word download, METRIC): two syncs. */
export async function computeReport(context: Excel.RequestContext, options: ReportOptions = {}): Promise<ReportResult> {
  return buildReport(await readTables(context), options);
}
