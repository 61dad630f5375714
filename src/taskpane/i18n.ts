import { Level } from '../core/problems';

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
    samplesDone: (created: string[], skipped: string[]) =>
      [created.length ? `Đã thêm ${created.length} bảng mẫu: ${created.join(', ')}.` : 'Không thêm bảng nào.', skipped.length ? `Giữ nguyên các bảng đã có: ${skipped.join(', ')}.` : '']
        .filter(Boolean)
        .join(' '),
    wordDone: (file: string) => `Đã tạo tệp ${file}.`,
    failed: 'Không thực hiện được: ',
    more: (n: number) => `… và ${n} vấn đề khác (xem trang tính Kiểm tra).`,
    selectCell: (cell: string) => `Chọn ô ${cell}`,
    level: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' } as Record<Level, string>,
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
    samplesDone: (created: string[], skipped: string[]) =>
      [created.length ? `Added ${created.length} sample tables: ${created.join(', ')}.` : 'No table added.', skipped.length ? `Kept the existing tables: ${skipped.join(', ')}.` : '']
        .filter(Boolean)
        .join(' '),
    wordDone: (file: string) => `Created ${file}.`,
    failed: 'It did not work: ',
    more: (n: number) => `… and ${n} more (see the Checks sheet).`,
    selectCell: (cell: string) => `Select cell ${cell}`,
    level: { error: 'Error', warning: 'Warning', info: 'Info' } as Record<Level, string>,
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
