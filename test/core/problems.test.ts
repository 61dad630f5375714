import fs from 'node:fs';
import path from 'node:path';
import { CATALOG } from '../../src/core/figures/catalog';
import { buildReport } from '../../src/core/engine';
import { Lang, PROBLEM_CODES, Problem, ProblemCode, Problems, cellsText, problemList, problemText, whyText } from '../../src/core/problems';
import { SETTINGS, TABLES } from '../../src/core/records/schema';
import { figureName, paragraphName, readingText } from '../../src/core/staff-words';
import { SheetGrid } from '../../src/core/recognize';
import { readWorkbookFile } from '../../src/node/input-file';
import { readSheetGridsFile } from '../../src/node/sheet-grids';

/*
 * Kiểm tra speaks to the staff: their table, sheet and column names, never the program's field
 * keys, metric keys or code names.
 */

const FIELD_KEYS = [...new Set(TABLES.flatMap((t) => t.columns.map((c) => c.key)))];
const CAMEL_KEYS = FIELD_KEYS.filter((k) => /[a-z][A-Z]/.test(k));
const SETTING_KEYS = new Set<string>(SETTINGS.map((s) => s.key));

/** The program identifiers found in a text shown to the staff, or [] when there are none. */
function identifiers(text: string, lang: Lang): string[] {
  const found: string[] = [];
  const words = text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
  for (const w of words) {
    if (/^[a-z0-9]+(_[a-z0-9]+)+$/i.test(w)) found.push(w); // snake_case: metric and template keys
    else if (CAMEL_KEYS.includes(w)) found.push(w);
    else if (lang === 'vi' && SETTING_KEYS.has(w)) found.push(w); // ThongTin's Vietnamese keys (TuNgay), not periodStart
    else if (lang === 'vi' && FIELD_KEYS.includes(w)) found.push(w); // "event", "capital", "name" in a Vietnamese text
  }
  for (const m of CATALOG) if (new RegExp(`\\b${m.key}\\b`).test(text) && m.key.includes('_')) found.push(m.key);
  if (/\[(…|\.\.\.)\]/.test(text)) found.push('[…]');
  if (/\b\d{4}-\d{2}-\d{2}\b/.test(text)) found.push('ISO date');
  if (/ExcelApi/.test(text)) found.push('ExcelApi');
  if (/\bundefined\b|\bnull\b|NaN/.test(text)) found.push('missing parameter');
  return [...new Set(found)];
}

test('the identifier check finds what Kiểm tra used to say', () => {
  expect(identifiers('Trang "FDI cấp mới": thiếu cột event của bảng DuAn', 'vi')).toEqual(['event']);
  expect(identifiers('cột: Tên dự án → name; GCNĐKĐT / Số GCN → projectId', 'vi')).toEqual(['name', 'projectId']);
  expect(identifiers('Đoạn "fdi" cần chỉ tiêu fdi_new_count', 'vi')).toEqual(['fdi_new_count']);
  expect(identifiers('budget_units[…].pct_plan', 'en')).toEqual(['budget_units', 'pct_plan', '[…]']);
  expect(identifiers('Không đọc được ô gộp (ExcelApi 1.13)', 'vi')).toEqual(['ExcelApi']);
  expect(identifiers('Ngày kết thúc kỳ (2023-01-01)', 'vi')).toEqual(['ISO date']);
  expect(identifiers('The Settings table has no value for periodStart', 'en')).toEqual([]);
  expect(identifiers('Bảng ThongTin chưa có giá trị cho khóa TuNgay (periodStart)', 'vi')).toEqual(['periodStart']);
});

