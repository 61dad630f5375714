import { buildReport, ReportResult } from '../../../src/core/engine';
import { CellValue } from '../../../src/core/records/snapshot';
import { SheetGrid } from '../../../src/core/recognize';
import { settings, metric } from '../../helpers/tables';

/*
 * The one-stop system's own export, kept as a plain sheet: agency and title rows, an STT column,
 * two-row headers merged over "Thời gian" and "Phí, lệ phí", fees in nghìn đồng, a closing note.
 */

const H1: [string, string] = ['01/01/2023', '30/06/2023'];
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

const EXPORT: SheetGrid = {
  name: 'Hồ sơ một cửa',
  cells: [
    ['BAN QUẢN LÝ KHU KINH TẾ HẢI PHÒNG'],
    ['DANH SÁCH HỒ SƠ TIẾP NHẬN, GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH'],
    ['Từ ngày 01/12/2022 đến ngày 31/07/2023'],
    ['STT', 'Mã hồ sơ', 'Tên thủ tục hành chính', 'Loại hồ sơ', 'Hình thức nộp', 'Thời gian', null, null, 'Phí, lệ phí', null],
    [null, null, null, null, null, 'Tiếp nhận', 'Hẹn trả', 'Trả kết quả', 'Số tiền (nghìn đồng)', 'Không dùng tiền mặt'],
    [1, 'H26.34-230105-0001', 'Cấp Giấy chứng nhận đăng ký đầu tư', 'TTHC', 'Trực tuyến', d(2023, 1, 5), d(2023, 1, 20), d(2023, 1, 16), null, null],
    [2, 'H26.34-230110-0001', 'Cấp giấy phép lao động', 'TTHC', 'Trực tiếp', '10/01/2023', '17/01/2023', '18/01/2023', 400, 'x'],
    [3, 'H26.34-230301-0001', 'Báo cáo giám sát đầu tư', 'Không thuộc TTHC', 'Bưu chính', d(2023, 3, 1), null, d(2023, 3, 3), null, null],
    [4, 'H26.34-230520-0002', 'Cấp giấy phép lao động', null, 'Trực tuyến', d(2023, 5, 20), d(2023, 5, 30), null, 60, 'Có'],
    [5, 'H26.34-221201-0003', 'Cấp giấy phép lao động', 'TTHC', 'Trực tuyến', d(2022, 12, 1), d(2022, 12, 10), d(2022, 12, 8), 400, 'x'],
    [],
    ['Tổng số hồ sơ: 5'],
  ] as CellValue[][],
  merges: ['A1:J1', 'A2:J2', 'A3:J3', 'A4:A5', 'B4:B5', 'C4:C5', 'D4:D5', 'E4:E5', 'F4:H4', 'I4:J4'],
};

function report(grids: SheetGrid[], lang: 'vi' | 'en' = 'vi'): ReportResult {
  return buildReport([settings(H1)], { lang, today: '2026-11-27', grids });
}

test('the one-stop export as a plain sheet is read as the HoSo list', () => {
  const r = report([EXPORT]);
  const m = r.mappings!.find((x) => x.sheet === 'Hồ sơ một cửa')!;
  expect(m).toMatchObject({ kind: 'dossiers', used: true });
  expect(m.columns.map((c) => [c.column, c.field])).toEqual([
    ['B', 'dossierId'],
    ['C', 'procedure'],
    ['D', 'kind'],
    ['E', 'channel'],
    ['F', 'received'],
    ['G', 'due'],
    ['H', 'returned'],
    ['I', 'fee'],
    ['J', 'cashless'],
  ]);
  expect(r.data.dossiers).toHaveLength(5);
  expect(metric(r, 'dossiers_resolved')).toBe(2);
  expect(metric(r, 'dossiers_online')).toBe(1);
  expect(metric(r, 'dossiers_on_time')).toBe(1);
  expect(metric(r, 'dossiers_on_time_pct')).toBe(50);
  expect(metric(r, 'dossiers_other_resolved')).toBe(1);
  expect(metric(r, 'dossiers_pending')).toBe(1);
  expect(metric(r, 'dossiers_overdue')).toBe(1);
  // 400 nghìn đồng paid without cash on a dossier returned in the period: 0,4 triệu đồng
  expect(metric(r, 'dossiers_fees_cashless')).toBe(0.4);
  expect(r.data.dossiers![1].origin.cell('fee')).toBe("'Hồ sơ một cửa'!I7");
  expect(r.problems.filter((p) => p.level === 'error')).toEqual([]);
});

test('a dossier returned before it was received on the export: named at its cell on the sheet', () => {
  const cells = EXPORT.cells.map((row) => [...row]);
  cells[6][7] = '01/01/2023';
  const r = report([{ ...EXPORT, cells }]);
  const at = r.problems.filter((p) => p.cell === "'Hồ sơ một cửa'!H7");
  expect(at.map((p) => p.code)).toContain('returnedBeforeReceived');
  expect(r.data.dossiers).toHaveLength(4);
});
