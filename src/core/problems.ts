export type Lang = 'vi' | 'en';
export type Level = 'error' | 'warning' | 'info';

export interface Problem {
  level: Level;
  /** Cell or range address such as `DuAn!F7`, or null when the problem is about the whole workbook. */
  cell: string | null;
  code: ProblemCode;
  message: string;
  /**
   * The message without what differs from cell to cell (the row, the value), when the message has
   * such a form: repeats of it are shown as one line with their cells.
   */
  group?: string;
}

type P = Record<string, string | number>;
type Msg = (p: P) => string;

/**
 * Every problem BaoCao reports, in Vietnamese and English, in the staff's words: their table,
 * sheet and column names, never the program's keys. `many` is the text shared by repeats at
 * several cells (the cells say which rows).
 */
const MESSAGES = {
  tableMissing: {
    vi: (p: P) => `Không có bảng ${p.table} trong sổ: các số liệu cần bảng này để trống.`,
    en: (p: P) => `No table ${p.en} (${p.table}) in the workbook: the figures that need it are left empty.`,
  },
  tableDuplicate: {
    vi: (p: P) => `Có nhiều hơn một bảng ${p.vi ?? p.en}: các dòng của bảng ${p.table} được gộp vào.`,
    en: (p: P) => `More than one ${p.en} table: the rows of ${p.table} are added to it.`,
  },
  columnMissing: {
    vi: (p: P) => `Bảng ${p.table} thiếu cột bắt buộc "${p.header}": bảng không được đọc (${p.rows} dòng chưa tính).`,
    en: (p: P) => `Table ${p.table} lacks the required column "${p.header}": the table is not read (${p.rows} rows not counted).`,
  },
  columnDuplicate: {
    vi: (p: P) => `Cột "${p.header}" lặp lại trong bảng ${p.table}: chỉ dùng cột đầu tiên.`,
    en: (p: P) => `Column "${p.header}" appears twice in table ${p.table}: only the first is used.`,
  },
  columnsUnknown: {
    vi: (p: P) => `Bảng ${p.table} có cột không dùng đến: ${p.headers}.`,
    en: (p: P) => `Table ${p.table} has columns that are not used: ${p.headers}.`,
  },
  requiredEmpty: {
    vi: (p: P) => `Ô "${p.header}" đang trống nhưng bắt buộc: dòng ${p.row} không được tính.`,
    en: (p: P) => `"${p.header}" is empty but required: row ${p.row} is not counted.`,
    many: {
      vi: (p: P) => `Ô "${p.header}" đang trống nhưng bắt buộc: các dòng này không được tính.`,
      en: (p: P) => `"${p.header}" is empty but required: these rows are not counted.`,
    },
  },
  badValue: {
    vi: (p: P) => `Giá trị "${p.text}" ở cột "${p.header}" ${p.why}: dòng ${p.row} không được tính.`,
    en: (p: P) => `Value "${p.text}" in "${p.header}" ${p.why}: row ${p.row} is not counted.`,
    many: {
      vi: (p: P) => `Giá trị ở cột "${p.header}" ${p.why}: các dòng này không được tính.`,
      en: (p: P) => `The value in "${p.header}" ${p.why}, in each of these cells: their rows are not counted.`,
    },
  },
  badOptional: {
    vi: (p: P) => `Giá trị "${p.text}" ở cột "${p.header}" ${p.why}: bỏ qua ô này, dòng ${p.row} vẫn được tính.`,
    en: (p: P) => `Value "${p.text}" in "${p.header}" ${p.why}: the cell is ignored, row ${p.row} is still counted.`,
    many: {
      vi: (p: P) => `Giá trị ở cột "${p.header}" ${p.why}: bỏ qua các ô này, các dòng vẫn được tính.`,
      en: (p: P) => `The value in "${p.header}" ${p.why}, in each of these cells: the cells are ignored, their rows are still counted.`,
    },
  },
  futureDate: {
    vi: (p: P) => `Ngày ${p.text} ở cột "${p.header}" nằm sau ngày lập báo cáo (${p.today}): vui lòng kiểm tra.`,
    en: (p: P) => `Date ${p.text} in "${p.header}" is after the report date (${p.today}): please check.`,
    many: {
      vi: (p: P) => `Ngày ở cột "${p.header}" nằm sau ngày lập báo cáo (${p.today}): vui lòng kiểm tra.`,
      en: (p: P) => `The date in "${p.header}" is after the report date (${p.today}) in each of these cells: please check.`,
    },
  },
  settingsMissing: {
    vi: () => `Chưa biết kỳ báo cáo nên không tính được số liệu: thêm hai dòng "Từ ngày: 01/01/2024" và "Đến ngày: 30/06/2024" vào một trang tính (hoặc bảng ThongTin với khóa TuNgay, DenNgay).`,
    en: () => `The report period is unknown, so no figure can be computed: add two rows "From: 01/01/2024" and "To: 30/06/2024" to a sheet (or a Settings table with keys periodStart, periodEnd).`,
  },
  periodGiven: {
    vi: (p: P) => `Kỳ báo cáo theo tùy chọn dòng lệnh: ${p.start} – ${p.end}${p.was ? ` (thay cho ${p.was} ghi trong sổ)` : ''}.`,
    en: (p: P) => `Report period from the command-line option: ${p.start} – ${p.end}${p.was ? ` (instead of ${p.was} in the workbook)` : ''}.`,
  },
  staffSettingsRead: {
    vi: (p: P) => `Trang "${p.sheet}", vùng ${p.range}: đọc thông tin báo cáo: ${p.items}.`,
    en: (p: P) => `Sheet "${p.sheet}", range ${p.range}: report settings read: ${p.items}.`,
  },
  staffColumnValues: {
    vi: (p: P) => `Trang "${p.sheet}", cột ${p.column} "${p.header}": đọc là ${p.field} theo giá trị trong cột (${p.values}).`,
    en: (p: P) => `Sheet "${p.sheet}", column ${p.column} "${p.header}": read as ${p.field} from the values it holds (${p.values}).`,
  },
  staffEventColumns: {
    vi: (p: P) => `Trang "${p.sheet}", vùng ${p.range}: mỗi dòng có thể là nhiều sự kiện, mỗi sự kiện một cột vốn: ${p.columns}.`,
    en: (p: P) => `Sheet "${p.sheet}", range ${p.range}: each row may hold several events, one capital column each: ${p.columns}.`,
  },
  staffRowNoFigure: {
    vi: (p: P) => `Dòng ${p.row} "${p.text}" không có số ở cột nào trong ${p.columns}: không biết là sự kiện nào nên không được tính.`,
    en: (p: P) => `Row ${p.row} "${p.text}" has no figure in any of ${p.columns}: its event is unknown, so it is not counted.`,
  },
  settingMissing: {
    vi: (p: P) => `Bảng ThongTin chưa có giá trị cho khóa ${p.vi}: hãy điền ngày dạng dd/mm/yyyy.`,
    en: (p: P) => `The Settings table has no value for ${p.key}: enter a date as dd/mm/yyyy.`,
  },
  settingBad: {
    vi: (p: P) => `Giá trị "${p.text}" của ${p.vi} ${p.why}.`,
    en: (p: P) => `The value "${p.text}" of ${p.key} ${p.why}.`,
  },
  settingUnknown: {
    vi: (p: P) => `Khóa "${p.key}" trong bảng ThongTin không được dùng.`,
    en: (p: P) => `Settings key "${p.key}" is not used.`,
  },
  settingDuplicate: {
    vi: (p: P) => `Khóa ${p.key} lặp lại trong bảng ThongTin: dùng giá trị đầu tiên.`,
    en: (p: P) => `Settings key ${p.key} appears twice: the first value is used.`,
  },
  periodReversed: {
    vi: (p: P) => `Ngày kết thúc kỳ (${p.end}) trước ngày bắt đầu (${p.start}): không tính được số liệu theo kỳ.`,
    en: (p: P) => `The period ends (${p.end}) before it starts (${p.start}): no period figure can be computed.`,
  },
  asOfOutside: {
    vi: (p: P) => `Ngày số liệu nhiệm vụ ${p.asOf} nằm ngoài kỳ báo cáo.`,
    en: (p: P) => `The task as-of date ${p.asOf} is outside the report period.`,
  },
  unknownSource: {
    vi: (p: P) => `Nguồn vốn "${p.text}" không hợp lệ (chỉ nhận FDI hoặc DDI): dòng ${p.row} không được tính.`,
    en: (p: P) => `Unknown capital source "${p.text}" (FDI or DDI only): row ${p.row} is not counted.`,
    many: {
      vi: (p: P) => `Nguồn vốn "${p.text}" không hợp lệ (chỉ nhận FDI hoặc DDI): các dòng này không được tính.`,
      en: (p: P) => `Unknown capital source "${p.text}" (FDI or DDI only): these rows are not counted.`,
    },
  },
  unknownDossierKind: {
    vi: (p: P) => `Loại hồ sơ "${p.text}" không hợp lệ (TTHC, Khác hoặc Không thuộc TTHC): dòng ${p.row} không được tính.`,
    en: (p: P) => `Unknown dossier kind "${p.text}" (TTHC, or Khác / Không thuộc TTHC for other dossiers): row ${p.row} is not counted.`,
    many: {
      vi: (p: P) => `Loại hồ sơ "${p.text}" không hợp lệ (TTHC, Khác hoặc Không thuộc TTHC): các dòng này không được tính.`,
      en: (p: P) => `Unknown dossier kind "${p.text}" (TTHC, or Khác / Không thuộc TTHC for other dossiers): these rows are not counted.`,
    },
  },
  unknownChannel: {
    vi: (p: P) => `Hình thức nộp "${p.text}" không hợp lệ (Trực tuyến, Trực tiếp, Bưu chính): dòng ${p.row} không được tính.`,
    en: (p: P) => `Unknown submission channel "${p.text}" (Trực tuyến = online, Trực tiếp = at the desk, Bưu chính = by post): row ${p.row} is not counted.`,
    many: {
      vi: (p: P) => `Hình thức nộp "${p.text}" không hợp lệ (Trực tuyến, Trực tiếp, Bưu chính): các dòng này không được tính.`,
      en: (p: P) => `Unknown submission channel "${p.text}" (Trực tuyến = online, Trực tiếp = at the desk, Bưu chính = by post): these rows are not counted.`,
    },
  },
  returnedBeforeReceived: {
    vi: (p: P) => `Ngày trả kết quả ${p.returned} trước ngày tiếp nhận ${p.received}: dòng ${p.row} không được tính.`,
    en: (p: P) => `The result was returned on ${p.returned}, before the dossier was received on ${p.received}: row ${p.row} is not counted.`,
    many: {
      vi: () => `Ngày trả kết quả trước ngày tiếp nhận: các dòng này không được tính.`,
      en: () => `The result was returned before the dossier was received: these rows are not counted.`,
    },
  },
  unknownEvent: {
    vi: (p: P) => `Loại "${p.text}" không hợp lệ (Cấp mới, Điều chỉnh, Chấm dứt): dòng ${p.row} không được tính.`,
    en: (p: P) => `Unknown event "${p.text}" (new, adjust, terminate): row ${p.row} is not counted.`,
    many: {
      vi: (p: P) => `Loại "${p.text}" không hợp lệ (Cấp mới, Điều chỉnh, Chấm dứt): các dòng này không được tính.`,
      en: (p: P) => `Unknown event "${p.text}" (new, adjust, terminate): these rows are not counted.`,
    },
  },
  chartOmitted: {
    vi: (p: P) => `Không vẽ biểu đồ "${p.title}": ${p.reason}.`,
    en: (p: P) => `The chart "${p.title}" is left out: ${p.reason}.`,
  },
  tableOmitted: {
    vi: (p: P) => `Không lập bảng "${p.title}": ${p.reason}.`,
    en: (p: P) => `The table "${p.title}" is left out: ${p.reason}.`,
  },
  annexOmitted: {
    vi: (p: P) => `Không lập phụ lục "${p.title}": ${p.reason}.`,
    en: (p: P) => `The annex "${p.title}" is left out: ${p.reason}.`,
  },
  textCleaned: {
    vi: (p: P) => `Ô có ký tự điều khiển hoặc không hợp lệ (${p.chars}) mà tệp Excel và Word không chứa được: các ký tự này được bỏ đi, phần chữ còn lại vẫn được dùng.`,
    en: (p: P) => `The cell holds control or invalid characters (${p.chars}) that Excel and Word files cannot hold: they are removed, the rest of the text is used.`,
    many: {
      vi: () => `Ô có ký tự điều khiển hoặc không hợp lệ mà tệp Excel và Word không chứa được: các ký tự này được bỏ đi, phần chữ còn lại vẫn được dùng.`,
      en: () => `These cells hold control or invalid characters that Excel and Word files cannot hold: they are removed, the rest of the text is used.`,
    },
  },
  staffBlockMapped: {
    vi: (p: P) => `Trang "${p.sheet}", vùng ${p.range}: đọc như bảng ${p.table}, độ tin cậy ${p.confidence}%; ${p.columns}.`,
    en: (p: P) => `Sheet "${p.sheet}", range ${p.range}: read as the ${p.en} table, confidence ${p.confidence}%; ${p.columns}.`,
  },
  sheetTooLarge: {
    vi: (p: P) => `Trang tính "${p.sheet}" quá lớn để Excel gửi một lần (${p.rows} dòng × ${p.columns} cột, khoảng ${p.mb} MB): không được đọc; nếu trang này có số liệu, hãy chuyển số liệu vào bảng Excel hoặc chạy "baocao report" trên tệp.`,
    en: (p: P) => `Sheet "${p.sheet}" is too large for Excel to send at once (${p.rows} rows × ${p.columns} columns, about ${p.mb} MB): not read; if it holds data, put the data in an Excel table or run "baocao report" on the file.`,
  },
  sheetMergesNotRead: {
    vi: (p: P) => `Không đọc được ô gộp (${p.detail}): các trang tính được đọc không có ô gộp, tiêu đề nhiều dòng có thể không được nhận ra.`,
    en: (p: P) => `Merged cells could not be read (${p.detail}): the sheets were read without them, and headers over several rows may not be recognised.`,
  },
  sheetHiddenColumnsUnchecked: {
    vi: (p: P) => `Trang tính "${p.sheet}" có ${p.columns} cột: các cột sau cột 256 không được kiểm tra có ẩn hay không.`,
    en: (p: P) => `Sheet "${p.sheet}" has ${p.columns} columns: columns past 256 were not checked for being hidden.`,
  },
  staffSheetTooLarge: {
    vi: (p: P) => `Trang "${p.sheet}" quá lớn để xem hết: chỉ xem đến dòng ${p.row} trong ${p.rows} dòng, các dòng sau không được đọc. Chuyển các danh sách ở dưới sang trang khác, hoặc đưa chúng vào bảng Excel theo mẫu.`,
    en: (p: P) => `Sheet "${p.sheet}" is too large to examine in full: examined down to row ${p.row} of ${p.rows}, the rows after it were not read. Move the lists below to another sheet, or put them in Excel tables as in the template.`,
  },
  staffBlockNotUsed: {
    vi: (p: P) => `Trang "${p.sheet}", vùng ${p.range}: không nhận ra là bảng số liệu của báo cáo (${p.why}), không được dùng.`,
    en: (p: P) => `Sheet "${p.sheet}", range ${p.range}: not recognised as report data (${p.why}), not used.`,
  },
  staffBlockContractWins: {
    vi: (p: P) => `Trang "${p.sheet}", vùng ${p.range}: sổ đã có bảng ${p.table} nên vùng này không được dùng.`,
    en: (p: P) => `Sheet "${p.sheet}", range ${p.range}: the workbook already has a ${p.en} table, so this range is not used.`,
  },
  staffGroupRow: {
    vi: (p: P) => `Dòng ${p.row} "${p.text}" là dòng nhóm, không phải số liệu: không tính vào tổng.`,
    en: (p: P) => `Row ${p.row} "${p.text}" is a group heading, not data: not counted.`,
    many: {
      vi: () => `Dòng nhóm, không phải số liệu: không tính vào tổng.`,
      en: () => `Group headings, not data: not counted.`,
    },
  },
  staffSubtotalRow: {
    vi: (p: P) => `Dòng ${p.row} "${p.text}" là dòng cộng nhóm: không tính (đã có các dòng chi tiết).`,
    en: (p: P) => `Row ${p.row} "${p.text}" is a subtotal: not counted (its detail rows are).`,
    many: {
      vi: () => `Dòng cộng nhóm: không tính (đã có các dòng chi tiết).`,
      en: () => `Subtotals: not counted (their detail rows are).`,
    },
  },
  staffTotalRow: {
    vi: (p: P) => `Dòng ${p.row} "${p.text}" là dòng tổng cộng: không tính (đã có các dòng chi tiết).`,
    en: (p: P) => `Row ${p.row} "${p.text}" is a total: not counted (its detail rows are).`,
    many: {
      vi: () => `Dòng tổng cộng: không tính (đã có các dòng chi tiết).`,
      en: () => `Totals: not counted (their detail rows are).`,
    },
  },
  staffNoteRow: {
    vi: (p: P) => `Dòng ${p.row} "${p.text}" là ghi chú dưới bảng: không phải số liệu.`,
    en: (p: P) => `Row ${p.row} "${p.text}" is a note under the table: not data.`,
    many: {
      vi: () => `Ghi chú dưới bảng: không phải số liệu.`,
      en: () => `Notes under the table: not data.`,
    },
  },
  staffTotalMismatch: {
    vi: (p: P) => `Dòng ${p.row} "${p.text}", cột "${p.header}": ghi ${p.total} nhưng cộng ${p.rows} dòng chi tiết được ${p.sum}. Báo cáo dùng các dòng chi tiết; vui lòng kiểm tra.`,
    en: (p: P) => `Row ${p.row} "${p.text}", column "${p.header}": shows ${p.total} but its ${p.rows} detail rows add up to ${p.sum}. The report uses the detail rows; please check.`,
  },
  staffBlockAnhXa: {
    vi: (p: P) => `Trang "${p.sheet}", vùng ${p.range}: đọc như bảng ${p.table} theo bảng AnhXa (${p.rows}); ${p.columns}.`,
    en: (p: P) => `Sheet "${p.sheet}", range ${p.range}: read as the ${p.en} table as the Mapping table says (${p.rows}); ${p.columns}.`,
  },
  anhXaRow: {
    vi: (p: P) => `Bảng AnhXa, dòng ${p.row}: ${p.why}; dòng này không được dùng.`,
    en: (p: P) => `Mapping table, row ${p.row}: ${p.why}; this row is not used.`,
  },
  anhXaBlockNotUsed: {
    vi: (p: P) => `Bảng AnhXa, trang "${p.sheet}", vùng ${p.range}: ${p.why}; vùng này không được đọc.`,
    en: (p: P) => `Mapping table, sheet "${p.sheet}", range ${p.range}: ${p.why}; this range is not read.`,
  },
  staffColumnHidden: {
    vi: (p: P) => `Cột ẩn ${p.columns} của vùng ${p.range} không được đọc.`,
    en: (p: P) => `Hidden columns ${p.columns} of range ${p.range} are not read.`,
  },
  staffUnitCurrency: {
    vi: (p: P) => `Đơn vị "${p.unit}" của cột "${p.header}" không phải đơn vị tiền của ${p.source} (${p.expected}): dòng ${p.row} không được tính.`,
    en: (p: P) => `Unit "${p.unit}" of column "${p.header}" is not the currency of ${p.source} (${p.expected}): row ${p.row} is not counted.`,
    many: {
      vi: (p: P) => `Đơn vị "${p.unit}" của cột "${p.header}" không phải đơn vị tiền của ${p.source} (${p.expected}): các dòng này không được tính.`,
      en: (p: P) => `Unit "${p.unit}" of column "${p.header}" is not the currency of ${p.source} (${p.expected}): these rows are not counted.`,
    },
  },
  negativeNotAllowed: {
    vi: (p: P) => `"${p.header}" không được âm (${p.text}): dòng ${p.row} không được tính.`,
    en: (p: P) => `"${p.header}" cannot be negative (${p.text}): row ${p.row} is not counted.`,
    many: {
      vi: (p: P) => `"${p.header}" không được âm: các dòng này không được tính.`,
      en: (p: P) => `"${p.header}" cannot be negative: these rows are not counted.`,
    },
  },
  outOfRange: {
    vi: (p: P) => `"${p.header}" có giá trị ${p.text} vượt giới hạn hợp lý: dòng ${p.row} không được tính.`,
    en: (p: P) => `"${p.header}" holds ${p.text}, beyond any plausible value: row ${p.row} is not counted.`,
    many: {
      vi: (p: P) => `"${p.header}" có giá trị vượt giới hạn hợp lý: các dòng này không được tính.`,
      en: (p: P) => `"${p.header}" holds a value beyond any plausible one: these rows are not counted.`,
    },
  },
  negativeCapitalNew: {
    vi: (p: P) => `Dự án ${p.id} cấp mới với vốn âm (${p.text}).`,
    en: (p: P) => `Project ${p.id} is licensed with a negative capital (${p.text}).`,
  },
  projectSourceMixed: {
    vi: (p: P) => `Dự án ${p.id} vừa ghi FDI vừa ghi DDI: mỗi dòng được tính theo nguồn vốn của dòng đó.`,
    en: (p: P) => `Project ${p.id} is recorded as both FDI and DDI: each row counts under its own source.`,
  },
  adjustBeforeNew: {
    vi: (p: P) => `Dự án ${p.id} được điều chỉnh ngày ${p.date} khi chưa được cấp mới.`,
    en: (p: P) => `Project ${p.id} is adjusted on ${p.date} before it was licensed.`,
  },
  eventAfterTerminate: {
    vi: (p: P) => `Dự án ${p.id} có sự kiện ngày ${p.date} sau khi đã chấm dứt (${p.end}).`,
    en: (p: P) => `Project ${p.id} has an event on ${p.date} after it was terminated (${p.end}).`,
  },
  projectNewTwice: {
    vi: (p: P) => `Dự án ${p.id} được cấp mới nhiều lần.`,
    en: (p: P) => `Project ${p.id} is licensed more than once.`,
  },
  duplicateTask: {
    vi: (p: P) => `Mã nhiệm vụ ${p.id} trùng với dòng ${p.first}: dòng ${p.row} không được tính.`,
    en: (p: P) => `Task id ${p.id} repeats row ${p.first}: row ${p.row} is not counted.`,
  },
  completedBeforeAssigned: {
    vi: (p: P) => `Nhiệm vụ ${p.id} hoàn thành (${p.done}) trước ngày giao (${p.assigned}).`,
    en: (p: P) => `Task ${p.id} is completed (${p.done}) before it was assigned (${p.assigned}).`,
  },
  duplicateMonthRow: {
    vi: (p: P) => `"${p.name}" có hơn một dòng cho tháng ${p.month} (dòng ${p.first}): cả hai đều được cộng, vui lòng kiểm tra.`,
    en: (p: P) => `"${p.name}" has more than one row for ${p.month} (row ${p.first}): both are added, please check.`,
  },
  targetUnknownMetric: {
    vi: (p: P) => `Chỉ tiêu kế hoạch "${p.text}" không có trong danh mục: dòng ${p.row} không được dùng.`,
    en: (p: P) => `Plan key "${p.text}" is not known: row ${p.row} is not used.`,
    many: {
      vi: (p: P) => `Chỉ tiêu kế hoạch "${p.text}" không có trong danh mục: các dòng này không được dùng.`,
      en: (p: P) => `Plan key "${p.text}" is not known: these rows are not used.`,
    },
  },
  targetDuplicate: {
    vi: (p: P) => `Chỉ tiêu "${p.text}" năm ${p.year} lặp lại (dòng ${p.first}): dùng dòng đầu tiên.`,
    en: (p: P) => `Plan "${p.text}" for ${p.year} repeats row ${p.first}: the first row is used.`,
  },
  targetBudgetUnitUnused: {
    vi: (p: P) => `Có kế hoạch cho đơn vị "${p.unit}" nhưng không có số nộp trong kỳ.`,
    en: (p: P) => `There is a plan for unit "${p.unit}" but no collections in the period.`,
  },
  sectionBad: {
    vi: (p: P) => `Số mục "${p.text}" không đúng dạng (I, I.1, II.4.(3), MoDau, KetLuan): đoạn văn được đặt cuối báo cáo.`,
    en: (p: P) => `Section number "${p.text}" is not an outline number (I, I.1, II.4.(3), MoDau, KetLuan): the paragraph goes at the end.`,
  },
  templateUnknown: {
    vi: (p: P) => `Mã câu "${p.key}" không có: mẫu câu không được dùng.`,
    en: (p: P) => `Template key "${p.key}" is not known: the template is not used.`,
  },
  templatePlaceholder: {
    vi: (p: P) => `Mẫu câu của đoạn "${p.key}" dùng "{${p.name}}", không phải số liệu nào của báo cáo.`,
    en: (p: P) => `The template of "${p.key}" uses "{${p.name}}", which is not a figure of the report.`,
  },
  metricMissingInText: {
    vi: (p: P) => `Đoạn "${p.paragraph}" cần ${Number(p.count) > 1 ? 'các số liệu' : 'số liệu'} ${p.keys} nhưng chưa có (${p.reason}): báo cáo ghi "chưa có số liệu" thay cho câu này.`,
    en: (p: P) => `The paragraph "${p.paragraph}" needs ${p.keys}, ${Number(p.count) > 1 ? 'which are' : 'which is'} missing (${p.reason}): the report says "no figures yet" instead.`,
  },

  metricKeyBad: {
    vi: (p: P) => `Mã chỉ tiêu "${p.text}" không hợp lệ (chỉ chữ, số, dấu _ và không trùng chỉ tiêu sẵn có).`,
    en: (p: P) => `Metric key "${p.text}" is not valid (letters, digits, _ only, and not a built-in key).`,
  },
  expressionRefused: {
    vi: (p: P) => `Công thức của ${p.key} bị từ chối: ${p.why}.`,
    en: (p: P) => `The expression of ${p.key} is refused: ${p.why}.`,
  },
  expressionUnknownKey: {
    vi: (p: P) => `Công thức của ${p.key} dùng "${p.name}" không phải chỉ tiêu.`,
    en: (p: P) => `The expression of ${p.key} uses "${p.name}", which is not a metric.`,
  },
  expressionCycle: {
    vi: (p: P) => `Công thức của ${p.key} tham chiếu vòng: ${p.cycle}.`,
    en: (p: P) => `The expression of ${p.key} refers to itself in a cycle: ${p.cycle}.`,
  },
  expressionFailed: {
    vi: (p: P) => `Không tính được ${p.key}: ${p.why}.`,
    en: (p: P) => `${p.key} cannot be computed: ${p.why}.`,
  },
  mergedCells: {
    vi: (p: P) => `Bảng ${p.table} có ô gộp ${p.range}: chỉ ô đầu tiên của vùng gộp có giá trị, các ô còn lại được đọc là ô trống. Nên bỏ gộp ô trong bảng.`,
    en: (p: P) => `Table ${p.table} has merged cells ${p.range}: only the first cell holds a value, the others read as empty. Unmerge cells inside tables.`,
  },
  formulaNotComputed: {
    vi: (p: P) =>
      `Ô ${p.cell} chứa công thức chưa được tính (${p.text}): mở tệp bằng Excel và lưu lại. ` +
      (p.dropped ? `Dòng ${p.row} không được tính.` : `Bỏ qua ô "${p.header}", dòng ${p.row} vẫn được tính.`),
    en: (p: P) =>
      `Cell ${p.cell} holds a formula that was never calculated (${p.text}): open the file in Excel and save it. ` +
      (p.dropped ? `Row ${p.row} is not counted.` : `The "${p.header}" cell is ignored, row ${p.row} is still counted.`),
    many: {
      vi: (p: P) =>
        `Các ô này chứa công thức chưa được tính: mở tệp bằng Excel và lưu lại. ` +
        (p.dropped ? `Các dòng này không được tính.` : `Bỏ qua các ô "${p.header}", các dòng vẫn được tính.`),
      en: (p: P) =>
        `These cells hold formulas that were never calculated: open the file in Excel and save it. ` +
        (p.dropped ? `Their rows are not counted.` : `The "${p.header}" cells are ignored, their rows are still counted.`),
    },
  },
  formulaStale: {
    vi: (p: P) =>
      `Ô ${p.cell} là công thức (${p.text}); ${p.why === 'recalcOnLoad' ? 'tệp yêu cầu tính lại khi mở' : p.app ? `tệp được ghi bởi ${p.app}, không phải Excel` : 'không rõ chương trình nào đã ghi tệp'}, ` +
      `nên giá trị lưu sẵn (${p.value}) có thể đã cũ: mở tệp bằng Excel và lưu lại để chắc chắn.`,
    en: (p: P) =>
      `Cell ${p.cell} is a formula (${p.text}); ${p.why === 'recalcOnLoad' ? 'the workbook asks to be recalculated when opened' : p.app ? `the file was written by ${p.app}, not Excel` : 'the program that wrote the file is unknown'}, ` +
      `so its stored value (${p.value}) may be stale: open the file in Excel and save it to be sure.`,
    many: {
      vi: (p: P) =>
        `Các ô này là công thức; ${p.why === 'recalcOnLoad' ? 'tệp yêu cầu tính lại khi mở' : p.app ? `tệp được ghi bởi ${p.app}, không phải Excel` : 'không rõ chương trình nào đã ghi tệp'}, ` +
        `nên giá trị lưu sẵn có thể đã cũ: mở tệp bằng Excel và lưu lại để chắc chắn.`,
      en: (p: P) =>
        `These cells are formulas; ${p.why === 'recalcOnLoad' ? 'the workbook asks to be recalculated when opened' : p.app ? `the file was written by ${p.app}, not Excel` : 'the program that wrote the file is unknown'}, ` +
        `so their stored values may be stale: open the file in Excel and save it to be sure.`,
    },
  },
  tableNoHeader: {
    vi: (p: P) => `Bảng ${p.table} không có dòng tiêu đề: không biết cột nào là cột nào nên bảng không được đọc (${p.rows} dòng chưa tính). Bật "Dòng tiêu đề" (Thiết kế Bảng ▸ Header Row).`,
    en: (p: P) => `Table ${p.table} has no header row: its columns cannot be told apart, so the table is not read (${p.rows} rows not counted). Turn on its Header Row (Table Design ▸ Header Row).`,
  },
  rowsRead: {
    vi: (p: P) => `Bảng ${p.table}: đọc ${p.read} dòng, ${p.skipped} dòng có lỗi không được tính.`,
    en: (p: P) => `Table ${p.table}: ${p.read} rows read, ${p.skipped} rows with errors not counted.`,
  },
  // issue 18 (helper draft): the report's date, and what staff must still write in a draft
  reportDateBeforePeriodEnd: {
    vi: (p: P) => `Ngày báo cáo (${p.date}) trước ngày kết thúc kỳ báo cáo (${p.end}): vui lòng kiểm tra lại ngày báo cáo.`,
    en: (p: P) => `The report date (${p.date}) is before the end of the report period (${p.end}): please check the report date.`,
  },
  reportDateBeforeData: {
    vi: (p: P) => `Có ${p.count} dòng số liệu được tính trong báo cáo mang ngày sau ngày báo cáo (${p.date}), muộn nhất là ${p.latest}: vui lòng kiểm tra lại ngày báo cáo hoặc các dòng này.`,
    en: (p: P) => `${p.count} rows counted in the report are dated after the report date (${p.date}), the latest ${p.latest}: please check the report date or these rows.`,
  },
  draftOpening: {
    vi: () => 'Báo cáo chưa có đoạn mở đầu: đã để chỗ trống đánh dấu [Cần bổ sung …] để cán bộ soạn thảo viết thêm.',
    en: () => 'The report has no opening paragraph: a marked blank [To be written …] is left for the drafter.',
  },
  draftSectionI: {
    vi: () => 'Báo cáo chưa có phần I: đã để chỗ trống đánh dấu [Cần bổ sung …] để cán bộ soạn thảo viết thêm.',
    en: () => 'The report has no part I: a marked blank [To be written …] is left for the drafter.',
  },
  draftClosing: {
    vi: () => 'Báo cáo chưa có phần phương hướng, kiến nghị và kết luận: đã để chỗ trống đánh dấu [Cần bổ sung …] để cán bộ soạn thảo viết thêm.',
    en: () => 'The report has no part on next steps, proposals and conclusion: a marked blank [To be written …] is left for the drafter.',
  },
  draftSignerTitle: {
    vi: () => 'Chưa có chức vụ người ký: khối chữ ký để chỗ trống [CHỨC VỤ NGƯỜI KÝ].',
    en: () => "The signer's title is not given: the signature block shows a blank [SIGNER'S TITLE].",
  },
  draftSignerName: {
    vi: () => 'Chưa có họ tên người ký: khối chữ ký để chỗ trống [Họ và tên người ký].',
    en: () => "The signer's name is not given: the signature block shows a blank [Signer's full name].",
  },
} satisfies Record<string, { vi: Msg; en: Msg; many?: { vi: Msg; en: Msg } }>;

