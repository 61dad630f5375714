import type { TableReadCache } from './records/table-cache';
import { CATALOG } from './figures/catalog';
import { FigureMemo } from './figures/figure-memo';
import { buildCharts } from './report/charts';
import { buildTables } from './report/tables';
import { buildAnnexes } from './report/annexes';
import { checkConsistency, checkReportDate } from './records/checks';
import { GivenPeriod, WorkbookData, readWorkbook, matchTableKind, TableRead } from './records/mapping';
import { Metrics, Period, computeMetrics, MetricValueType } from './figures/metrics';
import { Lang, Problem, Problems } from './problems';
import { ReportModel, buildReportModel } from './report/report';
import { WorkbookPlan, buildSheetPlan } from './report/sheet-plan';
import { TableSnapshot, quoteSheet } from './records/snapshot';
import { formatNumber } from './report/format';
import { formatDayDMY } from './records/parse';
import { computeStaffMetrics, StaffMetricInfo } from './figures/staff-metrics';
import { foldKey } from './records/text';
import { GridNote, SheetGrid, MappingInfo, recognizeWorkbook, findAnhXaTable, gridsLanguage } from './recognize';

export interface ReportOptions {
  /** Overrides the Settings language. */
  lang?: Lang;
  /**
   * @deprecated Ignored (issue 18): the report's date is the workbook's NgayBaoCao, blanks to fill
   * at signing without it, and no check compares the data with the day the program runs.
   */
  today?: string;
  /**
   * Plain sheets of the workbook (issue 9): their lists are recognised and read for every kind the
   * workbook has no contract table of (contract tables win); the sheets an AnhXa / Mapping table
   * names are read as it says.
   */
  grids?: SheetGrid[];
  /** What the adapter could not read of those sheets: listed on Kiểm tra. */
  gridNotes?: GridNote[];
  /** The report period given from outside the workbook (the command line's --period): wins over the workbook's. */
  period?: GivenPeriod;
  /** Tables parsed by earlier runs, kept until they change (the add-in's live checks). */
  tableCache?: TableReadCache<TableRead>;
}

export interface ReportResult {
  lang: Lang;
  data: WorkbookData;
  period: Period | null;
  metrics: Metrics;
  staffMetrics: StaffMetricInfo[];
  problems: Problem[];
  model: ReportModel;
  plan: WorkbookPlan;
  /** What was recognised on plain sheets, when `grids` were given. */
  mappings?: MappingInfo[];
}

const DATA_KINDS: string[] = ['projects', 'labour', 'revenue', 'budget', 'tasks', 'dossiers', 'targets'];

/** The language asked for in the Settings table, read before anything else so messages use it. */
export function settingsLanguage(snapshots: TableSnapshot[]): Lang | null {
  for (const s of snapshots) {
    if (matchTableKind(s.name)?.kind !== 'settings') continue;
    for (const row of s.rows) {
      const k = typeof row[0] === 'string' ? foldKey(row[0]) : '';
      if (k === 'language' || k === 'ngonngu') {
        const v = String(row[1] ?? '').trim().toLowerCase();
        if (v === 'en' || v === 'vi') return v;
      }
    }
  }
  return null;
}

/** The figures and checks kept with each table cache (the add-in's live checks). */
const memos = new WeakMap<TableReadCache<TableRead>, FigureMemo>();
export function figureMemo(cache: TableReadCache<TableRead>): FigureMemo {
  let memo = memos.get(cache);
  if (!memo) memos.set(cache, (memo = new FigureMemo()));
  return memo;
}

