/** Size of a chunk: large enough that a part of tens of megabytes takes a few hundred. */
const CHUNK = 1 << 17;
/** A chunk is handed over once it holds this much: what one row or string adds rarely passes the rest. */
const FULL = CHUNK - (1 << 12);

/**
 * A part's bytes written straight into a chunk of about CHUNK bytes, no string built for them:
 * markup as ASCII, text as UTF-8, numbers as their digits. The same memory is used again for the
 * next chunk, so a chunk handed over by `take` must be used (deflated) before anything more is
 * written.
 */
export class ByteChunks {
  private buf = Buffer.allocUnsafe(CHUNK);
  private pos = 0;

  /** Room for `n` more bytes: a larger chunk for the rare text longer than the room left. */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.pos + n));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }

  /** Markup and numbers: every character below U+0080. */
  ascii(s: string): void {
    this.room(s.length);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < s.length; i++) buf[pos++] = s.charCodeAt(i);
    this.pos = pos;
  }

  text(s: string): void {
    this.room(s.length * 3);
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < b.length; i++) buf[pos++] = b[i];
    this.pos = pos;
  }

  /** A whole number from 0 to 2³¹ − 1, in decimal; any other number as String() writes it. */
  uint(n: number): void {
    if (!(n >= 0 && n <= 0x7fffffff && n === Math.floor(n))) return this.ascii(String(n));
    this.room(10);
    let digits = 1;
    for (let x = n; x >= 10; x = (x / 10) | 0) digits++;
    const buf = this.buf;
    let at = this.pos + digits;
    this.pos = at;
    let x = n;
    do {
      const rest = (x / 10) | 0;
      buf[--at] = 48 + x - rest * 10;
      x = rest;
    } while (x > 0);
  }

  /** Whether the chunk is full enough to be handed over. */
  get filled(): boolean {
    return this.pos >= FULL;
  }

  /** The chunk as far as it is filled, handed over (valid until the next write); then an empty one. */
  take(): Buffer {
    const chunk = this.buf.subarray(0, this.pos);
    this.pos = 0;
    return chunk;
  }
}

/** The bytes of an ASCII string, for markup written many times. */
export const asciiBytes = (s: string): Uint8Array => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
