import type { FigureMemo } from './figure-memo';
import { WorkbookData } from '../records/mapping';
import { Day, Month, addYears, monthOfDay, formatDayDMY, formatMonth } from '../records/parse';
import { exactSum, exactProduct, exactDifference } from './decimal';
import { Lang, Problems } from '../problems';
import { Located, Project, Target, PLAN_KEYS } from '../records/schema';
import { TABLE_BY_KIND } from '../records/schema';
import { countTasks } from './task-status';
import { computeDossiers } from './dossier-metrics';

export interface BudgetUnit {
  unit: string;
  amount: number;
  plan: number | null;
  pct_plan: number | null;
}

export type MetricValueType = number | boolean | BudgetUnit[] | null;

export interface Source {
  table: string;
  filter: string;
  rows: number;
}

export interface Metric {
  key: string;
  value: MetricValueType;
  /** Why the value is null, in the report's language. */
  reason: string | null;
  source: Source | null;
}

export interface Period {
  start: Day;
  end: Day;
  priorStart: Day;
  priorEnd: Day;
  year: number;
  asOf: Day;
}

export type Metrics = Map<string, Metric>;

/**
 * Why a figure is missing, in the words of an official (the report writes them in its
 * "chưa có số liệu (…)" sentences): never a table name, a setting key or a metric key.
 */
const R = {
  noPeriod: { vi: 'chưa xác định kỳ báo cáo', en: 'the report period is not set' },
  noTable: { vi: '{t}', en: '{t}' },
  noPlan: { vi: 'chưa có kế hoạch {k} năm {y}', en: 'no {k} plan for {y}' },
  noPriorData: { vi: 'không có số liệu cùng kỳ năm trước ({p})', en: 'no data for the same period last year ({p})' },
  noRowsMonth: { vi: 'không có số liệu tháng {m}', en: 'no figures for {m}' },
  noRowsPeriod: { vi: 'không có số liệu trong kỳ', en: 'no figures in the period' },
  noValues: { vi: 'không có số liệu {k} trong kỳ', en: 'no {k} figures in the period' },
  zero: { vi: 'số liệu so sánh bằng 0', en: 'the figure compared with is 0' },
  dependsOn: { vi: 'thiếu số liệu để tính', en: 'a figure it needs is missing' },
  noRate: { vi: 'chưa có tỷ giá quy đổi sang USD', en: 'no exchange rate to USD' },
  noIncome: { vi: 'không có số liệu thu nhập bình quân tháng {m}', en: 'no average income figures for {m}' },
};

/** What is missing when a workbook has no list of a kind, named as staff know it. */
const NO_LIST: Record<'projects' | 'labour' | 'revenue' | 'budget' | 'tasks' | 'dossiers' | 'targets', Record<Lang, string>> = {
  projects: { vi: 'chưa có danh sách dự án được cấp phép', en: 'no list of licensed projects' },
  labour: { vi: 'chưa có bảng tổng hợp lao động của doanh nghiệp', en: "no summary of the enterprises' workers" },
  revenue: { vi: 'chưa có bảng tổng hợp sản xuất kinh doanh của doanh nghiệp', en: "no summary of the enterprises' business results" },
  budget: { vi: 'chưa có bảng tổng hợp nộp ngân sách của các đơn vị', en: "no summary of the units' budget payments" },
  tasks: { vi: 'chưa có danh sách nhiệm vụ được giao', en: 'no list of assigned tasks' },
  dossiers: { vi: 'chưa có danh sách hồ sơ tiếp nhận, giải quyết', en: 'no list of dossiers received and resolved' },
  targets: { vi: 'chưa có kế hoạch năm', en: 'no annual plans' },
};

