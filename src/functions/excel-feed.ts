import { supportsExcelApi } from '../excel/requirements';
import { MetricFeed } from './metric-feed';

/**
 * The feed of the shared runtime: reads this workbook's tables; table edits, additions and
 * deletions invalidate it. The engine is imported on first use, so the other functions load
 * without it.
 */
export const workbookFeed = new MetricFeed(
  async () => {
    const { computeReport } = await import(/* webpackChunkName: "engine" */ '../excel/generate');
    return Excel.run(async (context) => (await computeReport(context)).metrics);
  },
  (onChange) =>
    Excel.run(async (context) => {
      const tables = context.workbook.tables;
      tables.onChanged.add(async () => onChange());
      if (supportsExcelApi('1.9')) {
        tables.onAdded.add(async () => onChange());
        tables.onDeleted.add(async () => onChange());
      }
      await context.sync();
    }),
);
