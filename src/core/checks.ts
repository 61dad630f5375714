import { WorkbookData } from './mapping';
import { Problems } from './problems';
import { formatDayDMY, formatMonth } from './parse';
import { normaliseTargetKey } from './metrics';
import { Located, Project } from './schema';

/** Cross-row checks after mapping. Rows that must not count are removed here, each one reported. */
export function checkConsistency(data: WorkbookData, problems: Problems): void {
  if (data.projects) checkProjects(data.projects, problems);
  if (data.tasks) {
    const seen = new Map<string, number>();
    data.tasks = data.tasks.filter((t) => {
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
  }
  for (const list of [data.labour, data.revenue] as const) {
    if (!list) continue;
    const seen = new Map<string, number>();
    for (const r of list) {
      const k = `${r.enterprise.toLowerCase()}|${r.month}`;
      const first = seen.get(k);
      if (first !== undefined) problems.add('warning', r.origin.cell('month'), 'duplicateMonthRow', { name: r.enterprise, month: formatMonth(r.month), first });
      else seen.set(k, r.origin.row);
    }
  }
  if (data.budget) {
    const seen = new Map<string, number>();
    for (const r of data.budget) {
      const k = `${r.unit.toLowerCase()}|${r.month}`;
      const first = seen.get(k);
      if (first !== undefined) problems.add('warning', r.origin.cell('month'), 'duplicateMonthRow', { name: r.unit, month: formatMonth(r.month), first });
      else seen.set(k, r.origin.row);
    }
  }
  if (data.targets) {
    const seen = new Map<string, number>();
    data.targets = data.targets.filter((t) => {
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
}

function checkProjects(rows: Located<Project>[], problems: Problems): void {
  const byId = new Map<string, Located<Project>[]>();
  for (const r of rows) byId.set(r.projectId, [...(byId.get(r.projectId) ?? []), r]);
  for (const [id, events] of byId) {
    const sorted = [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
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
}
