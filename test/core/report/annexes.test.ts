import ExcelJS from 'exceljs';
import { AnnexModel } from '../../../src/core/report/annexes';
import { exactSum } from '../../../src/core/figures/decimal';
import { formatNumber } from '../../../src/core/report/format';
import { dayToSerial, parseNumberText } from '../../../src/core/records/parse';
import { ReportResult } from '../../../src/core/engine';
import { estimateLines, inlineText, rowHeightFor, spanWidthPt, tableSpans } from '../../../src/core/report/sheet-plan';
import { planToXlsx } from '../../../src/node/xlsx-writer';
import { exampleReport } from '../../document/example-report';
import { metric, projects, run, settings, table } from '../../helpers/tables';

const H1 = ['01/01/2023', '30/06/2023'] as [string, string];
const annex = (r: ReportResult, id: AnnexModel['id']) => r.model.annexes.find((a) => a.id === id);
const items = (a: AnnexModel) => a.rows.filter((x) => !x.group && !x.bold);
/** The list rows of one part (I., II.) of an annex. */
function part(a: AnnexModel, n: number) {
  const starts = a.rows.flatMap((x, i) => (x.group ? [i] : []));
  const end = starts[n + 1] ?? a.rows.length;
  return { heading: a.rows[starts[n]].cells[0], rows: a.rows.slice(starts[n] + 1, end).filter((x) => !x.bold), total: a.rows.slice(starts[n] + 1, end).find((x) => x.bold)! };
}
const paragraphs = (r: ReportResult) => r.model.blocks.flatMap((b) => (b.kind === 'paragraph' ? [{ key: b.generated, text: inlineText(b.inlines) }] : []));
const tasks = (rows: unknown[][]) => table('NhiemVu', ['Mã nhiệm vụ', 'Nội dung', 'Ngày giao', 'Hạn xử lý', 'Ngày hoàn thành'], rows as never);
const PROJECT_FULL = ['Mã dự án', 'Tên dự án', 'Nhà đầu tư', 'Quốc gia', 'Khu', 'Nguồn vốn', 'Loại', 'Ngày', 'Vốn đầu tư'];

