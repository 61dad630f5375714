// Other projects' test workbooks through `baocao report` and `baocao map` (issue 19). Files run in
// worker processes (scripts/foreign-corpus/child.ts), each command with a time limit (a worker that
// hangs is killed and replaced). Each run is a clean end (exit 0 and a copy that passes the
// reader's checks, or one clear line saying why the file is refused) or a failure (a crash, a
// stack trace, a hang, several lines, a copy that does not read back). Peak memory is the worker's,
// an upper bound for one run; a run past REMEASURE_MB is measured again in a fresh worker.
// Not part of npm test: the corpus lives outside the repository (test/fixtures/foreign keeps a
// sample). To make it, from the mirrors of ClosedXML, apache/poi and exceljs:
//   git -C <mirror> ls-tree -r --name-only HEAD | grep -iE '\.(xls[xmb]|xlt[xm])$' |
//     while read f; do git -C <mirror> show "HEAD:$f" > "/tmp/foreign/<source>/${f//\//_}"; done
//
// node build/scripts/foreign-corpus.js [--jobs 2] [--timeout 60] [--json results.json] <dir>…
// Each <dir> is one source (its name heads its rows); every .xlsx, .xlsm, .xlsb, .xltx, .xltm or
// .xlam file in it is run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import type { CommandRun } from './foreign-corpus/child';

type Command = 'report' | 'map';
interface Outcome {
  source: string;
  file: string;
  command: Command;
  /** 'clean' (exit 0), 'refused' (one clear line), or what went wrong. */
  verdict: 'clean' | 'refused' | 'crash' | 'timeout' | 'lines' | 'badOutput';
  /** The refusal's reason (its message up to the file name), or the failure's first line. */
  reason: string;
  ms: number;
  maxRssMB: number;
}

const CHILD = path.join(__dirname, 'foreign-corpus/child.js');

/** A refusal is one line that names the problem; these say the program itself failed. */
const FAILURE = /Lỗi không mong đợi|Unexpected error|Cannot read properties|is not a function|is not defined|Maximum call stack|Invalid string length|heap out of memory|^\s+at /;

export function classify(run: CommandRun, file: string): Pick<Outcome, 'verdict' | 'reason'> {
  if (run.code === 0) return run.badOutput ? { verdict: 'badOutput', reason: run.badOutput } : { verdict: 'clean', reason: '' };
  const text = run.err.join('\n');
  if (run.code === 'threw' || FAILURE.test(text)) return { verdict: 'crash', reason: run.err[0] ?? '' };
  if (run.err.length !== 1) return { verdict: 'lines', reason: run.err[0] ?? '(no message)' };
  const line = run.err[0];
  const at = line.indexOf(file);
  const head = (at > 0 ? line.slice(0, at) : line).replace(/[\s:]+$/, '');
  const detail = at > 0 ? line.slice(at + file.length).replace(/^[\s:]+/, '') : '';
  // "damaged" with its detail, to tell a truly broken file from a reader's fault
  return { verdict: 'refused', reason: detail && /bị hỏng|damaged/.test(head) ? `${head}: ${detail.replace(/\d+/g, 'N').slice(0, 120)}` : head };
}

type Line = CommandRun & { command: Command; file: string; maxRssMB: number };

/** A worker process (foreign-corpus/child.ts) taking files one at a time; replaced when it hangs. */
class Worker {
  private child: ChildProcessWithoutNullStreams | null = null;
  private out = '';
  private waiting: ((l: Line | { done: string } | { crash: string } | { exit: number | null }) => void) | null = null;
  private pending: (Line | { done: string } | { crash: string } | { exit: number | null })[] = [];
  /** Files run by this process so far: its peak memory is theirs together. */
  files = 0;

  constructor(private readonly outDir: string) {}

  private start(): ChildProcessWithoutNullStreams {
    const child = spawn(process.execPath, [CHILD, this.outDir], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => {
      this.out += d;
      const lines = this.out.split('\n');
      this.out = lines.pop()!;
      for (const l of lines.filter(Boolean)) this.push(JSON.parse(l));
    });
    child.stderr.on('data', () => undefined);
    child.on('exit', (code) => {
      if (this.child === child) this.child = null;
      this.push({ exit: code });
    });
    this.files = 0;
    return child;
  }

  private push(x: Line | { done: string } | { crash: string } | { exit: number | null }): void {
    const w = this.waiting;
    if (w) {
      this.waiting = null;
      w(x);
    } else this.pending.push(x);
  }

