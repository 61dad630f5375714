// The example's HoSo table: the one-stop system's export of the dossiers the Authority handled,
// one row per dossier, giving the seed report's §II.7 figures under the workbook contract
// (dossiers_*), period 01/01/2023–30/06/2023, as-of date 07/06/2023:
//   3.946 TTHC dossiers returned in the period (1.703 of them submitted online; 3.930 on time of
//   3.946 with a due date; 3 received in May, past their due date on 07/06 and returned later in
//   June: the annex of overdue dossiers), 4.265 other dossiers returned in the period, and
//   1.380.000 đồng of fees paid without cash on dossiers returned in the period (1,38 triệu đồng).
// Around them, rows the figures must leave out: returned before 2023 or after 30/06, still open.
// Deterministic: its own seeded generator, integer arithmetic only.

import type { ExampleCell } from './data';

export const DOSSIER_FIGURES = { resolved: 3946, online: 1703, late: 16, overdueAtAsOf: 3, other: 4265, feesCashless: 1_380_000 } as const;

const DAY_MS = 86_400_000;
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;
const asDate = (n: number) => new Date(n * DAY_MS);
const START = day(2023, 1, 1);
const END = day(2023, 6, 30);
const AS_OF = day(2023, 6, 7);

/** mulberry32, as the other example lists use. */
function generator(seed: number): (lo: number, hi: number) => number {
  let a = seed >>> 0;
  return (lo, hi) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return lo + Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (hi - lo + 1));
  };
}

const TTHC = [
  'Cấp Giấy chứng nhận đăng ký đầu tư',
  'Điều chỉnh Giấy chứng nhận đăng ký đầu tư',
  'Cấp giấy phép lao động cho người lao động nước ngoài',
  'Cấp lại giấy phép lao động cho người lao động nước ngoài',
  'Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động',
  'Đăng ký nội quy lao động của doanh nghiệp',
  'Cấp giấy phép xây dựng công trình trong khu công nghiệp',
  'Thẩm định báo cáo nghiên cứu khả thi đầu tư xây dựng',
];
const OTHER = ['Báo cáo giám sát, đánh giá đầu tư', 'Văn bản đề nghị hướng dẫn thủ tục đầu tư', 'Báo cáo tình hình sử dụng lao động', 'Hồ sơ góp ý dự án đầu tư', 'Văn bản đề nghị xác nhận ưu đãi đầu tư'];
/** The work permit fees, đồng; paid in cash unless marked. */
const PERMIT_FEE = 400_000;
const REISSUE_FEE = 60_000;

interface Row {
  procedure: string;
  kind: 'TTHC' | 'Không thuộc TTHC';
  channel: 'Trực tuyến' | 'Trực tiếp' | 'Bưu chính';
  received: number;
  due: number | null;
  returned: number | null;
  fee: number | null;
  cashless: boolean;
}

/** A working day (Mon–Fri) in [a, b]. */
function weekday(rnd: (lo: number, hi: number) => number, a: number, b: number): number {
  for (let i = 0; i < 40; i++) {
    const n = rnd(a, b);
    const wd = asDate(n).getUTCDay();
    if (wd !== 0 && wd !== 6) return n;
  }
  return a;
}

