// One measured run in its own process, so peak memory belongs to that run alone.
// node build/scripts/bench/child.js load <file.xlsx> | report <file.xlsx> <outdir>
import path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/node/cli';

async function run(): Promise<void> {
  const [mode, file, outDir] = process.argv.slice(2);
  const start = process.hrtime.bigint();
  if (mode === 'load') {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
  } else {
    const code = await main(['report', file, '--out', path.join(outDir, 'r.xlsx'), '--json', path.join(outDir, 'r.json')], () => undefined, (l) => console.error(l));
    if (code !== 0) throw new Error(`report exited ${code}`);
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

run().catch((e) => {
  console.error(e);
  process.exit(1);
});
