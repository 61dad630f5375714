import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { main } from '../../src/node/cli';
import { ZipArchive, readWorkbookTables } from '../../src/node/xlsx';
import { readWorkbookFile } from '../../src/node/input-file';
import { readSheetGridsFile } from '../../src/node/sheet-grids';
import { addTableSheet, AddSheetError } from '../../src/node/xlsx-add-sheet';
import { planToXlsx } from '../../src/node/xlsx-writer';
import { buildReport, reportJson } from '../../src/core/engine';
import { recognizeWorkbook } from '../../src/core/recognize';
import { ANHXA_COLUMNS, anhXaTable, proposalToAnhXaRows } from '../../src/core/recognize/anhxa';

const EX = path.join(__dirname, '../../examples');
const STAFF = path.join(EX, 'hai-phong-2023-h1-staff.xlsx');
const MAIN = path.join(EX, 'hai-phong-2023-h1.xlsx');
const TODAY = '2026-11-27';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-map-'));

async function cli(...args: string[]) {
  const out: string[] = [];
  const code = await main(args, (l) => out.push(l), (l) => out.push(l));
  return { code, text: out.join('\n') };
}

const inflate = (zip: ZipArchive, name: string) => {
  const parts: Buffer[] = [];
  zip.stream(name, (c) => parts.push(Buffer.from(c)));
  return Buffer.concat(parts);
};

/** Every part of `before` is in `after`: byte-identical (stored bytes too) except the three that get one element inserted. */
function comparePackages(before: Buffer, after: Buffer) {
  const a = new ZipArchive(before);
  const b = new ZipArchive(after);
  const changed = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'];
  const same: string[] = [];
  for (const name of a.names()) {
    expect(b.get(name)).toBeDefined();
    if (changed.includes(name)) continue;
    expect(inflate(b, name).equals(inflate(a, name))).toBe(true);
    expect(b.raw(name).equals(a.raw(name))).toBe(true);
    same.push(name);
  }
  const added = b.names().filter((n) => !a.get(n));
  expect(b.names().slice(0, a.names().length)).toEqual(a.names());
  // each rewritten part is the original with elements inserted before its closing tag
  for (const name of changed) {
    const x = inflate(a, name).toString('utf8');
    const y = inflate(b, name).toString('utf8');
    const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    let z = y.replace(/<(\w+:)?sheet name="(AnhXa|Mapping)"[^>]*\/>/, '');
    for (const part of added) {
      z = z.replace(new RegExp(`<Override PartName="/${esc(part)}"[^>]*/>`), '');
      z = z.replace(new RegExp(`<Relationship [^>]*Target="${esc(part.replace(/^xl\//, ''))}"[^>]*/>`), '');
    }
    expect(y.length).toBeGreaterThan(x.length);
    expect(z).toBe(x);
  }
  return { same, added };
}

