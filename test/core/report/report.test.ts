import { inlineText } from '../../../src/core/report/sheet-plan';
import { ReportResult } from '../../../src/core/engine';
import { table, settings, projects, run } from '../../helpers/tables';
import { exampleReport } from '../../document/example-report';

const H1 = ['01/01/2023', '30/06/2023'] as [string, string];
const texts = (r: ReportResult) => r.model.blocks.map((b) => (b.kind === 'heading' ? b.text : b.kind === 'figure' || b.kind === 'table' ? b.caption : inlineText(b.inlines)));
const para = (r: ReportResult, key: string) => r.model.blocks.filter((b) => b.kind === 'paragraph' && b.generated === key).map((b) => (b.kind === 'paragraph' ? inlineText(b.inlines) : ''));

const fdi = projects([
  ['A', 'FDI', 'Cấp mới', '01/02/2023', 281],
  ['B', 'FDI', 'Cấp mới', '01/02/2020', 100],
  ['B', 'FDI', 'Điều chỉnh', '01/03/2023', 381.18],
]);
const plans = table('KeHoach', ['Chỉ tiêu', 'Năm', 'Kế hoạch', 'Cùng kỳ'], [['fdi_capital', 2023, 2000, 626]]);

test('the FDI paragraph in the seed wording, with footnotes for prior and plan', () => {
  const r = run([settings(H1), fdi, plans]);
  expect(para(r, 'fdi')[0]).toBe(
    '6 tháng đầu năm 2023 cấp mới 1 dự án FDI vốn đầu tư 281 triệu USD (chi tiết tại Phụ lục 1), điều chỉnh tăng vốn đầu tư 1 dự án với số vốn 381,18 triệu USD; tổng vốn thu hút đạt 662,18 triệu USD, bằng 106% cùng kỳ năm trước¹, đạt 33,11% so với kế hoạch².',
  );
  expect(r.model.footnotes).toEqual([
    { id: 1, text: 'Thu hút FDI 6 tháng đầu năm 2022 đạt 626 triệu USD.' },
    { id: 2, text: 'Kế hoạch thu hút FDI năm 2023 là 2.000 triệu USD.' },
  ]);
});

test('a missing plan drops its clause and footnote instead of writing 0', () => {
  const r = run([settings(H1), fdi]);
  const p = para(r, 'fdi')[0];
  expect(p).not.toMatch(/kế hoạch/);
  expect(p).not.toMatch(/cùng kỳ/); // no history before 30/06/2022 → prior unknown
  expect(r.model.footnotes).toHaveLength(0);
});

test('a missing required figure: the sentence says "chưa có số liệu" and why, never "…", and it is reported', () => {
  const r = run([settings(H1)]);
  expect(para(r, 'fdi')[0]).toBe('Thu hút vốn đầu tư FDI 6 tháng đầu năm 2023: chưa có số liệu (chưa có danh sách dự án được cấp phép).');
  for (const b of r.model.blocks) if (b.kind === 'paragraph') expect(inlineText(b.inlines)).not.toContain('…');
  // named by its label and its paragraph's heading, never by its key (issue 18)
  expect(r.problems.some((p) => p.code === 'metricMissingInText' && p.message.includes('"Số dự án FDI cấp mới"') && p.message.includes('"Thu hút vốn đầu tư trực tiếp nước ngoài (FDI)"'))).toBe(true);
  expect(r.problems.some((p) => /fdi_new_count/.test(p.message))).toBe(false);
  // one line per paragraph and reason, listing the figures it lacks; never the yes/no flag of estimates
  const missing = r.problems.filter((p) => p.code === 'metricMissingInText');
  expect(new Set(missing.map((p) => p.message)).size).toBe(missing.length);
  const enterprise = missing.filter((p) => p.message.includes('"Doanh thu"'));
  expect(enterprise).toHaveLength(1);
  expect(enterprise[0].message).toMatch(/cần các số liệu "Doanh thu", "Xuất khẩu", "Nhập khẩu" và "Nộp ngân sách \(doanh nghiệp\)" nhưng chưa có/);
  expect(missing.some((p) => p.message.includes('Có số ước tính'))).toBe(false);
});

test('negative net adjustments say "giảm"', () => {
  const r = run([settings(H1), projects([['B', 'DDI', 'Cấp mới', '01/02/2020', 100], ['B', 'DDI', 'Điều chỉnh', '01/03/2023', -4.5]])]);
  expect(para(r, 'ddi')[0]).toMatch(/giảm vốn 1 dự án DDI vốn đầu tư 4,5 tỷ đồng/);
});

