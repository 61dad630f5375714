import { inlineText } from '../../../src/core/report/sheet-plan';
import { ReportResult } from '../../../src/core/engine';
import { table, settings, run, metric, reason, problemAt } from '../../helpers/tables';

/*
 * The Dossiers / HoSo table (workbook contract, "Dossiers"): one row per dossier as the one-stop
 * system exports it, counted into the dossiers_* metrics and §II.7.
 */

const H1 = ['01/01/2023', '30/06/2023'] as [string, string];
const VI = ['Mã hồ sơ', 'Tên thủ tục', 'Loại hồ sơ', 'Hình thức nộp', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày trả kết quả', 'Phí, lệ phí', 'Không dùng tiền mặt'];

// rows 2.. of sheet HoSo
const ROWS = [
  ['A1', 'Cấp GCNĐKĐT', 'TTHC', 'Trực tuyến', '05/01/2023', '15/01/2023', '10/01/2023', 500000, 'x'], // resolved, online, on time, fee
  ['A2', 'Điều chỉnh GCNĐKĐT', null, 'Trực tiếp', '20/12/2022', '05/01/2023', '06/01/2023', '1.380.000', 'Có'], // kind empty = TTHC; late; received before the period
  ['A3', 'Cấp giấy phép lao động', 'TTHC', 'Bưu chính', '01/06/2023', null, '30/06/2023', null, null], // resolved without a due date
  ['A4', 'Xác nhận', 'Khác', 'Trực tuyến', '02/02/2023', '10/02/2023', '03/02/2023', 200000, 'Yes'], // other kind; its fee counts
  ['A5', 'Công văn', 'Không thuộc TTHC', null, '01/03/2023', null, null, null, null], // other, pending: not TTHC
  ['A6', 'Cấp GCNĐKĐT', 'TTHC', 'Trực tuyến', '10/06/2023', '20/06/2023', null, null, null], // pending, overdue
  ['A7', 'Cấp GCNĐKĐT', 'TTHC', 'Trực tiếp', '25/06/2023', '10/07/2023', null, null, null], // pending, within due
  ['A8', 'Cấp GCNĐKĐT', 'TTHC', 'Trực tiếp', '15/06/2023', '25/06/2023', '05/07/2023', null, null], // returned after the period: pending at 30/06, overdue
  ['A9', 'Cấp GCNĐKĐT', 'TTHC', 'Trực tiếp', '20/12/2022', null, '28/12/2022', 999000, 'x'], // all before the period
  ['A10', 'Cấp GCNĐKĐT', 'TTHC', 'Trực tiếp', '10/03/2023', null, '01/03/2023', null, null], // returned before received: bad row
  ['A11', 'Cấp GCNĐKĐT', 'TTHC', 'Trực tuyến', '01/04/2023', '10/04/2023', '10/04/2023', 300000, 'Không'], // on time (the due day itself), cash
  ['A12', 'Cấp GCNĐKĐT', 'Lạ', 'Trực tiếp', '01/04/2023', null, '02/04/2023', null, null], // unknown kind: bad row
];
const hoso = (rows = ROWS, headers = VI) => table('HoSo', headers, rows);
const para = (r: ReportResult, key: string) => r.model.blocks.filter((b) => b.kind === 'paragraph' && b.generated === key).map((b) => (b.kind === 'paragraph' ? inlineText(b.inlines) : ''));
const allText = (r: ReportResult) => r.model.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b.kind === 'paragraph' ? inlineText(b.inlines) : '')).join('\n');

