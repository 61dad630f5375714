import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { Lang } from '../core/problems';
import { snapshotsFromWorkbook } from './xlsx-reader';
import { readTablesFast } from './xlsx-fast-reader';
import { TableSnapshot } from '../core/snapshot';

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
  corrupt: { vi: 'Tệp .xlsx bị hỏng hoặc không đọc được', en: 'The .xlsx file is damaged or cannot be read' },
};

/** Reads a workbook's tables, turning every way a file can be wrong into one clear message. */
export async function readWorkbookFile(file: string, lang: Lang): Promise<TableSnapshot[]> {
  const say = (k: keyof typeof MSG, detail = '') => new InputError(`${MSG[k][lang]}: ${file}${detail ? ` (${detail})` : ''}`);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw say('missing');
  }
  if (stat.isDirectory()) throw say('dir');
  if (!stat.isFile()) throw say('special');
  if (stat.size === 0) throw say('empty');
  const buf = fs.readFileSync(file);
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0xd0cf11e0) throw say('cfb');
  if (buf.length < 4 || buf.readUInt32BE(0) !== 0x504b0304) throw say('notZip');
  try {
    return readTablesFast(buf);
  } catch {
    // Anything the fast path does not understand goes through exceljs, which also names the damage.
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw say('corrupt', (e as Error).message.split('\n')[0]);
  }
  if (wb.worksheets.length === 0) throw say('corrupt', lang === 'vi' ? 'không có trang tính nào' : 'no worksheet');
  return snapshotsFromWorkbook(wb);
}