describe('baocao map', () => {
  const copy = path.join(tmp, 'staff.anhxa.xlsx');
  let mapped: { code: number; text: string };

  beforeAll(async () => {
    mapped = await cli('map', STAFF, '--out', copy);
  }, 60_000);

  test('writes a copy with the AnhXa sheet and prints what it mapped', () => {
    expect(mapped.code).toBe(0);
    expect(mapped.text).toContain('"FDI cấp mới" A4:G525 → DuAn: 6 cột');
    expect(mapped.text).toContain('129 dòng ánh xạ cho 13 vùng');
    expect(mapped.text).toContain(path.resolve(copy));
  });

  test('every part of the input is kept byte for byte; four parts are added', () => {
    const { same, added } = comparePackages(fs.readFileSync(STAFF), fs.readFileSync(copy));
    expect(same.length).toBeGreaterThan(10);
    expect(added.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))).toHaveLength(1);
    expect(added.filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n))).toHaveLength(1);
    expect(added.filter((n) => /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(n))).toHaveLength(1);
    expect(added).toHaveLength(3);
  });

  test('the copy opens with exceljs: an AnhXa sheet holding an AnhXa table with the proposed rows', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copy);
    const orig = new ExcelJS.Workbook();
    await orig.xlsx.readFile(STAFF);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...orig.worksheets.map((w) => w.name), 'AnhXa']);
    const ws = wb.getWorksheet('AnhXa')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(ANHXA_COLUMNS.map((c) => c.vi));
    expect(ws.getCell('A2').value).toBe('FDI cấp mới');
    expect(ws.getCell('C2').value).toBe(2);
    expect(ws.rowCount).toBe(130);
    const tables = ws.getTables() as unknown as { table: { name: string } }[];
    expect(tables.map((t) => t.table.name)).toEqual(['AnhXa']);
  });

  test("the project's reader reads the AnhXa table back, equal to the proposals", async () => {
    const snaps = await readWorkbookFile(copy, 'vi');
    const ax = snaps.find((s) => s.name === 'AnhXa')!;
    expect(ax.sheet).toBe('AnhXa');
    const rec = recognizeWorkbook(await readSheetGridsFile(STAFF), { contractKinds: ['targets'] });
    const expected = anhXaTable(rec.proposals.filter((p) => p.usable).flatMap((p) => proposalToAnhXaRows(p, 'vi')), 'vi');
    expect(ax.headers).toEqual(expected.headers);
    expect(ax.rows.map((r) => r.map((v) => (v === null ? '' : v)))).toEqual(expected.values);
  });

  test('baocao report on the copy: the same figures as the staff workbook and the main example, read as AnhXa says', async () => {
    const j = path.join(tmp, 'copy.json');
    const r = await cli('report', copy, '--out', path.join(tmp, 'copy.bao-cao.xlsx'), '--json', j, '--today', TODAY);
    expect(r.code).toBe(0);
    const copyJson = JSON.parse(fs.readFileSync(j, 'utf8'));
    const main = reportJson(buildReport(await readWorkbookFile(MAIN, 'vi'), { today: TODAY }));
    const staff = reportJson(buildReport(await readWorkbookFile(STAFF, 'vi'), { today: TODAY, grids: await readSheetGridsFile(STAFF) }));
    expect(copyJson.metrics).toEqual(JSON.parse(JSON.stringify(main.metrics)));
    expect(copyJson.metrics).toEqual(JSON.parse(JSON.stringify(staff.metrics)));
    expect(copyJson.mappings).toHaveLength(13);
    expect(copyJson.mappings.every((m: { from: string; used: boolean }) => m.from === 'AnhXa' && m.used)).toBe(true);
    const infos = copyJson.problems.filter((p: { code: string }) => p.code === 'staffBlockAnhXa');
    expect(infos).toHaveLength(13);
    expect(infos[0].message).toContain('theo bảng AnhXa (AnhXa!2:10)');
    const bad = copyJson.problems.filter((p: { level: string }) => p.level !== 'info');
    expect(bad.map((p: { code: string; cell: string }) => [p.code, p.cell])).toEqual([['staffTotalMismatch', "'FDI cấp mới'!G525"]]);
  }, 60_000);

  test('an edited AnhXa in the copy takes effect on the command line', async () => {
    // "Vốn đầu tư (nghìn USD)" of FDI điều chỉnh said triệu USD: 1000 times more capital
    // (edited in the sheet's XML, as Excel would save a typed cell: exceljs rewrites a table's cells from its own model)
    const files = unzipSync(fs.readFileSync(copy));
    const part = Object.keys(files).find((n) => strFromU8(files[n]).includes('<tableParts') && strFromU8(files[n]).includes('FDI điều chỉnh'))!;
    let edited = 0;
    files[part] = strToU8(
      strFromU8(files[part]).replace(/<row r="\d+">.*?<\/row>/g, (row) => {
        if (!row.includes('<t>FDI điều chỉnh</t>') || !row.includes('<t>nghìn USD</t>')) return row;
        edited++;
        return row.replace('<t>nghìn USD</t>', '<t>triệu USD</t>');
      }),
    );
    expect(edited).toBe(1);
    const file = path.join(tmp, 'edited.xlsx');
    fs.writeFileSync(file, zipSync(files));
    const j = path.join(tmp, 'edited.json');
    expect((await cli('report', file, '--out', path.join(tmp, 'edited.bao-cao.xlsx'), '--json', j, '--today', TODAY)).code).toBe(0);
    const before = JSON.parse(fs.readFileSync(path.join(tmp, 'copy.json'), 'utf8')).metrics;
    const after = JSON.parse(fs.readFileSync(j, 'utf8')).metrics;
    expect(after.fdi_adjusted_capital).toBeCloseTo(before.fdi_adjusted_capital * 1000, 6);
    expect(after.fdi_new_capital).toBe(before.fdi_new_capital);
  }, 60_000);

  test('a workbook that already has an AnhXa table is refused, and nothing is written', async () => {
    const again = path.join(tmp, 'again.xlsx');
    const r = await cli('map', copy, '--out', again);
    expect(r.code).toBe(1);
    expect(r.text).toContain('Sổ đã có bảng ánh xạ AnhXa');
    expect(fs.existsSync(again)).toBe(false);
  });

  test('the input is never the output', async () => {
    const input = path.join(tmp, 'in.xlsx');
    fs.copyFileSync(STAFF, input);
    const before = fs.readFileSync(input);
    const r = await cli('map', input, '--out', input);
    expect(r.code).toBe(1);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  test('English: a Mapping sheet and table with English headers', async () => {
    const out = path.join(tmp, 'en.xlsx');
    const r = await cli('map', STAFF, '--out', out, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.text).toContain('129 mapping rows for 13 ranges');
    const snaps = await readWorkbookFile(out, 'en');
    const m = snaps.find((s) => s.name === 'Mapping')!;
    expect(m.headers).toEqual(ANHXA_COLUMNS.map((c) => c.en));
    expect(m.rows[0].slice(0, 4)).toEqual(['FDI cấp mới', 'A4:G525', 2, 'Projects']);
    const j = path.join(tmp, 'en.json');
    await cli('report', out, '--out', path.join(tmp, 'en.bao-cao.xlsx'), '--json', j, '--today', TODAY);
    const copyJson = JSON.parse(fs.readFileSync(path.join(tmp, 'copy.json'), 'utf8'));
    expect(JSON.parse(fs.readFileSync(j, 'utf8')).metrics).toEqual(copyJson.metrics);
  }, 60_000);
});

