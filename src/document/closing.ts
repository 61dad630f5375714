import { Paragraph, Table } from 'docx';
import { isBlankLine, ReportModel } from '../core/report/report';
import { layoutTable, line } from './blocks';
import { CLOSING_COLUMNS, SIZE } from './layout';

/** Blank lines left between the signer's title and name for the signature and the seal. */
const SIGNATURE_SPACE_LINES = 4;

/** "Nơi nhận:" and its list on the left, the signature block on the right, never split over two pages. */
export function closingBlock(model: ReportModel): Table {
  const recipients = [
    line(model.recipients.heading, { size: SIZE.recipientsHeading, bold: true, italics: true, align: 'left', before: 6 }),
    ...model.recipients.items.map((r) => line(r, { size: SIZE.recipients, align: 'left' })),
  ];
  const blank = (text: string) => isBlankLine(model.blanks, text);
  const signature = model.signature.lines.map((l, i) => line(l, { size: SIZE.signature, bold: true, before: i === 0 ? 6 : 0, highlight: blank(l) }));
  if (model.signature.name) {
    for (let i = 0; i < SIGNATURE_SPACE_LINES; i++) signature.push(line('', { size: SIZE.signature }));
    signature.push(line(model.signature.name, { size: SIZE.signature, bold: true, highlight: blank(model.signature.name) }));
  }
  return layoutTable(CLOSING_COLUMNS, [[recipients, signature]]);
}
