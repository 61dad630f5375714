// Large and wide plain sheets for recognition (issue 19: POI's no_drawing_patriarch.xlsx, 7,577×10,
// and 58896.xlsx, a 103×353 grid with 1,475 merges, took seconds to tens of seconds). Used by the
// bounded-work tests (test/core/recognize/bounded-work.test.ts) and by `npm run bench`.
import { CellValue, columnLetters } from '../../src/core/records/snapshot';
import { SheetGrid, recognizeWorkbook } from '../../src/core/recognize';

/** A tall list of free text, every cell different (a log or a price list), 10 columns. */
export function tallGrid(rows: number): SheetGrid {
  const cells: CellValue[][] = [];
  for (let r = 0; r < rows; r++) cells.push(Array.from({ length: 10 }, (_, c) => (c === 0 ? r + 1 : `Mục ${r} cột ${c} ghi chú dự án khu nhà máy số ${r * 7 + c}`)));
  return { name: 'Nhật ký', cells, merges: [] };
}

/**
 * A wide sheet like POI's 58896 (100 × 350, about 1,500 merges): ten bands, each a header row
 * across the sheet and a row of figures, then 35 lists side by side ("Description" merged over six
 * columns, "Amount", "Penalty"; two blank columns apart), their descriptions merged in the same way.
 */
export function wideGrid(): SheetGrid {
  const width = 350;
  const cells: CellValue[][] = [];
  const merges: string[] = [];
  const across = ['Year', 'Worker', 'Revenue', 'RRSP', 'TFSA', 'Investment', 'Savings', 'Net worth'];
  const row = () => new Array<CellValue>(width).fill(null);
  for (let band = 0; band < 10; band++) {
    const top = cells.length + 1;
    const [head, figures, listHead, ...lists] = [row(), row(), row(), row(), row(), row(), row()];
    for (let g = 0; g * 10 + 8 <= width; g++) {
      const c = g * 10;
      across.forEach((w, i) => {
        head[c + i] = w;
        figures[c + i] = i === 1 ? 'Employee' : band * 1000 + g * 10 + i;
      });
      listHead[c] = 'Description';
      listHead[c + 6] = 'Amount';
      listHead[c + 7] = 'Penalty';
      merges.push(`${columnLetters(c + 1)}${top + 2}:${columnLetters(c + 6)}${top + 2}`);
      const n = g % 3 === 0 ? 4 : 3;
      for (let k = 0; k < n; k++) {
        lists[k][c] = `Bought TFSA ${band}.${g}.${k}`;
        lists[k][c + 6] = 100 * k + g;
        lists[k][c + 7] = 0;
        merges.push(`${columnLetters(c + 1)}${top + 3 + k}:${columnLetters(c + 6)}${top + 3 + k}`);
      }
    }
    cells.push(head, figures, listHead, ...lists, row(), row(), row());
  }
  return { name: 'Sheet0', cells, merges };
}

export interface RecognitionBench {
  name: string;
  rows: number;
  columns: number;
  merges: number;
  ms: number;
  cells: number;
  blocksJudged: number;
}

/**
 * CPU time of recognising each grid once, as a report does: the first run, with the remembered
 * folds and header words of the run before it cleared by texts of their own (every grid's differ).
 */
export function benchRecognition(): RecognitionBench[] {
  const grids: [string, SheetGrid][] = [
    ['8,000 × 10 free text', tallGrid(8000)],
    ['100 × 350, 1,520 merges, 35 lists side by side in each of 10 bands', wideGrid()],
  ];
  return grids.map(([name, g]) => {
    const t0 = process.cpuUsage();
    const { work } = recognizeWorkbook([g]);
    const used = process.cpuUsage(t0);
    return { name, rows: g.cells.length, columns: Math.max(...g.cells.map((r) => r.length)), merges: g.merges.length, ms: (used.user + used.system) / 1000, ...work };
  });
}
