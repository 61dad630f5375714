// The bundled example's report, and the seed report's phrases it must state, for the Word and visual tests.
import { buildExampleTables } from '../../scripts/example/data';
import { buildReport, ReportResult } from '../../src/core/engine';
import { parseA1, TableSnapshot } from '../../src/core/records/snapshot';

export function exampleSnapshots(): TableSnapshot[] {
  return buildExampleTables().map((t) => {
    const a = parseA1(t.topLeft);
    return { name: t.name, sheet: t.sheet, headerRow: a.row, firstColumn: a.col, headers: t.headers, rows: t.rows };
  });
}

let cached: ReportResult | null = null;
export function exampleReport(): ReportResult {
  return (cached ??= buildReport(exampleSnapshots(), { today: '2023-07-01' }));
}

/** The seed's figures, as ../shared/tools/check-seed-example.mjs lists them (the two slips corrected). */
export const SEED_PHRASES: (string | string[])[] = [
  'cấp mới 25 dự án FDI', '281 triệu USD', '17 dự án', '381,18 triệu USD', '662,18 triệu USD', '106%', '33,11%',
  '484 dự án FDI', '24,48 tỷ USD', '10 dự án DDI', '13.733 tỷ đồng', '11 dự án', '845 tỷ đồng', '14.578 tỷ đồng',
  'gấp 2,25 lần', '145,8%', '213 dự án', '308.793 tỷ đồng', '13,2 tỷ USD',
  '1.368 triệu đồng', '53,4%', '2.560 triệu đồng', '1.210,9 triệu đồng', '56,6%', '157,1 triệu đồng', '37,5%',
  '195.683', 'giảm 4,3%', '204.512', '11,5 triệu đồng', '306.966 tỷ đồng', '48,3%', '9.101 triệu USD', '38,8%',
  '7.409 triệu USD', ['34,0%', '34%'], '5.412 tỷ đồng', '32,6%',
  '197/224', '27 nhiệm vụ', '01 nhiệm vụ quá hạn', '12 nhiệm vụ trong hạn', '14 nhiệm vụ không hạn',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO',
];

export const normText = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ');

/** The phrases of SEED_PHRASES that `text` lacks (none of the alternatives present). */
export function missingPhrases(text: string): string[] {
  const t = normText(text);
  return SEED_PHRASES.filter((p) => !(Array.isArray(p) ? p : [p]).some((a) => t.includes(normText(a)))).map((p) => (Array.isArray(p) ? p[0] : p));
}
