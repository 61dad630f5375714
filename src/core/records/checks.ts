import { WorkbookData } from './mapping';
import { Problems } from '../problems';
import { Day, formatDayDMY, formatMonth, monthOfDay } from './parse';
import { Period, normaliseTargetKey } from '../figures/metrics';
import { Located, Origin, Project, Target, Task } from './schema';
import type { FigureMemo } from '../figures/figure-memo';
import { taskInScope } from '../figures/task-status';
import { recordDelta } from './table-cache';

/**
 * Cross-row checks after mapping. Rows that must not count are removed here, each one reported;
 * returns how many were removed.
 */
export function checkConsistency(data: WorkbookData, problems: Problems, memo?: FigureMemo): number {
  let removed = 0;
  // each table's checks are one step, replayed by a live check while that table is unchanged
  const step = <T>(key: string, run: () => T): T => (memo ? memo.run(`${key}|${problems.lang}`, problems.list, () => undefined, {}, run) : run());
  const projects = data.projects;
  if (projects) step(`checkProjects|${memo?.id(projects)}`, () => checkProjects(projects, problems, memo));
  const tasks = data.tasks;
  if (tasks) {
    const kept = step(`checkTasks|${memo?.id(tasks)}`, () => uniqueTasks(tasks, problems, memo));
    removed += tasks.length - kept.length;
    data.tasks = kept;
  }
  for (const list of [data.labour, data.revenue] as const) if (list) step(`checkMonths|${memo?.id(list)}`, () => checkMonthRows<{ enterprise: string; month: string; origin: Origin }>(list, (r) => r.enterprise, problems, memo));
  const budget = data.budget;
  if (budget) step(`checkMonths|${memo?.id(budget)}`, () => checkMonthRows(budget, (r) => r.unit, problems, memo));
  const targets = data.targets;
  if (targets) {
    const kept = step(`checkTargets|${memo?.id(targets)}`, () => knownTargets(targets, problems));
    removed += targets.length - kept.length;
    data.targets = kept;
  }
  return removed;
}

/** The plans of known metrics, one per metric and year: the others are reported and left out. */
function knownTargets(targets: Located<Target>[], problems: Problems): Located<Target>[] {
  const seen = new Map<string, number>();
  return targets.filter((t) => {
    const key = normaliseTargetKey(t.metric);
    if (!key) {
      problems.add('warning', t.origin.cell('metric'), 'targetUnknownMetric', { text: t.metric, row: t.origin.row });
      return false;
    }
    const first = seen.get(`${key}|${t.year}`);
    if (first !== undefined) {
      problems.add('warning', t.origin.cell('metric'), 'targetDuplicate', { text: t.metric, year: t.year, first });
      return false;
    }
    seen.set(`${key}|${t.year}`, t.origin.row);
    return true;
  });
}

/**
 * A check that had nothing to say about a list keeps with it (a live check) what it needs to check
 * the next list from the rows taken out and put in (recordDelta): `follow` updates that state and
 * says whether the next list still gives nothing to say. The last list's state is not asked for
 * again (it follows the next list). False when the state or the delta is unknown, or `follow` fails.
 */
function followDelta<S>(memo: FigureMemo | undefined, list: readonly unknown[], tag: string, follow: (state: S, removed: unknown[], added: unknown[]) => boolean): boolean {
  const delta = recordDelta(list);
  const state = delta && (memo?.find(delta.from, tag)?.value as S | undefined);
  if (!memo || !delta || !state) return false;
  memo.keep(delta.from, tag, undefined);
  if (!follow(state, delta.removed, delta.added)) return false;
  memo.keep(list, tag, state);
  return true;
}

const CLEAN_TASKS = 'uniqueTasks|clean';

/**
 * The tasks with their first row for each Mã: a later row of the same task is reported and left
 * out. A list with nothing to say (every Mã once, no task completed before it was assigned) is
 * itself the answer; a live check keeps its Mã with it and, for the list re-read with a few rows
 * changed (recordDelta), checks only the tasks put in.
 */
