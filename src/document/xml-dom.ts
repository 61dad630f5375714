/**
 * A small XML tree for reading and editing the parts of a .docx: parsed with saxes, written back
 * with the same names, attributes (in order), text and declarations. Browser-safe (no Node API).
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  type: 'element';
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode =
  | XmlElement
  | { type: 'text'; text: string }
  | { type: 'cdata'; text: string }
  | { type: 'comment'; text: string }
  | { type: 'pi'; target: string; body: string };

export interface XmlDocument {
  /** The XML declaration as written, or null. */
  decl: string | null;
  root: XmlElement;
}

export class XmlError extends Error {}

export function parseXml(xml: string): XmlDocument {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let decl: string | null = null;
  let root: XmlElement | null = null;
  const stack: XmlElement[] = [];
  let failure: Error | null = null;
  const add = (n: XmlNode) => {
    const top = stack[stack.length - 1];
    if (top) top.children.push(n);
  };
  parser.on('xmldecl', (d) => {
    decl = `<?xml version="${d.version ?? '1.0'}"${d.encoding ? ` encoding="${d.encoding}"` : ''}${d.standalone ? ` standalone="${d.standalone}"` : ''}?>`;
  });
  parser.on('opentag', (tag) => {
    const el: XmlElement = { type: 'element', name: tag.name, attrs: { ...(tag.attributes as Record<string, string>) }, children: [] };
    if (stack.length) add(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (text) => {
    if (stack.length) add({ type: 'text', text });
  });
  parser.on('cdata', (text) => add({ type: 'cdata', text }));
  parser.on('comment', (text) => add({ type: 'comment', text }));
  parser.on('processinginstruction', (pi) => add({ type: 'pi', target: pi.target, body: pi.body }));
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.write(xml).close();
  if (failure) throw new XmlError((failure as Error).message);
  if (!root) throw new XmlError('no root element');
  return { decl, root };
}

const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) => escText(s).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

export function serializeNode(n: XmlNode): string {
  switch (n.type) {
    case 'text':
      return escText(n.text);
    case 'cdata':
      return `<![CDATA[${n.text}]]>`;
    case 'comment':
      return `<!--${n.text}-->`;
    case 'pi':
      return `<?${n.target}${n.body ? ` ${n.body}` : ''}?>`;
    default: {
      const attrs = Object.entries(n.attrs)
        .map(([k, v]) => ` ${k}="${escAttr(v)}"`)
        .join('');
      if (!n.children.length) return `<${n.name}${attrs}/>`;
      return `<${n.name}${attrs}>${n.children.map(serializeNode).join('')}</${n.name}>`;
    }
  }
}

export function serializeXml(doc: XmlDocument): string {
  return `${doc.decl ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'}\r\n${serializeNode(doc.root)}`;
}

export function el(name: string, attrs: Record<string, string> = {}, children: XmlNode[] = []): XmlElement {
  return { type: 'element', name, attrs, children };
}

export function textOf(n: XmlNode): string {
  if (n.type === 'text' || n.type === 'cdata') return n.text;
  if (n.type === 'element') return n.children.map(textOf).join('');
  return '';
}

export function clone<T extends XmlNode>(n: T): T {
  return JSON.parse(JSON.stringify(n)) as T;
}