/** A plan key or a figure in words: "doanh thu", "thu hút vốn FDI", "nộp ngân sách của <đơn vị>". */
const WORDS: Record<string, Record<Lang, string>> = {
  fdi_capital: { vi: 'thu hút vốn FDI', en: 'FDI' },
  ddi_capital: { vi: 'thu hút vốn DDI', en: 'DDI' },
  revenue: { vi: 'doanh thu', en: 'revenue' },
  export: { vi: 'xuất khẩu', en: 'export' },
  import: { vi: 'nhập khẩu', en: 'import' },
  tax_paid: { vi: 'nộp ngân sách của doanh nghiệp', en: 'enterprise tax' },
  budget: { vi: 'nộp ngân sách', en: 'budget collection' },
  labour_workers: { vi: 'lao động', en: 'workers' },
};
function words(key: string, lang: Lang): string {
  const unit = /^budget:(.+)$/.exec(key);
  if (unit) return lang === 'vi' ? `nộp ngân sách của ${unit[1]}` : `budget collection of ${unit[1]}`;
  return WORDS[key]?.[lang] ?? key;
}

function reason(lang: Lang, key: keyof typeof R, vars: Record<string, string | number> = {}): string {
  const v: Record<string, string | number> = { ...vars };
  if (key === 'noTable') v.t = NO_LIST[vars.t as keyof typeof NO_LIST][lang];
  if (key === 'noPlan' || key === 'noValues') v.k = words(String(vars.k), lang);
  return R[key][lang].replace(/\{(\w)\}/g, (_, name: string) => String(v[name] ?? ''));
}

export function periodOf(data: WorkbookData): Period | null {
  const s = data.settings;
  if (!s.periodStart || !s.periodEnd || s.periodEnd < s.periodStart) return null;
  return {
    start: s.periodStart,
    end: s.periodEnd,
    priorStart: addYears(s.periodStart, -1),
    priorEnd: addYears(s.periodEnd, -1),
    year: Number(s.periodEnd.slice(0, 4)),
    asOf: s.asOf ?? s.periodEnd,
  };
}

const inRange = (d: string, a: string, b: string) => d >= a && d <= b;

/**
 * The licensing events of one source and kind dated from `a` to `b`: the one filter of the
 * `*_new_*` and `*_adjusted_*` metrics, and of the annex of new projects, so that both list the
 * same rows.
 */
export function licensingEvents<T extends Pick<Project, 'source' | 'event' | 'date'>>(rows: readonly T[], source: Project['source'], event: Project['event'], a: Day, b: Day): T[] {
  return rows.filter((r) => r.source === source && r.event === event && inRange(r.date, a, b));
}

