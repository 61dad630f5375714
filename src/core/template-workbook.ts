import { Day, Month } from './parse';
import { TABLES, TableKind } from './schema';
import { DEFAULT_TEMPLATES } from './templates';

/** A cell of a sample table: dates and months are kept as such so writers can give them date formats. */
export type SampleCell = string | number | boolean | null | { day: Day } | { month: Month };

export interface SampleTable {
  kind: TableKind;
  /** Excel table name (the contract's Vietnamese name). */
  name: string;
  headers: string[];
  rows: SampleCell[][];
}

const day = (d: Day): SampleCell => ({ day: d });
const month = (m: Month): SampleCell => ({ month: m });

/** A few example rows per table, in the column order of the contract; enough for a first report. */
const ROWS: Record<TableKind, SampleCell[][]> = {
  settings: [
    ['TuNgay', day('2023-01-01')],
    ['DenNgay', day('2023-06-30')],
    ['NgaySoLieu', day('2023-06-30')],
    ['CoQuan', 'Ban Quản lý Khu kinh tế'],
    ['CoQuanChuQuan', 'UBND tỉnh'],
    ['SoHieu', '…/BC-BQL'],
    ['DiaDanh', 'Hải Phòng'],
    ['TrichYeu', 'Sơ kết công tác 6 tháng đầu năm 2023'],
    ['TyGia', 23390],
    ['ChucVuKy', 'PHÓ TRƯỞNG BAN'],
    ['NguoiKy', 'Nguyễn Văn A'],
    ['NgonNgu', 'vi'],
  ],
  projects: [
    ['FDI-001', 'Nhà máy linh kiện điện tử', 'Công ty TNHH A', 'Hàn Quốc', 'KCN Deep C', 'FDI', 'Cấp mới', day('2023-02-15'), 120.5],
    ['FDI-000', 'Nhà máy dệt may', 'Công ty TNHH B', 'Nhật Bản', 'KCN Đình Vũ', 'FDI', 'Điều chỉnh', day('2023-04-03'), 35],
    ['DDI-001', 'Kho vận cảng', 'Công ty CP C', 'Việt Nam', 'KKT Đình Vũ - Cát Hải', 'DDI', 'Cấp mới', day('2023-03-20'), 850],
  ],
  labour: [
    ['Công ty TNHH A', 'KCN Deep C', month('2023-06'), 1200, 9.8],
    ['Công ty TNHH B', 'KCN Đình Vũ', month('2023-06'), 850, 10.5],
    ['Công ty TNHH A', 'KCN Deep C', month('2022-06'), 1100, 9.2],
  ],
  revenue: [
    ['Công ty TNHH A', 'KCN Deep C', month('2023-05'), 320.4, 12.6, 9.1, 4.2, null],
    ['Công ty TNHH A', 'KCN Deep C', month('2023-06'), 335, 13.1, 9.4, 4.5, 'x'],
  ],
  budget: [
    ['Cơ quan Ban Quản lý Khu kinh tế', month('2023-05'), 205.3],
    ['Cơ quan Ban Quản lý Khu kinh tế', month('2023-06'), 198.7],
  ],
  tasks: [
    ['NV-001', 'Báo cáo tình hình thu hút đầu tư quý I', day('2023-03-01'), day('2023-03-31'), day('2023-03-28')],
    ['NV-002', 'Rà soát quy hoạch KCN', day('2023-05-10'), day('2023-07-15'), null],
    ['NV-003', 'Tổng hợp ý kiến doanh nghiệp', day('2023-06-01'), null, null],
  ],
  targets: [
    ['fdi_capital', 2023, 2000, null],
    ['ddi_capital', 2023, 10000, null],
    ['budget', 2023, 2560, null],
  ],
  sections: [
    ['I', 'KẾT QUẢ TRIỂN KHAI THỰC HIỆN NHIỆM VỤ', null],
    ['I', null, 'Đoạn văn do cán bộ soạn; mỗi dòng là một đoạn.'],
  ],
  templates: [['fdi', DEFAULT_TEMPLATES.vi.fdi]],
  metrics: [['fdi_avg_new_capital', 'fdi_new_capital / fdi_new_count', 'Vốn bình quân một dự án FDI cấp mới', 'triệu USD']],
};

/** Every contract table with its Vietnamese headers and example rows, in contract order. */
export function sampleTables(): SampleTable[] {
  return TABLES.map((t) => ({ kind: t.kind, name: t.vi, headers: t.columns.map((c) => c.vi[0]), rows: ROWS[t.kind].map((r) => [...r]) }));
}
