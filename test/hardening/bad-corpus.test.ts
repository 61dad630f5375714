import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { BAD_CASES, NON_WORKBOOKS } from '../../scripts/bad-corpus/cases';
import { readWorkbookFile } from '../../src/node/input-file';
import { buildReport } from '../../src/core/engine';
import { main } from '../../src/node/cli';

const DIR = path.join(__dirname, '../fixtures/bad');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-bad-'));
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

test('the corpus has at least 40 malformed workbooks, each on disk', () => {
  expect(BAD_CASES.length).toBeGreaterThanOrEqual(40);
  for (const c of BAD_CASES) expect(fs.existsSync(path.join(DIR, `${c.name}.xlsx`))).toBe(true);
});

describe.each(BAD_CASES.map((c) => [c.name, c] as const))('%s', (name, c) => {
  const file = path.join(DIR, `${name}.xlsx`);

  test('no crash, the problem at its cell, every good row counted', async () => {
    const r = buildReport(await readWorkbookFile(file, 'vi'), { today: '2026-11-27' });
    const hits = r.problems.filter((p) => p.cell === c.cell && p.message.includes(c.keyword));
    if (!hits.length) throw new Error(`expected "${c.keyword}" at ${c.cell}; got:\n${r.problems.map((p) => `${p.cell}: ${p.message}`).join('\n')}`);
    for (const [key, value] of Object.entries(c.metrics)) {
      expect([key, r.metrics.get(key)?.value ?? null]).toEqual([key, value]);
      if (value === null) expect(r.metrics.get(key)?.reason).toBeTruthy();
    }
  });

  test(c.cliRefusal ? 'the CLI refuses in one line naming what to add, writes nothing, leaves the file byte-identical' : 'the CLI runs to the end, exits 0 and leaves the file byte-identical', async () => {
    const before = sha(file);
    const out: string[] = [];
    const target = path.join(tmp, `${name}.out.xlsx`);
    const code = await main(['report', file, '--out', target], (l) => out.push(l), (l) => out.push(l));
    if (c.cliRefusal) {
      expect(code).toBe(1);
      expect(out.join('\n')).toContain(c.cliRefusal);
      expect(fs.existsSync(target)).toBe(false);
    } else expect(code).toBe(0);
    expect(sha(file)).toBe(before);
  });
});

test.each([...NON_WORKBOOKS.map((n) => [n.name, n.keyword]), ['truncated.xlsx', 'bị hỏng']])('%s: a clear CLI error and a non-zero exit', async (name, keyword) => {
  const file = path.join(DIR, name);
  const before = sha(file);
  const out: string[] = [];
  const code = await main(['report', file, '--out', path.join(tmp, 'x.xlsx')], (l) => out.push(l), (l) => out.push(l));
  expect(code).toBe(1);
  expect(out.join('\n')).toContain(keyword);
  expect(sha(file)).toBe(before);
});
