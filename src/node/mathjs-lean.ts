import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';

/**
 * mathjs's CommonJS entry builds every one of its several hundred functions as it loads (about
 * half of a small report's time, issue 21); the staff expressions (src/core/figures/expressions.ts) use its
 * parser and a dozen functions. The command line resolves that module's 'mathjs' to those parts
 * alone, loaded from mathjs's own per-function entry files; the task pane's bundle gets the same
 * by tree-shaking. Any other name is taken from the whole of mathjs, loaded then.
 */
const PARTS = ['Parse', 'Add', 'Subtract', 'Multiply', 'Divide', 'UnaryMinus', 'UnaryPlus', 'Round', 'Min', 'Max', 'Abs', 'Sum', 'Bignumber'];

let installed = false;

export function leanMathjs(): void {
  if (installed) return;
  installed = true;
  let root: string;
  try {
    root = path.dirname(require.resolve('mathjs/package.json'));
  } catch {
    return;
  }
  const createFile = path.join(root, 'lib/cjs/core/create.js');
  const partFiles = PARTS.map((n) => path.join(root, 'lib/cjs/entry/dependenciesAny', `dependencies${n}.generated.js`));
  if (![createFile, ...partFiles].every((f) => fs.existsSync(f))) return;
  const lean = path.join(__dirname, 'mathjs-lean-entry.js');
  const factories = path.join(__dirname, 'mathjs-lean-factories.js');
  const dependencies = path.join(root, 'lib/cjs/entry/dependenciesAny');
  const M = Module as unknown as { _resolveFilename: (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string };
  const resolve = M._resolveFilename;
  M._resolveFilename = function (request, parent, ...rest) {
    if (request === 'mathjs' && parent?.filename && path.basename(parent.filename) === 'expressions.js' && path.basename(path.dirname(parent.filename)) === 'figures') return lean;
    if (request === '../../factoriesAny.js' && parent?.filename && path.dirname(parent.filename) === dependencies) return factories;
    return resolve.call(this, request, parent, ...rest);
  };
}

/** The parts (for mathjs-lean-entry.ts). */
export function leanParts(): Record<string, unknown> {
  const root = path.dirname(require.resolve('mathjs/package.json'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const parts: Record<string, unknown> = { create: require(path.join(root, 'lib/cjs/core/create.js')).create };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  for (const n of PARTS) Object.assign(parts, require(path.join(root, 'lib/cjs/entry/dependenciesAny', `dependencies${n}.generated.js`)));
  return new Proxy(parts, {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    get: (t, k) => (typeof k !== 'string' || k in t ? t[k as string] : (require('mathjs') as Record<string, unknown>)[k]),
  });
}
