import { Paragraph, Table } from 'docx';
import { ReportModel } from '../core/report/report';
import { line, layoutTable, rule, cellInner } from './blocks';
import { HEADER_COLUMNS, HEADER_INDENT, SIZE, TEXT_WIDTH } from './layout';
import { boldTextWidth } from '../core/report/text-width';

/** Width a bold line takes in a space: its own width, or the space when it wraps. */
const shownWidth = (text: string, size: number, within: number) => Math.min(boldTextWidth(text, size), within);

/**
 * The header block: agency on the left, national motto on the right, then the number and the
 * place-and-date line on one row so they share a baseline, as in the decree's sample.
 */
export function headerBlock(h: ReportModel['header']): Table {
  const [leftW, rightW] = HEADER_COLUMNS.map(cellInner);
  const left: Paragraph[] = [];
  if (h.parentAgency) left.push(line(h.parentAgency, { size: SIZE.parentAgency }));
  if (h.agency) {
    left.push(line(h.agency, { size: SIZE.agency, bold: true }));
    // Decree 30: a rule 1/3 to 1/2 as long as the agency's name, centred under it.
    left.push(rule(Math.round(shownWidth(h.agency, SIZE.agency, leftW) * 0.4), leftW));
  }
  const right: Paragraph[] = [
    line(h.nation, { size: SIZE.nation, bold: true }),
    line(h.motto, { size: SIZE.motto, bold: true }),
    // Decree 30: a rule as long as the motto.
    rule(shownWidth(h.motto, SIZE.motto, rightW), rightW),
  ];
  return layoutTable(HEADER_COLUMNS, [
    [left, right],
    [[line(h.docNumber, { size: SIZE.docNumber, before: 6 })], [line(h.placeDate, { size: SIZE.placeDate, italics: true, before: 6 })]],
  ], HEADER_INDENT);
}

/** "BÁO CÁO", the subject line and the short rule under the subject. */
export function titleBlock(model: ReportModel): Paragraph[] {
  const out = [line(model.title, { size: SIZE.title, bold: true, before: 18 })];
  if (model.subject) {
    out.push(line(model.subject, { size: SIZE.subject, bold: true }));
    out.push(rule(Math.round(shownWidth(model.subject, SIZE.subject, TEXT_WIDTH) * 0.4), TEXT_WIDTH));
  }
  out.push(line('', { size: SIZE.body, after: 6 }));
  return out;
}

/** "DỰ THẢO" and the line on the rows left out, above the header, when the model marks a draft. */
export function draftBlock(model: ReportModel): Paragraph[] {
  if (!model.draft) return [];
  return [line(model.draft.mark, { size: SIZE.title, bold: true }), line(model.draft.note, { size: SIZE.docNumber, italics: true, after: 6 })];
}
