import zlib from 'node:zlib';
import { readWorkbookTables, WorkbookReadError } from '../../../src/node/xlsx';
import { TableSnapshot } from '../../../src/core/records/snapshot';
import { bookParts, zipOf, row, BookOptions } from '../../helpers/xlsx-parts';
import { run, settings } from '../../helpers/tables';

const HEAD = ['Mã dự án', 'Tên dự án', 'Nguồn vốn', 'Loại', 'Ngày', 'Vốn đầu tư'];
const headRow = (p = '') => row(1, HEAD.map((h, i) => `<${p}c r="${'ABCDEF'[i]}1" t="inlineStr"><${p}is><${p}t>${h}</${p}t></${p}is></${p}c>`));
const is = (ref: string, s: string, p = '') => `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${s}</${p}t></${p}is></${p}c>`;
const num = (ref: string, v: number | string, p = '', s = '') => `<${p}c r="${ref}"${s ? ` s="${s}"` : ''}><${p}v>${v}</${p}v></${p}c>`;
const project = (r: number, capital: string, p = '', name = `<${p}c r="B${r}"/>`) =>
  row(r, [is(`A${r}`, `P${r}`, p), name, is(`C${r}`, 'FDI', p), is(`D${r}`, 'Cấp mới', p), num(`E${r}`, 45000, p, '1'), capital]);
const projectsBook = (rows: string[], o: Partial<BookOptions> = {}): BookOptions => ({
  sheetData: headRow(o.prefix ? o.prefix + ':' : '') + rows.join(''),
  table: { ref: `A1:F${rows.length + 1}`, columns: HEAD },
  ...o,
});
const read = (o: BookOptions, level: 0 | 6 = 6) => readWorkbookTables(zipOf(bookParts(o), level));
const only = (snaps: TableSnapshot[]) => {
  expect(snaps).toHaveLength(1);
  return snaps[0];
};
const report = (snap: TableSnapshot) => run([settings(['01/01/2023', '30/06/2023']), snap]);
const errorCode = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof WorkbookReadError) return `${e.code}: ${e.detail}`;
    throw e;
  }
  return 'no error';
};

test('every element prefixed (x:), as the .NET OpenXML SDK writes', () => {
  const p = 'x';
  const snap = only(read(projectsBook([project(2, num('F2', 12.5, 'x:'), 'x:')], { prefix: p })));
  expect(snap.headers).toEqual(HEAD);
  expect(snap.rows).toEqual([['P2', null, 'FDI', 'Cấp mới', new Date(Date.UTC(2023, 2, 15)), 12.5]]);
});

test('Strict namespaces and relationship types', () => {
  const snap = only(read(projectsBook([project(2, num('F2', 7))], { strict: true })));
  expect(snap.rows[0][5]).toBe(7);
  expect(snap.rows[0][4]).toEqual(new Date(Date.UTC(2023, 2, 15)));
});

test('a text formula result keeps its trailing space (xml:space)', () => {
  const cap = '<c r="F2" t="str"><f>TEXT(E2,"0")</f><v xml:space="preserve">20 </v></c>';
  const snap = only(read(projectsBook([project(2, cap)])));
  expect(snap.rows[0][5]).toBe('20 ');
  const r = report(snap);
  expect(r.data.projects).toHaveLength(1);
  expect(r.data.projects![0].capital).toBe(20);
});

test('XlsxWriter: <v>0</v> with fullCalcOnLoad is a stale-value warning at the cell', () => {
  const cap = '<c r="F2"><f>E3*1000</f><v>0</v></c>';
  const snap = only(read(projectsBook([project(2, cap)], { workbookExtra: '<calcPr fullCalcOnLoad="1"/>' })));
  const r = report(snap);
  const w = r.problems.filter((p) => p.code === 'formulaStale');
  expect(w.map((p) => [p.level, p.cell])).toEqual([['warning', 'DuAn!F2']]);
  expect(w[0].message).toContain('tính lại khi mở');
});

