// The add-in's live check after one edit against a full generation, engine time only (issue 21):
// the tables as the adapter hands them over (plain rows), a full generation's buildReport, then
// live checks that each follow one edited cell, with the parsed tables kept between checks
// (src/core/records/table-cache.ts), as src/excel/live-checks.ts runs them.
// node build/scripts/bench/live.js <rows per table> [--json]
import { buildReport } from '../../src/core/engine';
import { TableRead, readWorkbook } from '../../src/core/records/mapping';
import { Problems } from '../../src/core/problems';
import { CellValue, TableSnapshot } from '../../src/core/records/snapshot';
import { TableReadCache } from '../../src/core/records/table-cache';
import { readWorkbookTables } from '../../src/node/xlsx';
import { largeWorkbook } from './large-workbook';

export interface LiveBench {
  rows: number;
  /** A full generation's engine time (buildReport and its sheet plan, no table kept), ms. */
  fullMs: number;
  /** Of which parsing the tables into records (readWorkbook). */
  parseMs: number;
  /** A live check after one edit of each kind: the table edited, its rows, the engine time. */
  edits: { table: string; rows: number; ms: number; parsed: number }[];
}

/** CPU time (user + system) since t0, in ms: on a shared machine the wall clock counts the others too. */
const ms = (t0: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(t0);
  return (u.user + u.system) / 1000;
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * The workbook after one cell of `name` changed: a new rows array, as the adapter's re-read gives.
 * By default the last column of a row in the middle (a note or an optional figure), changed back
 * and forth; with `header`, that column's number in the row, made larger by k (a figure changes).
 */
function edit(snaps: TableSnapshot[], name: string, k: number, header?: string): TableSnapshot[] {
  return snaps.map((s) => {
    if (s.name !== name) return s;
    // the adapter reads the whole table again: every row a new array
    const rows = s.rows.map((r) => [...r]);
    const ri = Math.floor(rows.length / 2);
    const col = header ? s.headers.indexOf(header) : rows[ri].length - 1;
    if (col < 0) throw new Error(`${name} has no column ${header}`);
    const was = rows[ri][col];
    rows[ri][col] = header ? (typeof was === 'number' ? was : 0) + k : k % 2 ? 'sửa' : null;
    return { ...s, rows };
  });
}

export function benchLive(n: number): LiveBench {
  const snaps = readWorkbookTables(largeWorkbook(n)).map((s) => ({ ...s }));
  void buildReport(snaps).plan; // warm-up
  const full: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = process.cpuUsage();
    // a generation lays out the sheet plan it writes; a live check shows figures and problems only
    void buildReport(snaps).plan;
    full.push(ms(t0));
  }
  const t1 = process.cpuUsage();
  readWorkbook(snaps, new Problems('vi'));
  const parseMs = ms(t1);
  const edits: LiveBench['edits'] = [];
  const kinds: [string, string | undefined][] = [['DuAn', undefined], ['NhiemVu', undefined], ['KeHoach', undefined], ['DuAn', 'Vốn đầu tư']];
  for (const [name, header] of kinds) {
    const cache = new TableReadCache<TableRead>();
    let current = snaps;
    buildReport(current, { tableCache: cache }); // the check before the edit: every table parsed once
    const times: number[] = [];
    let parsed = 0;
    for (let k = 1; k <= 3; k++) {
      current = edit(current, name, k, header);
      const before = cache.misses;
      const t0 = process.cpuUsage();
      buildReport(current, { tableCache: cache });
      times.push(ms(t0));
      parsed = cache.misses - before;
    }
    edits.push({ table: header ? `${name}, ${header} (a figure changes)` : name, rows: snaps.find((s) => s.name === name)!.rows.length, ms: median(times), parsed });
  }
  return { rows: n, fullMs: median(full), parseMs, edits };
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 100000);
  const r = benchLive(n);
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(r));
  else console.log(r);
}
