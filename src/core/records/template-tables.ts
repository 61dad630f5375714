import { SETTINGS, TABLES, TableKind } from './schema';

export type SpecCell = string | number | boolean | Date | null;

/** A table to create in a workbook: both `baocao template` and the pane's "Tạo bảng mẫu" use this. */
export interface TableSpec {
  kind: TableKind;
  name: string;
  sheet: string;
  topLeft: string;
  headers: string[];
  rows: SpecCell[][];
  /** Number format per header, e.g. dates and months. */
  numFmt: Record<string, string>;
}

const FORMATS: Record<string, string> = { date: 'dd/mm/yyyy', month: 'mm/yyyy', number: '#,##0.00', integer: '#,##0' };

const EXAMPLES: Partial<Record<TableKind, SpecCell[][]>> = {
  projects: [
    ['FDI-2023-001', 'Nhà máy linh kiện điện tử', 'Công ty TNHH ABC', 'Hàn Quốc', 'KCN Deep C', 'FDI', 'Cấp mới', '15/02/2023', 120.5],
    ['FDI-2019-014', 'Nhà máy sản xuất bao bì', 'Công ty TNHH XYZ', 'Nhật Bản', 'KCN VSIP Hải Phòng', 'FDI', 'Điều chỉnh', '20/03/2023', 15],
    ['DDI-2023-001', 'Kho vận logistics', 'Công ty CP Logistics Hải Phòng', 'Việt Nam', 'KCN Nam Đình Vũ', 'DDI', 'Cấp mới', '05/04/2023', 850],
  ],
  labour: [
    ['Công ty TNHH ABC', 'KCN Deep C', '06/2023', 1250, 11.2],
    ['Công ty TNHH XYZ', 'KCN VSIP Hải Phòng', '06/2023', 830, 12.5],
  ],
  revenue: [['Công ty TNHH ABC', 'KCN Deep C', '06/2023', 1250.5, 45.2, 38.1, 12.3, 'x']],
  budget: [['Cơ quan Ban Quản lý Khu kinh tế', '06/2023', 210.5]],
  tasks: [
    ['NV-2023-001', 'Báo cáo tình hình thu hút đầu tư quý II', '02/05/2023', '30/06/2023', '25/06/2023'],
    ['NV-2023-002', 'Rà soát quy hoạch khu công nghiệp', '10/05/2023', null, null],
  ],
  dossiers: [
    ['000.23.45.H26-230105-0001', 'Cấp Giấy chứng nhận đăng ký đầu tư', 'TTHC', 'Trực tuyến', '05/01/2023', '20/01/2023', '16/01/2023', 0, null],
    ['000.23.45.H26-230301-0012', 'Cấp giấy phép lao động cho người nước ngoài', 'TTHC', 'Trực tiếp', '01/03/2023', '08/03/2023', '07/03/2023', 600000, 'x'],
    ['BQL-2023-0031', 'Xác nhận hợp đồng', 'Khác', 'Bưu chính', '10/03/2023', null, '14/03/2023', null, null],
  ],
  targets: [
    ['fdi_capital', 2023, 2000, 626],
    ['ddi_capital', 2023, 10000, null],
    ['budget', 2023, 2560, null],
  ],
  sections: [
    ['MoDau', null, 'Thực hiện chế độ báo cáo …, Ban Quản lý báo cáo như sau:'],
    ['I', 'KẾT QUẢ TRIỂN KHAI THỰC HIỆN CÁC PHONG TRÀO THI ĐUA', null],
    ['I.1', 'Công tác lãnh đạo, chỉ đạo', '…'],
  ],
  templates: [['labour_income', '- Thu nhập bình quân {labour_avg_income:1} triệu đồng/người/tháng.']],
  metrics: [['fdi_avg_new_capital', 'fdi_new_capital / fdi_new_count', 'Vốn bình quân một dự án FDI cấp mới', 'triệu USD']],
};

/**
 * Every contract table with its Vietnamese headers, each on its own sheet at A1. Settings lists
 * every key; with `examples`, the other tables hold a few rows showing the accepted forms.
 */
export function templateTables(examples: boolean): TableSpec[] {
  return TABLES.map((t) => {
    const headers = t.columns.map((c) => c.vi[0]);
    const numFmt: Record<string, string> = {};
    for (const c of t.columns) if (FORMATS[c.type]) numFmt[c.vi[0]] = FORMATS[c.type];
    let rows: SpecCell[][];
    if (t.kind === 'settings') rows = SETTINGS.map((s) => [s.vi, null]);
    else rows = examples ? (EXAMPLES[t.kind] ?? [headers.map(() => null)]) : [headers.map(() => null)];
    return { kind: t.kind, name: t.vi, sheet: t.vi, topLeft: 'A1', headers, rows, numFmt };
  });
}