describe('the example', () => {
  const r = exampleReport();
  const a1 = annex(r, 'projects')!;
  const a2 = annex(r, 'tasks')!;

  test('three annexes, numbered in report order, titled as the brief names them, attached to the report', () => {
    expect(r.model.annexes.map((a) => a.caption)).toEqual(['Phụ lục 1. Danh mục dự án cấp mới trong kỳ', 'Phụ lục 2. Danh mục hồ sơ thủ tục hành chính quá hạn chưa trả kết quả', 'Phụ lục 3. Danh mục nhiệm vụ quá hạn và hoàn thành chậm']);
    expect(a1.attachedTo).toBe('(Kèm theo Báo cáo số …/BC-BQL ngày 30 tháng 6 năm 2023 của Ban Quản lý Khu kinh tế Hải Phòng)');
    expect(r.problems.filter((p) => p.code === 'annexOmitted')).toEqual([]);
  });

  test('Phụ lục 1 lists exactly the rows the metrics count, FDI then DDI, each part closed by its total, equal to the metric to the last digit', () => {
    for (const [n, src] of [[0, 'fdi'], [1, 'ddi']] as const) {
      const p = part(a1, n);
      expect(p.heading).toMatch(src === 'fdi' ? /^I\. .*FDI.*triệu USD$/ : /^II\. .*DDI.*tỷ đồng$/);
      const count = r.metrics.get(`${src}_new_count`)!;
      const capital = r.metrics.get(`${src}_new_capital`)!;
      // one row per licensing event the metric reads, and as many projects as it counts
      expect(p.rows).toHaveLength(capital.source!.rows);
      expect(new Set(p.rows.map((x) => x.cells[1])).size).toBe(count.value);
      // the rows' capitals add up (exactly) to the figure the text states
      expect(exactSum(p.rows.map((x) => parseNumberText(x.cells[6])!))).toBe(capital.value);
      expect(a1.totals[`${src}_new_capital`]).toBe(capital.value);
      expect(a1.totals[`${src}_new_count`]).toBe(count.value);
      expect(parseNumberText(p.total.cells[6])).toBe(capital.value);
      // one decimal count in the part, rows and total alike
      const decimals = (x: string) => (x.split(',')[1] ?? '').length;
      expect(new Set([...p.rows, p.total].map((x) => decimals(x.cells[6]))).size).toBe(1);
      expect(p.total.cells[1]).toBe(`Cộng: ${count.value} dự án`);
      // dates inside the period, ordered by date then name; numbered from 1
      const dates = p.rows.map((x) => x.cells[5].split('/').reverse().join('-'));
      for (const d of dates) expect(d >= '2023-01-01' && d <= '2023-06-30').toBe(true);
      const keys = p.rows.map((x, i) => [dates[i], x.cells[1]] as const);
      const sorted = [...keys].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1].localeCompare(y[1], 'vi')));
      expect(keys).toEqual(sorted);
      expect(p.rows.map((x) => x.cells[0])).toEqual(p.rows.map((_, i) => String(i + 1)));
    }
    expect(a1.totals).toEqual({ fdi_new_count: 25, fdi_new_capital: 281, ddi_new_count: 10, ddi_new_capital: 13733 });
    // every cell of a row is the data's: name, investor, country, zone
    const first = part(a1, 0).rows[0].cells;
    const row = r.data.projects!.find((p) => p.name === first[1])!;
    expect(first.slice(1, 5)).toEqual([row.name, row.investor ?? '', row.country ?? '', row.zone ?? '']);
    expect(row.event).toBe('new');
    expect(row.source).toBe('FDI');
  });

  test('Phụ lục 2 lists the overdue tasks and the tasks completed late the text counts, with their days late', () => {
    const overdue = part(a2, 0);
    const late = part(a2, 1);
    expect(overdue.rows).toHaveLength(metric(r, 'tasks_overdue') as number);
    expect(late.rows).toHaveLength(metric(r, 'tasks_done_late') as number);
    expect([overdue.rows.length, late.rows.length]).toEqual([1, 3]);
    expect(overdue.total.cells[1]).toBe('Cộng: 01 nhiệm vụ');
    expect(late.total.cells[1]).toBe('Cộng: 03 nhiệm vụ');
    const asOf = r.period!.asOf;
    const serial = (dmy: string) => dayToSerial(dmy.split('/').reverse().join('-'));
    for (const x of overdue.rows) {
      expect(x.cells[4]).toBe('Chưa hoàn thành');
      expect(Number(x.cells[5])).toBe(dayToSerial(asOf) - serial(x.cells[3]));
      expect(serial(x.cells[3])).toBeLessThan(dayToSerial(asOf));
    }
    for (const x of late.rows) {
      expect(Number(x.cells[5])).toBe(serial(x.cells[4]) - serial(x.cells[3]));
      expect(Number(x.cells[5])).toBeGreaterThan(0);
      expect(serial(x.cells[4])).toBeLessThanOrEqual(dayToSerial(asOf));
    }
    const task = r.data.tasks!.find((t) => overdue.rows[0].cells[1].startsWith(`${t.taskId} - `))!;
    expect(overdue.rows[0].cells[1]).toBe(`${task.taskId} - ${task.title}`);
    expect(a2.note).toMatch(/07\/06\/2023/);
  });

  test('the text refers to the annexes where it states what they list', () => {
    const p = paragraphs(r);
    expect(p.find((x) => x.key === 'fdi')!.text).toContain('281 triệu USD (chi tiết tại Phụ lục 1)');
    expect(p.find((x) => x.key === 'ddi')!.text).toContain('13.733 tỷ đồng (chi tiết tại Phụ lục 1)');
    expect(p.filter((x) => x.key === 'dossiers_resolved').map((x) => x.text).join('\n')).toContain('còn 03 hồ sơ quá hạn chưa trả kết quả (chi tiết tại Phụ lục 2).');
    expect(p.find((x) => x.key === 'tasks_timeliness')!.text).toMatch(/\(chi tiết tại Phụ lục 3\)\.$/);
  });

  test('on the report sheet: after the signature, each from a new page, its columns on runs of the sheet columns wide enough for their figures', () => {
    const sheet = r.plan.sheets[0];
    const row = (v: string) => sheet.cells.find((c) => c.value === v)?.row ?? -1;
    const signature = row('Nguyễn Văn Hùng');
    expect(signature).toBeGreaterThan(0);
    const px = (w: number) => Math.trunc(w * 7 + 1e-6);
    for (const a of r.model.annexes) {
      const at = row(a.label);
      expect(at).toBeGreaterThan(signature);
      expect(sheet.breaksAfter).toContain(at - 1);
      expect(row(a.title.toLocaleUpperCase('vi'))).toBe(at + 1);
      // each annex column lies on whole sheet columns wide enough for its widest figure or word, near its share of 625
      const spans = tableSpans(a.columns, sheet.columns);
      spans.forEach(([f, t], i) => {
        const width = sheet.columns.slice(f - 1, t).reduce((s, w) => s + px(w), 0);
        expect(width * 0.75 - 4).toBeGreaterThanOrEqual(a.columns[i].minPt! * 1.04);
        expect(Math.abs(width - a.columns[i].width * 625)).toBeLessThan(61);
      });
      // every list row is on the sheet with the model's text
      for (const x of a.rows) expect(sheet.cells.some((c) => c.value === x.cells[x.group ? 0 : 1])).toBe(true);
    }
  });
});

