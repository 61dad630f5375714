import { estimateLines, inlineText, rowHeightFor, continuedRowHeight, splitForRows, superscript, spanWidthPt, headingBreaks, buildSheetPlan, MAX_PROBLEM_ROWS, SheetPlan, tableSpans, PlannedCell } from '../../../src/core/report/sheet-plan';
import { exampleReport } from '../../document/example-report';
import { table, settings, projects, run } from '../../helpers/tables';
import { Problem, Problems, cellsText, problemList, whyText } from '../../../src/core/problems';
import { stressReport } from '../../visual/stress-workbook';

const H1 = ['01/01/2023', '30/06/2023'] as [string, string];
const long = 'Ban Quản lý tập trung nâng cao hiệu quả hoạt động xúc tiến đầu tư tại chỗ. '.repeat(60);
const r = run([
  settings(H1, { CoQuan: 'Ban Quản lý', CoQuanChuQuan: 'UBND thành phố', NguoiKy: 'Nguyễn Văn A', ChucVuKy: 'Trưởng ban' }),
  projects([['A', 'FDI', 'Cấp mới', '01/02/2023', 281], ['B', 'FDI', 'Cấp mới', '01/03/2023', 1234.567]]),
  table('NoiDung', ['Mục', 'Tiêu đề', 'Nội dung'], [['I', 'Một', long], ['I.1', 'Hai', '+84 là số điện thoại']]),
]);
const [report, figures, checks] = r.plan.sheets;
const cellAt = (s: SheetPlan, row: number, col: number) => s.cells.find((c) => c.row === row && c.col === col);
/** The least height a cell's row needs: its lines, with the space under them unless it is a body row that a paragraph continues from. */
const heightNeeded = (c: PlannedCell, lines: number) => (c.style.horizontal === 'justify' && !c.style.font.bold ? continuedRowHeight : rowHeightFor)(lines, c.style.font.size);

test('three sheets: the report, the figures, the checks', () => {
  expect(r.plan.sheets.map((s) => s.name)).toEqual(['Báo cáo', 'Số liệu', 'Kiểm tra']);
  expect(r.plan.marker).toBe('BaoCao.report.v1');
});

test('A4 portrait, 20/20/30/15 mm margins, one page wide', () => {
  expect(report.print.paper).toBe('A4');
  expect(report.print.orientation).toBe('portrait');
  const mm = (inch: number) => Math.round(inch * 25.4);
  expect([mm(report.print.margins.top), mm(report.print.margins.bottom), mm(report.print.margins.left), mm(report.print.margins.right)]).toEqual([20, 20, 30, 15]);
  expect(report.print.fitToWidth).toBe(1);
  expect(report.print.fitToHeight).toBe(0);
});

