// Writes examples/hai-phong-2023-h1-staff.xlsx: the bundled example's data laid out the way an
// office keeps it — plain sheets with titles, merged two-row headers, STT, group rows by zone,
// subtotals and totals (one total wrong on purpose), units in headers, one sheet per list and
// labour with the months across. Settings, Sections, Targets and staff metrics stay tables.
import path from 'node:path';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { buildExampleTables, ExampleCell, ExampleTable } from './example/data';
import { addTables } from '../src/node/write-tables';
import { writeFileAtomic } from '../src/node/output-files';
import { exactSum } from '../src/core/figures/decimal';
import { formatNumber } from '../src/core/report/format';
import { shiftDecimal } from '../src/core/recognize/units';
import { deepXmlSafe } from '../src/core/records/xml-text';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];
const bold = { bold: true };
const center: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };

function col(t: ExampleTable, header: string): number {
  const i = t.headers.indexOf(header);
  if (i < 0) throw new Error(`no ${header} in ${t.name}`);
  return i;
}

function title(ws: ExcelJS.Worksheet, row: number, text: string, width: number): void {
  ws.getCell(row, 1).value = text;
  ws.getCell(row, 1).font = { bold: true, size: 13 };
  ws.getCell(row, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(row, 1, row, width);
}

/** Header cells: `top` over `bottom`; null in bottom merges the top cell down, a repeated top merges across. */
function header2(ws: ExcelJS.Worksheet, row: number, top: (string | null)[], bottom: (string | null)[]): void {
  for (let c = 0; c < top.length; c++) {
    if (top[c] !== null) ws.getCell(row, c + 1).value = top[c];
    if (bottom[c] !== null) ws.getCell(row + 1, c + 1).value = bottom[c];
    for (const r of [row, row + 1]) {
      const cell = ws.getCell(r, c + 1);
      cell.font = bold;
      cell.alignment = center;
      cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    }
  }
  for (let c = 0; c < top.length; c++) {
    if (bottom[c] === null) ws.mergeCells(row, c + 1, row + 1, c + 1);
    else if (top[c] !== null) {
      let e = c;
      while (e + 1 < top.length && top[e + 1] === null && bottom[e + 1] !== null) e++;
      if (e > c) ws.mergeCells(row, c + 1, row, e + 1);
    }
  }
}

/** One project list (one source, one event): rows grouped by zone with subtotals and a total. */
function projectSheet(wb: ExcelJS.Workbook, t: ExampleTable, source: string, event: string, sheetName: string, unit: { text: string; shift: number }, wrongTotal: boolean): void {
  const ws = wb.addWorksheet(sheetName);
  const rows = t.rows.filter((r) => r[col(t, 'Nguồn vốn')] === source && r[col(t, 'Loại')] === event);
  const width = 7;
  title(ws, 1, `DANH MỤC DỰ ÁN ${source} ${event.toUpperCase()} (LŨY KẾ ĐẾN 30/06/2023)`, width);
  ws.getCell(2, 1).value = 'Kèm theo báo cáo sơ kết 6 tháng đầu năm 2023';
  ws.mergeCells(2, 1, 2, width);
  header2(ws, 4, ['STT', 'Tên dự án', 'Nhà đầu tư', 'Quốc gia', 'GCNĐKĐT', null, `Vốn đầu tư (${unit.text})`], [null, null, null, null, 'Số GCN', 'Ngày cấp', null]);
  let r = 6;
  const zones = [...new Set(rows.map((x) => String(x[col(t, 'Khu')] ?? 'Ngoài khu')))].sort();
  const all: number[] = [];
  let stt = 0;
  zones.forEach((zone, zi) => {
    ws.getCell(r, 1).value = ROMAN[zi];
    ws.getCell(r, 2).value = zone;
    ws.getRow(r).font = bold;
    r++;
    const values: number[] = [];
    for (const x of rows.filter((y) => String(y[col(t, 'Khu')] ?? 'Ngoài khu') === zone)) {
      const cap = x[col(t, 'Vốn đầu tư')] as number | null;
      const v = cap === null ? null : shiftDecimal(cap, unit.shift);
      ws.getRow(r).values = [++stt, x[col(t, 'Tên dự án')], x[col(t, 'Nhà đầu tư')], x[col(t, 'Quốc gia')], x[col(t, 'Mã dự án')], x[col(t, 'Ngày')], v] as ExcelJS.CellValue[];
      ws.getCell(r, 6).numFmt = 'dd/mm/yyyy';
      if (v !== null) values.push(v);
      r++;
    }
    all.push(...values);
    ws.getCell(r, 2).value = `Cộng ${zone}`;
    ws.getCell(r, 7).value = values.length ? exactSum(values) : null;
    ws.getRow(r).font = { italic: true };
    r++;
  });
  ws.getCell(r, 2).value = 'Tổng cộng';
  const total = all.length ? exactSum(all) : null;
  ws.getCell(r, 7).value = total === null ? null : wrongTotal ? exactSum([total, 1]) : total;
  ws.getRow(r).font = bold;
  r += 2;
  ws.getCell(r, 1).value = 'Ghi chú: số liệu theo Hệ thống thông tin quốc gia về đầu tư.';
  [6, 30, 30, 14, 14, 12, 16].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

function monthOf(v: ExampleCell): { y: number; m: number } {
  const d = v as Date;
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1 };
}

/** Labour: one block per year, months across, "Số LĐ | TNBQ" under each month. */
function labourSheet(wb: ExcelJS.Workbook, t: ExampleTable): void {
  const ws = wb.addWorksheet('Lao động');
  const iE = col(t, 'Doanh nghiệp');
  const iZ = col(t, 'Khu');
  const iM = col(t, 'Tháng');
  const iW = col(t, 'Số lao động');
  const iI = col(t, 'Thu nhập bình quân');
  const years = [...new Set(t.rows.map((x) => monthOf(x[iM]).y))].sort();
  let r = 1;
  for (const y of years) {
    const rows = t.rows.filter((x) => monthOf(x[iM]).y === y);
    const months = [...new Set(rows.map((x) => monthOf(x[iM]).m))].sort((a, b) => a - b);
    const width = 3 + months.length * 2;
    title(ws, r, `TÌNH HÌNH LAO ĐỘNG TẠI CÁC DOANH NGHIỆP NĂM ${y}`, width);
    r += 2;
    const top: (string | null)[] = ['STT', 'Doanh nghiệp', 'Khu'];
    const bottom: (string | null)[] = [null, null, null];
    for (const m of months) {
      top.push(`Tháng ${m}`, null);
      bottom.push('Số LĐ (người)', 'TNBQ (triệu đồng/người/tháng)');
    }
    header2(ws, r, top, bottom);
    r += 2;
    const keys = [...new Set(rows.map((x) => `${x[iE]}\u0000${x[iZ] ?? ''}`))];
    keys.forEach((k, n) => {
      const [e, z] = k.split('\u0000');
      const cells: ExcelJS.CellValue[] = [n + 1, e, z || null];
      for (const m of months) {
        const x = rows.find((q) => q[iE] === e && String(q[iZ] ?? '') === z && monthOf(q[iM]).m === m);
        cells.push(x ? (x[iW] as number) : null, x ? (x[iI] as number | null) : null);
      }
      ws.getRow(r++).values = cells;
    });
    const totals: ExcelJS.CellValue[] = [null, 'Tổng cộng', null];
    months.forEach((m) => totals.push(exactSum(rows.filter((q) => monthOf(q[iM]).m === m).map((q) => q[iW] as number)), null));
    ws.getRow(r).values = totals;
    ws.getRow(r).font = bold;
    r += 3;
  }
  ws.getColumn(2).width = 40;
}

/** Revenue: one row per enterprise and month, revenue in triệu đồng, export in nghìn USD. */
function revenueSheet(wb: ExcelJS.Workbook, t: ExampleTable): void {
  const ws = wb.addWorksheet('SXKD');
  title(ws, 1, 'KẾT QUẢ SẢN XUẤT KINH DOANH CỦA DOANH NGHIỆP', 9);
  header2(
    ws,
    3,
    ['STT', 'Tên DN', 'KCN', 'Tháng', 'Doanh thu (triệu đồng)', 'Kim ngạch', null, 'Nộp NS (tỷ đồng)', 'Ước tính'],
    [null, null, null, null, null, 'XK (nghìn USD)', 'NK (triệu USD)', null, null],
  );
  const i = (h: string) => col(t, h);
  let r = 5;
  const sums: number[][] = [[], [], [], []];
  t.rows.forEach((x, n) => {
    const rev = x[i('Doanh thu')] as number | null;
    const exp = x[i('Xuất khẩu')] as number | null;
    const vals = [rev === null ? null : shiftDecimal(rev, 3), exp === null ? null : shiftDecimal(exp, 3), x[i('Nhập khẩu')] as number | null, x[i('Nộp ngân sách')] as number | null];
    vals.forEach((v, k) => v !== null && sums[k].push(v));
    ws.getRow(r).values = [n + 1, x[i('Doanh nghiệp')], x[i('Khu')], x[i('Tháng')], ...vals, x[i('Ước tính')]] as ExcelJS.CellValue[];
    ws.getCell(r, 4).numFmt = 'mm/yyyy';
    r++;
  });
  ws.getRow(r).values = [null, 'Tổng số', null, null, ...sums.map((s) => exactSum(s))];
  ws.getRow(r).font = bold;
  ws.getCell(r + 2, 1).value = 'Nguồn: báo cáo thống kê của doanh nghiệp; tháng 5, 6/2023 là số ước tính.';
  ws.getColumn(2).width = 40;
}

/** Budget collections: one block per year, months across, "ĐVT: triệu đồng", a Cộng column. */
function budgetSheet(wb: ExcelJS.Workbook, t: ExampleTable): void {
  const ws = wb.addWorksheet('Thu phí, lệ phí');
  const iU = col(t, 'Đơn vị');
  const iM = col(t, 'Tháng');
  const iA = col(t, 'Số nộp');
  const years = [...new Set(t.rows.map((x) => monthOf(x[iM]).y))].sort();
  let r = 1;
  for (const y of years) {
    const rows = t.rows.filter((x) => monthOf(x[iM]).y === y);
    const months = [...new Set(rows.map((x) => monthOf(x[iM]).m))].sort((a, b) => a - b);
    title(ws, r, `SỐ THU PHÍ, LỆ PHÍ NỘP NGÂN SÁCH NĂM ${y}`, months.length + 3);
    ws.getCell(r + 1, months.length + 2).value = 'ĐVT: triệu đồng';
    r += 2;
    ws.getRow(r).values = ['STT', 'Đơn vị', ...months.map((m) => `T${m}`), 'Cộng'];
    ws.getRow(r).font = bold;
    r++;
    const units = [...new Set(rows.map((x) => String(x[iU])))];
    units.forEach((u, n) => {
      const vals = months.map((m) => (rows.find((x) => x[iU] === u && monthOf(x[iM]).m === m)?.[iA] as number | undefined) ?? null);
      ws.getRow(r++).values = [n + 1, u, ...vals, exactSum(vals.filter((v): v is number => v !== null))];
    });
    r += 2;
  }
  ws.getColumn(2).width = 45;
}

function tasksSheet(wb: ExcelJS.Workbook, t: ExampleTable): void {
  const ws = wb.addWorksheet('Nhiệm vụ được giao');
  title(ws, 1, 'THEO DÕI NHIỆM VỤ UBND THÀNH PHỐ GIAO', 6);
  ws.getRow(3).values = ['STT', 'Mã NV', 'Nội dung nhiệm vụ', 'Ngày giao', 'Thời hạn', 'Ngày hoàn thành'];
  ws.getRow(3).font = bold;
  let r = 4;
  t.rows.forEach((x, n) => {
    ws.getRow(r).values = [n + 1, ...x] as ExcelJS.CellValue[];
    for (const c of [4, 5, 6]) ws.getCell(r, c).numFmt = 'dd/mm/yyyy';
    r++;
  });
  ws.getCell(r + 1, 1).value = 'Ghi chú:';
  ws.getCell(r + 2, 1).value = '- Nhiệm vụ không có thời hạn được theo dõi đến khi hoàn thành.';
  ws.getColumn(3).width = 60;
}

/** The one-stop system's export as it comes: agency and title rows, STT, headers merged over "Thời gian" and "Phí, lệ phí". */
function dossierSheet(wb: ExcelJS.Workbook, t: ExampleTable): void {
  const ws = wb.addWorksheet('Hồ sơ TTHC');
  const width = 10;
  ws.getCell(1, 1).value = 'BAN QUẢN LÝ KHU KINH TẾ HẢI PHÒNG';
  ws.getCell(1, 1).font = bold;
  title(ws, 2, 'DANH SÁCH HỒ SƠ TIẾP NHẬN, GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH', width);
  ws.getCell(3, 1).value = 'Từ ngày 01/12/2022 đến ngày 31/07/2023 (trích xuất từ Hệ thống thông tin giải quyết thủ tục hành chính)';
  header2(
    ws,
    4,
    ['STT', 'Mã hồ sơ', 'Tên thủ tục hành chính', 'Loại hồ sơ', 'Hình thức nộp', 'Thời gian', null, null, 'Phí, lệ phí', null],
    [null, null, null, null, null, 'Tiếp nhận', 'Hẹn trả', 'Trả kết quả', 'Số tiền (đồng)', 'Không dùng tiền mặt'],
  );
  const i = (h: string) => col(t, h);
  let r = 6;
  t.rows.forEach((x, n) => {
    ws.getRow(r).values = [n + 1, x[i('Mã hồ sơ')], x[i('Tên thủ tục')], x[i('Loại hồ sơ')], x[i('Hình thức nộp')], x[i('Ngày tiếp nhận')], x[i('Ngày hẹn trả')], x[i('Ngày trả kết quả')], x[i('Phí, lệ phí')], x[i('Không dùng tiền mặt')]] as ExcelJS.CellValue[];
    for (const c of [6, 7, 8]) ws.getCell(r, c).numFmt = 'dd/mm/yyyy';
    ws.getCell(r, 9).numFmt = '#,##0';
    r++;
  });
  ws.getCell(r + 1, 1).value = `Tổng số: ${formatNumber(t.rows.length, 'vi')} hồ sơ.`;
  ws.getColumn(2).width = 22;
  ws.getColumn(3).width = 50;
}

export async function writeStaffExample(out: string): Promise<void> {
  const tables = deepXmlSafe(buildExampleTables());
  const byName = (n: string) => tables.find((t) => t.name === n)!;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BaoCao';
  addTables(wb, [byName('ThongTin')]);
  const du = byName('DuAn');
  projectSheet(wb, du, 'FDI', 'Cấp mới', 'FDI cấp mới', { text: 'triệu USD', shift: 0 }, true);
  projectSheet(wb, du, 'FDI', 'Điều chỉnh', 'FDI điều chỉnh', { text: 'nghìn USD', shift: 3 }, false);
  projectSheet(wb, du, 'FDI', 'Chấm dứt', 'FDI chấm dứt', { text: 'triệu USD', shift: 0 }, false);
  projectSheet(wb, du, 'DDI', 'Cấp mới', 'DDI cấp mới', { text: 'tỷ đồng', shift: 0 }, false);
  projectSheet(wb, du, 'DDI', 'Điều chỉnh', 'DDI điều chỉnh', { text: 'tỷ đồng', shift: 0 }, false);
  projectSheet(wb, du, 'DDI', 'Chấm dứt', 'DDI chấm dứt', { text: 'tỷ đồng', shift: 0 }, false);
  labourSheet(wb, byName('LaoDong'));
  revenueSheet(wb, byName('SanXuatKinhDoanh'));
  budgetSheet(wb, byName('NganSach'));
  dossierSheet(wb, byName('HoSo'));
  tasksSheet(wb, byName('NhiemVu'));
  addTables(wb, [byName('KeHoach'), byName('NoiDung'), byName('ChiTieuTinh')]);
  writeFileAtomic(out, (await wb.xlsx.writeBuffer()) as unknown as Buffer);
}

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? 'examples/hai-phong-2023-h1-staff.xlsx');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await writeStaffExample(out);
  console.log(`wrote ${out}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
