import { AlignmentType, Document, LineRuleType, Header, Packer, PageNumber, PageOrientation, Paragraph, TextRun } from 'docx';
import { FigureImage, figureBlock, renderFigures } from './figures';
import { Rasterize } from './rasterize';
import { ReportModel } from '../core/report/report';
import { deepXmlSafe } from '../core/records/xml-text';
import { bodyBlocks, footnoteContent } from './body';
import { closingBlock } from './closing';
import { annexBlock } from './annexes';
import { draftBlock, headerBlock, titleBlock } from './front-matter';
import { FONT, PAGE, SIZE, halfPt } from './layout';

const LANGUAGE = { vi: 'vi-VN', en: 'en-US' } as const;

/** Page numbers centred at the top; the section's titlePage keeps them off page 1. */
function pageNumberHeader(): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPt(SIZE.pageNumber) })] })],
  });
}

/** Word needs a paragraph after a final table: a 2-pt one, so it cannot spill onto a page of its own. */
function endMark(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: 40, lineRule: LineRuleType.EXACT }, run: { size: 2 }, children: [] });
}

/** The report as an official Word document (Nghị định 30/2020/NĐ-CP, Phụ lục I). Runs in Node and in the browser. */
export function reportDocument(model: ReportModel, figures: Map<unknown, FigureImage> = new Map()): Document {
  const language = { value: LANGUAGE[model.lang], eastAsia: LANGUAGE[model.lang], bidirectional: LANGUAGE[model.lang] };
  const font = { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT };
  return new Document({
    title: model.subject ? `${model.title} ${model.subject}` : model.title,
    creator: model.header.agency || 'BaoCao',
    description: 'BaoCao',
    styles: {
      default: {
        document: { run: { font, size: halfPt(SIZE.body), language }, paragraph: { spacing: { before: 0, after: 0 } } },
        footnoteText: { run: { font, size: halfPt(SIZE.footnote) }, paragraph: { spacing: { before: 0, after: 0, line: 240 } } },
        footnoteReference: { run: { superScript: true } },
      },
    },
    // Text staff add in Word takes the theme's fonts: Times New Roman too.
    theme: { fonts: { headings: FONT, body: FONT } },
    footnotes: footnoteContent(model.footnotes),
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: PAGE.header, footer: PAGE.footer, gutter: 0 },
          },
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({})] }) },
        children: [...draftBlock(model), headerBlock(model.header), ...titleBlock(model), ...bodyBlocks(model.blocks, (b) => figureBlock(b, figures.get(b.chart)), model.blanks), closingBlock(model), ...model.annexes.flatMap(annexBlock), endMark()],
      },
    ],
  });
}

/**
 * The .docx file's bytes. `uint8array` output exists in both Node and browsers (no Buffer, no Blob).
 * `rasterize` draws each chart's PNG fallback (Node: src/node/chart-raster.ts; the pane fetches the
 * same resvg module); null leaves the charts out, for callers that only want the text.
 */
export async function buildDocx(model: ReportModel, rasterize: Rasterize | null): Promise<Uint8Array> {
  const safe = deepXmlSafe(model);
  const figures = rasterize ? await renderFigures(safe, rasterize) : new Map<unknown, FigureImage>();
  return Packer.pack(reportDocument(safe, figures), 'uint8array');
}
