// The adapter styles the sheet by areas of one style. A merge's other cells are not in the plan's
// cells (SheetPlan.merges): each takes the style of the merge's first cell, borders included.
import { CellStyle, SheetPlan } from '../../src/core/report/sheet-plan';
import { styledAreas } from '../../src/excel/plan-layout';

const font = { name: 'Times New Roman', size: 12 };
const boxed: CellStyle = { font, horizontal: 'left', vertical: 'top', wrap: true, border: ['top', 'bottom', 'left', 'right'] };
const plain: CellStyle = { font, horizontal: 'left', vertical: 'top', wrap: true };

const sheet = (cells: SheetPlan['cells'], merges: SheetPlan['merges']): SheetPlan => ({
  name: 'S',
  columns: [10, 10, 10, 10],
  rowHeights: {},
  cells,
  merges,
  print: { paper: 'A4', orientation: 'portrait', margins: { top: 1, bottom: 1, left: 1, right: 1, header: 0.3, footer: 0.3 }, fitToWidth: 1, fitToHeight: 0, horizontalCentered: false, pageNumbers: 'all' },
  printTitleRows: null,
  lastRow: 3,
  lastCol: 4,
});

test("a merge's other cells take its first cell's style: rows of merged bordered cells are one area", () => {
  const rows = [1, 2, 3].flatMap((row) => [
    { row, col: 1, value: `a${row}`, style: boxed },
    { row, col: 3, value: `b${row}`, style: boxed },
  ]);
  const merges = [1, 2, 3].flatMap((row) => [
    { top: row, left: 1, bottom: row, right: 2 },
    { top: row, left: 3, bottom: row, right: 4 },
  ]);
  const areas = styledAreas(sheet(rows, merges));
  expect(areas.map(({ top, left, bottom, right }) => ({ top, left, bottom, right }))).toEqual([{ top: 1, left: 1, bottom: 3, right: 4 }]);
  expect(areas[0].style.border).toEqual(['top', 'bottom', 'left', 'right']);
});

test('a cell set twice takes its last style; a merge without a planned first cell styles nothing', () => {
  const areas = styledAreas(
    sheet(
      [
        { row: 1, col: 1, value: 'x', style: boxed },
        { row: 1, col: 1, value: 'x', style: plain },
      ],
      [{ top: 2, left: 1, bottom: 2, right: 4 }],
    ),
  );
  expect(areas).toEqual([{ style: plain, top: 1, left: 1, bottom: 1, right: 1 }]);
});
