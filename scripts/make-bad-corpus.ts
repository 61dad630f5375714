// Writes test/fixtures/bad/: one malformed workbook per case of scripts/bad-corpus/cases.ts.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { addTables, TableToWrite } from '../src/node/write-tables';
import { BAD_CASES, NON_WORKBOOKS, baseTables } from './bad-corpus/cases';

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? 'test/fixtures/bad');
  fs.mkdirSync(dir, { recursive: true });
  for (const c of BAD_CASES) {
    const tables = baseTables();
    c.mutate(tables);
    const wb = new ExcelJS.Workbook();
    addTables(wb, [...tables.values()] as TableToWrite[]);
    for (const t of tables.values()) for (const range of t.merge ?? []) wb.getWorksheet(t.sheet)!.mergeCells(range);
    await wb.xlsx.writeFile(path.join(dir, `${c.name}.xlsx`));
  }
  const valid = baseTables();
  const wb = new ExcelJS.Workbook();
  addTables(wb, [...valid.values()] as TableToWrite[]);
  const good = Buffer.from(await wb.xlsx.writeBuffer());
  fs.writeFileSync(path.join(dir, 'truncated.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
  for (const n of NON_WORKBOOKS) fs.writeFileSync(path.join(dir, n.name), n.bytes());
  console.log(`wrote ${BAD_CASES.length} malformed workbooks and ${NON_WORKBOOKS.length + 1} non-workbooks to ${dir}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
