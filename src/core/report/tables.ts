import type { FigureMemo } from '../figures/figure-memo';
import { columnDecimals, Decimals, figureDecimals, formatNumber } from './format';
import { formatDayDMY } from '../records/parse';
import { effectiveTemplates } from './narrative';
import { fitColumns } from './column-fit';
import { BudgetUnit, Metrics, Period } from '../figures/metrics';
import { Lang } from '../problems';

export type TableId = 'investment' | 'budget' | 'enterprise' | 'tasks' | 'dossiers';

export interface TableColumn {
  header: string;
  /** Numbers right, text left. */
  align: 'left' | 'right' | 'center';
  /** Share of the table's width (the shares of a table add up to 1). */
  width: number;
  /** The widest text the column must hold on one line, in points at the table's size (src/core/report/column-fit.ts). */
  minPt?: number;
}

export interface TableRow {
  /** One per column, already formatted in the report's language; "–" where the figure is missing. */
  cells: string[];
  /** Totals. */
  bold?: boolean;
  /** A part of the row above it ("trong đó"), set in italics. */
  sub?: boolean;
  /** A part's heading inside a list (annexes): its first cell spans the whole row, bold. */
  group?: boolean;
}

/**
 * A table of figures (Phụ lục biểu), decided once here from the same figures as the text; the Word
 * writer and the summary sheet each draw it. At most six columns, so that it lies on the summary
 * sheet's six columns.
 */
export interface TableModel {
  id: TableId;
  /** Numbered in the order the tables stand in the report (set by the report model). */
  number: number;
  title: string;
  /** "Đơn vị tính: triệu đồng", printed right-aligned over the table; null when the headers carry the units. */
  unit: string | null;
  columns: TableColumn[];
  rows: TableRow[];
  note: string | null;
  /** The generated paragraphs after which the table stands: the last of them present. */
  after: string[];
}

export interface TablesResult {
  tables: TableModel[];
  omitted: { id: TableId; title: string; reason: string }[];
}

/** The mark of a missing figure in a table cell. */
export const MISSING_CELL = '–';

