import { AlignmentType, LineRuleType, Paragraph, Table, TextRun } from 'docx';
import { AnnexModel } from '../core/report/annexes';
import { SIZE, halfPt, pt } from './layout';
import { TABLE_FONT_SIZE, gridTable } from './tables';

const centred = (text: string, run: { bold?: boolean; italics?: boolean }, extra: { pageBreakBefore?: boolean; after?: number } = {}) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: pt(extra.after ?? 0), line: 240, lineRule: LineRuleType.AUTO },
    indent: { firstLine: 0, left: 0, right: 0 },
    keepNext: true,
    keepLines: true,
    pageBreakBefore: extra.pageBreakBefore,
    children: [new TextRun({ text, size: halfPt(SIZE.body), ...run })],
  });

/**
 * An annex after the signature, as Decree 30 attaches one: from the top of a new page, "Phụ lục 1"
 * and its title in capitals (bold, centred), "(Kèm theo Báo cáo số … ngày … của …)" in italics, then
 * the list as a real Word table whose header row repeats on every page it runs onto.
 */
export function annexBlock(a: AnnexModel): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    centred(a.label, { bold: true }, { pageBreakBefore: true }),
    centred(a.title.toLocaleUpperCase('vi'), { bold: true }, { after: a.attachedTo ? 0 : 6 }),
  ];
  if (a.attachedTo) out.push(centred(a.attachedTo, { italics: true }, { after: 6 }));
  out.push(gridTable(a.columns, a.rows, { keepTogether: false }));
  if (a.note) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.LEFT,
        spacing: { before: pt(2), after: 0, line: 240, lineRule: LineRuleType.AUTO },
        indent: { firstLine: 0 },
        children: [new TextRun({ text: a.note, italics: true, size: halfPt(TABLE_FONT_SIZE) })],
      }),
    );
  }
  return out;
}
