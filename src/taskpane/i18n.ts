import { Level } from '../core/problems';
import type { CheckStatus } from '../excel/self-test';
import type { GridNote } from '../excel/read-grids';

const MB = (bytes: number) => (bytes / 1_000_000).toFixed(1);

/** The self-test's rows by check id (the requirement-set rows are named from their id). */
const CHECK_NAMES: Record<UiLang, Record<string, string>> = {
  vi: {
    ribbon: 'Nút Tạo báo cáo trên ruy-băng (Office.actions)',
    'table-list': 'Đọc danh sách bảng (đường nạp lồng nhau)',
    'markers-read': 'Đọc dấu BaoCao của các trang tính',
    docx: 'Tạo tệp Word (.docx) và liên kết tải',
    'sheet-write': 'Thêm trang tính tạm và ghi ô',
    'marker-write': 'Ghi và đọc lại thuộc tính trang tính',
    regenerate: 'Ghi lại trang tính tại chỗ; đọc lại khổ in, vùng in, ô gộp',
    'table-replace': 'Thay bảng (xóa bảng, xóa ô qua tên trang tính)',
    payload: 'Đọc khối ~1 MB; thử đọc ~6 MB (giới hạn 5 MB)',
    metric: 'Hàm METRIC tự cập nhật khi sửa bảng',
    'sheet-delete': 'Xóa trang tính tạm',
  },
  en: {
    ribbon: 'Ribbon Create report button (Office.actions)',
    'table-list': 'Table list (nested load paths)',
    'markers-read': 'Reading the sheets’ BaoCao markers',
    docx: 'Word file (.docx) and its download link',
    'sheet-write': 'Adding the temporary sheet and writing cells',
    'marker-write': 'Writing and reading back a sheet property',
    regenerate: 'Rewriting a sheet in place; page fit, print area, merged cells read back',
    'table-replace': 'Replacing a table (delete it, clear its cells through the sheet name)',
    payload: '~1 MB read; ~6 MB read (5 MB limit)',
    metric: 'METRIC updating after a table edit',
    'sheet-delete': 'Deleting the temporary sheet',
  },
};

export type UiLang = 'vi' | 'en';

