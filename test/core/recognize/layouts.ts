import { CellValue } from '../../../src/core/records/snapshot';
import { SheetGrid } from '../../../src/core/recognize';

/** The staff-sheet layouts of the recognition tests (sheets.test.ts), shared with the AnhXa round-trip tests. */
function grid(name: string, cells: CellValue[][], merges: string[] = [], extra: Partial<SheetGrid> = {}): SheetGrid {
  return { name, cells, merges, ...extra };
}

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

export const LAYOUTS: Record<string, SheetGrid> = {
  '1': grid(
  'FDI cấp mới',
  [
    ['DANH MỤC DỰ ÁN FDI CẤP MỚI 6 THÁNG ĐẦU NĂM 2023'],
    [],
    ['STT', 'Tên DA', 'NĐT', 'Quốc gia', 'GCNĐKĐT', null, 'Vốn ĐT (triệu USD)'],
    [null, null, null, null, 'Số GCN', 'Ngày cấp', null],
    ['I', 'KCN Đình Vũ'],
    [1, 'Nhà máy A', 'A Co', 'Nhật Bản', '2101', '15/01/2023', 10.5],
    [2, 'Nhà máy B', 'B Co', 'Hàn Quốc', '2102', d(2023, 2, 3), 20.25],
    [null, 'Cộng KCN Đình Vũ', null, null, null, null, 30.75],
    ['II', 'KCN Tràng Duệ'],
    [3, 'Nhà máy C', 'C Co', 'Trung Quốc', '2103', d(2023, 3, 4), 5],
    [null, 'Cộng', null, null, null, null, 5],
    [null, 'Tổng cộng', null, null, null, null, 36],
  ],
  ['A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:F3', 'G3:G4', 'A1:G1'],
),
  '2': grid('DDI điều chỉnh', [
      ['DANH SÁCH DỰ ÁN DDI ĐIỀU CHỈNH VỐN'],
      ['STT', 'Mã DA', 'Tên dự án', 'Ngày điều chỉnh', 'Vốn điều chỉnh (triệu đồng)'],
      [1, 'D1', 'Kho A', '10/02/2023', 100],
      [2, 'D2', 'Kho B', '11/03/2023', 200],
      [3, 'D3', 'Kho C', '12/04/2023', -50.5],
    ]),
  '3': grid('Licences', [
      ['No.', 'Project ID', 'Project name', 'Investor', 'Source', 'Event', 'Date', 'Capital (thousand USD)'],
      [1, 'P1', 'Plant', 'X Ltd', 'FDI', 'new', '05/01/2023', 100],
      [2, 'P2', 'Depot', 'Y Ltd', 'FDI', 'new', '06/01/2023', 200],
      [3, 'P1', 'Plant', 'X Ltd', 'FDI', 'adjust', '07/03/2023', 0.5],
    ]),
  '4': grid('Đầu tư', [
      ['DỰ ÁN FDI CẤP MỚI'],
      ['Mã DA', 'Ngày cấp', 'Vốn đầu tư (triệu USD)'],
      ['F1', '02/01/2023', 7],
      ['F2', '03/01/2023', 8],
      [],
      [],
      ['DỰ ÁN DDI CẤP MỚI'],
      ['Ghi chú: số liệu tạm tính'],
      ['Mã DA', 'Ngày cấp', 'Vốn đầu tư (tỷ đồng)'],
      ['D1', '02/02/2023', 100],
    ]),
  '5': grid(
      'FDI cấp mới',
      [
        ['Mã dự án', 'Ngày cấp', 'Vốn (nghìn USD)', 'Vốn đầu tư (triệu USD)'],
        ['P1', '02/01/2023', 1500, 1.5],
        ['P2', '03/01/2023', 2500, 2.5],
      ],
      [],
      { hiddenColumns: [4] },
    ),
  '6': grid('Danh bạ', [
      ['DANH BẠ CÁN BỘ'],
      ['STT', 'Họ và tên', 'Chức vụ', 'Điện thoại', 'Email'],
      [1, 'Nguyễn Văn A', 'Trưởng phòng', '0912', 'a@x.vn'],
      [2, 'Trần Thị B', 'Chuyên viên', '0913', 'b@x.vn'],
    ]),
  '7': grid('Lao động', [
      ['TÌNH HÌNH LAO ĐỘNG TẠI CÁC DOANH NGHIỆP NĂM 2023'],
      ['STT', 'Doanh nghiệp', 'Khu', 'Tháng 1', 'Tháng 2', 'Tháng 3', 'Tháng 4', 'Tháng 5', 'Tháng 6', 'Cộng'],
      [1, 'DN A', 'KCN X', 100, 110, 120, 130, 140, 150, 750],
      [2, 'DN B', 'KCN Y', 10, 10, 10, 10, null, 20, 60],
      [null, 'Tổng cộng', null, 110, 120, 130, 140, 140, 170, 810],
    ]),
  '8': grid(
      'LD',
      [
        ['Tên DN', 'Tháng 5/2023', null, 'Tháng 6/2023', null],
        [null, 'Số LĐ', 'TNBQ (nghìn đồng)', 'Số LĐ', 'TNBQ (nghìn đồng)'],
        ['DN A', 100, 9000, 100, 10000],
        ['DN B', 300, 11000, 300, 12500],
      ],
      ['A1:A2', 'B1:C1', 'D1:E1'],
    ),
  '9': grid('T6-2023', [
      ['KẾT QUẢ SẢN XUẤT KINH DOANH THÁNG 6/2023'],
      ['STT', 'Doanh nghiệp', 'DT (triệu đồng)', 'XK (nghìn USD)', 'NK (triệu USD)', 'Nộp NS (tỷ đồng)'],
      [1, 'DN A', 1234.5, 100, 0.1, 1],
      [2, 'DN B', 1000, 200, 0.2, 2.5],
      ['Nguồn: báo cáo của doanh nghiệp'],
    ]),
  '10': grid('Thu phí', [
      ['SỐ THU PHÍ, LỆ PHÍ'],
      ['ĐVT: nghìn đồng'],
      ['Đơn vị', '01/2023', '02/2023', '03/2023', '04/2023', '05/2023', '06/2023', 'Cộng'],
      ['Ban Quản lý', 100100, 200000, 0, 0, 0, 10900, 311000],
      ['Trung tâm', 1000, 0, 0, 0, 0, 0, 1000],
    ]),
  '11': grid('Nhiệm vụ', [
      ['DANH MỤC NHIỆM VỤ ĐƯỢC GIAO'],
      ['STT', 'Số hiệu văn bản', 'Trích yếu', 'Ngày giao', 'Thời hạn', 'Ngày hoàn thành'],
      [1, '12/UBND', 'Việc A', '02/01/2023', '30/01/2023', '20/01/2023'],
      [2, '13/UBND', 'Việc B', '03/02/2023', '01/03/2023', null],
      [3, '14/UBND', 'Việc C', '04/03/2023', null, '10/04/2023'],
      [],
      ['Ghi chú:'],
      ['- Nhiệm vụ số 13 đang xin gia hạn.'],
    ]),
  '12': grid('Kế hoạch', [
      ['Chỉ tiêu', 'Năm', 'KH', 'Cùng kỳ'],
      ['fdi_capital', 2023, 2000, 626],
    ]),
  '13': grid('FDI cấp mới', [
      ['BÁO CÁO'],
      [],
      ['STT', 'Mã DA', 'Ngày cấp GCNĐKĐT', 'Vốn đầu tư (triệu USD)'],
      [1, 'P1', 'mười hai', 3],
      [2, 'P2', '03/01/2023', 'abc'],
    ]),
  '14': grid('FDI cấp mới', [
      ['Mã DA', 'Ngày cấp', 'Vốn đầu tư (tỷ đồng)'],
      ['P1', '02/01/2023', 3],
    ]),
  '15': grid(
      'Sheet1',
      [
        ['Doanh nghiệp', 'Số lao động (người)', null, null],
        [null, d(2023, 4, 1), d(2023, 5, 1), d(2023, 6, 1)],
        ['DN A', 5, 6, 7],
        ['DN B', 1, 2, 3],
        ['Tổng số', 6, 8, 11],
      ],
      ['A1:A2', 'B1:D1'],
    ),
  '16': grid('DDI cấp mới', [
      ['STT', 'Mã DA', 'Ngày cấp', 'Vốn đầu tư (tỷ đồng)'],
      ['A', 'KCN Nam Đình Vũ', null, 30],
      [1, 'D1', '02/01/2023', 10],
      [2, 'D2', '03/01/2023', 20],
      ['B', 'KCN An Dương', null, 5],
      [3, 'D3', '04/01/2023', 6],
    ]),
  '17': grid('Lao động T6-2023', [
    ['Doanh nghiệp', 'Số lao động'],
    ['Công ty TNHH A', 10],
    ['Tổng công ty B', 20],
    ['Tổng cộng', 30],
  ]),
};