test('header block: two columns, Times New Roman, bold where the decree says', () => {
  expect(cellAt(report, 1, 1)!.value).toBe('UBND THÀNH PHỐ');
  expect(cellAt(report, 1, 7)).toMatchObject({ value: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', style: { font: { name: 'Times New Roman', size: 12, bold: true } } });
  expect(cellAt(report, 2, 1)).toMatchObject({ value: 'BAN QUẢN LÝ', style: { font: { bold: true } } });
  expect(cellAt(report, 2, 7)).toMatchObject({ value: 'Độc lập - Tự do - Hạnh phúc', style: { font: { size: 14, bold: true, underline: true } } });
  // the left block A–F and the right block G–Q, 267 and 358 pixels as the decree's sample needs
  expect(report.merges).toContainEqual({ top: 1, left: 1, bottom: 1, right: 6 });
  expect(report.merges).toContainEqual({ top: 1, left: 7, bottom: 1, right: 17 });
  const px = (w: number) => Math.trunc(w * 7 + 1e-6);
  expect([report.columns.slice(0, 6), report.columns.slice(6)].map((ws) => ws.reduce((a, w) => a + px(w), 0))).toEqual([267, 358]);
  for (const c of report.cells) expect(c.style.font.name).toBe('Times New Roman');
});

test('long paragraphs are split into rows that fit, and every row is tall enough for its text', () => {
  const total = spanWidthPt(report.columns, 1, 6);
  const body = report.cells.filter((c) => typeof c.value === 'string' && c.value.length > 40 && long.includes(c.value));
  expect(body.length).toBeGreaterThan(1);
  expect(body.map((c) => c.value).join(' ')).toBe(long.trim());
  for (const c of report.cells) {
    if (typeof c.value !== 'string' || !c.style.wrap) continue;
    const merge = report.merges.find((m) => m.top === c.row && m.left === c.col);
    const width = spanWidthPt(report.columns, c.col, merge ? merge.right : c.col);
    expect(report.rowHeights[c.row]).toBeGreaterThanOrEqual(heightNeeded(c, estimateLines(c.value, width, c.style.font.size, c.style.font.bold)));
    expect(report.rowHeights[c.row]).toBeLessThanOrEqual(409);
  }
  expect(splitForRows('ngắn', total, 14)).toEqual(['ngắn']);
});

test('text that looks like a formula stays a string value', () => {
  expect(report.cells.some((c) => c.value === '+84 là số điện thoại')).toBe(true);
});

test('figures sheet: the value in Vietnamese text where it prints, the number beside it outside the print area, source and reason', () => {
  const row = figures.cells.find((c) => c.col === 1 && c.value === 'fdi_new_capital')!.row;
  expect(cellAt(figures, row, 3)!.value).toBe('1.515,57');
  expect(cellAt(figures, row, 7)!.value).toBe(1515.567);
  const numbers = figures.cells.filter((c) => c.col === 7 && typeof c.value === 'number');
  expect(numbers.length).toBeGreaterThan(3);
  expect(numbers.some((c) => !Number.isInteger(c.value))).toBe(true); // a ratio at least
  // each value at the decimals the text writes it with: percentages as their sentence asks (38,8), amounts up to 2
  const decimalsOf: Record<string, [number, number]> = { fdi_pct_plan: [2, 2], export_pct_plan: [1, 1], fdi_vs_prior_pct: [1, 1], labour_avg_income: [1, 1], fdi_new_count: [0, 0] };
  for (const c of numbers) {
    const n = c.value as number;
    const key = String(cellAt(figures, c.row, 1)!.value);
    const pct = /%/.test(String(cellAt(figures, c.row, 4)!.value));
    const [min, max] = decimalsOf[key] ?? (pct ? [1, 1] : [0, 2]);
    expect(cellAt(figures, c.row, 3)!.value).toBe(new Intl.NumberFormat('vi-VN', { minimumFractionDigits: min, maximumFractionDigits: max, roundingMode: 'halfExpand' } as Intl.NumberFormatOptions).format(n));
  }
  expect(numbers.some((c) => cellAt(figures, c.row, 1)!.value === 'fdi_new_count')).toBe(true);
  // the example: the figures sheet prints 38,8 where the text says 38,8% (not 38,85)
  const ex = exampleReport().plan.sheets[1];
  const exRow = ex.cells.find((c) => c.col === 1 && c.value === 'export_pct_plan')!.row;
  expect(cellAt(ex, exRow, 3)!.value).toBe('38,8');
  const fdiRow = ex.cells.find((c) => c.col === 1 && c.value === 'fdi_pct_plan')!.row;
  expect(cellAt(ex, fdiRow, 3)!.value).toBe('33,11');
  expect(figures.printArea).toEqual({ lastRow: r.model.figures.length + 2, lastCol: 6 });
  expect(figures.cells.filter((c) => c.col === 7 && c.row <= figures.printArea!.lastRow && c.row > 2).every((c) => c.value === null || typeof c.value === 'number')).toBe(true);
  expect(cellAt(figures, row, 5)!.value).toMatch(/^DuAn: FDI, Cấp mới/);
  const missing = figures.cells.find((c) => c.col === 1 && c.value === 'labour_workers')!.row;
  expect(cellAt(figures, missing, 3)!.value).toBe('');
  expect(cellAt(figures, missing, 7)!.value).toBeNull();
  expect(cellAt(figures, missing, 6)!.value).toBe('chưa có bảng tổng hợp lao động của doanh nghiệp');
});

test('checks sheet lists every problem with its cell: one line per message, its cells together', () => {
  const { issues, read } = problemList(r.problems);
  const lines = checks.cells.filter((c) => c.col === 3 && c.row > 1);
  expect(lines.map((c) => c.value)).toEqual([...issues, ...read].map((l) => l.message));
  expect(lines.length).toBeLessThanOrEqual(r.problems.length); // a repeated message is one line (merging is tested below)
  for (const l of [...issues, ...read]) {
    const row = lines.find((c) => c.value === l.message)!.row;
    expect(cellAt(checks, row, 2)!.value).toBe(cellsText(l.cells, 'vi', 60));
  }
  expect([...issues, ...read].reduce((n, l) => n + l.count, 0)).toBe(r.problems.length);
});

/** The staff-sheet example of issue 18: one warning among 128 notes of what was read, a message 14 times. */
function noisy(lang: 'vi' | 'en' = 'vi'): Problem[] {
  const p = new Problems(lang);
  for (let i = 0; i < 64; i++) {
    p.add('info', `'FDI cấp mới'!B${i + 6}`, 'staffGroupRow', { row: i + 6, text: `KCN ${i}` });
    p.add('info', `'Lao động'!B${2 * i + 6}`, 'staffSubtotalRow', { row: 2 * i + 6, text: `Cộng KCN ${i}` });
  }
  p.add('info', "'FDI cấp mới'!A4:G525", 'staffBlockMapped', { sheet: 'FDI cấp mới', range: 'A4:G525', table: 'DuAn', en: 'Projects', confidence: 100, columns: 'cột "Tên dự án" → Tên dự án' });
  p.add('warning', "'FDI cấp mới'!G525", 'staffTotalMismatch', { row: 525, text: 'Tổng cộng', header: 'Vốn đầu tư', total: '16.645,41', rows: 499, sum: '16.644,41' });
  for (const r of [7, 9, 12, 15, 16, 17, 18, 20, 22, 25, 30, 31, 40, 41]) p.add('error', `DuAn!F${r}`, 'badValue', { text: 'x', header: 'Vốn đầu tư', why: whyText('notNumber', lang), row: r });
  p.add('info', 'DuAn!A1:I50', 'rowsRead', { table: 'DuAn', read: 35, skipped: 14 });
  return p.list;
}

test('Kiểm tra: errors, then warnings, then the rest, each message once with its cells; what was read under its own heading', () => {
  const sheet = buildSheetPlan(r.model, noisy()).sheets[2];
  const col = (c: number) => sheet.cells.filter((x) => x.col === c && x.row > 1).map((x) => x.value);
  expect(col(1).slice(0, 3)).toEqual(['Lỗi', 'Cảnh báo', 'Thông tin']);
  expect(cellAt(sheet, 2, 2)!.value).toBe('DuAn!F7, F9, F12, F15:F18, F20, F22, F25, F30:F31, F40:F41 (14 ô)');
  expect(cellAt(sheet, 2, 3)!.value).toBe('Giá trị ở cột "Vốn đầu tư" không phải là số: các dòng này không được tính.');
  expect(cellAt(sheet, 3, 3)!.value).toMatch(/^Dòng 525 "Tổng cộng", cột "Vốn đầu tư": ghi 16.645,41/);
  expect(cellAt(sheet, 4, 3)!.value).toMatch(/^Bảng DuAn: đọc 35 dòng/);
  // a blank row, then the heading, then what was read: the block, then its rows sheet by sheet
  expect(cellAt(sheet, 5, 1)).toBeUndefined();
  expect(cellAt(sheet, 6, 1)!.value).toBe('Dữ liệu đã đọc từ các trang tính');
  expect(sheet.merges).toContainEqual({ top: 6, left: 1, bottom: 6, right: 3 });
  expect([7, 8, 9].map((row) => cellAt(sheet, row, 3)!.value)).toEqual([
    'Dòng nhóm, không phải số liệu: không tính vào tổng.',
    'Dòng cộng nhóm: không tính (đã có các dòng chi tiết).',
    expect.stringMatching(/^Trang "FDI cấp mới", vùng A4:G525: đọc như bảng DuAn/),
  ]);
  expect(cellAt(sheet, 7, 2)!.value).toBe("'FDI cấp mới'!B6:B69 (64 ô)");
  expect(sheet.lastRow).toBe(9);
  const en = buildSheetPlan({ ...r.model, lang: 'en' }, noisy('en')).sheets[2];
  expect(cellAt(en, 2, 2)!.value).toBe('DuAn!F7, F9, F12, F15:F18, F20, F22, F25, F30:F31, F40:F41 (14 cells)');
  expect(cellAt(en, 6, 1)!.value).toBe('What was read from the sheets');
});

test('line estimates follow real glyph widths', () => {
  const w = spanWidthPt([12.72, 12.72, 12.72, 16.72, 16.72, 17.72], 1, 6);
  expect(w).toBeGreaterThan(455);
  expect(w).toBeLessThan(468); // the A4 text width, 165 mm
  expect(estimateLines('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', spanWidthPt([12.72, 12.72, 12.72, 16.72, 16.72, 17.72], 4, 6), 12, true)).toBe(1);
  expect(estimateLines('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', spanWidthPt([12.72, 12.72, 12.72, 16.72, 16.72, 17.72], 4, 6), 14, true)).toBe(2);
  expect(estimateLines('một\nhai', 400, 14)).toBe(2);
  expect(estimateLines('m'.repeat(200), 100, 14)).toBeGreaterThan(10);
});

test('no heading ends a page: a heading that would is moved to the next page', () => {
  const heights: Record<number, number> = {};
  for (let r = 1; r <= 60; r++) heights[r] = 100;
  // 7 rows of 100 pt fit on a page (728 pt, filled to 98 %); row 7 is a heading → break after row 6;
  // every page end is listed, so that the renderer breaks where the plan does
  expect(headingBreaks(heights, 60, new Set([7]))).toEqual([6, 13, 20, 27, 34, 41, 48, 55]);
  expect(headingBreaks(heights, 60, new Set([5]))).toEqual([7, 14, 21, 28, 35, 42, 49, 56]);
  for (const b of report.breaksAfter ?? []) expect(report.cells.some((c) => c.row === b + 1)).toBe(true);
});

test('the checks sheet keeps at most MAX_PROBLEM_ROWS problems, errors first, and says how many more', () => {
  const problems = Array.from({ length: MAX_PROBLEM_ROWS + 10 }, (_, i) => ({ level: (i === MAX_PROBLEM_ROWS + 9 ? 'error' : 'info') as 'error' | 'info', cell: `A${i}`, code: 'rowsRead' as const, message: `m${i}` }));
  const sheet = buildSheetPlan(r.model, problems).sheets[2];
  const messages = sheet.cells.filter((c) => c.col === 3 && c.row > 1).map((c) => c.value);
  expect(messages).toHaveLength(MAX_PROBLEM_ROWS + 1);
  expect(messages[0]).toBe(`m${MAX_PROBLEM_ROWS + 9}`); // the error comes first
  expect(messages[MAX_PROBLEM_ROWS]).toMatch(/… và 10 vấn đề khác/);
  expect(sheet.lastRow).toBe(MAX_PROBLEM_ROWS + 2);
});

test('footnote markers are superscript digits', () => {
  expect(superscript(12)).toBe('¹²');
});

test('the checks sheet says so when nothing was found, instead of an empty table', () => {
  const [, , none] = buildSheetPlan(r.model, []).sheets;
  expect(none.cells.find((c) => c.row === 2 && c.col === 1)!.value).toBe('Không phát hiện vấn đề nào.');
  expect(none.lastRow).toBe(2);
  const [, , en] = buildSheetPlan({ ...r.model, lang: 'en' }, []).sheets;
  expect(en.cells.find((c) => c.row === 2 && c.col === 1)!.value).toBe('No problem found.');
  // with problems, no such line
  expect(checks.cells.some((c) => c.value === 'Không phát hiện vấn đề nào.')).toBe(false);
});

test('no clipped cell on the figures sheet: each row is as tall as its tallest wrapped cell, the unit included', () => {
  for (const c of figures.cells) {
    if (typeof c.value !== 'string' || !c.style.wrap || c.row < 2) continue;
    const width = spanWidthPt(figures.columns, c.col, c.col);
    const need = rowHeightFor(estimateLines(c.value, width, c.style.font.size, c.style.font.bold), c.style.font.size);
    const have = figures.rowHeights[c.row] ?? 15;
    if (have < need) throw new Error(`${c.value} at row ${c.row}, column ${c.col}: ${have} pt < ${need} pt`);
  }
  const unit = figures.cells.find((c) => c.value === 'triệu đồng/người/tháng')!;
  expect(figures.rowHeights[unit.row]).toBeGreaterThan(rowHeightFor(1, 11));
});

describe('tables on the report sheet', () => {
  const ex = exampleReport();
  const sheet = ex.plan.sheets[0];
  const tables = ex.model.blocks.flatMap((b) => (b.kind === 'table' ? [b] : []));
  const at = (row: number, col: number) => cellAt(sheet, row, col);
  /** The merge holding a cell, if any: its other cells are not planned and take its first cell's style. */
  const mergeOf = (row: number, col: number) => sheet.merges.find((m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right);
  const styleAt = (row: number, col: number) => {
    const m = mergeOf(row, col);
    return (m ? at(m.top, m.left) : at(row, col))!.style;
  };

  test('table columns lie on runs of the six sheet columns, as near their width shares as whole columns allow', () => {
    const cols = [12.72, 12.72, 12.72, 16.72, 16.72, 17.72];
    expect(tableSpans([{ width: 0.5 }, { width: 0.25 }, { width: 0.25 }], cols)).toEqual([[1, 3], [4, 5], [6, 6]]);
    expect(tableSpans([0.49, 0.17, 0.17, 0.17].map((width) => ({ width })), cols)).toEqual([[1, 3], [4, 4], [5, 5], [6, 6]]);
    expect(tableSpans(Array.from({ length: 6 }, () => ({ width: 1 / 6 })), cols)).toEqual([[1, 1], [2, 2], [3, 3], [4, 4], [5, 5], [6, 6]]);
    expect(() => tableSpans(Array.from({ length: 7 }, () => ({ width: 1 / 7 })), cols)).toThrow();
  });

  test('each table: caption above (bold, centred, merged across), header bold centred with the light fill, every cell bordered, numbers right, the model\'s text', () => {
    expect(tables).toHaveLength(5);
    for (const b of tables) {
      const t = b.table;
      const captionRow = sheet.cells.find((c) => c.value === b.caption)!.row;
      expect(at(captionRow, 1)!.style).toMatchObject({ font: { bold: true }, horizontal: 'center' });
      expect(sheet.merges).toContainEqual({ top: captionRow, left: 1, bottom: captionRow, right: sheet.columns.length });
      let row = captionRow + 1;
      if (t.unit) {
        expect(at(row, 1)).toMatchObject({ value: t.unit, style: { font: { italic: true }, horizontal: 'right' } });
        row++;
      }
      const spans = tableSpans(t.columns, sheet.columns);
      const lines = [t.columns.map((c) => c.header), ...t.rows.map((r) => r.cells)];
      lines.forEach((texts, li) => {
        const r = row + li;
        spans.forEach(([from, to], i) => {
          expect(at(r, from)!.value).toBe(texts[i]);
          if (to > from) expect(sheet.merges).toContainEqual({ top: r, left: from, bottom: r, right: to });
          for (let c = from; c <= to; c++) {
            const style = styleAt(r, c);
            expect(style.border).toEqual(['top', 'bottom', 'left', 'right']);
            if (li === 0) expect(style).toMatchObject({ font: { bold: true, size: 12 }, horizontal: 'center', fill: 'FFD9E2F3' });
            else expect(style.horizontal).toBe(t.columns[i].align);
          }
        });
        // every sheet column of the row once: a planned cell, or one that a merge covers
        const planned = sheet.cells.filter((c) => c.row === r).map((c) => c.col);
        const covered = sheet.merges.filter((m) => m.top <= r && r <= m.bottom).flatMap((m) => Array.from({ length: m.right - m.left + 1 }, (_, k) => m.left + k).filter((c) => r > m.top || c > m.left));
        expect([...planned, ...covered].sort((a, b) => a - b)).toEqual(sheet.columns.map((_, k) => k + 1));
      });
      // bold totals, italic parts
      t.rows.forEach((x, i) => expect([!!at(row + 1 + i, 1)!.style.font.bold, !!at(row + 1 + i, 1)!.style.font.italic]).toEqual([!!x.bold, !!x.sub]));
      // never split from its caption: no page break from the caption to the last row
      const last = row + t.rows.length;
      for (const br of sheet.breaksAfter ?? []) expect(br >= captionRow && br < last).toBe(false);
    }
    const amountCol = tableSpans(tables[1].table.columns, sheet.columns)[1][0];
    expect(at(sheet.cells.find((c) => c.value === 'Tổng cộng')!.row, amountCol)!.value).toBe('1.368,0'); // its column holds 1.210,9
  });

  test('no clipped cell: each row is as tall as its tallest wrapped cell in its merged width', () => {
    for (const c of sheet.cells) {
      if (typeof c.value !== 'string' || !c.style.wrap) continue;
      const merge = sheet.merges.find((m) => m.top === c.row && m.left === c.col);
      const need = heightNeeded(c, estimateLines(c.value, spanWidthPt(sheet.columns, c.col, merge ? merge.right : c.col), c.style.font.size, c.style.font.bold));
      expect([c.value, sheet.rowHeights[c.row] >= need]).toEqual([c.value, true]);
    }
  });

  test('rows kept with the next one move together: a caption and a table go to the next page whole', () => {
    const heights: Record<number, number> = {};
    for (let r = 1; r <= 60; r++) heights[r] = 100;
    // rows 6–8 are kept with the row after them: the page that would end at row 7 breaks after row 5
    expect(headingBreaks(heights, 60, new Set([6, 7, 8])).slice(0, 2)).toEqual([5, 12]);
  });
});

describe('pagination of the report sheet', () => {
  const stress = stressReport();
  const sheet = stress.plan.sheets[0];
  const valueAt = (row: number) => sheet.cells.find((c) => c.row === row && c.col === 1)?.value;

  test('a long paragraph is cut into rows where its sentences end, not in the middle of one', () => {
    const text = Array.from({ length: 30 }, (_, i) => `Câu thứ ${i + 1} nói về công tác thi đua khen thưởng của các khu công nghiệp trong tỉnh.`).join(' ');
    const pieces = splitForRows(text, spanWidthPt(sheet.columns, 1, sheet.columns.length), 14);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join(' ')).toBe(text);
    for (const p of pieces) expect(p).toMatch(/\.$/);
    // a sentence longer than a row is still cut, between its words
    const long = 'một '.repeat(400).trim() + '.';
    expect(splitForRows(long, 300, 14).length).toBeGreaterThan(1);
  });

  test('the rows of one paragraph follow each other with no space between them', () => {
    const width = spanWidthPt(sheet.columns, 1, sheet.columns.length);
    let checked = 0;
    for (const b of stress.model.blocks) {
      if (b.kind !== 'paragraph') continue;
      const pieces = splitForRows(inlineText(b.inlines), width, 14);
      if (pieces.length < 2) continue;
      const first = sheet.cells.find((c) => c.value === pieces[0])!.row;
      pieces.forEach((p, i) => {
        expect(valueAt(first + i)).toBe(p);
        const lines = estimateLines(p, width, 14);
        expect(sheet.rowHeights[first + i]).toBe(i < pieces.length - 1 ? continuedRowHeight(lines, 14) : rowHeightFor(lines, 14));
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(10);
  });

  test('"./." is followed by "Nơi nhận:", the footnotes stand under the signature, and the three share a page', () => {
    const recipients = sheet.cells.find((c) => c.value === stress.model.recipients.heading)!.row;
    const closing = sheet.cells.filter((c) => c.row < recipients && typeof c.value === 'string' && c.value.trim()).sort((a, b) => b.row - a.row)[0];
    expect(String(closing.value)).toMatch(/\.\/\.$/);
    const notes = stress.model.footnotes.map((f) => sheet.cells.find((c) => c.value === `${superscript(f.id)} ${f.text}`)!.row);
    expect(notes.length).toBeGreaterThan(0);
    const signer = sheet.cells.find((c) => c.value === stress.model.signature.name)!.row;
    for (const n of notes) expect(n).toBeGreaterThan(signer);
    for (const b of sheet.breaksAfter ?? []) expect([b, b >= closing.row && b < Math.max(...notes)]).toEqual([b, false]);
  });

  test('in an annex, no page holds a total under its repeated header alone, and no part heading ends a page', () => {
    const breaks = new Set(sheet.breaksAfter ?? []);
    const annexStart = sheet.cells.find((c) => c.value === 'Phụ lục 1')!.row;
    let checked = 0;
    for (const b of breaks) {
      if (b < annexStart) continue;
      const head = valueAt(b + 1);
      if (head !== 'STT') continue;
      checked++;
      expect([b, String(valueAt(b + 2) ?? '')]).not.toEqual([b, expect.stringMatching(/^Cộng/)]);
      const afterHead = sheet.cells.find((c) => c.row === b + 2 && c.col === 2)?.value;
      expect([b, String(afterHead ?? '')]).not.toEqual([b, expect.stringMatching(/^Cộng/)]);
      expect([b, /^I+\. /.test(String(valueAt(b) ?? ''))]).toEqual([b, false]);
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe('DỰ THẢO when rows were left out of the figures (issue 18)', () => {
  const good: [string, string, string, string, number][] = [
    ['A', 'FDI', 'Cấp mới', '01/02/2023', 10],
    ['B', 'DDI', 'Cấp mới', '01/03/2023', 20],
  ];
  const tasks = (rows: unknown[][]) => table('NhiemVu', ['Mã nhiệm vụ', 'Ngày giao', 'Hạn xử lý', 'Ngày hoàn thành'], rows as never);
  const textOf = (s: SheetPlan) => s.cells.map((c) => c.value).filter((v): v is string => typeof v === 'string');

  test('clean data: no mark, the sheet starts with the agency', () => {
    const clean = run([settings(H1, { CoQuanChuQuan: 'UBND tỉnh Quảng Ninh' }), projects(good), tasks([['T1', '01/02/2023', null, null]])]);
    expect(clean.model.draft).toBeNull();
    expect(textOf(clean.plan.sheets[0]).filter((t) => /DỰ THẢO|dòng số liệu có lỗi/.test(t))).toEqual([]);
    expect(cellAt(clean.plan.sheets[0], 1, 1)!.value).toBe('UBND TỈNH QUẢNG NINH');
  });

  test('two project rows with bad values and a duplicated task: DỰ THẢO on top, one line with the count and where to look', () => {
    const dirty = run([
      settings(H1, { CoQuanChuQuan: 'UBND tỉnh Quảng Ninh' }),
      projects([...good, ['C', 'FDI', 'Cấp mới', '01/04/2023', 'mười'], ['D', 'FDI', 'Cấp mới', '31/02/2023', 5]]),
      tasks([['T1', '01/02/2023', null, null], ['T1', '01/02/2023', null, null]]),
    ]);
    expect(dirty.problems.filter((p) => p.level === 'error')).toHaveLength(3);
    expect(dirty.model.draft).toEqual({ mark: 'DỰ THẢO', note: '(Còn 3 dòng số liệu có lỗi chưa được tính vào báo cáo: xem trang tính “Kiểm tra” của sổ Excel báo cáo.)' });
    const sheet = dirty.plan.sheets[0];
    expect(cellAt(sheet, 1, 1)!.value).toBe('DỰ THẢO');
    expect(cellAt(sheet, 1, 1)!.style.font.bold).toBe(true);
    expect(cellAt(sheet, 2, 1)!.value).toBe(dirty.model.draft!.note);
    expect(textOf(sheet)).toContain('UBND TỈNH QUẢNG NINH');
    const en = run([settings(H1), projects([...good, ['C', 'FDI', 'Cấp mới', '01/04/2023', 'ten']])], 'en');
    expect(en.model.draft).toEqual({ mark: 'DRAFT', note: '(1 row with errors not yet counted in the report: see the “Checks” sheet of the report workbook.)' });
  });
});