/** Computes every metric key of the contract. Missing inputs give null and a reason, never 0. */
export function computeMetrics(data: WorkbookData, problems: Problems, memo?: FigureMemo): { period: Period | null; metrics: Metrics } {
  const lang = problems.lang;
  const metrics: Metrics = new Map();
  const set = (key: string, value: MetricValueType, why: string | null = null, source: Source | null = null) => {
    metrics.set(key, { key, value: value === null || (typeof value === 'number' && !Number.isFinite(value)) ? null : value, reason: value === null ? why : null, source });
  };
  const period = periodOf(data);
  const tableName = (kind: keyof typeof TABLE_BY_KIND) => data.tables.find((t) => t.kind === kind)?.name ?? TABLE_BY_KIND[kind].vi;

  /** num ÷ den × 100, or with `change` (num − den) ÷ den × 100, the difference taken exactly. */
  const ratioWith = (set: Setter) => (key: string, num: string, den: string, change = false) => {
    const a = metrics.get(num)?.value;
    const b = metrics.get(den)?.value;
    // a missing input: its own reason, which says what is missing in words
    if (typeof a !== 'number') return set(key, null, metrics.get(num)?.reason ?? reason(lang, 'dependsOn'));
    if (typeof b !== 'number') return set(key, null, metrics.get(den)?.reason ?? reason(lang, 'dependsOn'));
    if (b === 0) return set(key, null, reason(lang, 'zero'));
    set(key, ((change ? exactDifference(a, b) : a) / b) * 100);
  };

  const targets = period && data.targets ? targetIndex(data.targets, period.year) : null;
  const planOf = (planKey: string): { value: number | null; why: string; source: Source | null } => {
    if (!period) return { value: null, why: reason(lang, 'noPeriod'), source: null };
    if (!targets) return { value: null, why: reason(lang, 'noTable', { t: 'targets' }), source: null };
    const t = targets.get(planKey);
    if (!t || t.plan === null) return { value: null, why: reason(lang, 'noPlan', { k: planKey, y: period.year }), source: null };
    return { value: t.plan, why: '', source: { table: tableName('targets'), filter: `${planKey}, ${period.year}`, rows: 1 } };
  };
  /** planOf(planKey).value, without the words of a missing plan (asked for each of thousands of budget units). */
  const planValue = (planKey: string): number | null => (period && targets ? targets.get(planKey)?.plan ?? null : null);
  const priorOf = (planKey: string) => {
    const t = targets?.get(planKey);
    return t && t.prior !== null ? { value: t.prior, source: { table: tableName('targets'), filter: `${planKey} (Cùng kỳ), ${period!.year}`, rows: 1 } } : null;
  };

  // Each table's figures are one step, replayed by a live check while that table and the plans it asked for are unchanged.
  const base = `${JSON.stringify(period)}|${lang}`;
  const ask = { planOf, priorOf };
  const step = <T>(key: string, run: (set: Setter, ask: { planOf: PlanOf; priorOf: PriorOf }) => T): T =>
    memo ? memo.run(`${key}|${base}`, problems.list, set, ask, run) : run(set, ask);

  // Investment
  for (const src of ['FDI', 'DDI'] as const) step(`investment|${src}|${memo?.id(data.projects)}|${tableName('projects')}`, (set, { planOf, priorOf }) => {
    const ratio = ratioWith(set);
    const p = src.toLowerCase();
    const planKey = `${p}_capital`;
    const keys = ['new_count', 'new_capital', 'adjusted_count', 'adjusted_capital', 'total_capital', 'total_capital_prior', 'cumulative_count', 'cumulative_capital'];
    if (!period || !data.projects) {
      const why = !period ? reason(lang, 'noPeriod') : reason(lang, 'noTable', { t: 'projects' });
      for (const k of keys) set(`${p}_${k}`, null, why);
    } else {
      const rows = data.projects.filter((r) => r.source === src);
      const t = tableName('projects');
      const flows = (a: Day, b: Day) => {
        const news = licensingEvents(rows, src, 'new', a, b);
        const adjs = licensingEvents(rows, src, 'adjust', a, b);
        return {
          news,
          adjs,
          newCount: new Set(news.map((r) => r.projectId)).size,
          newCapital: exactSum(news.map((r) => r.capital ?? 0)),
          adjCount: new Set(adjs.map((r) => r.projectId)).size,
          adjCapital: exactSum(adjs.map((r) => r.capital ?? 0)),
        };
      };
      const now = flows(period.start, period.end);
      const span = `${formatDayDMY(period.start)}–${formatDayDMY(period.end)}`;
      set(`${p}_new_count`, now.newCount, null, { table: t, filter: `${src}, Cấp mới, ${span}`, rows: now.news.length });
      set(`${p}_new_capital`, now.newCapital, null, { table: t, filter: `${src}, Cấp mới, ${span}`, rows: now.news.length });
      set(`${p}_adjusted_count`, now.adjCount, null, { table: t, filter: `${src}, Điều chỉnh, ${span}`, rows: now.adjs.length });
      set(`${p}_adjusted_capital`, now.adjCapital, null, { table: t, filter: `${src}, Điều chỉnh, ${span}`, rows: now.adjs.length });
      set(`${p}_total_capital`, exactSum([now.newCapital, now.adjCapital]), null, { table: t, filter: `${src}, Cấp mới + Điều chỉnh, ${span}`, rows: now.news.length + now.adjs.length });
      const stated = priorOf(planKey);
      if (stated) set(`${p}_total_capital_prior`, stated.value, null, stated.source);
      else {
        const before = flows(period.priorStart, period.priorEnd);
        const priorSpan = `${formatDayDMY(period.priorStart)}–${formatDayDMY(period.priorEnd)}`;
        const hasHistory = rows.some((r) => r.date <= period.priorEnd);
        if (!hasHistory) set(`${p}_total_capital_prior`, null, reason(lang, 'noPriorData', { p: priorSpan }));
        else set(`${p}_total_capital_prior`, exactSum([before.newCapital, before.adjCapital]), null, { table: t, filter: `${src}, Cấp mới + Điều chỉnh, ${priorSpan}`, rows: before.news.length + before.adjs.length });
      }
      const valid = validProjects(rows, period.end);
      set(`${p}_cumulative_count`, valid.ids.size, null, { table: t, filter: `${src}, còn hiệu lực đến ${formatDayDMY(period.end)}`, rows: valid.rows });
      set(`${p}_cumulative_capital`, valid.capital, null, { table: t, filter: `${src}, Cấp mới + Điều chỉnh ≤ ${formatDayDMY(period.end)}, dự án còn hiệu lực`, rows: valid.rows });
    }
    ratio(`${p}_vs_prior_pct`, `${p}_total_capital`, `${p}_total_capital_prior`);
    const plan = planOf(planKey);
    set(`${p}_plan`, plan.value, plan.why, plan.source);
    ratio(`${p}_pct_plan`, `${p}_total_capital`, `${p}_plan`);
  });
  const rate = data.settings.vndPerUsd;
  const ddiCum = metrics.get('ddi_cumulative_capital')!.value;
  if (typeof ddiCum !== 'number') set('ddi_cumulative_capital_usd', null, metrics.get('ddi_cumulative_capital')!.reason ?? reason(lang, 'dependsOn'));
  else if (!rate) set('ddi_cumulative_capital_usd', null, reason(lang, 'noRate'));
  else set('ddi_cumulative_capital_usd', ddiCum / rate, null, { table: 'ThongTin', filter: `ddi_cumulative_capital ÷ TyGia (${rate})`, rows: 1 });

  // the budget asks the plans of thousands of units: what it reads of the plans is asked once, as the plans of the budget
  const budgetPlans = () => JSON.stringify([tableName('targets'), !!targets, (data.targets ?? []).filter((t) => normaliseTargetKey(t.metric)?.startsWith('budget')).map((t) => [t.metric, t.year, t.plan, t.origin.cell('metric')])]);
  const budget = <T>(run: (set: Setter, ask: { budgetPlans: () => string }) => T): T =>
    memo ? memo.run(`budget|${memo.id(data.budget)}|${tableName('budget')}|${base}`, problems.list, set, { budgetPlans }, run) : run(set, { budgetPlans });
  budget((set, { budgetPlans }) => {
    budgetPlans();
    computeBudget(data, period, problems, set, planOf, planValue, tableName('budget'), memo);
  });
  step(`labour|${memo?.id(data.labour)}|${tableName('labour')}`, (set, { priorOf }) => {
    computeLabour(data, period, lang, set, priorOf, tableName('labour'));
    ratioWith(set)('labour_change_pct', 'labour_workers', 'labour_workers_prior', true);
    computeLabourIncome(data, period, lang, set, tableName('labour'));
  });
  step(`revenue|${memo?.id(data.revenue)}|${tableName('revenue')}`, (set, { planOf, priorOf }) => computeRevenue(data, period, lang, set, planOf, priorOf, ratioWith(set), tableName('revenue')));
  step(`tasks|${memo?.id(data.tasks)}|${tableName('tasks')}`, (set) => computeTasks(data, period, lang, set, tableName('tasks'), memo));
  step(`dossiers|${memo?.id(data.dossiers)}|${tableName('dossiers')}`, (set) =>
    computeDossiers(data, period, lang, set, tableName('dossiers'), !period ? reason(lang, 'noPeriod') : !data.dossiers ? reason(lang, 'noTable', { t: 'dossiers' }) : null),
  );
  return { period, metrics };
}

