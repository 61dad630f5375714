// src/core is pure TypeScript: no Office, no Node API (the add-in runs it in the browser). Its only
// packages are zod and mathjs; every other import stays inside src/core.
import fs from 'node:fs';
import path from 'node:path';

const CORE = path.join(__dirname, '../../src/core');
const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));

test('every module of src/core imports only zod, mathjs and other modules of src/core, and touches no Node global', () => {
  const all = files(CORE);
  // the stage folders are there, and the scan sees their files
  for (const stage of ['records', 'recognize', 'figures', 'report', 'audit']) expect(all.some((f) => f.includes(`${path.sep}${stage}${path.sep}`))).toBe(true);
  expect(all.length).toBeGreaterThan(40);
  const offences: string[] = [];
  let seen = 0;
  for (const f of all) {
    const src = fs.readFileSync(f, 'utf8');
    const specs = [...src.matchAll(/^\s*(?:import|export)\s[^'";]*?from\s*'([^']+)'|^\s*import\s+'([^']+)'|\b(?:require|import)\(\s*'([^']+)'\s*\)/gm)].map((m) => m[1] ?? m[2] ?? m[3]);
    seen += specs.length;
    for (const spec of specs) {
      if (spec === 'zod' || spec === 'mathjs') continue;
      const inside = spec.startsWith('.') && path.resolve(path.dirname(f), spec).startsWith(CORE + path.sep);
      if (!inside) offences.push(`${path.relative(CORE, f)}: ${spec}`);
    }
    for (const g of ['process.', 'Buffer.', '__dirname', 'globalThis.Office', 'Excel.run']) if (src.includes(g)) offences.push(`${path.relative(CORE, f)}: ${g}`);
  }
  expect(seen).toBeGreaterThan(150); // the scan reads the imports
  expect(offences).toEqual([]);
});
