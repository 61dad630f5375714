import * as fs from 'fs';
import { generateReport } from '../../src/excel/generate';
import { batches } from '../../src/excel/read-tables';
import { bookWithProjects } from './example-book';
import { mockExcel } from './mock-host';

// context.sync() calls per generation against the fake host. `npm run bench` runs this file with
// BAOCAO_SYNC_OUT set, adds 1,000 and 100,000 rows, and reads the counts from that file.
const OUT = process.env.BAOCAO_SYNC_OUT;
// the example itself holds ~100k cells (8k of them rows of the HoSo export): 5,000 more rows still
// fit one 4 MB value batch, 10,000 more take a second one (README, "One click costs three round trips")
const ROWS = OUT ? [10, 1_000, 10_000, 100_000] : [10, 5_000];

interface Count {
  rows: number;
  read: number;
  write: number;
  total: number;
}

async function count(n: number): Promise<Count & { valueBatches: number }> {
  const book = bookWithProjects(n);
  const g = await mockExcel(book).run((ctx) => generateReport(ctx, { today: '2023-06-26' }));
  expect(g.result.metrics.get('fdi_new_count')!.value).toBe(25 + n);
  // a loop, not Math.min(...log): 100,000 rows log more writes than a call may take arguments
  const firstWrite = book.log.reduce((m, l) => Math.min(m, l.sync), Infinity);
  const valueBatches = batches(book.tables.map((t) => ({ rowCount: t.rows - 1, columnCount: t.cols }))).length;
  return { rows: n, read: firstWrite - 1, write: book.syncs - firstWrite + 1, total: book.syncs, valueBatches };
}

it('generation syncs: 5 (inspect, values, content, print setup, charts) while the values fit the payload budget', async () => {
  const counts: Count[] = [];
  for (const n of ROWS) {
    const c = await count(n);
    // one inspection, one value sync per ~4 MB batch; the write: content, print setup, charts
    expect([c.read, c.write]).toEqual([1 + c.valueBatches, 3]);
    if (c.valueBatches === 1) expect(c.total).toBe(5);
    counts.push({ rows: c.rows, read: c.read, write: c.write, total: c.total });
  }
  expect(counts.filter((c) => c.rows <= 5_000).map((c) => c.total)).toEqual(ROWS.filter((n) => n <= 5_000).map(() => 5));
  if (OUT) fs.writeFileSync(OUT, JSON.stringify(counts));
});
