import { PAGE_MM } from '../core/report/decree-layout';

/**
 * The decree's layout (src/core/report/decree-layout.ts) in the units Word stores: twips (1/20 pt) for
 * lengths, half-points for sizes; and the Word-only measures of the header and closing blocks.
 */
export const mm = (v: number): number => Math.round((v * 1440) / 25.4);
export const pt = (v: number): number => Math.round(v * 20);
export const halfPt = (v: number): number => Math.round(v * 2);

export { FONT, SIZE } from '../core/report/decree-layout';

export const PAGE = {
  width: mm(PAGE_MM.width),
  height: mm(PAGE_MM.height),
  top: mm(PAGE_MM.top),
  bottom: mm(PAGE_MM.bottom),
  left: mm(PAGE_MM.left),
  right: mm(PAGE_MM.right),
  /** Distance of the page-number header from the top edge: inside the 20 mm top margin. */
  header: mm(10),
  footer: mm(10),
};
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export const BODY = {
  firstLineIndent: mm(10),
  spaceAfter: pt(6),
  /** Line spacing in 240ths of a line: 1.15. */
  line: 276,
};

/**
 * The header block's two columns: the agency on the left, the national motto on the right. At 13 pt
 * the nation line needs ~96 mm and a city's "UBND THÀNH PHỐ …" ~66 mm, more than the 165 mm
 * between the margins, so the block reaches 7 mm into the left margin, as the usual templates do.
 */
export const HEADER_COLUMNS = [mm(72), mm(100)];
export const HEADER_INDENT = TEXT_WIDTH - mm(172);
/** The closing block: recipients on the left, the signature on the right. */
export const CLOSING_COLUMNS = [mm(80), TEXT_WIDTH - mm(80)];
/** Left and right padding of the borderless layout tables' cells. */
export const CELL_PADDING = mm(0.5);
