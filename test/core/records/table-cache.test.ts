// Tables parsed once and kept until they change (src/core/records/table-cache.ts, issue 21 item 4): a report
// built with the cache after one table's edit equals the report built from nothing, and only the
// edited table is parsed again.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { buildReport, reportJson, ReportResult, figureMemo } from '../../../src/core/engine';
import { TableRead } from '../../../src/core/records/mapping';
import { CellValue, TableSnapshot } from '../../../src/core/records/snapshot';
import { TableReadCache } from '../../../src/core/records/table-cache';
import { readWorkbookTables } from '../../../src/node/xlsx';

const EXAMPLE = path.join(__dirname, '../../../examples/hai-phong-2023-h1.xlsx');
const base: TableSnapshot[] = readWorkbookTables(fs.readFileSync(EXAMPLE)).map((s) => ({ ...s }));

/** What a report says: every figure and reason, the problems in order, the tables read, the sheet plan. */
const said = (r: ReportResult) => JSON.stringify([reportJson(r), r.problems, r.plan]);

/** The workbook after one cell of one table changed (a new rows array, as the add-in's re-read gives). */
function edited(snaps: TableSnapshot[], t: number, row: number, col: number, value: CellValue): TableSnapshot[] {
  return snaps.map((s, i) => {
    if (i !== t || !s.rows.length) return s;
    const rows = s.rows.map((r) => r);
    const ri = row % rows.length;
    rows[ri] = rows[ri].map((v, ci) => (ci === col % rows[ri].length ? value : v));
    return { ...s, rows };
  });
}

test('the example: a second run parses nothing again and says the same', () => {
  const cache = new TableReadCache<TableRead>();
  const first = buildReport(base, { tableCache: cache });
  expect(cache.misses).toBeGreaterThanOrEqual(6);
  expect(cache.hits).toBe(0);
  const misses = cache.misses;
  // the add-in hands back a kept table as a new snapshot object with the same rows
  const again = buildReport(
    base.map((s) => ({ ...s })),
    { tableCache: cache },
  );
  expect(cache.misses).toBe(misses);
  expect(cache.hits).toBe(misses);
  expect(said(again)).toBe(said(first));
  expect(said(first)).toBe(said(buildReport(base)));
});

test('after an edit only the edited table is parsed again, and the report is the one built from nothing', () => {
  const value = fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 100000 }), fc.constantFrom('abc', '', 'x', '01/02/2023', 'FDI', 'Cấp mới'), fc.double({ min: -1, max: 1e6, noNaN: true }));
  fc.assert(
    fc.property(fc.nat({ max: base.length - 1 }), fc.nat(), fc.nat(), value, (t, row, col, v) => {
      const cache = new TableReadCache<TableRead>();
      buildReport(base, { tableCache: cache });
      const before = cache.misses;
      const next = edited(base, t, row, col, v);
      const cached = buildReport(next, { tableCache: cache });
      expect(said(cached)).toBe(said(buildReport(next)));
      // the edited table (when it is a contract table the engine parses) and nothing else
      expect(cache.misses - before).toBeLessThanOrEqual(1);
    }),
    { numRuns: 25 },
  );
});

test('a table moved on its sheet or renamed is parsed again (its cells are cited)', () => {
  const cache = new TableReadCache<TableRead>();
  buildReport(base, { tableCache: cache });
  const i = base.findIndex((s) => s.rows.length > 3 && /DuAn/i.test(s.name));
  expect(i).toBeGreaterThanOrEqual(0);
  const moved = base.map((s, k) => (k === i ? { ...s, headerRow: s.headerRow + 2 } : s));
  const before = cache.misses;
  const r = buildReport(moved, { tableCache: cache });
  expect(cache.misses).toBe(before + 1);
  expect(said(r)).toBe(said(buildReport(moved)));
});