const tasks = (rows: unknown[][]) => table('NhiemVu', ['Mã nhiệm vụ', 'Ngày giao', 'Hạn xử lý', 'Ngày hoàn thành'], rows as never);

test('tasks: leading zeros below 10; the on-time claim only when the data allows it', () => {
  const allOnTime = run([settings(H1, { NgaySoLieu: '07/06/2023', CoQuan: 'Ban Quản lý' }), tasks([['T1', '01/02/2023', '01/03/2023', '20/02/2023'], ['T2', '01/02/2023', null, null]])]);
  expect(para(allOnTime, 'tasks')[0]).toBe('Đến ngày 07/6/2023, Ban Quản lý đã hoàn thành 1/2 nhiệm vụ được giao; hiện đang thực hiện 01 nhiệm vụ (trong đó 01 nhiệm vụ không hạn).');
  expect(para(allOnTime, 'tasks_timeliness')[0]).toMatch(/kịp thời, đúng hạn/);
  const late = run([settings(H1, { NgaySoLieu: '07/06/2023' }), tasks([['T1', '01/02/2023', '01/03/2023', '20/03/2023']])]);
  const t = para(late, 'tasks_timeliness')[0];
  expect(t).not.toMatch(/đúng hạn/);
  expect(t).toMatch(/01 nhiệm vụ hoàn thành sau thời hạn/);
  expect(t).not.toMatch(/quá hạn, đang/);
});

test('revenue says "Ước đạt" only when a summed row is an estimate', () => {
  const rev = (flag: string | null) => table('SanXuatKinhDoanh', ['Doanh nghiệp', 'Tháng', 'Doanh thu'], [['A', '06/2023', 10], ['B', '05/2023', 5]].map((r, i) => (i === 0 ? [...r] : r)) as never);
  const withFlag = table('SanXuatKinhDoanh', ['Doanh nghiệp', 'Tháng', 'Doanh thu', 'Ước tính'], [['A', '06/2023', 10, 'x']]);
  expect(para(run([settings(H1), withFlag]), 'revenue')[0]).toBe('- Doanh thu: Ước đạt 10 tỷ đồng.');
  expect(para(run([settings(H1), rev(null)]), 'revenue')[0]).toBe('- Doanh thu: Đạt 15 tỷ đồng.');
});

test('staff templates replace the built-in wording; groups and placeholders', () => {
  const tpl = table('MauCau', ['Mã câu', 'Mẫu câu'], [
    ['fdi', 'FDI: {fdi_total_capital:1} triệu USD, {fdi_vs_prior_pct|compare}{^fdi_prior_note}; trung bình {avg:2}.'],
    ['enterprise', 'Dòng một.\nDòng hai {revenue}.'],
    ['nonsense', 'x'],
    ['labour', 'Lao động {labour_workerz}.'],
  ]);
  const m = table('ChiTieuTinh', ['Mã', 'Công thức'], [['avg', 'fdi_total_capital / 3']]);
  const r = run([settings(H1), fdi, plans, tpl, m]);
  expect(para(r, 'fdi')[0]).toBe('FDI: 662,2 triệu USD, bằng 106% cùng kỳ năm trước¹; trung bình 220,73.');
  expect(para(r, 'enterprise')).toEqual(['Dòng một.', '- Kết quả sản xuất kinh doanh của doanh nghiệp: chưa có số liệu (chưa có bảng tổng hợp sản xuất kinh doanh của doanh nghiệp).']);
  expect(r.problems.some((p) => p.code === 'templateUnknown' && p.cell === 'MauCau!A4')).toBe(true);
  expect(r.problems.some((p) => p.code === 'templatePlaceholder' && /labour_workerz/.test(p.message))).toBe(true);
});

