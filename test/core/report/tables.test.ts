// Bảng 1–4 (src/core/report/tables.ts): each figure column fitted so that its widest figure stands on one
// line, however large the figures, with the widths still sharing the text width.
import { buildReport } from '../../../src/core/engine';
import { CellValue } from '../../../src/core/records/snapshot';
import { columnNeedsPt, TABLE_TEXT, TEXT_WIDTH_PT } from '../../../src/core/report/column-fit';
import { exampleSnapshots } from '../../document/example-report';
import { TableModel } from '../../../src/core/report/tables';
import { inlineText } from '../../../src/core/report/sheet-plan';
import { projects, run, settings, table } from '../../helpers/tables';

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

describe('a comparison with last year reads the same in the text, Bảng 1, the chart label and Số liệu', () => {
  // DDI this period: 988,4 (one new project); last year's figure varies: rises, falls, near 100, over 2×
  const priors = [900, 800, 950, 1000, 985.5, 991.2, 1272.7, 420, 494.2, 988.4, 2000];
  test.each(priors)('last year %d', (prior) => {
    const r = run([
      settings(['01/01/2024', '30/09/2024']),
      projects([['D1', 'DDI', 'Cấp mới', '05/03/2024', 988.4]]),
      table('KeHoach', ['Chỉ tiêu', 'Năm', 'Kế hoạch', 'Cùng kỳ'], [['ddi_capital', 2024, 3000, prior]]),
    ]);
    const pct = r.metrics.get('ddi_vs_prior_pct')!.value as number;
    expect(pct).toBeCloseTo((988.4 / prior) * 100, 9);
    const text = r.model.blocks.flatMap((b) => (b.kind === 'paragraph' ? [inlineText(b.inlines)] : [])).join('\n');
    const cell = tablesOf(r).find((t) => t.id === 'investment')!.rows.find((x) => x.cells[0] === 'So với cùng kỳ (%)')!.cells.at(-1)!;
    const said = /bằng ([\d.,]+)% cùng kỳ năm trước/.exec(text)?.[1];
    if (said) expect(cell).toBe(said);
    else expect(text).toMatch(/gấp [\d,]+ lần cùng kỳ năm trước|tương đương cùng kỳ năm trước/);
    // Số liệu states the figure as the table does
    const figures = r.plan.sheets.find((s) => s.name === 'Số liệu')!.cells.map((c) => c.value);
    expect(figures).toContain(cell);
    // the chart's label for this period names the same comparison as the text
    const label = r.model.blocks.flatMap((b) => (b.kind === 'figure' ? b.chart.series.flatMap((s) => s.labels ?? []) : [])).find((l) => l.startsWith('988,4'));
    if (label && said && !/giảm/.test(label)) expect(label).toContain(`bằng ${said}%`);
  });
});

test('Số liệu writes a figure at the decimals the workbook\'s own sentence asks for ({fdi_pct_plan:1}, not the built-in :2)', () => {
  const snaps = (mau: string | null) => [
    settings(['01/01/2024', '30/06/2024']),
    projects([['F1', 'FDI', 'Cấp mới', '05/03/2024', 100]]),
    table('KeHoach', ['Chỉ tiêu', 'Năm', 'Kế hoạch', 'Cùng kỳ'], [['fdi_capital', 2024, 300, 80]]),
    ...(mau ? [table('MauCau', ['Mã câu', 'Mẫu câu'], [['fdi', mau]])] : []),
  ];
  const shown = (r: ReturnType<typeof run>) => {
    const sheet = r.plan.sheets.find((s) => s.name === 'Số liệu')!;
    const row = sheet.cells.find((c) => c.col === 1 && c.value === 'fdi_pct_plan')!.row;
    return sheet.cells.find((c) => c.row === row && c.col === 3)!.value;
  };
  const text = (r: ReturnType<typeof run>) => r.model.blocks.flatMap((b) => (b.kind === 'paragraph' ? [inlineText(b.inlines)] : [])).join('\n');
  const built = run(snaps(null));
  expect(shown(built)).toBe('33,33');
  expect(text(built)).toContain('33,33%');
  const own = run(snaps('Thu hút {fdi_total_capital} triệu USD, đạt {fdi_pct_plan:1}% kế hoạch.'));
  expect(text(own)).toContain('đạt 33,3% kế hoạch');
  expect(shown(own)).toBe('33,3');
});