function uniqueTasks(tasks: Located<Task>[], problems: Problems, memo?: FigureMemo): Located<Task>[] {
  if (followDelta<Map<string, number>>(memo, tasks, CLEAN_TASKS, (ids, removed, added) => stillClean(ids, removed as Located<Task>[], added as Located<Task>[]))) return tasks;
  const p0 = problems.list.length;
  const seen = new Map<string, number>();
  const kept = tasks.filter((t) => {
    const first = seen.get(t.taskId);
    if (first !== undefined) {
      problems.add('error', t.origin.cell('taskId'), 'duplicateTask', { id: t.taskId, first, row: t.origin.row });
      return false;
    }
    seen.set(t.taskId, t.origin.row);
    if (t.completed && t.completed < t.assigned) {
      problems.add('warning', t.origin.cell('completed'), 'completedBeforeAssigned', { id: t.taskId, done: formatDayDMY(t.completed), assigned: formatDayDMY(t.assigned) });
    }
    return true;
  });
  if (kept.length < tasks.length || problems.list.length > p0) return kept;
  memo?.keep(tasks, CLEAN_TASKS, seen);
  return tasks;
}

/** Whether a list with nothing to say (its Mã in `ids`) still has nothing once `removed` are out and `added` in; `ids` follows. */
function stillClean(ids: Map<string, number>, removed: Located<Task>[], added: Located<Task>[]): boolean {
  for (const t of removed) ids.delete(t.taskId);
  for (const t of added) {
    if (ids.has(t.taskId) || (t.completed && t.completed < t.assigned)) return false;
    ids.set(t.taskId, t.origin.row);
  }
  return true;
}

const CLEAN_MONTHS = 'checkMonthRows|clean';

/**
 * One row per name and month in a monthly list: a second one is warned about (it still counts).
 * A list with none keeps its names and months for the next live check (followDelta).
 */
function checkMonthRows<T extends { month: string; origin: Origin }>(rows: T[], nameOf: (r: T) => string, problems: Problems, memo?: FigureMemo): void {
  type Seen = Map<string, Map<string, number>>;
  const follow = (seen: Seen, removed: unknown[], added: unknown[]) => {
    for (const r of removed as T[]) seen.get(nameOf(r).toLowerCase())?.delete(r.month);
    for (const r of added as T[]) {
      const name = nameOf(r).toLowerCase();
      let months = seen.get(name);
      if (!months) seen.set(name, (months = new Map()));
      if (months.has(r.month)) return false;
      months.set(r.month, r.origin.row);
    }
    return true;
  };
  if (followDelta<Seen>(memo, rows, CLEAN_MONTHS, follow)) return;
  const p0 = problems.list.length;
  const seen: Seen = new Map();
  for (const r of rows) {
    const name = nameOf(r);
    let months = seen.get(name.toLowerCase());
    if (!months) seen.set(name.toLowerCase(), (months = new Map()));
    const first = months.get(r.month);
    if (first !== undefined) problems.add('warning', r.origin.cell('month'), 'duplicateMonthRow', { name, month: formatMonth(r.month), first });
    else months.set(r.month, r.origin.row);
  }
  if (problems.list.length === p0) memo?.keep(rows, CLEAN_MONTHS, seen);
}

const CLEAN_PROJECTS = 'checkProjects|clean';

/**
 * Each project's events checked together (sources, licences, dates). A list with nothing to say
 * keeps its projects' events for the next live check, which checks again only the projects whose
 * events were taken out or put in (followDelta): whether a project gives a warning does not
 * depend on the order of its events.
 */