export type ProblemCode = keyof typeof MESSAGES;

const WHY: Record<string, { vi: string; en: string }> = {
  errorValue: { vi: 'là giá trị lỗi của Excel', en: 'is an Excel error value' },
  notNumber: { vi: 'không phải là số', en: 'is not a number' },
  notInteger: { vi: 'không phải là số nguyên', en: 'is not a whole number' },
  notDate: { vi: 'không phải là ngày (dd/mm/yyyy)', en: 'is not a date (dd/mm/yyyy)' },
  impossibleDate: { vi: 'là ngày không có thật', en: 'is a date that does not exist' },
  notMonth: { vi: 'không phải là tháng (mm/yyyy)', en: 'is not a month (mm/yyyy)' },
  notYesNo: { vi: 'không phải là có/không', en: 'is not yes/no' },
  notText: { vi: 'không phải là chữ', en: 'is not text' },
  uncomputedFormula: { vi: 'là công thức chưa được tính (mở tệp bằng Excel và lưu lại)', en: 'is a formula that was never calculated (open the file in Excel and save it)' },
};

export function whyText(why: string, lang: Lang): string {
  return WHY[why]?.[lang] ?? why;
}

/** Collects problems, rendering each message in the report's language as it is added. */
export class Problems {
  readonly list: Problem[] = [];
  constructor(readonly lang: Lang) {}

