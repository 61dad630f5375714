import { CellValue } from '../../../src/core/records/snapshot';
import { SheetGrid, recognizeWorkbook } from '../../../src/core/recognize';
import { ANHXA_COLUMNS, anhXaTable, proposalToAnhXaRows } from '../../../src/core/recognize/anhxa';

const grid = (name: string, cells: CellValue[][], merges: string[] = []): SheetGrid => ({ name, cells, merges });

const fdiNew = grid(
  'FDI cấp mới',
  [
    ['DANH MỤC DỰ ÁN FDI CẤP MỚI 6 THÁNG ĐẦU NĂM 2023', null, null, null, null, null, null],
    ['ĐVT: triệu USD'],
    ['STT', 'Tên DA', 'NĐT', 'Quốc gia', 'Vốn ĐT'],
    ['I', 'KCN Đình Vũ'],
    [1, 'Nhà máy A', 'A Co', 'Nhật Bản', 10.5],
    [2, 'Nhà máy B', 'B Co', 'Hàn Quốc', 20.25],
  ],
);

const labour = grid('Lao động', [
  ['SỐ LAO ĐỘNG NĂM 2023'],
  ['STT', 'Doanh nghiệp', 'Tháng 1', 'Tháng 2 (nghìn đồng)'],
  [1, 'Công ty A', 100, 120],
]);

describe('AnhXa rows from a proposal', () => {
  test('mapped columns, fixed values, group-row zone, id from name and the title unit, in Vietnamese', () => {
    const [p] = recognizeWorkbook([fdiNew]).proposals;
    const rows = proposalToAnhXaRows(p, 'vi');
    const base = { sheet: 'FDI cấp mới', range: p.range, headerRows: 1, table: 'DuAn' };
    expect(rows).toEqual([
      { ...base, column: 'B', header: 'Tên DA', field: 'Tên dự án', unit: '', month: '', value: '' },
      { ...base, column: 'C', header: 'NĐT', field: 'Nhà đầu tư', unit: '', month: '', value: '' },
      { ...base, column: 'D', header: 'Quốc gia', field: 'Quốc gia', unit: '', month: '', value: '' },
      { ...base, column: 'E', header: 'Vốn ĐT', field: 'Vốn đầu tư', unit: '', month: '', value: '' },
      { ...base, column: '', header: '', field: 'Nguồn vốn', unit: '', month: '', value: 'FDI' },
      { ...base, column: '', header: '', field: 'Loại', unit: '', month: '', value: 'Cấp mới' },
      { ...base, column: '', header: '', field: 'Khu', unit: '', month: '', value: '(dòng nhóm)' },
      { ...base, column: '', header: '', field: 'Mã dự án', unit: '', month: '', value: '(tên dự án)' },
      { ...base, column: '', header: '', field: '', unit: 'triệu USD', month: '', value: '' },
    ]);
  });

  test('months laid out across carry their month and unit; English names the table and fields by key', () => {
    const [p] = recognizeWorkbook([labour]).proposals;
    const rows = proposalToAnhXaRows(p, 'en');
    expect(rows.map((r) => [r.table, r.column, r.field, r.month, r.unit])).toEqual([
      ['Labour', 'B', 'enterprise', '', ''],
      ['Labour', 'C', 'workers', '01/2023', ''],
      ['Labour', 'D', 'workers', '02/2023', 'nghìn đồng'],
    ]);
  });

  test('the table has one header per column and one value per header', () => {
    const [p] = recognizeWorkbook([fdiNew]).proposals;
    const t = anhXaTable(proposalToAnhXaRows(p), 'vi');
    expect(t.name).toBe('AnhXa');
    expect(t.headers).toEqual(ANHXA_COLUMNS.map((c) => c.vi));
    expect(t.values.every((r) => r.length === t.headers.length)).toBe(true);
  });
});

test('the table says how wide each column is: fit to its longest text, 8 to 60 characters', () => {
  const [p] = recognizeWorkbook([fdiNew]).proposals;
  const t = anhXaTable(proposalToAnhXaRows(p), 'vi');
  expect(t.widths).toHaveLength(t.headers.length);
  t.headers.forEach((h, i) => {
    const longest = Math.max(h.length, ...t.values.map((r) => String(r[i]).length));
    expect(t.widths[i]).toBe(Math.min(60, Math.max(8, longest + 2)));
  });
});
