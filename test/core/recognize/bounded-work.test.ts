// Recognition ends in bounded work on large and wide sheets (issue 19: POI's 58896.xlsx, a 103×353
// grid with 1,475 merges, and no_drawing_patriarch.xlsx, 7,577×10, took seconds to tens of
// seconds). The work is counted in cells read and blocks judged, never timed here (`npm run bench`).
// A sheet past the per-sheet budget is examined up to a row and says so on Kiểm tra.
import { CellValue } from '../../../src/core/records/snapshot';
import { SheetGrid, recognizeWorkbook } from '../../../src/core/recognize';
import { tallGrid as tall, wideGrid } from '../../../scripts/bench/large-grids';

const area = (g: SheetGrid) => g.cells.length * g.cells.reduce((w, r) => Math.max(w, r.length), 0);

describe('recognition work is bounded', () => {
  test('a tall sheet of 8,000 × 10 free-text cells is read in a few passes over its cells', () => {
    const g = tall(8000);
    const rec = recognizeWorkbook([g]);
    expect(rec.work.cells).toBeLessThanOrEqual(10 * area(g));
    expect(rec.work.blocksJudged).toBeLessThanOrEqual(10);
    expect(rec.problems.filter((p) => p.code === 'staffSheetTooLarge')).toEqual([]);
  });

  test('a wide sheet like POI’s 58896 (100 × 350, 1,520 merges, 35 lists side by side in 10 bands): each list judged once, cells read a bounded number of times', () => {
    const grid = wideGrid();
    expect(grid.merges).toHaveLength(1520);
    expect(grid.cells.length).toBe(100);
    const rec = recognizeWorkbook([grid]);
    // per band: the 35 lists side by side and the header row whole, each judged once (twice or more before)
    expect(rec.work.blocksJudged).toBeLessThanOrEqual(10 * (35 + 2));
    expect(rec.work.cells).toBeLessThanOrEqual(20 * area(grid));
    // the lists are English words of no report table: one block per band, not used
    expect(rec.proposals).toHaveLength(10);
    expect(rec.proposals.every((p) => !p.usable)).toBe(true);
  });

  test('a sheet past the budget is examined up to a row, and Kiểm tra says so in the staff’s words', () => {
    const rows: CellValue[][] = [
      ['STT', 'Tên dự án', 'Vốn đầu tư'],
      [1, 'Nhà máy A', 10],
      [2, 'Nhà máy B', 20],
      [null],
      [null],
      ...tall(3000).cells,
    ];
    const rec = recognizeWorkbook([{ name: 'Lớn', cells: rows, merges: [] }], { sheetWork: 20_000 });
    const note = rec.problems.filter((p) => p.code === 'staffSheetTooLarge');
    expect(note).toHaveLength(1);
    expect(note[0].level).toBe('info');
    expect(note[0].message).toMatch(/^Trang "Lớn" quá lớn để xem hết: chỉ xem đến dòng [\d.]+ trong 3\.005 dòng/);
    expect(rec.work.cells).toBeLessThanOrEqual(20_000 + 3 * 10 * 3005);
    // the list before the cut is still found
    expect(rec.proposals[0].range).toBe('A1:C3');
    const en = recognizeWorkbook([{ name: 'Big', cells: rows, merges: [] }], { sheetWork: 20_000, lang: 'en' });
    expect(en.problems.find((p) => p.code === 'staffSheetTooLarge')!.message).toMatch(/^Sheet "Big" is too large to examine in full: examined down to row [\d,]+ of 3,005/);
  });

  test('the default budget is never reached by a sheet the staff keep', () => {
    const rec = recognizeWorkbook([tall(2000)]);
    expect(rec.problems.some((p) => p.code === 'staffSheetTooLarge')).toBe(false);
  });
});