export function dossierRows(seed = 0x4f50c2): ExampleCell[][] {
  const rnd = generator(seed);
  const rows: Row[] = [];
  const channel = (): Row['channel'] => (rnd(0, 9) === 0 ? 'Bưu chính' : 'Trực tiếp');
  const fee = (procedure: string) => (procedure === TTHC[2] ? PERMIT_FEE : procedure === TTHC[3] ? REISSUE_FEE : null);

  // TTHC returned in the period, on time: due a few days after the result
  const resolved = DOSSIER_FIGURES.resolved;
  for (let k = 0; k < resolved - DOSSIER_FIGURES.late; k++) {
    const returned = weekday(rnd, START, END);
    const received = returned - rnd(1, 12);
    const procedure = TTHC[rnd(0, TTHC.length - 1)];
    rows.push({ procedure, kind: 'TTHC', channel: 'Trực tiếp', received, due: returned + rnd(0, 6), returned, fee: fee(procedure), cashless: false });
  }
  // late: after their due date; three of them still open on the as-of date with the due date passed
  for (let k = 0; k < DOSSIER_FIGURES.late; k++) {
    const overdue = k < DOSSIER_FIGURES.overdueAtAsOf;
    const received = overdue ? weekday(rnd, day(2023, 5, 15), day(2023, 5, 24)) : weekday(rnd, day(2023, 2, 1), day(2023, 4, 28));
    const due = overdue ? day(2023, 6, 1) + k : received + rnd(5, 10);
    const returned = overdue ? day(2023, 6, 12) + 2 * k : due + rnd(1, 4);
    const procedure = TTHC[overdue ? 0 : rnd(0, TTHC.length - 1)];
    rows.push({ procedure, kind: 'TTHC', channel: 'Trực tiếp', received, due, returned, fee: fee(procedure), cashless: false });
  }
  // channels of the period's TTHC dossiers: exactly 1.703 online, spread through the list
  const order = rows.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rnd(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  order.forEach((i, n) => (rows[i].channel = n < DOSSIER_FIGURES.online ? 'Trực tuyến' : channel()));
  // fees paid without cash: three work permits and three reissues submitted online
  const permits = order.filter((i) => rows[i].channel === 'Trực tuyến' && rows[i].procedure === TTHC[2]).slice(0, 3);
  const reissues = order.filter((i) => rows[i].channel === 'Trực tuyến' && rows[i].procedure === TTHC[3]).slice(0, 3);
  for (const i of [...permits, ...reissues]) rows[i].cashless = true;
  if ([...permits, ...reissues].reduce((sum, i) => sum + (rows[i].fee ?? 0), 0) !== DOSSIER_FIGURES.feesCashless) throw new Error('the example dossiers do not give the cashless fees');

  // other dossiers returned in the period: no due date, no fee
  for (let k = 0; k < DOSSIER_FIGURES.other; k++) {
    const returned = weekday(rnd, START, END);
    rows.push({ procedure: OTHER[rnd(0, OTHER.length - 1)], kind: 'Không thuộc TTHC', channel: rnd(0, 2) === 0 ? 'Trực tuyến' : channel(), received: returned - rnd(0, 10), due: null, returned, fee: null, cashless: false });
  }
  // outside the period's figures: returned in December 2022, returned in July, still open
  for (let k = 0; k < 24; k++) {
    const received = weekday(rnd, day(2022, 11, 28), day(2022, 12, 16));
    rows.push({ procedure: TTHC[2], kind: k % 4 === 3 ? 'Không thuộc TTHC' : 'TTHC', channel: 'Trực tuyến', received, due: received + 15, returned: received + rnd(3, 10), fee: k % 4 === 3 ? null : PERMIT_FEE, cashless: k % 4 !== 3 });
  }
  for (let k = 0; k < 30; k++) {
    const received = weekday(rnd, day(2023, 6, 19), day(2023, 6, 29));
    const open = k % 3 === 0;
    const procedure = TTHC[rnd(0, TTHC.length - 1)];
    rows.push({ procedure, kind: 'TTHC', channel: channel(), received, due: received + 15, returned: open ? null : day(2023, 7, 3) + rnd(0, 5), fee: fee(procedure), cashless: rnd(0, 1) === 1 });
  }

  rows.sort((a, b) => a.received - b.received || (a.returned ?? 1e9) - (b.returned ?? 1e9));
  const seq = new Map<number, number>();
  return rows.map((r) => {
    const n = (seq.get(r.received) ?? 0) + 1;
    seq.set(r.received, n);
    const dt = asDate(r.received).toISOString();
    const id = `H26.34-${dt.slice(2, 4)}${dt.slice(5, 7)}${dt.slice(8, 10)}-${String(n).padStart(4, '0')}`;
    return [id, r.procedure, r.kind, r.channel, asDate(r.received), r.due === null ? null : asDate(r.due), r.returned === null ? null : asDate(r.returned), r.fee, r.cashless ? 'x' : null];
  });
}

export const DOSSIER_HEADERS = ['Mã hồ sơ', 'Tên thủ tục', 'Loại hồ sơ', 'Hình thức nộp', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày trả kết quả', 'Phí, lệ phí', 'Không dùng tiền mặt'];