/** Representative parameters, as the places that raise problems now pass them. */
function params(code: ProblemCode, lang: Lang): Record<string, string | number> {
  const vi = lang === 'vi';
  const reading = readingText(
    {
      kind: 'projects',
      columns: [
        { header: 'Tên dự án', field: 'name' },
        { header: 'GCNĐKĐT / Số GCN', field: 'projectId' },
        { header: 'Vốn đầu tư (nghìn USD)', field: 'capital', unit: { text: 'nghìn USD' } },
        { header: 'Cộng', field: null, unused: 'acrossTotal' },
      ],
      fixed: { source: 'FDI', event: 'adjust', month: '2023-06' },
      titleUnit: { text: 'triệu USD' },
      zoneFromGroups: true,
      idFromName: true,
    },
    lang,
  );
  const base: Record<string, string | number> = {
    table: 'DuAn',
    en: 'Projects',
    vi: 'TuNgay',
    header: 'Tên dự án',
    headers: 'Ghi chú, STT',
    rows: 12,
    row: 7,
    text: 'mười hai',
    why: whyText('notNumber', lang),
    today: '01/07/2023',
    key: 'TuNgay',
    start: '01/01/2023',
    end: '30/06/2023',
    asOf: '30/06/2023',
    title: vi ? 'Thu hút đầu tư so với kế hoạch' : 'Investment against plan',
    reason: vi ? 'chưa có kỳ báo cáo' : 'no report period',
    chars: 'U+0007',
    sheet: 'FDI cấp mới',
    range: 'A4:G525',
    confidence: 100,
    columns: reading,
    mb: '6,2',
    detail: vi ? 'phiên bản Excel này chưa cho đọc ô gộp' : 'this version of Excel does not give them',
    unit: 'Ban Quản lý',
    source: 'FDI',
    expected: 'triệu USD',
    id: 'GCN-01',
    date: '01/02/2023',
    first: 5,
    done: '01/02/2023',
    assigned: '02/02/2023',
    name: 'Công ty A',
    month: '06/2023',
    year: 2023,
    paragraph: paragraphName('fdi', lang),
    cycle: 'TyLe → HeSo → TyLe',
    cell: 'DuAn!F7',
    value: '12',
    app: 'LibreOffice',
    read: 10,
    skipped: 2,
    total: '16.645,41',
    sum: '16.644,41',
    dropped: 1,
    count: 3,
    latest: '02/07/2023',
    items: vi ? 'Từ ngày 01/01/2024, Đến ngày 30/06/2024' : 'From 01/01/2024, To 30/06/2024',
    column: 'D',
    field: vi ? 'loại' : 'event',
    values: vi ? '"Cấp mới" → cấp mới, "Thu hồi" → chấm dứt' : '"New" → new',
  };
  const own: Partial<Record<ProblemCode, Record<string, string | number>>> = {
    settingMissing: { key: 'periodStart', vi: 'TuNgay' },
    settingBad: { key: 'periodStart', vi: 'TuNgay' },
    settingUnknown: { key: 'KhoaLa' },
    templateUnknown: { key: 'MauCauLa' },
    templatePlaceholder: { key: paragraphName('budget_unit', lang), name: 'SoLa' },
    metricMissingInText: { paragraph: paragraphName('fdi_prior_note', lang), keys: `"${figureName('fdi_total_capital_prior', lang)}"`, count: 1 },
    metricKeyBad: { text: 'Tỷ lệ' },
    expressionRefused: { key: 'TyLeLapDay', why: vi ? 'có ký tự không được dùng' : 'holds characters that are not allowed' },
    expressionUnknownKey: { key: 'TyLeLapDay', name: 'ChiTieuLa' },
    expressionCycle: { key: 'TyLeLapDay' },
    expressionFailed: { key: 'TyLeLapDay', why: vi ? 'chia cho 0' : 'division by zero' },
    staffUnitCurrency: { unit: 'nghìn USD', header: 'Doanh thu (nghìn USD)', source: 'Doanh thu', expected: 'tỷ đồng' },
    staffBlockNotUsed: { why: vi ? 'thiếu cột "Loại" của bảng DuAn' : 'no "Event" column for Projects' },
    anhXaRow: { why: vi ? 'không có trang "Lao động"' : 'no sheet "Lao động"' },
    anhXaBlockNotUsed: { why: vi ? 'thiếu cột "Doanh nghiệp"' : 'no "Enterprise" column' },
    targetDuplicate: { text: 'Vốn FDI' },
    targetUnknownMetric: { text: 'Vốn lạ' },
    returnedBeforeReceived: { returned: '01/03/2023', received: '10/03/2023' },
  };
  return { ...base, ...own[code] };
}

describe.each(['vi', 'en'] as const)('every message in %s', (lang) => {
  test.each(PROBLEM_CODES.map((c) => [c]))('%s names no program identifier', (code) => {
    const { message, group } = problemText(code, lang, params(code, lang));
    expect([code, identifiers(message, lang)]).toEqual([code, []]);
    if (group !== undefined) expect([code, 'many', identifiers(group, lang)]).toEqual([code, 'many', []]);
    expect(message.normalize('NFC')).toBe(message);
  });
});

