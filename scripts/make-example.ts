// Writes examples/hai-phong-2023-h1.xlsx: the bundled example that reproduces the seed report.
import path from 'node:path';
import fs from 'node:fs';
import { buildExampleTables } from './example/data';
import { writeTablesToFile } from '../src/node/write-tables';

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? 'examples/hai-phong-2023-h1.xlsx');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await writeTablesToFile(buildExampleTables(), out);
  console.log(`wrote ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
