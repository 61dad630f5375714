import { Lang } from '../problems';

export type MetricKind = 'count' | 'amount' | 'pct' | 'flag' | 'list';

export interface MetricInfo {
  key: string;
  kind: MetricKind;
  label: Record<Lang, string>;
  unit: Record<Lang, string>;
}

const U = {
  musd: { vi: 'triệu USD', en: 'million USD' },
  bvnd: { vi: 'tỷ đồng', en: 'billion VND' },
  mvnd: { vi: 'triệu đồng', en: 'million VND' },
  busd: { vi: 'tỷ USD', en: 'billion USD' },
  pct: { vi: '%', en: '%' },
  project: { vi: 'dự án', en: 'projects' },
  person: { vi: 'người', en: 'people' },
  task: { vi: 'nhiệm vụ', en: 'tasks' },
  dossier: { vi: 'hồ sơ', en: 'dossiers' },
  income: { vi: 'triệu đồng/người/tháng', en: 'million VND/person/month' },
  none: { vi: '', en: '' },
};

const m = (key: string, kind: MetricKind, vi: string, en: string, unit: Record<Lang, string>): MetricInfo => ({
  key,
  kind,
  label: { vi, en },
  unit,
});

function investment(src: 'fdi' | 'ddi', money: Record<Lang, string>): MetricInfo[] {
  const S = src.toUpperCase();
  return [
    m(`${src}_new_count`, 'count', `Số dự án ${S} cấp mới`, `New ${S} projects`, U.project),
    m(`${src}_new_capital`, 'amount', `Vốn ${S} cấp mới`, `Capital of new ${S} projects`, money),
    m(`${src}_adjusted_count`, 'count', `Số dự án ${S} điều chỉnh vốn`, `${S} projects with capital adjustments`, U.project),
    m(`${src}_adjusted_capital`, 'amount', `Vốn ${S} điều chỉnh (thuần)`, `Net ${S} capital adjustments`, money),
    m(`${src}_total_capital`, 'amount', `Tổng vốn ${S} thu hút`, `Total ${S} capital attracted`, money),
    m(`${src}_total_capital_prior`, 'amount', `Tổng vốn ${S} cùng kỳ năm trước`, `Total ${S} capital, same period last year`, money),
    m(`${src}_vs_prior_pct`, 'pct', `Vốn ${S} so với cùng kỳ`, `${S} capital vs same period last year`, U.pct),
    m(`${src}_plan`, 'amount', `Kế hoạch vốn ${S} năm`, `Annual ${S} capital plan`, money),
    m(`${src}_pct_plan`, 'pct', `Vốn ${S} so với kế hoạch`, `${S} capital vs plan`, U.pct),
    m(`${src}_cumulative_count`, 'count', `Lũy kế số dự án ${S} còn hiệu lực`, `${S} projects valid at period end`, U.project),
    m(`${src}_cumulative_capital`, 'amount', `Lũy kế vốn đăng ký ${S}`, `Registered ${S} capital at period end`, money),
  ];
}

function business(key: string, vi: string, en: string, unit: Record<Lang, string>): MetricInfo[] {
  return [
    m(key, 'amount', vi, en, unit),
    m(`${key}_prior`, 'amount', `${vi} cùng kỳ năm trước`, `${en}, same period last year`, unit),
    m(`${key}_vs_prior_pct`, 'pct', `${vi} so với cùng kỳ`, `${en} vs same period last year`, U.pct),
    m(`${key}_plan`, 'amount', `Kế hoạch ${vi.toLowerCase()} năm`, `Annual ${en.toLowerCase()} plan`, unit),
    m(`${key}_pct_plan`, 'pct', `${vi} so với kế hoạch`, `${en} vs plan`, U.pct),
  ];
}

