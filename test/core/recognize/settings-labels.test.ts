// A setting's label is read as a label: a whole cell that reads like the key, with a value of its
// kind beside it (a date for the period). A list of airport codes holding "DEN" (Denver; POI's
// 46535) is not the end of the period, nor "TO"/"FROM" codes its bounds.
import { CellValue } from '../../../src/core/records/snapshot';
import { GridView } from '../../../src/core/recognize/grid';
import { findSettings } from '../../../src/core/recognize/settings';
import { recognizeWorkbook } from '../../../src/core/recognize';

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));
const settingsOf = (cells: CellValue[][]) => findSettings(new GridView({ name: 'S', cells, merges: [] }));

describe('settings labels', () => {
  test('airport codes "DEN", "TO" and "FROM" beside names are not the period', () => {
    const cells: CellValue[][] = [
      ['ATL', 'Hartsfield–Jackson Atlanta', 1],
      ['DEN', 'Denver International', 743],
      ['TO', 'Toronto Pearson'],
      ['FROM', 'Somewhere'],
      ['END', 'Endicott'],
    ];
    expect(settingsOf(cells)).toBeNull();
    const rec = recognizeWorkbook([{ name: 'CodeLists', cells, merges: [] }]);
    expect(rec.snapshots).toEqual([]);
    expect(rec.problems.some((p) => p.code === 'staffSettingsRead')).toBe(false);
  });

  test('a code-like "DEN" beside a date is still not a label; "Đến" and "Đến ngày:" are', () => {
    expect(settingsOf([['DEN', '30/06/2024']])).toBeNull();
    expect(settingsOf([['Đến', '30/06/2024']])!.entries.map((e) => e.key)).toEqual(['periodEnd']);
    expect(settingsOf([['Từ ngày:', d(2024, 1, 1)], ['Đến ngày: 30/06/2024']])!.entries.map((e) => [e.key, e.value])).toEqual([
      ['periodStart', d(2024, 1, 1)],
      ['periodEnd', '30/06/2024'],
    ]);
  });

  test('a period label needs a date beside it: "Đến ngày | chưa rõ" is not read', () => {
    expect(settingsOf([['Đến ngày', 'chưa rõ']])).toBeNull();
    expect(settingsOf([['To', 'Hanoi']])).toBeNull();
    // other settings take text
    expect(settingsOf([['Cơ quan:', 'Ban Quản lý KKT Hải Phòng']])!.entries.map((e) => e.key)).toEqual(['agency']);
  });

  test('three texts over a row of the same columns are a list’s header (POI 64759), stacked settings are not', () => {
    expect(settingsOf([['Title', 'Country', 'Position'], ['Title1', 'USA', 'QA'], ['Title2', 'Europe', 'Development']])).toBeNull();
    const stacked = settingsOf([['Cơ quan', 'Ban Quản lý KKT', 'ghi chú'], ['Người ký', 'Nguyễn Văn A', 'Trưởng ban'], ['Đến ngày', '30/06/2024']]);
    expect(stacked!.entries.map((e) => [e.key, e.value])).toEqual([
      ['agency', 'Ban Quản lý KKT'],
      ['signerName', 'Nguyễn Văn A'],
      ['periodEnd', '30/06/2024'],
    ]);
    expect(settingsOf([['Trích yếu:', 'Báo cáo 6 tháng', 'x'], ['a', 'b', 'c']])!.entries.map((e) => e.key)).toEqual(['title']);
  });
});
