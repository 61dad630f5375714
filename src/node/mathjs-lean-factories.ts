// What src/node/mathjs-lean.ts resolves mathjs's factoriesAny.js to for its per-function entry
// files: the same exports, each factory's file loaded when first asked for. mathjs's own
// factoriesAny.js loads all of its some three hundred files at once, which is most of the time a
// report spends loading the parser (issue 21, the small example).
import fs from 'node:fs';
import path from 'node:path';

const file = path.join(path.dirname(require.resolve('mathjs/package.json')), 'lib/cjs/factoriesAny.js');
const source = fs.readFileSync(file, 'utf8');
/** `var _abs = require("./function/arithmetic/abs.js");` → _abs: its path. */
const modules = new Map<string, string>();
for (const m of source.matchAll(/^var (_\w+) = require\("([^"]+)"\);$/gm)) modules.set(m[1], m[2]);
const lazy: Record<string, unknown> = {};
/** `Object.defineProperty(exports, "createAbs", … return _abs.createAbs; …` → createAbs from _abs. */
for (const m of source.matchAll(/Object\.defineProperty\(exports, "(\w+)", \{\s*enumerable: true,\s*get: function \(\) \{\s*return (_\w+)\.(\w+);/g)) {
  const [, name, variable, member] = m;
  const target = modules.get(variable);
  if (!target) throw new Error(`mathjs factoriesAny.js: no module for ${variable}`);
  Object.defineProperty(lazy, name, {
    enumerable: true,
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    get: () => (require(path.resolve(path.dirname(file), target)) as Record<string, unknown>)[member],
  });
}

module.exports = lazy;
