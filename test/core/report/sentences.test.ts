// Generated sentences read right for any mix of present, missing, zero and extreme inputs.
import fc from 'fast-check';
import { buildReport } from '../../../src/core/engine';
import { inlineText } from '../../../src/core/report/sheet-plan';
import { CellValue, TableSnapshot } from '../../../src/core/records/snapshot';
import { exampleSnapshots } from '../../document/example-report';

const BASE = exampleSnapshots();
const DATA_TABLES = ['DuAn', 'LaoDong', 'SanXuatKinhDoanh', 'NganSach', 'NhiemVu', 'KeHoach', 'HoSo'];

/** What a sentence must never say. */
const FORBIDDEN: [string, RegExp][] = [
  ['an ellipsis for a missing figure', /…/],
  ['a "00" count', /(^|[^\d.,])00(?![\d.,])/],
  ['a dangling "trong đó"', /trong đó:?\s*([.;,)]|$)/],
  ['an empty list', /:\s*[.;)]/],
  ['empty brackets', /\(\s*\)/],
  ['doubled punctuation', /[;,]\s*[;,.]|\.\./],
  ['a doubled space', / {2}/],
  ['a broken number', /NaN|Infinity|undefined|null/],
  ['"gấp … lần" with ",00"', /gấp \d+,00 lần/],
];

interface Variation {
  drop: boolean[];
  keepTasks: number;
  keepBudget: number;
  fdiPrior: number | null;
  zeroRevenue: boolean;
  lang: 'vi' | 'en';
}

function vary(v: Variation): TableSnapshot[] {
  return BASE.filter((s) => !v.drop[DATA_TABLES.indexOf(s.name)]).map((s) => {
    const rows = s.rows.map((r) => [...r]);
    const col = (h: string) => s.headers.indexOf(h);
    if (s.name === 'NhiemVu') return { ...s, rows: rows.filter((_, i) => i % 7 < v.keepTasks) };
    if (s.name === 'NganSach') return { ...s, rows: rows.slice(0, v.keepBudget) };
    if (s.name === 'KeHoach') {
      for (const r of rows) if (r[col('Chỉ tiêu')] === 'fdi_capital') r[col('Cùng kỳ')] = v.fdiPrior as CellValue;
      return { ...s, rows };
    }
    if (s.name === 'SanXuatKinhDoanh' && v.zeroRevenue) {
      for (const r of rows) r[col('Doanh thu')] = 0;
      return { ...s, rows };
    }
    return { ...s, rows };
  });
}

test('no generated sentence has an ellipsis, a "00" count, an empty list or a dangling "trong đó"', () => {
  fc.assert(
    fc.property(
      fc.record({
        drop: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
        keepTasks: fc.integer({ min: 0, max: 7 }),
        keepBudget: fc.integer({ min: 0, max: 12 }),
        fdiPrior: fc.oneof(fc.constant(null), fc.constant(0), fc.constant(331.09), fc.constant(0.01), fc.constant(1e9), fc.double({ min: 1, max: 5000, noNaN: true })),
        zeroRevenue: fc.boolean(),
        lang: fc.constantFrom<'vi' | 'en'>('vi', 'en'),
      }),
      (v) => {
        const r = buildReport(vary(v), { today: '2023-07-01', lang: v.lang });
        const generated = r.model.blocks.flatMap((b) => (b.kind === 'paragraph' && b.generated ? [inlineText(b.inlines)] : []));
        const notes = r.model.footnotes.map((f) => f.text);
        for (const text of [...generated, ...notes]) {
          for (const [what, re] of FORBIDDEN) if (re.test(text)) throw new Error(`${what}: ${text}`);
        }
      },
    ),
    { numRuns: 60 },
  );
});

test('the forbidden patterns catch what they are meant to', () => {
  const bad = ['nộp ngân sách đạt … triệu đồng', '(trong đó: 00 nhiệm vụ quá hạn)', 'trong đó: .', 'gấp 2,00 lần', 'a  b', '()'];
  for (const s of bad) expect(FORBIDDEN.some(([, re]) => re.test(s))).toBe(true);
  expect(FORBIDDEN.filter(([, re]) => re.test('Đến ngày 07/6/2023, Ban Quản lý đã hoàn thành 197/224 nhiệm vụ được giao; hiện đang thực hiện 27 nhiệm vụ (trong đó 01 nhiệm vụ quá hạn, 12 nhiệm vụ trong hạn và 14 nhiệm vụ không hạn).'))).toEqual([]);
});
