import { buildReport, reportJson, ReportResult } from '../../../src/core/engine';
import { TableSnapshot } from '../../../src/core/records/snapshot';
import { Lang, Problem } from '../../../src/core/problems';
import { SheetGrid, recognizeWorkbook } from '../../../src/core/recognize';
import { AnhXaRow, anhXaTable, proposalToAnhXaRows } from '../../../src/core/recognize/anhxa';
import { findAnhXaTable } from '../../../src/core/recognize/anhxa-read';
import { settings, projects, metric } from '../../helpers/tables';
import { LAYOUTS } from './layouts';

const H1: [string, string] = ['01/01/2023', '30/06/2023'];
const TODAY = '2026-11-27';

/** The AnhXa table as a workbook would hold it: sheet "AnhXa", headers on row 1. */
function anhXaSnapshot(rows: AnhXaRow[], lang: Lang = 'vi', name = lang === 'vi' ? 'AnhXa' : 'Mapping'): TableSnapshot {
  const t = anhXaTable(rows, lang);
  return { name, sheet: name, headerRow: 1, firstColumn: 1, headers: t.headers, rows: t.values };
}

/** The rows `baocao map` writes: every usable proposal. */
function proposed(grids: SheetGrid[], lang: Lang = 'vi'): AnhXaRow[] {
  return recognizeWorkbook(grids).proposals.filter((p) => p.usable).flatMap((p) => proposalToAnhXaRows(p, lang));
}

function report(grids: SheetGrid[], extra: TableSnapshot[] = [], lang: Lang = 'vi'): ReportResult {
  return buildReport([settings(H1), ...extra], { lang, today: TODAY, grids });
}

// Lines that say how a block was found differ by design (recognised vs AnhXa); every other problem must not.
const HOW = new Set(['staffBlockMapped', 'staffBlockAnhXa', 'staffColumnHidden']);
const rest = (ps: Problem[]) => ps.filter((p) => !HOW.has(p.code));
const at = (r: ReportResult, cell: string) => r.problems.filter((p) => p.cell === cell);
const codes = (r: ReportResult, code: string) => r.problems.filter((p) => p.code === code);

describe('AnhXa round trip: proposals → AnhXa rows → read back gives what recognition gives', () => {
  for (const [name, g] of Object.entries(LAYOUTS)) {
    for (const lang of ['vi', 'en'] as const) {
      test(`layout ${name} (${g.name}), ${lang}`, () => {
        const auto = recognizeWorkbook([g], { lang });
        const rows = proposed([g], lang);
        const viaTable = recognizeWorkbook([g], { lang, anhXa: anhXaSnapshot(rows, lang) });
        expect(viaTable.problems.filter((p) => p.code.startsWith('anhXa'))).toEqual([]);
        expect(viaTable.snapshots).toEqual(auto.snapshots);
        expect(rest(viaTable.problems)).toEqual(rest(auto.problems));
        const used = auto.mappings.filter((m) => m.used);
        expect(viaTable.mappings.filter((m) => m.used).map(({ sheet, range, kind, columns, fixed }) => ({ sheet, range, kind, columns, fixed }))).toEqual(
          used.map(({ sheet, range, kind, columns, fixed }) => ({ sheet, range, kind, columns, fixed })),
        );
        if (rows.length) expect(viaTable.mappings.every((m) => m.from === 'AnhXa')).toBe(true);
        // and the whole report: the same figures
        const a = reportJson(report([g], [], lang));
        const b = reportJson(report([g], [anhXaSnapshot(rows, lang)], lang));
        expect(b.metrics).toEqual(a.metrics);
      });
    }
  }

  test('the layouts cover what recognition knows: groups, subtotals, totals, notes, months across, title units, numbering, hidden columns', () => {
    const all = Object.values(LAYOUTS).flatMap((g) => recognizeWorkbook([g]).proposals);
    const types = new Set(all.flatMap((p) => p.block.rows.map((r) => r.type)));
    expect([...types].sort()).toEqual(['data', 'group', 'note', 'subtotal', 'total']);
    expect(all.some((p) => p.titleUnit)).toBe(true);
    expect(all.some((p) => p.columns.some((c) => c.month))).toBe(true);
    expect(all.some((p) => p.block.headerBottom > p.block.headerTop)).toBe(true);
    expect(all.some((p) => p.columns.some((c) => c.unused === 'hidden'))).toBe(true);
  });

  test('a numbering row under the header is not a header row, and is skipped when read back', () => {
    const g: SheetGrid = {
      name: 'DDI cấp mới',
      merges: [],
      cells: [
        ['STT', 'Mã DA', 'Ngày cấp', 'Vốn đầu tư (tỷ đồng)'],
        ['(1)', '(2)', '(3)', '(4)'],
        [1, 'D1', '02/01/2023', 10],
        [2, 'D2', '03/01/2023', 20],
      ],
    };
    const rows = proposed([g]);
    expect(rows[0].headerRows).toBe(1);
    const auto = recognizeWorkbook([g]);
    const viaTable = recognizeWorkbook([g], { anhXa: anhXaSnapshot(rows) });
    expect(auto.snapshots[0].rows).toHaveLength(2);
    expect(viaTable.snapshots).toEqual(auto.snapshots);
  });
});

