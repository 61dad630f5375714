// What src/node/mathjs-lean.ts resolves 'mathjs' to for src/core/figures/expressions.ts.
import { leanParts } from './mathjs-lean';

module.exports = leanParts();
