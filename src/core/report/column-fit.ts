import { PAGE_MM } from './decree-layout';
import { TableColumn, TableRow } from './tables';
import { textWidthPt } from './text-width';

/** Tables and annexes: 12 pt cells (the decree allows 12–13), 1.5 mm padding on each side of a Word cell. */
export const TABLE_TEXT = { sizePt: 12, paddingMm: 1.5 } as const;
const PT_PER_MM = 72 / 25.4;
/** The text width between the decree's margins, in points (165 mm). */
export const TEXT_WIDTH_PT = (PAGE_MM.width - PAGE_MM.left - PAGE_MM.right) * PT_PER_MM;
/** Word draws a glyph run a little wider than the sum of its advances at some sizes: 2 % to spare. */
const SPARE = 1.02;

/** White space as /\s/ knows it. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The widest text each column must hold on one line, in points at `size`: in a column of figures,
 * dates or a short status (right-aligned or centred) the whole cell, since a number or a date must
 * never wrap and a status reads as one phrase ("Chưa hoàn thành"); in a column of text its longest
 * word; and the longest word of the header (bold), which may wrap between its words. A part's
 * heading row spans the table and is left out. Each distinct text is measured once (an annex of
 * tens of thousands of rows repeats its dates, statuses and words).
 */
export function columnNeedsPt(columns: Pick<TableColumn, 'header' | 'align'>[], rows: TableRow[], size = TABLE_TEXT.sizePt): number[] {
  const measured = [new Map<string, number>(), new Map<string, number>()];
  const width = (text: string, bold: boolean) => {
    const seen = measured[bold ? 1 : 0];
    let w = seen.get(text);
    if (w === undefined) seen.set(text, (w = textWidthPt(text, size, bold)));
    return w;
  };
  // no character is wider than 1 em: a word of n UTF-16 units is at most n · size points wide
  const widestWordOver = (text: string, bold: boolean, need: number) => {
    let most = need;
    let start = -1;
    for (let k = 0; k <= text.length; k++) {
      if (k < text.length && !isSpace(text.charCodeAt(k))) {
        if (start < 0) start = k;
        continue;
      }
      if (start >= 0 && (k - start) * size > most) most = Math.max(most, width(text.slice(start, k), bold));
      start = -1;
    }
    return most;
  };
  const widestWord = (text: string, bold: boolean) => widestWordOver(text, bold, 0);
  return columns.map((c, i) => {
    let need = widestWord(c.header, true);
    for (const r of rows) {
      if (r.group) continue;
      const text = r.cells[i] ?? '';
      need = c.align === 'left' ? widestWordOver(text, !!r.bold, need) : Math.max(need, width(text.trim(), !!r.bold));
    }
    return need;
  });
}

/**
 * The columns' width shares refitted so that each column holds its widest figure or word (see
 * columnNeedsPt) in the Word report: a column too narrow for its content takes the room from the
 * columns with room to spare, in proportion to what they spare; the shares still add up to 1.
 * Each column also states that need (`minPt`), so that the summary sheet picks runs of its columns
 * wide enough for it. Where even the needs overflow the text width, the widths follow the needs.
 */
export function fitColumns<C extends TableColumn>(columns: C[], rows: TableRow[], size = TABLE_TEXT.sizePt, widthPt = TEXT_WIDTH_PT): C[] {
  const pad = 2 * TABLE_TEXT.paddingMm * PT_PER_MM;
  const needs = columnNeedsPt(columns, rows, size);
  const min = needs.map((n) => n * SPARE + pad);
  const total = columns.reduce((a, c) => a + c.width, 0) || 1;
  const w = columns.map((c, i) => Math.max((c.width / total) * widthPt, min[i]));
  const excess = w.reduce((a, b) => a + b, 0) - widthPt;
  const slack = w.map((x, i) => x - min[i]);
  const room = slack.reduce((a, b) => a + b, 0);
  let out: number[];
  if (excess <= 1e-9) out = w;
  else if (room >= excess) out = w.map((x, i) => x - (excess * slack[i]) / room);
  else {
    // figures and dates keep their width; the text columns share what is left (a word then breaks)
    const fixed = columns.map((c, i) => (c.align === 'left' ? 0 : min[i]));
    const rest = widthPt - fixed.reduce((a, b) => a + b, 0);
    const textMin = columns.reduce((a, c, i) => a + (c.align === 'left' ? min[i] : 0), 0);
    const all = min.reduce((a, b) => a + b, 0);
    out = rest > 0 && textMin > 0 ? columns.map((c, i) => (c.align === 'left' ? (min[i] / textMin) * rest : fixed[i])) : min.map((m) => (m / all) * widthPt);
  }
  return columns.map((c, i) => ({ ...c, width: out[i] / widthPt, minPt: needs[i] }));
}
