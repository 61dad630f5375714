// The growth check of the report's .xlsx writer (issue 21, item 0): the same report with N and
// 10×N rows in its annexes, written by planToXlsx. A writer linear in the rows takes about 10×
// the time for 10× the rows; exceljs's merge scan made it about 100×. Measured as CPU time of this
// process (user + system), which the other processes of a shared machine do not inflate the way
// they inflate the wall clock; both are printed.
import { performance } from 'node:perf_hooks';
import { buildReport } from '../../src/core/engine';
import { TableSnapshot } from '../../src/core/records/snapshot';
import { planToXlsx } from '../../src/node/xlsx-writer';

/** 10× the rows may cost at most this many times the time: 10× and 30% for what a run's noise adds. */
export const GROWTH_LIMIT = 13;

export interface WriterRun {
  annexRows: number;
  reportRows: number;
  merges: number;
  cpuMs: number;
  wallMs: number;
  bytes: number;
}

export interface WriterGrowth {
  small: WriterRun;
  large: WriterRun;
  /** CPU time of the large run over the small one. */
  ratio: number;
  met: boolean;
}

const PROJECT_HEADERS = ['Mã dự án', 'Tên dự án', 'Nhà đầu tư', 'Quốc gia', 'Khu', 'Nguồn vốn', 'Loại', 'Ngày', 'Vốn đầu tư'];
const TASK_HEADERS = ['Mã nhiệm vụ', 'Nội dung', 'Ngày giao', 'Hạn xử lý', 'Ngày hoàn thành'];

/** A workbook whose annexes list `n` new projects and `n` overdue or late tasks. */
export function annexTables(n: number): TableSnapshot[] {
  const t = (name: string, headers: string[], rows: TableSnapshot['rows']): TableSnapshot => ({ name, sheet: name, headerRow: 1, firstColumn: 1, headers, rows });
  const day = (i: number) => `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 6) + 1}/2023`;
  return [
    t('ThongTin', ['Khóa', 'Giá trị'], [['TuNgay', '01/01/2023'], ['DenNgay', '30/06/2023'], ['CoQuan', 'Ban Quản lý Khu kinh tế']]),
    t('DuAn', PROJECT_HEADERS, Array.from({ length: n }, (_, i) => [`P${i}`, `Dự án số ${i} có tên đủ dài để xuống dòng trong cột`, `Nhà đầu tư ${i % 997}`, i % 3 ? 'Nhật Bản' : 'Hàn Quốc', 'KCN Đình Vũ', i % 5 ? 'FDI' : 'DDI', 'Cấp mới', day(i), 1 + (i % 97) / 10])),
    t('NhiemVu', TASK_HEADERS, Array.from({ length: n }, (_, i) => [`NV${i}`, `Nhiệm vụ số ${i}: rà soát hồ sơ dự án`, '02/01/2023', day(i), i % 2 ? null : '30/06/2023'])),
  ];
}

async function measure(n: number, times: number): Promise<WriterRun> {
  const r = buildReport(annexTables(n), { today: '2023-07-01' });
  const annexRows = r.model.annexes.reduce((s, a) => s + a.rows.length, 0);
  const sheet = r.plan.sheets[0];
  const runs: WriterRun[] = [];
  for (let k = 0; k < times; k++) {
    global.gc?.();
    const cpu = process.cpuUsage();
    const t = performance.now();
    const bytes = await planToXlsx(r.plan);
    const wallMs = performance.now() - t;
    const used = process.cpuUsage(cpu);
    runs.push({ annexRows, reportRows: sheet.lastRow, merges: sheet.merges.length, cpuMs: (used.user + used.system) / 1000, wallMs, bytes: bytes.length });
  }
  return runs.sort((a, b) => a.cpuMs - b.cpuMs)[Math.floor(runs.length / 2)];
}

/** The writer at `n` and 10×`n` rows per annex (the median of a few runs each, after a warm-up). */
export async function benchWriterGrowth(n: number): Promise<WriterGrowth> {
  await measure(Math.max(10, Math.floor(n / 10)), 1); // warm-up: modules loaded, code compiled
  const small = await measure(n, 5);
  const large = await measure(10 * n, 3);
  const ratio = large.cpuMs / small.cpuMs;
  return { small, large, ratio, met: ratio <= GROWTH_LIMIT };
}

// node --expose-gc build/scripts/bench/writer.js [n] [--json]: run on its own (bench.ts runs it in a child process)
if (require.main === module) {
  const n = Number(process.argv[2] ?? 5000);
  benchWriterGrowth(n).then((g) => {
    if (process.argv.includes('--json')) return void process.stdout.write(JSON.stringify(g));
    for (const x of [g.small, g.large]) console.log(`${x.annexRows} annex rows (${x.reportRows} sheet rows, ${x.merges} merges): ${x.cpuMs.toFixed(0)} ms CPU, ${x.wallMs.toFixed(0)} ms wall, ${(x.bytes / 2 ** 20).toFixed(1)} MB`);
    console.log(`ratio ${g.ratio.toFixed(2)} (limit ${GROWTH_LIMIT}) ${g.met ? 'met' : 'NOT MET'}`);
  });
}
