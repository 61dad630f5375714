/// <reference types="custom-functions-runtime" />
// Thin @customfunction wrappers over ./logic; CustomFunctionsMetadataPlugin reads this JSDoc into
// functions.json and appends the CustomFunctions.associate calls.
import * as logic from './logic';
import { FunctionError } from './logic';
import { workbookFeed } from './excel-feed';

/** Today's date in the workbook user's time zone, as TASKSTATUS's default asOf. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function toExcelError(e: FunctionError): CustomFunctions.Error {
  const code = CustomFunctions.ErrorCode[e.code];
  // Excel shows a message only with #VALUE! and #N/A
  return e.code === 'divisionByZero' || !e.message ? new CustomFunctions.Error(code) : new CustomFunctions.Error(code, e.message);
}

function guard<T>(compute: () => T): T {
  try {
    return compute();
  } catch (e) {
    if (e instanceof FunctionError) throw toExcelError(e);
    throw e;
  }
}

/**
 * Tỷ lệ thực hiện so với kế hoạch (%): thực hiện ÷ kế hoạch × 100.
 * @customfunction PERCENTOFPLAN
 * @param actual Số thực hiện.
 * @param plan Số kế hoạch (khác 0).
 * @param [decimals] Số chữ số thập phân khi làm tròn (bỏ trống: không làm tròn).
 * @returns Phần trăm so với kế hoạch, ví dụ 33,11.
 */
export function percentOfPlan(actual: number, plan: number, decimals?: number): number {
  return guard(() => logic.percentOfPlan(actual, plan, decimals));
}

/**
 * So với cùng kỳ năm trước (%): kỳ này ÷ cùng kỳ × 100.
 * @customfunction VSPRIOR
 * @param current Số kỳ này.
 * @param prior Số cùng kỳ năm trước (khác 0).
 * @returns Phần trăm so với cùng kỳ, ví dụ 105,8.
 */
export function vsPrior(current: number, prior: number): number {
  return guard(() => logic.vsPrior(current, prior));
}

/**
 * Tăng (+) hoặc giảm (−) so với cùng kỳ (%): (kỳ này − cùng kỳ) ÷ cùng kỳ × 100.
 * @customfunction GROWTH
 * @param current Số kỳ này.
 * @param prior Số cùng kỳ năm trước (khác 0).
 * @returns Phần trăm thay đổi, ví dụ −4,3.
 */
export function growth(current: number, prior: number): number {
  return guard(() => logic.growth(current, prior));
}

/**
 * Số lần so với cùng kỳ: kỳ này ÷ cùng kỳ.
 * @customfunction TIMES
 * @param current Số kỳ này.
 * @param prior Số cùng kỳ năm trước (khác 0).
 * @returns Số lần, ví dụ 2,245.
 */
export function times(current: number, prior: number): number {
  return guard(() => logic.times(current, prior));
}

/**
 * Câu so sánh với cùng kỳ: "bằng 106% cùng kỳ năm trước" hoặc, từ 2 lần trở lên, "gấp 2,25 lần cùng kỳ năm trước".
 * @customfunction COMPARE
 * @param current Số kỳ này.
 * @param prior Số cùng kỳ năm trước (khác 0).
 * @param [decimals] Số chữ số thập phân (mặc định: 0 cho %, 2 cho số lần).
 * @returns Cụm từ so sánh.
 */
export function compare(current: number, prior: number, decimals?: number): string {
  return guard(() => logic.compare(current, prior, decimals));
}

/**
 * Câu so với kế hoạch: "đạt 33,11% kế hoạch".
 * @customfunction PLANTEXT
 * @param actual Số thực hiện.
 * @param plan Số kế hoạch (khác 0).
 * @param [decimals] Số chữ số thập phân (mặc định 2).
 * @returns Cụm từ so với kế hoạch.
 */
export function planText(actual: number, plan: number, decimals?: number): string {
  return guard(() => logic.planText(actual, plan, decimals));
}

/**
 * Viết số theo kiểu Việt Nam: dấu chấm ngăn nghìn, dấu phẩy thập phân ("14.578", "381,18").
 * @customfunction VNNUMBER
 * @param value Số cần viết.
 * @param [decimals] Số chữ số thập phân giữ lại (bỏ trống: tối đa 2, bỏ số 0 thừa).
 * @returns Số dạng chữ.
 */
export function vnNumber(value: number, decimals?: number): string {
  return guard(() => logic.vnNumber(value, decimals));
}

/**
 * Đọc số thành chữ tiếng Việt: 1368 và "triệu đồng" → "một nghìn ba trăm sáu mươi tám triệu đồng".
 * @customfunction NUMBERTOWORDS
 * @param value Số cần đọc.
 * @param [unit] Đơn vị viết sau, ví dụ "đồng".
 * @returns Số bằng chữ (chữ thường).
 */
export function numberToWords(value: number, unit?: string): string {
  return guard(() => logic.numberWords(value, unit));
}

/**
 * Tình trạng nhiệm vụ: "Đã hoàn thành", "Hoàn thành sau hạn", "Quá hạn", "Trong hạn" hoặc "Không hạn".
 * @customfunction TASKSTATUS
 * @param deadline Hạn xử lý (ngày; để trống nếu không có hạn).
 * @param completed Ngày hoàn thành (để trống nếu chưa xong).
 * @param [asOf] Ngày tính (mặc định: hôm nay).
 * @returns Tình trạng nhiệm vụ.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Excel passes numbers, text or empty cells here
export function taskStatus(deadline: any, completed: any, asOf?: any): string {
  return guard(() => logic.taskStatusText(deadline, completed, asOf, today()));
}

/**
 * Một chỉ tiêu của báo cáo tính từ các bảng của sổ này, ví dụ "fdi_total_capital"; tự cập nhật khi các bảng thay đổi.
 * @customfunction METRIC
 * @param key Mã chỉ tiêu (xem bảng "Số liệu").
 * @param invocation Lời gọi hàm (do Excel truyền vào).
 */
export function metric(key: string, invocation: CustomFunctions.StreamingInvocation<number | string | boolean>): void {
  const stop = workbookFeed.subscribe({
    key,
    push: (value) => invocation.setResult(value instanceof FunctionError ? toExcelError(value) : value),
  });
  invocation.onCanceled = () => stop();
}
