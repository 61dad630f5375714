/**
 * The command line as a separate process: killed while it writes, and run without the right to
 * read its input or write its output (as the unprivileged user `nobody` when the tests run as root,
 * since root ignores file permissions).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';

const ROOT = path.join(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/baocao.js');
const EXAMPLE = path.join(ROOT, 'examples/hai-phong-2023-h1.xlsx');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-proc-'));
fs.chmodSync(tmp, 0o755);
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

beforeAll(() => {
  // the process runs the compiled CLI: compile the sources under test first
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.node.json')], { cwd: ROOT });
}, 120_000);

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(args: string[], opts: { killAfterMs?: number; uid?: number } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
      env: { ...process.env, HOME: tmp },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = opts.killAfterMs !== undefined ? setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs) : null;
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

async function xlsxIsReport(file: string): Promise<boolean> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return !!wb.getWorksheet('Báo cáo') && !!wb.getWorksheet('Kiểm tra');
}
const jsonIsReport = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')).metrics.fdi_total_capital === 662.18;
const docxIsReport = (file: string) => 'word/document.xml' in unzipSync(fs.readFileSync(file));

async function isCompleteReport(files: { xlsx: string; docx: string; json: string }): Promise<boolean> {
  return jsonIsReport(files.json) && docxIsReport(files.docx) && (await xlsxIsReport(files.xlsx));
}

test('a run killed at any moment leaves each output as the last good one or the whole new one', async () => {
  const dir = fs.mkdtempSync(path.join(tmp, 'kill-'));
  const files = { xlsx: path.join(dir, 'r.xlsx'), docx: path.join(dir, 'r.docx'), json: path.join(dir, 'r.json') };
  const args = ['report', EXAMPLE, '--out', files.xlsx, '--docx', files.docx, '--json', files.json, '--today', '2023-07-01'];
  const full = await run(args);
  expect(full.code).toBe(0);
  expect(await isCompleteReport(files)).toBe(true);
  // kill points spread over the whole run, the last ones inside the writing at its end
  const killedMidway: number[] = [];
  const steps = 10;
  for (let i = 0; i < steps; i++) {
    const before = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(f)]));
    const at = Math.round((full.ms * (0.3 + (0.75 * i) / steps)));
    const r = await run(args, { killAfterMs: at });
    if (r.signal === 'SIGKILL') killedMidway.push(at);
    for (const [k, f] of Object.entries(files)) {
      const now = fs.readFileSync(f);
      // never empty, never a part: either byte-identical to before or a whole new file
      expect(now.length).toBeGreaterThan(0);
      if (!now.equals(before[k])) expect(r.signal === null || k !== 'json' || JSON.parse(now.toString('utf8'))).toBeTruthy();
    }
    expect(await isCompleteReport(files)).toBe(true);
  }
  expect(killedMidway.length).toBeGreaterThan(0);
  // what a killed run left half-written is cleared by the next run
  const again = await run(args);
  expect(again.code).toBe(0);
  expect(fs.readdirSync(dir).sort()).toEqual(['r.docx', 'r.json', 'r.xlsx']);
}, 180_000);

test('a run killed the moment it starts writing: the first thing written is a temporary file, and every output is the previous one or a whole new one', async () => {
  const dir = fs.mkdtempSync(path.join(tmp, 'killwrite-'));
  const files = { xlsx: path.join(dir, 'r.xlsx'), docx: path.join(dir, 'r.docx'), json: path.join(dir, 'r.json') };
  const args = ['report', EXAMPLE, '--out', files.xlsx, '--docx', files.docx, '--json', files.json];
  for (let round = 0; round < 3; round++) {
    for (const f of Object.values(files)) fs.writeFileSync(f, `previous ${path.basename(f)}`);
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: 'ignore' });
    // the first change in the folder is the first byte written: kill the run right then
    let seen = '';
    const watcher = fs.watch(dir, (_, name) => {
      if (seen) return;
      seen = String(name);
      child.kill('SIGKILL');
    });
    await new Promise((resolve) => child.on('close', resolve));
    watcher.close();
    expect(seen).toMatch(/^\.r\.xlsx\.\d+-[0-9a-f]{8}\.tmp$/);
    const previous = Object.values(files).filter((f) => fs.readFileSync(f, 'utf8') === `previous ${path.basename(f)}`);
    // the kill lands a few milliseconds after the event: whatever was renamed into place is whole
    if (previous.length < 3) {
      if (!previous.includes(files.json)) expect(jsonIsReport(files.json)).toBe(true);
      if (!previous.includes(files.docx)) expect(docxIsReport(files.docx)).toBe(true);
      if (!previous.includes(files.xlsx)) expect(await xlsxIsReport(files.xlsx)).toBe(true);
    }
  }
}, 60_000);

/**
 * Why `uid` cannot run the CLI of this checkout (null when it can): a clone under a private folder
 * (mode 0700), or a Node installed in root's home, is out of reach of `nobody`.
 */
function unreachableFor(uid: number | undefined): string | null {
  if (uid === undefined) return null;
  const needs = [path.join(ROOT, 'bin/baocao.js'), path.join(ROOT, 'package.json'), path.join(ROOT, 'node_modules/exceljs/package.json')];
  const probe = `const fs=require('fs');for(const f of ${JSON.stringify(needs)}){try{fs.accessSync(f,fs.constants.R_OK)}catch(e){console.log(e.code+' '+f);process.exit(3)}}`;
  const r = spawnSync(process.execPath, ['-e', probe], { uid, gid: uid, encoding: 'utf8', cwd: '/' });
  if (r.error) return `uid ${uid} cannot run ${process.execPath} (${(r.error as NodeJS.ErrnoException).code})`;
  if (r.status !== 0) return `uid ${uid} cannot read the checkout: ${(r.stdout || r.stderr).trim().split('\n')[0]}`;
  return null;
}

// as root: run as nobody; as anyone else: the permissions below apply to them already
const permissionUid = asRoot ? NOBODY : undefined;
const unreachable = unreachableFor(permissionUid);
const describePermissions = unreachable ? describe.skip : describe;

describePermissions(unreachable ? `without permission — skipped: ${unreachable}` : 'without permission', () => {
  const uid = permissionUid;

  test('an input that cannot be read: one line, exit 1, no stack', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'eacces-in-'));
    fs.chmodSync(dir, 0o777);
    const input = path.join(dir, 'secret.xlsx');
    fs.copyFileSync(EXAMPLE, input);
    fs.chmodSync(input, 0o000);
    const r = await run(['report', input, '--out', path.join(dir, 'o.xlsx')], { uid });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/Không có quyền đọc hoặc ghi \(EACCES\)/);
    expect(r.stderr).toContain(input);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('an output folder that cannot be written: one line, exit 1, the old report untouched', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'eacces-out-'));
    fs.chmodSync(dir, 0o755);
    const out = path.join(dir, 'o.xlsx');
    fs.writeFileSync(out, 'the last good report');
    fs.chmodSync(out, 0o666);
    const r = await run(['report', EXAMPLE, '--out', out, '--lang', 'en'], { uid });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/Permission denied \(EACCES\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readFileSync(out, 'utf8')).toBe('the last good report');
    expect(r.stderr).toContain(out);
    expect(fs.readdirSync(dir)).toEqual(['o.xlsx']);
  });
});