const T = {
  vi: {
    investment: 'Kết quả thu hút đầu tư',
    budget: 'Nộp ngân sách nhà nước theo đơn vị',
    enterprise: 'Một số chỉ tiêu sản xuất kinh doanh của doanh nghiệp',
    tasks: 'Tình hình thực hiện nhiệm vụ được giao',
    item: 'Chỉ tiêu',
    fdi: 'FDI (triệu USD)',
    ddi: 'DDI (tỷ đồng)',
    newCount: 'Số dự án cấp mới (dự án)',
    newCapital: 'Vốn đăng ký cấp mới',
    adjCount: 'Số dự án điều chỉnh vốn (dự án)',
    adjCapital: 'Vốn điều chỉnh (thuần)',
    total: 'Tổng vốn thu hút',
    prior: (y: string) => `Cùng kỳ năm ${y}`,
    vsPrior: 'So với cùng kỳ (%)',
    plan: (y: string) => `Kế hoạch năm ${y}`,
    pctPlan: 'So với kế hoạch năm (%)',
    unitCol: 'Đơn vị',
    amount: 'Số nộp',
    unitPlan: 'Kế hoạch',
    budgetTotal: 'Tổng cộng',
    unitLine: (u: string) => `Đơn vị tính: ${u}`,
    mvnd: 'triệu đồng',
    thisPeriod: 'Kỳ báo cáo',
    vsPriorShort: 'So với cùng kỳ (%)',
    pctPlanShort: 'So với kế hoạch (%)',
    revenue: 'Doanh thu (tỷ đồng)',
    export: 'Xuất khẩu (triệu USD)',
    import: 'Nhập khẩu (triệu USD)',
    tax_paid: 'Nộp ngân sách (tỷ đồng)',
    count: 'Số nhiệm vụ',
    share: 'Tỷ lệ (%)',
    assigned: 'Nhiệm vụ được giao',
    done: 'Đã hoàn thành',
    late: 'Trong đó: hoàn thành sau hạn',
    open: 'Đang thực hiện',
    overdue: '- Quá hạn',
    onTime: '- Trong hạn',
    noDeadline: '- Không có thời hạn',
    estimated: 'Số liệu có phần ước tính.',
    noFigures: 'không có số liệu nào của bảng',
    noPeriod: 'chưa có kỳ báo cáo',
    emptyColumns: (h: string[]) => `Chưa có số liệu: ${h.join('; ')}.`,
    dossiers: 'Kết quả giải quyết hồ sơ thủ tục hành chính',
    figure: 'Số liệu',
    dReceived: 'Hồ sơ TTHC tiếp nhận trong kỳ (hồ sơ)',
    dResolved: 'Hồ sơ TTHC đã giải quyết (hồ sơ)',
    dOnTime: '- Giải quyết đúng hạn',
    dOnline: '- Nộp trực tuyến',
    dOther: 'Hồ sơ không thuộc TTHC đã giải quyết (hồ sơ)',
    dPending: (d: string) => `Hồ sơ TTHC chưa trả kết quả đến ngày ${d} (hồ sơ)`,
    dOverdue: '- Quá hạn',
    dFees: 'Phí, lệ phí thu không dùng tiền mặt (triệu đồng)',
  },
  en: {
    investment: 'Investment attracted',
    budget: 'Budget collections by unit',
    enterprise: 'Main business figures of the enterprises',
    tasks: 'Assigned tasks',
    item: 'Item',
    fdi: 'FDI (million USD)',
    ddi: 'DDI (billion VND)',
    newCount: 'New projects (projects)',
    newCapital: 'Capital of new projects',
    adjCount: 'Projects with capital adjustments (projects)',
    adjCapital: 'Net capital adjustments',
    total: 'Total capital attracted',
    prior: (y: string) => `Same period of ${y}`,
    vsPrior: 'Against the same period (%)',
    plan: (y: string) => `Plan for ${y}`,
    pctPlan: 'Against the annual plan (%)',
    unitCol: 'Unit',
    amount: 'Collected',
    unitPlan: 'Plan',
    budgetTotal: 'Total',
    unitLine: (u: string) => `Unit: ${u}`,
    mvnd: 'million VND',
    thisPeriod: 'This period',
    vsPriorShort: 'Against the same period (%)',
    pctPlanShort: 'Against the plan (%)',
    revenue: 'Revenue (billion VND)',
    export: 'Exports (million USD)',
    import: 'Imports (million USD)',
    tax_paid: 'Taxes paid (billion VND)',
    count: 'Tasks',
    share: 'Share (%)',
    assigned: 'Tasks assigned',
    done: 'Done',
    late: 'of which after the deadline',
    open: 'Open',
    overdue: '- Overdue',
    onTime: '- Within the deadline',
    noDeadline: '- Without a deadline',
    estimated: 'Figures include estimates.',
    noFigures: 'none of its figures is available',
    noPeriod: 'no report period',
    emptyColumns: (h: string[]) => `No figures yet: ${h.join('; ')}.`,
    dossiers: 'Administrative-procedure dossiers',
    figure: 'Figure',
    dReceived: 'Dossiers received in the period',
    dResolved: 'Dossiers resolved',
    dOnTime: '- on time',
    dOnline: '- submitted online',
    dOther: 'Other dossiers resolved (not administrative procedures)',
    dPending: (d: string) => `Dossiers not yet returned on ${d}`,
    dOverdue: '- overdue',
    dFees: 'Fees and charges paid without cash (million VND)',
  },
};

/**
 * A cell before formatting: text, or a figure with the decimals of its kind (format.ts, the
 * precision rule); amounts take their column's decimal count.
 */
type Cell = string | { v: number | null; d: Decimals | 'amount' };
type Draft = Omit<TableModel, 'number' | 'rows'> & { rows: (Omit<TableRow, 'cells'> & { cells: Cell[] })[] };

/**
 * Formats a drafted table: each column's amounts at one decimal count (the most any of them needs,
 * up to 2), so that a column never mixes "18.396,9" and "14.608,97"; a figure column without any
 * figure is dropped and named once in the note; the columns are then fitted so that no figure
 * wraps (column-fit.ts), as the annexes are.
 */
