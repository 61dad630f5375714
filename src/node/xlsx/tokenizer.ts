import { isUtf8 } from 'node:buffer';
import { ZipArchive } from './zip';
import { damaged } from './errors';
import { Element, NS, XmlHandler } from './xml';
import { latin1, plainDecimal, utf8 } from './bytes';

/**
 * A SpreadsheetML tokenizer working on the inflated bytes themselves (issue 21): the worksheet and
 * shared-string parts are most of a workbook's XML, and a general parser that decodes every byte to
 * a string and every tag to objects is what bounded the read. It gives the same events as
 * `parsePart` (xml.ts, saxes) — elements with their namespace resolved by URI whatever the prefix,
 * text with entities, character references and CDATA resolved, line ends normalised — and refuses
 * what saxes refuses: malformed markup, undefined entities, characters XML forbids, bytes that are
 * not UTF-8, a DOCTYPE. Strings are made only for what the handler asks: element and attribute
 * names once per distinct name, attribute values on request, text only while `wantText()` says so.
 * A handler of a large part asks for less still: names as numbers (`elementCode`, `attributeCode`),
 * attribute values read from their bytes (`attrNumber`, `attrChoice`), text as bytes (`textBytes`).
 */
export interface ByteXmlHandler extends XmlHandler {
  /** Whether the text at this point is wanted (default: always). Unwanted text is checked, never decoded. */
  wantText?(): boolean;
  /** Text with no reference or CR to resolve, as its checked UTF-8 bytes b[start..end), wanted or not (else `text` gets it). */
  textBytes?(b: Uint8Array, start: number, end: number): void;
  /** A number for the element `local` of namespace `uri`, asked once per name and scope: `el.code`, and `close`'s third argument. */
  elementCode?(local: string, uri: string): number;
  /** A number for an attribute by its qualified name, asked once per name, to find it with `el.attrIndex`. */
  attributeCode?(qname: string): number;
  open(el: ByteElement): void;
  close(local: string, uri: string, code?: number): void;
}

const LT = 60;
const GT = 62;
const AMP = 38;
const SLASH = 47;
const QUOT = 34;
const APOS = 39;
const EQ = 61;
const BANG = 33;
const QMARK = 63;
const RSQB = 93;
const CR = 13;
const LF = 10;
const TAB = 9;
const SP = 32;
const SEMI = 59;
const HASH = 35;

/** ASCII name characters: 1 may start a name, 2 may only continue one. */
const NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) NAME[c] = 1;
  else if (/[0-9.-]/.test(ch)) NAME[c] = 2;
}
// XML 1.0 fifth edition, productions [4] and [4a], for names holding other characters
const NAME_START = 'A-Z_a-z:\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const XML_NAME = new RegExp(`^[${NAME_START}][${NAME_START}.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040-]*$`, 'u');
const isS = (c: number) => c <= SP && (c === SP || c === LF || c === TAB || c === CR);

/**
 * What each byte of character data asks of the scan. UTF-8 is checked beforehand (isUtf8), so of
 * the bytes above ASCII only 0xEF needs a look: EF BF BE and EF BF BF are U+FFFE and U+FFFF.
 */
const TEXT_PLAIN = 0;
const TEXT_END = 1;
const TEXT_REF = 2;
const TEXT_RSQB = 3;
const TEXT_CR = 4;
const TEXT_EF = 5;
const TEXT_BAD = 6;
const TEXT_CLASS = new Uint8Array(256);
/** The same for an attribute value; bytes above ASCII make it not plain (decoded as UTF-8). */
const VALUE_PLAIN = 0;
const VALUE_QUOTE = 1;
const VALUE_WIDE = 2;
const VALUE_REF = 3;
const VALUE_SPACE = 4;
const VALUE_EF = 5;
const VALUE_BAD = 6;
const VALUE_CLASS = new Uint8Array(256);
for (let c = 0; c < 32; c++) {
  TEXT_CLASS[c] = TEXT_BAD;
  VALUE_CLASS[c] = VALUE_BAD;
}
TEXT_CLASS[TAB] = TEXT_CLASS[LF] = TEXT_PLAIN;
TEXT_CLASS[CR] = TEXT_CR;
TEXT_CLASS[LT] = TEXT_END;
TEXT_CLASS[AMP] = TEXT_REF;
TEXT_CLASS[RSQB] = TEXT_RSQB;
TEXT_CLASS[0xef] = TEXT_EF;
VALUE_CLASS.fill(VALUE_WIDE, 0x80);
VALUE_CLASS[TAB] = VALUE_CLASS[LF] = VALUE_CLASS[CR] = VALUE_SPACE;
VALUE_CLASS[QUOT] = VALUE_CLASS[APOS] = VALUE_QUOTE;
VALUE_CLASS[LT] = VALUE_BAD;
VALUE_CLASS[AMP] = VALUE_REF;
VALUE_CLASS[0xef] = VALUE_EF;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };
const isXmlChar = (n: number) => n === 9 || n === 10 || n === 13 || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);