/** The whole engine: table snapshots in, metrics, problems, report model and sheet plan out. */
export function buildReport(snapshots: TableSnapshot[], options: ReportOptions = {}): ReportResult {
  const lang = options.lang ?? settingsLanguage(snapshots) ?? (options.grids && !snapshots.some((s) => matchTableKind(s.name)?.kind === 'settings') ? gridsLanguage(options.grids) : null) ?? 'vi';
  const problems = new Problems(lang);
  let mappings: MappingInfo[] | undefined;
  if (options.grids) {
    const contractKinds = snapshots.map((s) => matchTableKind(s.kind ?? s.name)?.kind).filter((k) => k !== undefined);
    const rec = recognizeWorkbook(options.grids, { lang, contractKinds, anhXa: findAnhXaTable(snapshots) });
    problems.list.push(...rec.problems);
    snapshots = [...snapshots, ...rec.snapshots];
    mappings = rec.mappings;
  }
  for (const n of options.gridNotes ?? []) {
    if (n.code === 'tooLarge') problems.add('warning', `${quoteSheet(n.sheet)}!A1`, 'sheetTooLarge', { sheet: n.sheet, rows: formatNumber(n.rows, lang), columns: formatNumber(n.columns, lang), mb: formatNumber(n.bytes / 1e6, lang, { decimals: 1 }) });
    else if (n.code === 'hiddenColumnsSkipped') problems.add('info', `${quoteSheet(n.sheet)}!A1`, 'sheetHiddenColumnsUnchecked', { sheet: n.sheet, columns: n.columns });
    else problems.add('info', null, 'sheetMergesNotRead', { detail: n.code === 'mergesFailed' ? n.detail : lang === 'vi' ? 'phiên bản Excel này chưa cho đọc ô gộp' : 'this version of Excel does not give them' });
  }
  const data = readWorkbook(snapshots, problems, options.period, options.tableCache);
  const memo = options.tableCache ? figureMemo(options.tableCache) : undefined;
  const removed = checkConsistency(data, problems, memo);
  // rows of the data lists left out of the figures: the report is then marked DỰ THẢO
  const leftOut = removed + data.tables.filter((t) => DATA_KINDS.includes(t.kind)).reduce((n, t) => n + t.rowsSkipped, 0);
  const { period, metrics } = computeMetrics(data, problems, memo);
  checkReportDate(data, period, problems);
  if (period && (period.asOf < period.start || period.asOf > period.end)) {
    problems.add('info', data.settingsOrigin.asOf ?? null, 'asOfOutside', { asOf: formatDayDMY(period.asOf) });
  }
  const staffMetrics = computeStaffMetrics(data, metrics, problems);
  const { charts, omitted } = buildCharts(data, period, metrics, lang, memo);
  for (const o of omitted) problems.add('info', null, 'chartOmitted', { title: o.title, reason: o.reason });
  const tables = buildTables(period, metrics, lang, data.templates, memo);
  for (const o of tables.omitted) problems.add('info', null, 'tableOmitted', { title: o.title, reason: o.reason });
  const annexes = buildAnnexes(data, period, lang, memo);
  for (const o of annexes.omitted) problems.add('info', null, 'annexOmitted', { title: o.title, reason: o.reason });
  const model = buildReportModel(data, period, metrics, staffMetrics, problems, charts, tables.tables, annexes.annexes, leftOut, memo);
  const result = { lang, data, period, metrics, staffMetrics, problems: problems.list, model, ...(mappings ? { mappings } : {}) } as ReportResult;
  // The sheet plan is laid out when first asked for (a generation writes it; a live check only
  // shows figures and problems, and laying out tens of thousands of annex rows is most of its time).
  const listed = [...problems.list];
  let plan: WorkbookPlan | undefined;
  Object.defineProperty(result, 'plan', { enumerable: true, configurable: true, get: () => (plan ??= buildSheetPlan(model, listed)) });
  return result;
}

/** The CLI's --json document: every contract metric at full precision, and the problems. */
export function reportJson(r: ReportResult): Record<string, unknown> {
  const metrics: Record<string, MetricValueType> = {};
  const reasons: Record<string, string> = {};
  for (const info of CATALOG) {
    const m = r.metrics.get(info.key)!;
    metrics[info.key] = m.value;
    if (m.value === null && m.reason) reasons[info.key] = m.reason;
  }
  for (const s of r.staffMetrics) {
    const m = r.metrics.get(s.key);
    if (m) {
      metrics[s.key] = m.value;
      if (m.value === null && m.reason) reasons[s.key] = m.reason;
    }
  }
  return {
    metrics,
    reasons,
    problems: r.problems.map((p) => ({ level: p.level, cell: p.cell, message: p.message, code: p.code })),
    period: r.period,
    lang: r.lang,
    tables: r.data.tables,
    ...(r.mappings ? { mappings: r.mappings } : {}),
  };
}
