import { ReportOptions, ReportResult, buildReport } from '../core/engine';
import { applyPlan } from './apply-plan';
import { readTables } from './read-tables';

export interface Generation {
  result: ReportResult;
  /** The names the report, figures and checks sheets got. */
  sheets: string[];
}

/** Reads the tables, builds the report with core, writes its sheets and activates the report sheet. */
export async function generateReport(context: Excel.RequestContext, options: ReportOptions = {}): Promise<Generation> {
  const snapshots = await readTables(context);
  const result = buildReport(snapshots, options);
  const applied = await applyPlan(context, result.plan);
  return { result, sheets: applied.sheets };
}

/** The report without writing anything (Word download, METRIC). */
export async function computeReport(context: Excel.RequestContext, options: ReportOptions = {}): Promise<ReportResult> {
  return buildReport(await readTables(context), options);
}