  private next(timeoutMs: number): Promise<Line | { done: string } | { crash: string } | { exit: number | null } | 'timeout'> {
    const p = this.pending.shift();
    if (p) return Promise.resolve(p);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        resolve('timeout');
      }, timeoutMs);
      this.waiting = (x) => {
        clearTimeout(timer);
        resolve(x);
      };
    });
  }

  kill(): void {
    const c = this.child;
    this.child = null;
    this.pending = [];
    this.waiting = null;
    c?.kill('SIGKILL');
  }

  /** Runs the commands on one file; a command that does not end within timeoutMs is killed. */
  async run(commands: Command[], file: string, timeoutMs: number): Promise<{ lines: Line[]; failed?: { command: Command; verdict: 'timeout' | 'crash'; reason: string; ms: number } }> {
    this.child ??= this.start();
    this.files++;
    this.child.stdin.write(`${commands.length === 2 ? 'both' : commands[0]}\t${file}\n`);
    const lines: Line[] = [];
    let started = Date.now();
    for (;;) {
      const x = await this.next(timeoutMs);
      const left = commands.filter((c) => !lines.some((l) => l.command === c));
      if (x !== 'timeout' && 'done' in x) return { lines };
      if (x !== 'timeout' && 'command' in x) {
        lines.push(x);
        started = Date.now();
        continue;
      }
      this.kill();
      const reason = x === 'timeout' ? `over ${timeoutMs / 1000} s` : 'crash' in x ? x.crash.split('\n')[0] : `the process ended (exit ${x.exit})`;
      return { lines, failed: { command: left[0], verdict: x === 'timeout' ? 'timeout' : 'crash', reason, ms: Date.now() - started } };
    }
  }
}

/** A worker whose peak memory passed this is replaced, and the file that raised it measured alone. */
const REMEASURE_MB = 300;

async function runFile(worker: Worker, source: string, file: string, timeoutS: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let todo: Command[] = ['report', 'map'];
  while (todo.length) {
    const shared = worker.files > 0;
    const r = await worker.run(todo, file, timeoutS * 1000);
    if (shared && !r.failed && r.lines.some((l) => l.maxRssMB > REMEASURE_MB)) {
      worker.kill();
      continue;
    }
    for (const l of r.lines) {
      outcomes.push({ source, file, command: l.command, ...classify(l, file), ms: l.ms, maxRssMB: l.maxRssMB });
      todo = todo.filter((c) => c !== l.command);
    }
    if (r.failed) {
      outcomes.push({ source, file, command: r.failed.command, verdict: r.failed.verdict, reason: r.failed.reason, ms: r.failed.ms, maxRssMB: NaN });
      todo = todo.filter((c) => c !== r.failed!.command);
    }
  }
  return outcomes;
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.(xls[xmb]|xlt[xm]|xlam)$/i.test(d.name))
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: string) => {
    const i = args.indexOf(`--${name}`);
    if (i < 0) return dflt;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const jobs = Number(opt('jobs', '2'));
  const timeoutS = Number(opt('timeout', '60'));
  const jsonFile = opt('json', '');
  const queue = args.flatMap((dir) => filesUnder(dir).map((file) => ({ source: path.basename(dir), file })));
  const outcomes: Outcome[] = [];
  let done = 0;
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-foreign-'));
      const worker = new Worker(outDir);
      try {
        for (let job = queue.shift(); job; job = queue.shift()) {
          const o = await runFile(worker, job.source, job.file, timeoutS);
          outcomes.push(...o);
          done++;
          for (const x of o) if (x.verdict !== 'clean' && x.verdict !== 'refused') console.error(`${x.verdict} ${x.command} ${x.file}: ${x.reason}`);
          if (done % 50 === 0) console.error(`… ${done} files`);
        }
      } finally {
        worker.kill();
        fs.rmSync(outDir, { recursive: true, force: true });
      }
    }),
  );
  if (jsonFile) fs.writeFileSync(jsonFile, JSON.stringify(outcomes, null, 1));
  printTable(outcomes);
  if (outcomes.some((o) => o.verdict !== 'clean' && o.verdict !== 'refused')) process.exitCode = 1;
}

export function printTable(outcomes: Outcome[]): void {
  const sources = [...new Set(outcomes.map((o) => o.source))];
  console.log('| source | files | runs | exit 0 | clear refusals | failures | slowest run | peak memory |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of sources) {
    const os_ = outcomes.filter((o) => o.source === s);
    const n = (v: Outcome['verdict']) => os_.filter((o) => o.verdict === v).length;
    const slowest = Math.max(...os_.map((o) => o.ms));
    const peak = Math.max(...os_.map((o) => o.maxRssMB).filter((m) => !Number.isNaN(m)));
    console.log(`| ${s} | ${new Set(os_.map((o) => o.file)).size} | ${os_.length} | ${n('clean')} | ${n('refused')} | ${os_.length - n('clean') - n('refused')} | ${(slowest / 1000).toFixed(1)} s | ${peak.toFixed(0)} MB |`);
  }
  console.log();
  console.log('| source | command | refusal or failure | runs |');
  console.log('|---|---|---|---:|');
  const groups = new Map<string, number>();
  for (const o of outcomes) {
    if (o.verdict === 'clean') continue;
    const key = `${o.source} | ${o.command} | ${o.verdict === 'refused' ? '' : `**${o.verdict}** `}${o.reason.replace(/\|/g, '\\|')}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  for (const [k, v] of [...groups].sort()) console.log(`| ${k} | ${v} |`);
}

if (require.main === module) void main();