describe('larger lists and edge cases', () => {
  const many = Array.from({ length: 90 }, (_, i) => [`P${i}`, `Dự án số ${90 - i} có một cái tên khá dài để xuống dòng trong cột`, `Nhà đầu tư ${i}`, 'Nhật Bản', 'KCN Đình Vũ', 'FDI', 'Cấp mới', `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 6) + 1}/2023`, 1.1]);
  const big = run([settings(H1, { NguoiKy: 'Nguyễn Văn A' }), table('DuAn', PROJECT_FULL, many)]);

  test('a list longer than a page: the header row repeats at the top of each page on the sheet, and no page overflows', () => {
    const sheet = big.plan.sheets[0];
    const a = annex(big, 'projects')!;
    expect(items(a)).toHaveLength(90);
    expect(a.totals.fdi_new_capital).toBe(99); // 90 × 1,1 exactly, not 99.00000000000001
    expect(a.rows.at(-1)!.cells[6]).toBe('99,0'); // one decimal count in the part: its rows read "1,1"
    expect(items(a).every((r) => r.cells[6] === '1,1')).toBe(true);
    const headers = sheet.cells.filter((c) => c.value === 'Tên dự án').map((c) => c.row);
    const breaks = sheet.breaksAfter ?? [];
    const annexStart = sheet.cells.find((c) => c.value === 'Phụ lục 1')!.row;
    const pagesAfter = breaks.filter((b) => b >= annexStart);
    expect(pagesAfter.length).toBeGreaterThanOrEqual(2);
    // every page of the list after the first starts with the header row
    for (const b of pagesAfter) expect(headers).toContain(b + 1);
    // no page taller than the printable height (A4 less 20 + 20 mm)
    const limit = ((297 - 40) / 25.4) * 72;
    const bounds = [annexStart - 1, ...pagesAfter, sheet.lastRow];
    for (let i = 0; i < bounds.length - 1; i++) {
      let h = 0;
      for (let row = bounds[i] + 1; row <= bounds[i + 1]; row++) h += sheet.rowHeights[row] ?? 15;
      expect(h).toBeLessThanOrEqual(limit);
    }
    // and no clipped cell anywhere on the sheet
    for (const c of sheet.cells) {
      if (typeof c.value !== 'string' || !c.style.wrap) continue;
      const merge = sheet.merges.find((m) => m.top === c.row && m.left === c.col);
      const need = rowHeightFor(estimateLines(c.value, spanWidthPt(sheet.columns, c.col, merge ? merge.right : c.col), c.style.font.size, c.style.font.bold), c.style.font.size);
      expect([c.value, sheet.rowHeights[c.row] >= need]).toEqual([c.value, true]);
    }
  });

  test('only the period\'s new licences: adjustments, terminations, other periods and rows of the other source stay out', () => {
    const r = run([
      settings(H1),
      projects([
        ['A', 'FDI', 'Cấp mới', '01/02/2023', 10],
        ['B', 'FDI', 'Cấp mới', '31/12/2022', 20],
        ['A', 'FDI', 'Điều chỉnh', '01/03/2023', 5],
        ['C', 'FDI', 'Chấm dứt', '01/03/2023', null],
        ['D', 'FDI', 'Cấp mới', '01/07/2023', 7],
      ]),
    ]);
    const a = annex(r, 'projects')!;
    expect(a.rows.map((x) => x.cells[x.group ? 0 : 1])).toEqual([expect.stringMatching(/^I\. /), 'A', 'Cộng: 01 dự án']);
    expect(a.rows.at(-1)!.cells.at(-1)).toBe('10');
    expect(metric(r, 'fdi_new_capital')).toBe(10);
    // no investor, country or zone in the table: those columns are left out, the name takes their room
    expect(a.columns.map((c) => c.header)).toEqual(['STT', 'Tên dự án', 'Ngày cấp', 'Vốn đầu tư']);
    expect(a.rows.every((x) => x.cells.length === 4)).toBe(true);
    expect(a.columns.reduce((w, c) => w + c.width, 0)).toBeCloseTo(1, 9);
    // no DDI project: no DDI part, and the DDI sentence does not point at the annex
    expect(a.rows.filter((x) => x.group)).toHaveLength(1);
    expect(paragraphs(r).find((x) => x.key === 'ddi')?.text ?? '').not.toContain('Phụ lục');
    expect(paragraphs(r).find((x) => x.key === 'fdi')!.text).toContain('(chi tiết tại Phụ lục 1)');
  });

  test('no new project, no late task: no annex, an info line on Kiểm tra for each, and no reference in the text', () => {
    const r = run([
      settings(H1, { NgaySoLieu: '07/06/2023' }),
      projects([['A', 'FDI', 'Cấp mới', '01/02/2022', 10]]),
      tasks([['T1', 'Việc một', '01/02/2023', '01/03/2023', '20/02/2023']]),
    ]);
    expect(r.model.annexes).toEqual([]);
    const info = r.problems.filter((p) => p.code === 'annexOmitted');
    expect(info.map((p) => [p.level, p.message])).toEqual([
      ['info', 'Không lập phụ lục "Danh mục dự án cấp mới trong kỳ": không có dự án nào được cấp mới trong kỳ.'],
      ['info', 'Không lập phụ lục "Danh mục nhiệm vụ quá hạn và hoàn thành chậm": đến ngày 07/06/2023 không có nhiệm vụ nào quá hạn hoặc hoàn thành sau thời hạn.'],
    ]);
    expect(paragraphs(r).map((x) => x.text).join('\n')).not.toContain('Phụ lục');
    expect(r.plan.sheets[0].cells.some((c) => typeof c.value === 'string' && c.value.startsWith('Phụ lục'))).toBe(false);
    // no tables at all: both left out, saying why
    const none = run([settings(H1)]);
    expect(none.model.annexes).toEqual([]);
    expect(none.problems.filter((p) => p.code === 'annexOmitted').map((p) => p.message)).toEqual([
      'Không lập phụ lục "Danh mục dự án cấp mới trong kỳ": không có bảng DuAn.',
      'Không lập phụ lục "Danh mục nhiệm vụ quá hạn và hoàn thành chậm": không có bảng NhiemVu.',
    ]);
  });

  test('only late tasks: the tasks annex is Phụ lục 1, and the tasks sentence says so', () => {
    const r = run([settings(H1, { NgaySoLieu: '07/06/2023' }), tasks([['T2', 'Việc hai', '01/02/2023', '01/03/2023', '05/03/2023'], ['T1', null, '01/02/2023', '01/03/2023', null], ['T3', 'Sau ngày số liệu', '01/02/2023', '01/03/2023', '10/06/2023']])]);
    expect(r.model.annexes.map((a) => a.caption)).toEqual(['Phụ lục 1. Danh mục nhiệm vụ quá hạn và hoàn thành chậm']);
    const a = r.model.annexes[0];
    // T1 and T3 (completed after the as-of date) are overdue at 07/06; T2 was completed 4 days late
    expect(a.rows.map((x) => x.cells)).toEqual([
      ['I. Nhiệm vụ quá hạn, chưa hoàn thành đến ngày 07/06/2023', '', '', '', '', ''],
      ['1', 'T1', '01/02/2023', '01/03/2023', 'Chưa hoàn thành', '98'],
      ['2', 'T3 - Sau ngày số liệu', '01/02/2023', '01/03/2023', 'Chưa hoàn thành', '98'],
      ['', 'Cộng: 02 nhiệm vụ', '', '', '', ''],
      ['II. Nhiệm vụ hoàn thành sau thời hạn', '', '', '', '', ''],
      ['1', 'T2 - Việc hai', '01/02/2023', '01/03/2023', '05/03/2023', '4'],
      ['', 'Cộng: 01 nhiệm vụ', '', '', '', ''],
    ]);
    expect([metric(r, 'tasks_overdue'), metric(r, 'tasks_done_late')]).toEqual([2, 1]);
    expect(paragraphs(r).find((x) => x.key === 'tasks_timeliness')!.text).toMatch(/\(chi tiết tại Phụ lục 1\)\.$/);
  });

  test('English: "Annex N", its own wording and number style', () => {
    const r = run([settings(H1, { NgaySoLieu: '07/06/2023', CoQuan: 'The Authority' }), projects([['A', 'DDI', 'Cấp mới', '01/02/2023', 1234.5]]), tasks([['T2', 'Two', '01/02/2023', '01/03/2023', '05/03/2023']])], 'en');
    expect(r.model.annexes.map((a) => a.caption)).toEqual(['Annex 1. New projects licensed in the period', 'Annex 2. Overdue tasks and tasks completed late']);
    const a = r.model.annexes[0];
    expect(a.columns.map((c) => c.header)).toEqual(['No.', 'Project', 'Licensed on', 'Capital']);
    expect(a.rows.at(-1)!.cells).toEqual(['', 'Total: 1 project', '', '1,234.5']);
    // with investors, the columns of what the rows hold stay
    const full = run([settings(H1), table('DuAn', PROJECT_FULL, [['A', 'Plant A', 'Investor A', '', '', 'DDI', 'Cấp mới', '01/02/2023', 1]])], 'en');
    expect(full.model.annexes[0].columns.map((c) => c.header)).toEqual(['No.', 'Project', 'Investor', 'Licensed on', 'Capital']);
    expect(a.attachedTo).toBe('(Attached to Report No. … of … 2023 of The Authority)');
    expect(paragraphs(r).find((x) => x.key === 'ddi')!.text).toContain('1,234.5 billion VND (listed in Annex 1)');
  });

  test('workbook text is data: a name like a formula stays text in the model, the sheet plan and the written .xlsx; Vietnamese text is NFC', async () => {
    const hostile = '=HYPERLINK("http://x.example","bấm")';
    const nfd = 'Nhà máy Đình Vũ'.normalize('NFD');
    const r = run([settings(H1), table('DuAn', PROJECT_FULL, [['A', hostile, '+84 Công ty', '@x', '-KCN', 'FDI', 'Cấp mới', '01/02/2023', 1], ['B', nfd, null, null, null, 'FDI', 'Cấp mới', '02/02/2023', 2]])]);
    const a = annex(r, 'projects')!;
    expect(items(a)[0].cells.slice(1, 5)).toEqual([hostile, '+84 Công ty', '@x', '-KCN']);
    expect(items(a)[1].cells[1]).toBe('Nhà máy Đình Vũ'.normalize('NFC'));
    const cell = r.plan.sheets[0].cells.find((c) => c.value === hostile)!;
    expect(typeof cell.value).toBe('string');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await planToXlsx(r.plan)) as never);
    const ws = wb.getWorksheet(r.plan.sheets[0].name)!;
    const written = ws.getCell(cell.row, cell.col);
    expect(written.formula).toBeUndefined();
    expect(written.value).toBe(hostile);
    expect(written.numFmt).toBe('@');
  });

  test('the same workbook gives the same annexes, run after run', () => {
    const again = run([settings(H1, { NguoiKy: 'Nguyễn Văn A' }), table('DuAn', PROJECT_FULL, [...many].reverse())]);
    expect(JSON.stringify(again.model.annexes)).toBe(JSON.stringify(big.model.annexes));
    expect(JSON.stringify(again.plan.sheets[0])).toBe(JSON.stringify(big.plan.sheets[0]));
  });
});
