import { ChartModel } from './charts';
import { Inline } from './narrative';
import { columnLetters, quoteSheet } from '../records/snapshot';
import { Lang, LEVEL_NAMES, Problem, ProblemLine, READ_HEADING, cellsText, problemList } from '../problems';
import { Block, FigureRow, isBlankLine, ReportModel } from './report';
import { formatNumber, integerFormat } from './format';
import { TableColumn, TableRow } from './tables';
import { AnnexModel } from './annexes';
import { ASTRAL_EM, charEm, isHighSurrogate, isLowSurrogate, textWidthPt } from './text-width';
import { FONT, PAGE_MM, SHEET_FIGURE, SIZE } from './decree-layout';

export interface FontSpec {
  name: string;
  size: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export interface CellStyle {
  font: FontSpec;
  horizontal: 'left' | 'center' | 'right' | 'justify';
  vertical: 'top' | 'middle';
  wrap: boolean;
  numFmt?: string;
  /** Thin borders on these sides. */
  border?: ('top' | 'bottom' | 'left' | 'right')[];
  fill?: string;
}

export interface PlannedCell {
  /** 1-based. */
  row: number;
  col: number;
  value: string | number | boolean | null;
  style: CellStyle;
}

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface PrintSetup {
  paper: 'A4';
  orientation: 'portrait' | 'landscape';
  /** Margins in inches (Excel's unit): top/bottom 20 mm, left 30 mm, right 15 mm. */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  fitToWidth: number;
  /** 0 = as many pages tall as needed. */
  fitToHeight: number;
  horizontalCentered: boolean;
  /** Page numbers centred in the header: on every page, or from page 2 as Decree 30 numbers a document. */
  pageNumbers: 'all' | 'fromSecond';
}

/**
 * A native chart on the report sheet, drawn from a data block on the figures sheet so that the
 * staff can restyle or reuse it. References are absolute A1 with the quoted sheet name.
 */
export interface PlannedChart {
  chart: ChartModel;
  /** The chart fills row `row` (whose height is `heightPt`) across columns `col`..`toCol`, `widthPt` wide. */
  anchor: { row: number; col: number; toCol: number; widthPt: number; heightPt: number };
  categories: string;
  series: { name: string; nameRef: string; values: string; fill: string }[];
  /** The category (0-based) that is the chart's reference (the share of the year elapsed), drawn apart; or null. */
  referencePoint: number | null;
  /** Excel number format of the values (axis and data labels). */
  numFmt: string;
}

export interface SheetPlan {
  name: string;
  /** Column widths in Excel character units. */
  columns: number[];
  /** Row heights in points, by 1-based row. */
  rowHeights: Record<number, number>;
  /** A cell set twice takes its last setting. The other cells of a merge are not listed: see `merges`. */
  cells: PlannedCell[];
  /**
   * Each merge shows its first (top-left) cell; its other cells are empty and take the first cell's
   * style, borders and fill included, as Excel shows a merged cell. An annex row is thus one cell
   * per table column, not one per sheet column.
   */
  merges: Merge[];
  print: PrintSetup;
  /** Rows to repeat at the top of printed pages (figures table header), 1-based, or null. */
  printTitleRows: [number, number] | null;
  /** Manual page breaks after these rows, so that no heading ends a page. */
  breaksAfter?: number[];
  lastRow: number;
  lastCol: number;
  /** Native charts on this sheet (the report sheet only). */
  charts?: PlannedChart[];
  /** Only A1 to this cell is printed (the columns and rows for the screen are left out), or the whole sheet. */
  printArea?: { lastRow: number; lastCol: number };
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  /** Written by the adapters where the host allows, so BaoCao only ever replaces sheets it made. */
  marker: string;
}

export const REPORT_MARKER = 'BaoCao.report.v1';
/** Excel's header code for the page number, centred, in the report's font and size. */
export const PAGE_NUMBER_HEADER = `&C&"${'Times New Roman'},Regular"&14&P`;
const MM = 1 / 25.4;
const PRINT: PrintSetup = {
  paper: 'A4',
  orientation: 'portrait',
  margins: { top: PAGE_MM.top * MM, bottom: PAGE_MM.bottom * MM, left: PAGE_MM.left * MM, right: PAGE_MM.right * MM, header: 8 * MM, footer: 8 * MM },
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: false,
  pageNumbers: 'fromSecond',
};

export const SHEET_NAMES: Record<Lang, { report: string; figures: string; problems: string }> = {
  vi: { report: 'Báo cáo', figures: 'Số liệu', problems: 'Kiểm tra' },
  en: { report: 'Report', figures: 'Figures', problems: 'Checks' },
};

/**
 * Report sheet: 625 pixels in all, 165.4 mm (the A4 text width is 165 mm). The left block (A–F,
 * 267 px) holds the agency, the right block (G–Q, 358 px) the national motto, which needs 88 mm at
 * 12 pt bold (Decree 30 allows 12–13 pt for that line); the short rule under the agency is C–D,
 * centred in its block. The grid is fine (17 columns) so that each column of a table or an annex
 * finds a run of whole sheet columns near its share and wide enough for its widest figure or word.
 */
const REPORT_PX = [44, 45, 42, 42, 47, 47, 33, 42, 43, 30, 30, 30, 30, 30, 30, 30, 30];
/** Excel column widths (as the file stores them) whose pixel width (`px` below) is exactly the one wanted. */
const unitsFor = (pixels: number) => Math.ceil((pixels / 7) * 100) / 100;
export const REPORT_COLUMNS = REPORT_PX.map(unitsFor);
const LEFT_BLOCK = [1, 6] as const;
const RIGHT_BLOCK = [7, 17] as const;
const AGENCY_RULE = [3, 4] as const;
const SUBJECT_RULE = [5, 9] as const;
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function superscript(n: number): string {
  return String(n)
    .split('')
    .map((d) => SUPERSCRIPT[Number(d)])
    .join('');
}

export function inlineText(inlines: Inline[]): string {
  return inlines.map((i) => (i.kind === 'text' ? i.text : superscript(i.id))).join('');
}

/**
 * Width in pixels of a column whose width is `w` as the file stores it (Calibri 11, the default
 * font: 7 pixels a unit, the 5 pixels of padding included in `w`), as Excel and LibreOffice draw it.
 */
export const px = (w: number) => Math.trunc(w * 7 + 1e-6);
/** Usable text width in points of columns `from`..`to` (1-based), less the cell's padding. */
export function spanWidthPt(columns: number[], from: number, to: number): number {
  return columns.slice(from - 1, to).reduce((a, w) => a + px(w), 0) * 0.75 - 4;
}

/** Greedy word wrap, one word at a time: `add` takes a word's width (spare included) and returns the line count so far. */
class Wrap {
  lines = 1;
  private used = 0;
  constructor(
    private readonly widthPt: number,
    private readonly space: number,
  ) {}

