import { buildExampleTables } from '../../../scripts/example/data';
import { buildReport } from '../../../src/core/engine';
import { parseDate } from '../../../src/core/records/parse';
import { TableSnapshot } from '../../../src/core/records/snapshot';
import { TaskStatus, taskInScope, taskStatus } from '../../../src/core/figures/task-status';
import { metric, run, settings, table } from '../../helpers/tables';

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

describe('the tasks in scope of a report (workbook contract, tasks_total)', () => {
  // a nine-month report of 2024 on a list that still holds 2023's tasks
  const NINE_MONTHS: [string, string] = ['01/01/2024', '30/09/2024'];
  const rows = [
    ['T-2023-1', 'Xong năm trước, đúng hạn', '10/03/2023', '30/03/2023', '25/03/2023'],
    ['T-2023-2', 'Xong năm trước, chậm', '10/05/2023', '30/05/2023', '15/06/2023'],
    ['T-2023-3', 'Giao năm trước, xong trong kỳ, chậm', '01/11/2023', '30/11/2023', '10/01/2024'],
    ['T-2023-4', 'Giao năm trước, còn quá hạn', '01/12/2023', '20/12/2023', null],
    ['T-2023-5', 'Xong đúng ngày đầu kỳ', '01/12/2023', '05/01/2024', '01/01/2024'],
    ['T-2024-1', 'Giao trong kỳ, xong', '05/02/2024', '28/02/2024', '20/02/2024'],
    ['T-2024-2', 'Giao trong kỳ, không hạn', '05/03/2024', null, null],
    ['T-2024-3', 'Giao sau ngày số liệu', '05/10/2024', null, null],
  ];
  const r = run([settings(NINE_MONTHS), table('NhiemVu', ['Mã nhiệm vụ', 'Nội dung', 'Ngày giao', 'Hạn xử lý', 'Ngày hoàn thành'], rows)]);

  test('tasks completed before the period are not counted; carried-over tasks are', () => {
    // in scope: T-2023-3, T-2023-4, T-2023-5, T-2024-1, T-2024-2
    expect(metric(r, 'tasks_total')).toBe(5);
    expect(metric(r, 'tasks_done')).toBe(3);
    expect(metric(r, 'tasks_done_late')).toBe(1);
    expect(metric(r, 'tasks_overdue')).toBe(1);
    expect(metric(r, 'tasks_no_deadline')).toBe(1);
    expect(metric(r, 'tasks_open')).toBe(2);
  });

  test('Phụ lục 2 lists exactly the tasks the metrics count as overdue and late, none finished before the period', () => {
    const annex = r.model.annexes.find((a) => a.id === 'tasks')!;
    const listed = annex.rows.filter((x) => !x.group && !x.bold).map((x) => x.cells[1].split(' - ')[0]);
    expect(listed.sort()).toEqual(['T-2023-3', 'T-2023-4']);
    expect(annex.totals).toEqual({ tasks_overdue: metric(r, 'tasks_overdue'), tasks_done_late: metric(r, 'tasks_done_late') });
  });

  test('taskInScope: assigned by asOf and not completed before the period start', () => {
    expect(taskInScope({ assigned: '2023-05-01', completed: '2023-12-31' }, '2024-01-01', '2024-09-30')).toBe(false);
    expect(taskInScope({ assigned: '2023-05-01', completed: '2024-01-01' }, '2024-01-01', '2024-09-30')).toBe(true);
    expect(taskInScope({ assigned: '2023-05-01', completed: null }, '2024-01-01', '2024-09-30')).toBe(true);
    expect(taskInScope({ assigned: '2024-10-01', completed: null }, '2024-01-01', '2024-09-30')).toBe(false);
  });
});
