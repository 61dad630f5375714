import { readRegularFile } from './regular-file';
import { AuditParagraph, textParagraphs } from '../core/audit';
import { Lang } from '../core/problems';
import { DocxError, readDocxParagraphs } from '../document/docx-text';
import { FileError } from './output-files';
import { ZipArchive, WorkbookReadError } from './xlsx';
import { formatNumber } from '../core/report/format';

/**
 * A written report is a few hundred KB (the seed's text is 27 KB); auditing takes seconds a MB. A
 * larger text is refused at once rather than run for minutes.
 */
export const MAX_REPORT_TEXT_BYTES = 2 ** 20;
/** The XML parts of a .docx (text, not images), inflated, at most this; each is held as a tree. */
export const MAX_DOCX_XML_BYTES = 16 * 2 ** 20;

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
  tooLarge: { vi: 'Tệp báo cáo quá lớn để đối chiếu', en: 'The report file is too large to check' },
  bomb: {
    vi: 'Tệp .docx bị từ chối: một phần của tệp giải nén ra quá lớn so với kích thước tệp (có thể là tệp độc hại hoặc bị hỏng)',
    en: 'The .docx file is refused: one of its parts inflates to an absurd size (a hostile or damaged file)',
  },
};

/**
 * The zip checks of the workbook reader on a .docx, before fflate unzips it whole: unique names
 * (a second word/document.xml is refused, not read), local headers agreeing with the directory,
 * every part inflating to its declared size and CRC within the bomb limits, the XML parts to at
 * most MAX_DOCX_XML_BYTES together. Returns the fault in words, or null.
 */
function checkDocxZip(buf: Buffer, lang: Lang): { key: 'docx' | 'bomb' | 'tooLarge'; detail: string } | null {
  try {
    const zip = new ZipArchive(buf);
    let xml = 0;
    for (const name of zip.names()) {
      const e = zip.get(name)!;
      if (/\.(xml|rels)$/i.test(name) && (xml += e.size) > MAX_DOCX_XML_BYTES) {
        const mb = (n: number) => formatNumber(n / 2 ** 20, lang, { max: 0 });
        return { key: 'tooLarge', detail: lang === 'vi' ? `phần văn bản giải nén ra ${mb(xml)} MB, tối đa ${mb(MAX_DOCX_XML_BYTES)} MB` : `its text parts inflate to ${mb(xml)} MB, at most ${mb(MAX_DOCX_XML_BYTES)} MB` };
      }
      zip.stream(name, () => {});
    }
    return null;
  } catch (e) {
    if (e instanceof WorkbookReadError) return { key: e.code === 'bomb' ? 'bomb' : 'docx', detail: e.detail };
    throw e;
  }
}

/** Reads a written report: a .docx (body paragraphs, then footnotes) or a UTF-8 text file. */
export function readReportFile(file: string, lang: Lang): ReportInput {
  const say = (k: keyof typeof MSG, detail = '') => new FileError(`${MSG[k][lang]}: ${file}${detail ? ` (${detail})` : ''}`);
  const buf = readRegularFile(file, say);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0xd0cf11e0) throw say('cfb');
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0x504b0304) {
    const fault = checkDocxZip(buf, lang);
    if (fault) throw say(fault.key, fault.detail);
    try {
      const paragraphs = readDocxParagraphs(bytes).map((p) => ({ text: p.text, part: p.part }));
      const chars = paragraphs.reduce((n, p) => n + p.text.length, 0);
      if (chars > MAX_REPORT_TEXT_BYTES) throw say('tooLarge', lang === 'vi' ? `${formatNumber(chars, lang)} ký tự, tối đa ${formatNumber(MAX_REPORT_TEXT_BYTES, lang)}` : `${formatNumber(chars, lang)} characters, at most ${formatNumber(MAX_REPORT_TEXT_BYTES, lang)}`);
      return { kind: 'docx', bytes, paragraphs };
    } catch (e) {
      if (e instanceof DocxError) throw say('docx', e.message);
      throw e;
    }
  }
  if (/\.docx$/i.test(file)) throw say('docx');
  if (buf.length > MAX_REPORT_TEXT_BYTES) {
    const mb = (n: number) => formatNumber(n / 2 ** 20, lang, { max: 1 });
    throw say('tooLarge', lang === 'vi' ? `${mb(buf.length)} MB, tối đa ${mb(MAX_REPORT_TEXT_BYTES)} MB` : `${mb(buf.length)} MB, at most ${mb(MAX_REPORT_TEXT_BYTES)} MB`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw say('text');
  }
  if (text.includes('\u0000')) throw say('text');
  return { kind: 'txt', bytes, paragraphs: textParagraphs(text).map((t) => ({ text: t })) };
}
