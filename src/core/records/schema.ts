import { z } from 'zod';
import { cellAddress } from './snapshot';

/** The kinds of table of the workbook contract (docs: workbook-schema.md). */
export type TableKind =
  | 'settings'
  | 'projects'
  | 'labour'
  | 'revenue'
  | 'budget'
  | 'tasks'
  | 'dossiers'
  | 'targets'
  | 'sections'
  | 'templates'
  | 'metrics';

export type FieldType = 'text' | 'number' | 'integer' | 'date' | 'month' | 'yesno' | 'any';

export interface ColumnDef {
  key: string;
  /** Vietnamese headers accepted besides the English key; the first is the one we write. */
  vi: string[];
  type: FieldType;
  required: boolean;
}

export interface TableDef {
  kind: TableKind;
  en: string;
  vi: string;
  /** Further accepted table names. */
  aliases?: string[];
  columns: ColumnDef[];
}

const col = (key: string, vi: string | string[], type: FieldType, required = false): ColumnDef => ({
  key,
  vi: Array.isArray(vi) ? vi : [vi],
  type,
  required,
});

export const TABLES: TableDef[] = [
  {
    kind: 'settings',
    en: 'Settings',
    vi: 'ThongTin',
    columns: [col('key', 'Khóa', 'text', true), col('value', 'Giá trị', 'any')],
  },
  {
    kind: 'projects',
    en: 'Projects',
    vi: 'DuAn',
    columns: [
      col('projectId', 'Mã dự án', 'text', true),
      col('name', 'Tên dự án', 'text'),
      col('investor', 'Nhà đầu tư', 'text'),
      col('country', 'Quốc gia', 'text'),
      col('zone', 'Khu', 'text'),
      col('source', 'Nguồn vốn', 'text', true),
      col('event', 'Loại', 'text', true),
      col('date', 'Ngày', 'date', true),
      col('capital', 'Vốn đầu tư', 'number', true),
    ],
  },
  {
    kind: 'labour',
    en: 'Labour',
    vi: 'LaoDong',
    aliases: ['Labor'],
    columns: [
      col('enterprise', 'Doanh nghiệp', 'text', true),
      col('zone', 'Khu', 'text'),
      col('month', 'Tháng', 'month', true),
      col('workers', 'Số lao động', 'integer', true),
      col('avgIncome', 'Thu nhập bình quân', 'number'),
    ],
  },
  {
    kind: 'revenue',
    en: 'Revenue',
    vi: 'SanXuatKinhDoanh',
    columns: [
      col('enterprise', 'Doanh nghiệp', 'text', true),
      col('zone', 'Khu', 'text'),
      col('month', 'Tháng', 'month', true),
      col('revenue', 'Doanh thu', 'number'),
      col('export', 'Xuất khẩu', 'number'),
      col('import', 'Nhập khẩu', 'number'),
      col('taxPaid', 'Nộp ngân sách', 'number'),
      col('estimated', 'Ước tính', 'yesno'),
    ],
  },
  {
    kind: 'budget',
    en: 'Budget',
    vi: 'NganSach',
    columns: [col('unit', 'Đơn vị', 'text', true), col('month', 'Tháng', 'month', true), col('amount', 'Số nộp', 'number', true)],
  },
  {
    kind: 'tasks',
    en: 'Tasks',
    vi: 'NhiemVu',
    columns: [
      col('taskId', 'Mã nhiệm vụ', 'text', true),
      col('title', 'Nội dung', 'text'),
      col('assigned', 'Ngày giao', 'date', true),
      col('deadline', 'Hạn xử lý', 'date'),
      col('completed', 'Ngày hoàn thành', 'date'),
    ],
  },
  {
    kind: 'dossiers',
    en: 'Dossiers',
    vi: 'HoSo',
    columns: [
      col('dossierId', 'Mã hồ sơ', 'text', true),
      col('procedure', 'Tên thủ tục', 'text'),
      col('kind', 'Loại hồ sơ', 'text'),
      col('channel', 'Hình thức nộp', 'text'),
      col('received', 'Ngày tiếp nhận', 'date', true),
      col('due', 'Ngày hẹn trả', 'date'),
      col('returned', 'Ngày trả kết quả', 'date'),
      col('fee', ['Phí, lệ phí', 'Phí lệ phí', 'Lệ phí'], 'number'),
      col('cashless', 'Không dùng tiền mặt', 'yesno'),
    ],
  },
  {
    kind: 'targets',
    en: 'Targets',
    vi: 'KeHoach',
    columns: [
      col('metric', 'Chỉ tiêu', 'text', true),
      col('year', 'Năm', 'integer', true),
      col('plan', 'Kế hoạch', 'number'),
      col('prior', 'Cùng kỳ', 'number'),
    ],
  },
  {
    kind: 'sections',
    en: 'Sections',
    vi: 'NoiDung',
    columns: [col('section', 'Mục', 'text', true), col('heading', 'Tiêu đề', 'text'), col('text', 'Nội dung', 'text')],
  },
  {
    kind: 'templates',
    en: 'Templates',
    vi: 'MauCau',
    columns: [col('key', 'Mã câu', 'text', true), col('template', 'Mẫu câu', 'text', true)],
  },
  {
    kind: 'metrics',
    en: 'Metrics',
    vi: 'ChiTieuTinh',
    columns: [
      col('key', 'Mã', 'text', true),
      col('expression', 'Công thức', 'text', true),
      col('label', 'Tên', 'text'),
      col('unit', 'Đơn vị', 'text'),
    ],
  },
];

export const TABLE_BY_KIND = Object.fromEntries(TABLES.map((t) => [t.kind, t])) as Record<TableKind, TableDef>;

