// One measured run in its own process, so peak memory belongs to that run alone.
// node build/scripts/bench/child.js load|sheetjs|floor|read <file.xlsx> | report <file.xlsx> <outdir>
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../src/node/cli';
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

async function run(): Promise<void> {
  const [mode, file, outDir] = process.argv.slice(2);
  const start = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
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
