import fc from 'fast-check';
import { formatNumber } from '../../src/core/report/format';
import { parseNumberText, parseDate, formatDayDMY, dayToSerial, serialToDay, dayOf } from '../../src/core/records/parse';
import { exactSum } from '../../src/core/figures/decimal';
import { CellValue, TableSnapshot } from '../../src/core/records/snapshot';
import { BudgetUnit } from '../../src/core/figures/metrics';
import { table, settings, run, metric } from '../helpers/tables';

const RUNS = 2000;

const cents = fc.integer({ min: -1e11, max: 1e11 }).map((c) => c / 100);
const dayArb = fc.record({ y: fc.integer({ min: 1901, max: 2099 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) }).map(({ y, m, d }) => dayOf(y, m, Math.min(d, new Date(Date.UTC(y, m, 0)).getUTCDate()))!);

test('Vietnamese number text round-trips through the contract rule', () => {
  fc.assert(
    fc.property(cents, (x) => {
      expect(parseNumberText(formatNumber(x, 'vi', { max: 2 }))).toBe(x);
    }),
    { numRuns: RUNS },
  );
});

test('integers typed with dot thousands separators read back', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
      expect(parseNumberText(formatNumber(n, 'vi'))).toBe(n);
    }),
    { numRuns: RUNS },
  );
});

test('dates round-trip as dd/mm/yyyy text and as Excel serials', () => {
  fc.assert(
    fc.property(dayArb, (day) => {
      expect(parseDate(formatDayDMY(day))).toEqual({ ok: true, value: day });
      expect(parseDate(formatDayDMY(day, false))).toEqual({ ok: true, value: day });
      expect(serialToDay(dayToSerial(day))).toBe(day);
    }),
    { numRuns: RUNS },
  );
});

// ---- random contract workbooks ----
const H1: [string, string] = ['01/01/2023', '30/06/2023'];
const dateIn = fc.integer({ min: dayToSerial('2021-06-01'), max: dayToSerial('2023-12-31') });
const projectRow = fc.tuple(fc.constantFrom('P1', 'P2', 'P3', 'P4', 'P5', 'P6'), fc.constantFrom('FDI', 'DDI'), fc.constantFrom('Cấp mới', 'Điều chỉnh', 'Chấm dứt'), dateIn, fc.integer({ min: -5000, max: 50000 }).map((c) => c / 100));
const taskRow = fc.tuple(fc.option(dateIn, { nil: null }), fc.option(dateIn, { nil: null }), dateIn);
const budgetRow = fc.tuple(fc.constantFrom('Cơ quan', 'Trung tâm', 'Văn phòng'), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 100000 }).map((c) => c / 10));

const workbook = fc.record({
  projects: fc.array(projectRow, { maxLength: 25 }),
  tasks: fc.array(taskRow, { maxLength: 25 }),
  budget: fc.array(budgetRow, { maxLength: 15 }),
});
type Wb = { projects: [string, string, string, number, number][]; tasks: [number | null, number | null, number][]; budget: [string, number, number][] };

function snapshots(w: Wb): TableSnapshot[] {
  return [
    settings(H1, { NgaySoLieu: '07/06/2023' }),
    table('DuAn', ['Mã dự án', 'Nguồn vốn', 'Loại', 'Ngày', 'Vốn đầu tư'], w.projects.map((r) => [...r])),
    table('NhiemVu', ['Mã nhiệm vụ', 'Ngày giao', 'Hạn xử lý', 'Ngày hoàn thành'], w.tasks.map((t, i) => [`T${i}`, t[2], t[0], t[1]])),
    table('NganSach', ['Đơn vị', 'Tháng', 'Số nộp'], w.budget.map(([u, m, a]) => [u, `${m}/2023`, a])),
  ];
}

test('invariants: units sum to the total; done + open = total; overdue + on time + no deadline = open', () => {
  fc.assert(
    fc.property(workbook, (w) => {
      const r = run(snapshots(w as Wb));
      const units = metric(r, 'budget_units') as BudgetUnit[];
      const total = metric(r, 'budget_total');
      if (units.length) expect(exactSum(units.map((u) => u.amount))).toBe(total);
      else expect(total).toBeNull();
      const n = (k: string) => metric(r, k) as number;
      expect(n('tasks_done') + n('tasks_open')).toBe(n('tasks_total'));
      expect(n('tasks_overdue') + n('tasks_on_time') + n('tasks_no_deadline')).toBe(n('tasks_open'));
      expect(n('tasks_done_late')).toBeLessThanOrEqual(n('tasks_done'));
    }),
    { numRuns: RUNS },
  );
});

test('cumulative capital equals the sum of the events of valid projects (independent computation)', () => {
  const end = dayToSerial('2023-06-30');
  fc.assert(
    fc.property(workbook, (w) => {
      const r = run(snapshots(w as Wb));
      for (const src of ['FDI', 'DDI']) {
        const rows = (w as Wb).projects.filter((p) => p[1] === src && p[3] <= end);
        const ids = [...new Set(rows.map((p) => p[0]))].filter((id) => rows.some((p) => p[0] === id && p[2] === 'Cấp mới') && !rows.some((p) => p[0] === id && p[2] === 'Chấm dứt'));
        const capital = exactSum(rows.filter((p) => ids.includes(p[0]) && p[2] !== 'Chấm dứt').map((p) => p[4]));
        const key = src.toLowerCase();
        expect(metric(r, `${key}_cumulative_count`)).toBe(ids.length);
        expect(metric(r, `${key}_cumulative_capital`)).toBe(capital);
      }
    }),
    { numRuns: RUNS },
  );
});

function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function permuteColumns(t: TableSnapshot, seed: number): TableSnapshot {
  const order = shuffled(t.headers.map((_, i) => i), seed);
  return { ...t, headers: order.map((i) => t.headers[i]), rows: t.rows.map((r) => order.map((i) => r[i] ?? null) as CellValue[]) };
}

test('shuffling rows or columns never changes a figure', () => {
  fc.assert(
    fc.property(workbook, fc.integer({ min: 1, max: 1e9 }), (w, seed) => {
      const base = snapshots(w as Wb);
      const moved = base.map((t, i) => (i === 0 ? t : permuteColumns({ ...t, rows: shuffled(t.rows, seed + i) }, seed * 7 + i)));
      const a = run(base);
      const b = run(moved);
      for (const [k, m] of a.metrics) {
        if (k === 'budget_units') {
          const sort = (u: BudgetUnit[] | null) => (u ? [...u].sort((x, y) => x.unit.localeCompare(y.unit)) : u);
          expect(sort(b.metrics.get(k)!.value as BudgetUnit[])).toEqual(sort(m.value as BudgetUnit[]));
        } else expect(b.metrics.get(k)!.value).toEqual(m.value);
      }
    }),
    { numRuns: RUNS },
  );
});
