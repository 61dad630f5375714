import { Day } from './parse';
import { Lang } from './problems';

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

export const TASK_STATUS_TEXT: Record<Lang, Record<TaskStatus, string>> = {
  vi: { done: 'Đã hoàn thành', doneLate: 'Hoàn thành sau hạn', overdue: 'Quá hạn', onTime: 'Trong hạn', noDeadline: 'Không hạn' },
  en: { done: 'Done', doneLate: 'Done late', overdue: 'Overdue', onTime: 'Within deadline', noDeadline: 'No deadline' },
};