export const UI = {
  vi: {
    title: 'BaoCao',
    subtitle: 'Báo cáo sơ kết từ các bảng Excel của sổ này',
    generate: 'Tạo báo cáo',
    samples: 'Tạo bảng mẫu',
    word: 'Tải báo cáo Word',
    switchLang: 'English',
    figures: 'Số liệu chính',
    problems: 'Kiểm tra số liệu',
    noProblems: 'Không có vấn đề nào.',
    reading: 'Đang đọc các bảng và tạo báo cáo…',
    addingSamples: 'Đang thêm các bảng mẫu…',
    makingWord: 'Đang tạo tệp Word…',
    generated: (sheets: string[]) => `Đã tạo báo cáo ở trang tính: ${sheets.join(', ')}.`,
    applyWarning: (step: 'print' | 'charts', detail: string) =>
      step === 'print'
        ? `Excel không nhận thiết lập in (khổ giấy, lề, vừa trang, ngắt trang): báo cáo đã ghi đủ, hãy kiểm tra khi in (${detail}).`
        : `Excel không vẽ được biểu đồ: báo cáo đã ghi đủ, chưa có biểu đồ (${detail}).`,
    samplesDone: (created: string[], skipped: string[]) =>
      [created.length ? `Đã thêm ${created.length} bảng mẫu: ${created.join(', ')}.` : 'Không thêm bảng nào.', skipped.length ? `Giữ nguyên các bảng đã có: ${skipped.join(', ')}.` : '']
        .filter(Boolean)
        .join(' '),
    wordDone: (file: string) => `Đã tạo tệp ${file}.`,
    macNoDownload: (file: string) =>
      `Chưa lưu được tệp ${file}: Excel cho Mac không cho phần bổ trợ tải tệp xuống máy (giới hạn của Microsoft). Để lấy tệp Word: mở sổ này trong Excel trên web (office.com) hoặc Excel cho Windows rồi bấm lại nút này, hoặc chạy lệnh "baocao report <sổ.xlsx> --docx ${file}" trên máy tính.`,
    validation: 'Thêm kiểm tra nhập liệu',
    addingValidation: 'Đang thêm kiểm tra nhập liệu…',
    validationDone: (tables: { table: string; columns: number }[], empty: string[]) =>
      [
        tables.length ? `Đã thêm kiểm tra nhập liệu cho ${tables.reduce((n, t) => n + t.columns, 0)} cột: ${tables.map((t) => `${t.table} (${t.columns})`).join(', ')}.` : 'Không có bảng nào cần thêm kiểm tra nhập liệu.',
        empty.length ? `Bảng chưa có dòng dữ liệu: ${empty.join(', ')}.` : '',
      ]
        .filter(Boolean)
        .join(' '),
    samplesValidated: (columns: number) => `Các cột có kiểm tra nhập liệu: ${columns}.`,
    validationUnsupported: 'Excel này chưa hỗ trợ kiểm tra nhập liệu (cần ExcelApi 1.8): các giá trị vẫn được kiểm tra khi tạo báo cáo.',
    liveOn: (n: number) => `Đang theo dõi ${n} bảng: danh sách được cập nhật khi bạn sửa số liệu.`,
    liveOff: 'Excel này không báo khi bảng thay đổi (cần ExcelApi 1.7): bấm Tạo báo cáo để kiểm tra lại.',
    liveChecked: (time: string, tables: string[]) => `Đã kiểm tra lại lúc ${time}${tables.length ? ` (đọc lại: ${tables.join(', ')})` : ''}.`,
    failed: 'Không thực hiện được: ',
    more: (n: number) => `… và ${n} vấn đề khác (xem trang tính Kiểm tra).`,
    selectCell: (cell: string) => `Chọn ô ${cell}`,
    level: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' } as Record<Level, string>,
    diagnostics: 'Chẩn đoán',
    auditToggle: 'Đối chiếu văn bản',
    auditTitle: 'Đối chiếu văn bản với số liệu',
    auditIntro: 'Dán nội dung một báo cáo đã viết, hoặc chọn tệp .docx/.txt: mỗi con số được so với số liệu của sổ này.',
    auditPick: 'Hoặc chọn tệp:',
    auditRun: 'Đối chiếu',
    auditDownload: 'Tải văn bản có ghi chú',
    auditing: 'Đang đối chiếu…',
    auditEmpty: 'Hãy dán nội dung hoặc chọn một tệp .docx/.txt.',
    auditSummary: (numbers: number, agree: number, disagree: number, unlinked: number) => `${numbers} con số: ${agree} khớp, ${disagree} lệch, ${unlinked} không gắn được với chỉ tiêu.`,
    auditExpected: (expected: string) => `số liệu cho ${expected}`,
    auditSource: (source: string) => `Nguồn: ${source}`,
    auditNone: 'Không có con số nào lệch so với số liệu.',
    auditFile: 'bao-cao-doi-chieu.docx',
    auditBadFile: (reason: 'doc' | 'damaged' | 'encoding', name: string) =>
      reason === 'doc'
        ? `"${name}" là tệp Word cũ (.doc): hãy mở bằng Word và lưu lại dạng .docx rồi chọn lại.`
        : reason === 'damaged'
          ? `"${name}" không đọc được như tệp .docx (tệp hỏng hoặc không phải Word).`
          : `"${name}" không phải văn bản UTF-8 (có thể là TCVN3 hoặc Windows-1258): hãy lưu lại dạng UTF-8 hoặc dán nội dung vào ô trên.`,
    recognizeToggle: 'Nhận dạng dữ liệu',
    recognizeTitle: 'Nhận dạng dữ liệu trên các trang tính',
    recognizeIntro: 'BaoCao đọc các danh sách trên trang tính của bạn (không cần Excel Table) và đề xuất cách đọc từng khối. Sửa loại dữ liệu hoặc trường của từng cột nếu cần, rồi bấm “Ghi bảng AnhXa”: bảng được ghi vào một trang tính mới, các trang tính của bạn không bị thay đổi.',
    recognizeRun: 'Đọc lại các trang tính',
    recognizeWrite: 'Ghi bảng AnhXa',
    recognizeReplace: 'Thay thế',
    recognizeReading: 'Đang đọc các trang tính…',
    recognizeWriting: 'Đang ghi bảng AnhXa…',
    recognizeFound: (blocks: number, used: number) => `Tìm thấy ${blocks} khối số liệu, ${used} khối được dùng.`,
    recognizeNone: 'Không tìm thấy danh sách nào trên các trang tính không phải bảng.',
    recognizeNothing: 'Chưa có khối nào được chọn để dùng: không có gì để ghi.',
    recognizeExists: (table: string, sheet: string) =>
      `Sổ đã có bảng ${table} (trang tính ${sheet}): không ghi đè để giữ các sửa đổi của bạn. Bấm “Thay thế” để thay bảng đó bằng bảng mới — mọi sửa đổi trong bảng cũ sẽ mất.`,
    recognizeWritten: (table: string, sheet: string, rows: number, replaced: boolean) => `${replaced ? 'Đã thay' : 'Đã ghi'} bảng ${table} (${rows} dòng) ở trang tính ${sheet}. Lần tạo báo cáo sau dùng cách đọc này.`,
    recognizeHasTable: (table: string, sheet: string) => `Sổ đã có bảng ${table} ở trang tính ${sheet}.`,
    recognizeNote: (n: GridNote) =>
      n.code === 'tooLarge'
        ? `Trang tính ${n.sheet} quá lớn để đọc một lần (${n.rows} dòng × ${n.columns} cột, khoảng ${MB(n.bytes)} MB): bỏ qua.`
        : n.code === 'noMerges'
          ? 'Excel này không đọc được ô gộp (cần ExcelApi 1.13): các trang tính được đọc không có ô gộp, tiêu đề nhiều dòng có thể không được nhận ra.'
          : n.code === 'mergesFailed'
            ? `Không đọc được ô gộp (${n.detail}): các trang tính được đọc không có ô gộp.`
            : `Trang tính ${n.sheet} có ${n.columns} cột: không kiểm tra cột ẩn.`,
    recognizeKind: 'Loại dữ liệu',
    recognizeNotUsed: 'không dùng',
    recognizeConfidence: (pct: number, kind: string | null) => (kind ? `Đề xuất: ${kind}, độ tin cậy ${pct}%` : `Không nhận ra loại dữ liệu (${pct}%)`),
    recognizeContractWins: (kind: string) => `Sổ đã có bảng ${kind}: bảng đó được dùng, khối này để “không dùng”.`,
    recognizeMapColumns: ['Cột', 'Tiêu đề', 'Trường'],
    recognizeFieldNone: '(không dùng)',
    recognizePreview: (n: number) => `${n} dòng đầu:`,
    recognizeFixed: 'Giá trị cố định',
    recognizeUnit: 'Đơn vị',
    selfTestTitle: 'Tự kiểm tra',
    selfTestIntro: 'Kiểm tra từng khả năng của Excel mà BaoCao dùng, trên sổ đang mở. Các trang tính và bảng của bạn không bị thay đổi: mọi thứ được ghi vào một trang tính tạm và xóa ngay sau đó.',
    selfTestRun: 'Chạy tự kiểm tra',
    selfTestCopy: 'Sao chép kết quả',
    selfTestRunning: 'Đang tự kiểm tra…',
    selfTestDone: (pass: number, fail: number, skipped: number) => `Xong: ${pass} đạt, ${fail} lỗi, ${skipped} bỏ qua. Hãy bấm “Sao chép kết quả” và gửi cho nhóm phát triển.`,
    selfTestCopied: 'Đã sao chép kết quả.',
    selfTestCopyManual: 'Không sao chép tự động được: hãy chọn toàn bộ văn bản dưới đây và sao chép (Ctrl+C).',
    selfTestHost: (host: string, platform: string, version: string) => `Excel: ${host} · nền tảng ${platform} · phiên bản ${version}`,
    selfTestNoHost: 'Excel: không rõ (không chạy trong Office)',
    selfTestColumns: ['Kiểm tra', 'Kết quả', 'Thời gian', 'Chi tiết'],
    status: { pass: 'Đạt', fail: 'Lỗi', skipped: 'Bỏ qua' } as Record<CheckStatus, string>,
    check: (id: string) => CHECK_NAMES.vi[id] ?? (id.startsWith('req:') ? `Bộ API ${id.slice(4)}` : id),
  },
  en: {
    title: 'BaoCao',
    subtitle: 'The half-year report from this workbook’s Excel tables',
    generate: 'Create report',
    samples: 'Insert sample tables',
    word: 'Download Word report',
    switchLang: 'Tiếng Việt',
    figures: 'Main figures',
    problems: 'Data checks',
    noProblems: 'No problems found.',
    reading: 'Reading the tables and creating the report…',
    addingSamples: 'Adding the sample tables…',
    makingWord: 'Creating the Word file…',
    generated: (sheets: string[]) => `The report is on the sheets: ${sheets.join(', ')}.`,
    applyWarning: (step: 'print' | 'charts', detail: string) =>
      step === 'print'
        ? `Excel refused the print setup (paper, margins, fit, page breaks): the report is written; check it when printing (${detail}).`
        : `Excel could not draw the charts: the report is written, without charts (${detail}).`,
    samplesDone: (created: string[], skipped: string[]) =>
      [created.length ? `Added ${created.length} sample tables: ${created.join(', ')}.` : 'No table added.', skipped.length ? `Kept the existing tables: ${skipped.join(', ')}.` : '']
        .filter(Boolean)
        .join(' '),
    wordDone: (file: string) => `Created ${file}.`,
    macNoDownload: (file: string) =>
      `${file} was not saved: Excel for Mac does not let add-ins download files (a Microsoft limitation). To get the Word file, open this workbook in Excel on the web (office.com) or Excel for Windows and click this button again, or run "baocao report <workbook.xlsx> --docx ${file}" on a computer.`,
    validation: 'Add input checks',
    addingValidation: 'Adding input checks…',
    validationDone: (tables: { table: string; columns: number }[], empty: string[]) =>
      [
        tables.length ? `Input checks added to ${tables.reduce((n, t) => n + t.columns, 0)} columns: ${tables.map((t) => `${t.table} (${t.columns})`).join(', ')}.` : 'No table needs input checks.',
        empty.length ? `Tables without a data row: ${empty.join(', ')}.` : '',
      ]
        .filter(Boolean)
        .join(' '),
    samplesValidated: (columns: number) => `Columns with input checks: ${columns}.`,
    validationUnsupported: 'This Excel does not support input checks (ExcelApi 1.8 needed): values are still checked when the report is created.',
    liveOn: (n: number) => `Watching ${n} tables: the list is updated as you edit.`,
    liveOff: 'This Excel does not report table changes (ExcelApi 1.7 needed): click Create report to check again.',
    liveChecked: (time: string, tables: string[]) => `Checked again at ${time}${tables.length ? ` (read again: ${tables.join(', ')})` : ''}.`,
    failed: 'It did not work: ',
    more: (n: number) => `… and ${n} more (see the Checks sheet).`,
    selectCell: (cell: string) => `Select cell ${cell}`,
    level: { error: 'Error', warning: 'Warning', info: 'Info' } as Record<Level, string>,
    diagnostics: 'Diagnostics',
    auditToggle: 'Check a report',
    auditTitle: 'Check a written report against the data',
    auditIntro: 'Paste the text of a report, or pick a .docx/.txt file: every number is compared with this workbook’s figures.',
    auditPick: 'Or pick a file:',
    auditRun: 'Check',
    auditDownload: 'Download with comments',
    auditing: 'Checking…',
    auditEmpty: 'Paste a text or pick a .docx/.txt file.',
    auditSummary: (numbers: number, agree: number, disagree: number, unlinked: number) => `${numbers} numbers: ${agree} agree, ${disagree} disagree, ${unlinked} not linked to a figure.`,
    auditExpected: (expected: string) => `the data gives ${expected}`,
    auditSource: (source: string) => `Source: ${source}`,
    auditNone: 'No number disagrees with the data.',
    auditFile: 'report-checked.docx',
    auditBadFile: (reason: 'doc' | 'damaged' | 'encoding', name: string) =>
      reason === 'doc'
        ? `"${name}" is an old Word file (.doc): open it in Word, save it as .docx and pick it again.`
        : reason === 'damaged'
          ? `"${name}" cannot be read as a .docx file (damaged, or not a Word file).`
          : `"${name}" is not UTF-8 text (perhaps TCVN3 or Windows-1258): save it as UTF-8 or paste its text above.`,
    recognizeToggle: 'Recognise data',
    recognizeTitle: 'Recognise the data on your sheets',
    recognizeIntro: 'BaoCao reads the lists on your sheets (no Excel table needed) and proposes how to read each block. Correct a block’s data kind or a column’s field if needed, then click “Write the Mapping table”: it goes to a new sheet; your sheets are not changed.',
    recognizeRun: 'Read the sheets again',
    recognizeWrite: 'Write the Mapping table',
    recognizeReplace: 'Replace',
    recognizeReading: 'Reading the sheets…',
    recognizeWriting: 'Writing the Mapping table…',
    recognizeFound: (blocks: number, used: number) => `Found ${blocks} blocks of data, ${used} used.`,
    recognizeNone: 'No list found on the sheets that are not tables.',
    recognizeNothing: 'No block is set to be used: nothing to write.',
    recognizeExists: (table: string, sheet: string) =>
      `The workbook already has the table ${table} (sheet ${sheet}): it is not overwritten, to keep your edits. Click “Replace” to replace it with the new one — any edit in the old table will be lost.`,
    recognizeWritten: (table: string, sheet: string, rows: number, replaced: boolean) => `${replaced ? 'Replaced' : 'Wrote'} the table ${table} (${rows} rows) on the sheet ${sheet}. The next report uses this mapping.`,
    recognizeHasTable: (table: string, sheet: string) => `The workbook already has the table ${table} on the sheet ${sheet}.`,
    recognizeNote: (n: GridNote) =>
      n.code === 'tooLarge'
        ? `The sheet ${n.sheet} is too large to read at once (${n.rows} rows × ${n.columns} columns, about ${MB(n.bytes)} MB): skipped.`
        : n.code === 'noMerges'
          ? 'This Excel cannot read merged cells (ExcelApi 1.13 needed): the sheets are read without them, so headers of several rows may not be recognised.'
          : n.code === 'mergesFailed'
            ? `Merged cells could not be read (${n.detail}): the sheets are read without them.`
            : `The sheet ${n.sheet} has ${n.columns} columns: hidden columns are not checked.`,
    recognizeKind: 'Data kind',
    recognizeNotUsed: 'not used',
    recognizeConfidence: (pct: number, kind: string | null) => (kind ? `Proposed: ${kind}, confidence ${pct}%` : `Data kind not recognised (${pct}%)`),
    recognizeContractWins: (kind: string) => `The workbook has a ${kind} table: that table is used, this block is set to “not used”.`,
    recognizeMapColumns: ['Column', 'Header', 'Field'],
    recognizeFieldNone: '(not used)',
    recognizePreview: (n: number) => `First ${n} rows:`,
    recognizeFixed: 'Fixed values',
    recognizeUnit: 'Unit',
    selfTestTitle: 'Self-test',
    selfTestIntro: 'Checks each Excel capability BaoCao uses, on the open workbook. Your sheets and tables are not changed: everything is written to a temporary sheet that is deleted right after.',
    selfTestRun: 'Run the self-test',
    selfTestCopy: 'Copy the results',
    selfTestRunning: 'Running the self-test…',
    selfTestDone: (pass: number, fail: number, skipped: number) => `Done: ${pass} passed, ${fail} failed, ${skipped} skipped. Click “Copy the results” and send them to the developers.`,
    selfTestCopied: 'The results are copied.',
    selfTestCopyManual: 'Automatic copy did not work: select all the text below and copy it (Ctrl+C).',
    selfTestHost: (host: string, platform: string, version: string) => `Excel: ${host} · platform ${platform} · version ${version}`,
    selfTestNoHost: 'Excel: unknown (not running in Office)',
    selfTestColumns: ['Check', 'Result', 'Time', 'Detail'],
    status: { pass: 'Pass', fail: 'Fail', skipped: 'Skipped' } as Record<CheckStatus, string>,
    check: (id: string) => CHECK_NAMES.en[id] ?? (id.startsWith('req:') ? `Requirement set ${id.slice(4)}` : id),
  },
};

export type Labels = (typeof UI)['vi'];

/** A plain message for an error object (Office errors carry code and message). */
export function errorText(e: unknown): string {
  if (e && typeof e === 'object') {
    const { message, code } = e as { message?: unknown; code?: unknown };
    if (typeof message === 'string' && message) return typeof code === 'string' && code && !message.includes(code) ? `${message} (${code})` : message;
  }
  return String(e);
}