function finish(draft: Draft, lang: Lang): Omit<TableModel, 'number'> {
  const t = T[lang];
  const columns = draft.columns.map((_, i) => i);
  const amountDecimals = columns.map((i) => columnDecimals(draft.rows.map((r) => r.cells[i]).flatMap((c) => (typeof c === 'object' && c.d === 'amount' ? [c.v] : []))));
  const text = (c: Cell, i: number): string => {
    if (typeof c === 'string') return c;
    if (c.v === null) return MISSING_CELL;
    return formatNumber(c.v, lang, c.d === 'amount' ? { decimals: amountDecimals[i] } : c.d);
  };
  const rows = draft.rows.map((r) => ({ ...r, cells: r.cells.map(text) }));
  const empty = columns.filter((i) => draft.columns[i].align === 'right' && rows.every((r) => r.cells[i] === MISSING_CELL));
  // a table with no figure at all is left out whole (buildTables), not emptied column by column
  if (!empty.length || empty.length === columns.filter((i) => draft.columns[i].align === 'right').length) return { ...draft, columns: fitColumns(draft.columns, rows), rows };
  const keep = columns.filter((i) => !empty.includes(i));
  const width = keep.reduce((a, i) => a + draft.columns[i].width, 0);
  const said = t.emptyColumns(empty.map((i) => draft.columns[i].header));
  const kept = rows.map((r) => ({ ...r, cells: keep.map((i) => r.cells[i]) }));
  return {
    ...draft,
    columns: fitColumns(keep.map((i) => ({ ...draft.columns[i], width: draft.columns[i].width / width })), kept),
    rows: kept,
    note: draft.note ? `${draft.note} ${said}` : said,
  };
}

