import { SaxesParser } from 'saxes';
import { ZipArchive } from './zip';
import { damaged } from './errors';

/**
 * Streaming XML over a zip part, with every element and attribute namespace resolved by URI
 * (never by prefix, so `<x:c>` and `<c>` are the same cell when both map to SpreadsheetML).
 * saxes is a conforming XML parser: entities, character references, CDATA and well-formedness
 * are its job. A DOCTYPE is refused: OOXML parts never have one, and refusing it means no
 * entity is ever defined, expanded or fetched.
 */
export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  mainStrict: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  relStrict: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
  extProps: 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties',
  extPropsStrict: 'http://purl.oclc.org/ooxml/officeDocument/extendedProperties',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

/** SpreadsheetML main namespace, transitional or Strict. */
export const isMain = (uri: string) => uri === NS.main || uri === NS.mainStrict;
export const isRelNs = (uri: string) => uri === NS.rel || uri === NS.relStrict;

export interface Element {
  /** Local name. */
  local: string;
  /** Namespace URI ('' for none). */
  uri: string;
  /** Attributes by qualified name, as written. */
  attrs: Record<string, string>;
  /** Resolves an attribute: unprefixed when `uri` is '', else any prefix bound to `uri` (or to one of `uris`). */
  attr(local: string, uri?: string | ((u: string) => boolean)): string | undefined;
}

export interface XmlHandler {
  open(el: Element): void;
  close(local: string, uri: string): void;
  /** Character data (text, entities resolved, CDATA included). */
  text?(s: string): void;
}

type Scope = Map<string, string>;
const ROOT_SCOPE: Scope = new Map([
  ['xml', NS.xml],
  ['', ''],
]);

class El implements Element {
  local = '';
  uri = '';
  attrs: Record<string, string> = {};
  scope: Scope = ROOT_SCOPE;
  attr(local: string, uri?: string | ((u: string) => boolean)): string | undefined {
    if (!uri) return this.attrs[local];
    for (const k in this.attrs) {
      const i = k.indexOf(':');
      if (i < 0 || k.slice(i + 1) !== local) continue;
      const u = this.scope.get(k.slice(0, i));
      if (u !== undefined && (typeof uri === 'string' ? u === uri : uri(u))) return this.attrs[k];
    }
    return undefined;
  }
}

/** Parses one part of the package as it inflates. */
export function parsePart(zip: ZipArchive, name: string, h: XmlHandler): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const scopes: Scope[] = [ROOT_SCOPE];
  const stack: { local: string; uri: string }[] = [];
  const el = new El();
  parser.on('opentag', (tag) => {
    let scope = scopes[scopes.length - 1];
    const attrs = tag.attributes as Record<string, string>;
    for (const k in attrs) {
      if (k.charCodeAt(0) === 120 && (k === 'xmlns' || k.startsWith('xmlns:'))) {
        if (scope === scopes[scopes.length - 1]) scope = new Map(scope);
        scope.set(k === 'xmlns' ? '' : k.slice(6), attrs[k]);
      }
    }
    scopes.push(scope);
    const qn = tag.name;
    const i = qn.indexOf(':');
    const prefix = i < 0 ? '' : qn.slice(0, i);
    const uri = scope.get(prefix);
    if (uri === undefined) throw damaged(`${name}: undeclared prefix ${prefix}`);
    el.local = i < 0 ? qn : qn.slice(i + 1);
    el.uri = uri;
    el.attrs = attrs;
    el.scope = scope;
    stack.push({ local: el.local, uri });
    h.open(el);
  });
  parser.on('closetag', () => {
    const top = stack.pop()!;
    scopes.pop();
    h.close(top.local, top.uri);
  });
  if (h.text) {
    const text = h.text.bind(h);
    parser.on('text', text);
    parser.on('cdata', text);
  }
  parser.on('doctype', () => {
    throw damaged(`${name}: a DOCTYPE is not allowed in a workbook part`);
  });
  parser.on('error', (e) => {
    throw damaged(`${name}: ${e.message.split('\n')[0]}`);
  });
  // Bytes that are not UTF-8 are damage, never replaced silently: a copy of the part would keep them.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  const decode = (chunk?: Uint8Array) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw damaged(`${name}: not UTF-8 (bytes ${offset}–${offset + (chunk?.length ?? 0)})`);
    }
  };
  zip.stream(name, (chunk) => {
    const s = decode(chunk);
    offset += chunk.length;
    if (s) parser.write(s);
  });
  const rest = decode();
  if (rest) parser.write(rest);
  parser.close();
  zip.parsed.add(zip.get(name)!.name);
}

/** Decodes OOXML's `_xHHHH_` escapes (ST_Xstring). */
export function unescapeOoxml(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}
