/** @jest-environment ./test/helpers/tz-environment.js */
// The foreign-writer corpus (test/fixtures/writers, rebuilt by scripts/writers/make-writers-corpus.sh):
// the bundled example as XlsxWriter, openpyxl and LibreOffice write it, and hand-made variants of
// its XML. Each file is read as the CLI reads it and checked against expected.json, under each
// time zone of the manifest (dates must not move a day east or west of Greenwich).
import fs from 'node:fs';
import path from 'node:path';
import { InputError, readWorkbookFile } from '../../src/node/input-file';
import { buildReport } from '../../src/core/engine';
import { Problem } from '../../src/core/problems';

declare const setProcessTimeZone: (tz: string | undefined) => void;

type Level = Problem['level'];
interface Entry {
  writer: string;
  exercises: string;
  figures?: 'example';
  except?: string[];
  problems?: { level: Level; cell: string; keyword: string }[];
  mayAlsoReport?: { level: Level; cell: string | null; code: string }[];
  inputError?: string;
}
interface Manifest {
  today: string;
  timeZones: string[];
  exampleMetrics: Record<string, unknown>;
  files: Record<string, Entry>;
}

const DIR = path.join(__dirname, '../fixtures/writers');
const manifest: Manifest = JSON.parse(fs.readFileSync(path.join(DIR, 'expected.json'), 'utf8'));
const originalTz = process.env.TZ;

async function inTimeZone<T>(tz: string, f: () => Promise<T>): Promise<T> {
  setProcessTimeZone(tz);
  try {
    return await f();
  } finally {
    setProcessTimeZone(originalTz);
  }
}

const show = (ps: Problem[]) => ps.map((p) => `  ${p.level} ${p.cell}: ${p.message}`).join('\n') || '  (none)';

test('every file of the manifest is on disk, and every fixture is in the manifest', () => {
  const onDisk = fs.readdirSync(DIR).filter((f) => f !== 'expected.json' && f !== 'README.md');
  expect(onDisk.sort()).toEqual(Object.keys(manifest.files).sort());
  for (const e of Object.values(manifest.files)) expect(e.figures === 'example' || typeof e.inputError === 'string').toBe(true);
});

test('the time-zone switch reaches the Date implementation', async () => {
  const offsets = await Promise.all(manifest.timeZones.map((tz) => inTimeZone(tz, async () => new Date(2023, 0, 5).getTimezoneOffset())));
  expect(offsets).toEqual([-420, 300]);
});

const workbooks = Object.entries(manifest.files).filter(([, e]) => e.figures === 'example');
const cases = workbooks.flatMap(([name, e]) => manifest.timeZones.map((tz) => [name, tz, e] as const));

describe.each(cases)('%s (TZ=%s)', (name, tz, e) => {
  test('the example figures, and exactly the expected problems', async () => {
    // the fixtures were written from the example when it was dated 26/06/2023, before its period
    // ended; issue 18 dates it 30/06/2023 (a report dated before the rows it counts now warns)
    const dated = (snaps: Awaited<ReturnType<typeof readWorkbookFile>>) =>
      snaps.map((t) => (t.name === 'ThongTin' ? { ...t, rows: t.rows.map((row) => (row[0] === 'NgayBaoCao' ? [row[0], '30/06/2023', ...row.slice(2)] : row)) } : t));
    const r = await inTimeZone(tz, async () => buildReport(dated(await readWorkbookFile(path.join(DIR, name), 'vi')), { today: manifest.today }));
    const failures: string[] = [];

    const skip = new Set(e.except ?? []);
    for (const [key, want] of Object.entries(manifest.exampleMetrics)) {
      if (skip.has(key)) continue;
      const got = r.metrics.get(key)?.value ?? null;
      if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`metric ${key}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
    }

    const expected = e.problems ?? [];
    for (const p of expected) {
      const hit = r.problems.some((q) => q.level === p.level && q.cell === p.cell && q.message.toLowerCase().includes(p.keyword.toLowerCase()));
      if (!hit) failures.push(`missing problem: ${p.level} at ${p.cell} mentioning "${p.keyword}"`);
    }
    const cells = new Set(expected.map((p) => p.cell));
    const allowed = (q: Problem) =>
      expected.length > 0 &&
      (q.level === 'info' || cells.has(q.cell ?? '') || (e.mayAlsoReport ?? []).some((a) => a.level === q.level && a.cell === q.cell && a.code === q.code));
    const stray = r.problems.filter((q) => !allowed(q));
    if (stray.length) failures.push(`unexpected problems (${stray.length}):\n${show(stray.slice(0, 15))}`);

    if (failures.length) throw new Error(`${name} (${e.writer}) under TZ=${tz}:\n${failures.slice(0, 25).join('\n')}${failures.length > 25 ? `\n… ${failures.length - 25} more` : ''}`);
  });
});

const inputErrors = Object.entries(manifest.files).filter(([, e]) => typeof e.inputError === 'string');

test.each(inputErrors)('%s: a clear input error', async (name, e) => {
  let error: unknown = null;
  try {
    await readWorkbookFile(path.join(DIR, name), 'vi');
  } catch (x) {
    error = x;
  }
  expect(error).toBeInstanceOf(InputError);
  // the message names the file, whose own name may hold the keyword: look at the rest only
  const file = path.join(DIR, name);
  const message = (error as Error).message.split(file).join('<file>').split(name).join('<file>');
  if (!message.toLowerCase().includes(e.inputError!.toLowerCase())) throw new Error(`expected the message to mention "${e.inputError}", got: ${message}`);
});
