import { AlignmentType, ImageRun, LineRuleType, Paragraph, TextRun } from 'docx';
import { ChartModel } from '../core/report/charts';
import { WORD_FIGURE } from '../core/report/decree-layout';
import { Block, ReportModel } from '../core/report/report';
import { chartSvg } from './chart-svg';
import { Rasterize } from './rasterize';
import { SIZE, halfPt, pt } from './layout';

/** Figures take the size core decides (WORD_FIGURE); their PNG fallback is drawn at 200 dpi of it (sharp in print, and quick to draw). */
export const FIGURE_WIDTH_PT = (WORD_FIGURE.widthMm / 25.4) * 72;
export const FIGURE_DPI = 200;
const px = (points: number) => Math.round((points * 96) / 72);
/** The PNG's width: at least FIGURE_DPI over the width the picture is given in the document. */
export const FIGURE_WIDTH_PX = Math.ceil((px(FIGURE_WIDTH_PT) / 96) * FIGURE_DPI);
const HEIGHT_PT = WORD_FIGURE.heightPt;

export interface FigureImage {
  svg: string;
  png: Uint8Array;
  widthPt: number;
  heightPt: number;
}

/** Each chart of the model drawn once: SVG for Word, PNG for what cannot show SVG. */
export async function renderFigures(model: ReportModel, rasterize: Rasterize): Promise<Map<ChartModel, FigureImage>> {
  // drawn side by side where the rasteriser can (the native one renders off the main thread)
  const figures = model.blocks.flatMap((b) => (b.kind === 'figure' ? [b] : []));
  const images = await Promise.all(
    figures.map(async (b) => {
      const heightPt = HEIGHT_PT[b.chart.type];
      const svg = chartSvg(b.chart, model.lang, FIGURE_WIDTH_PT, heightPt);
      const png = await rasterize(svg, FIGURE_WIDTH_PX);
      return [b.chart, { svg, png, widthPt: FIGURE_WIDTH_PT, heightPt }] as const;
    }),
  );
  return new Map(images);
}


/** The figure, centred and kept with its caption under it ("Biểu đồ 1. …"). */
export function figureBlock(b: Extract<Block, { kind: 'figure' }>, image: FigureImage | undefined): Paragraph[] {
  if (!image) return [];
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      keepLines: true,
      spacing: { before: pt(6), after: pt(3), line: 240, lineRule: LineRuleType.AUTO },
      indent: { firstLine: 0 },
      children: [
        new ImageRun({
          type: 'svg',
          data: new TextEncoder().encode(image.svg),
          fallback: { type: 'png', data: image.png },
          transformation: { width: px(image.widthPt), height: px(image.heightPt) },
          altText: { name: b.caption, title: b.caption, description: b.chart.categories.join('; ') },
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: pt(6), line: 240, lineRule: LineRuleType.AUTO },
      indent: { firstLine: 0 },
      children: [new TextRun({ text: b.caption, bold: true, italics: true, size: halfPt(SIZE.body - 1) })],
    }),
  ];
}
