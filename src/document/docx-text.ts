/**
 * The paragraphs of a .docx as text: each w:p of the body (tables included) with the text of its
 * w:t in order (w:tab as a tab, w:br as a line break), then optionally the footnotes'. Browser-safe
 * (fflate + saxes, no Node API): the task pane reuses it.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { XmlDocument, XmlElement, XmlNode, parseXml } from './xml-dom';

export class DocxError extends Error {}

export type DocxPart = 'document' | 'footnotes';

export const PART_PATH: Record<DocxPart, string> = { document: 'word/document.xml', footnotes: 'word/footnotes.xml' };

export interface DocxParagraph {
  text: string;
  part: DocxPart;
}

/** Where each character of a paragraph's text comes from: a w:t (splittable) or a tab/break. */
export interface Segment {
  t: XmlElement | null;
  run: XmlElement;
  parent: XmlElement;
  start: number;
  end: number;
}

export interface ParagraphRef {
  p: XmlElement;
  part: DocxPart;
  text: string;
  segments: Segment[];
}

/** The segments of one w:p (nested paragraphs, as in text boxes, are their own). */
export function segmentsOf(p: XmlElement): { text: string; segments: Segment[] } {
  const segments: Segment[] = [];
  let text = '';
  const walk = (node: XmlElement) => {
    for (const c of node.children) {
      if (c.type !== 'element') continue;
      if (c.name === 'w:p' || c.name === 'mc:Fallback' || c.name === 'w:del' || c.name === 'w:moveFrom') continue;
      if (c.name === 'w:r') {
        for (const k of c.children) {
          if (k.type !== 'element') continue;
          let s: string | null = null;
          if (k.name === 'w:t') s = k.children.map((x) => (x.type === 'text' || x.type === 'cdata' ? x.text : '')).join('');
          else if (k.name === 'w:tab') s = '\t';
          else if (k.name === 'w:br' || k.name === 'w:cr') s = '\n';
          else if (k.name === 'w:noBreakHyphen') s = '-';
          if (s === null || !s.length) continue;
          segments.push({ t: k.name === 'w:t' ? k : null, run: c, parent: node, start: text.length, end: text.length + s.length });
          text += s;
        }
      } else walk(c);
    }
  };
  walk(p);
  return { text, segments };
}

function collectParagraphs(root: XmlElement, part: DocxPart, out: ParagraphRef[]): void {
  const visit = (node: XmlElement) => {
    for (const c of node.children) {
      if (c.type !== 'element') continue;
      if (c.name === 'mc:Fallback') continue;
      if (part === 'footnotes' && c.name === 'w:footnote' && /separator/i.test(c.attrs['w:type'] ?? '')) continue;
      if (c.name === 'w:p') {
        out.push({ p: c, part, ...segmentsOf(c) });
      }
      visit(c);
    }
  };
  visit(root);
}

export interface OpenDocx {
  files: Record<string, Uint8Array>;
  parts: Partial<Record<DocxPart, XmlDocument>>;
  paragraphs: ParagraphRef[];
}

/** Unzips and parses a .docx; throws DocxError with a short reason when it is not one. */
export function openDocx(bytes: Uint8Array, options: { footnotes?: boolean } = {}): OpenDocx {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    throw new DocxError(`not a zip archive (${(e as Error).message})`);
  }
  if (!files[PART_PATH.document]) throw new DocxError('no word/document.xml: not a Word document');
  const parts: Partial<Record<DocxPart, XmlDocument>> = {};
  const paragraphs: ParagraphRef[] = [];
  const wanted: DocxPart[] = options.footnotes === false ? ['document'] : ['document', 'footnotes'];
  for (const part of wanted) {
    const data = files[PART_PATH[part]];
    if (!data) continue;
    let doc: XmlDocument;
    try {
      doc = parseXml(strFromU8(data));
    } catch (e) {
      throw new DocxError(`${PART_PATH[part]}: ${(e as Error).message.split('\n')[0]}`);
    }
    parts[part] = doc;
    collectParagraphs(doc.root, part, paragraphs);
  }
  return { files, parts, paragraphs };
}

/** The paragraphs' text, body first, then the footnotes (unless `footnotes: false`). */
export function readDocxParagraphs(bytes: Uint8Array, options: { footnotes?: boolean } = {}): DocxParagraph[] {
  return openDocx(bytes, options).paragraphs.map((p) => ({ text: p.text, part: p.part }));
}

export type { XmlNode };