test('a table read again (every row a new array) parses only its changed rows, and says what a parse from nothing says', () => {
  const value = fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 100000 }), fc.constantFrom('abc', '', 'x', '01/02/2023', 'FDI', 'Cấp mới', '=1+1'), fc.double({ min: -1, max: 1e6, noNaN: true }));
  const tables = base.map((s, i) => ({ s, i })).filter(({ s }) => s.rows.length > 3);
  fc.assert(
    fc.property(fc.constantFrom(...tables.map((t) => t.i)), fc.nat(), fc.nat(), value, (t, row, col, v) => {
      const cache = new TableReadCache<TableRead>();
      buildReport(base, { tableCache: cache });
      const reread = (snaps: TableSnapshot[]) => snaps.map((s, i) => (i === t ? { ...s, rows: s.rows.map((r) => [...r]) } : s));
      const rowsBefore = cache.rowsParsed;
      // the same values read again: no row parsed
      const same = buildReport(reread(base), { tableCache: cache });
      expect(cache.rowsParsed).toBe(rowsBefore);
      expect(said(same)).toBe(said(buildReport(base)));
      // one cell changed: at most that row parsed, and the report is the one built from nothing
      const next = reread(edited(base, t, row, col, v));
      const cached = buildReport(next, { tableCache: cache });
      expect(cache.rowsParsed - rowsBefore).toBeLessThanOrEqual(1);
      expect(said(cached)).toBe(said(buildReport(next)));
      // and back again
      const back = buildReport(reread(base), { tableCache: cache });
      expect(said(back)).toBe(said(buildReport(base)));
    }),
    { numRuns: 15 },
  );
});

test('rows that moved (a row inserted above them) are parsed again at their new addresses', () => {
  const cache = new TableReadCache<TableRead>();
  buildReport(base, { tableCache: cache });
  const i = base.findIndex((s) => s.rows.length > 3 && /DuAn/i.test(s.name));
  const inserted = base.map((s, k) => (k === i ? { ...s, rows: [s.rows[0].map(() => null as CellValue), ...s.rows.map((r) => [...r])] } : s));
  const before = cache.rowsParsed;
  const r = buildReport(inserted, { tableCache: cache });
  expect(cache.rowsParsed - before).toBeGreaterThan(3);
  expect(said(r)).toBe(said(buildReport(inserted)));
});

test('figures of the tables not edited are replayed; a changed plan still changes the figures that ask for it', () => {
  const cache = new TableReadCache<TableRead>();
  buildReport(base, { tableCache: cache });
  const k = base.findIndex((s) => /KeHoach|Targets/i.test(s.name));
  expect(k).toBeGreaterThanOrEqual(0);
  const plan = base[k].headers.findIndex((h) => /kế hoạch|plan/i.test(h));
  expect(plan).toBeGreaterThanOrEqual(0);
  const row = base[k].rows.findIndex((r) => typeof r[plan] === 'number');
  expect(row).toBeGreaterThanOrEqual(0);
  const next = edited(base, k, row, plan, (base[k].rows[row][plan] as number) * 2);
  const cached = buildReport(next, { tableCache: cache });
  const fresh = buildReport(next);
  expect(said(cached)).toBe(said(fresh));
  expect(JSON.stringify(reportJson(fresh).metrics)).not.toBe(JSON.stringify(reportJson(buildReport(base)).metrics));
  // an edit of the projects replays the other tables' figures
  const d = base.findIndex((s) => /DuAn/i.test(s.name));
  const capital = base[d].headers.findIndex((h) => /vốn/i.test(h));
  const moved = edited(next, d, 0, capital, 123.45);
  const hits = figureMemo(cache).hits;
  const misses = figureMemo(cache).misses;
  expect(said(buildReport(moved, { tableCache: cache }))).toBe(said(buildReport(moved)));
  // labour, revenue, budget, tasks and their checks replayed; the two investment steps and the projects' checks run again
  expect(figureMemo(cache).hits - hits).toBeGreaterThanOrEqual(6);
  expect(figureMemo(cache).misses - misses).toBe(3);
});
