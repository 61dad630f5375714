import { isUtf8 } from 'node:buffer';
import { ZipArchive } from './zip';
import { damaged } from './errors';
import { Element, NS, XmlHandler } from './xml';

/**
 * A SpreadsheetML tokenizer working on the inflated bytes themselves (issue 21): the worksheet and
 * shared-string parts are most of a workbook's XML, and a general parser that decodes every byte to
 * a string and every tag to objects is what bounded the read. It gives the same events as
 * `parsePart` (xml.ts, saxes) — elements with their namespace resolved by URI whatever the prefix,
 * text with entities, character references and CDATA resolved, line ends normalised — and refuses
 * what saxes refuses: malformed markup, undefined entities, characters XML forbids, bytes that are
 * not UTF-8, a DOCTYPE. Strings are made only for what the handler asks: element and attribute
 * names once per distinct name, attribute values on request, text only while `wantText()` says so.
 */
export interface ByteXmlHandler extends XmlHandler {
  /** Whether the text at this point is wanted (default: always). Unwanted text is checked, never decoded. */
  wantText?(): boolean;
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
const isS = (c: number) => c === SP || c === LF || c === TAB || c === CR;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };
const isXmlChar = (n: number) => n === 9 || n === 10 || n === 13 || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);

interface QName {
  bytes: Uint8Array;
  qname: string;
  prefix: string;
  local: string;
  /** The scope and URI this name resolved to last (names repeat within one scope). */
  scope: Scope | null;
  uri: string;
}

type Scope = Map<string, string>;
const ROOT_SCOPE: Scope = new Map([
  ['xml', NS.xml],
  ['', ''],
]);

/** Thrown inside a pass when a construct runs past the bytes received so far. */
const INCOMPLETE = Symbol('incomplete');

// the tokenizer's views are Buffers (see write), whose slice methods decode without a copy
type Slices = { latin1Slice(s: number, e: number): string; utf8Slice(s: number, e: number): string };
const latin1 = (b: Uint8Array, s: number, e: number) => (b as unknown as Slices).latin1Slice(s, e);
const utf8 = (b: Uint8Array, s: number, e: number) => (b as unknown as Slices).utf8Slice(s, e);
const view = (b: Uint8Array, offset: number, length: number) => Buffer.from(b.buffer, offset, length);

/** Resolves entity and character references in `s` (already checked by the scan). */
function expand(s: string): string {
  return s.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[^;&]+);/g, (_, e: string) =>
    e.charCodeAt(0) === HASH ? String.fromCodePoint(e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e],
  );
}

class ByteElement implements Element {
  local = '';
  uri = '';
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
  private readonly byHash = new Map<number, number[]>();
  nAttr = 0;
  attrName: number[] = [];
  private attrStart: number[] = [];
  private attrEnd: number[] = [];
  private attrPlain: boolean[] = [];
  private cur: Uint8Array = this.buf;

