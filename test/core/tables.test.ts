// Bảng 1–4 (src/core/tables.ts): each figure column fitted so that its widest figure stands on one
// line, however large the figures, with the widths still sharing the text width.
import { buildReport } from '../../src/core/engine';
import { CellValue } from '../../src/core/snapshot';
import { columnNeedsPt, TABLE_TEXT, TEXT_WIDTH_PT } from '../../src/core/column-fit';
import { exampleSnapshots } from '../document/example-report';
import { TableModel } from '../../src/core/tables';

const tablesOf = (r: ReturnType<typeof buildReport>): TableModel[] => r.model.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));

const PAD = 2 * TABLE_TEXT.paddingMm * (72 / 25.4);

/** The example with every amount of the enterprise and budget lists multiplied: totals of 12+ digits. */
function largeFigures(factor: number) {
  return exampleSnapshots().map((s) => {
    if (s.name !== 'SanXuatKinhDoanh' && s.name !== 'NganSach') return s;
    const numeric = s.headers.map((h) => ['Doanh thu', 'Xuất khẩu', 'Nhập khẩu', 'Nộp ngân sách', 'Số nộp'].includes(h));
    return { ...s, rows: s.rows.map((r) => r.map((v, i): CellValue => (numeric[i] && typeof v === 'number' ? v * factor + 0.37 : v))) };
  });
}

describe('Bảng 1–4: figures never wrap', () => {
  test.each([1, 1e4, 1e7])('amounts × %d: every figure column holds its widest figure on one line', (factor) => {
    const r = buildReport(largeFigures(factor), { today: '2023-07-01' });
    expect(tablesOf(r).length).toBeGreaterThanOrEqual(3);
    const enterprise = tablesOf(r).find((t) => t.id === 'enterprise')!;
    // the multiplied figures are in the table, as long as the factor makes them
    const longest = Math.max(...enterprise.rows.flatMap((row) => row.cells.slice(1).map((c) => c.length)));
    expect(longest).toBeGreaterThanOrEqual(factor === 1e7 ? 15 : 5);
    for (const t of tablesOf(r)) {
      expect(t.columns.reduce((a, c) => a + c.width, 0)).toBeCloseTo(1, 9);
      const needs = columnNeedsPt(t.columns, t.rows);
      t.columns.forEach((c, i) => {
        if (c.align !== 'right') return;
        expect([t.id, i, c.width * TEXT_WIDTH_PT >= needs[i] + PAD]).toEqual([t.id, i, true]);
        expect(c.minPt).toBeCloseTo(needs[i], 6);
      });
    }
  });
});
