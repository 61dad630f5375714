// One measured run in its own process, so peak memory belongs to that run alone.
// node build/scripts/bench/child.js load|sheetjs|floor|read|phases|spin <file.xlsx> | report <file.xlsx> <outdir>
import fs from 'node:fs';
import path from 'node:path';
import { ZipArchive } from '../../src/node/xlsx';
import { readOnce } from './staff-example';

/** The floor: inflate every part (streaming, CRC checked) and look at each byte once. */
function floor(file: string): number {
  const zip = new ZipArchive(fs.readFileSync(file));
  let tags = 0;
  for (const name of zip.names()) {
    zip.stream(name, (chunk) => {
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 60) tags++;
    });
  }
  return tags;
}

/**
 * The report's parts one after the other, CPU time (user + system) of each, in ms: loading the
 * modules, reading the tables (rows held at once here, unlike the report), the engine, the sheet
 * plan, the .xlsx writer and the .json.
 */
async function phases(file: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  let last = process.cpuUsage();
  const lap = (name: string) => {
    const u = process.cpuUsage(last);
    out[name] = (u.user + u.system) / 1000;
    last = process.cpuUsage();
  };
  const { leanMathjs } = await import('../../src/node/mathjs-lean');
  leanMathjs();
  const { readWorkbookTables } = await import('../../src/node/xlsx');
  const { buildReport, reportJson } = await import('../../src/core/engine');
  const { planToXlsx } = await import('../../src/node/xlsx-writer');
  lap('modules');
  const buf = fs.readFileSync(file);
  readTablesOnly(readWorkbookTables(buf, { requireTables: false }));
  lap('read');
  // the engine reads the tables again as it parses them (streamed): its share is what it adds to the reading
  const result = buildReport(readWorkbookTables(buf, { requireTables: false }));
  lap('engine');
  out.engine -= out.read;
  const plan = result.plan;
  lap('plan');
  await planToXlsx(plan);
  lap('xlsx');
  JSON.stringify(reportJson(result));
  lap('json');
  return out;
}

/** Every table's rows streamed and dropped: the reading alone, as the engine's parse meets it. */
function readTablesOnly(snaps: import('../../src/core/records/snapshot').TableSnapshot[]): number {
  let cells = 0;
  for (const s of snaps) {
    const visit = (row: unknown[]) => void (cells += row.length);
    if (!s.streamRows?.(visit)) for (const row of s.rows) visit(row);
  }
  return cells;
}

async function run(): Promise<void> {
  const [mode, file, outDir] = process.argv.slice(2);
  if (mode === 'phases') {
    process.stdout.write(JSON.stringify(await phases(file)));
    return;
  }
  const start = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  if (mode === 'spin') {
    // the scaling check: this reading alone, once by itself and twice at the same time (bench.ts)
    const { readWorkbookTables } = await import('../../src/node/xlsx');
    const buf = fs.readFileSync(file);
    const t0 = process.cpuUsage();
    const w0 = process.hrtime.bigint();
    readTablesOnly(readWorkbookTables(buf, { requireTables: false }));
    const cpu = process.cpuUsage(t0);
    process.stdout.write(JSON.stringify({ ms: Number(process.hrtime.bigint() - w0) / 1e6, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMB: 0 }));
    return;
  }
  if (mode === 'read') {
    process.stdout.write(JSON.stringify(readOnce(file)));
    return;
  }
  if (mode === 'load') {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
  } else if (mode === 'sheetjs') {
    // SheetJS merely reading the workbook (dense mode, its leanest), no report
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const XLSX = require('xlsx') as { read(b: Buffer, o: object): unknown };
    XLSX.read(fs.readFileSync(file), { dense: true });
  } else if (mode === 'floor') {
    floor(file);
  } else {
    // the CLI's modules are loaded inside the measured time, as SheetJS's are above
    const { main } = await import('../../src/node/cli');
    const code = await main(['report', file, '--out', path.join(outDir, 'r.xlsx'), '--json', path.join(outDir, 'r.json')], () => undefined, (l) => console.error(l));
    if (code !== 0) throw new Error(`report exited ${code}`);
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

run().catch((e) => {
  console.error(e);
  process.exit(1);
});
