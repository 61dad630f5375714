import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Lang } from '../core/problems';

/** A failure the user can act on: its message is the one line the command line prints. */
export class FileError extends Error {}

const FS_MESSAGES: Record<string, { vi: string; en: string }> = {
  ENOENT: { vi: 'Không tìm thấy tệp hoặc thư mục', en: 'No such file or folder' },
  EACCES: { vi: 'Không có quyền đọc hoặc ghi', en: 'Permission denied' },
  EPERM: { vi: 'Không được phép đọc hoặc ghi', en: 'Operation not permitted' },
  EISDIR: { vi: 'Đây là một thư mục, cần tên tệp', en: 'This is a folder; a file name is needed' },
  ENOTDIR: { vi: 'Một phần của đường dẫn không phải là thư mục', en: 'Part of the path is not a folder' },
  ENOSPC: { vi: 'Ổ đĩa đã đầy', en: 'The disk is full' },
  EDQUOT: { vi: 'Đã hết hạn mức dung lượng đĩa', en: 'Disk quota exceeded' },
  EROFS: { vi: 'Ổ đĩa chỉ cho phép đọc', en: 'The disk is read-only' },
  EBUSY: { vi: 'Tệp đang được chương trình khác sử dụng', en: 'The file is in use by another program' },
  ENAMETOOLONG: { vi: 'Tên tệp quá dài', en: 'The file name is too long' },
  ELOOP: { vi: 'Liên kết tượng trưng lặp vòng', en: 'Too many levels of symbolic links' },
  EMFILE: { vi: 'Quá nhiều tệp đang mở', en: 'Too many open files' },
  EIO: { vi: 'Lỗi đọc/ghi của ổ đĩa', en: 'Input/output error of the disk' },
};

/** One line for an error from the file system (`EACCES`, `EISDIR`, …), or null for any other error. */
export function fileSystemMessage(e: unknown, lang: Lang): string | null {
  const err = e as NodeJS.ErrnoException & { dest?: string };
  if (!err || typeof err.code !== 'string' || !/^E[A-Z]+$/.test(err.code)) return null;
  const m = FS_MESSAGES[err.code];
  const where = err.path ? `: ${err.path}${err.dest ? ` → ${err.dest}` : ''}` : '';
  return `${m ? m[lang] : lang === 'vi' ? 'Lỗi hệ thống tệp' : 'File system error'} (${err.code})${where}`;
}

/**
 * What a path names once links are followed: the device and inode of an existing file, or the real
 * folder plus the name for one that does not exist yet. Two paths with one identity are one file,
 * however they are spelt (symbolic links, hard links, linked folders, `..`).
 */
export function fileIdentity(file: string, depth = 0): string {
  try {
    const st = fs.statSync(file);
    return `inode:${st.dev}:${st.ino}`;
  } catch {
    // not there yet: the identity of the folder it will be created in, and its name
  }
  const abs = path.resolve(file);
  try {
    // a link to a file not made yet names that file
    if (depth < 40 && fs.lstatSync(abs).isSymbolicLink()) return fileIdentity(path.resolve(path.dirname(abs), fs.readlinkSync(abs)), depth + 1);
  } catch {
    // nothing there
  }
  let dir = path.dirname(abs);
  const rest = [path.basename(abs)];
  for (;;) {
    try {
      return `path:${path.join(fs.realpathSync(dir), ...rest)}`;
    } catch {
      const up = path.dirname(dir);
      if (up === dir) return `path:${abs}`;
      rest.unshift(path.basename(dir));
      dir = up;
    }
  }
}

export interface OutputTarget {
  /** The option that named it (`--out`), for the message. */
  option: string;
  file: string;
}

/**
 * Refuses, before anything is computed, an output that is the input or another output, or that
 * names a folder or something other than a regular file.
 */
export function checkOutputs(input: string | null, outputs: OutputTarget[], lang: Lang): void {
  const vi = lang === 'vi';
  const inputId = input ? fileIdentity(input) : null;
  const seen = new Map<string, OutputTarget>();
  for (const o of outputs) {
    const id = fileIdentity(o.file);
    if (inputId && id === inputId) {
      throw new FileError(vi ? `Không ghi đè lên tệp đầu vào: ${o.option} ${o.file} chính là ${input}` : `Refusing to overwrite the input file: ${o.option} ${o.file} is ${input}`);
    }
    const other = seen.get(id);
    if (other) {
      throw new FileError(vi ? `${other.option} và ${o.option} cùng chỉ tới một tệp (${o.file}): hãy chọn hai tên khác nhau` : `${other.option} and ${o.option} name the same file (${o.file}): choose two different names`);
    }
    seen.set(id, o);
    let st: fs.Stats | null = null;
    try {
      st = fs.statSync(o.file);
    } catch {
      st = null;
    }
    if (st?.isDirectory()) throw new FileError(vi ? `${o.option} ${o.file} là một thư mục: hãy ghi cả tên tệp` : `${o.option} ${o.file} is a folder: give a file name`);
    if (st && !st.isFile()) throw new FileError(vi ? `${o.option} ${o.file} không phải là tệp thông thường` : `${o.option} ${o.file} is not a regular file`);
  }
}

/**
 * Writes a file so that it is either the old one or the whole new one, never a part: the bytes
 * go to a temporary file in the same folder, are flushed to disk, and then renamed over the target.
 * A link is followed, so a linked output is updated where it points and stays a link.
 */
export function writeFileAtomic(file: string, data: Uint8Array | string): void {
  let target = path.resolve(file);
  try {
    if (fs.lstatSync(target).isSymbolicLink()) target = fs.realpathSync(target);
  } catch {
    // a new file, or a link to nowhere (replaced by the file)
  }
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  removeStaleTemporaries(dir, path.basename(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let mode = 0o666;
  try {
    mode = fs.statSync(target).mode & 0o7777;
  } catch {
    // new file: the usual mode less the umask
  }
  try {
    const fd = fs.openSync(tmp, 'wx', mode);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // never created
    }
    // the user named the target, not our temporary file
    const err = e as NodeJS.ErrnoException;
    if (err.path === tmp) err.path = target;
    throw e;
  }
  try {
    const d = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(d);
    } finally {
      fs.closeSync(d);
    }
  } catch {
    // not every file system syncs a folder; the rename is done either way
  }
}

/** Temporary files left by a run that was killed while writing this target (its process is gone). */
function removeStaleTemporaries(dir: string, base: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const prefix = `.${base}.`;
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)-[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
    if (!m || processAlive(Number(m[1]))) continue;
    try {
      fs.unlinkSync(path.join(dir, name));
    } catch {
      // someone else's file, or already gone
    }
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
