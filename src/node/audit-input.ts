import { readRegularFile } from './regular-file';
import { AuditParagraph, textParagraphs } from '../core/audit';
import { Lang } from '../core/problems';
import { DocxError, readDocxParagraphs } from '../document/docx-text';
import { FileError } from './output-files';

export interface ReportInput {
  kind: 'docx' | 'txt';
  bytes: Uint8Array;
  paragraphs: AuditParagraph[];
}

const MSG = {
  missing: { vi: 'Không tìm thấy tệp', en: 'File not found' },
  dir: { vi: 'Đây là thư mục, không phải tệp báo cáo', en: 'This is a folder, not a report file' },
  special: { vi: 'Đây không phải là tệp thông thường', en: 'This is not a regular file' },
  empty: { vi: 'Tệp rỗng (0 byte)', en: 'The file is empty (0 bytes)' },
  cfb: { vi: 'Tệp .doc cũ hoặc được bảo vệ bằng mật khẩu: hãy lưu lại dưới dạng .docx', en: 'An old .doc file or a password-protected one: save it as .docx' },
  docx: { vi: 'Tệp .docx bị hỏng hoặc không đọc được', en: 'The .docx file is damaged or cannot be read' },
  text: { vi: 'Tệp không phải là văn bản .txt (UTF-8) hay .docx', en: 'The file is neither UTF-8 text nor a .docx' },
};

/** Reads a written report: a .docx (body paragraphs, then footnotes) or a UTF-8 text file. */
export function readReportFile(file: string, lang: Lang): ReportInput {
  const say = (k: keyof typeof MSG, detail = '') => new FileError(`${MSG[k][lang]}: ${file}${detail ? ` (${detail})` : ''}`);
  const buf = readRegularFile(file, say);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0xd0cf11e0) throw say('cfb');
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0x504b0304) {
    try {
      return { kind: 'docx', bytes, paragraphs: readDocxParagraphs(bytes).map((p) => ({ text: p.text, part: p.part })) };
    } catch (e) {
      if (e instanceof DocxError) throw say('docx', e.message);
      throw e;
    }
  }
  if (/\.docx$/i.test(file)) throw say('docx');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw say('text');
  }
  if (text.includes('\u0000')) throw say('text');
  return { kind: 'txt', bytes, paragraphs: textParagraphs(text).map((t) => ({ text: t })) };
}
