import { Day } from '../records/parse';
import { Lang } from '../problems';
import type { FigureMemo } from './figure-memo';
import { recordDelta } from '../records/table-cache';

/**
 * One task's state at a date, by the same rules as the tasks_* metrics: done = completed on or
 * before asOf (late when after its deadline); otherwise open and overdue when the deadline is
 * before asOf, within deadline when on or after it, or without a deadline.
 */
export type TaskStatus = 'done' | 'doneLate' | 'overdue' | 'onTime' | 'noDeadline';

export function taskStatus(deadline: Day | null, completed: Day | null, asOf: Day): TaskStatus {
  if (completed !== null && completed <= asOf) return deadline !== null && completed > deadline ? 'doneLate' : 'done';
  if (deadline === null) return 'noDeadline';
  return deadline < asOf ? 'overdue' : 'onTime';
}

/**
 * A task belongs to the report of a period starting at `start` when it is assigned on or before
 * `asOf` and not completed before `start`: the period's tasks and those carried over into it. A
 * task finished before the period belongs to earlier reports (workbook contract, tasks_total).
 */
export function taskInScope(t: { assigned: Day; completed: Day | null }, start: Day, asOf: Day): boolean {
  return t.assigned <= asOf && !(t.completed !== null && t.completed < start);
}

/**
 * The tasks in scope (taskInScope), and each state's tasks among them, in table order: the one
 * classification of the tasks_* metrics, the tasks table and the annex of late tasks.
 */
export function classifyTasks<T extends { assigned: Day; deadline: Day | null; completed: Day | null }>(tasks: readonly T[], start: Day, asOf: Day): { total: T[] } & Record<TaskStatus, T[]> {
  const out: { total: T[] } & Record<TaskStatus, T[]> = { total: [], done: [], doneLate: [], overdue: [], onTime: [], noDeadline: [] };
  for (const t of tasks) {
    if (!taskInScope(t, start, asOf)) continue;
    out.total.push(t);
    out[taskStatus(t.deadline, t.completed, asOf)].push(t);
  }
  return out;
}

/** How many tasks classifyTasks puts in scope and in each state. */
export type TaskCounts = { total: number } & Record<TaskStatus, number>;

type Dated = { assigned: Day; deadline: Day | null; completed: Day | null };

function count(counts: TaskCounts, t: Dated, start: Day, asOf: Day, by: number): void {
  if (!taskInScope(t, start, asOf)) return;
  counts.total += by;
  counts[taskStatus(t.deadline, t.completed, asOf)] += by;
}

/**
 * The sizes of classifyTasks' lists. A live check keeps them with the list of tasks (`memo`), and
 * for a list re-read with a few rows changed (recordDelta) counts only the tasks taken out and put in.
 */
export function countTasks(tasks: readonly Dated[], start: Day, asOf: Day, memo?: FigureMemo): TaskCounts {
  const key = `countTasks|${start}|${asOf}`;
  const kept = memo?.find(tasks, key);
  if (kept) return { ...(kept.value as TaskCounts) };
  const delta = recordDelta(tasks);
  const before = delta && memo?.find(delta.from, key);
  let counts: TaskCounts;
  if (delta && before) {
    counts = { ...(before.value as TaskCounts) };
    for (const t of delta.removed) count(counts, t as Dated, start, asOf, -1);
    for (const t of delta.added) count(counts, t as Dated, start, asOf, 1);
  } else {
    counts = { total: 0, done: 0, doneLate: 0, overdue: 0, onTime: 0, noDeadline: 0 };
    for (const t of tasks) count(counts, t, start, asOf, 1);
  }
  memo?.keep(tasks, key, { ...counts });
  return counts;
}

export const TASK_STATUS_TEXT: Record<Lang, Record<TaskStatus, string>> = {
  vi: { done: 'Đã hoàn thành', doneLate: 'Hoàn thành sau hạn', overdue: 'Quá hạn', onTime: 'Trong hạn', noDeadline: 'Không hạn' },
  en: { done: 'Done', doneLate: 'Done late', overdue: 'Overdue', onTime: 'Within deadline', noDeadline: 'No deadline' },
};