test('what a column was read as is said with the contract header, not the field key', () => {
  const vi = params('staffBlockMapped', 'vi').columns as string;
  expect(vi).toContain('cột "Tên dự án" → Tên dự án');
  expect(vi).toContain('cột "GCNĐKĐT / Số GCN" → Mã dự án');
  expect(vi).toContain('Loại: Điều chỉnh (theo tên trang, tiêu đề)');
  expect(vi).toContain('Tháng: tháng 06/2023');
  expect(vi).toContain('"Cộng" (cột cộng)');
  const en = params('staffBlockMapped', 'en').columns as string;
  expect(en).toContain('column "GCNĐKĐT / Số GCN" → Project ID');
  expect(en).toContain('"Cộng" (a total column)');
  expect(figureName('fdi_new_count', 'vi')).toBe('Số dự án FDI cấp mới');
  expect(figureName('pct_plan', 'vi')).toBe('tỷ lệ nộp ngân sách của đơn vị so với kế hoạch');
  expect(paragraphName('budget_unit', 'vi')).toBe('Nộp ngân sách nhà nước — theo đơn vị');
  expect(paragraphName('tasks_some_late', 'en')).toBe('Assigned tasks');
});

// The places that raise problems pass the staff's words too: whole workbooks, good and bad, in both languages.
const BAD = path.join(__dirname, '../fixtures/bad');
const EXAMPLES = path.join(__dirname, '../../examples');

async function reports(lang: Lang): Promise<Problem[]> {
  const out: Problem[] = [];
  for (const f of fs.readdirSync(BAD).filter((x) => x.endsWith('.xlsx'))) {
    let snaps;
    try {
      snaps = await readWorkbookFile(path.join(BAD, f), lang);
    } catch {
      continue; // not a workbook at all: the reader says so, before any check
    }
    out.push(...buildReport(snaps, { lang, today: '2026-11-27' }).problems);
  }
  const staff = path.join(EXAMPLES, 'hai-phong-2023-h1-staff.xlsx');
  out.push(...buildReport(await readWorkbookFile(staff, lang), { lang, today: '2023-07-01', grids: await readSheetGridsFile(staff) }).problems);
  // a staff list without the dates and the kind of event: not read, and said why in their words
  const grid: SheetGrid = {
    name: 'Dự án',
    merges: [],
    cells: [
      ['Mã dự án', 'Tên dự án', 'Nhà đầu tư', 'Vốn đầu tư (triệu USD)'],
      ['A1', 'Nhà máy A', 'Công ty A', 10],
      ['A2', 'Nhà máy B', 'Công ty B', 20],
    ],
  };
  out.push(...buildReport([], { lang, today: '2023-07-01', grids: [grid] }).problems);
  return out;
}

test.each(['vi', 'en'] as const)('no problem raised on real workbooks names a program identifier (%s)', async (lang) => {
  const problems = await reports(lang);
  expect(problems.length).toBeGreaterThan(100);
  // what is quoted is the staff's own text (a header, a value, their own metric names): theirs to name
  const unquoted = (m: string) => m.replace(/"[^"]*"/g, '""');
  const bad = problems.map((p) => ({ code: p.code, text: p.message, ids: identifiers(unquoted(p.message), lang) })).filter((x) => x.ids.length);
  expect(bad).toEqual([]);
  if (lang === 'vi') expect(problems.some((p) => p.code === 'staffBlockNotUsed' && /thiếu cột "Nguồn vốn", "Loại", "Ngày" của bảng DuAn/.test(p.message))).toBe(true);
}, 120_000);

