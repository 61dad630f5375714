import { formatNumber } from '../core/report/format';
import { BudgetUnit, Metrics } from '../core/figures/metrics';
import { Arg, FunctionError } from './logic';

/**
 * A metric of the report as a cell value: numbers and flags as they are; the budget_units list as
 * text ("unit: amount; …"); a missing figure is #N/A with its reason; an unknown key #N/A.
 */
export function metricCell(metrics: Metrics, key: Arg): number | boolean | string {
  if (typeof key !== 'string' || !key.trim()) throw new FunctionError('invalidValue', 'Mã chỉ tiêu phải là chữ, ví dụ "fdi_total_capital".');
  const m = metrics.get(key.trim()) ?? metrics.get(key.trim().toLowerCase());
  if (!m) throw new FunctionError('notAvailable', `Không có chỉ tiêu "${key.trim()}".`);
  const v = m.value;
  if (v === null) throw new FunctionError('notAvailable', m.reason ?? 'Chưa có số liệu.');
  if (Array.isArray(v)) return (v as BudgetUnit[]).map((u) => `${u.unit}: ${formatNumber(u.amount, 'vi', { max: 2 })}`).join('; ');
  return v;
}
