import type { FigureMemo } from '../figures/figure-memo';
import { exactSum } from '../figures/decimal';
import { askedDecimals, changePhrase, compareLabel, figureDecimals, formatNumber } from './format';
import { effectiveTemplates } from './narrative';
import { WorkbookData } from '../records/mapping';
import { Metrics, Period } from '../figures/metrics';
import { Month, daysInMonth, monthOfDay } from '../records/parse';
import { Lang } from '../problems';

export type ChartId = 'plan' | 'prior' | 'labour' | 'tasks';

/**
 * Fills that stay apart when printed in grey: their luminances step from about 15% to 90%. The
 * lightest is drawn with an outline. `overdue` is the one colour meant to catch the eye.
 */
export const CHART_FILLS = ['1F3864', '2F5597', '8FAADC', 'DAE3F3', 'C00000'] as const;
export const CHART_INK = '000000';
export const CHART_GRID = 'BFBFBF';

export interface ChartSeries {
  name: string;
  /** One value per category; null where the figure is missing (no bar is drawn). */
  values: (number | null)[];
  /** The text written on each bar (Vietnamese number style). */
  labels: string[];
  /** RRGGBB, from CHART_FILLS. */
  fill: string;
}

export interface ChartModel {
  id: ChartId;
  /** Numbered in the order the figures stand in the report (set by the report model). */
  number: number;
  /**
   * `bar`: horizontal bars, one series or clustered; `column`: vertical, clustered;
   * `stacked`: one horizontal bar of stacked parts.
   */
  type: 'bar' | 'column' | 'stacked';
  title: string;
  categories: string[];
  series: ChartSeries[];
  valueAxis: { title: string; min: number; max: number; majorUnit: number; percent: boolean };
  /** A vertical line across the bars (the share of the year elapsed); `valueLabel` is its value as a bar label writes it. */
  reference: { value: number; label: string; valueLabel: string } | null;
  /** Metric keys (and tables) the figure is drawn from, for the Số liệu sheet. */
  sources: string[];
  /** The generated paragraphs after which the figure stands: the last of them present. */
  after: string[];
}

export interface ChartsResult {
  charts: ChartModel[];
  omitted: { id: ChartId; title: string; reason: string }[];
}

const T = {
  vi: {
    plan: 'Mức độ hoàn thành kế hoạch năm',
    prior: 'So với cùng kỳ năm trước',
    labour: 'Lao động theo tháng',
    tasks: 'Tình hình thực hiện nhiệm vụ',
    planAxis: '% kế hoạch năm',
    priorAxis: '% (cùng kỳ năm trước = 100%)',
    labourAxis: 'người',
    tasksAxis: 'nhiệm vụ',
    elapsed: (p: string) => `Thời gian đã qua: ${p}%`,
    reached: 'Đạt',
    current: 'Kỳ này',
    priorSeries: 'Cùng kỳ năm trước',
    month: (m: number) => `T${m}`,
    year: (y: number) => `Năm ${y}`,
    noPlan: 'chưa có kế hoạch năm nào (bảng KeHoach)',
    noPrior: 'chưa có số liệu cùng kỳ năm trước',
    noLabour: 'không có số lao động trong kỳ (bảng LaoDong)',
    noTasks: 'không có nhiệm vụ nào (bảng NhiemVu)',
    noPeriod: 'chưa có kỳ báo cáo',
    fdi: 'FDI (triệu USD)',
    ddi: 'DDI (tỷ đồng)',
    revenue: 'Doanh thu',
    export: 'Xuất khẩu',
    import: 'Nhập khẩu',
    tax_paid: 'Nộp NSNN (doanh nghiệp)',
    budget: 'Nộp NSNN (đơn vị thuộc Ban)',
    labour_workers: 'Lao động (người)',
    doneOnTime: 'Hoàn thành đúng hạn',
    doneLate: 'Hoàn thành sau hạn',
    openOnTime: 'Đang thực hiện, trong hạn',
    overdue: 'Quá hạn',
    noDeadline: 'Không có thời hạn',
    tasksCategory: 'Nhiệm vụ',
  },
  en: {
    plan: 'Progress against the annual plan',
    prior: 'Compared with the same period last year',
    labour: 'Workers by month',
    tasks: 'Assigned tasks',
    planAxis: '% of the annual plan',
    priorAxis: '% (same period last year = 100%)',
    labourAxis: 'workers',
    tasksAxis: 'tasks',
    elapsed: (p: string) => `Share of the year elapsed: ${p}%`,
    reached: 'Reached',
    current: 'This period',
    priorSeries: 'Same period last year',
    month: (m: number) => ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1],
    year: (y: number) => String(y),
    noPlan: 'no annual plan (Targets table)',
    noPrior: 'no figures for the same period last year',
    noLabour: 'no workers in the period (Labour table)',
    noTasks: 'no tasks (Tasks table)',
    noPeriod: 'no report period',
    fdi: 'FDI (million USD)',
    ddi: 'DDI (billion VND)',
    revenue: 'Revenue',
    export: 'Exports',
    import: 'Imports',
    tax_paid: 'Taxes paid by enterprises',
    budget: "Authority's budget collections",
    labour_workers: 'Workers',
    doneOnTime: 'Done on time',
    doneLate: 'Done after the deadline',
    openOnTime: 'Open, within deadline',
    overdue: 'Overdue',
    noDeadline: 'No deadline',
    tasksCategory: 'Tasks',
  },
};

