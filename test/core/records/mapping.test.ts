import { matchTableKind } from '../../../src/core/records/mapping';
import { table, settings, run, metric, problemAt } from '../../helpers/tables';

const H1 = ['01/01/2023', '30/06/2023'] as [string, string];

test('table names in English or Vietnamese, case, diacritics, spaces and underscores ignored', () => {
  for (const n of ['Projects', 'DuAn', 'Du_An', 'du an', 'DỰ ÁN', 'projects']) expect(matchTableKind(n)?.kind).toBe('projects');
  expect(matchTableKind('NganSach')?.kind).toBe('budget');
  expect(matchTableKind('Ngân_sách')?.kind).toBe('budget');
  expect(matchTableKind('Labor')?.kind).toBe('labour');
  expect(matchTableKind('Table1')).toBeUndefined();
});

test('English headers, other column order, table not at A1, extra columns listed once', () => {
  const t = table('Projects', ['Capital', 'note', 'DATE', 'event', 'Source', 'project_id', 'Ghi chú'], [
    ['281', 'x', '15/02/2023', 'new', 'fdi', 'P1', ''],
    ['1,5', 'x', 44970, 'adjust', 'FDI', 'P1', ''],
  ], { sheet: 'Dữ liệu', at: 'C5' });
  const r = run([settings(H1), t]);
  expect(metric(r, 'fdi_new_capital')).toBe(281);
  expect(metric(r, 'fdi_adjusted_capital')).toBe(1.5);
  const info = r.problems.filter((p) => p.code === 'columnsUnknown');
  expect(info).toHaveLength(1);
  expect(info[0].message).toMatch(/note, Ghi chú/);
  expect(info[0].level).toBe('info');
});

test('bad rows are reported at their cell and left out; good rows all count', () => {
  const t = table('DuAn', ['Mã dự án', 'Nguồn vốn', 'Loại', 'Ngày', 'Vốn đầu tư'], [
    ['A', 'FDI', 'Cấp mới', '01/02/2023', 10], // row 4
    ['B', 'FDI', 'Cấp mới', '31/02/2023', 10], // impossible date → E? no: Ngày is column E (B..F)
    ['C', 'FDI', 'Cấp mới', '01/02/2023', 'mười'], // text capital
    ['', 'FDI', 'Cấp mới', '01/02/2023', 5], // required id empty
    ['E', 'ODA', 'Cấp mới', '01/02/2023', 5], // unknown source
    ['F', 'FDI', 'Gia hạn', '01/02/2023', 5], // unknown event
    [null, null, null, null, null], // empty row: skipped silently
    ['G', 'FDI', 'Cấp mới', { error: '#N/A' }, 5], // Excel error
    ['H', 'FDI', 'Cấp mới', '01/03/2023', '2.5'], // text number is fine
  ], { sheet: 'DuAn', at: 'B3' });
  const r = run([settings(H1), t]);
  expect(metric(r, 'fdi_new_count')).toBe(2);
  expect(metric(r, 'fdi_new_capital')).toBe(12.5);
  expect(problemAt(r, 'DuAn!E5')[0]).toMatchObject({ level: 'error', code: 'badValue' });
  expect(problemAt(r, 'DuAn!E5')[0].message).toMatch(/31\/02\/2023.*không có thật/);
  expect(problemAt(r, 'DuAn!F6')[0].message).toMatch(/mười.*không phải là số/);
  expect(problemAt(r, 'DuAn!B7')[0].code).toBe('requiredEmpty');
  expect(problemAt(r, 'DuAn!C8')[0].code).toBe('unknownSource');
  expect(problemAt(r, 'DuAn!D9')[0].code).toBe('unknownEvent');
  expect(problemAt(r, 'DuAn!E11')[0].message).toMatch(/#N\/A/);
  const read = r.data.tables.find((x) => x.kind === 'projects')!;
  expect(read.rowsRead + read.rowsSkipped).toBe(8); // 9 rows, one entirely empty
  expect(read.rowsSkipped).toBe(6);
});

test('a missing required column makes the table unreadable, said at its header', () => {
  const t = table('LaoDong', ['Doanh nghiệp', 'Tháng'], [['A', '06/2023']], { sheet: 'LD', at: 'D2' });
  const r = run([settings(H1), t]);
  expect(problemAt(r, 'LD!D2')[0].message).toMatch(/Số lao động/);
  expect(metric(r, 'labour_workers')).toBeNull();
});

test('duplicate headers: the first wins, with a warning at the second', () => {
  const t = table('NganSach', ['Đơn vị', 'Tháng', 'Số nộp', 'so nop'], [['A', '01/2023', 5, 99]]);
  const r = run([settings(H1), t]);
  expect(metric(r, 'budget_total')).toBe(5);
  expect(problemAt(r, 'NganSach!D1')[0].code).toBe('columnDuplicate');
});

test('messages in English when asked, with the same cells', () => {
  const t = table('Budget', ['Unit', 'Month', 'Amount'], [['A', 'June', 5]]);
  const r = run([settings(H1), t], 'en');
  expect(problemAt(r, 'Budget!B2')[0].message).toMatch(/is not a month/);
});

test('sheet names that need quoting are quoted in addresses', () => {
  const t = table('NganSach', ['Đơn vị', 'Tháng', 'Số nộp'], [['A', '01/2023', 'x']], { sheet: 'Ngân sách' });
  const r = run([settings(H1), t]);
  expect(problemAt(r, "'Ngân sách'!C2")).toHaveLength(1);
});

test('settings: period end before start, unknown keys, duplicate tasks', () => {
  const r = run([
    settings(['30/06/2023', '01/01/2023'], { Foo: 1 }),
    table('NhiemVu', ['Mã nhiệm vụ', 'Ngày giao'], [
      ['T1', '01/02/2023'],
      ['T1', '02/02/2023'],
    ]),
  ]);
  expect(r.problems.some((p) => p.code === 'periodReversed')).toBe(true);
  expect(r.problems.some((p) => p.code === 'settingUnknown' && p.cell === 'ThongTin!A4')).toBe(true);
  expect(problemAt(r, 'NhiemVu!A3')[0].code).toBe('duplicateTask');
  expect(metric(r, 'tasks_total')).toBeNull();
});

test('project history checks: adjusted before licensed, events after termination', () => {
  const t = table('DuAn', ['Mã dự án', 'Nguồn vốn', 'Loại', 'Ngày', 'Vốn đầu tư'], [
    ['A', 'FDI', 'Điều chỉnh', '01/01/2023', 5],
    ['A', 'FDI', 'Cấp mới', '01/02/2023', 10],
    ['B', 'FDI', 'Cấp mới', '01/02/2020', 10],
    ['B', 'FDI', 'Chấm dứt', '01/02/2021', null],
    ['B', 'FDI', 'Điều chỉnh', '01/02/2023', 3],
  ]);
  const r = run([settings(H1), t]);
  expect(problemAt(r, 'DuAn!D2')[0].code).toBe('adjustBeforeNew');
  expect(problemAt(r, 'DuAn!D6')[0].code).toBe('eventAfterTerminate');
  // still counted: the figures follow the contract, the warnings ask staff to check
  expect(metric(r, 'fdi_adjusted_count')).toBe(2);
});