describe('the problem list as the staff read it', () => {
  const make = (lang: Lang = 'vi') => {
    const p = new Problems(lang);
    p.add('info', 'DuAn!A1:I20', 'rowsRead', { table: 'DuAn', read: 18, skipped: 2 });
    p.add('info', "'FDI cấp mới'!A4:G30", 'staffBlockMapped', { sheet: 'FDI cấp mới', range: 'A4:G30', table: 'DuAn', en: 'Projects', confidence: 100, columns: 'cột "Tên dự án" → Tên dự án' });
    for (const r of [6, 11, 17]) p.add('info', `'FDI cấp mới'!B${r}`, 'staffGroupRow', { row: r, text: `KCN ${r}` });
    for (const r of [7, 9, 12, 13, 14]) p.add('error', `DuAn!F${r}`, 'badValue', { text: `x${r}`, header: 'Vốn đầu tư', why: whyText('notNumber', lang), row: r });
    p.add('warning', 'NhiemVu!D5', 'futureDate', { text: '03/07/2023', header: 'Hạn xử lý', today: '01/07/2023' });
    p.add('error', 'DuAn!G3', 'unknownSource', { text: 'XYZ', row: 3 });
    p.add('warning', 'NhiemVu!D8', 'futureDate', { text: '05/07/2023', header: 'Hạn xử lý', today: '01/07/2023' });
    return p.list;
  };

  test('errors, then warnings, then the rest; what recognition read apart', () => {
    const { issues, read } = problemList(make());
    expect(issues.map((l) => [l.level, l.code])).toEqual([
      ['error', 'badValue'],
      ['error', 'unknownSource'],
      ['warning', 'futureDate'],
      ['info', 'rowsRead'],
    ]);
    expect(read.map((l) => l.code)).toEqual(['staffBlockMapped', 'staffGroupRow']);
  });

  test('repeats of one message are one line with every cell and their count', () => {
    const { issues, read } = problemList(make());
    const bad = issues[0];
    expect(bad.count).toBe(5);
    expect(bad.cells).toEqual(['DuAn!F7', 'DuAn!F9', 'DuAn!F12', 'DuAn!F13', 'DuAn!F14']);
    expect(bad.message).toBe('Giá trị ở cột "Vốn đầu tư" không phải là số: các dòng này không được tính.');
    expect(cellsText(bad.cells, 'vi')).toBe('DuAn!F7, F9, F12:F14 (5 ô)');
    expect(cellsText(bad.cells, 'en')).toBe('DuAn!F7, F9, F12:F14 (5 cells)');
    const dates = issues[2];
    expect([dates.count, dates.message]).toEqual([2, 'Ngày ở cột "Hạn xử lý" nằm sau ngày lập báo cáo (01/07/2023): vui lòng kiểm tra.']);
    expect(read[1]).toMatchObject({ count: 3, message: 'Dòng nhóm, không phải số liệu: không tính vào tổng.' });
    expect(cellsText(read[1].cells, 'vi')).toBe("'FDI cấp mới'!B6, B11, B17 (3 ô)");
    // a message met once keeps its own words, row and value
    expect(issues[1].message).toBe('Nguồn vốn "XYZ" không hợp lệ (chỉ nhận FDI hoặc DDI): dòng 3 không được tính.');
    expect(issues[1].cells).toEqual(['DuAn!G3']);
    // every problem is on exactly one line
    const all = [...issues, ...read];
    expect(all.reduce((n, l) => n + l.count, 0)).toBe(make().length);
  });

  test('messages that differ in more than the cell stay apart; equal messages merge even without a shared form', () => {
    const p = new Problems('vi');
    p.add('warning', 'DuAn!H2', 'futureDate', { text: '03/07/2023', header: 'Ngày', today: '01/07/2023' });
    p.add('warning', 'NhiemVu!D2', 'futureDate', { text: '03/07/2023', header: 'Hạn xử lý', today: '01/07/2023' });
    p.add('warning', null, 'tableMissing', { table: 'LaoDong', en: 'Labour' });
    p.add('warning', null, 'tableMissing', { table: 'LaoDong', en: 'Labour' });
    const { issues } = problemList(p.list);
    expect(issues.map((l) => [l.code, l.count])).toEqual([
      ['futureDate', 1],
      ['futureDate', 1],
      ['tableMissing', 2],
    ]);
    expect(issues[0].message).toContain('03/07/2023'); // alone, the value is kept
  });

  test('cells on several sheets, ranges, and a long list cut with the rest counted', () => {
    expect(cellsText(['DuAn!F7', 'NhiemVu!D3', 'DuAn!F8', "'Lao động'!A3:AA79"], 'vi')).toBe("DuAn!F7:F8; NhiemVu!D3; 'Lao động'!A3:AA79 (4 ô)");
    expect(cellsText(['DuAn!F7'], 'vi')).toBe('DuAn!F7');
    expect(cellsText([], 'vi')).toBe('');
    const many = Array.from({ length: 30 }, (_, i) => `DuAn!F${i * 2 + 2}`);
    expect(cellsText(many, 'vi', 3)).toBe('DuAn!F2, F4, F6 … và 27 ô khác (30 ô)');
  });
});
