import { exactSum } from './decimal';
import { classifyDossiers } from '../records/dossiers';
import type { WorkbookData } from '../records/mapping';
import type { Period, Setter, Source } from './metrics';
import { formatDayDMY } from '../records/parse';
import { Lang } from '../problems';

export const DOSSIER_KEYS = [
  'dossiers_resolved',
  'dossiers_online',
  'dossiers_on_time',
  'dossiers_on_time_pct',
  'dossiers_other_resolved',
  'dossiers_received',
  'dossiers_pending',
  'dossiers_overdue',
  'dossiers_fees_cashless',
] as const;

/** Why a dossier figure is missing when the list is there but a column it needs is not, in an official's words. */
const WHY = {
  noColumn: { vi: (h: string) => `danh sách hồ sơ không có cột ${h}`, en: (h: string) => `the list of dossiers has no column ${h}` },
  noDue: { vi: 'không có hồ sơ nào giải quyết trong kỳ có ngày hẹn trả', en: 'no dossier resolved in the period has a due date' },
};
const HEADER: Record<string, Record<Lang, string>> = {
  channel: { vi: 'Hình thức nộp', en: 'Hình thức nộp (channel)' },
  due: { vi: 'Ngày hẹn trả', en: 'Ngày hẹn trả (due date)' },
  fee: { vi: 'Phí, lệ phí', en: 'Phí, lệ phí (fee)' },
  cashless: { vi: 'Không dùng tiền mặt', en: 'Không dùng tiền mặt (cashless)' },
};

/**
 * The dossiers_* metrics of the workbook contract. `missing`: why every one is null (no period,
 * no list); otherwise a figure whose column the list lacks is null with that reason, never 0.
 */
export function computeDossiers(data: WorkbookData, period: Period | null, lang: Lang, set: Setter, table: string, missing: string | null): void {
  if (missing !== null || !period || !data.dossiers) {
    for (const k of DOSSIER_KEYS) set(k, null, missing);
    return;
  }
  const columns = new Set(data.tables.filter((t) => t.kind === 'dossiers').flatMap((t) => t.columns ?? []));
  const lacking = (...keys: string[]) => {
    const absent = keys.find((k) => !columns.has(k));
    return absent ? WHY.noColumn[lang](HEADER[absent][lang]) : null;
  };
  const c = classifyDossiers(data.dossiers, period.start, period.end, period.asOf);
  const span = `${formatDayDMY(period.start)}–${formatDayDMY(period.end)}`;
  const at = formatDayDMY(period.asOf);
  const src = (filter: string, rows: number): Source => ({ table, filter, rows });
  const count = (key: string, rows: unknown[], filter: string, why: string | null = null) => (why ? set(key, null, why) : set(key, rows.length, null, src(filter, rows.length)));

  count('dossiers_resolved', c.resolved, `TTHC, Ngày trả kết quả ${span}`);
  const online = c.resolved.filter((d) => d.channel === 'online');
  count('dossiers_online', online, `TTHC, Trực tuyến, Ngày trả kết quả ${span}`, lacking('channel'));
  const dueWhy = lacking('due') ?? (c.withDue.length ? null : WHY.noDue[lang]);
  count('dossiers_on_time', c.onTime, `TTHC, Ngày trả kết quả ${span}, ≤ Ngày hẹn trả`, dueWhy);
  if (dueWhy) set('dossiers_on_time_pct', null, dueWhy);
  else set('dossiers_on_time_pct', (c.onTime.length / c.withDue.length) * 100, null, src(`đúng hạn ÷ hồ sơ có Ngày hẹn trả (${c.withDue.length})`, c.withDue.length));
  count('dossiers_other_resolved', c.other, `Không thuộc TTHC, Ngày trả kết quả ${span}`);
  count('dossiers_received', c.received, `TTHC, Ngày tiếp nhận ${span}`);
  count('dossiers_pending', c.pending, `TTHC, tiếp nhận ≤ ${at}, chưa trả kết quả đến ${at}`);
  count('dossiers_overdue', c.overdue, `TTHC chưa trả kết quả đến ${at}, Ngày hẹn trả < ${at}`, lacking('due'));
  const feeWhy = lacking('fee', 'cashless');
  const paid = c.returnedInPeriod.filter((d) => d.cashless && d.fee !== null);
  // fees are written in đồng; the figure is in million VND, divided once after the exact sum
  if (feeWhy) set('dossiers_fees_cashless', null, feeWhy);
  else set('dossiers_fees_cashless', exactSum(paid.map((d) => d.fee!)) / 1e6, null, src(`Không dùng tiền mặt, Ngày trả kết quả ${span}, Σ Phí, lệ phí ÷ 1.000.000`, paid.length));
}
