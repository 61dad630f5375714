// Tables parsed in a worker thread (issue 21 item 2) give the engine exactly what parsing them on
// its own thread gives. The worker runs the built script (build/src/node/xlsx/table-worker.js,
// made by `npm ci`'s prepare step, or `npx tsc -p tsconfig.node.json`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readWorkbookTables } from '../../../src/node/xlsx';
import { readWorkbookFile, InputError } from '../../../src/node/input-file';
import { chooseWorkerTables, defaultThreads, workerThreadsAvailable } from '../../../src/node/xlsx/parallel';
import { packRecords, unpackRecords } from '../../../src/node/xlsx/records-transfer';
import { TableSnapshot } from '../../../src/core/records/snapshot';
import { Origin } from '../../../src/core/records/schema';
import { buildReport, ReportResult } from '../../../src/core/engine';
import { bookParts, zipOf, row } from '../../helpers/xlsx-parts';
import { main } from '../../../src/node/cli';
import { largeWorkbook } from '../../../scripts/bench/large-workbook';

const TODAY = '2026-11-27';
const FORCED = { minBytes: 0 };
const EXAMPLE = path.join(__dirname, '../../../examples/hai-phong-2023-h1.xlsx');

function outcome(r: ReportResult) {
  const { settingsOrigin, tables, ...lists } = r.data;
  return JSON.parse(JSON.stringify({ problems: r.problems, tables, settingsOrigin, lists, metrics: [...r.metrics].map(([k, m]) => [k, m.value, m.reason]), model: r.model }));
}

/** Counts the tables the worker gave (parsed() not null). */
function countParsed(snaps: TableSnapshot[]) {
  const n = { byWorker: 0 };
  for (const s of snaps) {
    const parsed = s.parsed!.bind(s);
    Object.defineProperty(s, 'parsed', { value: () => {
      const r = parsed();
      if (r) n.byWorker++;
      return r;
    } });
  }
  return n;
}

test('the worker script is built and found', () => {
  expect(workerThreadsAvailable()).toBe(true);
});

test('the worker takes the tables read last, about half the XML, never all of them', () => {
  const c = (index: number, order: number, bytes: number) => ({ index, order, bytes });
  // DuAn, LaoDong, SanXuatKinhDoanh, NganSach, NhiemVu as the bench's workbook weighs them
  expect(chooseWorkerTables([c(0, 1, 100), c(1, 2, 45), c(2, 3, 65), c(3, 4, 35), c(4, 5, 60)])).toEqual([2, 3, 4]);
  expect(chooseWorkerTables([c(0, 1, 10), c(1, 2, 10)])).toEqual([1]);
  // one huge table read last: the worker takes it even though it is over the share
  expect(chooseWorkerTables([c(0, 1, 10), c(1, 2, 1000)])).toEqual([1]);
  expect(chooseWorkerTables([c(0, 5, 10), c(1, 1, 10), c(2, 3, 10), c(3, 2, 10)])).toEqual([2, 0]);
});

test('records packed and unpacked are the same records: keys, order, values, origin', () => {
  const r = buildReport(readWorkbookTables(fs.readFileSync(EXAMPLE)), { today: TODAY });
  for (const list of [r.data.projects!, r.data.labour!, r.data.revenue!, r.data.tasks!]) {
    const packed = packRecords(list)!;
    expect(packed).not.toBeNull();
    const back = unpackRecords(structuredClone(packed)) as typeof list;
    expect(back.map((x) => Object.keys(x))).toEqual(list.map((x) => Object.keys(x)));
    expect(JSON.stringify(back)).toBe(JSON.stringify(list));
    expect(back.every((x) => x.origin instanceof Origin)).toBe(true);
    expect(back.map((x) => x.origin.cell('zone' in x ? 'zone' : Object.keys(x)[0]))).toEqual(list.map((x) => x.origin.cell('zone' in x ? 'zone' : Object.keys(x)[0])));
  }
  // records whose cells sit apart row by row (staff sheets, months across) are not packed
  const odd = [{ a: 1, origin: new Origin({ sheet: 'S', table: 'T', firstColumn: 1, columns: { a: 0 } }, 2, { a: 5 }) }];
  expect(packRecords(odd)).toBeNull();
});

test.each([
  ['examples/hai-phong-2023-h1.xlsx'],
  ['test/fixtures/writers/openpyxl-formula-no-value.xlsx'],
  ['test/fixtures/writers/xml-date1904.xlsx'],
  ['test/fixtures/writers/libreoffice-roundtrip.xlsx'],
])('%s: tables parsed by the worker give the outcome of one thread', (file) => {
  const buf = fs.readFileSync(path.join(__dirname, '../../..', file));
  const snaps = readWorkbookTables(buf, { parallel: FORCED });
  const n = countParsed(snaps);
  const two = buildReport(snaps, { today: TODAY });
  const one = buildReport(readWorkbookTables(buf), { today: TODAY });
  expect(outcome(two)).toEqual(outcome(one));
  expect(n.byWorker).toBeGreaterThan(0);
  // the worker's tables' merges and stale formulas are known here too, without reading them again
  for (const s of snaps) expect(s.merged).toEqual(readWorkbookTables(buf).find((t) => t.name === s.name)!.merged);
});

test('in English too: the worker is told the language when the engine begins', () => {
  const buf = fs.readFileSync(EXAMPLE);
  const snaps = readWorkbookTables(buf, { parallel: FORCED });
  const n = countParsed(snaps);
  expect(outcome(buildReport(snaps, { today: TODAY, lang: 'en' }))).toEqual(outcome(buildReport(readWorkbookTables(buf), { today: TODAY, lang: 'en' })));
  expect(n.byWorker).toBeGreaterThan(0);
});

