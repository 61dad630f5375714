export type Lang = 'vi' | 'en';
export type Level = 'error' | 'warning' | 'info';

export interface Problem {
  level: Level;
  /** Cell or range address such as `DuAn!F7`, or null when the problem is about the whole workbook. */
  cell: string | null;
  code: ProblemCode;
  message: string;
}

type P = Record<string, string | number>;
type Msg = (p: P) => string;

/** Every problem BaoCao reports, in Vietnamese and English. */
const MESSAGES = {
  tableMissing: {
    vi: (p: P) => `Không có bảng ${p.table} (${p.en}) trong sổ: các chỉ tiêu cần bảng này để trống.`,
    en: (p: P) => `No table ${p.en} (${p.table}) in the workbook: the figures that need it are left empty.`,
  },
  tableDuplicate: {
    vi: (p: P) => `Có nhiều bảng loại ${p.en}: gộp các dòng của bảng ${p.table} vào.`,
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
  },
  badValue: {
    vi: (p: P) => `Giá trị "${p.text}" ở cột "${p.header}" ${p.why}: dòng ${p.row} không được tính.`,
    en: (p: P) => `Value "${p.text}" in "${p.header}" ${p.why}: row ${p.row} is not counted.`,
  },
  badOptional: {
    vi: (p: P) => `Giá trị "${p.text}" ở cột "${p.header}" ${p.why}: bỏ qua ô này, dòng ${p.row} vẫn được tính.`,
    en: (p: P) => `Value "${p.text}" in "${p.header}" ${p.why}: the cell is ignored, row ${p.row} is still counted.`,
  },
  futureDate: {
    vi: (p: P) => `Ngày ${p.text} ở cột "${p.header}" nằm sau ngày lập báo cáo (${p.today}): vui lòng kiểm tra.`,
    en: (p: P) => `Date ${p.text} in "${p.header}" is after the report date (${p.today}): please check.`,
  },
  settingsMissing: {
    vi: () => `Không có bảng ThongTin (Settings): chưa biết kỳ báo cáo nên không tính được số liệu.`,
    en: () => `No Settings (ThongTin) table: the report period is unknown, so no figure can be computed.`,
  },
  settingMissing: {
    vi: (p: P) => `Bảng ThongTin chưa có giá trị cho khóa ${p.vi} (${p.key}): hãy điền ngày dạng dd/mm/yyyy.`,
    en: (p: P) => `The Settings table has no value for ${p.key} (${p.vi}): enter a date as dd/mm/yyyy.`,
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
  },
  unknownEvent: {
    vi: (p: P) => `Loại "${p.text}" không hợp lệ (Cấp mới, Điều chỉnh, Chấm dứt): dòng ${p.row} không được tính.`,
    en: (p: P) => `Unknown event "${p.text}" (new, adjust, terminate): row ${p.row} is not counted.`,
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
  },
  staffBlockMapped: {
    vi: (p: P) => `Trang "${p.sheet}", vùng ${p.range}: đọc như bảng ${p.table} (${p.en}), độ tin cậy ${p.confidence}%; ${p.columns}.`,
    en: (p: P) => `Sheet "${p.sheet}", range ${p.range}: read as the ${p.en} table (${p.table}), confidence ${p.confidence}%; ${p.columns}.`,
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
  staffBlockNotUsed: {
    vi: (p: P) => `Trang "${p.sheet}", vùng ${p.range}: không nhận ra là bảng số liệu của báo cáo (${p.why}), không được dùng.`,
    en: (p: P) => `Sheet "${p.sheet}", range ${p.range}: not recognised as report data (${p.why}), not used.`,
  },
  staffBlockContractWins: {
    vi: (p: P) => `Trang "${p.sheet}", vùng ${p.range}: sổ đã có bảng ${p.table} (${p.en}) nên vùng này không được dùng.`,
    en: (p: P) => `Sheet "${p.sheet}", range ${p.range}: the workbook already has a ${p.en} table (${p.table}), so this range is not used.`,
  },
  staffGroupRow: {
    vi: (p: P) => `Dòng ${p.row} "${p.text}" là dòng nhóm, không phải số liệu: không tính vào tổng.`,
    en: (p: P) => `Row ${p.row} "${p.text}" is a group heading, not data: not counted.`,
  },
  staffSubtotalRow: {
    vi: (p: P) => `Dòng ${p.row} "${p.text}" là dòng cộng nhóm: không tính (đã có các dòng chi tiết).`,
    en: (p: P) => `Row ${p.row} "${p.text}" is a subtotal: not counted (its detail rows are).`,
  },
  staffTotalRow: {
    vi: (p: P) => `Dòng ${p.row} "${p.text}" là dòng tổng cộng: không tính (đã có các dòng chi tiết).`,
    en: (p: P) => `Row ${p.row} "${p.text}" is a total: not counted (its detail rows are).`,
  },
  staffNoteRow: {
    vi: (p: P) => `Dòng ${p.row} "${p.text}" là ghi chú dưới bảng: không phải số liệu.`,
    en: (p: P) => `Row ${p.row} "${p.text}" is a note under the table: not data.`,
  },
  staffTotalMismatch: {
    vi: (p: P) => `Dòng ${p.row} "${p.text}", cột "${p.header}": ghi ${p.total} nhưng cộng ${p.rows} dòng chi tiết được ${p.sum}. Báo cáo dùng các dòng chi tiết; vui lòng kiểm tra.`,
    en: (p: P) => `Row ${p.row} "${p.text}", column "${p.header}": shows ${p.total} but its ${p.rows} detail rows add up to ${p.sum}. The report uses the detail rows; please check.`,
  },
  staffBlockAnhXa: {
    vi: (p: P) => `Trang "${p.sheet}", vùng ${p.range}: đọc như bảng ${p.table} (${p.en}) theo bảng AnhXa (${p.rows}); ${p.columns}.`,
    en: (p: P) => `Sheet "${p.sheet}", range ${p.range}: read as the ${p.en} table (${p.table}) as the Mapping table says (${p.rows}); ${p.columns}.`,
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
  },
  negativeNotAllowed: {
    vi: (p: P) => `"${p.header}" không được âm (${p.text}): dòng ${p.row} không được tính.`,
    en: (p: P) => `"${p.header}" cannot be negative (${p.text}): row ${p.row} is not counted.`,
  },
  outOfRange: {
    vi: (p: P) => `"${p.header}" có giá trị ${p.text} vượt giới hạn hợp lý: dòng ${p.row} không được tính.`,
    en: (p: P) => `"${p.header}" holds ${p.text}, beyond any plausible value: row ${p.row} is not counted.`,
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
  },
  targetDuplicate: {
    vi: (p: P) => `Chỉ tiêu ${p.text} năm ${p.year} lặp lại (dòng ${p.first}): dùng dòng đầu tiên.`,
    en: (p: P) => `Plan ${p.text} for ${p.year} repeats row ${p.first}: the first row is used.`,
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
    vi: (p: P) => `Mẫu câu ${p.key} dùng "{${p.name}}" không có trong danh mục chỉ tiêu.`,
    en: (p: P) => `Template ${p.key} uses "{${p.name}}", which is not a metric.`,
  },
  metricMissingInText: {
    vi: (p: P) => `Đoạn "${p.paragraph}" cần chỉ tiêu ${p.key} nhưng chưa có số liệu (${p.reason}): báo cáo ghi "chưa có số liệu" thay cho câu này.`,
    en: (p: P) => `Paragraph "${p.paragraph}" needs ${p.key}, which is missing (${p.reason}): the report says "no figures yet" instead.`,
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
  },
  formulaStale: {
    vi: (p: P) =>
      `Ô ${p.cell} là công thức (${p.text}); ${p.why === 'recalcOnLoad' ? 'tệp yêu cầu tính lại khi mở' : p.app ? `tệp được ghi bởi ${p.app}, không phải Excel` : 'không rõ chương trình nào đã ghi tệp'}, ` +
      `nên giá trị lưu sẵn (${p.value}) có thể đã cũ: mở tệp bằng Excel và lưu lại để chắc chắn.`,
    en: (p: P) =>
      `Cell ${p.cell} is a formula (${p.text}); ${p.why === 'recalcOnLoad' ? 'the workbook asks to be recalculated when opened' : p.app ? `the file was written by ${p.app}, not Excel` : 'the program that wrote the file is unknown'}, ` +
      `so its stored value (${p.value}) may be stale: open the file in Excel and save it to be sure.`,
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
} satisfies Record<string, { vi: Msg; en: Msg }>;

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
    const message = (MESSAGES[code][this.lang] as Msg)(params);
    this.list.push({ level, cell, code, message });
  }

  count(level: Level): number {
    return this.list.filter((p) => p.level === level).length;
  }
}