  add(level: Level, cell: string | null, code: ProblemCode, params: P = {}): void {
    const def: { vi: Msg; en: Msg; many?: { vi: Msg; en: Msg } } = MESSAGES[code];
    const message = def[this.lang](params);
    const group = def.many?.[this.lang](params);
    this.list.push({ level, cell, code, message, ...(group !== undefined && group !== message ? { group } : {}) });
  }

  count(level: Level): number {
    return this.list.filter((p) => p.level === level).length;
  }
}

/** Every message code, for tests that walk them all. */
export const PROBLEM_CODES = Object.keys(MESSAGES) as ProblemCode[];

/** Renders one message without collecting it (tests, previews). */
export function problemText(code: ProblemCode, lang: Lang, params: P = {}): { message: string; group?: string } {
  const def: { vi: Msg; en: Msg; many?: { vi: Msg; en: Msg } } = MESSAGES[code];
  return { message: def[lang](params), ...(def.many ? { group: def.many[lang](params) } : {}) };
}

/**
 * What recognition read of the staff's own sheets (which range was read as which table, which
 * rows are group, total or note rows): listed apart from the problems, under its own heading.
 */
export const READ_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'staffBlockMapped',
  'staffBlockAnhXa',
  'staffBlockContractWins',
  'staffBlockNotUsed',
  'staffSheetTooLarge',
  'staffColumnHidden',
  'staffGroupRow',
  'staffSubtotalRow',
  'staffTotalRow',
  'staffNoteRow',
]);