test('sections: staff prose merged with generated paragraphs in outline order', () => {
  const sec = table('NoiDung', ['Mục', 'Tiêu đề', 'Nội dung'], [
    ['III', 'Phương hướng', '(1) Việc một.'],
    ['MoDau', null, 'Mở đầu.'],
    ['II.1.(1)', 'Thu hút FDI:', 'Hết tháng 6 dự kiến thu hút 1,9 tỷ USD.'],
    ['I', 'Kết quả thi đua', null],
    ['I.1', '1. Công tác lãnh đạo', '=1+1 là văn bản'],
    ['X.Y', null, 'Lạc chỗ.'],
    ['KetLuan', null, 'Trên đây là báo cáo./.'],
  ]);
  const r = run([settings(H1), fdi, sec]);
  const t = texts(r);
  expect(t[0]).toBe('Mở đầu.');
  expect(t.indexOf('I. KẾT QUẢ THI ĐUA')).toBe(1);
  expect(t[2]).toBe('1. Công tác lãnh đạo');
  expect(t[3]).toBe('=1+1 là văn bản');
  const fdiHead = t.indexOf('(1) Thu hút FDI:');
  expect(t[fdiHead + 1]).toMatch(/^6 tháng đầu năm 2023 cấp mới/);
  expect(t[fdiHead + 3]).toBe('Hết tháng 6 dự kiến thu hút 1,9 tỷ USD.');
  expect(t.indexOf('II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ')).toBeGreaterThan(2);
  expect(t.indexOf('III. PHƯƠNG HƯỚNG')).toBeGreaterThan(fdiHead);
  expect(t[t.length - 2]).toBe('Trên đây là báo cáo./.');
  expect(t[t.length - 1]).toBe('Lạc chỗ.');
  expect(r.problems.some((p) => p.code === 'sectionBad' && p.cell === 'NoiDung!A7')).toBe(true);
});

test('header, recipients and signature', () => {
  const r = run([
    settings(H1, {
      CoQuan: 'Ban Quản lý Khu kinh tế Hải Phòng',
      CoQuanChuQuan: 'UBND thành phố Hải Phòng',
      SoHieu: '…/BC-BQL',
      DiaDanh: 'Hải Phòng',
      NgayBaoCao: '05/06/2023',
      KyThay: 'KT. Trưởng ban',
      ChucVuKy: 'Phó Trưởng ban',
      NguoiKy: 'Nguyễn Văn A',
      NoiNhan: 'UBND thành phố;\n- Ban TĐKT thành phố\nLưu: VT, VP',
    }),
  ]);
  expect(r.model.header).toEqual({
    parentAgency: 'UBND THÀNH PHỐ HẢI PHÒNG',
    agency: 'BAN QUẢN LÝ KHU KINH TẾ HẢI PHÒNG',
    docNumber: 'Số: …/BC-BQL',
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    placeDate: 'Hải Phòng, ngày 05 tháng 6 năm 2023',
  });
  expect(r.model.recipients.items).toEqual(['- UBND thành phố;', '- Ban TĐKT thành phố;', '- Lưu: VT, VP.']);
  expect(r.model.signature).toEqual({ lines: ['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'], name: 'Nguyễn Văn A' });
});

test('English wording when the language is en', () => {
  const r = run([settings(H1), fdi, plans], 'en');
  expect(para(r, 'fdi')[0]).toBe(
    'In the first half of 2023, 1 new FDI project received investment certificates for 281 million USD (listed in Annex 1), and 1 project adjusted their capital (an increase of 381.18 million USD). Total FDI attracted came to 662.18 million USD, 106% of the same period last year¹, 33.11% of the annual plan².',
  );
  expect(r.model.header.nation).toBe('SOCIALIST REPUBLIC OF VIETNAM');
});

test('English: plurals follow the count, dates in running text are English dates, no doubled space without estimates', () => {
  const two = projects([
    ['A', 'FDI', 'Cấp mới', '01/02/2023', 281],
    ['C', 'FDI', 'Cấp mới', '01/03/2023', 10],
    ['B', 'FDI', 'Cấp mới', '01/02/2020', 100],
    ['B', 'FDI', 'Điều chỉnh', '01/03/2023', 381.18],
  ]);
  const r = run([settings(H1, { NgaySoLieu: '07/06/2023' }), two, plans, table('NhiemVu', ['Mã nhiệm vụ', 'Ngày giao', 'Hạn xử lý', 'Ngày hoàn thành'], [['T1', '01/02/2023', '01/03/2023', '15/02/2023']]), table('SanXuatKinhDoanh', ['Doanh nghiệp', 'Tháng', 'Doanh thu'], [['X', '06/2023', 10]])], 'en');
  expect(para(r, 'fdi')[0]).toMatch(/^In the first half of 2023, 2 new FDI projects received .* and 1 project adjusted/);
  expect(para(r, 'tasks')[0]).toBe('As of 7 June 2023, the Authority had completed 1 of the 1 task assigned to it.');
  expect(para(r, 'revenue')[0]).toBe('- Revenue: 10 billion VND.');
  for (const b of r.model.blocks) if (b.kind === 'paragraph') expect(inlineText(b.inlines)).not.toMatch(/\b1 projects\b|\b1 tasks\b|  |\d{2}\/\d{1,2}\/\d{4}/);
});