export type Setter = (key: string, value: MetricValueType, why?: string | null, source?: Source | null) => void;
type PlanOf = (k: string) => { value: number | null; why: string; source: Source | null };

function targetIndex(targets: Located<Target>[], year: number): Map<string, Located<Target>> {
  const out = new Map<string, Located<Target>>();
  for (const t of targets) {
    if (t.year !== year) continue;
    const key = normaliseTargetKey(t.metric);
    if (!key || out.has(key)) continue;
    out.set(key, t);
  }
  return out;
}

/** Plan keys are matched like headers; `budget:<unit>` keeps the unit name as written. */
export function normaliseTargetKey(metric: string): string | null {
  const m = /^\s*budget\s*:\s*(.+)$/i.exec(metric);
  if (m) return `budget:${m[1].trim()}`;
  const k = metric.trim().toLowerCase().replace(/\s+/g, '_');
  return (PLAN_KEYS as readonly string[]).includes(k) ? k : null;
}

function validProjects(rows: Located<Project>[], end: Day): { ids: Set<string>; capital: number; rows: number } {
  const byId = new Map<string, Located<Project>[]>();
  for (const r of rows) {
    if (r.date > end) continue;
    const list = byId.get(r.projectId) ?? [];
    list.push(r);
    byId.set(r.projectId, list);
  }
  const ids = new Set<string>();
  const capitals: number[] = [];
  let count = 0;
  for (const [id, events] of byId) {
    if (!events.some((e) => e.event === 'new') || events.some((e) => e.event === 'terminate')) continue;
    ids.add(id);
    for (const e of events) {
      if (e.event !== 'terminate') capitals.push(e.capital ?? 0);
    }
    count += events.length;
  }
  return { ids, capital: exactSum(capitals), rows: count };
}