  add(w: number): number {
    if (this.used > 0 && this.used + this.space + w <= this.widthPt) {
      this.used += this.space + w;
      return this.lines;
    }
    if (this.used > 0) this.lines++;
    while (w > this.widthPt) {
      this.lines++;
      w -= this.widthPt;
    }
    this.used = w;
    return this.lines;
  }

  /** A new line of text (after a line break): its words start a new line. */
  restart(): void {
    this.lines = 1;
    this.used = 0;
  }

  clone(): Wrap {
    return Object.assign(new Wrap(this.widthPt, this.space), this);
  }
}

/** A word's width in points as the wrap counts it: real glyph widths, 4 % to spare. */
const wordWidth = (word: string, size: number, bold: boolean) => textWidthPt(word, size, bold) * 1.04;

/** JavaScript's `\s` by UTF-16 code unit: the characters between words. */
const SPACE = new Uint8Array(0x10000);
for (const code of [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) SPACE[code] = 1;
SPACE.fill(1, 0x2000, 0x200b);

/**
 * The lines of a text that grows at its end (`add`), counted as it grows: `lines` is what
 * estimateLines gives for all the text added so far. One pass over the text, no substrings: the
 * annexes measure every cell of tens of thousands of rows, and a paragraph is measured as it is cut.
 */
class LineCount {
  private readonly wrap: Wrap;
  private done = 0;
  private em = 0;
  private inWord = false;

  constructor(
    widthPt: number,
    private readonly size: number,
    private readonly bold: boolean,
  ) {
    this.wrap = new Wrap(widthPt, 0.25 * size);
  }

  add(text: string): this {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (SPACE[code] === 0) {
        this.inWord = true;
        if (isHighSurrogate(code) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
          this.em += ASTRAL_EM;
          i++;
        } else this.em += charEm(code, this.bold);
        continue;
      }
      if (this.inWord) {
        this.wrap.add(this.pendingWidth());
        this.em = 0;
        this.inWord = false;
      }
      if (code === 10) {
        this.done += this.wrap.lines;
        this.wrap.restart();
      }
    }
    return this;
  }

  /** As wordWidth, from the word's width in 1/1000 em. */
  private pendingWidth(): number {
    return (this.em / 1000) * this.size * 1.04;
  }

  /** The lines of the text added so far, its last word included. */
  get lines(): number {
    return this.done + (this.inWord ? this.wrap.clone().add(this.pendingWidth()) : this.wrap.lines);
  }
}

/**
 * Lines that wrapped Times New Roman text takes in `widthPt`, from real glyph widths, word by
 * word, with 4 % to spare: a row is never too short for its text. Each line of the text (split at
 * "\n") wraps on its own, its words parted by white space.
 */
export function estimateLines(text: string, widthPt: number, size: number, bold = false): number {
  return new LineCount(widthPt, size, bold).add(text).lines;
}

export const rowHeightFor = (lines: number, size: number) => Math.min(409, Math.ceil(lines * size * 1.2 + 4));
/** The most lines one row can show at `size` before Excel's 409 pt row limit. */
const maxLines = (size: number) => Math.floor((409 - 4) / (size * 1.2));
/**
 * A row never splits across printed pages, so a long paragraph goes into rows of a few lines each:
 * a page then ends at most a few lines short instead of leaving a quarter of it blank. The rows end
 * where a sentence ends, once they hold LINES_PER_ROW lines; only a sentence longer than
 * MAX_LINES_PER_ROW lines is cut between its words.
 */
const LINES_PER_ROW = 5;
const MAX_LINES_PER_ROW = 10;

/** Height of a row that continues a paragraph on the next row: its lines only, with no space under them. */
export const continuedRowHeight = (lines: number, size: number) => Math.min(409, Math.ceil(lines * size * 1.2));

/** Splits a paragraph at word boundaries into pieces of at most `limit` lines. */
function splitAtWords(text: string, widthPt: number, size: number, limit: number): string[] {
  const out: string[] = [];
  let piece: string[] = [];
  const space = 0.25 * size;
  let wrap = new Wrap(widthPt, space);
  for (const word of text.split(' ')) {
    const w = wordWidth(word, size, false);
    if (wrap.add(w) > Math.min(limit, maxLines(size)) && piece.length) {
      out.push(piece.join(' '));
      piece = [];
      wrap = new Wrap(widthPt, space);
      wrap.add(w);
    }
    piece.push(word);
  }
  if (piece.length) out.push(piece.join(' '));
  return out;
}

/** Splits a long paragraph into pieces that each fit one row, at the end of a sentence where one ends in time. */
export function splitForRows(text: string, widthPt: number, size: number): string[] {
  const sentences = text.split(/(?<=[.!?;:…]["”)]?)\s+(?=\S)/);
  const out: string[] = [];
  let piece = '';
  // the piece's lines, counted as sentences join it
  let count = new LineCount(widthPt, size, false);
  for (const sentence of sentences) {
    if (piece && count.lines >= LINES_PER_ROW) {
      out.push(piece);
      piece = '';
      count = new LineCount(widthPt, size, false);
    }
    count.add(piece ? ` ${sentence}` : sentence);
    piece = piece ? `${piece} ${sentence}` : sentence;
    if (count.lines > Math.min(MAX_LINES_PER_ROW, maxLines(size))) {
      const parts = splitAtWords(piece, widthPt, size, LINES_PER_ROW);
      out.push(...parts.slice(0, -1));
      piece = parts[parts.length - 1];
      count = new LineCount(widthPt, size, false).add(piece);
    }
  }
  if (piece) out.push(piece);
  return out;
}

/** A4 height less the top and bottom margins, in points. */
const PAGE_HEIGHT_PT = ((PAGE_MM.height - PAGE_MM.top - PAGE_MM.bottom) / 25.4) * 72;
/**
 * The height the plan fills on a page: 2 % short of it, since Excel and LibreOffice round each
 * row's height to their own units; a page planned full would then spill its last row onto a page
 * the plan does not know, and the rows it keeps together would part there.
 */
const PAGE_FILL_PT = PAGE_HEIGHT_PT * 0.98;

/**
 * Where to break pages, every page end: rows are laid on pages by their planned heights; a row kept
 * with the next one (a heading, a caption, the closing) that would end a page moves to the next one.
 */
export function headingBreaks(heights: Record<number, number>, lastRow: number, headings: Set<number>, forced: Set<number> = new Set()): number[] {
  const breaks: number[] = [];
  let used = 0;
  for (let r = 1; r <= lastRow; r++) {
    const h = heights[r] ?? 15;
    // a page the plan starts itself (an annex, its continuation)
    if (forced.has(r - 1) && r > 1) {
      if (breaks[breaks.length - 1] !== r - 1) breaks.push(r - 1);
      used = h;
      continue;
    }
    if (used + h > PAGE_FILL_PT && used > 0) {
      // the rows kept with the next one that would end the page (a heading, a table's caption and
      // rows) move with it, unless they fill the page from its top
      let first = r;
      while (headings.has(first - 1) && first - 2 > (breaks[breaks.length - 1] ?? 0)) first--;
      if (first < r) {
        breaks.push(first - 1);
        used = h;
        for (let k = first; k < r; k++) used += heights[k] ?? 15;
        continue;
      }
      // every page end is written, so that Excel and LibreOffice break where the plan does
      breaks.push(r - 1);
      used = h;
      continue;
    }
    used += h;
  }
  return breaks;
}

const style = (font: Partial<FontSpec> & { size: number }, extra: Partial<CellStyle> = {}): CellStyle => ({
  font: { name: FONT, ...font },
  horizontal: 'left',
  vertical: 'top',
  wrap: true,
  ...extra,
});

/** Lays out the report sheet and the figures sheet. Both writers apply this plan as it is. */
export function buildSheetPlan(model: ReportModel, problems: Problem[]): WorkbookPlan {
  const figures = figuresSheet(model);
  const data = chartDataBlocks(model, figures);
  return { sheets: [reportSheet(model, data), figures, problemsSheet(model.lang, problems)], marker: REPORT_MARKER };
}

/** Chart heights on the report sheet, in points: one stacked bar needs less room. */
const CHART_DATA_HEAD = { vi: 'Số liệu biểu đồ', en: 'Chart data' };

type ChartData = Omit<PlannedChart, 'anchor'>;

/**
 * Each chart's numbers as a block under the figures table: its caption, a header row with the
 * series names, one row per category (the reference, if any, last). Added to `figures` in place.
 */
function chartDataBlocks(model: ReportModel, figures: SheetPlan): Map<ChartModel, ChartData> {
  const out = new Map<ChartModel, ChartData>();
  const sheet = quoteSheet(figures.name);
  const abs = (r: number, c: number) => `$${columnLetters(c)}$${r}`;
  const bold = style({ size: 11, bold: true }, { border: ['top', 'bottom', 'left', 'right'], fill: 'FFD9E2F3' });
  const body = style({ size: 11 }, { border: ['top', 'bottom', 'left', 'right'] });
  let row = figures.lastRow + 2;
  const charts = model.blocks.flatMap((b) => (b.kind === 'figure' ? [b] : []));
  if (!charts.length) return out;
  figures.cells.push({ row: row++, col: 1, value: CHART_DATA_HEAD[model.lang], style: style({ size: 12, bold: true }, { wrap: false }) });
  for (const { chart, caption } of charts) {
    row++;
    figures.cells.push({ row: row++, col: 1, value: caption, style: style({ size: 11, bold: true, italic: true }, { wrap: false }) });
    const head = row++;
    figures.cells.push({ row: head, col: 1, value: '', style: bold });
    chart.series.forEach((se, i) => figures.cells.push({ row: head, col: 2 + i, value: se.name, style: { ...bold, horizontal: 'center' } }));
    // labels carry their own text (ChartSeries.labels); the axis of counts groups thousands as the report does
    const numFmt = chart.valueAxis.percent ? '0.00' : integerFormat(model.lang);
    const first = row;
    chart.categories.forEach((cat, ci) => {
      figures.cells.push({ row, col: 1, value: cat, style: body });
      chart.series.forEach((se, i) => figures.cells.push({ row, col: 2 + i, value: se.values[ci], style: { ...body, horizontal: 'right', numFmt } }));
      row++;
    });
    let referencePoint: number | null = null;
    if (chart.reference) {
      referencePoint = chart.categories.length;
      figures.cells.push({ row, col: 1, value: chart.reference.label, style: { ...body, font: { ...body.font, italic: true } } });
      chart.series.forEach((_, i) => figures.cells.push({ row, col: 2 + i, value: chart.reference!.value, style: { ...body, horizontal: 'right', numFmt } }));
      row++;
    }
    const last = row - 1;
    out.set(chart, {
      chart,
      categories: `${sheet}!${abs(first, 1)}:${abs(last, 1)}`,
      series: chart.series.map((se, i) => ({ name: se.name, nameRef: `${sheet}!${abs(head, 2 + i)}`, values: `${sheet}!${abs(first, 2 + i)}:${abs(last, 2 + i)}`, fill: se.fill })),
      referencePoint,
      numFmt,
    });
  }
  figures.lastRow = row - 1;
  return out;
}

function reportSheet(model: ReportModel, chartData: Map<ChartModel, ChartData> = new Map()): SheetPlan {
  const cols = REPORT_COLUMNS;
  const cells: PlannedCell[] = [];
  const merges: Merge[] = [];
  const heights: Record<number, number> = {};
  const headings = new Set<number>();
  let row = 1;
  const place = (r: number, c1: number, c2: number, value: string, st: CellStyle) => {
    cells.push({ row: r, col: c1, value, style: st });
    if (c2 > c1) merges.push({ top: r, left: c1, bottom: r, right: c2 });
  };
  const put = (r: number, c1: number, c2: number, value: string, st: CellStyle) => {
    place(r, c1, c2, value, st);
    const lines = estimateLines(value, spanWidthPt(cols, c1, c2), st.font.size, st.font.bold);
    heights[r] = Math.max(heights[r] ?? 0, rowHeightFor(lines, st.font.size));
  };
  const rule = (r: number, from: number, to: number) => {
    for (let c = from; c <= to; c++) cells.push({ row: r, col: c, value: null, style: style({ size: 6 }, { border: ['top'] }) });
    heights[r] = 6;
  };
  const gap = (r: number, h = 10) => (heights[r] = h);
  const center = { horizontal: 'center' as const };
  const h = model.header;
  const [l1, l2] = LEFT_BLOCK;
  const [r1, r2] = RIGHT_BLOCK;
  const all = cols.length;
  if (model.draft) {
    put(row++, 1, all, model.draft.mark, style({ size: SIZE.title, bold: true }, center));
    put(row++, 1, all, model.draft.note, style({ size: SIZE.docNumber, italic: true }, center));
    gap(row++, 6);
  }
  put(row, l1, l2, h.parentAgency, style({ size: SIZE.parentAgency }, center));
  put(row, r1, r2, h.nation, style({ size: SIZE.nation - 1, bold: true }, center)); // 12 pt fits its block; the decree allows 12–13
  row++;
  put(row, l1, l2, h.agency, style({ size: SIZE.agency, bold: true }, center));
  put(row, r1, r2, h.motto, style({ size: SIZE.motto, bold: true, underline: true }, center));
  row++;
  rule(row++, ...AGENCY_RULE); // the short rule under the agency name, centred in the left block
  put(row, l1, l2, h.docNumber, style({ size: SIZE.docNumber }, center));
  put(row, r1, r2, h.placeDate, style({ size: SIZE.placeDate, italic: true }, center));
  row++;
  gap(row++, 18);
  put(row++, 1, all, model.title, style({ size: SIZE.title, bold: true }, center));
  if (model.subject) {
    put(row++, 1, all, model.subject, style({ size: SIZE.subject, bold: true }, center));
    rule(row++, ...SUBJECT_RULE);
  }
  gap(row++);
  const charts: PlannedChart[] = [];
  // what the staff must still fill stands out, as the Word report highlights it
  const blankFill = (text: string): Partial<CellStyle> => (isBlankLine(model.blanks, text) ? { fill: BLANK_FILL } : {});
  let lastParagraph: number[] = [];
  for (const b of model.blocks) {
    if (b.kind === 'heading') {
      headings.add(row);
      put(row++, 1, all, b.text, style({ size: SIZE.body, bold: true, italic: b.level >= 3 }, { horizontal: 'justify', ...blankFill(b.text) }));
      continue;
    }
    if (b.kind === 'figure') {
      const data = chartData.get(b.chart);
      if (!data) continue;
      const heightPt = SHEET_FIGURE.heightPt[b.chart.type];
      heights[row] = heightPt;
      charts.push({ ...data, anchor: { row, col: 1, toCol: all, widthPt: spanWidthPt(cols, 1, all), heightPt } });
      headings.add(row); // a chart is kept with its caption, like a heading with its text
      row++;
      put(row++, 1, all, b.caption, style({ size: SIZE.body - 1, bold: true, italic: true }, center));
      continue;
    }
    if (b.kind === 'table') {
      row = sheetTable(b, row, { cols, cells, merges, heights, keep: headings, put, place });
      continue;
    }
    const pieces = splitForRows(inlineText(b.inlines), spanWidthPt(cols, 1, all), SIZE.body);
    lastParagraph = [];
    pieces.forEach((piece, i) => {
      lastParagraph.push(row);
      put(row, 1, all, piece, style({ size: SIZE.body }, { horizontal: 'justify', ...(b.placeholder ? { fill: BLANK_FILL } : {}) }));
      // the rows of one paragraph follow each other with no gap: only its last row has space under it
      if (i < pieces.length - 1) heights[row] = continuedRowHeight(estimateLines(piece, spanWidthPt(cols, 1, all), SIZE.body), SIZE.body);
      row++;
    });
  }
  // the closing sentence ("… ./.") stays on the page of "Nơi nhận:" and the signature, which stay together
  const keepFrom = lastParagraph.length ? lastParagraph[lastParagraph.length - 1] : row;
  gap(row++);
  const sigStart = row;
  put(row++, l1, l2, model.recipients.heading, style({ size: SIZE.recipientsHeading, bold: true, italic: true }));
  for (const item of model.recipients.items) put(row++, l1, l2, item, style({ size: SIZE.recipients }));
  let sr = sigStart;
  for (const line of model.signature.lines) put(sr++, r1, r2, line, style({ size: SIZE.signature, bold: true }, { ...center, ...blankFill(line) }));
  if (model.signature.name) {
    sr = Math.max(sr + 4, sigStart + 5);
    put(sr, r1, r2, model.signature.name, style({ size: SIZE.signature, bold: true }, { ...center, ...blankFill(model.signature.name) }));
  }
  row = Math.max(row, sr + 1);
  // The footnotes at the foot of the closing page, under the signature, as a Word page sets its
  // notes under its text: the body ends with "./." and "Nơi nhận:" follows it at once.
  if (model.footnotes.length) {
    gap(row++);
    cells.push({ row, col: 1, value: '____________________', style: style({ size: 11 }, { wrap: false }) });
    heights[row++] = 14;
    for (const f of model.footnotes) put(row++, 1, all, `${superscript(f.id)} ${f.text}`, style({ size: SIZE.footnote }));
  }
  for (let r = keepFrom; r < row - 1; r++) headings.add(r);
  // the annexes, each from the top of a new page, after the signature
  const forced = new Set<number>();
  for (const a of model.annexes) row = sheetAnnex(a, row, { cols, cells, merges, heights, keep: headings, put, place }, forced);
  const lastRow = row - 1;
  return {
    name: SHEET_NAMES[model.lang].report,
    columns: cols,
    rowHeights: heights,
    cells,
    merges,
    print: PRINT,
    printTitleRows: null,
    breaksAfter: headingBreaks(heights, lastRow, headings, forced),
    lastRow,
    lastCol: cols.length,
    charts,
  };
}

/** Yellow, as Word highlights the marked blanks of a draft. */
const BLANK_FILL = 'FFFFFF00';

/** Light fill of the header rows, as on the other sheets. */
const HEAD_FILL = 'FFD9E2F3';
const TABLE_SIZE = 12;
const ALL_BORDERS: CellStyle['border'] = ['top', 'bottom', 'left', 'right'];

/**
 * Lays the table's columns onto the sheet's columns: each takes a run of whole sheet columns, the
 * runs chosen so that each is wide enough for the column's widest figure or word (`minPt`, with the
 * line estimate's spare) and, among those, the column boundaries fall nearest to where the table's
 * width shares put them. Where no choice is wide enough, the one that falls least short.
 */
export function tableSpans(columns: Pick<TableColumn, 'width' | 'minPt'>[], sheetColumns: number[], size = TABLE_SIZE): [number, number][] {
  const n = columns.length;
  const m = sheetColumns.length;
  if (n > m) throw new Error(`a table of ${n} columns cannot lie on ${m} sheet columns`);
  const total = sheetColumns.reduce((a, b) => a + b, 0);
  const edge = sheetColumns.map((_, i) => sheetColumns.slice(0, i + 1).reduce((a, b) => a + b, 0) / total);
  const shares = columns.reduce<number[]>((acc, c) => [...acc, (acc[acc.length - 1] ?? 0) + c.width], []);
  const sum = shares[n - 1] || 1;
  const want = shares.slice(0, -1).map((x) => x / sum);
  // what each column must hold on one line, as estimateLines measures it (4 % spare)
  const need = columns.map((c) => (c.minPt ?? 0) * 1.04 * (size / TABLE_SIZE));
  const short = (i: number, from: number, to: number) => Math.max(0, need[i] - spanWidthPt(sheetColumns, from, to));
  let best: number[] = [];
  let bestShort = Infinity;
  let bestErr = Infinity;
  // every choice of n − 1 boundaries among the m − 1 inner edges, cut short where a column already falls shorter than the best
  const choose = (from: number, picked: number[], shortSoFar: number) => {
    if (shortSoFar > bestShort + 1e-9) return;
    if (picked.length === n - 1) {
      const fall = shortSoFar + short(n - 1, (picked[n - 2] ?? 0) + 1, m);
      const err = picked.reduce((e, p, i) => e + (edge[p - 1] - want[i]) ** 2, 0);
      if (fall < bestShort - 1e-9 || (Math.abs(fall - bestShort) <= 1e-9 && err < bestErr)) (bestShort = fall), (bestErr = err), (best = picked);
      return;
    }
    const i = picked.length;
    const start = (picked[i - 1] ?? 0) + 1;
    for (let p = from; p <= m - (n - 1 - i); p++) choose(p + 1, [...picked, p], shortSoFar + short(i, start, p));
  };
  choose(1, [], 0);
  const bounds = [0, ...best, m];
  return columns.map((_, i) => [bounds[i] + 1, bounds[i + 1]]);
}

interface SheetCanvas {
  cols: number[];
  cells: PlannedCell[];
  merges: Merge[];
  heights: Record<number, number>;
  /** Rows kept on the page of the row after them. */
  keep: Set<number>;
  /** A cell on columns c1..c2 (merged), its row made tall enough for it. */
  put: (r: number, c1: number, c2: number, value: string, st: CellStyle) => void;
  /** The same, the row's height left to the caller. */
  place: (r: number, c1: number, c2: number, value: string, st: CellStyle) => void;
}

/**
 * One table row on the sheet: each cell on its run of sheet columns, merged (the merge's cells take
 * its style: borders on each). `styles` holds one style per table column. Its height is measured, or `height`.
 */
function spannedRow(s: SheetCanvas, row: number, spans: [number, number][], cells: string[], styles: CellStyle[], height?: number): void {
  for (let i = 0; i < spans.length; i++) (height === undefined ? s.put : s.place)(row, spans[i][0], spans[i][1], cells[i] ?? '', styles[i]);
  if (height !== undefined) s.heights[row] = height;
}

/**
 * The styles of a table's rows, one per column, made once for each kind of row (a total, a part):
 * the annexes have tens of thousands of rows and a handful of styles.
 */
function rowStyles(columns: Pick<TableColumn, 'align'>[]): (r: TableRow) => CellStyle[] {
  const made = new Map<string, CellStyle[]>();
  return (r) => {
    const key = `${r.bold}|${r.sub}`;
    let styles = made.get(key);
    if (!styles) made.set(key, (styles = columns.map((c) => style({ size: TABLE_SIZE, bold: r.bold, italic: r.sub }, { horizontal: c.align, border: ALL_BORDERS }))));
    return styles;
  };
}

const headerStyle = () => style({ size: TABLE_SIZE, bold: true }, { horizontal: 'center', vertical: 'middle', border: ALL_BORDERS, fill: HEAD_FILL });

/**
 * A table of the report on the sheet: its caption above (bold, centred), the unit line right-aligned
 * in italics, then the header row (bold, centred, the light fill) and the rows, each table column
 * on its run of sheet columns (merged), borders on every cell, numbers right-aligned. The caption and
 * all rows but the last are kept with the next row, so that the table never splits from its caption.
 * Returns the next free row.
 */
function sheetTable(b: Extract<Block, { kind: 'table' }>, row: number, s: SheetCanvas): number {
  const t = b.table;
  const spans = tableSpans(t.columns, s.cols);
  s.keep.add(row);
  s.put(row++, 1, s.cols.length, b.caption, style({ size: SIZE.body - 1, bold: true }, { horizontal: 'center' }));
  if (t.unit) {
    s.keep.add(row);
    s.put(row++, 1, s.cols.length, t.unit, style({ size: TABLE_SIZE, italic: true }, { horizontal: 'right' }));
  }
  s.keep.add(row);
  const head = headerStyle();
  spannedRow(s, row++, spans, t.columns.map((c) => c.header), t.columns.map(() => head));
  const styles = rowStyles(t.columns);
  t.rows.forEach((r, i) => {
    if (i < t.rows.length - 1 || t.note) s.keep.add(row);
    spannedRow(s, row++, spans, r.cells, styles(r));
  });
  if (t.note) s.put(row++, 1, s.cols.length, t.note, style({ size: TABLE_SIZE, italic: true }));
  s.heights[row++] = 8;
  return row;
}

/** Row height in points of a table row on the sheet: its tallest cell, each in its run of columns (`widths`, in points). */
function rowHeightOf(cells: string[], widths: number[], size: number, bold: boolean): number {
  let lines = 1;
  for (let i = 0; i < widths.length; i++) lines = Math.max(lines, estimateLines(cells[i] ?? '', widths[i], size, bold));
  return rowHeightFor(lines, size);
}

/**
 * An annex on the report sheet, from the top of a new page: "Phụ lục 1" and its title (bold,
 * centred), the line "(Kèm theo Báo cáo số …)" in italics, then its list as the tables are drawn,
 * a part's heading row merged across. The plan paginates the list itself: where a row would not fit
 * on the page, the page breaks and the header row is repeated on the next one; a part's heading is
 * never the last row of a page. Returns the next free row; adds the page breaks to `forced`.
 */
function sheetAnnex(a: AnnexModel, row: number, s: SheetCanvas, forced: Set<number>): number {
  const all = s.cols.length;
  const center = { horizontal: 'center' as const };
  forced.add(row - 1);
  const start = row;
  s.put(row++, 1, all, a.label, style({ size: SIZE.body, bold: true }, center));
  s.put(row++, 1, all, a.title.toLocaleUpperCase('vi'), style({ size: SIZE.body, bold: true }, center));
  if (a.attachedTo) s.put(row++, 1, all, a.attachedTo, style({ size: SIZE.body, italic: true }, center));
  s.heights[row++] = 10;
  const spans = tableSpans(a.columns, s.cols);
  const widths = spans.map(([from, to]) => spanWidthPt(s.cols, from, to));
  const fullWidth = [spanWidthPt(s.cols, 1, all)];
  const head = headerStyle();
  const headerCells = a.columns.map((c) => c.header);
  const headerStyles = a.columns.map(() => head);
  const styles = rowStyles(a.columns);
  const groupStyle = style({ size: TABLE_SIZE, bold: true }, { border: ALL_BORDERS });
  let used = 0;
  for (let r = start; r < row; r++) used += s.heights[r] ?? 15;
  spannedRow(s, row++, spans, headerCells, headerStyles);
  const headerHeight = s.heights[row - 1];
  used += headerHeight;
  // each row's height, measured once: the pagination looks up to two rows ahead
  const heights: number[] = [];
  const heightOf = (i: number) => {
    const r = a.rows[i];
    return (heights[i] ??= r.group ? rowHeightOf([r.cells[0]], fullWidth, TABLE_SIZE, true) : rowHeightOf(r.cells, widths, TABLE_SIZE, !!r.bold));
  };
  a.rows.forEach((r, i) => {
    const h = heightOf(i);
    // a part's heading goes with its first row
    // and the last row before a total goes with it: no page holds a total under a repeated header alone
    const next = a.rows[i + 1];
    const need = h + (next && (r.group || next.bold) ? heightOf(i + 1) + (r.group && a.rows[i + 2]?.bold ? heightOf(i + 2) : 0) : 0);
    if (used + need > PAGE_FILL_PT) {
      forced.add(row - 1);
      spannedRow(s, row++, spans, headerCells, headerStyles, headerHeight);
      used = headerHeight;
    }
    if (r.group) {
      s.place(row, 1, all, r.cells[0], groupStyle);
      s.heights[row++] = h;
    } else spannedRow(s, row++, spans, r.cells, styles(r), h);
    used += h;
  });
  if (a.note) {
    const noteStyle = style({ size: TABLE_SIZE, italic: true });
    const h = rowHeightFor(estimateLines(a.note, spanWidthPt(s.cols, 1, all), TABLE_SIZE), TABLE_SIZE);
    if (used + h > PAGE_FILL_PT) forced.add(row - 1);
    s.put(row++, 1, all, a.note, noteStyle);
  }
  return row;
}

const FIG_TITLE = { vi: 'SỐ LIỆU CỦA BÁO CÁO VÀ NGUỒN CỦA TỪNG CHỈ TIÊU', en: 'FIGURES OF THE REPORT AND THE SOURCE OF EACH' };
const FIG_HEAD = {
  vi: ['Mã', 'Chỉ tiêu', 'Giá trị', 'Đơn vị', 'Nguồn (bảng: điều kiện, số dòng)', 'Ghi chú', 'Giá trị (số, không in)'],
  en: ['Key', 'Figure', 'Value', 'Unit', 'Source (table: filter, rows)', 'Note', 'Value (number, not printed)'],
};
/** The figures sheet prints its first six columns; the seventh holds the numbers for formulas. */
const FIG_PRINTED_COLS = 6;

/**
 * Số liệu. Excel number formats cannot fix the separators (they follow the reader's system locale:
 * LibreOffice here prints 24,480.37), so the printed column holds each figure as the report writes
 * it (FigureRow.shown) and the number itself stands in the unprinted column.
 */
function figuresSheet(model: ReportModel): SheetPlan {
  const lang = model.lang;
  const cols = [22, 30, 13, 10, 40, 18, 16];
  const cells: PlannedCell[] = [];
  const heights: Record<number, number> = {};
  const head = style({ size: 11, bold: true }, { border: ['top', 'bottom', 'left', 'right'], fill: 'FFD9E2F3', vertical: 'middle' });
  // a title, so that the printed pages say what they are and for which report
  const title = `${FIG_TITLE[lang]}${model.subject ? ` — ${model.subject}` : ''}`;
  cells.push({ row: 1, col: 1, value: title, style: style({ size: 13, bold: true }, { horizontal: 'center', vertical: 'middle' }) });
  heights[1] = rowHeightFor(estimateLines(title, spanWidthPt(cols, 1, FIG_PRINTED_COLS), 13, true), 13) + 4;
  FIG_HEAD[lang].forEach((t, i) => cells.push({ row: 2, col: i + 1, value: t, style: head }));
  heights[2] = Math.max(20, ...FIG_HEAD[lang].map((t, i) => rowHeightFor(estimateLines(t, spanWidthPt(cols, i + 1, i + 1), 11, true), 11)));
  const body = style({ size: 11 }, { border: ['top', 'bottom', 'left', 'right'] });
  const shown = { ...body, horizontal: 'right' as const };
  // full precision, for formulas; General shows it as it is
  const count = { ...shown, numFmt: '0' };
  const general = { ...shown, numFmt: 'General' };
  const width = cols.map((_, i) => spanWidthPt(cols, i + 1, i + 1));
  model.figures.forEach((f, i) => {
    const r = i + 3;
    const isCount = typeof f.value === 'number' && Number.isInteger(f.value) && !/%/.test(f.unit);
    cells.push({ row: r, col: 1, value: f.key, style: body });
    cells.push({ row: r, col: 2, value: f.label, style: body });
    cells.push({ row: r, col: 3, value: f.shown, style: shown });
    cells.push({ row: r, col: 4, value: f.unit, style: body });
    cells.push({ row: r, col: 5, value: f.source, style: body });
    cells.push({ row: r, col: 6, value: f.reason ?? '', style: body });
    cells.push({ row: r, col: 7, value: typeof f.value === 'number' ? f.value : null, style: isCount ? count : general });
    // every wrapped column counts, the unit too ("triệu đồng/người/tháng" takes three lines)
    const lines = Math.max(
      estimateLines(f.key, width[0], 11),
      estimateLines(f.label, width[1], 11),
      estimateLines(f.unit, width[3], 11),
      estimateLines(f.source, width[4], 11),
      estimateLines(f.reason ?? '', width[5], 11),
    );
    heights[r] = rowHeightFor(lines, 11);
  });
  return {
    name: SHEET_NAMES[lang].figures,
    columns: cols,
    rowHeights: heights,
    cells,
    merges: [{ top: 1, left: 1, bottom: 1, right: FIG_PRINTED_COLS }],
    print: { ...PRINT, orientation: 'landscape', pageNumbers: 'all' },
    printTitleRows: [2, 2],
    printArea: { lastRow: model.figures.length + 2, lastCol: FIG_PRINTED_COLS },
    breaksAfter: [],
    lastRow: model.figures.length + 2,
    lastCol: cols.length,
  };
}

const PROB_HEAD = {
  vi: ['Mức', 'Ô', 'Nội dung'],
  en: ['Level', 'Cell', 'Message'],
};

/**
 * The checks sheet lists at most this many lines, errors first: beyond it a workbook needs
 * mending more than reading, and one write to Excel on the web must stay under 5 MB.
 */
export const MAX_PROBLEM_ROWS = 2000;
/** Cells written on one line; the rest are counted (the JSON keeps every problem with its cell). */
const MAX_CELLS_PER_LINE = 60;
const MORE = {
  vi: (n: number) => `… và ${n} vấn đề khác (dùng "baocao report … --json" để xem tất cả).`,
  en: (n: number) => `… and ${n} more problems ("baocao report … --json" lists them all).`,
};
const NONE = { vi: 'Không phát hiện vấn đề nào.', en: 'No problem found.' };

/**
 * Kiểm tra: errors, then warnings, then the other notes, each message once with its cells; then,
 * under its own heading, what was read from the staff's own sheets.
 */
function problemsSheet(lang: Lang, problems: Problem[]): SheetPlan {
  const cols = [10, 22, 95];
  const cells: PlannedCell[] = [];
  const merges: Merge[] = [];
  const heights: Record<number, number> = { 1: 20 };
  const head = style({ size: 11, bold: true }, { border: ['top', 'bottom', 'left', 'right'], fill: 'FFD9E2F3' });
  PROB_HEAD[lang].forEach((t, i) => cells.push({ row: 1, col: i + 1, value: t, style: head }));
  const body = style({ size: 11 }, { border: ['top', 'bottom', 'left', 'right'] });
  const list = problemList(problems);
  let row = 1;
  let shown = 0;
  let left = problems.length;
  const put = (line: ProblemLine) => {
    row++;
    shown++;
    left -= line.count;
    const where = cellsText(line.cells, lang, MAX_CELLS_PER_LINE);
    cells.push({ row, col: 1, value: LEVEL_NAMES[lang][line.level], style: body });
    cells.push({ row, col: 2, value: where, style: body });
    cells.push({ row, col: 3, value: line.message, style: body });
    heights[row] = rowHeightFor(Math.max(estimateLines(line.message, spanWidthPt(cols, 3, 3), 11), estimateLines(where, spanWidthPt(cols, 2, 2), 11)), 11);
  };
  for (const line of list.issues) if (shown < MAX_PROBLEM_ROWS) put(line);
  if (!list.issues.length) {
    // a table head over nothing reads as a failure to check: say that the check found nothing
    row++;
    cells.push({ row, col: 1, value: NONE[lang], style: style({ size: 11, italic: true }, { wrap: false }) });
    heights[row] = rowHeightFor(1, 11);
  }
  if (list.read.length && shown < MAX_PROBLEM_ROWS) {
    row += 2;
    cells.push({ row, col: 1, value: READ_HEADING[lang], style: style({ size: 12, bold: true }, { wrap: false }) });
    merges.push({ top: row, left: 1, bottom: row, right: 3 });
    heights[row] = rowHeightFor(1, 12) + 4;
    for (const line of list.read) if (shown < MAX_PROBLEM_ROWS) put(line);
  }
  if (left > 0) {
    row++;
    cells.push({ row, col: 3, value: MORE[lang](left), style: style({ size: 11, italic: true }) });
    heights[row] = rowHeightFor(1, 11);
  }
  return { name: SHEET_NAMES[lang].problems, columns: cols, rowHeights: heights, cells, merges, print: { ...PRINT, orientation: 'landscape', pageNumbers: 'all' }, printTitleRows: [1, 1], breaksAfter: [], lastRow: row, lastCol: 3 };
}