interface QName {
  bytes: Uint8Array;
  hash: number;
  qname: string;
  prefix: string;
  local: string;
  /** Whether it declares a namespace (xmlns, xmlns:p) as an attribute. */
  declares: boolean;
  /** The handler's number for it as an attribute name (-1: none). */
  attrCode: number;
  /** The scope this name resolved in last, its URI and the handler's number there (names repeat within one scope). */
  scope: Scope | null;
  uri: string;
  code: number;
}

type Scope = Map<string, string>;
const ROOT_SCOPE: Scope = new Map([
  ['xml', NS.xml],
  ['', ''],
]);

/** Thrown inside a pass when a construct runs past the bytes received so far. */
const INCOMPLETE = Symbol('incomplete');

const view = (b: Uint8Array, offset: number, length: number) => Buffer.from(b.buffer, offset, length);

/** Names of at most this many bytes are their own hash (see nameEnd). */
const SHORT_NAME = 3;
const slotOf = (hash: number, mask: number) => {
  const mixed = Math.imul(hash, 0x9e3779b1);
  return (mixed ^ (mixed >>> 16)) & mask;
};

function sameBytes(q: Uint8Array, b: Uint8Array, s: number, e: number): boolean {
  if (q.length !== e - s) return false;
  for (let k = 0; k < q.length; k++) if (q[k] !== b[s + k]) return false;
  return true;
}

const isBlank = (b: Uint8Array, s: number, e: number) => {
  for (let i = s; i < e; i++) if (!isS(b[i])) return false;
  return true;
};

/** Resolves entity and character references in `s` (already checked by the scan). */
function expand(s: string): string {
  return s.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[^;&]+);/g, (_, e: string) =>
    e.charCodeAt(0) === HASH ? String.fromCodePoint(e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e],
  );
}

/** The element being opened, valid during the handler's `open` only. */
export class ByteElement implements Element {
  local = '';
  uri = '';
  /** The handler's `elementCode` for it (-1 without one). */
  code = -1;
  scope: Scope = ROOT_SCOPE;
  constructor(private readonly t: Tokenizer) {}
  get attrs(): Record<string, string> {
    const out: Record<string, string> = {};
    const t = this.t;
    for (let i = 0; i < t.nAttr; i++) out[t.qnames[t.attrName[i]].qname] = t.attrValue(i);
    return out;
  }
  attr(local: string, uri?: string | ((u: string) => boolean)): string | undefined {
    const t = this.t;
    for (let i = 0; i < t.nAttr; i++) {
      const q = t.qnames[t.attrName[i]];
      if (!uri) {
        if (q.qname === local) return t.attrValue(i);
        continue;
      }
      if (!q.prefix || q.local !== local) continue;
      const u = this.scope.get(q.prefix);
      if (u !== undefined && (typeof uri === 'string' ? u === uri : uri(u))) return t.attrValue(i);
    }
    return undefined;
  }
  /** The index of the attribute whose name the handler numbered `code`, or -1. */
  attrIndex(code: number): number {
    const t = this.t;
    for (let i = 0; i < t.nAttr; i++) if (t.attrCode[i] === code) return i;
    return -1;
  }
  /** Attribute i's value (as `attr` gives it). */
  attrText(i: number): string {
    return this.t.attrValue(i);
  }
  /** Number(attrText(i)), read from the bytes when they are a plain decimal. */
  attrNumber(i: number): number {
    return this.t.attrNumber(i);
  }
  /** Whether attribute i's value is ASCII with nothing to resolve: then it is bytes[valueStart(i)..valueEnd(i)). */
  attrAscii(i: number): boolean {
    return this.t.attrPlain[i] === 1;
  }
  get bytes(): Uint8Array {
    return this.t.cur;
  }
  valueStart(i: number): number {
    return this.t.attrStart[i];
  }
  valueEnd(i: number): number {
    return this.t.attrEnd[i];
  }
  /** Which of `choices` (ASCII words) attribute i's value is, or -1. */
  attrChoice(i: number, choices: readonly string[]): number {
    return this.t.attrChoice(i, choices);
  }
  /** Whether attribute i's value is empty. */
  attrEmpty(i: number): boolean {
    return this.t.attrStart[i] === this.t.attrEnd[i];
  }
}

