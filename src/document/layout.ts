/**
 * The page and type sizes of Nghị định 30/2020/NĐ-CP, Phụ lục I (the national administrative
 * document layout), in the units Word stores: twips (1/20 pt) for lengths, half-points for sizes.
 */
export const mm = (v: number): number => Math.round((v * 1440) / 25.4);
export const pt = (v: number): number => Math.round(v * 20);
export const halfPt = (v: number): number => Math.round(v * 2);

export const FONT = 'Times New Roman';

export const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(20),
  bottom: mm(20),
  left: mm(30),
  right: mm(15),
  /** Distance of the page-number header from the top edge: inside the 20 mm top margin. */
  header: mm(10),
  footer: mm(10),
};
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/** Sizes in points, per element of the decree's sample ("Mẫu 1.3 – Văn bản có tên loại"). */
export const SIZE = {
  parentAgency: 13,
  agency: 13,
  docNumber: 13,
  nation: 13,
  motto: 14,
  placeDate: 14,
  title: 14,
  subject: 14,
  body: 14,
  footnote: 11,
  pageNumber: 14,
  recipientsHeading: 12,
  recipients: 11,
  signature: 14,
};

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
