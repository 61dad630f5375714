import { AlignmentType, FootnoteReferenceRun, LineRuleType, Paragraph, ParagraphChild, Table, TextRun } from 'docx';
import { Block, Footnote, isBlankLine } from '../core/report/report';
import { Inline } from '../core/report/narrative';
import { BODY, SIZE, halfPt } from './layout';
import { tableBlock } from './tables';

const bodySpacing = { before: 0, after: BODY.spaceAfter, line: BODY.line, lineRule: LineRuleType.AUTO };

/** Text runs for `text`, with its line breaks kept as breaks. */
function textRuns(text: string, style: { bold?: boolean; italics?: boolean; highlight?: 'yellow' } = {}): TextRun[] {
  return text.split(/\r?\n/).map((part, i) => new TextRun({ text: part, break: i > 0 ? 1 : undefined, ...style }));
}

function inlineRuns(inlines: Inline[]): ParagraphChild[] {
  return inlines.flatMap((i) => (i.kind === 'text' ? textRuns(i.text) : [new FootnoteReferenceRun(i.id)]));
}

/** Headings: I. bold upper case, 1. bold, (1) bold italic; kept with the paragraph after them. */
function heading(b: Extract<Block, { kind: 'heading' }>, blank: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: bodySpacing,
    indent: { firstLine: BODY.firstLineIndent },
    keepNext: true,
    keepLines: true,
    outlineLevel: Math.max(0, Math.min(8, b.level - 1)),
    children: textRuns(b.text, { bold: true, italics: b.level >= 3, ...(blank ? { highlight: 'yellow' as const } : {}) }),
  });
}

function bodyParagraph(children: ParagraphChild[], keepNext: boolean): Paragraph {
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: bodySpacing, indent: { firstLine: BODY.firstLineIndent }, keepNext, children });
}

/**
 * The body; its last paragraph is kept on the page of the signature, which never stands alone.
 * `blanks`: the lines the staff must still fill (ReportModel.blanks), highlighted.
 */
export function bodyBlocks(blocks: Block[], figure: (b: Extract<Block, { kind: 'figure' }>) => Paragraph[] = () => [], blanks: string[] = []): (Paragraph | Table)[] {
  return blocks.flatMap((b, i): (Paragraph | Table)[] => {
    if (b.kind === 'heading') return [heading(b, isBlankLine(blanks, b.text))];
    if (b.kind === 'figure') return figure(b);
    if (b.kind === 'table') return tableBlock(b);
    // a marked blank the staff must still fill stands out: highlighted, as drafts mark their gaps
    if (b.placeholder) return [bodyParagraph(b.inlines.flatMap((x) => (x.kind === 'text' ? textRuns(x.text, { highlight: 'yellow' }) : [])), i === blocks.length - 1)];
    return [bodyParagraph(inlineRuns(b.inlines), i === blocks.length - 1)];
  });
}

/** The document's footnotes option: real Word footnotes, numbered as the model numbers them. */
export function footnoteContent(notes: Footnote[]): Record<string, { children: Paragraph[] }> {
  const out: Record<string, { children: Paragraph[] }> = {};
  for (const n of notes) {
    out[String(n.id)] = {
      children: [
        new Paragraph({
          style: 'FootnoteText',
          alignment: AlignmentType.JUSTIFIED,
          spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
          children: [new TextRun({ text: ` ${n.text}`, size: halfPt(SIZE.footnote) })],
        }),
      ],
    };
  }
  return out;
}