export const LEVEL_NAMES: Record<Lang, Record<Level, string>> = {
  vi: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' },
  en: { error: 'Error', warning: 'Warning', info: 'Info' },
};

/** The heading over what recognition read (the checks sheet, the task pane). */
export const READ_HEADING: Record<Lang, string> = {
  vi: 'Dữ liệu đã đọc từ các trang tính',
  en: 'What was read from the sheets',
};

/** One line of the problem list: one problem, or the repeats of one message at several cells. */
export interface ProblemLine {
  level: Level;
  code: ProblemCode;
  /** The message, or for repeats the text they share. */
  message: string;
  /** Every cell of the problems on this line, in the order they were found. */
  cells: string[];
  /** How many problems the line stands for. */
  count: number;
}

export interface ProblemList {
  /** Errors, then warnings, then the other notes; repeats merged. */
  issues: ProblemLine[];
  /** What recognition read, in the order it read it; repeats merged sheet by sheet. */
  read: ProblemLine[];
}

const LEVEL_ORDER: Record<Level, number> = { error: 0, warning: 1, info: 2 };
const sheetOf = (cell: string | null) => (cell && cell.includes('!') ? cell.slice(0, cell.lastIndexOf('!')) : '');

/**
 * The problems as the staff read them: errors first, then warnings, then the rest; the same
 * message (same code and text apart from the cell) once, with all its cells; what recognition
 * read apart. Within a level, lines keep the order in which their first problem was found.
 */
