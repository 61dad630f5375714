// Plain sheets as grids through the streaming reader (issue 19): the same grids as exceljs gave on
// the staff example, sparse rows, merges, hidden rows and columns, and the limits.
import path from 'node:path';
import { readSheetGridsFile } from '../../src/node/sheet-grids';
import { LimitError, WorkbookReadError, readWorkbookGrids } from '../../src/node/xlsx';
import { exceljsGrids } from './exceljs-reference';
import { bookParts, zipOf, row } from '../helpers/xlsx-parts';
import { plainBook, worksheet } from '../../scripts/bad-corpus/hostile';

const STAFF = path.join(__dirname, '../../examples/hai-phong-2023-h1-staff.xlsx');
const str = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
const num = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;

/** A grid with trailing empty cells and rows dropped, holes as null: what recognition sees. */
const shown = (cells: unknown[][]) => {
  const rows = cells.map((r) => {
    const out = Array.from(r, (v) => v ?? null);
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length && !rows[rows.length - 1].length) rows.pop();
  return rows;
};

test('the staff example: every sheet the same grid, merges and hidden rows and columns as exceljs read them', async () => {
  const ours = await readSheetGridsFile(STAFF, { skipTables: true });
  const theirs = await exceljsGrids(STAFF, { skipTables: true });
  expect(ours.map((g) => g.name)).toEqual(theirs.map((g) => g.name));
  expect(ours.length).toBeGreaterThan(8);
  for (let i = 0; i < ours.length; i++) {
    expect([ours[i].name, shown(ours[i].cells)]).toEqual([theirs[i].name, shown(theirs[i].cells)]);
    expect([ours[i].name, [...ours[i].merges].sort()]).toEqual([theirs[i].name, [...theirs[i].merges].sort()]);
    expect([ours[i].name, ours[i].hiddenRows, ours[i].hiddenColumns]).toEqual([theirs[i].name, theirs[i].hiddenRows, theirs[i].hiddenColumns]);
  }
  expect(ours.reduce((n, g) => n + g.merges.length, 0)).toBeGreaterThan(10);
}, 60_000);

test('x: prefixed plain sheet: values, a merge shown in its first cell only, hidden rows and columns, table cells left out', () => {
  const parts = bookParts({
    prefix: 'x',
    sheetData:
      `<x:row r="1">${str('A1', 'Khóa').replace(/<(\/?)(c|is|t)\b/g, '<$1x:$2')}${str('B1', 'Giá trị').replace(/<(\/?)(c|is|t)\b/g, '<$1x:$2')}</x:row>` +
      `<x:row r="5" hidden="1"><x:c r="D5"><x:v>7</x:v></x:c><x:c r="E5"><x:v>8</x:v></x:c></x:row>` +
      `<x:row r="6"><x:c r="F6"><x:v>9</x:v></x:c></x:row>`,
    table: { ref: 'A1:B3', columns: ['Khóa', 'Giá trị'] },
    sheetTail: '<x:mergeCells count="1"><x:mergeCell ref="D5:E5"/></x:mergeCells>',
  });
  parts['xl/worksheets/sheet1.xml'] = parts['xl/worksheets/sheet1.xml'].replace('<x:sheetData>', '<x:cols><x:col min="5" max="6" hidden="1" width="9"/></x:cols><x:sheetData>');
  const [g] = readWorkbookGrids(zipOf(parts));
  expect(g.name).toBe('DuAn');
  expect(shown(g.cells)).toEqual([[], [], [], [], [null, null, null, 7], [null, null, null, null, null, 9]]);
  expect(g.merges).toEqual(['D5:E5']);
  expect(g.hiddenRows).toEqual([5]);
  expect(g.hiddenColumns).toEqual([5, 6]);
  // with the table's cells
  expect(shown(readWorkbookGrids(zipOf(parts), { skipTables: false })[0].cells)[0]).toEqual(['Khóa', 'Giá trị']);
});

test('rows without a value hold nothing; a merge over the whole sheet is clipped to the grid', () => {
  const xml = worksheet(`<row r="1">${str('A1', 'a')}</row><row r="3000">${num('B3000', 1)}</row>`, '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>');
  const [g] = readWorkbookGrids(plainBook([{ name: 'S', xml }]));
  expect(g.cells).toHaveLength(3000);
  expect(g.cells.filter((r) => r.length).length).toBe(2);
  expect(g.merges).toEqual(['A1:B3000']);
  // the cell under the merge is empty, as in Excel
  expect(g.cells[2999][1]).toBeNull();
});

test('limits: area, merges, merged cells, bytes and text each refused with what and where', () => {
  const err = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookReadError);
      return e as LimitError;
    }
    throw new Error('read');
  };
  const far = plainBook([{ name: 'Xa', xml: worksheet(`<row r="1">${str('A1', 'a')}</row><row r="1048576">${num('XFD1048576', 1)}</row>`) }]);
  expect(err(() => readWorkbookGrids(far))).toMatchObject({ what: 'area', where: 'Xa', ref: 'A1:XFD1048576' });
  const mergeCells = `<mergeCells>${Array.from({ length: 11 }, (_, i) => `<mergeCell ref="A${i + 2}:B${i + 2}"/>`).join('')}</mergeCells>`;
  const merges = plainBook([{ name: 'M', xml: worksheet(`<row r="1">${str('A1', 'a')}</row><row r="12">${num('B12', 1)}</row>`, mergeCells) }]);
  expect(err(() => readWorkbookGrids(merges, { limits: { merges: 10 } }))).toMatchObject({ what: 'merges', where: 'M', max: 10 });
  expect(readWorkbookGrids(merges, { limits: { merges: 11 } })[0].merges).toHaveLength(11);
  expect(err(() => readWorkbookGrids(merges, { limits: { mergesWritten: 10 } }))).toMatchObject({ what: 'merges', where: 'M', max: 10 });
  const big = plainBook([{ name: 'G', xml: worksheet(`<row r="1">${str('A1', 'a')}${num('J1', 1)}</row><row r="10">${num('J10', 1)}</row>`, '<mergeCells><mergeCell ref="A1:J10"/></mergeCells>') }]);
  expect(err(() => readWorkbookGrids(big, { limits: { mergedCells: 99 } }))).toMatchObject({ what: 'mergedCells', value: 100 });
  expect(err(() => readWorkbookGrids(big, { limits: { bytes: 100 } }))).toMatchObject({ what: 'bytes', where: 'G' });
  expect(err(() => readWorkbookGrids(big, { limits: { totalArea: 99 } }))).toMatchObject({ what: 'totalArea' });
  const long = plainBook([{ name: 'T', xml: worksheet(`<row r="1">${str('B1', 'x'.repeat(70_000))}</row>`) }]);
  expect(err(() => readWorkbookGrids(long))).toMatchObject({ what: 'text', ref: 'B1' });
});

