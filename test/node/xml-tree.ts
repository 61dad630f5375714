// A strict XML parse (saxes, namespaces on) into a small tree, for checking the parts BaoCao writes.
import { SaxesParser } from 'saxes';

export interface XmlNode {
  /** Qualified name as written (c:barChart). */
  name: string;
  /** Namespace URI and local name. */
  uri: string;
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** Parses `xml`, throwing on anything not well-formed or namespace-invalid. */
export function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const root: XmlNode = { name: '#document', uri: '', local: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  let error: Error | null = null;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (t) => {
    const attrs: Record<string, string> = {};
    for (const [k, a] of Object.entries(t.attributes)) attrs[k] = typeof a === 'string' ? a : a.value;
    const node: XmlNode = { name: t.name, uri: t.uri ?? '', local: t.local ?? t.name, attrs, children: [], text: '' };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('text', (s) => (stack[stack.length - 1].text += s));
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  if (error) throw error;
  if (root.children.length !== 1) throw new Error('not one root element');
  return root.children[0];
}

/** Every descendant (depth first) with this qualified name. */
export function findAll(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

export function find(node: XmlNode, name: string): XmlNode | undefined {
  return findAll(node, name)[0];
}

/** The child elements' names, in order. */
export const childNames = (node: XmlNode): string[] => node.children.map((c) => c.name);
