/**
 * A plain-text report as a new .docx, one Word paragraph per paragraph, with a comment on each
 * stretch given (the audit's disagreements). Browser-safe: the docx package packs to a Uint8Array.
 */
import { CommentRangeEnd, CommentRangeStart, CommentReference, Document, Packer, Paragraph, ParagraphChild, TextRun } from 'docx';
import { xmlSafe } from '../core/records/xml-text';
import { DocxComment } from './docx-comments';

export async function textDocxWithComments(paragraphs: string[], comments: DocxComment[]): Promise<Uint8Array> {
  const byParagraph = new Map<number, DocxComment[]>();
  comments.forEach((c) => byParagraph.set(c.paragraph, [...(byParagraph.get(c.paragraph) ?? []), c]));
  const ids = new Map<DocxComment, number>();
  comments.forEach((c, i) => ids.set(c, i));
  const children = paragraphs.map((text, pi) => {
    const list = (byParagraph.get(pi) ?? []).sort((a, b) => a.offset - b.offset);
    const runs: ParagraphChild[] = [];
    let at = 0;
    for (const c of list) {
      if (c.offset < at) continue; // overlapping stretches: the first one wins
      const id = ids.get(c)!;
      if (c.offset > at) runs.push(new TextRun(xmlSafe(text.slice(at, c.offset))));
      runs.push(new CommentRangeStart(id), new TextRun(xmlSafe(text.slice(c.offset, c.offset + c.length))), new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
      at = c.offset + c.length;
    }
    if (at < text.length || !runs.length) runs.push(new TextRun(xmlSafe(text.slice(at))));
    return new Paragraph({ children: runs });
  });
  const doc = new Document({
    creator: 'BaoCao',
    comments: {
      children: comments.map((c, i) => ({ id: i, author: 'BaoCao', initials: 'BC', children: xmlSafe(c.text).split('\n').map((l) => new Paragraph(l)) })),
    },
    sections: [{ children }],
  });
  return Packer.pack(doc, 'uint8array');
}
