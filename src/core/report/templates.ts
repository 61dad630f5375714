import { Lang } from '../problems';

/**
 * The built-in wording, in the same template language the staff use in the Templates table:
 * {key}, {key:2} (2 decimals, kept), {key|filter}, [optional part: dropped when a value in it
 * is missing], {^note_key} (a footnote from the *_note templates). A newline starts a new
 * paragraph. Filters: compare, change, count2, estimated, incdec, abs, div1000, nz, units.
 */
export const DEFAULT_TEMPLATES: Record<Lang, Record<string, string>> = {
  vi: {
    fdi: '{PeriodLabel} cấp mới {fdi_new_count} dự án FDI vốn đầu tư {fdi_new_capital} triệu USD[ (chi tiết tại {fdi_annex})], điều chỉnh {fdi_adjusted_capital|incdec} vốn đầu tư {fdi_adjusted_count} dự án với số vốn {fdi_adjusted_capital|abs} triệu USD; tổng vốn thu hút đạt {fdi_total_capital} triệu USD[, {fdi_vs_prior_pct|compare}{^fdi_prior_note}][{fdi_vs_prior_pct_zero}][, đạt {fdi_pct_plan:2}% so với kế hoạch{^fdi_plan_note}].',
    fdi_cumulative: 'Lũy kế đến hết {periodLabel}, các KCN, KKT thu hút {fdi_cumulative_count} dự án FDI với tổng vốn đầu tư {fdi_cumulative_capital:2|div1000} tỷ USD.',
    ddi: '{PeriodLabel} cấp mới {ddi_new_count} dự án DDI vốn đầu tư {ddi_new_capital} tỷ đồng[ (chi tiết tại {ddi_annex})], {ddi_adjusted_capital|incdec} vốn {ddi_adjusted_count} dự án DDI vốn đầu tư {ddi_adjusted_capital|abs} tỷ đồng, tổng vốn thu hút đạt {ddi_total_capital} tỷ đồng[, {ddi_vs_prior_pct|compare}{^ddi_prior_note}][{ddi_vs_prior_pct_zero}][, đạt {ddi_pct_plan:1}% so với kế hoạch{^ddi_plan_note}].',
    ddi_cumulative: 'Lũy kế đến hết {periodLabel}, các KCN, KKT thu hút {ddi_cumulative_count} dự án đầu tư trong nước với tổng vốn đầu tư {ddi_cumulative_capital} tỷ đồng[ ({ddi_cumulative_capital_usd:1} tỷ USD)].',
    budget: 'Lũy kế {periodLabel}, nộp ngân sách đạt {budget_total} triệu đồng[, đạt {budget_pct_plan:1}% kế hoạch được giao ({budget_plan} triệu đồng)][, trong đó: {budget_units|units}].',
    budget_unit: '{unit}: {amount} triệu đồng[, đạt {pct_plan:1}% kế hoạch giao ({plan} triệu đồng)]',
    labour: '- Tổng số lao động hiện đang làm việc tại các KCN, KKT là {labour_workers} lao động[, {labour_change_pct:1|change} so với cùng kỳ ({labour_workers_prior} lao động)].',
    labour_income: '- Thu nhập bình quân {labour_avg_income:1} triệu đồng/người/tháng.',
    revenue: '- Doanh thu: {revenue_estimated|estimated} {revenue} tỷ đồng[, {revenue_vs_prior_pct|compare}{^revenue_prior_note}][{revenue_vs_prior_pct_zero}][, đạt {revenue_pct_plan:1}% so với kế hoạch năm{^revenue_plan_note}].',
    export: '- Xuất khẩu: {revenue_estimated|estimated} {export} triệu USD[, {export_vs_prior_pct|compare}{^export_prior_note}][{export_vs_prior_pct_zero}][, đạt {export_pct_plan:1}% so với kế hoạch năm{^export_plan_note}].',
    import: '- Nhập khẩu: {revenue_estimated|estimated} {import} triệu USD[, {import_vs_prior_pct|compare}{^import_prior_note}][{import_vs_prior_pct_zero}][, đạt {import_pct_plan:1}% so với kế hoạch năm{^import_plan_note}].',
    tax_paid: '- Nộp ngân sách: {revenue_estimated|estimated} {tax_paid} tỷ đồng[, {tax_paid_vs_prior_pct|compare}{^tax_paid_prior_note}][{tax_paid_vs_prior_pct_zero}][, đạt {tax_paid_pct_plan:1}% so với kế hoạch năm{^tax_paid_plan_note}].',
    tasks: 'Đến ngày {asOf}, {agency} đã hoàn thành {tasks_done}/{tasks_total} nhiệm vụ được giao[; hiện đang thực hiện {tasks_open:0|nz|count2} nhiệm vụ[ (trong đó {tasks_open_detail})]].',
    tasks_all_on_time: 'Các nhiệm vụ Ủy ban nhân dân thành phố giao trên Hệ thống văn phòng điện tử đều được {agency} tập trung chỉ đạo, hoàn thành kịp thời, đúng hạn.',
    tasks_some_late: 'Các nhiệm vụ được giao đều được {agency} tập trung chỉ đạo thực hiện[; {tasks_done_late:0|nz|count2} nhiệm vụ hoàn thành sau thời hạn][; {tasks_overdue:0|nz|count2} nhiệm vụ đã quá hạn, đang khẩn trương hoàn thành][ (chi tiết tại {tasks_annex})].',
    dossiers_resolved: 'Kết quả giải quyết TTHC {periodLabel}:\n- Giải quyết thủ tục hành chính: {dossiers_resolved} hồ sơ[, trong đó đúng hạn {dossiers_on_time} hồ sơ, đạt {dossiers_on_time_pct:1}%][; còn {dossiers_overdue:0|nz|count2} hồ sơ quá hạn chưa trả kết quả[ (chi tiết tại {dossiers_annex})]].',
    dossiers_other: '- Giải quyết các hồ sơ không thuộc thủ tục hành chính: {dossiers_other_resolved} hồ sơ.',
    dossiers_online: '- Dịch vụ công trực tuyến (cấp độ 3): {dossiers_online} hồ sơ.',
    dossiers_fees: '- Thu phí, lệ phí bằng hình thức không dùng tiền mặt: {dossiers_fees_cashless} triệu đồng.',
    fdi_prior_note: 'Thu hút FDI {priorPeriodLabel} đạt {fdi_total_capital_prior} triệu USD[{fdi_total_capital_prior_origin}].',
    fdi_plan_note: 'Kế hoạch thu hút FDI năm {year} là {fdi_plan} triệu USD.',
    ddi_prior_note: 'Thu hút DDI {priorPeriodLabel} đạt {ddi_total_capital_prior} tỷ đồng[{ddi_total_capital_prior_origin}].',
    ddi_plan_note: 'Kế hoạch thu hút DDI năm {year} là {ddi_plan} tỷ đồng.',
    revenue_plan_note: 'Kế hoạch doanh thu năm {year}: {revenue_plan} tỷ đồng.',
    revenue_prior_note: 'Doanh thu {priorPeriodLabel}: {revenue_prior} tỷ đồng[{revenue_prior_origin}].',
    export_prior_note: 'Xuất khẩu {priorPeriodLabel}: {export_prior} triệu USD[{export_prior_origin}].',
    import_prior_note: 'Nhập khẩu {priorPeriodLabel}: {import_prior} triệu USD[{import_prior_origin}].',
    tax_paid_prior_note: 'Nộp ngân sách của doanh nghiệp {priorPeriodLabel}: {tax_paid_prior} tỷ đồng[{tax_paid_prior_origin}].',
    export_plan_note: 'Kế hoạch xuất khẩu năm {year}: {export_plan} triệu USD.',
    import_plan_note: 'Kế hoạch nhập khẩu năm {year}: {import_plan} triệu USD.',
    tax_paid_plan_note: 'Kế hoạch nộp ngân sách năm {year}: {tax_paid_plan} tỷ đồng.',
  },
  en: {
    fdi: 'In {periodLabel}, {fdi_new_count} new FDI project{fdi_new_count|s} received investment certificates for {fdi_new_capital} million USD[ (listed in {fdi_annex})], and {fdi_adjusted_count} project{fdi_adjusted_count|s} adjusted their capital ({fdi_adjusted_capital|incdec} of {fdi_adjusted_capital|abs} million USD). Total FDI attracted came to {fdi_total_capital} million USD[, {fdi_vs_prior_pct|compare}{^fdi_prior_note}][{fdi_vs_prior_pct_zero}][, {fdi_pct_plan:2}% of the annual plan{^fdi_plan_note}].',
    fdi_cumulative: 'At the end of {periodLabel}, the industrial parks and economic zones had {fdi_cumulative_count} valid FDI project{fdi_cumulative_count|s} with a total registered capital of {fdi_cumulative_capital:2|div1000} billion USD.',
    ddi: 'In {periodLabel}, {ddi_new_count} new domestic (DDI) project{ddi_new_count|s} received investment certificates for {ddi_new_capital} billion VND[ (listed in {ddi_annex})], and {ddi_adjusted_count} DDI project{ddi_adjusted_count|s} adjusted their capital ({ddi_adjusted_capital|incdec} of {ddi_adjusted_capital|abs} billion VND). Total DDI attracted came to {ddi_total_capital} billion VND[, {ddi_vs_prior_pct|compare}{^ddi_prior_note}][{ddi_vs_prior_pct_zero}][, {ddi_pct_plan:1}% of the annual plan{^ddi_plan_note}].',
    ddi_cumulative: 'At the end of {periodLabel}, the industrial parks and economic zones had {ddi_cumulative_count} valid domestic project{ddi_cumulative_count|s} with a total registered capital of {ddi_cumulative_capital} billion VND[ ({ddi_cumulative_capital_usd:1} billion USD)].',
    budget: "In {periodLabel}, the Authority's units paid {budget_total} million VND into the state budget[, {budget_pct_plan:1}% of the assigned plan ({budget_plan} million VND)][; by unit: {budget_units|units}].",
    budget_unit: '{unit}: {amount} million VND[, {pct_plan:1}% of its plan ({plan} million VND)]',
    labour: '- Enterprises in the industrial parks and economic zones employed {labour_workers} worker{labour_workers|s}[, {labour_change_pct:1|change} on the same period last year ({labour_workers_prior} worker{labour_workers_prior|s})].',
    labour_income: '- Average income: {labour_avg_income:1} million VND per worker per month.',
    revenue: '- Revenue: {revenue_estimated|estimated}{revenue} billion VND[, {revenue_vs_prior_pct|compare}{^revenue_prior_note}][{revenue_vs_prior_pct_zero}][, {revenue_pct_plan:1}% of the annual plan{^revenue_plan_note}].',
    export: '- Exports: {revenue_estimated|estimated}{export} million USD[, {export_vs_prior_pct|compare}{^export_prior_note}][{export_vs_prior_pct_zero}][, {export_pct_plan:1}% of the annual plan{^export_plan_note}].',
    import: '- Imports: {revenue_estimated|estimated}{import} million USD[, {import_vs_prior_pct|compare}{^import_prior_note}][{import_vs_prior_pct_zero}][, {import_pct_plan:1}% of the annual plan{^import_plan_note}].',
    tax_paid: '- Taxes paid to the state budget: {revenue_estimated|estimated}{tax_paid} billion VND[, {tax_paid_vs_prior_pct|compare}{^tax_paid_prior_note}][{tax_paid_vs_prior_pct_zero}][, {tax_paid_pct_plan:1}% of the annual plan{^tax_paid_plan_note}].',
    tasks: 'As of {asOf}, {agency} had completed {tasks_done} of the {tasks_total} task{tasks_total|s} assigned to it[; {tasks_open:0|nz} remained in progress[ ({tasks_open_detail})]].',
    tasks_all_on_time: 'Under the direction of {agency}, every assigned task was completed on time.',
    tasks_some_late: 'Every assigned task was followed up under the direction of {agency}[; completed after the deadline: {tasks_done_late:0|nz}][; overdue and still being worked on: {tasks_overdue:0|nz}][ (listed in {tasks_annex})].',
    dossiers_resolved: 'Administrative procedures in {periodLabel}:\n- Administrative-procedure dossiers resolved: {dossiers_resolved}[, of which {dossiers_on_time} on time ({dossiers_on_time_pct:1}%)][; {dossiers_overdue:0|nz} overdue and not yet returned[ (listed in {dossiers_annex})]].',
    dossiers_other: '- Other dossiers resolved (not administrative procedures): {dossiers_other_resolved}.',
    dossiers_online: '- Online public services (level 3): {dossiers_online} dossier{dossiers_online|s}.',
    dossiers_fees: '- Fees and charges paid without cash: {dossiers_fees_cashless} million VND.',
    fdi_prior_note: 'FDI attracted in {priorPeriodLabel}: {fdi_total_capital_prior} million USD[{fdi_total_capital_prior_origin}].',
    fdi_plan_note: 'FDI plan for {year}: {fdi_plan} million USD.',
    ddi_prior_note: 'DDI attracted in {priorPeriodLabel}: {ddi_total_capital_prior} billion VND[{ddi_total_capital_prior_origin}].',
    ddi_plan_note: 'DDI plan for {year}: {ddi_plan} billion VND.',
    revenue_plan_note: 'Revenue plan for {year}: {revenue_plan} billion VND.',
    revenue_prior_note: 'Revenue in {priorPeriodLabel}: {revenue_prior} billion VND[{revenue_prior_origin}].',
    export_prior_note: 'Exports in {priorPeriodLabel}: {export_prior} million USD[{export_prior_origin}].',
    import_prior_note: 'Imports in {priorPeriodLabel}: {import_prior} million USD[{import_prior_origin}].',
    tax_paid_prior_note: 'Taxes paid by enterprises in {priorPeriodLabel}: {tax_paid_prior} billion VND[{tax_paid_prior_origin}].',
    export_plan_note: 'Export plan for {year}: {export_plan} million USD.',
    import_plan_note: 'Import plan for {year}: {import_plan} million USD.',
    tax_paid_plan_note: 'Plan for taxes paid in {year}: {tax_paid_plan} billion VND.',
  },
};