test('every figure is traceable: the figures table names table, filter and rows', () => {
  const r = run([settings(H1), fdi, plans]);
  const row = r.model.figures.find((f) => f.key === 'fdi_new_count')!;
  expect(row.value).toBe(1);
  expect(row.source).toBe('DuAn: FDI, Cấp mới, 01/01/2023–30/06/2023 (1 dòng)');
  const missing = r.model.figures.find((f) => f.key === 'labour_workers')!;
  expect(missing.value).toBeNull();
  expect(missing.reason).toBe('chưa có bảng tổng hợp lao động của doanh nghiệp');
});

describe('tables of figures (Phụ lục biểu)', () => {
  const tablesOf = (r: ReportResult) => r.model.blocks.flatMap((b) => (b.kind === 'table' ? [b] : []));
  const cells = (b: { table: { rows: { cells: string[] }[] } }) => b.table.rows.map((row) => row.cells);

  test('the example: five tables, numbered in the order they stand, each right after the paragraphs that discuss it', () => {
    const r = exampleReport();
    const tables = tablesOf(r);
    expect(tables.map((b) => b.caption)).toEqual([
      'Bảng 1. Kết quả thu hút đầu tư',
      'Bảng 2. Nộp ngân sách nhà nước theo đơn vị',
      'Bảng 3. Một số chỉ tiêu sản xuất kinh doanh của doanh nghiệp',
      'Bảng 4. Kết quả giải quyết hồ sơ thủ tục hành chính',
      'Bảng 5. Tình hình thực hiện nhiệm vụ được giao',
    ]);
    expect(tables.map((b) => [b.table.number, b.section])).toEqual([[1, 'II.1.(2)'], [2, 'II.3'], [3, 'II.5.(2)'], [4, 'II.7'], [5, 'II.8']]);
    const before = tables.map((b) => r.model.blocks[r.model.blocks.indexOf(b) - 1]);
    expect(before.map((b) => (b.kind === 'paragraph' ? b.generated : b.kind))).toEqual(['ddi_cumulative', 'budget', 'tax_paid', 'dossiers_fees', 'tasks_timeliness']);
    for (const b of tables) {
      for (const row of b.table.rows) expect(row.cells).toHaveLength(b.table.columns.length);
      expect(b.table.columns.length).toBeLessThanOrEqual(6); // the summary sheet's six columns
      expect(b.table.columns.reduce((a, c) => a + c.width, 0)).toBeCloseTo(1, 6);
    }
    expect(r.problems.filter((p) => p.code === 'tableOmitted')).toEqual([]);
  });

  test('investment: the seed figures, FDI and DDI each in its unit, amounts of a column at one decimal count, percentages as the text writes them', () => {
    const [inv] = tablesOf(exampleReport());
    expect(inv.table.columns.map((c) => [c.header, c.align])).toEqual([['Chỉ tiêu', 'left'], ['FDI (triệu USD)', 'right'], ['DDI (tỷ đồng)', 'right']]);
    expect(cells(inv)).toEqual([
      ['Số dự án cấp mới (dự án)', '25', '10'],
      ['Vốn đăng ký cấp mới', '281,00', '13.733,00'],
      ['Số dự án điều chỉnh vốn (dự án)', '17', '11'],
      ['Vốn điều chỉnh (thuần)', '381,18', '845,00'],
      ['Tổng vốn thu hút', '662,18', '14.578,00'],
      ['Cùng kỳ năm 2022', '626,00', '6.493,39'],
      ['So với cùng kỳ (%)', '106', '224,5'], // as the text writes it: "bằng 106%"
      ['Kế hoạch năm 2023', '2.000,00', '10.000,00'],
      ['So với kế hoạch năm (%)', '33,11', '145,8'],
    ]);
    expect(inv.table.rows[4].bold).toBe(true);
  });

  test('budget by unit against plan, the total row bold and equal to budget_total / budget_plan', () => {
    const r = exampleReport();
    const budget = tablesOf(r)[1];
    expect(budget.table.unit).toBe('Đơn vị tính: triệu đồng');
    expect(budget.table.columns.map((c) => c.header)).toEqual(['Đơn vị', 'Số nộp', 'Kế hoạch', 'So với kế hoạch (%)']);
    expect(cells(budget)).toEqual([
      ['Cơ quan Ban Quản lý Khu kinh tế', '1.210,9', '2.141', '56,6'],
      ['Trung tâm Xúc tiến đầu tư và Dịch vụ việc làm Khu kinh tế', '157,1', '419', '37,5'],
      ['Tổng cộng', '1.368,0', '2.560', '53,4'],
    ]);
    expect(budget.table.rows.map((x) => !!x.bold)).toEqual([false, false, true]);
    expect(r.metrics.get('budget_total')!.value).toBe(1368);
    expect(r.metrics.get('budget_plan')!.value).toBe(2560);
  });

  test('enterprise results: this period and the annual plan; the same-period columns, all unknown, dropped and said once; the estimate noted', () => {
    const ent = tablesOf(exampleReport())[2];
    expect(ent.table.columns.map((c) => c.header)).toEqual(['Chỉ tiêu', 'Kỳ báo cáo', 'Kế hoạch năm 2023', 'So với kế hoạch (%)']);
    expect(ent.table.columns.reduce((a, c) => a + c.width, 0)).toBeCloseTo(1, 9);
    expect(cells(ent)).toEqual([
      ['Doanh thu (tỷ đồng)', '306.966', '635.958', '48,3'],
      ['Xuất khẩu (triệu USD)', '9.101', '23.429', '38,8'],
      ['Nhập khẩu (triệu USD)', '7.409', '21.810', '34,0'],
      ['Nộp ngân sách (tỷ đồng)', '5.412', '16.615', '32,6'],
    ]);
    expect(ent.table.note).toBe('Số liệu có phần ước tính. Chưa có số liệu: Cùng kỳ năm 2022; So với cùng kỳ (%).');
  });

  test('tasks by state: 224 assigned, 197 done (3 late), 27 open (1 overdue, 12 within deadline, 14 without)', () => {
    const tasks = tablesOf(exampleReport())[4];
    expect(cells(tasks)).toEqual([
      ['Nhiệm vụ được giao', '224', '100,0'],
      ['Đã hoàn thành', '197', '87,9'],
      ['Trong đó: hoàn thành sau hạn', '3', '1,3'],
      ['Đang thực hiện', '27', '12,1'],
      ['- Quá hạn', '1', '0,4'],
      ['- Trong hạn', '12', '5,4'],
      ['- Không có thời hạn', '14', '6,3'],
    ]);
    expect(tasks.table.rows.map((x) => !!x.sub)).toEqual([false, false, true, false, true, true, true]);
  });

  test('dossiers: the seed §II.7 figures (3.946 resolved, 1.703 online, 4.265 other, 1,38 triệu đồng), the on-time rate and the overdue', () => {
    const dossiers = tablesOf(exampleReport())[3];
    expect(cells(dossiers)).toEqual([
      ['Hồ sơ TTHC tiếp nhận trong kỳ (hồ sơ)', '3.837', '–'],
      ['Hồ sơ TTHC đã giải quyết (hồ sơ)', '3.946', '–'],
      ['- Giải quyết đúng hạn', '3.930', '99,6'],
      ['- Nộp trực tuyến', '1.703', '43,2'],
      ['Hồ sơ không thuộc TTHC đã giải quyết (hồ sơ)', '4.265', '–'],
      ['Hồ sơ TTHC chưa trả kết quả đến ngày 07/06/2023 (hồ sơ)', '134', '–'],
      ['- Quá hạn', '3', '2,2'],
      ['Phí, lệ phí thu không dùng tiền mặt (triệu đồng)', '1,38', '–'],
    ]);
  });

  test('no Targets table: "–" in the plan and prior columns, no crash; tables without any figure are left out and said so', () => {
    const r = run([settings(H1), fdi]);
    const tables = tablesOf(r);
    expect(tables.map((b) => b.caption)).toEqual(['Bảng 1. Kết quả thu hút đầu tư']);
    // FDI's prior is 0 from the DuAn rows (project B is older); DDI has no history at all
    expect(cells(tables[0]).slice(5)).toEqual([
      ['Cùng kỳ năm 2022', '0,00', '–'],
      ['So với cùng kỳ (%)', '–', '–'],
      ['Kế hoạch năm 2023', '–', '–'],
      ['So với kế hoạch năm (%)', '–', '–'],
    ]);
    expect(cells(tables[0])[4]).toEqual(['Tổng vốn thu hút', '662,18', '0']);
    const omitted = r.problems.filter((p) => p.code === 'tableOmitted').map((p) => p.message);
    expect(omitted).toEqual([
      'Không lập bảng "Nộp ngân sách nhà nước theo đơn vị": không có số liệu nào của bảng.',
      'Không lập bảng "Một số chỉ tiêu sản xuất kinh doanh của doanh nghiệp": không có số liệu nào của bảng.',
      'Không lập bảng "Tình hình thực hiện nhiệm vụ được giao": không có số liệu nào của bảng.',
    ]);
    expect(tablesOf(run([settings(H1)]))).toEqual([]);
  });

  test('in English: "Table N.", English number style', () => {
    const r = run([settings(H1), fdi, plans], 'en');
    const [inv] = tablesOf(r);
    expect(inv.caption).toBe('Table 1. Investment attracted');
    expect(cells(inv)[4]).toEqual(['Total capital attracted', '662.18', '0']);
    expect(cells(inv)[8]).toEqual(['Against the annual plan (%)', '33.11', '–']);
  });
});

