// Parts (c)–(e) of the benchmark: the add-in's syncs, bundles and custom functions.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import * as logic from '../../src/functions/logic';

export interface AddinBench {
  syncs: { rows: number; read: number; write: number; total: number }[];
  bundles: { entry: string; files: string[]; gzippedKB: number }[];
  functions: { name: string; calls: number; usPerCall: number }[];
  notes: string[];
}

const CALLS = 100_000;

function timeCalls(fn: (i: number) => unknown): number {
  for (let i = 0; i < 2000; i++) fn(i); // warm up
  const start = process.hrtime.bigint();
  let sink = 0;
  for (let i = 0; i < CALLS; i++) sink += String(fn(i)).length;
  const us = Number(process.hrtime.bigint() - start) / 1000 / CALLS;
  if (sink < 0) console.log(sink);
  return us;
}

/** (e) 100,000 calls of each custom function's logic, with varying arguments. */
function benchFunctions(): AddinBench['functions'] {
  const cases: [string, (i: number) => unknown][] = [
    ['PERCENTOFPLAN', (i) => logic.percentOfPlan(662.18 + i, 2000, 2)],
    ['VSPRIOR', (i) => logic.vsPrior(662.18 + i, 626)],
    ['GROWTH', (i) => logic.growth(195683 + i, 204512)],
    ['TIMES', (i) => logic.times(14578 + i, 6493.39)],
    ['COMPARE', (i) => logic.compare(14578 + i, 6493.39)],
    ['PLANTEXT', (i) => logic.planText(662.18 + i, 2000)],
    ['VNNUMBER', (i) => logic.vnNumber(14578.25 + i)],
    ['NUMBERTOWORDS', (i) => logic.numberWords(1368 + i, 'triệu đồng')],
    ['TASKSTATUS', (i) => logic.taskStatusText(45000 + (i % 400), i % 3 ? 45100 : null, 45080, '2023-06-07')],
  ];
  return cases.map(([name, fn]) => ({ name, calls: CALLS, usPerCall: timeCalls(fn) }));
}

/** (d) gzipped size of what each entry page loads, from the build's entrypoints.json. */
function benchBundles(root: string, notes: string[]): AddinBench['bundles'] {
  const dist = path.join(root, 'dist');
  const manifest = path.join(dist, 'entrypoints.json');
  if (!fs.existsSync(manifest)) {
    notes.push('dist/entrypoints.json is missing: run `npm run build` first for the bundle sizes');
    return [];
  }
  const entries = JSON.parse(fs.readFileSync(manifest, 'utf8')) as Record<string, string[]>;
  const gz = (files: string[]) => files.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length, 0) / 1024;
  const out = Object.entries(entries).map(([entry, files]) => ({ entry, files, gzippedKB: gz(files) }));
  const lazy = fs.readdirSync(dist).filter((f) => /^engine\.js$|^598\.js$/.test(f));
  const fn = out.find((o) => o.entry === 'functions');
  if (fn) out.push({ entry: 'functions + engine (METRIC, loaded on first use)', files: [...fn.files, ...lazy.filter((f) => !fn.files.includes(f))], gzippedKB: gz([...fn.files, ...lazy.filter((f) => !fn.files.includes(f))]) });
  return out;
}

/** (c) syncs per generation, counted by the adapter tests' fake Excel host (office-addin-mock based). */
function benchSyncs(root: string, notes: string[]): AddinBench['syncs'] {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-syncs-')), 'syncs.json');
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules/jest/bin/jest.js'), 'test/excel/sync-count.test.ts'], {
      cwd: root,
      env: { ...process.env, BAOCAO_SYNC_OUT: out },
      stdio: 'ignore',
    });
    return JSON.parse(fs.readFileSync(out, 'utf8'));
  } catch (e) {
    notes.push(`sync counts not measured: ${(e as Error).message.split('\n')[0]}`);
    return [];
  }
}

export async function benchAddin(root: string): Promise<AddinBench> {
  const notes: string[] = [];
  return { syncs: benchSyncs(root, notes), bundles: benchBundles(root, notes), functions: benchFunctions(), notes };
}