export class Tokenizer {
  /** The bytes not yet consumed, from absolute offset `base`. */
  private buf: Uint8Array = new Uint8Array(0);
  /** Our own buffer, for a part that comes in pieces of different buffers. */
  private store: Uint8Array = new Uint8Array(0);
  private base = 0;
  /** Bytes of `buf` checked as UTF-8 so far. */
  private checked = 0;
  /** Length `buf` must reach before the next pass (doubles while one construct stays incomplete). */
  private nextPass = 0;
  private final = false;

  readonly qnames: QName[] = [];
  // open addressing on the names' hashes: id + 1 of a name (0 for an empty slot), its hash and length
  private slotId = new Int32Array(256);
  private slotHash = new Int32Array(256);
  private slotLength = new Int32Array(256);
  /** The hash of the name `nameEnd` scanned last. */
  private nameHash = 0;
  /** The end of the name `name` read last. */
  private nameStop = 0;
  /** By byte: id + 1 of the name of that one byte (0: none yet). */
  private readonly oneByteName = new Int32Array(256);

  // the attributes of the tag being handed over, by index (grown for the tag with the most)
  nAttr = 0;
  attrName = new Int32Array(8);
  attrCode = new Int32Array(8);
  attrStart = new Uint32Array(8);
  attrEnd = new Uint32Array(8);
  /** 1 when the value is ASCII with nothing to resolve (no reference, no white space to normalise). */
  attrPlain = new Uint8Array(8);
  /** Set by `valueEnd`: the value just scanned is plain. */
  private valuePlain = true;
  /** The bytes the attributes' offsets are in. */
  cur: Uint8Array = this.buf;

  /** The names of the elements open, outermost first (and their URIs and codes as resolved). */
  private readonly stackName: QName[] = [];
  private readonly stackUri: string[] = [];
  private readonly stackCode: number[] = [];
  private readonly scopes: Scope[] = [ROOT_SCOPE];
  private depth = 0;
  private sawRoot = false;
  private closedRoot = false;
  private started = false;
  /** Where an XML declaration may stand: the start, after a byte order mark if any. */
  private declAt = 0;
  private readonly el = new ByteElement(this);

  constructor(
    private readonly part: string,
    private readonly h: ByteXmlHandler,
  ) {}

  private fail(msg: string): never {
    throw damaged(`${this.part}: ${msg}`);
  }

  /** Gives the next bytes of the part (in order). */
  write(chunk: Uint8Array): void {
    if (!chunk.length) return;
    const b = this.buf;
    if (!b.length) this.buf = view(chunk, chunk.byteOffset, chunk.length);
    else if (b.buffer === chunk.buffer && b.byteOffset + b.length === chunk.byteOffset) {
      // the next view of the same inflated part: extend, never copy
      this.buf = view(b, b.byteOffset, b.length + chunk.length);
    } else {
      // pieces of different buffers: gather them in one of our own, grown by doubling
      let store = this.store;
      const end = b.byteOffset + b.length;
      if (b.buffer !== store.buffer || end + chunk.length > store.byteOffset + store.length) {
        store = Buffer.allocUnsafeSlow(Math.max(2 * (b.length + chunk.length), 1 << 16));
        store.set(b);
        this.store = store;
        this.buf = view(store, store.byteOffset, b.length);
      }
      const at = this.buf.byteOffset + this.buf.length;
      store.set(chunk, at - store.byteOffset);
      this.buf = view(store, this.buf.byteOffset, at + chunk.length - this.buf.byteOffset);
    }
    if (this.buf.length >= this.nextPass) this.pass();
  }

