import { AlignmentType, BorderStyle, HeightRule, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { Block } from '../core/report/report';
import { TableColumn, TableRow as RowModel } from '../core/report/tables';
import { TEXT_WIDTH, halfPt, mm, pt } from './layout';

/** Cells in 12 pt (the decree allows 12–13 for tables; the body is 14). */
export const TABLE_FONT_SIZE = 12;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;
const cellSpacing = { before: pt(2), after: pt(2), line: 240, lineRule: LineRuleType.AUTO };

/** The columns' widths in twips: their shares of the text width, the last one taking what rounding left. */
export function columnWidths(columns: TableColumn[], width = TEXT_WIDTH): number[] {
  const out = columns.map((c) => Math.round(c.width * width));
  out[out.length - 1] += width - out.reduce((a, b) => a + b, 0);
  return out;
}

function cellParagraph(text: string, align: keyof typeof ALIGN, run: { bold?: boolean; italics?: boolean }, keepNext: boolean): Paragraph {
  return new Paragraph({
    alignment: ALIGN[align],
    spacing: cellSpacing,
    indent: { firstLine: 0, left: 0, right: 0 },
    keepNext,
    keepLines: true,
    children: [new TextRun({ text, size: halfPt(TABLE_FONT_SIZE), ...run })],
  });
}

/**
 * A table of figures in the decree's style: its caption ("Bảng 1. …", bold, centred) above it and kept
 * with it, the unit line right-aligned in italics, single black borders on every cell, the header
 * row bold and centred and repeated on each page, numbers right-aligned, text left, as wide as the
 * text. Its rows are kept together (the tables are short), and with the caption.
 */
export function tableBlock(b: Extract<Block, { kind: 'table' }>): (Paragraph | Table)[] {
  const t = b.table;
  const out: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: pt(6), after: pt(t.unit ? 0 : 3), line: 240, lineRule: LineRuleType.AUTO },
      indent: { firstLine: 0 },
      keepNext: true,
      keepLines: true,
      children: [new TextRun({ text: b.caption, bold: true, size: halfPt(13) })],
    }),
  ];
  if (t.unit) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { before: 0, after: pt(3), line: 240, lineRule: LineRuleType.AUTO },
        indent: { firstLine: 0 },
        keepNext: true,
        children: [new TextRun({ text: t.unit, italics: true, size: halfPt(TABLE_FONT_SIZE) })],
      }),
    );
  }
  out.push(gridTable(t.columns, t.rows, { keepTogether: true, keepLast: !!t.note }));
  if (t.note) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.LEFT,
        spacing: { before: pt(2), after: pt(6), line: 240, lineRule: LineRuleType.AUTO },
        indent: { firstLine: 0 },
        children: [new TextRun({ text: t.note, italics: true, size: halfPt(TABLE_FONT_SIZE) })],
      }),
    );
  } else {
    // a little air between the table and the next paragraph
    out.push(new Paragraph({ spacing: { before: 0, after: 0, line: pt(6), lineRule: LineRuleType.EXACT }, indent: { firstLine: 0 }, run: { size: 2 }, children: [] }));
  }
  return out;
}

/**
 * The bordered table itself: single black borders, the header row bold, centred, repeated on each
 * page; a part's heading row (`group`) one bold cell across; each row kept on one page. With
 * `keepTogether` every row is kept with the next (a short table of figures); otherwise (a long
 * list) the header, a part's heading and the two rows before a total are kept with the row after them.
 */
/**
 * Whether row `i` is kept on the page of the row after it: every row of a short table; in a long
 * list the two rows before a total (bold), so that a total never stands alone under a repeated header.
 */
function keepsNext(rows: RowModel[], i: number, opts: { keepTogether: boolean; keepLast?: boolean }): boolean {
  if (opts.keepTogether) return i < rows.length - 1 || !!opts.keepLast;
  return !!(rows[i + 1]?.bold || (rows[i + 2]?.bold && !rows[i + 1]?.group));
}

export function gridTable(columns: TableColumn[], rows: RowModel[], opts: { keepTogether: boolean; keepLast?: boolean }): Table {
  const widths = columnWidths(columns);
  const row = (cells: string[], header: boolean, keepNext: boolean, run: { bold?: boolean; italics?: boolean }) =>
    new TableRow({
      tableHeader: header || undefined,
      cantSplit: true,
      height: header ? { value: pt(18), rule: HeightRule.ATLEAST } : undefined,
      children: cells.map(
        (text, i) =>
          new TableCell({
            width: { size: widths[i], type: WidthType.DXA },
            verticalAlign: header ? VerticalAlign.CENTER : VerticalAlign.TOP,
            children: [cellParagraph(text, header ? 'center' : columns[i].align, run, keepNext)],
          }),
      ),
    });
  const groupRow = (text: string) =>
    new TableRow({
      cantSplit: true,
      children: [
        new TableCell({
          width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
          columnSpan: columns.length,
          verticalAlign: VerticalAlign.TOP,
          children: [cellParagraph(text, 'left', { bold: true }, true)],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    margins: { left: mm(1.5), right: mm(1.5), top: 0, bottom: 0 },
    rows: [
      row(
        columns.map((c) => c.header),
        true,
        true,
        { bold: true },
      ),
      ...rows.map((r, i) => (r.group ? groupRow(r.cells[0]) : row(r.cells, false, keepsNext(rows, i, opts), { bold: r.bold, italics: r.sub }))),
    ],
  });
}