export function problemList(problems: readonly Problem[]): ProblemList {
  const issues = new Map<string, ProblemLine & { single: string }>();
  const read = new Map<string, ProblemLine & { single: string }>();
  for (const p of problems) {
    const isRead = p.level === 'info' && READ_CODES.has(p.code);
    const shared = p.group ?? p.message;
    const target = isRead ? read : issues;
    const key = `${p.level}\u0000${p.code}\u0000${isRead ? sheetOf(p.cell) : ''}\u0000${shared}`;
    let line = target.get(key);
    if (!line) {
      line = { level: p.level, code: p.code, message: p.message, single: p.message, cells: [], count: 0 };
      target.set(key, line);
    } else if (line.single !== p.message) line.message = shared;
    line.count++;
    if (p.cell && !line.cells.includes(p.cell)) line.cells.push(p.cell);
  }
  const plain = (l: ProblemLine & { single: string }): ProblemLine => ({ level: l.level, code: l.code, message: l.message, cells: l.cells, count: l.count });
  return {
    issues: [...issues.values()].map(plain).sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]),
    read: [...read.values()].map(plain),
  };
}

const CELL = /^(?:(.*)!)?\$?([A-Z]{1,3})\$?(\d+)$/;
const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * The cells of a line, compactly: the sheet named once, runs of a column written as a range, and
 * how many cells: "DuAn!F7, F9, F12:F14 (5 ô)". At most `limit` pieces are written, then how many
 * more cells there are.
 */
