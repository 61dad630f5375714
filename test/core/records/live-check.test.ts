// A live check after edits (issue 21): with the tables and figures kept between checks
// (TableReadCache, FigureMemo, the records re-read row by row and the figures that follow the rows
// taken out and put in), every check says exactly what a report built from nothing says — figures,
// reasons, problems in order, the report model and the sheet plan — whatever the edits: values
// that change figures, notes that change none, bad values, duplicate ids, rows added and removed,
// a table read again unchanged, an edit undone.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { buildReport, reportJson, ReportResult, figureMemo } from '../../../src/core/engine';
import { TableRead } from '../../../src/core/records/mapping';
import { CellValue, TableSnapshot } from '../../../src/core/records/snapshot';
import { TableReadCache } from '../../../src/core/records/table-cache';
import { readWorkbookTables } from '../../../src/node/xlsx';
import { largeWorkbook } from '../../../scripts/bench/large-workbook';

const EXAMPLE = path.join(__dirname, '../../../examples/hai-phong-2023-h1.xlsx');
const example: TableSnapshot[] = readWorkbookTables(fs.readFileSync(EXAMPLE)).map((s) => ({ ...s }));
const generated: TableSnapshot[] = readWorkbookTables(largeWorkbook(180)).map((s) => ({ ...s }));

/** Everything a check shows or a generation writes: figures and reasons, problems in order, the model, the sheet plan. */
const said = (r: ReportResult) => JSON.stringify([reportJson(r), r.problems, r.model, r.plan]);

type Op =
  | { kind: 'set'; t: number; row: number; col: number; from: number; value: CellValue | undefined }
  | { kind: 'insert' | 'delete' | 'reread'; t: number; row: number }
  | { kind: 'undo'; back: number };

/** The table `t` read again after `change`: a new rows array, every row a new array, as the add-in's re-read gives. */
function reread(snaps: TableSnapshot[], t: number, change: (rows: CellValue[][]) => void = () => undefined): TableSnapshot[] {
  return snaps.map((s, i) => {
    if (i !== t) return s;
    const rows = s.rows.map((r) => [...r]);
    change(rows);
    return { ...s, rows };
  });
}

function apply(snaps: TableSnapshot[], history: TableSnapshot[][], op: Op): TableSnapshot[] {
  if (op.kind === 'undo') return history[op.back % history.length];
  const t = op.t % snaps.length;
  const s = snaps[t];
  if (op.kind === 'reread') return reread(snaps, t);
  if (!s.rows.length) return op.kind === 'insert' ? reread(snaps, t, (rows) => rows.push(s.headers.map(() => 'x'))) : snaps;
  const ri = op.row % s.rows.length;
  if (op.kind === 'insert') return reread(snaps, t, (rows) => rows.splice(ri, 0, [...rows[(ri + 1) % rows.length]]));
  if (op.kind === 'delete') return reread(snaps, t, (rows) => rows.splice(ri, 1));
  if (op.kind !== 'set') return snaps;
  const { col, from, value } = op;
  return reread(snaps, t, (rows) => {
    const ci = col % Math.max(1, rows[ri].length);
    // a value of the same column in another row (a date, an id already used, a unit) or one given
    rows[ri][ci] = value === undefined ? rows[from % rows.length][ci] ?? null : value;
  });
}

const value = fc.oneof(
  fc.constant(undefined),
  fc.constant(undefined),
  fc.constant(null),
  fc.constantFrom('sửa', '', 'FDI', 'DDI', 'Cấp mới', 'Điều chỉnh', 'Chấm dứt', 'budget', 'budget:Đơn vị 3', 'revenue', '01/02/2023', '2023-03-15', 'x'),
  fc.integer({ min: -5, max: 100000 }),
  fc.integer({ min: 2021, max: 2024 }),
  fc.double({ min: -1, max: 1e6, noNaN: true }),
);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), t: fc.nat(), row: fc.nat(), col: fc.nat(), from: fc.nat(), value }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('insert' as const, 'delete' as const, 'reread' as const), t: fc.nat(), row: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('undo' as const), back: fc.nat() }) },
);

function checkChain(base: TableSnapshot[], ops: Op[]): void {
  const cache = new TableReadCache<TableRead>();
  let snaps = base;
  const history = [base];
  expect(said(buildReport(snaps, { tableCache: cache }))).toBe(said(buildReport(snaps)));
  for (const o of ops) {
    snaps = apply(snaps, history, o);
    history.push(snaps);
    expect(said(buildReport(snaps, { tableCache: cache }))).toBe(said(buildReport(snaps)));
  }
}

test('the example: checks after a chain of edits say what a report from nothing says', () => {
  fc.assert(
    fc.property(fc.array(op, { minLength: 1, maxLength: 8 }), (ops) => checkChain(example, ops)),
    { numRuns: 15 },
  );
});