test('BAOCAO_THREADS chooses one thread or two; unset, the number of processors does', () => {
  const was = process.env.BAOCAO_THREADS;
  try {
    process.env.BAOCAO_THREADS = '1';
    expect(defaultThreads()).toBe(1);
    process.env.BAOCAO_THREADS = '2';
    expect(defaultThreads()).toBe(2);
    delete process.env.BAOCAO_THREADS;
    expect(defaultThreads()).toBe(os.availableParallelism() >= 4 ? 2 : 1);
  } finally {
    if (was === undefined) delete process.env.BAOCAO_THREADS;
    else process.env.BAOCAO_THREADS = was;
  }
});

test('a small workbook is not worth a worker, even with two threads asked for', () => {
  const was = process.env.BAOCAO_THREADS;
  process.env.BAOCAO_THREADS = '2';
  const buf = fs.readFileSync(EXAMPLE);
  try {
    const snaps = readWorkbookTables(buf, { parallel: true });
    const n = countParsed(snaps);
    buildReport(snaps, { today: TODAY });
    expect(n.byWorker).toBe(0);
  } finally {
    if (was === undefined) delete process.env.BAOCAO_THREADS;
    else process.env.BAOCAO_THREADS = was;
  }
});

test('10,000 rows per table with two threads asked for: the worker parses its share, the outcome is one thread\'s', () => {
  const buf = largeWorkbook(10_000);
  const was = process.env.BAOCAO_THREADS;
  process.env.BAOCAO_THREADS = '2';
  try {
    const snaps = readWorkbookTables(buf, { parallel: true });
    const n = countParsed(snaps);
    const two = buildReport(snaps, { today: TODAY });
    expect(n.byWorker).toBeGreaterThanOrEqual(2);
    expect(outcome(two)).toEqual(outcome(buildReport(readWorkbookTables(buf), { today: TODAY })));
  } finally {
    if (was === undefined) delete process.env.BAOCAO_THREADS;
    else process.env.BAOCAO_THREADS = was;
  }
});

describe('damage in a table the worker parses', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-parallel-'));
  const is = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;
  // two data tables on two sheets: DuAn (read first, here) and NhiemVu (read last: the worker's), NhiemVu's sheet cut short
  const parts = bookParts({ sheetData: row(1, [is('A1', 'Mã dự án'), is('B1', 'Nguồn vốn')]) + row(2, [is('A2', 'P1'), is('B2', 'FDI')]), table: { ref: 'A1:B2', columns: ['Mã dự án', 'Nguồn vốn'], name: 'DuAn' } });
  parts['xl/workbook.xml'] = parts['xl/workbook.xml'].replace('</sheets>', '<sheet name="NhiemVu" sheetId="2" r:id="rId9"/></sheets>');
  parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels'].replace('</Relationships>', '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>');
  parts['xl/worksheets/sheet2.xml'] = parts['xl/worksheets/sheet1.xml'].replace(/<sheetData>.*<\/sheetData>/, `<sheetData>${row(1, [is('A1', 'Mã nhiệm vụ'), is('B1', 'Nội dung')])}<row r="2"><c r="A2"><v>1</v></c></row>`);
  parts['xl/worksheets/_rels/sheet2.xml.rels'] = parts['xl/worksheets/_rels/sheet1.xml.rels'].replace('table1.xml', 'table2.xml');
  parts['xl/tables/table2.xml'] = parts['xl/tables/table1.xml'].replace(/name="DuAn" displayName="DuAn"/, 'name="NhiemVu" displayName="NhiemVu"').replace(/id="1"/, 'id="2"').replace(/>Mã dự án</, '>Mã nhiệm vụ<').replace('Mã dự án', 'Mã nhiệm vụ').replace('Nguồn vốn', 'Nội dung');
  const file = path.join(dir, 'cut.xlsx');
  fs.writeFileSync(file, zipOf(parts));
  const whole = path.join(dir, 'whole.xlsx');
  fs.writeFileSync(whole, zipOf({ ...parts, 'xl/worksheets/sheet2.xml': parts['xl/worksheets/sheet2.xml'].replace('<tableParts', '</sheetData><tableParts') }));

  test('the same workbook undamaged: the worker parses NhiemVu (its columns missing: no records, once)', async () => {
    const snaps = await readWorkbookFile(whole, 'vi', { parallel: FORCED });
    const n = countParsed(snaps);
    const r = buildReport(snaps, { today: TODAY });
    expect(n.byWorker).toBe(1);
    expect(r.data.tables.map((t) => [t.name, t.rowsSkipped])).toEqual([['DuAn', 1], ['NhiemVu', 1]]);
    expect(outcome(r)).toEqual(outcome(buildReport(readWorkbookTables(fs.readFileSync(whole)), { today: TODAY })));
  });

  test('the worker gives the table back and the engine meets the damage itself: one clear InputError', async () => {
    const snaps = await readWorkbookFile(file, 'vi', { parallel: FORCED });
    expect(snaps.map((s) => s.name)).toEqual(['DuAn', 'NhiemVu']);
    const n = countParsed(snaps);
    expect(() => buildReport(snaps, { today: TODAY })).toThrow(InputError);
    expect(n.byWorker).toBe(0);
    const out: string[] = [];
    expect(await main(['report', file, '--out', path.join(dir, 'cut.out.xlsx')], (l) => out.push(l), (l) => out.push(l))).toBe(1);
    expect(out.join('\n')).toMatch(/^Tệp .xlsx bị hỏng hoặc không đọc được: .*cut\.xlsx \(xl\/worksheets\/sheet2.xml: /);
  });
});