/** Every metric key of the contract, in report order. */
export const CATALOG: MetricInfo[] = [
  ...investment('fdi', U.musd),
  ...investment('ddi', U.bvnd),
  m('ddi_cumulative_capital_usd', 'amount', 'Lũy kế vốn đăng ký DDI quy đổi', 'Registered DDI capital in USD', U.busd),
  m('budget_total', 'amount', 'Nộp ngân sách (đơn vị thuộc Ban)', 'Budget collections of the authority', U.mvnd),
  m('budget_plan', 'amount', 'Kế hoạch nộp ngân sách được giao', 'Budget collection plan', U.mvnd),
  m('budget_pct_plan', 'pct', 'Nộp ngân sách so với kế hoạch', 'Budget collections vs plan', U.pct),
  m('budget_units', 'list', 'Nộp ngân sách theo đơn vị', 'Budget collections by unit', U.mvnd),
  m('labour_workers', 'count', 'Tổng số lao động', 'Workers', U.person),
  m('labour_workers_prior', 'count', 'Số lao động cùng kỳ năm trước', 'Workers a year earlier', U.person),
  m('labour_change_pct', 'pct', 'Thay đổi số lao động so với cùng kỳ', 'Change in workers vs a year earlier', U.pct),
  m('labour_avg_income', 'amount', 'Thu nhập bình quân (theo số lao động)', 'Average income (weighted by workers)', U.income),
  ...business('revenue', 'Doanh thu', 'Revenue', U.bvnd),
  ...business('export', 'Xuất khẩu', 'Exports', U.musd),
  ...business('import', 'Nhập khẩu', 'Imports', U.musd),
  ...business('tax_paid', 'Nộp ngân sách (doanh nghiệp)', 'Taxes paid by enterprises', U.bvnd),
  m('revenue_estimated', 'flag', 'Có số ước tính', 'Includes estimates', U.none),
  m('tasks_total', 'count', 'Nhiệm vụ được giao', 'Tasks assigned', U.task),
  m('tasks_done', 'count', 'Nhiệm vụ đã hoàn thành', 'Tasks done', U.task),
  m('tasks_open', 'count', 'Nhiệm vụ đang thực hiện', 'Tasks open', U.task),
  m('tasks_overdue', 'count', 'Nhiệm vụ quá hạn', 'Open tasks overdue', U.task),
  m('tasks_on_time', 'count', 'Nhiệm vụ trong hạn', 'Open tasks within deadline', U.task),
  m('tasks_no_deadline', 'count', 'Nhiệm vụ không hạn', 'Open tasks without deadline', U.task),
  m('tasks_done_late', 'count', 'Nhiệm vụ hoàn thành sau hạn', 'Tasks completed after deadline', U.task),
  m('dossiers_resolved', 'count', 'Hồ sơ thủ tục hành chính đã giải quyết', 'Administrative-procedure dossiers resolved', U.dossier),
  m('dossiers_online', 'count', 'Hồ sơ dịch vụ công trực tuyến đã giải quyết', 'Online dossiers resolved', U.dossier),
  m('dossiers_on_time', 'count', 'Hồ sơ giải quyết đúng hạn', 'Dossiers resolved on time', U.dossier),
  m('dossiers_on_time_pct', 'pct', 'Tỷ lệ hồ sơ giải quyết đúng hạn', 'Share of dossiers resolved on time', U.pct),
  m('dossiers_other_resolved', 'count', 'Hồ sơ không thuộc thủ tục hành chính đã giải quyết', 'Other dossiers resolved', U.dossier),
  m('dossiers_received', 'count', 'Hồ sơ thủ tục hành chính tiếp nhận', 'Administrative-procedure dossiers received', U.dossier),
  m('dossiers_pending', 'count', 'Hồ sơ đang giải quyết', 'Dossiers pending', U.dossier),
  m('dossiers_overdue', 'count', 'Hồ sơ quá hạn chưa trả kết quả', 'Overdue dossiers not yet returned', U.dossier),
  m('dossiers_fees_cashless', 'amount', 'Phí, lệ phí thu không dùng tiền mặt', 'Fees and charges paid without cash', U.mvnd),
];

export const METRIC_KEYS = CATALOG.map((c) => c.key);
export const CATALOG_BY_KEY = new Map(CATALOG.map((c) => [c.key, c]));
