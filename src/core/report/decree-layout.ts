/**
 * The layout of Nghị định 30/2020/NĐ-CP, Phụ lục I (the national administrative document), in
 * millimetres and points: the one source for the Word writer and the summary sheet's plan.
 */
export const FONT = 'Times New Roman';

/** A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm. */
export const PAGE_MM = { width: 210, height: 297, top: 20, bottom: 20, left: 30, right: 15 };

/** Type sizes in points, per element of the decree's sample ("Mẫu 1.3 – Văn bản có tên loại"). */
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

/** A chart in the Word report: 150 mm wide (the text is 165 mm), as tall as its kind needs, in points. */
export const WORD_FIGURE = { widthMm: 150, heightPt: { bar: 215, column: 215, stacked: 120 } } as const;
/**
 * A chart on the summary sheet, across columns A–F, as tall as its kind needs, in points. It is
 * sized apart from the Word figure (the sheet's chart fills a row whose height Excel caps at 409 pt,
 * and the sheet is not the Word page), but kept beside it so that the two are changed together.
 */
export const SHEET_FIGURE = { heightPt: { bar: 230, column: 230, stacked: 130 } } as const;
