// A workbook unlike the example, for the visual test of the layout: another province, hundreds of
// new projects with long names and large capitals, hundreds of overdue and late tasks, long prose.
import { CellValue, TableSnapshot } from '../../src/core/records/snapshot';
import { buildReport, ReportResult } from '../../src/core/engine';
import { exampleSnapshots } from '../document/example-report';

const ZONES = ['KCN Yên Phong mở rộng', 'KCN Quế Võ III', 'KCN Thuận Thành II', 'KCN VSIP Bắc Ninh'];
const COUNTRIES = ['Hàn Quốc', 'Nhật Bản', 'Singapore', 'Trung Quốc', 'Đài Loan (Trung Quốc)'];
const WORDS = ['chuyên', 'nghiệp', 'điện', 'tử', 'linh', 'kiện', 'thông', 'minh', 'nguyễn', 'trường', 'khuyến', 'nghị'];

function rng(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

const day = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Snapshots of the stress workbook: `projects` new projects per source, `tasks` overdue and late tasks, `dossiers` overdue dossiers. */
export function stressSnapshots(opts: { projects?: number; tasks?: number; prose?: number; dossiers?: number } = {}): TableSnapshot[] {
  const nProjects = opts.projects ?? 150;
  const nTasks = opts.tasks ?? 160;
  const nDossiers = opts.dossiers ?? 160;
  const prose = opts.prose ?? 3;
  const r = rng(0x5eed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const base = exampleSnapshots();
  const out: TableSnapshot[] = [];
  for (const s of base) {
    if (s.name === 'ThongTin') {
      const rows = s.rows.map((row) => {
        const [k] = row;
        if (k === 'CoQuan') return [k, 'Ban Quản lý các Khu công nghiệp tỉnh Bắc Ninh'];
        if (k === 'CoQuanChuQuan') return [k, 'UBND TỈNH BẮC NINH'];
        if (k === 'DiaDanh') return [k, 'Bắc Ninh'];
        return row;
      });
      out.push({ ...s, rows });
    } else if (s.name === 'DuAn') {
      const rows: CellValue[][] = [...s.rows];
      for (const source of ['FDI', 'DDI']) {
        for (let i = 0; i < nProjects; i++) {
          const long = Array.from({ length: 3 + Math.floor(r() * 6) }, () => pick(WORDS)).join(' ');
          // large capitals: totals in the hundreds of thousands
          const capital = Math.round((source === 'FDI' ? 500 + r() * 9000 : 2000 + r() * 40000) * 100) / 100;
          rows.push([`${source}-BN-${i}`, `Nhà máy sản xuất ${long} Bắc Ninh số ${i + 1}`, `Công ty TNHH Khuyến Nghị Chuyên Nghiệp Trường Xuyên ${i % 37}`, pick(COUNTRIES), pick(ZONES), source, 'Cấp mới', day(2023, 1 + (i % 6), 1 + (i % 28)), capital]);
        }
      }
      out.push({ ...s, rows });
    } else if (s.name === 'NhiemVu') {
      const rows: CellValue[][] = [...s.rows];
      for (let i = 0; i < nTasks; i++) {
        const m = 1 + (i % 5);
        const done = i % 2 === 0 ? null : day(2023, m + 1, 20);
        rows.push([`NV-BN-${String(i).padStart(3, '0')}`, `Tham mưu xây dựng phương án ${Array.from({ length: 4 + (i % 9) }, () => pick(WORDS)).join(' ')} tại các khu công nghiệp`, day(2023, m, 2), day(2023, m, 25), done]);
      }
      out.push({ ...s, rows });
    } else if (s.name === 'HoSo') {
      // dossiers received in spring with their due date passed and no result by the as-of date
      const rows: CellValue[][] = [...s.rows];
      for (let i = 0; i < nDossiers; i++) {
        const m = 2 + (i % 4);
        rows.push([`000.00.25.H06-2305${String(i).padStart(2, '0')}-${String(i).padStart(4, '0')}`, `Cấp điều chỉnh giấy chứng nhận ${Array.from({ length: 4 + (i % 9) }, () => pick(WORDS)).join(' ')} khu công nghiệp`, 'TTHC', 'Trực tuyến', day(2023, m, 3), day(2023, m, 20), null, null, null]);
      }
      out.push({ ...s, rows });
    } else if (s.name === 'NoiDung' && prose > 1) {
      // the prose, several times over: a long report
      const rows: CellValue[][] = [];
      for (const row of s.rows) {
        rows.push(row);
        if (row[2] && String(row[0]) !== 'MoDau' && !/KetLuan|KetThuc/i.test(String(row[0]))) for (let k = 1; k < prose; k++) rows.push([row[0], null, row[2]]);
      }
      out.push({ ...s, rows });
    } else out.push(s);
  }
  return out;
}

let cached: ReportResult | null = null;
export function stressReport(): ReportResult {
  return (cached ??= buildReport(stressSnapshots(), { today: '2023-07-01' }));
}