/** Settings keys: English key, Vietnamese key, and how the value is read. */
export const SETTINGS = [
  { key: 'periodStart', vi: 'TuNgay', type: 'date' },
  { key: 'periodEnd', vi: 'DenNgay', type: 'date' },
  { key: 'asOf', vi: 'NgaySoLieu', type: 'date' },
  { key: 'agency', vi: 'CoQuan', type: 'text' },
  { key: 'parentAgency', vi: 'CoQuanChuQuan', type: 'text' },
  { key: 'docNumber', vi: 'SoHieu', type: 'text' },
  { key: 'place', vi: 'DiaDanh', type: 'text' },
  { key: 'reportDate', vi: 'NgayBaoCao', type: 'date' },
  { key: 'title', vi: 'TrichYeu', type: 'text' },
  { key: 'vndPerUsd', vi: 'TyGia', type: 'number' },
  { key: 'signerFor', vi: 'KyThay', type: 'text' },
  { key: 'signerTitle', vi: 'ChucVuKy', type: 'text' },
  { key: 'signerName', vi: 'NguoiKy', type: 'text' },
  { key: 'recipients', vi: 'NoiNhan', type: 'text' },
  { key: 'language', vi: 'NgonNgu', type: 'text' },
] as const;

export type SettingKey = (typeof SETTINGS)[number]['key'];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const month = z.string().regex(/^\d{4}-\d{2}$/);
const text = z.string().min(1);
const optText = z.string().nullable();
const money = z.number().finite().max(1e15).min(-1e15);

export const ProjectSchema = z.object({
  projectId: text,
  name: optText,
  investor: optText,
  country: optText,
  zone: optText,
  source: z.enum(['FDI', 'DDI']),
  event: z.enum(['new', 'adjust', 'terminate']),
  date: day,
  capital: money.nullable(),
});
export type Project = z.infer<typeof ProjectSchema>;

export const LabourSchema = z.object({
  enterprise: text,
  zone: optText,
  month,
  workers: z.number().int().min(0).max(10_000_000),
  avgIncome: z.number().finite().min(0).max(10_000).nullable(),
});
export type Labour = z.infer<typeof LabourSchema>;

export const RevenueSchema = z.object({
  enterprise: text,
  zone: optText,
  month,
  revenue: money.nullable(),
  export: money.min(0).nullable(),
  import: money.min(0).nullable(),
  taxPaid: money.nullable(),
  estimated: z.boolean(),
});
export type Revenue = z.infer<typeof RevenueSchema>;

export const BudgetSchema = z.object({ unit: text, month, amount: money });
export type Budget = z.infer<typeof BudgetSchema>;

export const TaskSchema = z.object({
  taskId: text,
  title: optText,
  assigned: day,
  deadline: day.nullable(),
  completed: day.nullable(),
});
export type Task = z.infer<typeof TaskSchema>;

export const DossierSchema = z.object({
  dossierId: text,
  procedure: optText,
  /** `TTHC`: an administrative procedure (the default); `other`: a dossier outside the procedures. */
  kind: z.enum(['TTHC', 'other']),
  channel: z.enum(['online', 'desk', 'post']).nullable(),
  received: day,
  due: day.nullable(),
  returned: day.nullable(),
  /** đồng */
  fee: money.min(0).nullable(),
  cashless: z.boolean(),
});
export type Dossier = z.infer<typeof DossierSchema>;

export const TargetSchema = z.object({
  metric: text,
  year: z.number().int().min(1900).max(9999),
  plan: money.nullable(),
  prior: money.nullable(),
});
export type Target = z.infer<typeof TargetSchema>;

export const SectionSchema = z.object({ section: text, heading: optText, text: optText });
export type SectionRow = z.infer<typeof SectionSchema>;

export const TemplateSchema = z.object({ key: text, template: text });
export type TemplateRow = z.infer<typeof TemplateSchema>;

export const MetricDefSchema = z.object({
  key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
  expression: text,
  label: optText,
  unit: optText,
});
export type MetricDef = z.infer<typeof MetricDefSchema>;

export const SCHEMAS = {
  projects: ProjectSchema,
  labour: LabourSchema,
  revenue: RevenueSchema,
  budget: BudgetSchema,
  tasks: TaskSchema,
  dossiers: DossierSchema,
  targets: TargetSchema,
  sections: SectionSchema,
  templates: TemplateSchema,
  metrics: MetricDefSchema,
} as const;

/** Where a table's fields sit on its sheet: one per table, shared by all its records. */
export interface TableLayout {
  sheet: string;
  table: string;
  firstColumn: number;
  /** field key → 0-based column in the table (absent fields point at the first column) */
  columns: Record<string, number>;
  /** Staff sheets: field key → 1-based worksheet column, when columns are not contiguous. */
  columnNumbers?: Record<string, number>;
}

/** Where a record came from, so later checks can name its cells. Kept small: tables can hold 100k rows. */
export class Origin {
  constructor(
    readonly layout: TableLayout,
    /** 1-based worksheet row. */
    readonly row: number,
    /** Staff sheets, months across: field key → 1-based worksheet column for this row only. */
    readonly columnsHere?: Record<string, number>,
  ) {}

  get sheet(): string {
    return this.layout.sheet;
  }

  get table(): string {
    return this.layout.table;
  }

  /** The address of a field's cell in this row, e.g. `DuAn!F7`. */
  cell(key: string): string {
    const col = this.columnsHere?.[key] ?? this.layout.columnNumbers?.[key] ?? this.layout.firstColumn + (this.layout.columns[key] ?? 0);
    return cellAddress(this.layout.sheet, this.row, col);
  }
}

export type Located<T> = T & { origin: Origin };

export const PLAN_KEYS = ['fdi_capital', 'ddi_capital', 'revenue', 'export', 'import', 'tax_paid', 'budget', 'labour_workers'] as const;
