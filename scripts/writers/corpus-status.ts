// Prints how the current reader does on the foreign-writer corpus: one line per file and time zone,
// "pass" or what differs from test/fixtures/writers/expected.json (the same rules as
// test/node/writers-corpus.test.ts, as a table for a quick look).
//
// usage: node build/scripts/writers/corpus-status.js [test/fixtures/writers]
import fs from 'node:fs';
import path from 'node:path';
import { readWorkbookFile } from '../../src/node/input-file';
import { buildReport } from '../../src/core/engine';

interface Entry {
  figures?: 'example';
  except?: string[];
  problems?: { level: string; cell: string; keyword: string }[];
  mayAlsoReport?: { level: string; cell: string | null; code: string }[];
  inputError?: string;
}

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? 'test/fixtures/writers');
  const m = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
  const original = process.env.TZ;
  for (const [name, e] of Object.entries(m.files as Record<string, Entry>)) {
    if (e.inputError) {
      let msg = '(no error)';
      try {
        await readWorkbookFile(path.join(dir, name), 'vi');
      } catch (x) {
        msg = (x as Error).message.split(path.join(dir, name)).join('<file>');
      }
      const ok = msg.toLowerCase().includes(e.inputError.toLowerCase());
      console.log(`${ok ? 'pass' : 'FAIL'}  ${name}  input error "${e.inputError}"${ok ? '' : `; got: ${msg}`}`);
      continue;
    }
    for (const tz of m.timeZones as string[]) {
      process.env.TZ = tz;
      const r = buildReport(await readWorkbookFile(path.join(dir, name), 'vi'), { today: m.today });
      const skip = new Set(e.except ?? []);
      const wrong = Object.entries(m.exampleMetrics as Record<string, unknown>).filter(
        ([k, v]) => !skip.has(k) && JSON.stringify(r.metrics.get(k)?.value ?? null) !== JSON.stringify(v),
      );
      const expected = e.problems ?? [];
      const missing = expected.filter((p) => !r.problems.some((q) => q.level === p.level && q.cell === p.cell && q.message.toLowerCase().includes(p.keyword.toLowerCase())));
      const cells = new Set(expected.map((p) => p.cell));
      const stray = r.problems.filter(
        (q) => !(expected.length && (q.level === 'info' || cells.has(q.cell ?? '') || (e.mayAlsoReport ?? []).some((a) => a.level === q.level && a.cell === q.cell && a.code === q.code))),
      );
      const ok = !wrong.length && !missing.length && !stray.length;
      const parts: string[] = [];
      if (wrong.length) parts.push(`${wrong.length} metrics differ (${wrong.slice(0, 4).map(([k, v]) => `${k} ${JSON.stringify(r.metrics.get(k)?.value ?? null)}≠${JSON.stringify(v)}`).join(', ')}${wrong.length > 4 ? ', …' : ''})`);
      if (missing.length) parts.push(`${missing.length}/${expected.length} expected problems missing`);
      if (stray.length) parts.push(`${stray.length} unexpected problems (${[...new Set(stray.map((q) => q.code))].join(', ')}; first: ${stray[0].cell} ${stray[0].message})`);
      const shown = e.except?.length ? `; figures in except: ${e.except.slice(0, 3).map((k) => `${k}=${JSON.stringify(r.metrics.get(k)?.value ?? null)}`).join(', ')}` : '';
      console.log(`${ok ? 'pass' : 'FAIL'}  ${name}  TZ=${tz}${parts.length ? `  ${parts.join('; ')}` : ''}${ok ? '' : shown}`);
    }
  }
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
