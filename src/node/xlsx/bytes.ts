/**
 * Reading values straight from a part's UTF-8 bytes, without making a string first (issue 21):
 * the tokenizer's views are Buffers, whose slice methods decode without a copy.
 */
type Slices = { latin1Slice(s: number, e: number): string; utf8Slice(s: number, e: number): string };
export const latin1 = (b: Uint8Array, s: number, e: number) => (b as unknown as Slices).latin1Slice(s, e);
export const utf8 = (b: Uint8Array, s: number, e: number) => (b as unknown as Slices).utf8Slice(s, e);

const DIGIT_0 = 48;
const MINUS = 45;
const DOT = 46;
/** Integers below this are exact doubles, and so is every sum of their digits read so far. */
const EXACT_INTEGER = 2 ** 53;
/** 10^0 … 10^22, every one an exact double. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * `Number(text)` for the ASCII text b[s..e) when it is a plain decimal — an optional '-', digits
 * and at most one '.', at least one digit, below 2^53 without its point — else NaN (the caller
 * then asks Number itself). Exact: the digits and the power of ten are both exact doubles, and one
 * IEEE division rounds their quotient correctly, as Number does.
 */
export function plainDecimal(b: Uint8Array, s: number, e: number): number {
  let i = s;
  const negative = i < e && b[i] === MINUS;
  if (negative) i++;
  let digits = 0;
  let decimals = -1;
  for (; i < e; i++) {
    const d = b[i] - DIGIT_0;
    if (d >= 0 && d <= 9) {
      digits = digits * 10 + d;
      if (decimals >= 0) decimals++;
    } else if (b[i] === DOT && decimals < 0) decimals = 0;
    else return NaN;
  }
  const width = e - s - (negative ? 1 : 0) - (decimals >= 0 ? 1 : 0);
  if (width === 0 || digits >= EXACT_INTEGER || decimals > 22) return NaN;
  const value = decimals > 0 ? digits / POWERS_OF_TEN[decimals] : digits;
  return negative ? -value : value;
}

/**
 * Values made from short byte strings, kept by those bytes (one entry per slot, the newest wins):
 * a text that repeats down a column is decoded and allocated once, then found by its bytes.
 */
export class ByteCache<T> {
  private readonly slots: number;
  private readonly mask: number;
  private hashes: Int32Array;
  /** Where each slot's key starts in `keys`, plus 1 (0: an empty slot). */
  private keyStart1: Int32Array;
  private keyLength: Int32Array;
  private values: T[];
  private readonly keys: Uint8Array;
  private keysUsed = 0;

  constructor(
    private readonly make: (b: Uint8Array, s: number, e: number) => T,
    slotBits = 15,
    private readonly maxKey = 64,
    keyBytes = 1 << 20,
  ) {
    this.slots = 1 << slotBits;
    this.mask = this.slots - 1;
    this.keys = new Uint8Array(keyBytes);
    this.hashes = new Int32Array(this.slots);
    this.keyStart1 = new Int32Array(this.slots);
    this.keyLength = new Int32Array(this.slots);
    this.values = new Array<T>(this.slots);
  }

  /** The value made from b[s..e), made now only if these bytes are not kept. */
  get(b: Uint8Array, s: number, e: number): T {
    const length = e - s;
    if (length > this.maxKey) return this.make(b, s, e);
    let h = length;
    for (let i = s; i < e; i++) h = ((h << 5) - h + b[i]) | 0;
    const slot = (h ^ (h >>> 15)) & this.mask;
    if (this.hashes[slot] === h && this.keyLength[slot] === length && this.sameKey(slot, b, s, length)) return this.values[slot];
    const value = this.make(b, s, e);
    if (this.keysUsed + length > this.keys.length) this.clear();
    const at = this.keysUsed;
    for (let k = 0; k < length; k++) this.keys[at + k] = b[s + k];
    this.keysUsed += length;
    this.hashes[slot] = h;
    this.keyStart1[slot] = at + 1;
    this.keyLength[slot] = length;
    this.values[slot] = value;
    return value;
  }

  private sameKey(slot: number, b: Uint8Array, s: number, length: number): boolean {
    const at = this.keyStart1[slot] - 1;
    if (at < 0) return false;
    const keys = this.keys;
    for (let k = 0; k < length; k++) if (keys[at + k] !== b[s + k]) return false;
    return true;
  }

  private clear(): void {
    this.hashes = new Int32Array(this.slots);
    this.keyStart1 = new Int32Array(this.slots);
    this.keyLength = new Int32Array(this.slots);
    this.values = new Array<T>(this.slots);
    this.keysUsed = 0;
  }
}

/**
 * The text of one element, gathered from its pieces: a single piece of bytes stays bytes (read
 * by the caller without a string), more pieces are joined into a string.
 */
export class GatheredText {
  /** The one piece, as bytes[start..end), or null when the text is `joined`. */
  bytes: Uint8Array | null = null;
  start = 0;
  end = 0;
  private joined = '';

  reset(): void {
    this.bytes = null;
    this.joined = '';
  }

  addBytes(b: Uint8Array, s: number, e: number): void {
    if (this.bytes === null && this.joined === '') {
      this.bytes = b;
      this.start = s;
      this.end = e;
    } else this.addString(utf8(b, s, e));
  }

  addString(s: string): void {
    this.joined = this.toString() + s;
    this.bytes = null;
  }

  isEmpty(): boolean {
    return this.bytes === null ? this.joined === '' : this.start === this.end;
  }

  toString(): string {
    return this.bytes === null ? this.joined : utf8(this.bytes, this.start, this.end);
  }
}