describe('the subject under "BÁO CÁO" (issue 18: one title word)', () => {
  test.each([
    ['Báo cáo kết quả thu hút đầu tư 9 tháng năm 2024', 'vi', 'Kết quả thu hút đầu tư 9 tháng năm 2024'],
    ['BÁO CÁO: tình hình hoạt động các KCN', 'vi', 'Tình hình hoạt động các KCN'],
    ['Sơ kết công tác thi đua khen thưởng 6 tháng đầu năm 2023', 'vi', 'Sơ kết công tác thi đua khen thưởng 6 tháng đầu năm 2023'],
    ['Báo cáo', 'vi', 'Báo cáo'],
    ['Report on the results of the first half of 2024', 'en', 'The results of the first half of 2024'],
    ['Investment in 2024', 'en', 'Investment in 2024'],
  ] as const)('%s (%s) → %s', (title, lang, subject) => {
    const r = run([settings(H1, { TrichYeu: title })], lang);
    expect(r.model.subject).toBe(subject);
  });
});

describe('the report date (workbook contract: NgayBaoCao)', () => {
  const NINE_MONTHS: [string, string] = ['01/01/2024', '30/09/2024'];
  const events = projects([
    ['A', 'FDI', 'Cấp mới', '15/09/2024', 10],
    ['B', 'FDI', 'Cấp mới', '28/09/2024', 20],
    ['C', 'FDI', 'Cấp mới', '20/12/2024', 30], // after the period: not counted, not compared
  ]);
  const dateProblems = (r: ReportResult) => r.problems.filter((p) => /^reportDate|^futureDate/.test(p.code));

  test('without NgayBaoCao the date line and the annexes keep blanks to fill at signing, in the year of the period end', () => {
    const vi = run([settings(NINE_MONTHS, { DiaDanh: 'Đà Nẵng', SoHieu: '12/BC-BQL', CoQuan: 'Ban Quản lý' }), events]);
    expect(vi.model.header.placeDate).toBe('Đà Nẵng, ngày … tháng … năm 2024');
    expect(vi.model.annexes[0].attachedTo).toBe('(Kèm theo Báo cáo số 12/BC-BQL ngày … tháng … năm 2024 của Ban Quản lý)');
    const en = run([settings(NINE_MONTHS, { DiaDanh: 'Da Nang' }), events], 'en');
    expect(en.model.header.placeDate).toBe('Da Nang, … 2024');
    // and nothing is compared with the day the program runs
    expect(dateProblems(vi)).toEqual([]);
  });

  test('a report date before the period end, or before rows it counts, is a warning at the cells concerned', () => {
    const r = run([settings(NINE_MONTHS, { NgayBaoCao: '20/09/2024' }), events]);
    expect(r.model.header.placeDate).toBe('…, ngày 20 tháng 9 năm 2024');
    const found = dateProblems(r);
    expect(found.map((p) => [p.level, p.code, p.cell])).toEqual([
      ['warning', 'reportDateBeforePeriodEnd', 'ThongTin!B4'],
      ['warning', 'reportDateBeforeData', 'DuAn!D3'],
    ]);
    expect(found[1].message).toContain('28/09/2024');
    expect(found[1].message).toMatch(/^Có 1 dòng/);
  });

  test('a report date on or after the period end and after every counted row: no warning, even with later rows outside the period', () => {
    const r = run([settings(NINE_MONTHS, { NgayBaoCao: '05/10/2024' }), events]);
    expect(r.model.header.placeDate).toBe('…, ngày 05 tháng 10 năm 2024');
    expect(dateProblems(r)).toEqual([]);
  });

  test('the example is dated after its period and its data: no warning', () => {
    expect(dateProblems(exampleReport())).toEqual([]);
    expect(exampleReport().model.header.placeDate).toBe('Hải Phòng, ngày 30 tháng 6 năm 2023');
  });
});

