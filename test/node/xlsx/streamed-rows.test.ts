// A table read by the command line is parsed as its rows stream out of the worksheet, never held
// whole (issue 21). The records, problems and figures must be those of parsing the same table
// from its rows held at once (the add-in's way): checked here on every workbook of the corpora and
// on hand-made sheets that exercise the stream's edges (rows out of order, gaps, merges, stale
// formulas, a missing column, a table wider than a streamed row).
import fs from 'node:fs';
import path from 'node:path';
import { readWorkbookTables } from '../../../src/node/xlsx';
import { TableSnapshot } from '../../../src/core/records/snapshot';
import { buildReport, ReportResult } from '../../../src/core/engine';
import { bookParts, zipOf, row } from '../../helpers/xlsx-parts';

const TODAY = '2026-11-27';

/** The same tables, their rows held at once (what `{...snap}` copies: the rows, not the stream). */
const held = (snaps: TableSnapshot[]) =>
  snaps.map((s) => {
    const copy: TableSnapshot = { ...s };
    if (s.staleFormulas) copy.staleFormulas = s.staleFormulas;
    return copy;
  });

/** What a report is made of, as plain data (records with their origins, problems, figures). */
function outcome(r: ReportResult) {
  const { settingsOrigin, tables, ...lists } = r.data;
  return JSON.parse(
    JSON.stringify({
      problems: r.problems,
      tables,
      settingsOrigin,
      lists,
      metrics: [...r.metrics].map(([k, m]) => [k, m.value, m.reason]),
      model: r.model,
    }),
  );
}

/** The snapshots with their streams counted, and `rows` counted too (the stream must not fall back to it). */
function watched(snaps: TableSnapshot[]) {
  const count = { streams: 0, rowReads: 0 };
  for (const s of snaps) {
    const stream = s.streamRows?.bind(s);
    const rows = Object.getOwnPropertyDescriptor(s, 'rows')!.get!;
    if (stream) Object.defineProperty(s, 'streamRows', { value: (visit: never) => (count.streams++, stream(visit)) });
    Object.defineProperty(s, 'rows', { enumerable: true, get: () => (count.rowReads++, rows()) });
  }
  return count;
}

function sameAsHeld(buf: Buffer) {
  const streamed = buildReport(readWorkbookTables(buf, { requireTables: false }), { today: TODAY });
  const whole = buildReport(held(readWorkbookTables(buf, { requireTables: false })), { today: TODAY });
  expect(outcome(streamed)).toEqual(outcome(whole));
  return streamed;
}

const corpus = ['../../fixtures/writers', '../../fixtures/foreign/closedxml', '../../fixtures/foreign/exceljs', '../../fixtures/foreign/poi', '../../../examples']
  .map((d) => path.join(__dirname, d))
  .flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(d, f)));

test.each(corpus.map((f) => [path.relative(path.join(__dirname, '../../..'), f)]))('%s: streamed as held', (file) => {
  const buf = fs.readFileSync(path.join(__dirname, '../../..', file));
  let snaps: TableSnapshot[];
  try {
    snaps = readWorkbookTables(buf, { requireTables: false });
  } catch {
    return expect(() => readWorkbookTables(buf, { requireTables: false })).toThrow(); // refused files are the reader's tests
  }
  const count = watched(snaps);
  const streamed = buildReport(snaps, { today: TODAY });
  expect(outcome(streamed)).toEqual(outcome(buildReport(held(readWorkbookTables(buf, { requireTables: false })), { today: TODAY })));
  // every data table streamed (the settings table is read whole: its language is looked up first)
  const dataTables = snaps.filter((s) => streamed.data.tables.some((t) => t.name === s.name && t.kind !== 'settings') && !s.headerless);
  expect(count.streams).toBeGreaterThanOrEqual(dataTables.length);
});

test('the example streams each data table once and never reads one whole', () => {
  const snaps = readWorkbookTables(fs.readFileSync(path.join(__dirname, '../../../examples/hai-phong-2023-h1.xlsx')));
  const settingsRows = { n: 0 };
  const counts = snaps.map((s) => (s.name === 'ThongTin' ? settingsRows : watched([s])));
  buildReport(snaps, { today: TODAY });
  const data = counts.filter((c) => c !== settingsRows) as { streams: number; rowReads: number }[];
  expect(data.length).toBeGreaterThan(4);
  for (const c of data) expect(c).toEqual({ streams: 1, rowReads: 0 });
});

