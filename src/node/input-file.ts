import { readRegularFile } from './regular-file';
import { Lang } from '../core/problems';
import { readWorkbookTables, readWorkbookGrids, WorkbookReadError, ReadErrorCode, LimitError, GridReadOptions, ReadOptions } from './xlsx';
import { TableSnapshot } from '../core/records/snapshot';
import { SheetGrid } from '../core/recognize';
import { formatNumber } from '../core/report/format';

export class InputError extends Error {}

const MSG = {
  missing: { vi: 'Không tìm thấy tệp', en: 'File not found' },
  dir: { vi: 'Đây là thư mục, không phải tệp .xlsx', en: 'This is a folder, not an .xlsx file' },
  special: {
    vi: 'Đây không phải là tệp thông thường (thiết bị, ống dẫn hay socket): hãy chọn một tệp .xlsx',
    en: 'This is not a regular file (a device, pipe or socket): choose an .xlsx file',
  },
  empty: { vi: 'Tệp rỗng (0 byte)', en: 'The file is empty (0 bytes)' },
  cfb: {
    vi: 'Tệp được bảo vệ bằng mật khẩu hoặc là định dạng .xls cũ: hãy bỏ mật khẩu hoặc lưu lại dưới dạng .xlsx',
    en: 'The file is password-protected or an old .xls workbook: remove the password or save it as .xlsx',
  },
  notZip: { vi: 'Tệp không phải là sổ Excel .xlsx', en: 'The file is not an Excel .xlsx workbook' },
  text: {
    vi: 'Tệp không phải là sổ Excel .xlsx mà là tệp văn bản (CSV?): mở bằng Excel, tạo bảng (Chèn ▸ Bảng) và lưu dạng .xlsx',
    en: 'The file is not an Excel .xlsx workbook but a text file (CSV?): open it in Excel, make tables (Insert ▸ Table) and save as .xlsx',
  },
  corrupt: { vi: 'Tệp .xlsx bị hỏng hoặc không đọc được', en: 'The .xlsx file is damaged or cannot be read' },
  zip64: {
    vi: 'Tệp .xlsx bị hỏng hoặc không đọc được: dạng nén ZIP64 (tệp quá lớn) không được hỗ trợ',
    en: 'The .xlsx file is damaged or cannot be read: ZIP64 archives (files too large) are not supported',
  },
  encrypted: { vi: 'Tệp .xlsx được mã hóa: hãy bỏ mật khẩu và lưu lại', en: 'The .xlsx file is encrypted: remove the password and save it again' },
  bomb: {
    vi: 'Tệp .xlsx bị từ chối: một phần của tệp giải nén ra quá lớn so với kích thước tệp (có thể là tệp độc hại hoặc bị hỏng)',
    en: 'The .xlsx file is refused: one of its parts inflates to an absurd size (a hostile or damaged file)',
  },
  ods: {
    vi: 'Đây là bảng tính OpenDocument (.ods), không phải .xlsx: mở bằng LibreOffice Calc hoặc Excel và lưu dạng .xlsx',
    en: 'This is an OpenDocument spreadsheet (.ods), not .xlsx: open it in LibreOffice Calc or Excel and save as .xlsx',
  },
  xlsb: {
    vi: 'Đây là sổ Excel nhị phân (.xlsb), không phải .xlsx: mở bằng Excel và lưu dạng Sổ làm việc Excel (.xlsx)',
    en: 'This is a binary Excel workbook (.xlsb), not .xlsx: open it in Excel and save it as Excel Workbook (.xlsx)',
  },
  notWorkbook: { vi: 'Tệp không phải là sổ Excel .xlsx', en: 'The file is not an Excel .xlsx workbook' },
  noTables: {
    vi: 'Tệp không có bảng Excel nào: chọn vùng dữ liệu và Chèn ▸ Bảng, hoặc dùng `baocao template`',
    en: 'The workbook has no Excel table: select the data and Insert ▸ Table, or start from `baocao template`',
  },
  limit: { vi: 'Tệp .xlsx bị từ chối', en: 'The .xlsx file is refused' },
};

/** One sentence per reading limit, naming the sheet (or part) and the figures. */
function limitSentence(e: LimitError, lang: Lang): string {
  const n = (v: number) => formatNumber(v, lang);
  const at = `"${e.where}"${e.ref ? `!${e.ref}` : ''}`;
  const vi = lang === 'vi';
  switch (e.what) {
    case 'area':
      return vi
        ? `trang tính ${at} quá lớn để đọc như danh sách thường (${n(e.value)} ô, tối đa ${n(e.max)}): xóa các ô có giá trị nằm xa vùng số liệu, hoặc đưa số liệu vào bảng Excel`
        : `sheet ${at} is too large to read as a plain list (${n(e.value)} cells, at most ${n(e.max)}): clear the cells with values far from the data, or put the data in an Excel table`;
    case 'totalArea':
      return vi
        ? `các trang tính thường của sổ quá lớn để đọc (${n(e.value)} ô đến trang "${e.where}", tối đa ${n(e.max)}): đưa số liệu vào bảng Excel hoặc tách sổ`
        : `the workbook's plain sheets are too large to read (${n(e.value)} cells up to sheet "${e.where}", at most ${n(e.max)}): put the data in Excel tables or split the workbook`;
    case 'merges':
      return vi
        ? `trang tính "${e.where}" có quá nhiều vùng gộp ô (hơn ${n(e.max)}): bỏ gộp các ô không cần thiết (Trang đầu ▸ Gộp & Căn giữa ▸ Bỏ gộp)`
        : `sheet "${e.where}" has too many merged ranges (more than ${n(e.max)}): unmerge the cells that need not be merged (Home ▸ Merge & Center ▸ Unmerge)`;
    case 'mergedCells':
      return vi
        ? `các vùng gộp ô của trang tính "${e.where}" phủ quá nhiều ô (${n(e.value)}, tối đa ${n(e.max)}): bỏ gộp các vùng lớn`
        : `the merged ranges of sheet "${e.where}" cover too many cells (${n(e.value)}, at most ${n(e.max)}): unmerge the large ones`;
    case 'bytes':
      return vi
        ? `trang tính "${e.where}" giải nén ra ${n(Math.round(e.value / 2 ** 20))} MB, quá lớn để đọc như danh sách thường (tối đa ${n(e.max / 2 ** 20)} MB)`
        : `sheet "${e.where}" inflates to ${n(Math.round(e.value / 2 ** 20))} MB, too large to read as a plain list (at most ${n(e.max / 2 ** 20)} MB)`;
    case 'text':
      return vi
        ? `một ô có văn bản dài hơn giới hạn ${n(e.max)} ký tự của Excel (${e.where}${e.ref ? `, ${e.ref}` : ''}): tệp bị hỏng hoặc không do Excel tạo`
        : `a cell holds a text longer than Excel's limit of ${n(e.max)} characters (${e.where}${e.ref ? `, ${e.ref}` : ''}): the file is damaged or was not written by Excel`;
  }
}