const num = (metrics: Metrics, key: string): number | null => {
  const v = metrics.get(key)?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/** A round axis maximum: the next step of 1, 2, 2.5 or 5 × 10ⁿ above the largest value. */
export function niceAxis(max: number, floor = 0): { max: number; majorUnit: number } {
  const top = Math.max(max, floor, 1);
  const raw = top / 5;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((s) => s * pow).find((s) => s >= raw)!;
  return { max: Math.ceil(top / step - 1e-9) * step, majorUnit: step };
}

/** The share of the year that the period has covered by its end: whole months when it ends at a month's end. */
export function elapsedShare(period: Period): number {
  const [y, m, d] = period.end.split('-').map(Number);
  if (d === daysInMonth(y, m)) return (m / 12) * 100;
  let days = d;
  for (let i = 1; i < m; i++) days += daysInMonth(y, i);
  const yearDays = daysInMonth(y, 2) === 29 ? 366 : 365;
  return (days / yearDays) * 100;
}

const PLAN_ITEMS = ['fdi', 'ddi', 'revenue', 'export', 'import', 'tax_paid', 'budget'] as const;
const PRIOR_ITEMS = [
  { key: 'fdi', current: 'fdi_total_capital', prior: 'fdi_total_capital_prior' },
  { key: 'ddi', current: 'ddi_total_capital', prior: 'ddi_total_capital_prior' },
  { key: 'revenue', current: 'revenue', prior: 'revenue_prior' },
  { key: 'export', current: 'export', prior: 'export_prior' },
  { key: 'import', current: 'import', prior: 'import_prior' },
  { key: 'tax_paid', current: 'tax_paid', prior: 'tax_paid_prior' },
  { key: 'labour_workers', current: 'labour_workers', prior: 'labour_workers_prior' },
] as const;

/** The four charts of the report, decided once from the figures; a chart without inputs is left out with its reason. */
export function buildCharts(data: WorkbookData, period: Period | null, metrics: Metrics, lang: Lang, memo?: FigureMemo): ChartsResult {
  const t = T[lang];
  const charts: ChartModel[] = [];
  const omitted: ChartsResult['omitted'] = [];
  // chart labels write each figure as the text does (format.ts, the precision rule)
  const templates = effectiveTemplates(data.templates, lang);
  const pct = (v: number, key: string) => `${formatNumber(v, lang, figureDecimals(key, templates, v))}%`;
  const base = { number: 0, reference: null };

  // 1. Plan attainment, against the share of the year elapsed
  const planned = PLAN_ITEMS.map((k) => ({ k, v: num(metrics, `${k}_pct_plan`) })).filter((x) => x.v !== null);
  if (!period) omitted.push({ id: 'plan', title: t.plan, reason: t.noPeriod });
  else if (!planned.length) omitted.push({ id: 'plan', title: t.plan, reason: t.noPlan });
  else {
    const elapsed = elapsedShare(period);
    const axis = niceAxis(Math.max(...planned.map((x) => x.v!)), 100);
    charts.push({
      ...base,
      id: 'plan',
      type: 'bar',
      title: t.plan,
      categories: planned.map((x) => t[x.k]),
      series: [{ name: t.reached, values: planned.map((x) => x.v), labels: planned.map((x) => pct(x.v!, `${x.k}_pct_plan`)), fill: CHART_FILLS[1] }],
      valueAxis: { title: t.planAxis, min: 0, ...axis, percent: true },
      reference: { value: elapsed, label: t.elapsed(formatNumber(elapsed, lang, { max: 1 })), valueLabel: `${formatNumber(elapsed, lang, { max: 1 })}%` },
      sources: planned.map((x) => `${x.k}_pct_plan`),
      after: ['tax_paid', 'import', 'export', 'revenue', 'enterprise'],
    });
  }

  // 2. This period against the same period last year: each pair on one scale, last year = 100%
  const pairs = PRIOR_ITEMS.map((p) => ({ ...p, c: num(metrics, p.current), p: num(metrics, p.prior) })).filter((x) => x.c !== null && x.p !== null && x.p > 0);
  if (!pairs.length) omitted.push({ id: 'prior', title: t.prior, reason: period ? t.noPrior : t.noPeriod });
  else {
    const ratio = pairs.map((x) => (x.c! / x.p!) * 100);
    const axis = niceAxis(Math.max(...ratio), 100);
    // the pair's label in the text's words: "bằng 106%", "giảm 22,3%", "gấp 2,25 lần", "tương đương";
    // the workers, which the text gives as a change, "tăng 7,8%"
    const short = (x: (typeof pairs)[number], r: number) => {
      if (x.key === 'labour_workers') {
        const change = num(metrics, 'labour_change_pct') ?? r - 100;
        const d = figureDecimals('labour_change_pct', templates);
        return changePhrase(change, lang, 'decimals' in d ? d.decimals : 1);
      }
      return compareLabel(r, lang, askedDecimals(`${x.key}_vs_prior_pct`, templates) ?? undefined);
    };
    charts.push({
      ...base,
      id: 'prior',
      type: 'bar',
      title: t.prior,
      categories: pairs.map((x) => t[x.key]),
      series: [
        { name: t.priorSeries, values: pairs.map(() => 100), labels: pairs.map((x) => formatNumber(x.p!, lang, { max: 2 })), fill: CHART_FILLS[3] },
        { name: t.current, values: ratio, labels: pairs.map((x, i) => `${formatNumber(x.c!, lang, { max: 2 })} (${short(x, ratio[i])})`), fill: CHART_FILLS[0] },
      ],
      valueAxis: { title: t.priorAxis, min: 0, ...axis, percent: true },
      reference: null,
      sources: pairs.flatMap((x) => [x.current, x.prior]),
      after: ['ddi_cumulative', 'ddi', 'fdi_cumulative', 'fdi'],
    });
  }

  // 3. Workers by month, this period and the same months a year earlier
  const labourRows = data.labour;
  // a live check sums the same labour rows again while that table is unchanged: kept with them
  const labour = period && labourRows ? (memo ? memo.derive(labourRows, JSON.stringify(['monthlyWorkers', period]), () => monthlyWorkers(data, period)) : monthlyWorkers(data, period)) : null;
  if (!labour || labour.current.every((v) => v === null)) omitted.push({ id: 'labour', title: t.labour, reason: period ? t.noLabour : t.noPeriod });
  else {
    const all = [...labour.current, ...labour.prior].filter((v): v is number => v !== null);
    const axis = niceAxis(Math.max(...all));
    const label = (v: number | null) => (v === null ? '' : formatNumber(v, lang, { decimals: 0 }));
    const year = Number(period!.end.slice(0, 4));
    const series: ChartSeries[] = [];
    if (labour.prior.some((v) => v !== null)) series.push({ name: t.year(year - 1), values: labour.prior, labels: labour.prior.map(label), fill: CHART_FILLS[3] });
    series.push({ name: t.year(year), values: labour.current, labels: labour.current.map(label), fill: CHART_FILLS[0] });
    charts.push({
      ...base,
      id: 'labour',
      type: 'column',
      title: t.labour,
      categories: labour.months.map((m) => t.month(Number(m.slice(5)))),
      series,
      valueAxis: { title: t.labourAxis, min: 0, ...axis, percent: false },
      reference: null,
      sources: ['LaoDong'],
      after: ['labour_income', 'labour'],
    });
  }

  // 4. Tasks by state: one bar of stacked parts that add up to every task assigned
  const total = num(metrics, 'tasks_total');
  const done = num(metrics, 'tasks_done');
  const late = num(metrics, 'tasks_done_late');
  const parts = [
    { name: t.doneOnTime, v: done !== null && late !== null ? done - late : null, fill: CHART_FILLS[0] },
    { name: t.doneLate, v: late, fill: CHART_FILLS[1] },
    { name: t.openOnTime, v: num(metrics, 'tasks_on_time'), fill: CHART_FILLS[2] },
    { name: t.overdue, v: num(metrics, 'tasks_overdue'), fill: CHART_FILLS[4] },
    { name: t.noDeadline, v: num(metrics, 'tasks_no_deadline'), fill: CHART_FILLS[3] },
  ];
  if (!total || parts.some((p) => p.v === null)) omitted.push({ id: 'tasks', title: t.tasks, reason: period ? t.noTasks : t.noPeriod });
  else {
    const axis = niceAxis(total);
    charts.push({
      ...base,
      id: 'tasks',
      type: 'stacked',
      title: t.tasks,
      categories: [t.tasksCategory],
      series: parts.map((p) => ({ name: p.name, values: [p.v], labels: [p.v ? formatNumber(p.v, lang, { decimals: 0 }) : ''], fill: p.fill })),
      valueAxis: { title: t.tasksAxis, min: 0, ...axis, percent: false },
      reference: null,
      sources: ['tasks_done', 'tasks_done_late', 'tasks_on_time', 'tasks_overdue', 'tasks_no_deadline'],
      after: ['tasks_timeliness', 'tasks'],
    });
  }
  return { charts, omitted };
}

/** The sum of workers in each month of the period, and in the same month a year earlier (null: no rows). */
export function monthlyWorkers(data: WorkbookData, period: Period): { months: Month[]; current: (number | null)[]; prior: (number | null)[] } {
  const months: Month[] = [];
  let m = monthOfDay(period.start);
  const last = monthOfDay(period.end);
  while (m <= last && months.length < 24) {
    months.push(m);
    const [y, mm] = m.split('-').map(Number);
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
  }
  const byMonth = new Map<Month, number[]>();
  for (const r of data.labour ?? []) {
    const list = byMonth.get(r.month);
    if (list) list.push(r.workers);
    else byMonth.set(r.month, [r.workers]);
  }
  const sum = (month: Month) => {
    const list = byMonth.get(month);
    return list ? exactSum(list) : null;
  };
  const yearEarlier = (month: Month) => `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
  return { months, current: months.map(sum), prior: months.map((x) => sum(yearEarlier(x))) };
}