test('a formula from a program that does not calculate gets a warning; from Excel it does not', () => {
  const cap = '<c r="F2"><f>1+1</f><v>2</v></c>';
  const from = (application: string | null) => report(only(read(projectsBook([project(2, cap)], { application })))).problems.filter((p) => p.code === 'formulaStale');
  expect(from('Microsoft Excel')).toHaveLength(0);
  expect(from('LibreOffice/7.6.4.1$Linux_X86_64 LibreOffice_project/e19e193f88cd6c0525a17fb7a176ed8e6a3e2aa1')).toHaveLength(0);
  expect(from('ClosedXML').map((p) => p.cell)).toEqual(['DuAn!F2']);
  expect(from(null).map((p) => p.cell)).toEqual(['DuAn!F2']);
});

test('openpyxl: a formula without <v> is a problem at its cell (required column: row not counted)', () => {
  const snap = only(read(projectsBook([project(2, '<c r="F2"><f>E3*1000</f></c>'), project(3, num('F3', 5)), project(4, '<c r="F4"><f>1</f><v/></c>')])));
  expect(snap.rows[0][5]).toEqual({ formula: 'E3*1000' });
  const r = report(snap);
  const hits = r.problems.filter((p) => p.code === 'formulaNotComputed');
  expect(hits.map((p) => [p.level, p.cell])).toEqual([
    ['error', 'DuAn!F2'],
    ['error', 'DuAn!F4'],
  ]);
  expect(hits[0].message).toContain('Ô DuAn!F2 chứa công thức chưa được tính (=E3*1000): mở tệp bằng Excel và lưu lại');
  expect(r.data.projects!.map((p) => p.projectId)).toEqual(['P3']);
  const en = run([settings(['01/01/2023', '30/06/2023']), snap], 'en').problems.find((p) => p.code === 'formulaNotComputed')!;
  expect(en.message).toContain('never calculated');
});

test('openpyxl: an uncomputed formula in an optional column drops the cell, not the row', () => {
  const snap = only(read(projectsBook([project(2, num('F2', 5), '', '<c r="B2" t="str"><f>UPPER(A2)</f></c>')])));
  const r = report(snap);
  const hits = r.problems.filter((p) => p.code === 'formulaNotComputed');
  expect(hits.map((p) => [p.level, p.cell])).toEqual([['warning', 'DuAn!B2']]);
  expect(r.data.projects).toHaveLength(1);
  expect(r.data.projects![0].name).toBeNull();
});

describe.each(['Asia/Ho_Chi_Minh', 'America/New_York', 'Pacific/Kiritimati'])('t="d" ISO dates under TZ=%s', (tz) => {
  const saved = process.env.TZ;
  beforeAll(() => (process.env.TZ = tz));
  afterAll(() => (process.env.TZ = saved));
  test('read as the calendar day written', () => {
    const date = (ref: string, v: string) => `<c r="${ref}" t="d"><v>${v}</v></c>`;
    const rows = [
      row(2, [is('A2', 'P1'), '<c r="B2"/>', is('C2', 'FDI'), is('D2', 'Cấp mới'), date('E2', '2023-01-01T00:00:00'), num('F2', 1)]),
      row(3, [is('A3', 'P2'), '<c r="B3"/>', is('C3', 'FDI'), is('D3', 'Cấp mới'), date('E3', '2023-06-30T23:59:59Z'), num('F3', 1)]),
      row(4, [is('A4', 'P3'), '<c r="B4"/>', is('C4', 'FDI'), is('D4', 'Cấp mới'), date('E4', '2023-03-05'), num('F4', 1)]),
    ];
    const r = report(only(read({ sheetData: headRow() + rows.join(''), table: { ref: 'A1:F4', columns: HEAD } })));
    expect(r.data.projects!.map((p) => p.date)).toEqual(['2023-01-01', '2023-06-30', '2023-03-05']);
  });
});