const BY_CODE: Record<ReadErrorCode, keyof typeof MSG> = {
  notZip: 'notZip',
  damaged: 'corrupt',
  zip64: 'zip64',
  encrypted: 'encrypted',
  bomb: 'bomb',
  ods: 'ods',
  xlsb: 'xlsb',
  notWorkbook: 'notWorkbook',
  noTables: 'noTables',
  limit: 'limit',
};

/** Whether the bytes look like text (UTF-8 or UTF-16 with a BOM): a CSV saved under .xlsx. */
function looksLikeText(buf: Buffer): boolean {
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) return true;
  const head = buf.subarray(0, 4096);
  if (head.includes(0)) return false;
  return !new TextDecoder('utf-8', { fatal: false }).decode(head).includes('\ufffd');
}

const sayer = (file: string, lang: Lang) => (k: keyof typeof MSG, detail = '') => new InputError(`${MSG[k][lang]}: ${file}${detail ? ` (${detail})` : ''}`);

/** Turns whatever reading a workbook threw into one clear line. */
function translator(file: string, lang: Lang): (e: unknown) => InputError {
  const say = sayer(file, lang);
  return (e) => {
    if (e instanceof InputError) return e;
    if (e instanceof LimitError) return new InputError(`${MSG.limit[lang]}: ${file}: ${limitSentence(e, lang)}`);
    if (e instanceof WorkbookReadError) return say(BY_CODE[e.code], e.code === 'noTables' ? '' : e.detail);
    return say('corrupt', (e as Error).message.split('\n')[0]);
  };
}

/** The one clear line for a WorkbookReadError (or anything else) met reading `file`. */
export function workbookError(file: string, lang: Lang, e: unknown): InputError {
  return translator(file, lang)(e);
}

/** A workbook file's bytes, once it is known to be a zip (not a folder, .xls, CSV…). */
function readWorkbookBytes(file: string, lang: Lang): Buffer {
  const say = sayer(file, lang);
  const buf = readRegularFile(file, say);
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0xd0cf11e0) throw say('cfb');
  if (buf.length < 4 || buf.readUInt32BE(0) !== 0x504b0304) throw say(looksLikeText(buf) ? 'text' : 'notZip');
  return buf;
}

/** The workbook's sheets as grids (staff's plain lists), every failure one clear message. */
export function readWorkbookGridsFile(file: string, lang: Lang, options: GridReadOptions = {}, bytes?: Buffer): SheetGrid[] {
  const buf = bytes ?? readWorkbookBytes(file, lang);
  try {
    return readWorkbookGrids(buf, options);
  } catch (e) {
    throw translator(file, lang)(e);
  }
}

/** Reads a workbook's tables, turning every way a file can be wrong into one clear message. */
export async function readWorkbookFile(file: string, lang: Lang, options: { requireTables?: boolean; parallel?: ReadOptions['parallel'] } = {}): Promise<TableSnapshot[]> {
  const buf = readWorkbookBytes(file, lang);
  const translate = translator(file, lang);
  let snaps: TableSnapshot[];
  try {
    // the command line parses large tables on two threads (src/node/xlsx/parallel.ts)
    snaps = readWorkbookTables(buf, { parallel: true, ...options });
  } catch (e) {
    throw translate(e);
  }
  // Rows stream from the package when asked for: damage found then is still one clear InputError.
  for (const s of snaps) {
    for (const key of ['streamRows', 'parsed'] as const) {
      const f = s[key] as ((...a: never[]) => unknown) | undefined;
      if (!f) continue;
      Object.defineProperty(s, key, {
        enumerable: false,
        value: (...a: never[]) => {
          try {
            return f.apply(s, a);
          } catch (e) {
            throw translate(e);
          }
        },
      });
    }
    for (const key of ['rows', 'merged', 'staleFormulas'] as const) {
      const d = Object.getOwnPropertyDescriptor(s, key);
      if (!d?.get) continue;
      const get = d.get;
      Object.defineProperty(s, key, {
        enumerable: d.enumerable,
        get: () => {
          try {
            return get();
          } catch (e) {
            throw translate(e);
          }
        },
      });
    }
  }
  return snaps;
}