/** Whether a month falls in a period (the period's months worked out once, not for each row). */
const monthsIn = (p: Pick<Period, 'start' | 'end'>) => {
  const first = monthOfDay(p.start);
  const last = monthOfDay(p.end);
  return (m: Month) => m >= first && m <= last;
};

/**
 * The units of a live check's last budget list that read the same again are those very objects
 * (the whole list when every unit does): what the report makes of a unit is kept with it.
 */
function sameUnits(list: BudgetUnit[], memo: FigureMemo | undefined): BudgetUnit[] {
  if (!memo) return list;
  const before = memo.find(memo, 'budgetUnits')?.value as BudgetUnit[] | undefined;
  let out = list;
  if (before) {
    const byName = new Map(before.map((u) => [u.unit, u]));
    out = list.map((u) => {
      const b = byName.get(u.unit);
      return b && Object.is(b.amount, u.amount) && Object.is(b.plan, u.plan) && Object.is(b.pct_plan, u.pct_plan) ? b : u;
    });
    if (out.length === before.length && out.every((u, i) => u === before[i])) out = before;
  }
  memo.keep(memo, 'budgetUnits', out);
  return out;
}

function computeBudget(data: WorkbookData, period: Period | null, problems: Problems, set: Setter, planOf: PlanOf, planValue: (k: string) => number | null, t: string, memo?: FigureMemo) {
  const lang = problems.lang;
  const inPeriod = period && monthsIn(period);
  const rows = inPeriod && data.budget ? data.budget.filter((r) => inPeriod(r.month)) : [];
  const byUnit = new Map<string, number[]>();
  for (const r of rows) {
    const amounts = byUnit.get(r.unit);
    if (amounts) amounts.push(r.amount);
    else byUnit.set(r.unit, [r.amount]);
  }
  const total = rows.length ? exactSum(rows.map((r) => r.amount)) : null;
  if (!period || !data.budget) {
    const why = !period ? reason(lang, 'noPeriod') : reason(lang, 'noTable', { t: 'budget' });
    set('budget_total', null, why);
    set('budget_units', null, why);
  } else {
    const span = `${formatMonth(monthOfDay(period.start))}–${formatMonth(monthOfDay(period.end))}`;
    const list: BudgetUnit[] = sameUnits(
      [...byUnit].map(([unit, amounts]) => {
        const amount = exactSum(amounts);
        const plan = planValue(`budget:${unit}`);
        return { unit, amount, plan, pct_plan: plan ? (amount / plan) * 100 : null };
      }),
      memo,
    );
    if (total === null) set('budget_total', null, reason(lang, 'noRowsPeriod', { t }));
    else set('budget_total', total, null, { table: t, filter: span, rows: rows.length });
    set('budget_units', list, null, { table: t, filter: span, rows: rows.length });
    for (const target of data.targets ?? []) {
      const k = normaliseTargetKey(target.metric);
      if (target.year === period.year && k?.startsWith('budget:') && !byUnit.has(k.slice(7))) {
        problems.add('warning', target.origin.cell('metric'), 'targetBudgetUnitUnused', { unit: k.slice(7) });
      }
    }
  }
  // the total plan, or the units' plans added up when every unit has one
  let plan = planOf('budget');
  if (plan.value === null && byUnit.size && [...byUnit.keys()].every((u) => planValue(`budget:${u}`) !== null)) {
    const unitPlans = [...byUnit.keys()].map((u) => planOf(`budget:${u}`));
    plan = { value: exactSum(unitPlans.map((p) => p.value!)), why: '', source: { table: unitPlans[0].source!.table, filter: 'Σ budget:<đơn vị>', rows: unitPlans.length } };
  }
  set('budget_plan', plan.value, plan.why, plan.source);
  if (total === null) set('budget_pct_plan', null, !period ? reason(lang, 'noPeriod') : !data.budget ? reason(lang, 'noTable', { t: 'budget' }) : reason(lang, 'noRowsPeriod'));
  else if (plan.value === null) set('budget_pct_plan', null, plan.why);
  else if (plan.value === 0) set('budget_pct_plan', null, reason(lang, 'zero'));
  else set('budget_pct_plan', (total / plan.value) * 100);
}