/** The four tables of the report; a table whose figures are all missing is left out with its reason. */
export function buildTables(period: Period | null, metrics: Metrics, lang: Lang, custom: { key: string; template: string }[] | null = null, memo?: FigureMemo): TablesResult {
  const t = T[lang];
  const templates = effectiveTemplates(custom, lang);
  const value = (key: string): number | null => {
    const v = metrics.get(key)?.value;
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const amount = (v: number | null): Cell => ({ v, d: 'amount' });
  const count = (v: number | null): Cell => ({ v, d: { decimals: 0 } });
  /** A percentage at the decimals the text writes it with (`key`), 1 for a share. */
  const pct = (v: number | null, key?: string): Cell => ({ v, d: key ? figureDecimals(key, templates, v) : { decimals: 1 } });
  const year = period ? String(period.year) : '';
  const priorYear = period ? String(period.year - 1) : '';
  const tables: TableModel[] = [];
  const omitted: TablesResult['omitted'] = [];
  const add = (draft: Draft | (() => Draft), keep?: { owner: object; key: string }) => {
    const make = () => finish(typeof draft === 'function' ? draft() : draft, lang);
    // a live check lays out the same budget units again (a replayed step sets the same list): its table is kept with it
    const table = memo && keep ? memo.derive(keep.owner, keep.key, make) : make();
    // a table of dashes says nothing: leave it out (the label columns are text, not figures)
    const figures = table.rows.flatMap((r) => r.cells.filter((_, i) => table.columns[i].align === 'right'));
    if (!period) omitted.push({ id: table.id, title: table.title, reason: t.noPeriod });
    else if (figures.every((c) => c === MISSING_CELL)) omitted.push({ id: table.id, title: table.title, reason: t.noFigures });
    else tables.push({ ...table, number: 0 });
  };
  const label = (header: string, width: number): TableColumn => ({ header, align: 'left', width });
  const figure = (header: string, width: number): TableColumn => ({ header, align: 'right', width });

  // 1. Investment: the measures down, FDI and DDI across (each in its own unit)
  const inv = (k: string, fmt: (v: number | null, key: string) => Cell) => ['fdi', 'ddi'].map((s) => fmt(value(`${s}_${k}`), `${s}_${k}`));
  add({
    id: 'investment',
    title: t.investment,
    unit: null,
    columns: [label(t.item, 0.5), figure(t.fdi, 0.25), figure(t.ddi, 0.25)],
    rows: [
      { cells: [t.newCount, ...inv('new_count', count)] },
      { cells: [t.newCapital, ...inv('new_capital', amount)] },
      { cells: [t.adjCount, ...inv('adjusted_count', count)] },
      { cells: [t.adjCapital, ...inv('adjusted_capital', amount)] },
      { cells: [t.total, ...inv('total_capital', amount)], bold: true },
      { cells: [t.prior(priorYear), ...inv('total_capital_prior', amount)] },
      { cells: [t.vsPrior, ...inv('vs_prior_pct', pct)] },
      { cells: [t.plan(year), ...inv('plan', amount)] },
      { cells: [t.pctPlan, ...inv('pct_plan', pct)] },
    ],
    note: null,
    after: ['ddi_cumulative', 'ddi', 'fdi_cumulative', 'fdi'],
  });

  // 2. Budget by unit against each unit's plan, and the total against the whole plan
  const units = (metrics.get('budget_units')?.value as BudgetUnit[] | null) ?? [];
  const totals = [value('budget_total'), value('budget_plan'), value('budget_pct_plan')];
  add(() => ({
    id: 'budget',
    title: t.budget,
    unit: t.unitLine(t.mvnd),
    columns: [label(t.unitCol, 0.49), figure(t.amount, 0.17), figure(t.unitPlan, 0.17), figure(t.pctPlanShort, 0.17)],
    rows: [
      ...units.map((u) => ({ cells: [u.unit, amount(u.amount), amount(u.plan), pct(u.pct_plan, `budget_units[${u.unit}].pct_plan`)] })),
      { cells: [t.budgetTotal, amount(totals[0]), amount(totals[1]), pct(totals[2], 'budget_pct_plan')], bold: true },
    ],
    note: null,
    after: ['budget'],
  }), units.length ? { owner: units, key: JSON.stringify(['budgetTable', lang, templates, totals]) } : undefined);

  // 3. Enterprise results: this period, last year, the annual plan
  const items = ['revenue', 'export', 'import', 'tax_paid'] as const;
  add({
    id: 'enterprise',
    title: t.enterprise,
    unit: null,
    columns: [label(t.item, 0.3), figure(t.thisPeriod, 0.14), figure(t.prior(priorYear), 0.14), figure(t.vsPriorShort, 0.14), figure(t.plan(year), 0.14), figure(t.pctPlanShort, 0.14)],
    rows: items.map((k) => ({ cells: [t[k], amount(value(k)), amount(value(`${k}_prior`)), pct(value(`${k}_vs_prior_pct`), `${k}_vs_prior_pct`), amount(value(`${k}_plan`)), pct(value(`${k}_pct_plan`), `${k}_pct_plan`)] })),
    note: metrics.get('revenue_estimated')?.value === true ? t.estimated : null,
    after: ['tax_paid', 'import', 'export', 'revenue', 'enterprise'],
  });

  // 4. Tasks by state, each as a share of the tasks assigned
  const total = value('tasks_total');
  const task = (text: string, v: number | null, extra: Partial<TableRow> = {}): Draft['rows'][number] => ({ cells: [text, count(v), pct(v !== null && total ? (v / total) * 100 : null)], ...extra });
  const done = value('tasks_done');
  add({
    id: 'tasks',
    title: t.tasks,
    unit: null,
    columns: [label(t.item, 0.56), figure(t.count, 0.22), figure(t.share, 0.22)],
    rows: [
      task(t.assigned, total, { bold: true }),
      task(t.done, done),
      task(t.late, value('tasks_done_late'), { sub: true }),
      task(t.open, value('tasks_open')),
      task(t.overdue, value('tasks_overdue'), { sub: true }),
      task(t.onTime, value('tasks_on_time'), { sub: true }),
      task(t.noDeadline, value('tasks_no_deadline'), { sub: true }),
    ],
    note: null,
    after: ['tasks_timeliness', 'tasks'],
  });

  // 5. Dossiers: received, resolved (on time, online), other, pending (overdue), fees without cash;
  // only for a workbook with a list of dossiers (without one, §II.7 is the staff's prose)
  const resolved = value('dossiers_resolved');
  if (resolved === null) return { tables, omitted };
  const pending = value('dossiers_pending');
  const shareOf = (v: number | null, of: number | null) => pct(v !== null && of ? (v / of) * 100 : null);
  add({
    id: 'dossiers',
    title: t.dossiers,
    unit: null,
    columns: [label(t.item, 0.6), figure(t.figure, 0.2), figure(t.share, 0.2)],
    rows: [
      { cells: [t.dReceived, count(value('dossiers_received')), pct(null)] },
      { cells: [t.dResolved, count(resolved), pct(null)], bold: true },
      { cells: [t.dOnTime, count(value('dossiers_on_time')), pct(value('dossiers_on_time_pct'), 'dossiers_on_time_pct')], sub: true },
      { cells: [t.dOnline, count(value('dossiers_online')), shareOf(value('dossiers_online'), resolved)], sub: true },
      { cells: [t.dOther, count(value('dossiers_other_resolved')), pct(null)] },
      { cells: [t.dPending(period ? formatDayDMY(period.asOf) : ''), count(pending), pct(null)] },
      { cells: [t.dOverdue, count(value('dossiers_overdue')), shareOf(value('dossiers_overdue'), pending)], sub: true },
      { cells: [t.dFees, amount(value('dossiers_fees_cashless')), pct(null)] },
    ],
    note: null,
    after: ['dossiers_fees', 'dossiers_online', 'dossiers_other', 'dossiers_resolved', 'dossiers'],
  });
  return { tables, omitted };
}
