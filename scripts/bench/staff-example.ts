// The staff example against the contract example (issue 19: "the staff example reads in under
// twice the contract example's time"). Each measurement is its own process, run alternately and
// several times; CPU time (user + system) is compared, since the wall clock of a shared machine
// counts the other processes too.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { readWorkbookTables, readWorkbookGrids } from '../../src/node/xlsx';
import { lacksDataTable, recognizeWorkbook } from '../../src/core/recognize';

export interface ExampleRun {
  /** Reading the workbook as `baocao report` does: its tables, and its plain sheets as grids when a data table is missing. */
  readCpuMs: number;
  /** Recognising the staff's lists in the grids (none for the contract example). */
  recognizeCpuMs: number;
  /** The whole `baocao report` in its own process. */
  reportCpuMs: number;
  reportWallMs: number;
}

export interface StaffBench {
  runs: number;
  contract: ExampleRun;
  staff: ExampleRun;
}

/** In the child: one read (and recognition) of `file`, the modules already loaded. */
export function readOnce(file: string): { readCpuMs: number; recognizeCpuMs: number } {
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const t0 = cpu();
  const buf = fs.readFileSync(file);
  const tables = readWorkbookTables(buf, { requireTables: false });
  for (const t of tables) void t.rows;
  const grids = lacksDataTable(tables) ? readWorkbookGrids(buf, { skipTables: true }) : null;
  const t1 = cpu();
  if (grids) recognizeWorkbook(grids, {});
  return { readCpuMs: t1 - t0, recognizeCpuMs: cpu() - t1 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function benchStaffExample(root: string, outDir: string, runs = Number(process.env.BENCH_EXAMPLE_RUNS ?? 5)): StaffBench | null {
  const files = { contract: path.join(root, 'examples/hai-phong-2023-h1.xlsx'), staff: path.join(root, 'examples/hai-phong-2023-h1-staff.xlsx') };
  if (!fs.existsSync(files.contract) || !fs.existsSync(files.staff)) return null;
  const child = (mode: string, file: string) =>
    JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'child.js'), mode, file, outDir], { encoding: 'utf8', maxBuffer: 1 << 26 }));
  const samples = { contract: [] as ExampleRun[], staff: [] as ExampleRun[] };
  for (let i = 0; i < runs; i++) {
    for (const which of ['contract', 'staff'] as const) {
      const read = child('read', files[which]);
      const report = child('report', files[which]);
      samples[which].push({ readCpuMs: read.readCpuMs, recognizeCpuMs: read.recognizeCpuMs, reportCpuMs: report.cpuMs, reportWallMs: report.ms });
    }
  }
  const med = (xs: ExampleRun[]): ExampleRun => ({
    readCpuMs: median(xs.map((x) => x.readCpuMs)),
    recognizeCpuMs: median(xs.map((x) => x.recognizeCpuMs)),
    reportCpuMs: median(xs.map((x) => x.reportCpuMs)),
    reportWallMs: median(xs.map((x) => x.reportWallMs)),
  });
  return { runs, contract: med(samples.contract), staff: med(samples.staff) };
}
