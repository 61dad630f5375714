/**
 * The command line's lean mathjs (src/node/mathjs-lean.ts): the staff expressions get the same
 * answers and refusals as with the whole of mathjs, and only the files of the parts they use are
 * loaded (the small example's time, issue 21). Run in a child process of the compiled sources, as
 * the command line runs: jest's own module loader does not go through Node's resolver.
 */
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const ROOT = path.join(__dirname, '../..');

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.node.json')], { cwd: ROOT });
}, 120_000);

const EXPRESSIONS = ['a + b * 2', '(a - b) / b * 100', 'round(a / 3, 2)', 'max(a, b) - min(a, b)', 'abs(-a) + sum(a, b)', 'import({x: 1})', 'evaluate("1+1")', 'a +', 'createUnit("foo")', '-a + +b'];

function run(lean: boolean): { answers: string[]; files: number } {
  const script = `
    ${lean ? `require(${JSON.stringify(path.join(ROOT, 'build/src/node/mathjs-lean'))}).leanMathjs();` : ''}
    const e = require(${JSON.stringify(path.join(ROOT, 'build/src/core/figures/expressions'))});
    const answers = ${JSON.stringify(EXPRESSIONS)}.map((x) => {
      try {
        const parsed = e.parseExpression(x);
        return JSON.stringify(e.evaluateExpression(parsed, new Map([['a', 7.25], ['b', 3]])));
      } catch (err) {
        return 'refused: ' + (err && err.constructor && err.constructor.name) + ' ' + (err && err.message);
      }
    });
    process.stdout.write(JSON.stringify({ answers, files: Object.keys(require.cache).filter((k) => k.includes('mathjs')).length }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }));
}

test('the lean parts answer and refuse as the whole of mathjs does, loading a fraction of its files', () => {
  const whole = run(false);
  const lean = run(true);
  expect(lean.answers).toEqual(whole.answers);
  expect(lean.answers.some((a) => a.startsWith('refused'))).toBe(true);
  expect(lean.answers.some((a) => !a.startsWith('refused'))).toBe(true);
  expect(lean.files).toBeLessThan(whole.files / 2);
});
