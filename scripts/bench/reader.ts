// The .xlsx table reader alone: CPU time (user + system) of reading every table's rows of a
// workbook once, each run in a fresh process (a real read is a cold one: the JIT warms up within
// it). node build/scripts/bench/reader.js <file.xlsx> [runs = 3]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { readWorkbookTables } from '../../src/node/xlsx';

/** One read in this process: CPU ms, and how many rows and cells it gave. */
function readOnce(file: string): { cpuMs: number; rows: number; cells: number } {
  const buf = fs.readFileSync(file);
  const start = process.cpuUsage();
  let rows = 0;
  let cells = 0;
  for (const table of readWorkbookTables(buf, { requireTables: false })) {
    for (const row of table.rows) {
      rows++;
      cells += row.length;
    }
  }
  const used = process.cpuUsage(start);
  return { cpuMs: (used.user + used.system) / 1000, rows, cells };
}

function main(): void {
  const [file, runsArg, child] = process.argv.slice(2);
  if (!file) throw new Error('usage: reader.js <file.xlsx> [runs]');
  if (child === '--child') {
    process.stdout.write(JSON.stringify(readOnce(file)));
    return;
  }
  const runs = Number(runsArg ?? 3);
  const results = Array.from({ length: runs }, () => JSON.parse(execFileSync(process.execPath, [__filename, file, '1', '--child'], { encoding: 'utf8' })) as ReturnType<typeof readOnce>);
  const cpu = results.map((r) => r.cpuMs).sort((a, b) => a - b);
  console.log(`${file}: ${results[0].rows} rows, ${results[0].cells} cells; CPU ms per read ${cpu.map((ms) => ms.toFixed(0)).join(', ')}; median ${cpu[Math.floor(runs / 2)].toFixed(0)}`);
}

main();