test('a shared strings part under another name is found through the workbook relationships', () => {
  const s = (ref: string, i: number) => `<c r="${ref}" t="s"><v>${i}</v></c>`;
  const snap = only(read({ sheetData: row(1, [s('A1', 0), s('B1', 1)]) + row(2, [s('A2', 2), s('B2', 3)]), table: { ref: 'A1:B2', columns: ['Khóa', 'Giá trị'], name: 'ThongTin' }, sharedStrings: ['Khóa', 'Giá trị', 'TuNgay', '01/01/2023 '], sharedStringsPart: 'xl/strs/strings-1.xml' }));
  expect(snap.rows).toEqual([['TuNgay', '01/01/2023 ']]);
});

test("single-quoted attributes, CDATA, entities, character references and _xHHHH_ escapes", () => {
  const sheet = row(1, ["<c r='A1' t='inlineStr'><is><t><![CDATA[Khóa]]></t></is></c>", "<c r='B1' t='inlineStr'><is><t>Gi&#xE1; tr&#7883;</t></is></c>"]) + row(2, ["<c r='A2' t='inlineStr'><is><t>a &amp; &lt;b&gt;_x000D_</t></is></c>", "<c r='B2' t='inlineStr'><is><t><![CDATA[<x> & y]]></t></is></c>"]);
  const snap = only(read({ sheetData: sheet, table: { ref: 'A1:B2', columns: ['Khóa', 'Giá trị'], name: 'ThongTin' } }));
  expect(snap.rows).toEqual([['a & <b>\r', '<x> & y']]);
});

test('the 1904 date system and custom date formats', () => {
  const styles = '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="&quot;Ngày&quot; 0.00"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>';
  const sheetData = row(1, [is('A1', 'Khóa'), is('B1', 'Giá trị')]) + row(2, [is('A2', 'TuNgay'), num('B2', 0, '', '1')]) + row(3, [is('A3', 'TyGia'), num('B3', 3.5, '', '2')]);
  const snap = only(read({ sheetData, styles, workbookExtra: '<workbookPr date1904="1"/>', table: { ref: 'A1:B3', columns: ['Khóa', 'Giá trị'], name: 'ThongTin' } }));
  expect(snap.rows).toEqual([
    ['TuNgay', new Date(Date.UTC(1904, 0, 1))],
    ['TyGia', 3.5],
  ]);
});

test('inline rich text joins its runs and leaves out phonetic runs; booleans and errors', () => {
  const rich = '<c r="A2" t="inlineStr"><is><r><rPr><b/></rPr><t>Tu</t></r><r><t xml:space="preserve">Ngay</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></is></c>';
  const sheetData = row(1, [is('A1', 'Khóa'), is('B1', 'Giá trị')]) + row(2, [rich, '<c r="B2" t="b"><v>1</v></c>']) + row(3, [is('A3', 'x'), '<c r="B3" t="e"><v>#N/A</v></c>']);
  const snap = only(read({ sheetData, table: { ref: 'A1:B3', columns: ['Khóa', 'Giá trị'], name: 'ThongTin' } }));
  expect(snap.rows).toEqual([
    ['TuNgay', true],
    ['x', { error: '#N/A' }],
  ]);
});

test('a totals row is left out; cells without r follow their neighbours', () => {
  const sheetData = row(1, [is('A1', 'Khóa'), is('B1', 'Giá trị')]) + '<row><c t="inlineStr"><is><t>TuNgay</t></is></c><c><v>1</v></c></row>' + row(3, [is('A3', 'Tổng'), num('B3', 99)]);
  const snap = only(read({ sheetData, table: { ref: 'A1:B3', columns: ['Khóa', 'Giá trị'], name: 'ThongTin', extra: 'totalsRowCount="1"' } }));
  expect(snap.rows).toEqual([['TuNgay', 1]]);
});

test('a contract table without a header row is an error at its range', () => {
  const snap = only(read({ sheetData: project(5, num('F5', 1)), table: { ref: 'A5:F5', columns: HEAD, extra: 'headerRowCount="0"' } }));
  expect(snap.headerless).toBe(true);
  expect(snap.rows).toHaveLength(1);
  const p = report(snap).problems.find((x) => x.code === 'tableNoHeader')!;
  expect(p.level).toBe('error');
  expect(p.cell).toBe('DuAn!A4:F5');
  expect(p.message).toContain('Bảng DuAn không có dòng tiêu đề');
});

