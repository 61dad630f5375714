// Recognition ends in bounded work on large and wide sheets (issue 19: POI's 58896.xlsx, a 103×353
// grid with 1,475 merges, and no_drawing_patriarch.xlsx, 7,577×10, took seconds to tens of
// seconds). The work is counted in cells read and blocks judged, never timed here (`npm run bench`).
// A sheet past the per-sheet budget is examined up to a row and says so on Kiểm tra.
import { CellValue } from '../../../src/core/snapshot';
import { SheetGrid, recognizeWorkbook } from '../../../src/core/recognize';
import { columnLetters } from '../../../src/core/snapshot';

/** A tall list of free text, every cell different (a log or a translation table), 10 columns. */
function tall(rows: number): SheetGrid {
  const cells: CellValue[][] = [];
  for (let r = 0; r < rows; r++) cells.push(Array.from({ length: 10 }, (_, c) => (c === 0 ? r + 1 : `Mục ${r} cột ${c} ghi chú dự án khu nhà máy số ${r * 7 + c}`)));
  return { name: 'Nhật ký', cells, merges: [] };
}

/**
 * A wide sheet like POI's 58896: ten bands of a header row whose cells are field words in pairs
 * split by blank columns (each pair merged over two columns), under it rows of figures.
 */
function wide(): { grid: SheetGrid; merges: number } {
  const width = 350;
  const cells: CellValue[][] = [];
  const merges: string[] = [];
  for (let band = 0; band < 10; band++) {
    const top = cells.length + 1;
    const header: CellValue[] = new Array(width).fill(null);
    const words = ['Tên dự án', 'Vốn đầu tư', 'Số lao động', 'Doanh thu', 'Ngày cấp', 'Nhà đầu tư'];
    for (let c = 0, k = 0; c + 2 < width; c += 3, k++) {
      header[c] = words[k % words.length];
      merges.push(`${columnLetters(c + 1)}${top}:${columnLetters(c + 2)}${top}`);
    }
    cells.push(header);
    for (let r = 0; r < 7; r++) cells.push(Array.from({ length: width }, (_, c) => (c % 3 === 2 ? null : (band + 1) * 1000 + r * 10 + c)));
    cells.push(new Array(width).fill(null), new Array(width).fill(null));
  }
  return { grid: { name: 'Sheet0', cells, merges }, merges: merges.length };
}

const area = (g: SheetGrid) => g.cells.length * g.cells.reduce((w, r) => Math.max(w, r.length), 0);

describe('recognition work is bounded', () => {
  test('a tall sheet of 8,000 × 10 free-text cells is read in a few passes over its cells', () => {
    const g = tall(8000);
    const rec = recognizeWorkbook([g]);
    expect(rec.work.cells).toBeLessThanOrEqual(10 * area(g));
    expect(rec.work.blocksJudged).toBeLessThanOrEqual(10);
    expect(rec.problems.filter((p) => p.code === 'staffSheetTooLarge')).toEqual([]);
  });

  test('a wide sheet of 100 × 350 with 1,500 merges: every block judged once, cells read a bounded number of times', () => {
    const { grid, merges } = wide();
    expect(merges).toBeGreaterThanOrEqual(1150);
    expect(grid.cells.length).toBe(100);
    const rec = recognizeWorkbook([grid]);
    // one judgement per block found (and per whole header row it was split from), none repeated
    expect(rec.work.blocksJudged).toBeLessThanOrEqual(2 * rec.proposals.length + 20);
    expect(rec.work.cells).toBeLessThanOrEqual(60 * area(grid));
    expect(rec.proposals.length).toBeGreaterThan(0);
  });

  test('the wide sheet with 1,500 merges of 2 × 1 cells still ends within the budget', () => {
    const { grid } = wide();
    const extra: string[] = [];
    for (let r = 0; extra.length + grid.merges.length < 1500; r++) if (r % 10 !== 0) extra.push(`${columnLetters(3 * (r % 100) + 3)}${r + 1}:${columnLetters(3 * (r % 100) + 3)}${r + 1}`);
    const rec = recognizeWorkbook([{ ...grid, merges: [...grid.merges, ...extra] }]);
    expect(rec.work.cells).toBeLessThanOrEqual(60 * area(grid));
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
