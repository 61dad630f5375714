// Workbooks of other writers where one contract table is missing, so that its sheet is read as a
// plain sheet (issue 19): exceljs, the second reader of old, crashed on each ("reading 'name'" on
// openpyxl's, "setting 'sheetNo'" on x: prefixes, "setting 'filterButton'" on an empty
// <filterColumn hiddenButton="1"/>, iconFilter); one reader now reads them, and the tables they
// have, with the plain sheet recognised, give the example's figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { main } from '../../src/node/cli';
import { readWorkbookFile } from '../../src/node/input-file';
import { ZipArchive } from '../../src/node/xlsx';
import { checkPackage } from '../../src/node/xlsx/check';

const DIR = path.join(__dirname, '../fixtures/writers');
const manifest = JSON.parse(fs.readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as { today: string; exampleMetrics: Record<string, unknown> };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-foreign-'));

/** The fixture without the LaoDong table: its sheet (sheet3) stays, as a plain list. */
function withoutLabourTable(fixture: string, edit: (files: Record<string, Uint8Array>) => void = () => {}): string {
  const files = unzipSync(fs.readFileSync(path.join(DIR, fixture)));
  expect(strFromU8(files['xl/tables/table3.xml'])).toMatch(/name="LaoDong"/);
  delete files['xl/worksheets/_rels/sheet3.xml.rels'];
  delete files['xl/tables/table3.xml'];
  const text = (name: string, f: (s: string) => string) => (files[name] = strToU8(f(strFromU8(files[name]))));
  text('xl/worksheets/sheet3.xml', (s) => s.replace(/<(\w+:)?tableParts[^]*?<\/(\w+:)?tableParts>/, ''));
  text('[Content_Types].xml', (s) => s.replace(/<Override PartName="\/xl\/tables\/table3.xml"[^>]*>/, ''));
  edit(files);
  const file = path.join(tmp, `${fixture}.${Object.keys(files).length}.${Math.random().toString(36).slice(2)}.xlsx`);
  fs.writeFileSync(file, zipSync(files));
  return file;
}

async function cli(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await main(args, (l) => lines.push(l), (l) => lines.push(l));
  return { code, lines };
}

async function reportMetrics(file: string): Promise<Record<string, unknown>> {
  const json = `${file}.json`;
  const r = await cli(['report', file, '--out', `${file}.out.xlsx`, '--json', json, '--today', manifest.today]);
  expect(r.lines.join('\n')).not.toMatch(/hỏng|Lỗi không mong đợi/);
  expect(r.code).toBe(0);
  const metrics: Record<string, unknown> = JSON.parse(fs.readFileSync(json, 'utf8')).metrics;
  // the manifest lists the figures the example has; any other metric has none
  for (const [k, v] of Object.entries(metrics)) if (!(k in manifest.exampleMetrics)) expect([k, v]).toEqual([k, null]);
  return Object.fromEntries(Object.entries(metrics).filter(([k]) => k in manifest.exampleMetrics));
}

async function mapWellFormed(file: string): Promise<void> {
  const out = `${file}.anhxa.xlsx`;
  const r = await cli(['map', file, '--out', out]);
  expect(r.code).toBe(0);
  expect(r.lines.join('\n')).toMatch(/"LaoDong" A1:E\d+ → /);
  checkPackage(new ZipArchive(fs.readFileSync(out)));
}

test.each(['openpyxl-tables.xlsx', 'xml-x-prefix.xlsx'])('%s without its LaoDong table: the example figures, and a well-formed map copy', async (fixture) => {
  const file = withoutLabourTable(fixture);
  expect((await readWorkbookFile(file, 'vi')).map((s) => s.name)).not.toContain('LaoDong');
  expect(await reportMetrics(file)).toEqual(manifest.exampleMetrics);
  await mapWellFormed(file);
}, 60_000);

test('tables with an empty <filterColumn hiddenButton="1"/> and an iconFilter read as tables, beside a plain sheet', async () => {
  const file = withoutLabourTable('openpyxl-tables.xlsx', (files) => {
    const t = strFromU8(files['xl/tables/table2.xml']);
    const ref = /<autoFilter ref="([^"]+)"/.exec(t)?.[1] ?? /\sref="([^"]+)"/.exec(t)![1];
    const filter = `<autoFilter ref="${ref}"><filterColumn colId="0" hiddenButton="1"/><filterColumn colId="1"><iconFilter iconSet="3Arrows" iconId="0"/></filterColumn></autoFilter>`;
    files['xl/tables/table2.xml'] = strToU8(t.replace(/<autoFilter[^>]*\/>|<autoFilter[^]*?<\/autoFilter>/, '').replace(/<tableColumns/, `${filter}<tableColumns`));
    expect(strFromU8(files['xl/tables/table2.xml'])).toContain('hiddenButton="1"');
  });
  expect(await reportMetrics(file)).toEqual(manifest.exampleMetrics);
  await mapWellFormed(file);
}, 60_000);