function computeLabour(data: WorkbookData, period: Period | null, lang: Lang, set: Setter, priorOf: (k: string) => { value: number; source: Source } | null, t: string) {
  if (!period || !data.labour) {
    const why = !period ? reason(lang, 'noPeriod') : reason(lang, 'noTable', { t: 'labour' });
    set('labour_workers', null, why);
    set('labour_workers_prior', null, why);
    return;
  }
  const month = monthOfDay(period.end);
  const prior = monthOfDay(period.priorEnd);
  const at = (m: Month) => data.labour!.filter((r) => r.month === m);
  const now = at(month);
  if (now.length) set('labour_workers', exactSum(now.map((r) => r.workers)), null, { table: t, filter: `Tháng ${formatMonth(month)}`, rows: now.length });
  else set('labour_workers', null, reason(lang, 'noRowsMonth', { m: formatMonth(month), t }));
  const stated = priorOf('labour_workers');
  if (stated) return set('labour_workers_prior', stated.value, null, stated.source);
  const before = at(prior);
  if (before.length) set('labour_workers_prior', exactSum(before.map((r) => r.workers)), null, { table: t, filter: `Tháng ${formatMonth(prior)}`, rows: before.length });
  else set('labour_workers_prior', null, reason(lang, 'noRowsMonth', { m: formatMonth(prior), t }));
}

function computeLabourIncome(data: WorkbookData, period: Period | null, lang: Lang, set: Setter, t: string) {
  if (!period || !data.labour) return set('labour_avg_income', null, !period ? reason(lang, 'noPeriod') : reason(lang, 'noTable', { t: 'labour' }));
  const month = monthOfDay(period.end);
  const rows = data.labour.filter((r) => r.month === month && r.avgIncome !== null && r.workers > 0);
  const workers = exactSum(rows.map((r) => r.workers));
  if (!rows.length || workers === 0) return set('labour_avg_income', null, reason(lang, 'noIncome', { m: formatMonth(month) }));
  const weighted = exactSum(rows.map((r) => exactProduct(r.workers, r.avgIncome!)));
  set('labour_avg_income', weighted / workers, null, { table: t, filter: `Tháng ${formatMonth(month)}, Σ(lao động × thu nhập) ÷ Σ lao động`, rows: rows.length });
}

type PriorOf = (k: string) => { value: number; source: Source } | null;

