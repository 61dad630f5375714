import { buildExampleTables } from '../../scripts/example/data';
import { buildReport } from '../../src/core/engine';
import { parseDate } from '../../src/core/parse';
import { TableSnapshot } from '../../src/core/snapshot';
import { TaskStatus, taskStatus } from '../../src/core/task-status';

describe('taskStatus', () => {
  const asOf = '2023-06-07';
  it.each<[string | null, string | null, TaskStatus]>([
    ['2023-06-30', '2023-05-02', 'done'],
    ['2023-05-01', '2023-05-02', 'doneLate'],
    [null, '2023-05-02', 'done'],
    ['2023-06-06', null, 'overdue'],
    ['2023-06-07', null, 'onTime'],
    [null, null, 'noDeadline'],
    ['2023-06-01', '2023-06-20', 'overdue'], // completed after asOf: still open then
  ])('deadline %s, completed %s → %s', (d, c, s) => expect(taskStatus(d, c, asOf)).toBe(s));

  it('agrees with the tasks_* metrics on the example workbook', () => {
    const tables = buildExampleTables();
    const snaps: TableSnapshot[] = tables.map((t) => ({ name: t.name, sheet: t.sheet, headerRow: 1, firstColumn: 1, headers: t.headers, rows: t.rows }));
    const r = buildReport(snaps, { today: '2023-06-26' });
    const asOfDay = r.period!.asOf;
    const day = (v: unknown) => (v === null ? null : (parseDate(v as Date) as { ok: true; value: string }).value);
    const tasks = tables.find((t) => t.name === 'NhiemVu')!.rows.filter((row) => day(row[2])! <= asOfDay);
    const counts: Record<TaskStatus, number> = { done: 0, doneLate: 0, overdue: 0, onTime: 0, noDeadline: 0 };
    for (const row of tasks) counts[taskStatus(day(row[3]), day(row[4]), asOfDay)]++;
    const m = (k: string) => r.metrics.get(k)!.value;
    expect(counts.done + counts.doneLate).toBe(m('tasks_done'));
    expect(counts.doneLate).toBe(m('tasks_done_late'));
    expect(counts.overdue).toBe(m('tasks_overdue'));
    expect(counts.onTime).toBe(m('tasks_on_time'));
    expect(counts.noDeadline).toBe(m('tasks_no_deadline'));
    expect(tasks.length).toBe(m('tasks_total'));
  });
});