/**
 * What a generated paragraph says when a figure it needs is missing: the subject, "chưa có số
 * liệu" and why, in words (never "…"). `{reason}` is the first missing figure's reason.
 */
export const MISSING_TEMPLATES: Record<Lang, Record<string, string>> = {
  vi: {
    fdi: 'Thu hút vốn đầu tư FDI {periodLabel}: chưa có số liệu ({reason})[; kế hoạch năm {year} là {fdi_plan} triệu USD].',
    fdi_cumulative: 'Lũy kế dự án FDI còn hiệu lực: chưa có số liệu ({reason}).',
    ddi: 'Thu hút vốn đầu tư trong nước (DDI) {periodLabel}: chưa có số liệu ({reason})[; kế hoạch năm {year} là {ddi_plan} tỷ đồng].',
    ddi_cumulative: 'Lũy kế dự án DDI còn hiệu lực: chưa có số liệu ({reason}).',
    budget: 'Nộp ngân sách {periodLabel}: chưa có số liệu ({reason})[; kế hoạch được giao là {budget_plan} triệu đồng].',
    labour: '- Số lao động tại các khu công nghiệp, khu kinh tế: chưa có số liệu ({reason}).',
    labour_income: '- Thu nhập bình quân: chưa có số liệu ({reason}).',
    revenue: '- Doanh thu: chưa có số liệu ({reason})[; kế hoạch năm là {revenue_plan} tỷ đồng].',
    export: '- Xuất khẩu: chưa có số liệu ({reason})[; kế hoạch năm là {export_plan} triệu USD].',
    import: '- Nhập khẩu: chưa có số liệu ({reason})[; kế hoạch năm là {import_plan} triệu USD].',
    tax_paid: '- Nộp ngân sách: chưa có số liệu ({reason})[; kế hoạch năm là {tax_paid_plan} tỷ đồng].',
    tasks: 'Tình hình thực hiện nhiệm vụ được giao: chưa có số liệu ({reason}).',
    enterprise: '- Kết quả sản xuất kinh doanh của doanh nghiệp: chưa có số liệu ({reason}).',
    dossiers: 'Kết quả giải quyết thủ tục hành chính: chưa có số liệu ({reason}).',
    dossiers_resolved: '- Giải quyết thủ tục hành chính: chưa có số liệu ({reason}).',
    dossiers_other: '- Giải quyết các hồ sơ không thuộc thủ tục hành chính: chưa có số liệu ({reason}).',
    dossiers_online: '- Dịch vụ công trực tuyến: chưa có số liệu ({reason}).',
    dossiers_fees: '- Thu phí, lệ phí bằng hình thức không dùng tiền mặt: chưa có số liệu ({reason}).',
    other: 'Chưa có số liệu ({reason}).',
  },
  en: {
    fdi: 'FDI attracted in {periodLabel}: no figures yet ({reason})[; the plan for {year} is {fdi_plan} million USD].',
    fdi_cumulative: 'Valid FDI projects: no figures yet ({reason}).',
    ddi: 'Domestic investment (DDI) attracted in {periodLabel}: no figures yet ({reason})[; the plan for {year} is {ddi_plan} billion VND].',
    ddi_cumulative: 'Valid domestic projects: no figures yet ({reason}).',
    budget: 'Budget collections in {periodLabel}: no figures yet ({reason})[; the assigned plan is {budget_plan} million VND].',
    labour: '- Workers in the industrial parks and economic zones: no figures yet ({reason}).',
    labour_income: '- Average income: no figures yet ({reason}).',
    revenue: '- Revenue: no figures yet ({reason})[; the annual plan is {revenue_plan} billion VND].',
    export: '- Exports: no figures yet ({reason})[; the annual plan is {export_plan} million USD].',
    import: '- Imports: no figures yet ({reason})[; the annual plan is {import_plan} million USD].',
    tax_paid: '- Taxes paid: no figures yet ({reason})[; the annual plan is {tax_paid_plan} billion VND].',
    tasks: 'Assigned tasks: no figures yet ({reason}).',
    enterprise: '- Results of the enterprises: no figures yet ({reason}).',
    dossiers: 'Administrative procedures: no figures yet ({reason}).',
    dossiers_resolved: '- Administrative-procedure dossiers resolved: no figures yet ({reason}).',
    dossiers_other: '- Other dossiers resolved: no figures yet ({reason}).',
    dossiers_online: '- Online public services: no figures yet ({reason}).',
    dossiers_fees: '- Fees and charges paid without cash: no figures yet ({reason}).',
    other: 'No figures yet ({reason}).',
  },
};