function computeRevenue(data: WorkbookData, period: Period | null, lang: Lang, set: Setter, planOf: PlanOf, priorOf: PriorOf, ratio: (k: string, a: string, b: string) => void, t: string) {
  const fields = [
    ['revenue', 'revenue'],
    ['export', 'export'],
    ['import', 'import'],
    ['tax_paid', 'taxPaid'],
  ] as const;
  const inPeriod = period && monthsIn(period);
  const rows = inPeriod && data.revenue ? data.revenue.filter((r) => inPeriod(r.month)) : [];
  const span = period ? `${formatMonth(monthOfDay(period.start))}–${formatMonth(monthOfDay(period.end))}` : '';
  const priorPeriod = period ? { ...period, start: period.priorStart, end: period.priorEnd } : null;
  const inPrior = priorPeriod && monthsIn(priorPeriod);
  const priorRows = inPrior && data.revenue ? data.revenue.filter((r) => inPrior(r.month)) : [];
  const priorSpan = priorPeriod ? `${formatMonth(monthOfDay(priorPeriod.start))}–${formatMonth(monthOfDay(priorPeriod.end))}` : '';
  let estimated = false;
  for (const [key, field] of fields) {
    if (!period || !data.revenue) set(key, null, !period ? reason(lang, 'noPeriod') : reason(lang, 'noTable', { t: 'revenue' }));
    else {
      const withValue = rows.filter((r) => r[field] !== null);
      if (!withValue.length) set(key, null, rows.length ? reason(lang, 'noValues', { k: key }) : reason(lang, 'noRowsPeriod', { t }));
      else set(key, exactSum(withValue.map((r) => r[field]!)), null, { table: t, filter: span, rows: withValue.length });
      if (withValue.some((r) => r.estimated)) estimated = true;
    }
    // the same period last year: the Targets' stated "Cùng kỳ" wins over the rows of the table
    const stated = period ? priorOf(key) : null;
    if (stated) set(`${key}_prior`, stated.value, null, stated.source);
    else if (!period || !data.revenue) set(`${key}_prior`, null, !period ? reason(lang, 'noPeriod') : reason(lang, 'noTable', { t: 'revenue' }));
    else {
      const before = priorRows.filter((r) => r[field] !== null);
      if (!before.length) set(`${key}_prior`, null, reason(lang, 'noPriorData', { p: priorSpan }));
      else set(`${key}_prior`, exactSum(before.map((r) => r[field]!)), null, { table: t, filter: priorSpan, rows: before.length });
    }
    ratio(`${key}_vs_prior_pct`, key, `${key}_prior`);
    const plan = planOf(key);
    set(`${key}_plan`, plan.value, plan.why, plan.source);
    ratio(`${key}_pct_plan`, key, `${key}_plan`);
  }
  if (!period || !data.revenue) set('revenue_estimated', null, !period ? reason(lang, 'noPeriod') : reason(lang, 'noTable', { t: 'revenue' }));
  else set('revenue_estimated', estimated, null, { table: t, filter: `${span}, Ước tính`, rows: rows.filter((r) => r.estimated).length });
}

function computeTasks(data: WorkbookData, period: Period | null, lang: Lang, set: Setter, t: string, memo?: FigureMemo) {
  const keys = ['tasks_total', 'tasks_done', 'tasks_open', 'tasks_overdue', 'tasks_on_time', 'tasks_no_deadline', 'tasks_done_late'];
  if (!period || !data.tasks) {
    const why = !period ? reason(lang, 'noPeriod') : reason(lang, 'noTable', { t: 'tasks' });
    for (const k of keys) set(k, null, why);
    return;
  }
  const asOf = period.asOf;
  const at = `≤ ${formatDayDMY(asOf)}`;
  const c = countTasks(data.tasks, period.start, asOf, memo);
  const done = c.done + c.doneLate;
  const open = c.overdue + c.onTime + c.noDeadline;
  const src = (filter: string, n: number): Source => ({ table: t, filter, rows: n });
  set('tasks_total', c.total, null, src(`Ngày giao ${at}, trừ nhiệm vụ hoàn thành trước ${formatDayDMY(period.start)}`, c.total));
  set('tasks_done', done, null, src(`Ngày hoàn thành ${at}`, done));
  set('tasks_open', open, null, src(`chưa hoàn thành đến ${formatDayDMY(asOf)}`, open));
  set('tasks_overdue', c.overdue, null, src(`đang thực hiện, Hạn xử lý < ${formatDayDMY(asOf)}`, c.overdue));
  set('tasks_on_time', c.onTime, null, src(`đang thực hiện, Hạn xử lý ≥ ${formatDayDMY(asOf)}`, c.onTime));
  set('tasks_no_deadline', c.noDeadline, null, src('đang thực hiện, không có Hạn xử lý', c.noDeadline));
  set('tasks_done_late', c.doneLate, null, src('Ngày hoàn thành > Hạn xử lý', c.doneLate));
}