describe('a whole draft from data alone (issue 18)', () => {
  const headings = (r: ReportResult) => r.model.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
  const blanks = (r: ReportResult) => r.model.blocks.flatMap((b) => (b.kind === 'paragraph' && b.placeholder ? [inlineText(b.inlines)] : []));
  const drafts = (r: ReportResult) => r.problems.filter((p) => p.code.startsWith('draft')).map((p) => `${p.level} ${p.code}`);
  const sections = (rows: [string, string | null, string | null][]) => table('NoiDung', ['Mục', 'Tiêu đề', 'Nội dung'], rows);
  const labour = table('LaoDong', ['Doanh nghiệp', 'Tháng', 'Số lao động'], [['DN A', '06/2023', 100]]);
  const budget = table('NganSach', ['Đơn vị', 'Tháng', 'Số nộp'], [['Văn phòng', '03/2023', 12]]);
  const tasks = table('NhiemVu', ['Mã nhiệm vụ', 'Ngày giao', 'Hạn xử lý', 'Ngày hoàn thành'], [['T1', '01/02/2023', null, '01/03/2023']]);

  test('no prose at all: sections in sequence, a marked blank for the opening, part I, the closing and the signer, each said on Kiểm tra', () => {
    const r = run([settings(H1), fdi, labour, budget, tasks]);
    expect(headings(r).map((h) => h.split(' ')[0])).toEqual(['I.', 'II.', '1.', '(1)', '(2)', '2.', '3.', '(1)', '(2)', '4.', 'III.']);
    expect(headings(r)).toContain('2. Nộp ngân sách nhà nước');
    expect(headings(r)).toContain('4. Tình hình thực hiện nhiệm vụ được giao');
    expect(blanks(r)).toHaveLength(3);
    expect(blanks(r).every((t) => /^\[Cần bổ sung: .+\]$/.test(t))).toBe(true);
    // the opening blank comes first, before part I
    expect(r.model.blocks[0].kind === 'paragraph' && r.model.blocks[0].placeholder).toBe(true);
    expect(r.model.signature).toEqual({ lines: ['[CHỨC VỤ NGƯỜI KÝ]'], name: '[Họ và tên người ký]' });
    expect(drafts(r)).toEqual(['warning draftOpening', 'warning draftSectionI', 'warning draftClosing', 'warning draftSignerTitle', 'warning draftSignerName']);
    const sheet = r.plan.sheets[0].cells.map((c) => c.value);
    for (const t of [...blanks(r), '[CHỨC VỤ NGƯỜI KÝ]', '[Họ và tên người ký]']) expect(sheet).toContain(t);
    // on the sheet the blanks stand out in yellow, as Word highlights them; nothing else does
    const yellow = r.plan.sheets[0].cells.filter((c) => c.style.fill === 'FFFFFF00').map((c) => String(c.value));
    expect(yellow.sort()).toEqual([...blanks(r), '[CHỨC VỤ NGƯỜI KÝ]', '[Họ và tên người ký]', ...headings(r).filter((h) => h.includes('[TIÊU ĐỀ PHẦN I]'))].sort());
    expect(yellow.length).toBeGreaterThanOrEqual(5);
    // with the prose and the signer given, nothing is yellow
    const full = run([settings(H1, { ChucVuKy: 'Trưởng ban', NguoiKy: 'Trần Văn B' }), fdi, sections([['MoDau', null, 'Mở đầu.'], ['I', 'Tình hình chung', 'Văn bản.'], ['KetLuan', null, 'Kết luận./.']])]);
    expect(full.plan.sheets[0].cells.filter((c) => c.style.fill === 'FFFFFF00')).toEqual([]);
    const en = run([settings(H1), fdi], 'en');
    expect(blanks(en).every((t) => /^\[To be written: .+\]$/.test(t))).toBe(true);
    expect(en.model.signature.name).toBe("[Signer's full name]");
  });

  test('items missing for one reason are said once: no enterprise table gives one line for the four figures, one for labour', () => {
    const text = (r: ReportResult) => r.model.blocks.flatMap((b) => (b.kind === 'paragraph' ? [inlineText(b.inlines)] : []));
    const missing = (r: ReportResult) => text(r).filter((t) => /chưa có số liệu|no figures yet/.test(t));
    const r = run([settings(H1), fdi]);
    const lines = missing(r).filter((t) => t.startsWith('- '));
    expect(lines).toEqual([
      expect.stringMatching(/^- Số lao động tại các khu công nghiệp, khu kinh tế và thu nhập bình quân: chưa có số liệu \(.+\)\.$/),
      expect.stringMatching(/^- Doanh thu, xuất khẩu, nhập khẩu và nộp ngân sách: chưa có số liệu \(.+\)\.$/),
    ]);
    // each reason is still said, once
    expect(new Set(lines.map((t) => /\((.+)\)\.$/.exec(t)![1])).size).toBe(2);
    const en = missing(run([settings(H1), fdi], 'en')).filter((t) => t.startsWith('- '));
    expect(en).toEqual([expect.stringMatching(/^- Workers .+ and average income: no figures yet \(.+\)\.$/), expect.stringMatching(/^- Revenue, exports, imports and taxes paid: no figures yet \(.+\)\.$/)]);
    // with the labour table (no income column): the workers are stated, the income line keeps its own reason
    expect(missing(run([settings(H1), fdi, labour])).filter((t) => t.startsWith('- '))).toEqual([
      expect.stringMatching(/^- Thu nhập bình quân: chưa có số liệu \(.+\)\.$/),
      expect.stringMatching(/^- Doanh thu, xuất khẩu, nhập khẩu và nộp ngân sách: /),
    ]);
  });

  test('the staff numbers are kept; the generated sections take the numbers left free, in order', () => {
    const r = run([
      settings(H1, { ChucVuKy: 'Trưởng ban', NguoiKy: 'Trần Văn B' }),
      fdi,
      budget,
      tasks,
      sections([
        ['MoDau', null, 'Thực hiện chế độ báo cáo…'],
        ['I', 'Tình hình chung', 'Văn bản của cán bộ.'],
        ['II.2', 'Hoạt động xúc tiến đầu tư', 'Xúc tiến tại chỗ.'],
      ]),
    ]);
    expect(headings(r)).toEqual([
      'I. TÌNH HÌNH CHUNG',
      'II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ',
      '1. Kết quả thu hút đầu tư tại khu công nghiệp (KCN), khu kinh tế (KKT)',
      '(1) Thu hút vốn đầu tư trực tiếp nước ngoài (FDI)',
      '(2) Thu hút vốn đầu tư trong nước (DDI)',
      '2. Hoạt động xúc tiến đầu tư',
      '3. Nộp ngân sách nhà nước',
      '4. Tình hình hoạt động của các doanh nghiệp trong khu công nghiệp, khu kinh tế',
      '(1) Tình hình lao động',
      '(2) Một số chỉ tiêu chủ yếu trong hoạt động sản xuất kinh doanh',
      '5. Tình hình thực hiện nhiệm vụ được giao',
      'III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI VÀ KIẾN NGHỊ',
    ]);
    expect(drafts(r)).toEqual(['warning draftClosing']);
  });

  test('the example, whose staff wrote every part, keeps its numbers and has no blank', () => {
    const r = exampleReport();
    expect(blanks(r)).toEqual([]);
    expect(drafts(r)).toEqual([]);
    expect(headings(r)).toContain('3. Nộp ngân sách nhà nước');
    expect(headings(r).some((h) => h.startsWith('8. Tình hình thực hiện nhiệm vụ Ủy ban nhân dân thành phố giao'))).toBe(true);
    expect(headings(r).filter((h) => /^[IVX]+\. /.test(h)).map((h) => h.split(' ')[0])).toEqual(['I.', 'II.', 'III.']);
  });
});