// hand-made sheets: a DuAn table (A1:F…) written cell by cell
const HEAD = ['Mã dự án', 'Tên dự án', 'Nguồn vốn', 'Loại', 'Ngày', 'Vốn đầu tư'];
const is = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;
const num = (ref: string, v: number | string, s = '') => `<c r="${ref}"${s ? ` s="${s}"` : ''}><v>${v}</v></c>`;
const headRow = row(1, HEAD.map((h, i) => is(`${'ABCDEF'[i]}1`, h)));
const project = (r: number, capital: number | null, extra = '') =>
  row(r, [is(`A${r}`, `P${r}`), is(`B${r}`, `Dự án ${r}`), is(`C${r}`, r % 2 ? 'FDI' : 'DDI'), is(`D${r}`, 'Cấp mới'), num(`E${r}`, 44950 + r, '1'), capital === null ? '' : num(`F${r}`, capital), extra]);
const book = (rows: string[], o: { ref?: string; columns?: string[]; tail?: string; application?: string } = {}) =>
  zipOf(bookParts({ sheetData: headRow + rows.join(''), table: { ref: o.ref ?? `A1:F${rows.length + 1}`, columns: o.columns ?? HEAD }, sheetTail: o.tail, application: o.application }));

test('rows out of order in the file: the stream gives up and the table is read whole, with the same outcome', () => {
  const rows = [project(2, 10), project(4, 30), project(3, 20), project(5, 40)];
  const buf = book(rows);
  const snaps = readWorkbookTables(buf, { requireTables: false });
  const visited: number[] = [];
  expect(snaps[0].streamRows!((_, i) => visited.push(i))).toBeNull();
  expect(visited).toEqual([0]); // row 4 was given, then row 3 came after it: what was given is void
  const r = sameAsHeld(buf);
  expect(r.data.projects!.map((p) => p.projectId)).toEqual(['P2', 'P3', 'P4', 'P5']); // by their row numbers, wherever the file put them
});

test('gaps, blank rows, a declared height past the last row, merges and problems land as when held', () => {
  const rows = [project(2, 10), project(3, 5, is('A3', '')), row(5, [is('A5', 'P5'), is('C5', 'XYZ'), is('D5', 'Cấp mới'), num('E5', 45000, '1'), num('F5', 1)]), project(7, 12.25)];
  const buf = book(rows, { ref: 'A1:F12', tail: '<mergeCells count="1"><mergeCell ref="B7:C7"/></mergeCells>' });
  const r = sameAsHeld(buf);
  const codes = r.problems.map((p) => p.code);
  expect(codes).toEqual(expect.arrayContaining(['mergedCells', 'unknownSource', 'rowsRead']));
  // the table's problems come before its rows', as ever
  expect(codes.indexOf('mergedCells')).toBeLessThan(codes.indexOf('unknownSource'));
  expect(codes.indexOf('unknownSource')).toBeLessThan(codes.indexOf('rowsRead'));
  expect(r.data.tables.find((t) => t.name === 'DuAn')!.range).toBe('DuAn!A1:F12');
});

test('formula cells whose stored values may be stale are cited with their values, as when held', () => {
  const f = (ref: string, v: number) => `<c r="${ref}"><f>1+1</f><v>${v}</v></c>`;
  const rows = [project(2, null, f('F2', 2)), project(3, 7), project(4, null, f('F4', 3))];
  const buf = book(rows, { application: 'openpyxl' });
  const r = sameAsHeld(buf);
  expect(r.problems.filter((p) => p.code === 'formulaStale').map((p) => p.cell)).toEqual(['DuAn!F2', 'DuAn!F4']);
});

test('a required column missing: the rows are counted, not parsed, as when held', () => {
  const cols = ['Mã dự án', 'Tên dự án', 'Ghi chú', 'Loại', 'Ngày', 'Vốn đầu tư'];
  const buf = book([project(2, 1), project(3, 2), row(4, [])], { columns: cols });
  const r = sameAsHeld(buf);
  expect(r.problems.find((p) => p.code === 'columnMissing')!.message).toContain('2');
});

test('a table wider than a streamed row is read whole', () => {
  const cols = Array.from({ length: 1100 }, (_, i) => (i < 6 ? HEAD[i] : `Cột ${i + 1}`));
  const buf = book([project(2, 10)], { ref: 'A1:AOH2', columns: cols });
  const snaps = readWorkbookTables(buf, { requireTables: false });
  expect(snaps[0].streamRows!(() => undefined)).toBeNull();
  expect(sameAsHeld(buf).data.projects).toHaveLength(1);
});
