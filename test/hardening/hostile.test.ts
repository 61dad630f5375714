import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseExpression, ExpressionRefused } from '../../src/core/figures/expressions';
import { ZipArchive, readWorkbookTables } from '../../src/node/xlsx';
import { writePlanToFile } from '../../src/node/xlsx-writer';
import ExcelJS from 'exceljs';
import { table, settings, run } from '../helpers/tables';

/** Escapes published for mathjs, including the two April 2026 advisories (GHSA-5v89-rwgr-qj6g, GHSA-29qv-4j9f-fjw5). */
const ESCAPES = [
  'import({matrix: cos.constructor}, {override: 1})',
  'createUnit("x", "1 m")',
  'evaluate("1+1")',
  'parse("1")',
  'simplify("x")',
  'derivative("x^2", "x")',
  'resolve(x, {})',
  'cos.constructor("return process")()',
  '["//","a/*\\nreturn process.mainModule.require"]._data.map(cos.constructor)[1]()',
  '{}.constructor.assign(cos.constructor, {binding: cos.bind})',
  'fdi_new_count["constructor"]',
  'fdi_new_count.__proto__',
  'f = cos.constructor',
  // unsafe index getter: an object with length/reduce walked to Function
  '[1, 2][{length: 1, reduce: cos.constructor}]',
  // unsafe property setter on arrays hijacking .map()
  'a = [1]; a.map = cos.constructor; a + 1',
  'x -> x',
  'typeOf(1)',
  'sqrt(-1)',
  '1 to cm',
  '5%',
  'fdi_new_count ? 1 : 0',
];

test.each(ESCAPES)('refused: %s', (src) => {
  expect(() => parseExpression(src)).toThrow(ExpressionRefused);
});

test('a refused expression is a problem at its cell, and the report still comes out', () => {
  const defs = table('ChiTieuTinh', ['Mã', 'Công thức'], ESCAPES.map((e, i) => [`x${i}`, e]));
  const r = run([settings(['01/01/2023', '30/06/2023']), defs]);
  const refused = r.problems.filter((p) => p.code === 'expressionRefused');
  expect(refused.map((p) => p.cell)).toEqual(ESCAPES.map((_, i) => `ChiTieuTinh!B${i + 2}`));
  for (let i = 0; i < ESCAPES.length; i++) expect(r.metrics.get(`x${i}`)!.value).toBeNull();
});

const FORMULA_LIKE = ['=1+1', '=HYPERLINK("http://x","y")', '+84 912 345 678', '-5 là số âm', '@SUM(A1)', '\t=cmd|/c calc', '\n=2+2'];

test('staff text that looks like a formula is written as text by the exceljs writer', async () => {
  const sections = table('NoiDung', ['Mục', 'Tiêu đề', 'Nội dung'], FORMULA_LIKE.map((t) => ['I', null, t]));
  const r = run([settings(['01/01/2023', '30/06/2023']), sections]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-hostile-')), 'r.xlsx');
  await writePlanToFile(r.plan, file);
  const buf = fs.readFileSync(file);
  const sheetXml = new ZipArchive(buf).text('xl/worksheets/sheet1.xml')!;
  expect(sheetXml).not.toMatch(/<f>/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const values: unknown[] = [];
  wb.getWorksheet('Báo cáo')!.eachRow((row) => row.eachCell((c) => values.push(c.value)));
  for (const t of FORMULA_LIKE) expect(values).toContain(t.trim());
  for (const v of values) expect(typeof v === 'object' && v !== null && 'formula' in (v as object)).toBe(false);
  expect(readWorkbookTables(buf, { wanted: () => true, requireTables: false })).toEqual([]);
});