test('a workbook with charts keeps them: the report workbook mapped', async () => {
  const plan = buildReport(await readWorkbookFile(MAIN, 'vi'), { today: TODAY }).plan;
  const withCharts = path.join(tmp, 'charts.xlsx');
  fs.writeFileSync(withCharts, await planToXlsx(plan));
  const zip = new ZipArchive(fs.readFileSync(withCharts));
  expect(zip.names().some((n) => n.startsWith('xl/charts/'))).toBe(true);
  const out = path.join(tmp, 'charts.anhxa.xlsx');
  const r = await cli('map', withCharts, '--out', out);
  expect(r.code).toBe(0);
  const { same } = comparePackages(fs.readFileSync(withCharts), fs.readFileSync(out));
  expect(same.filter((n) => n.startsWith('xl/charts/') || n.startsWith('xl/drawings/')).length).toBeGreaterThan(2);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.map((w) => w.name).pop()).toBe('AnhXa');
}, 60_000);

describe('addTableSheet', () => {
  const book = async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Một');
    wb.addWorksheet('Hai').getCell('A1').value = 1;
    return Buffer.from(await wb.xlsx.writeBuffer());
  };

  test('text is escaped and stays text: "=" formulas, markup, quotes, control characters', async () => {
    const rows = [
      ['=SUM(A1:A3)', '<b>&"\'</b>', 3, 'a\u0001b', ' lề '],
      ['+1', '@x', 0.1, null, ''],
    ];
    const out = Buffer.from(addTableSheet(await book(), { sheet: "R&D 'x' <1>", table: 'AnhXa', headers: ['=A', 'B & C', 'Số', 'D<', 'E"'], rows }));
    const snaps = readWorkbookTables(out, { wanted: () => true });
    expect(snaps).toHaveLength(1);
    expect(snaps[0].sheet).toBe("R&D 'x' <1>");
    expect(snaps[0].headers).toEqual(['=A', 'B & C', 'Số', 'D<', 'E"']);
    expect(snaps[0].rows).toEqual([
      ['=SUM(A1:A3)', '<b>&"\'</b>', 3, 'ab', ' lề '],
      ['+1', '@x', 0.1, null, null],
    ]);
    const sheetXml = inflate(new ZipArchive(out), 'xl/worksheets/sheet3.xml').toString('utf8');
    expect(sheetXml).not.toContain('<f>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("R&D 'x' <1>")!;
    expect(ws.getCell('A2').value).toBe('=SUM(A1:A3)');
    expect(ws.getCell('A1').value).toBe('=A');
  });

  test('an empty table still has one (empty) row; ids and names are new', async () => {
    const first = Buffer.from(addTableSheet(await book(), { sheet: 'AnhXa', table: 'AnhXa', headers: ['A', 'B'], rows: [] }));
    const second = Buffer.from(addTableSheet(first, { sheet: 'Khác', table: 'Khac', headers: ['X'], rows: [['y']] }));
    const zip = new ZipArchive(second);
    const ids = ['xl/tables/table1.xml', 'xl/tables/table2.xml'].map((n) => /\sid="(\d+)"/.exec(inflate(zip, n).toString('utf8'))![1]);
    expect(ids).toEqual(['1', '2']);
    const snaps = readWorkbookTables(second, { wanted: () => true });
    expect(snaps.map((s) => [s.name, s.sheet, s.rows.length])).toEqual([
      ['AnhXa', 'AnhXa', 1],
      ['Khac', 'Khác', 1],
    ]);
    expect(() => addTableSheet(second, { sheet: 'anhxa', table: 'T9', headers: ['A'], rows: [] })).toThrow(AddSheetError);
    expect(() => addTableSheet(second, { sheet: 'Mới', table: 'KHAC', headers: ['A'], rows: [] })).toThrow(/tableExists/);
  });

  test('stored bytes of a copied part are the input bytes (CRC checked on reading)', async () => {
    const input = await book();
    const out = Buffer.from(addTableSheet(input, { sheet: 'AnhXa', table: 'AnhXa', headers: ['A'], rows: [['x']] }));
    const zip = new ZipArchive(out);
    for (const n of zip.names()) inflate(zip, n); // every CRC and size checks out
    expect(zlib.crc32(inflate(zip, 'xl/styles.xml'))).toBe(zlib.crc32(inflate(new ZipArchive(input), 'xl/styles.xml')));
  });
});