describe('AnhXa edited by the staff', () => {
  const fdiNew = LAYOUTS['1'];
  const base = () => proposed([fdiNew]);

  test('found by name in either language, case and diacritics ignored; the JSON and Kiểm tra say so', () => {
    for (const name of ['AnhXa', 'Ánh xạ', 'ANH_XA', 'mapping']) expect(findAnhXaTable([anhXaSnapshot(base(), 'vi', name)])?.name).toBe(name);
    expect(findAnhXaTable([anhXaSnapshot(base(), 'vi', 'DuAn')])).toBeUndefined();
    const r = report([fdiNew], [anhXaSnapshot(base(), 'vi', 'Ánh xạ')]);
    expect(r.mappings![0]).toMatchObject({ from: 'AnhXa', used: true, anhXaRows: "'Ánh xạ'!2:10" });
    const info = codes(r, 'staffBlockAnhXa');
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ level: 'info', cell: "'FDI cấp mới'!A3:G12" });
    expect(info[0].message).toContain('theo bảng AnhXa');
    expect(codes(r, 'staffBlockMapped')).toHaveLength(0);
    expect((reportJson(r).mappings as { from: string }[])[0].from).toBe('AnhXa');
  });

  test('a field changed takes effect', () => {
    const rows = base().map((r) => (r.column === 'C' ? { ...r, field: 'Quốc gia' } : r.column === 'D' ? { ...r, field: 'Nhà đầu tư' } : r));
    const r = report([fdiNew], [anhXaSnapshot(rows)]);
    expect(r.data.projects!.map((p) => [p.investor, p.country])).toEqual([
      ['Nhật Bản', 'A Co'],
      ['Hàn Quốc', 'B Co'],
      ['Trung Quốc', 'C Co'],
    ]);
    const auto = report([fdiNew]);
    expect(auto.data.projects![0].investor).toBe('A Co');
  });

  test('a unit changed: triệu USD → nghìn USD gives figures 1000 times smaller, exactly', () => {
    const rows = base();
    expect(rows.find((r) => r.column === 'G')!.unit).toBe('triệu USD');
    const edited = rows.map((r) => (r.column === 'G' ? { ...r, unit: 'nghìn USD' } : r));
    const before = report([fdiNew], [anhXaSnapshot(rows)]);
    const after = report([fdiNew], [anhXaSnapshot(edited)]);
    expect(metric(before, 'fdi_new_capital')).toBe(35.75);
    expect(metric(after, 'fdi_new_capital')).toBe(0.03575);
    expect(after.data.projects!.map((p) => p.capital)).toEqual([0.0105, 0.02025, 0.005]);
    // a title unit row applies to money columns without their own
    const g = LAYOUTS['10'];
    const budget = proposed([g]);
    expect(budget.filter((r) => !r.column && !r.field).map((r) => r.unit)).toEqual(['nghìn đồng']);
    const r2 = report([g], [anhXaSnapshot(budget.map((r) => (!r.column && !r.field ? { ...r, unit: 'triệu đồng' } : r)))]);
    expect(metric(r2, 'budget_total')).toBe(312000);
  });

  test('a row removed: its column is no longer read', () => {
    const rows = base().filter((r) => r.column !== 'D');
    const r = report([fdiNew], [anhXaSnapshot(rows)]);
    expect(r.data.projects!.map((p) => p.country)).toEqual([null, null, null]);
    expect(r.mappings![0].columns.map((c) => c.column)).toEqual(['B', 'C', 'E', 'F', 'G']);
    expect(metric(r, 'fdi_new_count')).toBe(3);
    // the group-row zone removed: no zone
    const noZone = report([fdiNew], [anhXaSnapshot(base().filter((x) => x.value !== '(dòng nhóm)'))]);
    expect(noZone.data.projects!.map((p) => p.zone)).toEqual([null, null, null]);
  });

  test('a fixed value changed: Cấp mới → Điều chỉnh', () => {
    const rows = base().map((r) => (r.value === 'Cấp mới' ? { ...r, value: 'Điều chỉnh' } : r));
    const r = report([fdiNew], [anhXaSnapshot(rows)]);
    expect(metric(r, 'fdi_new_count')).toBe(0);
    expect(metric(r, 'fdi_adjusted_capital')).toBe(35.75);
  });

  test('a range narrowed: the rows outside it are not read', () => {
    const rows = base().map((r) => ({ ...r, range: 'A3:G8' }));
    const r = report([fdiNew], [anhXaSnapshot(rows)]);
    expect(r.data.projects!.map((p) => p.projectId)).toEqual(['2101', '2102']);
  });

  test('bad rows are errors at their AnhXa cell and are left out; the good rows are still read', () => {
    const good = base();
    const one = good[0];
    const bad: AnhXaRow[] = [
      { ...one, sheet: 'Không có' }, // row 11
      { ...one, range: 'A3-G12' }, // 12
      { ...one, table: 'Tiền' }, // 13
      { ...one, field: 'Màu sắc' }, // 14
      { ...one, column: 'K' }, // 15
      { ...one, column: 'H', range: 'A3:G12', unit: 'quả táo' }, // 16: outside before unit
      { ...good.find((r) => r.column === 'G')!, column: 'A', unit: 'quả táo', field: 'Tên dự án' }, // 17: unknown unit
      { ...one, headerRows: 4 }, // 18
      { ...one }, // 19: column B again (conflict)
      { ...one, headerRows: 1, column: 'A' }, // 20: the block was given 2 header rows
      { ...one, column: 'A', field: 'Vốn đầu tư' }, // 21: capital given twice
      { ...one, column: '', field: 'Nguồn vốn', value: 'DDI' }, // 22: source given twice
      { ...one, column: '', field: 'Khu', value: '' }, // 23: neither column nor value
      { ...one, column: 'A', field: 'Khu', value: 'KCN X' }, // 24: both
      { ...one, column: 'A', field: 'Khu', month: '06/2023' }, // 25: not across
      { ...one, column: '', field: '', unit: '' }, // 26: nothing
      { ...one, column: '', field: '', unit: 'nghìn USD' }, // 27: the table's unit (used)
      { ...one, column: '', field: '', unit: 'triệu USD' }, // 28: a second one
      { ...one, table: 'ThongTin' }, // 29: not a data table
    ];
    const r = report([fdiNew], [anhXaSnapshot([...good, ...bad])]);
    const cellsOf = (code: string) => codes(r, code).map((p) => p.cell);
    expect(cellsOf('anhXaRow')).toEqual([
      'AnhXa!A11',
      'AnhXa!B12',
      'AnhXa!D13',
      'AnhXa!G14',
      'AnhXa!E15',
      'AnhXa!E16',
      'AnhXa!H17',
      'AnhXa!C18',
      'AnhXa!E19',
      'AnhXa!C20',
      'AnhXa!G21',
      'AnhXa!G22',
      'AnhXa!J23',
      'AnhXa!J24',
      'AnhXa!I25',
      'AnhXa!G26',
      'AnhXa!H28',
      'AnhXa!D29',
    ]);
    for (const p of codes(r, 'anhXaRow')) expect(p.level).toBe('error');
    const msg = (cell: string) => at(r, cell)[0].message;
    expect(msg('AnhXa!A11')).toBe('Bảng AnhXa, dòng 11: sổ không có trang tính "Không có"; dòng này không được dùng.');
    expect(msg('AnhXa!E15')).toContain('cột K nằm ngoài vùng A3:G12');
    expect(msg('AnhXa!H17')).toContain('không hiểu đơn vị "quả táo"');
    expect(msg('AnhXa!C18')).toContain('phải là 1, 2 hoặc 3');
    expect(msg('AnhXa!E19')).toContain('cột B đã có ở dòng 2');
    expect(msg('AnhXa!G14')).toContain('không có trường "Màu sắc"');
    expect(msg('AnhXa!D13')).toContain('"Tiền" không phải là bảng số liệu');
    expect(msg('AnhXa!C20')).toContain('đã được ghi 2 dòng tiêu đề ở dòng 2');
    expect(msg('AnhXa!J24')).toContain('cả cột và giá trị cố định');
    // the good rows still give the figures
    expect(metric(r, 'fdi_new_capital')).toBe(35.75);
    expect(r.data.projects!.map((p) => p.country)).toEqual(['Nhật Bản', 'Hàn Quốc', 'Trung Quốc']);
  });

  test('a fixed value that is not one of the field: Nguồn vốn = ABC', () => {
    const rows = base().map((r) => (r.value === 'FDI' ? { ...r, value: 'ABC' } : r));
    const i = rows.findIndex((r) => r.value === 'ABC');
    const r = report([fdiNew], [anhXaSnapshot(rows)]);
    expect(codes(r, 'anhXaRow').map((p) => [p.cell, p.message])).toEqual([[`AnhXa!J${i + 2}`, `Bảng AnhXa, dòng ${i + 2}: giá trị "ABC" không hợp với trường Nguồn vốn; dòng này không được dùng.`]]);
    expect(codes(r, 'anhXaBlockNotUsed')[0].message).toContain('thiếu trường Nguồn vốn');
  });

  test('a block without a required field is not read, and says which field at its first row', () => {
    const rows = base().filter((r) => r.field !== 'Ngày' && r.column !== 'F');
    const r = report([fdiNew], [anhXaSnapshot(rows)]);
    const p = codes(r, 'anhXaBlockNotUsed');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ level: 'error', cell: 'AnhXa!A2' });
    expect(p[0].message).toContain('thiếu trường Ngày của bảng DuAn');
    expect(r.data.projects).toBeNull();
    // the sheet is named by the table, so it is not guessed either
    expect(r.mappings).toEqual([]);
  });

  test('overlapping blocks on one sheet: the second is not read', () => {
    const rows = base();
    const again = rows.map((r) => ({ ...r, range: 'A3:G10' }));
    const r = report([fdiNew], [anhXaSnapshot([...rows, ...again])]);
    expect(codes(r, 'anhXaBlockNotUsed')[0].message).toContain('chồng lên vùng A3:G12');
    expect(metric(r, 'fdi_new_count')).toBe(3);
  });

  test('a missing column of the AnhXa table itself is named at the table', () => {
    const snap = anhXaSnapshot(base());
    const i = snap.headers.indexOf('Vùng');
    const r = report([fdiNew], [{ ...snap, headers: snap.headers.map((h, j) => (j === i ? 'Khác' : h)) }]);
    expect(codes(r, 'columnMissing')[0]).toMatchObject({ cell: 'AnhXa!A1', level: 'error' });
  });

  test('precedence: contract tables win over AnhXa blocks; AnhXa wins over recognition for the sheets it names; other sheets are still recognised', () => {
    const contract = projects([['P9', 'FDI', 'Cấp mới', '01/02/2023', 7]]);
    const r1 = report([fdiNew], [contract, anhXaSnapshot(base())]);
    expect(metric(r1, 'fdi_new_capital')).toBe(7);
    expect(codes(r1, 'staffBlockContractWins')).toHaveLength(1);
    expect(r1.mappings![0]).toMatchObject({ from: 'AnhXa', used: false });

    // the AnhXa names "FDI cấp mới" (only its name column and a few fields); "Lao động" is recognised
    const labour = LAYOUTS['7'];
    const r2 = report([fdiNew, labour], [anhXaSnapshot(base().filter((r) => r.column !== 'D'))]);
    expect(r2.mappings!.map((m) => [m.sheet, m.from, m.used])).toEqual([
      ['FDI cấp mới', 'AnhXa', true],
      ['Lao động', 'recognised', true],
    ]);
    expect(metric(r2, 'labour_workers')).toBe(170);
    expect(r2.data.projects![0].country).toBeNull();

    // a sheet the table names with only bad rows is not guessed
    const r3 = report([fdiNew], [anhXaSnapshot(base().map((r) => ({ ...r, table: 'Tiền' })))]);
    expect(r3.data.projects).toBeNull();
    expect(codes(r3, 'anhXaRow')).toHaveLength(9);
  });

  test('English table and messages', () => {
    const rows = proposed([fdiNew], 'en').map((r) => (r.column === 'G' ? { ...r, unit: 'banana' } : r));
    const r = report([fdiNew], [anhXaSnapshot(rows, 'en')], 'en');
    expect(at(r, 'Mapping!H7')[0].message).toBe(
      'Mapping table, row 7: unit "banana" is not understood (for example: tỷ đồng, triệu đồng, triệu USD, nghìn USD); this row is not used.',
    );
    expect(codes(r, 'anhXaBlockNotUsed')[0].message).toBe('Mapping table, sheet "FDI cấp mới", range A3:G12: no capital for the Projects table; this range is not read.');
  });
});