describe('reading the HoSo table', () => {
  test('every dossiers_* metric as the contract defines it', () => {
    const r = run([settings(H1), hoso()]);
    expect(metric(r, 'dossiers_resolved')).toBe(4); // A1 A2 A3 A11
    expect(metric(r, 'dossiers_online')).toBe(2); // A1 A11
    expect(metric(r, 'dossiers_on_time')).toBe(2); // A1 A11 of A1 A2 A11
    expect(metric(r, 'dossiers_on_time_pct')).toBeCloseTo((2 / 3) * 100, 12);
    expect(metric(r, 'dossiers_other_resolved')).toBe(1); // A4
    expect(metric(r, 'dossiers_received')).toBe(6); // A1 A3 A6 A7 A8 A11
    expect(metric(r, 'dossiers_pending')).toBe(3); // A6 A7 A8
    expect(metric(r, 'dossiers_overdue')).toBe(2); // A6 A8
    expect(metric(r, 'dossiers_fees_cashless')).toBe(2.08); // (500.000 + 1.380.000 + 200.000) đồng
  });

  test('a dossier returned before it was received is an error at its returned cell, left out and counted in DỰ THẢO', () => {
    const r = run([settings(H1), hoso()]);
    const at = problemAt(r, 'HoSo!G11');
    expect(at).toHaveLength(1);
    expect(at[0].level).toBe('error');
    expect(at[0].message).toContain('10/03/2023');
    expect(problemAt(r, 'HoSo!C13')[0].level).toBe('error'); // the unknown kind
    expect(r.data.tables.find((t) => t.kind === 'dossiers')).toMatchObject({ rowsRead: 10, rowsSkipped: 2 });
    expect(r.model.draft?.note).toContain('2 dòng');
  });

  test('English headers in another order, dates as dates, yes/no and channel spellings', () => {
    const d = (s: string) => new Date(`${s}T00:00:00Z`);
    const rows = [
      [true, d('2023-01-12'), 'online', 'D1', d('2023-01-10'), d('2023-01-20'), 60000, 'TTHC'],
      ['TRUE', '12/01/2023', 'Qua mạng', 'D2', '10/01/2023', null, '60.000', null],
      ['no', '12/01/2023', 'Trực tiếp', 'D3', '10/01/2023', null, '1.000.000', 'other'],
    ];
    const r = run([settings(H1), table('Dossiers', ['cashless', 'returned', 'channel', 'dossierId', 'received', 'due', 'fee', 'kind'], rows)]);
    expect(r.problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(metric(r, 'dossiers_resolved')).toBe(2);
    expect(metric(r, 'dossiers_online')).toBe(2);
    expect(metric(r, 'dossiers_on_time')).toBe(1);
    expect(metric(r, 'dossiers_on_time_pct')).toBe(100);
    expect(metric(r, 'dossiers_other_resolved')).toBe(1);
    expect(metric(r, 'dossiers_fees_cashless')).toBe(0.12);
  });

  test('the export payment column: "Trực tuyến", "Chuyển khoản" are paid without cash, "Tiền mặt" is not; anything else is said at its cell', () => {
    const rows = [
      ['P1', '10/01/2023', '12/01/2023', 100000, 'Thanh toán trực tuyến'],
      ['P2', '10/01/2023', '12/01/2023', 200000, 'Chuyển khoản'],
      ['P3', '10/01/2023', '12/01/2023', 400000, 'Tiền mặt'],
      ['P4', '10/01/2023', '12/01/2023', 800000, 'Trực tuyến'],
      ['P5', '10/01/2023', '12/01/2023', 1600000, 'ví điện tử?'],
    ];
    const r = run([settings(H1), table('HoSo', ['Mã hồ sơ', 'Ngày tiếp nhận', 'Ngày trả kết quả', 'Phí, lệ phí', 'Không dùng tiền mặt'], rows)]);
    expect(metric(r, 'dossiers_fees_cashless')).toBe(1.1);
    expect(problemAt(r, 'HoSo!E6').map((p) => p.code)).toEqual(['badOptional']);
    expect(metric(r, 'dossiers_resolved')).toBe(5);
  });

  test('missing inputs give null and a reason, never 0', () => {
    const none = run([settings(H1)]);
    for (const k of ['dossiers_resolved', 'dossiers_online', 'dossiers_on_time_pct', 'dossiers_fees_cashless', 'dossiers_overdue']) {
      expect(metric(none, k)).toBeNull();
      expect(reason(none, k)).toMatch(/hồ sơ/);
    }
    // no channel, due or fee columns: those figures are missing; the counts are not
    const bare = run([settings(H1), table('HoSo', ['Mã hồ sơ', 'Ngày tiếp nhận', 'Ngày trả kết quả'], [['B1', '02/01/2023', '03/01/2023']])]);
    expect(metric(bare, 'dossiers_resolved')).toBe(1);
    expect(metric(bare, 'dossiers_pending')).toBe(0);
    for (const k of ['dossiers_online', 'dossiers_on_time', 'dossiers_on_time_pct', 'dossiers_overdue', 'dossiers_fees_cashless']) {
      expect(metric(bare, k)).toBeNull();
      expect(reason(bare, k)).toBeTruthy();
    }
    // a due column, but no resolved dossier has a due date: no rate
    const noDue = run([settings(H1), table('HoSo', ['Mã hồ sơ', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày trả kết quả'], [['B1', '02/01/2023', null, '03/01/2023']])]);
    expect(metric(noDue, 'dossiers_on_time_pct')).toBeNull();
    expect(metric(noDue, 'dossiers_overdue')).toBe(0);
  });

  test('METRIC reaches the new figures through the catalog', async () => {
    const { CATALOG_BY_KEY } = await import('../../../src/core/figures/catalog');
    for (const k of ['dossiers_resolved', 'dossiers_online', 'dossiers_on_time', 'dossiers_on_time_pct', 'dossiers_other_resolved', 'dossiers_received', 'dossiers_pending', 'dossiers_overdue', 'dossiers_fees_cashless']) {
      expect(CATALOG_BY_KEY.get(k)).toBeDefined();
    }
  });
});

describe('§II.7 written from the dossiers', () => {
  test('the seed wording, with the on-time rate and the overdue count', () => {
    const r = run([settings(H1), hoso()]);
    const text = allText(r);
    // TTHC written in full at its first use, as the report writes every abbreviation (abbreviations.ts)
    expect(text).toContain('Kết quả giải quyết thủ tục hành chính (TTHC) 6 tháng đầu năm 2023:');
    expect(text).toContain('- Giải quyết thủ tục hành chính: 4 hồ sơ, trong đó đúng hạn 2 hồ sơ, đạt 66,7%; còn 02 hồ sơ quá hạn chưa trả kết quả (chi tiết tại Phụ lục 1).');
    expect(text).toContain('- Giải quyết các hồ sơ không thuộc thủ tục hành chính: 1 hồ sơ.');
    expect(text).toContain('- Dịch vụ công trực tuyến (cấp độ 3): 2 hồ sơ.');
    expect(text).toContain('- Thu phí, lệ phí bằng hình thức không dùng tiền mặt: 2,08 triệu đồng.');
    // the heading of its section (numbered in sequence when the staff have numbered none)
    const headings = r.model.blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : ''));
    expect(headings.filter((h) => /^\d+\. Kết quả giải quyết thủ tục hành chính$/.test(h))).toHaveLength(1);
  });

  test('in English', () => {
    const r = run([settings(H1), hoso()], 'en');
    const text = allText(r);
    expect(text).toContain('Administrative procedures in the first half of 2023:');
    expect(text).toContain('- Administrative-procedure dossiers resolved: 4, of which 2 on time (66.7%); 2 overdue and not yet returned (listed in Annex 1).');
    expect(text).toContain('- Other dossiers resolved (not administrative procedures): 1.');
    expect(text).toContain('- Online public services (level 3): 2 dossiers.');
    expect(text).toContain('- Fees and charges paid without cash: 2.08 million VND.');
  });

  test('without due dates the sentence states the counts only', () => {
    const rows = ROWS.map((x) => [...x.slice(0, 5), null, ...x.slice(6)]);
    const r = run([settings(H1), hoso(rows)]);
    const text = allText(r);
    expect(text).toContain('- Giải quyết thủ tục hành chính: 4 hồ sơ.');
    expect(text).not.toContain('đúng hạn');
  });

  test('no HoSo table: §II.7 is left to the staff', () => {
    const r = run([settings(H1)]);
    expect(para(r, 'dossiers_resolved')).toEqual([]);
    expect(r.model.blocks.some((b) => b.section === 'II.7')).toBe(false);
  });

  test('staff rephrase it with the MauCau key "dossiers"', () => {
    const mau = table('MauCau', ['Mã câu', 'Mẫu câu'], [['dossiers', 'Đã giải quyết {dossiers_resolved} hồ sơ TTHC, {dossiers_online} hồ sơ trực tuyến.']]);
    const r = run([settings(H1), hoso(), mau]);
    expect(para(r, 'dossiers')).toEqual(['Đã giải quyết 4 hồ sơ thủ tục hành chính (TTHC), 2 hồ sơ trực tuyến.']);
    expect(allText(r)).not.toContain('Giải quyết các hồ sơ không thuộc');
  });

  test('a table of the figures and an annex of the overdue dossiers', () => {
    const r = run([settings(H1), hoso()]);
    const t = r.model.blocks.find((b) => b.kind === 'table' && b.table.id === 'dossiers');
    expect(t).toBeDefined();
    const cells = t && t.kind === 'table' ? t.table.rows.map((row) => row.cells.join(' | ')) : [];
    expect(cells.join('\n')).toContain('4');
    expect(cells.join('\n')).toContain('66,7');
    expect(cells.join('\n')).toContain('2,08');
    const annex = r.model.annexes.find((a) => a.id === 'dossiers');
    expect(annex).toBeDefined();
    expect(annex!.totals.dossiers_overdue).toBe(2);
    const listed = annex!.rows.filter((row) => !row.group && !row.bold).map((row) => row.cells[1]);
    expect(listed).toEqual(['A6 - Cấp GCNĐKĐT', 'A8 - Cấp GCNĐKĐT']);
  });

  test('no overdue dossier: no annex', () => {
    const r = run([settings(H1), hoso(ROWS.filter((x) => x[0] !== 'A6' && x[0] !== 'A8'))]);
    expect(metric(r, 'dossiers_overdue')).toBe(0);
    expect(r.model.annexes.find((a) => a.id === 'dossiers')).toBeUndefined();
    expect(allText(r)).toContain('- Giải quyết thủ tục hành chính: 4 hồ sơ, trong đó đúng hạn 2 hồ sơ, đạt 66,7%.');
  });
});

describe('Đối chiếu reads §II.7 back', () => {
  const ownText = (r: ReportResult) => r.model.blocks.flatMap((b) => (b.kind === 'paragraph' ? [inlineText(b.inlines)] : b.kind === 'heading' ? [b.text] : []));

  test.each(['vi', 'en'] as const)('%s: every figure of the paragraph agrees; a changed one disagrees', async (lang) => {
    const { auditText } = await import('../../../src/core/audit');
    const r = run([settings(H1), hoso()], lang);
    const text = ownText(r);
    const a = auditText(text, r);
    expect(a.findings.filter((f) => f.status === 'disagrees')).toEqual([]);
    const linked = new Set(a.findings.filter((f) => f.status === 'agrees').map((f) => f.metric));
    for (const k of ['dossiers_resolved', 'dossiers_on_time', 'dossiers_on_time_pct', 'dossiers_online', 'dossiers_fees_cashless']) expect([k, linked.has(k)]).toEqual([k, true]);
    // a typed slip: 1.703 → 1.730 online dossiers
    const online = lang === 'vi' ? '(cấp độ 3): 2 hồ sơ' : '(level 3): 2 dossiers';
    const slipped = text.map((p) => p.replace(online, online.replace('2', '5')));
    expect(slipped).not.toEqual(text);
    const b = auditText(slipped, r);
    expect(b.findings.filter((f) => f.status === 'disagrees').map((f) => [f.text, f.metric])).toEqual([['5', 'dossiers_online']]);
  });
});
