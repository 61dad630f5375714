/**
 * Puts Word comments on stretches of text of an existing .docx: word/comments.xml (made or added
 * to), commentRangeStart/End around the text and a commentReference run after it, runs split where
 * the stretch starts or ends inside one; the relationship and content type are added when missing.
 * Everything else of the file is kept byte for byte. Browser-safe (fflate + saxes).
 */
import { strFromU8, strToU8, zipSync, Zippable } from 'fflate';
import { DocxPart, OpenDocx, PART_PATH, ParagraphRef, openDocx, segmentsOf } from './docx-text';
import { XmlDocument, XmlElement, clone, el, parseXml, serializeXml } from './xml-dom';
import { xmlSafe } from '../core/records/xml-text';

export interface DocxComment {
  /** Index in readDocxParagraphs(bytes, { footnotes }) order. */
  paragraph: number;
  offset: number;
  length: number;
  text: string;
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';

const tText = (t: XmlElement) => t.children.map((x) => (x.type === 'text' || x.type === 'cdata' ? x.text : '')).join('');
const wt = (text: string, attrs: Record<string, string>) => el('w:t', { ...attrs, 'xml:space': 'preserve' }, text ? [{ type: 'text', text }] : []);

/** Splits the run holding position `pos` of the paragraph so that a run boundary falls there. */
function splitAt(ref: ParagraphRef, pos: number): void {
  const seg = ref.segments.find((s) => s.start < pos && pos < s.end);
  if (!seg || !seg.t) return; // already a boundary (or inside a tab, which is one character)
  const { run, parent, t } = seg;
  const k = pos - seg.start;
  const full = tText(t);
  const idx = run.children.indexOf(t);
  const rPr = run.children.find((c) => c.type === 'element' && c.name === 'w:rPr');
  const before = run.children.slice(0, idx);
  const after = run.children.slice(idx + 1);
  run.children = [...before, wt(full.slice(0, k), t.attrs)];
  const second = el('w:r', { ...run.attrs }, [...(rPr ? [clone(rPr)] : []), wt(full.slice(k), t.attrs), ...after]);
  delete second.attrs['w:rsidR'];
  parent.children.splice(parent.children.indexOf(run) + 1, 0, second);
  Object.assign(ref, segmentsOf(ref.p));
}

function mark(ref: ParagraphRef, start: number, end: number, id: number): boolean {
  splitAt(ref, start);
  splitAt(ref, end);
  const inside = ref.segments.filter((s) => s.start >= start && s.end <= end);
  if (!inside.length) return false;
  const first = inside[0];
  const last = inside[inside.length - 1];
  first.parent.children.splice(first.parent.children.indexOf(first.run), 0, el('w:commentRangeStart', { 'w:id': String(id) }));
  const at = last.parent.children.indexOf(last.run) + 1;
  last.parent.children.splice(at, 0, el('w:commentRangeEnd', { 'w:id': String(id) }), el('w:r', {}, [el('w:commentReference', { 'w:id': String(id) })]));
  return true;
}

function commentXml(id: number, text: string): XmlElement {
  const paragraphs = xmlSafe(text).split('\n');
  return el(
    'w:comment',
    { 'w:id': String(id), 'w:author': 'BaoCao', 'w:initials': 'BC' },
    paragraphs.map((line, i) => el('w:p', {}, [...(i === 0 ? [el('w:r', {}, [el('w:annotationRef')])] : []), el('w:r', {}, [wt(line, {})])])),
  );
}

function maxId(doc: XmlDocument | null): number {
  let max = -1;
  const visit = (n: XmlElement) => {
    if (/^w:(comment|commentRangeStart|commentRangeEnd|commentReference)$/.test(n.name)) max = Math.max(max, Number(n.attrs['w:id'] ?? -1));
    for (const c of n.children) if (c.type === 'element') visit(c);
  };
  if (doc) visit(doc.root);
  return max;
}

/** A copy of the .docx with a comment on each stretch. Comments whose stretch cannot be found are skipped. */
export function addDocxComments(bytes: Uint8Array, comments: DocxComment[], options: { footnotes?: boolean } = {}): { bytes: Uint8Array; placed: number } {
  const open: OpenDocx = openDocx(bytes, options);
  const files = open.files;
  const existing = files['word/comments.xml'] ? parseXml(strFromU8(files['word/comments.xml'])) : null;
  let id = Math.max(maxId(existing), ...Object.values(open.parts).map((d) => maxId(d ?? null))) + 1;
  const made: XmlElement[] = [];
  const touched = new Set<DocxPart>();
  // right to left within a paragraph, so earlier offsets stay valid
  const ordered = [...comments].sort((a, b) => a.paragraph - b.paragraph || b.offset - a.offset);
  for (const c of ordered) {
    const ref = open.paragraphs[c.paragraph];
    if (!ref) continue;
    if (!mark(ref, c.offset, c.offset + c.length, id)) continue;
    made.push(commentXml(id, c.text));
    touched.add(ref.part);
    id++;
  }
  if (!made.length) return { bytes, placed: 0 };
  made.sort((a, b) => Number(a.attrs['w:id']) - Number(b.attrs['w:id']));
  const commentsDoc = existing ?? { decl: null, root: el('w:comments', { 'xmlns:w': W_NS }) };
  commentsDoc.root.children.push(...made);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) out[name] = data;
  for (const part of touched) out[PART_PATH[part]] = strToU8(serializeXml(open.parts[part]!));
  out['word/comments.xml'] = strToU8(serializeXml(commentsDoc));
  {
    const relsPath = 'word/_rels/document.xml.rels';
    const rels = files[relsPath] ? parseXml(strFromU8(files[relsPath])) : { decl: null, root: el('Relationships', { xmlns: 'http://schemas.openxmlformats.org/package/2006/relationships' }) };
    const relEls = rels.root.children.filter((c): c is XmlElement => c.type === 'element');
    if (!relEls.some((r) => r.attrs.Type === COMMENTS_REL)) {
      const ids = new Set(relEls.map((r) => r.attrs.Id));
      let n = relEls.length + 1;
      while (ids.has(`rId${n}`)) n++;
      rels.root.children.push(el('Relationship', { Id: `rId${n}`, Type: COMMENTS_REL, Target: 'comments.xml' }));
      out[relsPath] = strToU8(serializeXml(rels));
    }
    const typesPath = '[Content_Types].xml';
    if (files[typesPath]) {
      const types = parseXml(strFromU8(files[typesPath]));
      const has = types.root.children.some((c) => c.type === 'element' && c.name === 'Override' && c.attrs.PartName === '/word/comments.xml');
      if (!has) {
        types.root.children.push(el('Override', { PartName: '/word/comments.xml', ContentType: COMMENTS_TYPE }));
        out[typesPath] = strToU8(serializeXml(types));
      }
    }
  }
  return { bytes: zipSync(out, { level: 6 }), placed: made.length };
}