export function cellsText(cells: readonly string[], lang: Lang, limit = Infinity): string {
  if (!cells.length) return '';
  const sheets = new Map<string, { singles: { col: string; n: number; row: number }[]; other: string[] }>();
  for (const c of cells) {
    const m = CELL.exec(c);
    const sheet = m ? (m[1] ?? '') : sheetOf(c);
    const entry = sheets.get(sheet) ?? { singles: [], other: [] };
    sheets.set(sheet, entry);
    if (m) entry.singles.push({ col: m[2], n: colNumber(m[2]), row: Number(m[3]) });
    else entry.other.push(sheet ? c.slice(sheet.length + 1) : c);
  }
  const groups: { sheet: string; pieces: { text: string; cells: number }[] }[] = [];
  for (const [sheet, e] of sheets) {
    const pieces: { text: string; cells: number }[] = [];
    const singles = [...e.singles].sort((a, b) => a.n - b.n || a.row - b.row);
    for (let i = 0; i < singles.length; ) {
      let j = i;
      while (j + 1 < singles.length && singles[j + 1].n === singles[i].n && singles[j + 1].row === singles[j].row + 1) j++;
      const a = singles[i];
      pieces.push(j === i ? { text: `${a.col}${a.row}`, cells: 1 } : { text: `${a.col}${a.row}:${a.col}${singles[j].row}`, cells: j - i + 1 });
      i = j + 1;
    }
    for (const o of e.other) pieces.push({ text: o, cells: 1 });
    groups.push({ sheet, pieces });
  }
  const parts: string[] = [];
  let written = 0;
  let left = cells.length;
  for (const g of groups) {
    const shown = g.pieces.slice(0, Math.max(0, limit - written));
    if (!shown.length) break;
    written += shown.length;
    left -= shown.reduce((n, p) => n + p.cells, 0);
    parts.push((g.sheet ? `${g.sheet}!` : '') + shown.map((p) => p.text).join(', '));
  }
  let text = parts.join('; ');
  if (left > 0) text += lang === 'vi' ? ` … và ${left} ô khác` : ` … and ${left} more cells`;
  if (cells.length > 1) text += lang === 'vi' ? ` (${cells.length} ô)` : ` (${cells.length} cells)`;
  return text;
}

/** A line as one line of plain text (the command line): "DuAn!F7, F9 (2 ô): message". */
export function problemLineText(line: ProblemLine, lang: Lang): string {
  const cells = cellsText(line.cells, lang, 12);
  return cells ? `${cells}: ${line.message}` : line.message;
}