  close(): void {
    this.final = true;
    this.pass();
    if (this.depth > 0) this.fail(`unclosed tag: ${this.stackName[this.depth - 1].qname}`);
    if (!this.sawRoot) this.fail('document must contain a root element.');
  }

  private checkUtf8(): void {
    const b = this.buf;
    let end = b.length;
    if (!this.final) {
      // stop before a character whose bytes are not all here yet
      let i = end - 1;
      while (i >= 0 && end - i < 4 && (b[i] & 0xc0) === 0x80) i--;
      if (i >= 0 && b[i] >= 0xc0) {
        const need = b[i] >= 0xf0 ? 4 : b[i] >= 0xe0 ? 3 : 2;
        if (end - i < need) end = i;
      }
    }
    if (end > this.checked && !isUtf8(b.subarray(this.checked, end))) {
      this.fail(`not UTF-8 (bytes ${this.base + this.checked}–${this.base + end})`);
    }
    this.checked = Math.max(this.checked, end);
  }

  private pass(): void {
    this.checkUtf8();
    const b = (this.cur = this.buf);
    let p = 0;
    if (!this.started) {
      if (b.length < 3 && !this.final) return;
      this.started = true;
      if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) p = this.declAt = 3;
    }
    const n = b.length;
    // Text and tags that begin before the last '<' end before it, so a pass that stops there
    // seldom stops inside a construct (only a comment, CDATA or PI holding a '<' may run past it).
    const stop = this.final ? n : b.lastIndexOf(LT);
    try {
      while (p < stop) p = b[p] === LT ? this.markup(b, p, n) : this.text(b, p, n);
    } catch (e) {
      if (e !== INCOMPLETE) throw e;
      if (this.final) this.fail('unexpected end.');
    }
    // keep what is not consumed (one construct at most) and wait for at least twice as much
    this.buf = view(b, b.byteOffset + p, b.length - p);
    this.base += p;
    this.checked = Math.max(0, this.checked - p);
    this.nextPass = Math.max(this.buf.length * 2, 1 << 16);
  }

  /** Character data up to the next '<'. */
  private text(b: Uint8Array, p: number, n: number): number {
    let i = p;
    let refs = false;
    let cr = false;
    for (; i < n; i++) {
      const k = TEXT_CLASS[b[i]];
      if (k === TEXT_PLAIN) continue;
      if (k === TEXT_END) break;
      if (k === TEXT_REF) {
        refs = true;
        i = this.entity(b, i, n);
      } else if (k === TEXT_CR) cr = true;
      else if (k === TEXT_RSQB) {
        if (b[i + 1] === RSQB && b[i + 2] === GT) this.fail('the string "]]>" is disallowed in char data.');
      } else if (k === TEXT_EF) {
        if (b[i + 1] === 0xbf && b[i + 2] >= 0xbe) this.fail('disallowed character.');
      } else this.fail('disallowed character.');
    }
    if (i === n && !this.final) throw INCOMPLETE;
    if (this.depth === 0) {
      if (!isBlank(b, p, i)) this.fail('text data outside of root node.');
      return i;
    }
    const h = this.h;
    if (!refs && !cr && h.textBytes) h.textBytes(b, p, i);
    else if (h.text && (!h.wantText || h.wantText())) {
      let s = utf8(b, p, i);
      if (cr) s = s.replace(/\r\n?/g, '\n');
      if (refs) s = expand(s);
      h.text(s);
    }
    return i;
  }

  /** Checks a reference at b[i] === '&'; returns the index of its ';'. */
  private entity(b: Uint8Array, i: number, n: number): number {
    let j = i + 1;
    while (j < n && b[j] !== SEMI && j - i < 64) {
      const c = b[j];
      if (c === LT || c === AMP || isS(c) || c === QUOT || c === APOS) break;
      j++;
    }
    if (j === n && !this.final) throw INCOMPLETE;
    if (b[j] !== SEMI) this.fail(j === i + 1 ? 'empty entity name.' : 'disallowed character in entity name.');
    if (j === i + 1) this.fail('empty entity name.');
    const name = utf8(b, i + 1, j);
    if (name.charCodeAt(0) === HASH) {
      const m = /^#x([0-9a-fA-F]+)$/.exec(name) ?? /^#([0-9]+)$/.exec(name);
      const v = m ? parseInt(m[1], name.charCodeAt(1) === 120 ? 16 : 10) : NaN;
      if (!isXmlChar(v)) this.fail('malformed character entity.');
    } else if (!(name in ENTITIES) || !Object.prototype.hasOwnProperty.call(ENTITIES, name)) {
      this.fail(XML_NAME.test(name) ? 'undefined entity.' : 'disallowed character in entity name.');
    }
    return j;
  }

  /**
   * Scans a name at b[p]; returns its end, its hash left in `nameHash`. The hash of a name of up
   * to 3 bytes is those bytes themselves (no name holds a 0 byte): equal hashes, equal names
   * (compared with their lengths).
   */
  private nameEnd(b: Uint8Array, p: number, n: number): number {
    let i = p;
    let h = 0;
    for (; i < n; i++) {
      const c = b[i];
      if (c < 128 && !NAME[c]) break;
      h = i - p < SHORT_NAME ? (h << 8) | c : (Math.imul(h, 31) + c) | 0;
    }
    if (i === n && !this.final) throw INCOMPLETE;
    // kept a small integer (a field holding larger ones changes representation, costing a recompile)
    this.nameHash = h & 0x3fffffff;
    return i;
  }

  /** The id of the name at b[p], its end left in `nameStop`: a name of one byte (c, v, r, t, s) straight from a table. */
  private name(b: Uint8Array, p: number, n: number, what: string): number {
    const one = this.oneByteName[b[p]] - 1;
    if (one >= 0 && p + 1 < n) {
      const c = b[p + 1];
      if (c < 128 && !NAME[c]) {
        this.nameStop = p + 1;
        return one;
      }
    }
    const e = (this.nameStop = this.nameEnd(b, p, n));
    return this.qname(b, p, e, this.nameHash, what);
  }

  /** The interned qualified name of bytes b[s..e), hashed `h` (checked against the Name production). */
  private qname(b: Uint8Array, s: number, e: number, h: number, what: string): number {
    const length = e - s;
    const mask = this.slotId.length - 1;
    for (let at = slotOf(h, mask); this.slotId[at] !== 0; at = (at + 1) & mask) {
      if (this.slotHash[at] !== h || this.slotLength[at] !== length) continue;
      const id = this.slotId[at] - 1;
      if (length <= SHORT_NAME || sameBytes(this.qnames[id].bytes, b, s, e)) return id;
    }
    return this.newQname(b, s, e, h, what);
  }

  private newQname(b: Uint8Array, s: number, e: number, h: number, what: string): number {
    if (e === s) this.fail(`disallowed character in ${what}.`);
    const qname = utf8(b, s, e);
    if (b[s] < 128 ? NAME[b[s]] !== 1 : !XML_NAME.test(qname)) this.fail(`disallowed character in ${what}.`);
    if (!XML_NAME.test(qname)) this.fail(`disallowed character in ${what}.`);
    const colon = qname.indexOf(':');
    const prefix = colon < 0 ? '' : qname.slice(0, colon);
    const id = this.qnames.length;
    this.qnames.push({
      bytes: Uint8Array.prototype.slice.call(b, s, e),
      hash: h,
      qname,
      prefix,
      local: colon < 0 ? qname : qname.slice(colon + 1),
      declares: qname === 'xmlns' || prefix === 'xmlns',
      attrCode: this.h.attributeCode ? this.h.attributeCode(qname) : -1,
      scope: null,
      uri: '',
      code: -1,
    });
    if (e - s === 1) this.oneByteName[b[s]] = id + 1;
    if (2 * this.qnames.length > this.slotId.length) this.rehash(2 * this.slotId.length);
    else this.slot(id);
    return id;
  }

  private slot(id: number): void {
    const q = this.qnames[id];
    const mask = this.slotId.length - 1;
    let at = slotOf(q.hash, mask);
    while (this.slotId[at] !== 0) at = (at + 1) & mask;
    this.slotId[at] = id + 1;
    this.slotHash[at] = q.hash;
    this.slotLength[at] = q.bytes.length;
  }

  private rehash(size: number): void {
    this.slotId = new Int32Array(size);
    this.slotHash = new Int32Array(size);
    this.slotLength = new Int32Array(size);
    for (let id = 0; id < this.qnames.length; id++) this.slot(id);
  }

  private markup(b: Uint8Array, p: number, n: number): number {
    if (p + 1 >= n) {
      if (!this.final) throw INCOMPLETE;
      this.fail('unexpected end.');
    }
    const c = b[p + 1];
    if (c === SLASH) return this.closeTag(b, p, n);
    if (c === BANG) return this.bang(b, p, n);
    if (c === QMARK) return this.pi(b, p, n);
    return this.openTag(b, p, n);
  }

  private openTag(b: Uint8Array, p: number, n: number): number {
    const nameId = this.name(b, p + 1, n, 'tag name');
    if (this.closedRoot || (this.sawRoot && this.depth === 0)) this.fail('documents may contain only one root.');
    let i = this.nameStop;
    this.nAttr = 0;
    let declares = false;
    for (;;) {
      const ws = i;
      while (i < n && isS(b[i])) i++;
      if (i >= n) throw this.final ? this.fail('unexpected end.') : INCOMPLETE;
      const c = b[i];
      if (c === GT || c === SLASH) break;
      if (i === ws) this.fail(this.nAttr ? 'no whitespace between attributes.' : 'disallowed character in tag name.');
      const an = this.name(b, i, n, 'attribute name');
      i = this.nameStop;
      while (i < n && isS(b[i])) i++;
      if (i >= n) throw this.final ? this.fail('unexpected end.') : INCOMPLETE;
      if (b[i] !== EQ) this.fail('attribute without value.');
      i++;
      while (i < n && isS(b[i])) i++;
      if (i >= n) throw this.final ? this.fail('unexpected end.') : INCOMPLETE;
      const q = b[i];
      if (q !== QUOT && q !== APOS) this.fail('unquoted attribute value.');
      const vs = ++i;
      i = this.valueEnd(b, i, n, q);
      if (i >= n) throw this.final ? this.fail('unexpected end.') : INCOMPLETE;
      for (let k = 0; k < this.nAttr; k++) if (this.attrName[k] === an) this.fail(`duplicate attribute: ${this.qnames[an].qname}.`);
      const k = this.nAttr++;
      if (k === this.attrName.length) this.growAttrs();
      const qa = this.qnames[an];
      this.attrName[k] = an;
      this.attrCode[k] = qa.attrCode;
      this.attrStart[k] = vs;
      this.attrEnd[k] = i;
      this.attrPlain[k] = this.valuePlain ? 1 : 0;
      if (qa.declares) declares = true;
      i++;
    }
    let selfClosing = false;
    if (b[i] === SLASH) {
      if (i + 1 >= n) throw this.final ? this.fail('unexpected end.') : INCOMPLETE;
      if (b[i + 1] !== GT) this.fail('forward-slash in opening tag not followed by >.');
      selfClosing = true;
      i++;
    }
    // the whole tag is here: give it to the handler
    this.cur = b;
    const scope = declares ? this.declare(this.scopes[this.depth]) : this.scopes[this.depth];
    const qn = this.qnames[nameId];
    if (qn.scope !== scope) this.resolve(qn, scope);
    this.sawRoot = true;
    const d = this.depth++;
    this.stackName[d] = qn;
    this.stackUri[d] = qn.uri;
    this.stackCode[d] = qn.code;
    this.scopes[d + 1] = scope;
    const el = this.el;
    el.local = qn.local;
    el.uri = qn.uri;
    el.code = qn.code;
    el.scope = scope;
    this.h.open(el);
    this.nAttr = 0;
    if (selfClosing) this.pop();
    return i + 1;
  }

  private growAttrs(): void {
    const grow = <A extends Int32Array | Uint32Array | Uint8Array>(a: A): A => {
      const wider = new (a.constructor as new (n: number) => A)(2 * a.length);
      wider.set(a);
      return wider;
    };
    this.attrName = grow(this.attrName);
    this.attrCode = grow(this.attrCode);
    this.attrStart = grow(this.attrStart);
    this.attrEnd = grow(this.attrEnd);
    this.attrPlain = grow(this.attrPlain);
  }

  /** Scans an attribute value from b[i] to its closing quote `q`; returns the quote's index (n if not here). */
  private valueEnd(b: Uint8Array, i: number, n: number, q: number): number {
    let plain = true;
    for (; i < n; i++) {
      const k = VALUE_CLASS[b[i]];
      if (k === VALUE_PLAIN) continue;
      if (k === VALUE_QUOTE) {
        if (b[i] === q) break;
      } else if (k === VALUE_WIDE) plain = false;
      else if (k === VALUE_REF) {
        plain = false;
        i = this.entity(b, i, n);
      } else if (k === VALUE_SPACE) plain = false;
      else if (k === VALUE_EF) {
        plain = false;
        if (b[i + 1] === 0xbf && b[i + 2] >= 0xbe) this.fail('disallowed character.');
      } else this.fail('disallowed character.');
    }
    this.valuePlain = plain;
    return i;
  }

  /** The scope of the tag being handed over, whose attributes declare namespaces. */
  private declare(parent: Scope): Scope {
    const scope = new Map(parent);
    for (let k = 0; k < this.nAttr; k++) {
      const q = this.qnames[this.attrName[k]];
      if (q.qname === 'xmlns') scope.set('', this.attrValue(k));
      else if (q.prefix === 'xmlns') scope.set(q.local, this.attrValue(k));
    }
    return scope;
  }

  private resolve(qn: QName, scope: Scope): void {
    const uri = scope.get(qn.prefix);
    if (uri === undefined) this.fail(`undeclared prefix ${qn.prefix}`);
    qn.scope = scope;
    qn.uri = uri;
    qn.code = this.h.elementCode ? this.h.elementCode(qn.local, uri) : -1;
  }

  private pop(): void {
    const d = --this.depth;
    if (d === 0) this.closedRoot = true;
    this.h.close(this.stackName[d].local, this.stackUri[d], this.stackCode[d]);
  }

  private closeTag(b: Uint8Array, p: number, n: number): number {
    // a close tag nearly always names the element open last, '>' right after: compare its bytes first
    const top = this.depth ? this.stackName[this.depth - 1].bytes : null;
    if (top && this.namesAt(top, b, p + 2, n) && b[p + 2 + top.length] === GT) {
      this.pop();
      return p + 3 + top.length;
    }
    const ne = this.nameEnd(b, p + 2, n);
    let i = ne;
    while (i < n && isS(b[i])) i++;
    if (i >= n) throw this.final ? this.fail('unexpected end.') : INCOMPLETE;
    if (b[i] !== GT) this.fail('disallowed character in closing tag.');
    if (ne === p + 2) this.fail('weird empty close tag.');
    if (!top || !sameBytes(top, b, p + 2, ne)) {
      const id = this.qname(b, p + 2, ne, this.nameHash, 'closing tag');
      if (this.depth === 0) this.fail(`unmatched closing tag: ${this.qnames[id].qname}.`);
      this.fail('unexpected close tag.');
    }
    this.pop();
    return i + 1;
  }

  /** Whether the name at b[p] is `name`, whole (the byte after it ends a name). */
  private namesAt(name: Uint8Array, b: Uint8Array, p: number, n: number): boolean {
    const end = p + name.length;
    if (end >= n) return false;
    for (let k = 0; k < name.length; k++) if (b[p + k] !== name[k]) return false;
    const c = b[end];
    return c < 128 && !NAME[c];
  }

  /** Finds `end` (ASCII) from i; returns its index. */
  private find(b: Uint8Array, i: number, n: number, end: string): number {
    const e0 = end.charCodeAt(0);
    for (; i + end.length <= n; i++) {
      const c = b[i];
      if (c < SP && c !== LF && c !== TAB && c !== CR) this.fail('disallowed character.');
      if (c === 0xef && b[i + 1] === 0xbf && b[i + 2] >= 0xbe) this.fail('disallowed character.');
      if (c !== e0) continue;
      let k = 1;
      while (k < end.length && b[i + k] === end.charCodeAt(k)) k++;
      if (k === end.length) return i;
    }
    throw this.final ? this.fail('unexpected end.') : INCOMPLETE;
  }

  private startsWith(b: Uint8Array, p: number, n: number, s: string): boolean {
    for (let k = 0; k < s.length; k++) {
      if (p + k >= n) {
        if (!this.final) throw INCOMPLETE;
        return false;
      }
      if (b[p + k] !== s.charCodeAt(k)) return false;
    }
    return true;
  }

  private bang(b: Uint8Array, p: number, n: number): number {
    if (this.startsWith(b, p, n, '<!--')) {
      const e = this.find(b, p + 4, n, '--');
      if (b[e + 2] !== GT) {
        if (e + 2 >= n && !this.final) throw INCOMPLETE;
        this.fail('malformed comment.');
      }
      return e + 3;
    }
    if (this.startsWith(b, p, n, '<![CDATA[')) {
      if (this.depth === 0) this.fail('text data outside of root node.');
      const e = this.find(b, p + 9, n, ']]>');
      if (this.h.text && (!this.h.wantText || this.h.wantText())) {
        const s = utf8(b, p + 9, e);
        this.h.text(s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n'));
      }
      return e + 3;
    }
    if (this.startsWith(b, p, n, '<!DOCTYPE')) this.fail('a DOCTYPE is not allowed in a workbook part');
    this.fail('incorrect syntax.');
  }

  private pi(b: Uint8Array, p: number, n: number): number {
    const e = this.find(b, p + 2, n, '?>');
    const body = utf8(b, p + 2, e);
    const target = /^[^\s?]*/.exec(body)![0];
    if (!target) this.fail('processing instruction without a target.');
    if (target.toLowerCase() === 'xml') {
      if (target !== 'xml' || this.base + p !== this.declAt) this.fail('an XML declaration must be at the start of the document.');
      if (!/^xml\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*$/.test(body)) {
        this.fail('malformed XML declaration.');
      }
    } else if (!XML_NAME.test(target)) this.fail('disallowed character in processing instruction name.');
    return e + 2;
  }

  /** The value of attribute k of the tag being handed over, references resolved and white space normalised. */
  attrValue(k: number): string {
    const b = this.cur;
    const s = this.attrStart[k];
    const e = this.attrEnd[k];
    if (this.attrPlain[k]) return latin1(b, s, e);
    let v = utf8(b, s, e);
    if (/[\t\n\r]/.test(v)) v = v.replace(/\r\n|[\t\n\r]/g, ' ');
    return v.indexOf('&') < 0 ? v : expand(v);
  }

  /** Number(attrValue(k)), without a string when the value is a plain decimal. */
  attrNumber(k: number): number {
    if (this.attrPlain[k]) {
      const n = plainDecimal(this.cur, this.attrStart[k], this.attrEnd[k]);
      if (n === n) return n;
    }
    return Number(this.attrValue(k));
  }

  /** The index in `choices` (ASCII words) of attribute k's value, or -1. */
  attrChoice(k: number, choices: readonly string[]): number {
    if (!this.attrPlain[k]) return choices.indexOf(this.attrValue(k));
    const b = this.cur;
    const s = this.attrStart[k];
    const length = this.attrEnd[k] - s;
    next: for (let c = 0; c < choices.length; c++) {
      const word = choices[c];
      if (word.length !== length) continue;
      for (let j = 0; j < length; j++) if (b[s + j] !== word.charCodeAt(j)) continue next;
      return c;
    }
    return -1;
  }
}

/** Parses one part of the package as it inflates, with the byte tokenizer (same events as parsePart). */
export function parsePartBytes(zip: ZipArchive, name: string, h: ByteXmlHandler): void {
  const t = new Tokenizer(name, h);
  zip.stream(name, (chunk) => t.write(chunk));
  t.close();
  zip.parsed.add(zip.get(name)!.name);
}