test('merged ranges wholly past the last value (styled empty cells, POI 57893) are layout: left out, not counted', () => {
  const mergeCells = `<mergeCells>${Array.from({ length: 50 }, (_, i) => `<mergeCell ref="A${i + 3}:B${i + 3}"/>`).join('')}<mergeCell ref="B2:C3"/></mergeCells>`;
  const book = plainBook([{ name: 'M', xml: worksheet(`<row r="1">${str('A1', 'a')}</row><row r="2">${num('B2', 1)}</row>`, mergeCells) }]);
  const [g] = readWorkbookGrids(book, { limits: { merges: 1 } });
  // the one range over the grid, clipped to it; the 50 below the last row are gone
  expect(g.merges).toEqual(['B2:B2']);
  expect(g.cells).toEqual([['a'], [null, 1]]);
});

test('a part that is not UTF-8 is damage, never read with replacement characters', () => {
  const parts = bookParts({ sheetData: row(1, [str('A1', 'Công ty ÿ')]) });
  const bytes = Buffer.from(parts['xl/worksheets/sheet1.xml'], 'utf8');
  const at = bytes.indexOf(Buffer.from('ÿ', 'utf8'));
  bytes[at + 1] = 0x28; // lead byte then '(': invalid
  const files: Record<string, string | Uint8Array> = { ...parts, 'xl/worksheets/sheet1.xml': bytes };
  expect(() => readWorkbookGrids(zipOf(files))).toThrow(/^damaged: xl\/worksheets\/sheet1.xml: not UTF-8/);
});