function checkProjects(rows: Located<Project>[], problems: Problems, memo?: FigureMemo): void {
  type ById = Map<string, Located<Project>[]>;
  const follow = (byId: ById, removed: unknown[], added: unknown[]) => {
    const touched = new Set<string>();
    for (const r of removed as Located<Project>[]) {
      const events = byId.get(r.projectId);
      const i = events ? events.indexOf(r) : -1;
      if (i < 0) return false;
      events!.splice(i, 1);
      if (!events!.length) byId.delete(r.projectId);
      touched.add(r.projectId);
    }
    for (const r of added as Located<Project>[]) {
      const events = byId.get(r.projectId);
      if (events) events.push(r);
      else byId.set(r.projectId, [r]);
      touched.add(r.projectId);
    }
    const scratch = new Problems(problems.lang);
    for (const id of touched) {
      const events = byId.get(id);
      if (events) checkProjectEvents(id, events, scratch);
    }
    return scratch.list.length === 0;
  };
  if (followDelta<ById>(memo, rows, CLEAN_PROJECTS, follow)) return;
  const p0 = problems.list.length;
  const byId: ById = new Map();
  for (const r of rows) {
    const events = byId.get(r.projectId);
    if (events) events.push(r);
    else byId.set(r.projectId, [r]);
  }
  for (const [id, events] of byId) checkProjectEvents(id, events, problems);
  if (problems.list.length === p0) memo?.keep(rows, CLEAN_PROJECTS, byId);
}

/** One project's events: mixed sources, two licences, a negative new capital, an adjustment before the licence, an event after the termination. */
function checkProjectEvents(id: string, events: Located<Project>[], problems: Problems): void {
  const sorted = events.length === 1 ? events : [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (new Set(sorted.map((e) => e.source)).size > 1) problems.add('warning', sorted[0].origin.cell('source'), 'projectSourceMixed', { id });
  const news = sorted.filter((e) => e.event === 'new');
  if (news.length > 1) problems.add('warning', news[1].origin.cell('event'), 'projectNewTwice', { id });
  for (const n of news) {
    if ((n.capital ?? 0) < 0) problems.add('warning', n.origin.cell('capital'), 'negativeCapitalNew', { id, text: String(n.capital) });
  }
  const firstNew = news[0]?.date;
  const term = sorted.find((e) => e.event === 'terminate');
  for (const e of sorted) {
    if (e.event === 'adjust' && (!firstNew || e.date < firstNew)) problems.add('warning', e.origin.cell('date'), 'adjustBeforeNew', { id, date: formatDayDMY(e.date) });
    if (term && e !== term && e.date > term.date) problems.add('warning', e.origin.cell('date'), 'eventAfterTerminate', { id, date: formatDayDMY(e.date), end: formatDayDMY(term.date) });
  }
}

/**
 * The report's date (NgayBaoCao) against what the report states: a warning when it falls before
 * the period's end, and one when rows the report counts are dated after it (the latest named at
 * its cell). Without NgayBaoCao the date is left blank for signing and nothing is compared: no
 * check ever uses the day the program runs. Rows the report does not count (after the period)
 * may be later than a report made afterwards for an earlier period, and are not compared.
 */
export function checkReportDate(data: WorkbookData, period: Period | null, problems: Problems): void {
  const date = data.settings.reportDate;
  if (!date || !period) return;
  const at = data.settingsOrigin.reportDate ?? null;
  if (date < period.end) problems.add('warning', at, 'reportDateBeforePeriodEnd', { date: formatDayDMY(date), end: formatDayDMY(period.end) });
  const later: { when: string; text: string; origin: Origin; key: string }[] = [];
  const day = (when: Day, origin: Origin, key: string) => when > date && later.push({ when, text: formatDayDMY(when), origin, key });
  for (const p of data.projects ?? []) if (p.date <= period.end) day(p.date, p.origin, 'date');
  for (const t of data.tasks ?? []) {
    if (!taskInScope(t, period.start, period.asOf)) continue;
    day(t.assigned, t.origin, 'assigned');
    if (t.completed !== null && t.completed <= period.asOf) day(t.completed, t.origin, 'completed');
  }
  // monthly lists: a month of the period after the report's month
  const month = monthOfDay(date);
  const first = monthOfDay(period.start);
  const last = monthOfDay(period.end);
  for (const list of [data.labour, data.revenue, data.budget]) {
    for (const r of list ?? []) if (r.month > month && r.month >= first && r.month <= last) later.push({ when: `${r.month}-99`, text: formatMonth(r.month), origin: r.origin, key: 'month' });
  }
  if (!later.length) return;
  const latest = later.reduce((a, b) => (b.when > a.when ? b : a));
  problems.add('warning', latest.origin.cell(latest.key), 'reportDateBeforeData', { date: formatDayDMY(date), count: later.length, latest: latest.text });
}
