import zlib from 'node:zlib';
import { Inflate } from 'fflate';
import { WorkbookReadError, damaged } from './errors';

/**
 * A zip archive read from a buffer, checked entry by entry before anything is inflated: the
 * central directory and each local header must agree, names must be unique, methods must be
 * stored or deflated. Parts are inflated as a stream of chunks, so a part is never held whole,
 * and inflation stops as soon as a part grows past its declared size or past the bomb limits.
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the compressed data. */
  dataStart: number;
  /** MS-DOS modification time and date, as the central directory gives them. */
  time: number;
  date: number;
}

/** Parts declared up to this size are inflated in one native call; larger ones stream. */
const WHOLE_PART_BYTES = 64 * 2 ** 20;
/** Refuse a part that inflates to more than this. */
export const MAX_PART_BYTES = 2 * 2 ** 30;
/** …or, once it is larger than LARGE_PART_BYTES, to more than MAX_RATIO times its compressed size. */
export const LARGE_PART_BYTES = 100 * 2 ** 20;
export const MAX_RATIO = 200;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const CHUNK = 1 << 16;

export class ZipArchive {
  /** Entries by name folded to lower case: OPC part names compare case-insensitively. */
  private readonly byName = new Map<string, ZipEntry>();
  /** Parts read whole through the XML parser without a fault (by name as stored). */
  readonly parsed = new Set<string>();