test('a generated workbook (many budget units, tasks, projects): checks after a chain of edits say what a report from nothing says', () => {
  const tables = (name: string) => generated.findIndex((s) => s.name === name);
  // edits aimed at the tables whose figures follow their rows: tasks, projects, budget and its plans
  const aimed = fc.record({ kind: fc.constant('set' as const), t: fc.constantFrom(tables('NhiemVu'), tables('DuAn'), tables('NganSach'), tables('KeHoach')), row: fc.nat(), col: fc.nat(), from: fc.nat(), value });
  fc.assert(
    fc.property(fc.array(fc.oneof({ weight: 3, arbitrary: aimed }, { weight: 2, arbitrary: op }), { minLength: 1, maxLength: 8 }), (ops) => checkChain(generated, ops)),
    { numRuns: 25 },
  );
});

test('a note edited on a list of projects keeps its records, and every figure of the list is replayed', () => {
  const cache = new TableReadCache<TableRead>();
  const d = generated.findIndex((s) => s.name === 'DuAn');
  const note = generated[d].headers.findIndex((h) => h === 'Ghi chú');
  expect(note).toBeGreaterThanOrEqual(0);
  const first = buildReport(generated, { tableCache: cache });
  const next = reread(generated, d, (rows) => (rows[7][note] = 'sửa'));
  const misses = figureMemo(cache).misses;
  const r = buildReport(next, { tableCache: cache });
  expect(r.data.projects).toBe(first.data.projects);
  expect(figureMemo(cache).misses).toBe(misses);
  expect(said(r)).toBe(said(buildReport(next)));
});

test('a task completed, its date made bad, its Mã made a duplicate, then undone: the counts follow, as from nothing', () => {
  const cache = new TableReadCache<TableRead>();
  const n = generated.findIndex((s) => s.name === 'NhiemVu');
  const done = generated[n].headers.findIndex((h) => h === 'Ngày hoàn thành');
  const deadline = generated[n].headers.findIndex((h) => h === 'Hạn xử lý');
  const base = buildReport(generated, { tableCache: cache });
  const total = (r: ReportResult) => r.metrics.get('tasks_total')?.value as number;
  // a task not completed (every task is assigned before the period's as-of date: in scope)
  const ri = generated[n].rows.findIndex((r) => r[done] === null && r[deadline] !== null);
  expect(ri).toBeGreaterThanOrEqual(0);
  const steps: [TableSnapshot[], number][] = [
    [reread(generated, n, (rows) => (rows[ri][done] = rows[ri][deadline])), 0],
    // a bad date: the row is left out
    [reread(generated, n, (rows) => (rows[ri][done] = 'sửa')), -1],
    // the same Mã twice: the later row is left out
    [reread(generated, n, (rows) => (rows[ri][0] = rows[ri + 1][0])), -1],
    [reread(generated, n), 0],
  ];
  for (const [snaps, change] of steps) {
    const r = buildReport(snaps, { tableCache: cache });
    expect(said(r)).toBe(said(buildReport(snaps)));
    expect(total(r)).toBe(total(base) + change);
  }
});

test("a unit's budget plan put in, changed, moved to another year, made the whole plan: the budget figures follow, as from nothing", () => {
  const cache = new TableReadCache<TableRead>();
  const k = generated.findIndex((s) => s.name === 'KeHoach');
  const [metric, year, plan] = ['Chỉ tiêu', 'Năm', 'Kế hoạch'].map((h) => generated[k].headers.indexOf(h));
  buildReport(generated, { tableCache: cache });
  const edits: ((rows: CellValue[][]) => void)[] = [
    (rows) => (rows[0][metric] = 'budget:Đơn vị 3'),
    (rows) => ((rows[0][metric] = 'budget:Đơn vị 3'), (rows[0][plan] = 5000)),
    (rows) => ((rows[0][metric] = 'budget:Đơn vị 3'), (rows[0][plan] = 5000), (rows[0][year] = 2022)),
    (rows) => (rows[0][metric] = 'budget:Đơn vị 99'),
    (rows) => (rows[0][metric] = 'budget'),
    () => undefined,
  ];
  const budget = new Set<string>();
  for (const edit of edits) {
    const snaps = reread(generated, k, edit);
    const r = buildReport(snaps, { tableCache: cache });
    expect(said(r)).toBe(said(buildReport(snaps)));
    budget.add(JSON.stringify(['budget_units', 'budget_plan', 'budget_pct_plan'].map((key) => r.metrics.get(key)?.value)));
  }
  // the plans did change the figures
  expect(budget.size).toBeGreaterThanOrEqual(4);
});
