import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { CELL_PADDING, halfPt, pt } from './layout';

export interface LineStyle {
  size: number;
  bold?: boolean;
  italics?: boolean;
  align?: 'center' | 'left' | 'justified';
  before?: number;
  after?: number;
  /** A marked blank the staff must still fill: highlighted yellow. */
  highlight?: boolean;
}

/** One line of the header or closing block: single spaced, no indent. */
export function line(text: string, s: LineStyle): Paragraph {
  return new Paragraph({
    alignment: s.align === 'left' ? AlignmentType.LEFT : s.align === 'justified' ? AlignmentType.JUSTIFIED : AlignmentType.CENTER,
    spacing: { before: pt(s.before ?? 0), after: pt(s.after ?? 0), line: 240, lineRule: LineRuleType.AUTO },
    indent: { firstLine: 0, left: 0, right: 0 },
    children: [new TextRun({ text, size: halfPt(s.size), bold: s.bold, italics: s.italics, ...(s.highlight ? { highlight: 'yellow' } : {}) })],
  });
}

/**
 * A horizontal rule `width` twips long, centred in a space `within` twips wide: the bottom border of a
 * 3-pt-high empty paragraph, indented from both sides, so it sits just under the line above it.
 */
export function rule(width: number, within: number): Paragraph {
  const side = Math.max(0, Math.round((within - width) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0, line: pt(3), lineRule: LineRuleType.EXACT },
    indent: { left: side, right: side, firstLine: 0 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, space: 1, color: '000000' } },
    run: { size: 2 },
    children: [],
  });
}

/** A borderless table laying blocks out side by side (the decree's two-column header and closing). */
export function layoutTable(columns: number[], rows: Paragraph[][][], indent = 0): Table {
  const width = columns.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    indent: { size: indent, type: WidthType.DXA },
    borders: TableBorders.NONE,
    margins: { left: CELL_PADDING, right: CELL_PADDING, top: 0, bottom: 0 },
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map(
            (children, i) =>
              new TableCell({
                width: { size: columns[i], type: WidthType.DXA },
                verticalAlign: VerticalAlign.TOP,
                children: children.length ? children : [new Paragraph({})],
              }),
          ),
        }),
    ),
  });
}

/** The width inside a layout-table cell of the given column width. */
export const cellInner = (column: number): number => column - 2 * CELL_PADDING;
