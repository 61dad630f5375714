import { CellValue, TableSnapshot, parseA1 } from '../../src/core/records/snapshot';
import { buildReport, ReportResult } from '../../src/core/engine';

/** A table snapshot from plain rows: `at` is the header's top-left cell. */
export function table(name: string, headers: string[], rows: CellValue[][], opts: { sheet?: string; at?: string } = {}): TableSnapshot {
  const { row, col } = parseA1(opts.at ?? 'A1');
  return { name, sheet: opts.sheet ?? name, headerRow: row, firstColumn: col, headers, rows };
}

export function settings(period: [string, string], extra: Record<string, CellValue> = {}): TableSnapshot {
  const rows: CellValue[][] = [
    ['TuNgay', period[0]],
    ['DenNgay', period[1]],
    ...Object.entries(extra).map(([k, v]) => [k, v] as CellValue[]),
  ];
  return table('ThongTin', ['Khóa', 'Giá trị'], rows);
}

export const PROJECT_HEADERS = ['Mã dự án', 'Nguồn vốn', 'Loại', 'Ngày', 'Vốn đầu tư'];

export function projects(rows: CellValue[][], opts?: { sheet?: string; at?: string }): TableSnapshot {
  return table('DuAn', PROJECT_HEADERS, rows, opts);
}

export function run(snapshots: TableSnapshot[], lang: 'vi' | 'en' = 'vi'): ReportResult {
  return buildReport(snapshots, { lang, today: '2026-11-27' });
}

export function metric(r: ReportResult, key: string): unknown {
  const m = r.metrics.get(key);
  if (!m) throw new Error(`no metric ${key}`);
  return m.value;
}

export function reason(r: ReportResult, key: string): string | null {
  return r.metrics.get(key)!.reason;
}

export function problemAt(r: ReportResult, cell: string) {
  return r.problems.filter((p) => p.cell === cell);
}
