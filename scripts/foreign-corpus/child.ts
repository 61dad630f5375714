// Workbooks of the foreign corpus through `baocao report` and `baocao map`, in a worker process.
// Prints one JSON line per command as it ends: its exit code, its messages, its time, whether the
// copy it wrote reads back, and the process's peak memory so far (an upper bound for that run).
// node build/scripts/foreign-corpus/child.js <outdir>, files on stdin (see serve)
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../src/node/cli';
import { ZipArchive, readWorkbookTables } from '../../src/node/xlsx';
import { checkPackage } from '../../src/node/xlsx/check';

export interface CommandRun {
  code: number | 'threw';
  ms: number;
  /** What the command wrote to stderr (a refusal is one line). */
  err: string[];
  /** For map: why the copy it wrote does not read back, or null. */
  badOutput?: string | null;
}

async function run(command: 'report' | 'map', file: string, outDir: string): Promise<CommandRun> {
  const err: string[] = [];
  const out = path.join(outDir, `${command}.xlsx`);
  fs.rmSync(out, { force: true });
  const start = process.hrtime.bigint();
  let code: number | 'threw';
  try {
    code = await main([command, file, '--out', out], () => undefined, (l) => err.push(l));
  } catch (e) {
    code = 'threw';
    err.push(String((e as Error)?.stack ?? e));
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const result: CommandRun = { code, ms, err };
  if (code === 0) result.badOutput = readsBack(out);
  return result;
}

/** Whether a written .xlsx passes the reader's own checks (zip, XML, workbook part). */
function readsBack(file: string): string | null {
  try {
    const buf = fs.readFileSync(file);
    readWorkbookTables(buf, { requireTables: false, wanted: () => true }).forEach((t) => t.rows);
    checkPackage(new ZipArchive(buf));
    return null;
  } catch (e) {
    return String((e as Error)?.message ?? e).split('\n')[0];
  }
}

/**
 * Takes "<command>\t<file>" lines on stdin (command: both, report or map) and runs each in turn,
 * so that the modules load once for many files; after each file a line {"done": file}. The
 * parent kills and replaces the process when a file takes too long.
 */
async function serve(outDir: string): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  let buffered = '';
  const queue: string[] = [];
  let busy = false;
  const next = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    for (let line = queue.shift(); line !== undefined; line = queue.shift()) {
      const [which, file] = line.split('\t');
      for (const command of ['report', 'map'] as const) {
        if (which !== 'both' && which !== command) continue;
        const r = await run(command, file, outDir);
        process.stdout.write(JSON.stringify({ command, file, ...r, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
      }
      process.stdout.write(JSON.stringify({ done: file }) + '\n');
    }
    busy = false;
  };
  process.stdin.on('data', (d) => {
    buffered += d;
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    queue.push(...lines.filter(Boolean));
    void next();
  });
}

const crash = (e: unknown) => {
  process.stdout.write(JSON.stringify({ crash: String((e as Error)?.stack ?? e) }) + '\n');
  process.exit(3);
};
process.on('unhandledRejection', crash);
process.on('uncaughtException', crash);
serve(process.argv[2]).catch(crash);