test('a table ref of A1:XFD1048576 costs only the cells that exist', () => {
  const cols = Array.from({ length: 16384 }, (_, i) => (i < 2 ? ['Khóa', 'Giá trị'][i] : `Column${i + 1}`));
  const sheetData = row(1, [is('A1', 'Khóa'), is('B1', 'Giá trị')]) + row(2, [is('A2', 'TuNgay'), is('B2', '01/01/2023')]) + row(3, [is('A3', 'DenNgay'), is('B3', '30/06/2023')]);
  const t0 = Date.now();
  const snap = only(read({ sheetData, table: { ref: 'A1:XFD1048576', columns: cols, name: 'ThongTin' } }));
  expect(snap.rows).toHaveLength(2);
  expect(snap.rows[1].slice(0, 2)).toEqual(['DenNgay', '30/06/2023']);
  const r = run([snap]);
  expect(r.period).toMatchObject({ start: '2023-01-01', end: '2023-06-30' });
  expect(Date.now() - t0).toBeLessThan(5000);
});

test('a DOCTYPE with an entity is refused as damage, never expanded', () => {
  const parts = bookParts(projectsBook([project(2, num('F2', 1))]));
  parts['xl/worksheets/sheet1.xml'] = parts['xl/worksheets/sheet1.xml'].replace('?>', '?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>').replace('<v>1</v>', '<v>&e;</v>');
  expect(errorCode(() => readWorkbookTables(zipOf(parts))[0].rows)).toMatch(/^damaged: .*DOCTYPE/);
});

test('malformed XML is damage', () => {
  const parts = bookParts(projectsBook([project(2, num('F2', 1))]));
  parts['xl/worksheets/sheet1.xml'] = parts['xl/worksheets/sheet1.xml'].replace('</sheetData>', '');
  expect(errorCode(() => readWorkbookTables(zipOf(parts))[0].rows)).toMatch(/^damaged: xl\/worksheets\/sheet1.xml/);
});

test('.ods, .xlsb, no table at all: typed errors', () => {
  expect(errorCode(() => readWorkbookTables(zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }, 0)))).toMatch(/^ods/);
  const xlsb = zipOf({
    '_rels/.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
    'xl/workbook.bin': new Uint8Array([0x83, 0x01, 0x00]),
  });
  expect(errorCode(() => readWorkbookTables(xlsb))).toMatch(/^xlsb/);
  const parts = bookParts(projectsBook([]));
  delete parts['xl/worksheets/_rels/sheet1.xml.rels'];
  expect(errorCode(() => readWorkbookTables(zipOf(parts)))).toMatch(/^noTables/);
});

test('a cell with t="s" and no index (<c t="s"/>, <v/>) is empty, not the first shared string (ClosedXML, POI 64508)', () => {
  const cells = ['<c r="F2" t="s"/>', '<c r="F3" t="s"><v/></c>', '<c r="F4" t="s"><v>1</v></c>', '<c r="F5" t="n"><v></v></c>'];
  const snap = only(read({ ...projectsBook(cells.map((c, i) => project(i + 2, c))), sharedStrings: ['first', 'second'] }));
  expect(snap.rows.map((r) => r[5])).toEqual([null, null, 'second', null]);
});

test('a table range written the other way round (F2:A1) is read as the same rectangle', () => {
  const rows = [project(2, num('F2', 12.5))];
  const straight = only(read(projectsBook(rows)));
  const reversed = only(read(projectsBook(rows, { table: { ref: 'F2:A1', columns: HEAD } })));
  expect(reversed.rows).toEqual(straight.rows);
  expect(reversed.headers).toEqual(HEAD);
  expect(report(reversed).data.projects).toHaveLength(1);
});