  constructor(private readonly buf: Buffer) {
    if (buf.length < 22) throw damaged('too short for a zip');
    const min = Math.max(0, buf.length - 65557);
    let eocd = -1;
    for (let i = buf.length - 22; i >= min; i--) {
      if (buf.readUInt32LE(i) === SIG_END) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw damaged('no end of central directory (the file is truncated)');
    const count = buf.readUInt16LE(eocd + 10);
    const cdSize = buf.readUInt32LE(eocd + 12);
    const cdOffset = buf.readUInt32LE(eocd + 16);
    if ((eocd >= 20 && buf.readUInt32LE(eocd - 20) === SIG_ZIP64_LOCATOR) || count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
      throw new WorkbookReadError('zip64', 'ZIP64 archive');
    }
    if (buf.readUInt16LE(eocd + 4) !== 0 || buf.readUInt16LE(eocd + 6) !== 0) throw damaged('multi-volume zip');
    if (cdOffset + cdSize > eocd) throw damaged('central directory outside the file');
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > eocd || buf.readUInt32LE(p) !== SIG_CENTRAL) throw damaged(`central directory entry ${i + 1} of ${count} is missing`);
      const flags = buf.readUInt16LE(p + 8);
      const method = buf.readUInt16LE(p + 10);
      const time = buf.readUInt16LE(p + 12);
      const date = buf.readUInt16LE(p + 14);
      const crc = buf.readUInt32LE(p + 16);
      const compressedSize = buf.readUInt32LE(p + 20);
      const size = buf.readUInt32LE(p + 24);
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      const offset = buf.readUInt32LE(p + 42);
      const rawName = buf.subarray(p + 46, p + 46 + nameLen);
      // a few writers separate folders with backslashes (POI's 49609); part names use slashes
      const name = rawName.toString('utf8').replace(/\\/g, '/');
      p += 46 + nameLen + extraLen + commentLen;
      if (compressedSize === 0xffffffff || size === 0xffffffff || offset === 0xffffffff) throw new WorkbookReadError('zip64', `ZIP64 entry ${name}`);
      if (flags & 1) throw new WorkbookReadError('encrypted', name);
      if (method !== 0 && method !== 8) throw damaged(`${name}: compression method ${method} is not stored (0) or deflate (8)`);
      const key = name.toLowerCase();
      if (this.byName.has(key)) throw damaged(`the part ${name} appears twice in the zip`);
      // The local header must say the same as the central directory.
      if (offset + 30 > cdOffset || buf.readUInt32LE(offset) !== SIG_LOCAL) throw damaged(`${name}: no local header at offset ${offset}`);
      const lFlags = buf.readUInt16LE(offset + 6);
      const lMethod = buf.readUInt16LE(offset + 8);
      const lNameLen = buf.readUInt16LE(offset + 26);
      const lExtraLen = buf.readUInt16LE(offset + 28);
      if (!buf.subarray(offset + 30, offset + 30 + lNameLen).equals(rawName)) {
        throw damaged(`${name}: the local header names ${buf.toString('utf8', offset + 30, offset + 30 + lNameLen)}`);
      }
      if (lMethod !== method) throw damaged(`${name}: local header method ${lMethod}, central directory ${method}`);
      if (!(lFlags & 8)) {
        const lCrc = buf.readUInt32LE(offset + 14);
        const lComp = buf.readUInt32LE(offset + 18);
        const lSize = buf.readUInt32LE(offset + 22);
        if (lCrc !== crc || lComp !== compressedSize || lSize !== size) throw damaged(`${name}: local header sizes or CRC differ from the central directory`);
      }
      const dataStart = offset + 30 + lNameLen + lExtraLen;
      if (dataStart + compressedSize > cdOffset) throw damaged(`${name}: data runs past the end of the entries`);
      if (method === 0 && compressedSize !== size) throw damaged(`${name}: stored entry with two sizes`);
      this.byName.set(key, { name, method, flags, crc, compressedSize, size, dataStart, time, date });
    }
  }

  get(name: string): ZipEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** An entry's compressed bytes as stored (to copy a part into another zip unchanged). */
  raw(name: string): Buffer {
    const e = this.get(name);
    if (!e) throw damaged(`${name} is missing`);
    return this.buf.subarray(e.dataStart, e.dataStart + e.compressedSize);
  }

  names(): string[] {
    return [...this.byName.values()].map((e) => e.name);
  }

  /** The first bytes of an entry (for sniffing), at most `max`. */
  head(name: string, max: number): Buffer {
    const e = this.get(name);
    if (!e) return Buffer.alloc(0);
    const out: Uint8Array[] = [];
    let n = 0;
    try {
      this.stream(name, (c) => {
        out.push(c);
        n += c.length;
        if (n >= max) throw STOP;
      });
    } catch (err) {
      if (err !== STOP) throw err;
    }
    return Buffer.concat(out).subarray(0, max);
  }

  /**
   * Inflates an entry chunk by chunk, giving each chunk to `onChunk`. Checks the bomb limits
   * before starting and while inflating, and the size and CRC at the end.
   */
  stream(name: string, onChunk: (chunk: Uint8Array) => void): void {
    const e = this.get(name);
    if (!e) throw damaged(`${name} is missing`);
    checkBomb(e.name, e.size, e.compressedSize, 'declared');
    const data = this.buf.subarray(e.dataStart, e.dataStart + e.compressedSize);
    let total = 0;
    let crc = 0;
    const take = (chunk: Uint8Array) => {
      if (!chunk.length) return;
      total += chunk.length;
      if (total > e.size) {
        checkBomb(e.name, total, e.compressedSize, 'actual');
        throw damaged(`${e.name} inflates to more than the ${e.size} bytes the zip declares`);
      }
      crc = zlib.crc32(chunk, crc);
      onChunk(chunk);
    };
    // an empty part deflated to no bytes at all (not even an empty block): LibreOffice's thumbnails
    if (e.method === 0 || (e.compressedSize === 0 && e.size === 0)) {
      for (let i = 0; i < data.length; i += CHUNK) take(data.subarray(i, Math.min(data.length, i + CHUNK)));
    } else if (e.size <= WHOLE_PART_BYTES) {
      // a part of a sane declared size is inflated at once by the native zlib (several times faster
      // than inflating in JavaScript), never past its declared size, and handed on in chunks
      let whole: Buffer;
      try {
        whole = zlib.inflateRawSync(data, { maxOutputLength: Math.max(e.size, 1), chunkSize: Math.max(e.size, 64) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw damaged(`${e.name} inflates to more than the ${e.size} bytes the zip declares`);
        throw damaged(`${e.name}: ${(err as Error).message}`);
      }
      for (let i = 0; i < whole.length; i += CHUNK) take(whole.subarray(i, Math.min(whole.length, i + CHUNK)));
    } else {
      const inflate = new Inflate((chunk) => take(chunk));
      try {
        for (let i = 0; i < data.length; i += CHUNK) inflate.push(data.subarray(i, Math.min(data.length, i + CHUNK)), i + CHUNK >= data.length);
        if (!data.length) inflate.push(new Uint8Array(0), true);
      } catch (err) {
        if (err instanceof WorkbookReadError || err === STOP || !(err instanceof Error && 'code' in err)) throw err;
        throw damaged(`${e.name}: ${(err as Error).message}`);
      }
    }
    if (total !== e.size) throw damaged(`${e.name} inflates to ${total} bytes, the zip declares ${e.size}`);
    if (crc >>> 0 !== e.crc) throw damaged(`${e.name}: CRC mismatch`);
  }

  /** A whole entry as text: only for parts known to be small (content types, mimetype). */
  text(name: string): string | null {
    if (!this.get(name)) return null;
    const parts: Buffer[] = [];
    this.stream(name, (c) => parts.push(Buffer.from(c)));
    return Buffer.concat(parts).toString('utf8');
  }
}

/** Thrown by a consumer to stop reading a part early. */
export const STOP = Symbol('stop');

function checkBomb(name: string, size: number, compressed: number, which: 'declared' | 'actual'): void {
  if (size > MAX_PART_BYTES || (size > LARGE_PART_BYTES && size > MAX_RATIO * Math.max(compressed, 1))) {
    throw new WorkbookReadError('bomb', `${name}: ${which} size ${(size / 2 ** 20).toFixed(0)} MB from ${(compressed / 2 ** 20).toFixed(1)} MB compressed`);
  }
}