/** Where the generated paragraphs go, and which template keys fill them. */
export const GENERATED_SLOTS: { section: string; keys: string[]; group?: string; onlyWith?: string }[] = [
  { section: 'II.1.(1)', keys: ['fdi', 'fdi_cumulative'] },
  { section: 'II.1.(2)', keys: ['ddi', 'ddi_cumulative'] },
  { section: 'II.3', keys: ['budget'] },
  { section: 'II.5.(1)', keys: ['labour', 'labour_income'] },
  { section: 'II.5.(2)', keys: ['revenue', 'export', 'import', 'tax_paid'], group: 'enterprise' },
  // written only when the workbook has a list of dossiers: without one, §II.7 stays the staff's prose
  { section: 'II.7', keys: ['dossiers_resolved', 'dossiers_other', 'dossiers_online', 'dossiers_fees'], group: 'dossiers', onlyWith: 'dossiers' },
  { section: 'II.8', keys: ['tasks', 'tasks_timeliness'] },
];

/** Headings for sections that hold generated paragraphs when the Sections table names none. */
export const DEFAULT_HEADINGS: Record<Lang, Record<string, string>> = {
  vi: {
    II: 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ',
    'II.1': 'Kết quả thu hút đầu tư tại KCN, KKT',
    'II.1.(1)': 'Thu hút vốn đầu tư trực tiếp nước ngoài (FDI)',
    'II.1.(2)': 'Thu hút vốn đầu tư trong nước (DDI)',
    'II.3': 'Nộp ngân sách nhà nước',
    'II.5': 'Tình hình hoạt động của các doanh nghiệp trong khu công nghiệp, khu kinh tế',
    'II.5.(1)': 'Tình hình lao động',
    'II.5.(2)': 'Một số chỉ tiêu chủ yếu trong hoạt động sản xuất kinh doanh',
    'II.7': 'Kết quả giải quyết thủ tục hành chính',
    'II.8': 'Tình hình thực hiện nhiệm vụ được giao',
  },
  en: {
    II: 'RESULTS',
    'II.1': 'Investment attracted to the industrial parks and economic zones',
    'II.1.(1)': 'Foreign direct investment (FDI)',
    'II.1.(2)': 'Domestic investment (DDI)',
    'II.3': 'Budget collections',
    'II.5': 'Enterprises in the industrial parks and economic zones',
    'II.5.(1)': 'Labour',
    'II.5.(2)': 'Main business figures',
    'II.7': 'Administrative procedures',
    'II.8': 'Assigned tasks',
  },
};

export const TEMPLATE_KEYS = [...new Set([...Object.keys(DEFAULT_TEMPLATES.vi), 'enterprise', 'tasks_timeliness', 'dossiers'])];
