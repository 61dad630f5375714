// Dumps the bundled example's tables (as the current reader sees them) to JSON: the common input
// of the Python writers in this folder. Cells: null, string, number, boolean, {"date": "YYYY-MM-DD"}
// or {"error": "#N/A"}. Each table keeps its sheet, top-left cell and the example's number formats.
import fs from 'node:fs';
import path from 'node:path';
import { readWorkbookFile } from '../../src/node/input-file';
import { buildExampleTables } from '../example/data';
import { CellValue, isCellError, isUncomputed } from '../../src/core/records/snapshot';

type Cell = null | string | number | boolean | { date: string } | { error: string };

function cell(v: CellValue): Cell {
  if (v instanceof Date) return { date: v.toISOString().slice(0, 10) };
  if (isCellError(v)) return { error: v.error };
  if (isUncomputed(v)) throw new Error(`the example holds an uncomputed formula (=${v.formula})`);
  return v;
}

async function main(): Promise<void> {
  const [example = 'examples/hai-phong-2023-h1.xlsx', out = '-'] = process.argv.slice(2);
  const snaps = await readWorkbookFile(path.resolve(example), 'vi');
  const formats = new Map(buildExampleTables().map((t) => [t.name, t.numFmt ?? {}]));
  const tables = snaps.map((s) => ({
    name: s.name,
    sheet: s.sheet,
    headerRow: s.headerRow,
    firstColumn: s.firstColumn,
    headers: s.headers,
    numFmt: formats.get(s.name) ?? {},
    rows: s.rows.map((r) => r.map(cell)),
  }));
  const json = JSON.stringify({ source: path.basename(example), tables }, null, 1);
  if (out === '-') process.stdout.write(json);
  else fs.writeFileSync(out, json);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