  private readonly stackName: number[] = [];
  private readonly stackUri: string[] = [];
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
    if (this.depth > 0) this.fail(`unclosed tag: ${this.qnames[this.stackName[this.depth - 1]].qname}`);
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
    try {
      while (p < n) p = b[p] === LT ? this.markup(b, p, n) : this.text(b, p, n);
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
    let amp = false;
    let cr = false;
    let wide = false;
    let blank = true;
    for (; i < n; i++) {
      const c = b[i];
      if (c === LT) break;
      if (c >= 0x80) {
        wide = true;
        blank = false;
        if (c === 0xef && b[i + 1] === 0xbf && b[i + 2] >= 0xbe) this.fail('disallowed character.');
      } else if (c < SP) {
        if (c === CR) cr = true;
        else if (c !== LF && c !== TAB) this.fail('disallowed character.');
      } else {
        if (c !== SP) blank = false;
        if (c === AMP) {
          amp = true;
          i = this.entity(b, i, n);
        } else if (c === RSQB && b[i + 1] === RSQB && b[i + 2] === GT) this.fail('the string "]]>" is disallowed in char data.');
      }
    }
    if (i === n && !this.final) throw INCOMPLETE;
    if (this.depth === 0) {
      if (!blank) this.fail('text data outside of root node.');
      return i;
    }
    if (this.h.text && (!this.h.wantText || this.h.wantText())) {
      let s = wide ? utf8(b, p, i) : latin1(b, p, i);
      if (cr) s = s.replace(/\r\n?/g, '\n');
      if (amp) s = expand(s);
      this.h.text(s);
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

  /** Scans a name at b[p]; returns its end. */
  private nameEnd(b: Uint8Array, p: number, n: number): number {
    let i = p;
    for (; i < n; i++) {
      const c = b[i];
      if (c < 128 ? !NAME[c] : false) break;
    }
    if (i === n && !this.final) throw INCOMPLETE;
    return i;
  }

  /** The interned qualified name of bytes b[s..e) (checked against the Name production). */
  private qname(b: Uint8Array, s: number, e: number, what: string): number {
    let h = e - s;
    for (let i = s; i < e; i++) h = (Math.imul(h, 31) + b[i]) | 0;
    let list = this.byHash.get(h);
    if (list) {
      outer: for (const id of list) {
        const q = this.qnames[id].bytes;
        if (q.length !== e - s) continue;
        for (let k = 0; k < q.length; k++) if (q[k] !== b[s + k]) continue outer;
        return id;
      }
    } else this.byHash.set(h, (list = []));
    if (e === s) this.fail(`disallowed character in ${what}.`);
    const qname = utf8(b, s, e);
    if (b[s] < 128 ? NAME[b[s]] !== 1 : !XML_NAME.test(qname)) this.fail(`disallowed character in ${what}.`);
    if (!XML_NAME.test(qname)) this.fail(`disallowed character in ${what}.`);
    const colon = qname.indexOf(':');
    const id = this.qnames.length;
    this.qnames.push({ bytes: Uint8Array.prototype.slice.call(b, s, e), qname, prefix: colon < 0 ? '' : qname.slice(0, colon), local: colon < 0 ? qname : qname.slice(colon + 1), scope: null, uri: '' });
    list.push(id);
    return id;
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
    const ne = this.nameEnd(b, p + 1, n);
    const nameId = this.qname(b, p + 1, ne, 'tag name');
    if (this.closedRoot || (this.sawRoot && this.depth === 0)) this.fail('documents may contain only one root.');
    let i = ne;
    this.nAttr = 0;
    let declares = false;
    for (;;) {
      const ws = i;
      while (i < n && isS(b[i])) i++;
      if (i >= n) throw this.final ? this.fail('unexpected end.') : INCOMPLETE;
      const c = b[i];
      if (c === GT || c === SLASH) break;
      if (i === ws) this.fail(this.nAttr ? 'no whitespace between attributes.' : 'disallowed character in tag name.');
      const ae = this.nameEnd(b, i, n);
      if (ae === i) this.fail('disallowed character in attribute name.');
      const an = this.qname(b, i, ae, 'attribute name');
      i = ae;
      while (i < n && isS(b[i])) i++;
      if (i >= n) throw this.final ? this.fail('unexpected end.') : INCOMPLETE;
      if (b[i] !== EQ) this.fail('attribute without value.');
      i++;
      while (i < n && isS(b[i])) i++;
      if (i >= n) throw this.final ? this.fail('unexpected end.') : INCOMPLETE;
      const q = b[i];
      if (q !== QUOT && q !== APOS) this.fail('unquoted attribute value.');
      const vs = ++i;
      let plain = true;
      for (; i < n; i++) {
        const v = b[i];
        if (v === q) break;
        if (v === LT) this.fail('disallowed character.');
        if (v === AMP) {
          plain = false;
          i = this.entity(b, i, n);
        } else if (v < SP) {
          if (v === CR || v === LF || v === TAB) plain = false;
          else this.fail('disallowed character.');
        } else if (v >= 0x80) {
          plain = false;
          if (v === 0xef && b[i + 1] === 0xbf && b[i + 2] >= 0xbe) this.fail('disallowed character.');
        }
      }
      if (i >= n) throw this.final ? this.fail('unexpected end.') : INCOMPLETE;
      for (let k = 0; k < this.nAttr; k++) if (this.attrName[k] === an) this.fail(`duplicate attribute: ${this.qnames[an].qname}.`);
      const k = this.nAttr++;
      this.attrName[k] = an;
      this.attrStart[k] = vs;
      this.attrEnd[k] = i;
      this.attrPlain[k] = plain;
      if (this.qnames[an].bytes[0] === 120 && (this.qnames[an].qname === 'xmlns' || this.qnames[an].prefix === 'xmlns')) declares = true;
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
    let scope = this.scopes[this.depth];
    if (declares) {
      scope = new Map(scope);
      for (let k = 0; k < this.nAttr; k++) {
        const q = this.qnames[this.attrName[k]];
        if (q.qname === 'xmlns') scope.set('', this.attrValue(k));
        else if (q.prefix === 'xmlns') scope.set(q.local, this.attrValue(k));
      }
    }
    const qn = this.qnames[nameId];
    if (qn.scope !== scope) {
      const uri = scope.get(qn.prefix);
      if (uri === undefined) this.fail(`undeclared prefix ${qn.prefix}`);
      qn.scope = scope;
      qn.uri = uri;
    }
    this.sawRoot = true;
    const d = this.depth++;
    this.stackName[d] = nameId;
    this.stackUri[d] = qn.uri;
    this.scopes[d + 1] = scope;
    const el = this.el;
    el.local = qn.local;
    el.uri = qn.uri;
    el.scope = scope;
    this.cur = b;
    this.h.open(el);
    this.nAttr = 0;
    if (selfClosing) this.pop();
    return i + 1;
  }

  private pop(): void {
    const d = --this.depth;
    if (d === 0) this.closedRoot = true;
    this.h.close(this.qnames[this.stackName[d]].local, this.stackUri[d]);
  }

  private closeTag(b: Uint8Array, p: number, n: number): number {
    const ne = this.nameEnd(b, p + 2, n);
    let i = ne;
    while (i < n && isS(b[i])) i++;
    if (i >= n) throw this.final ? this.fail('unexpected end.') : INCOMPLETE;
    if (b[i] !== GT) this.fail('disallowed character in closing tag.');
    if (ne === p + 2) this.fail('weird empty close tag.');
    // the name of the element open last, compared byte by byte (a close tag nearly always matches it)
    const top = this.depth ? this.qnames[this.stackName[this.depth - 1]].bytes : null;
    let same = !!top && top.length === ne - p - 2;
    for (let k = 0; same && k < top!.length; k++) same = top![k] === b[p + 2 + k];
    if (!same) {
      const id = this.qname(b, p + 2, ne, 'closing tag');
      if (this.depth === 0) this.fail(`unmatched closing tag: ${this.qnames[id].qname}.`);
      this.fail('unexpected close tag.');
    }
    this.pop();
    return i + 1;
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
}

/** Parses one part of the package as it inflates, with the byte tokenizer (same events as parsePart). */
export function parsePartBytes(zip: ZipArchive, name: string, h: ByteXmlHandler): void {
  const t = new Tokenizer(name, h);
  zip.stream(name, (chunk) => t.write(chunk));
  t.close();
  zip.parsed.add(zip.get(name)!.name);
}
