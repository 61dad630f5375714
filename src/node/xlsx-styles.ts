// The workbook's styles and shared strings, each kept once and numbered in the order of first use.
import { CellStyle } from '../core/report/sheet-plan';
import { xmlSafe } from '../core/records/xml-text';
import { ByteChunks, asciiBytes } from './byte-chunks';

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const EDGE_SPACE = /^\s|\s$/;
const SI = asciiBytes('<si><t>');
const SI_PRESERVE = asciiBytes('<si><t xml:space="preserve">');
const SI_END = asciiBytes('</t></si>');

const AMP = /&/g;
const LT = /</g;
const GT = />/g;
const QUOT = /"/g;
const APOS = /'/g;
const MARKUP = /[&<>"']/;

/** Text for content or an attribute: what XML cannot hold dropped (the shared gate), markup escaped as exceljs did. */
export function xmlText(unsafe: string): string {
  return escapeMarkup(xmlSafe(unsafe));
}

const escapeMarkup = (s: string) => (MARKUP.test(s) ? s.replace(AMP, '&amp;').replace(LT, '&lt;').replace(GT, '&gt;').replace(QUOT, '&quot;').replace(APOS, '&apos;') : s);

/** Excel's built-in number formats the plan may use; any other code is a custom format from 164. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

/** The workbook's styles: fonts, fills, borders, number formats and cell formats, each once. */
export class Styles {
  private readonly fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  private readonly numFmts: string[] = [];
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly index = new Map<string, number>();
  private readonly byObject = new Map<CellStyle, [number, number]>();
  private readonly byKey = new Map<string, [number, number]>();
  private lastStyle: CellStyle | null = null;
  private lastPair: [number, number] = [0, 0];

  private id(list: string[], xml: string, base = 0): number {
    const key = `${base}:${xml}`;
    let i = this.index.get(key);
    if (i === undefined) {
      i = list.push(xml) - 1 + base;
      this.index.set(key, i);
    }
    return i;
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const xml = `<numFmt numFmtId="${164 + this.numFmts.length}" formatCode="${xmlText(code)}"/>`;
    const key = `numFmt:${code}`;
    let i = this.index.get(key);
    if (i === undefined) {
      i = 164 + this.numFmts.length;
      this.numFmts.push(xml);
      this.index.set(key, i);
    }
    return i;
  }

  /** The cell format of a planned cell: its style, and "@" (text) for a string without a format of its own. */
  xf(style: CellStyle, isText: boolean): number {
    const slot = isText && !style.numFmt ? 1 : 0;
    // cells in a row often share their style with the cell before
    if (style === this.lastStyle) return this.lastPair[slot];
    let pair = this.byObject.get(style);
    if (!pair) {
      // the plan makes a style object per cell: alike styles are found by their fields
      const f = style.font;
      const key = `${f.name}\u0000${f.size}\u0000${f.bold ? 1 : 0}${f.italic ? 1 : 0}${f.underline ? 1 : 0}\u0000${style.horizontal}\u0000${style.vertical}\u0000${style.wrap ? 1 : 0}\u0000${style.numFmt ?? ''}\u0000${style.border?.join(',') ?? ''}\u0000${style.fill ?? ''}`;
      pair = this.byKey.get(key);
      if (!pair) {
        pair = [this.build(style, false), this.build(style, true)];
        this.byKey.set(key, pair);
      }
      if (this.byObject.size < 10000) this.byObject.set(style, pair);
    }
    this.lastStyle = style;
    this.lastPair = pair;
    return pair[slot];
  }

  private build(s: CellStyle, isText: boolean): number {
    const f = s.font;
    const font = `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}${f.underline ? '<u/>' : ''}<sz val="${f.size}"/><name val="${xmlText(f.name)}"/></font>`;
    const fontId = this.id(this.fonts, font);
    const fillId = s.fill ? this.id(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${xmlText(s.fill)}"/></patternFill></fill>`) : 0;
    const sides = s.border ?? [];
    const side = (n: 'left' | 'right' | 'top' | 'bottom') => (sides.includes(n) ? `<${n} style="thin"><color rgb="FF000000"/></${n}>` : `<${n}/>`);
    const borderId = sides.length ? this.id(this.borders, `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`) : 0;
    const code = s.numFmt ?? (isText ? '@' : undefined);
    const numFmtId = code ? this.numFmtId(code) : 0;
    const vertical = s.vertical === 'middle' ? 'center' : s.vertical;
    const alignment = `<alignment horizontal="${s.horizontal}" vertical="${vertical}"${s.wrap ? ' wrapText="1"' : ''}/>`;
    const xf =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      `${numFmtId ? ' applyNumberFormat="1"' : ''} applyFont="1"${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''} applyAlignment="1">${alignment}</xf>`;
    return this.id(this.xfs, xf, 0);
  }

  xml(): string {
    const list = (tag: string, items: string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    return (
      XML_HEAD +
      `<styleSheet xmlns="${NS_MAIN}">` +
      (this.numFmts.length ? list('numFmts', this.numFmts) : '') +
      list('fonts', this.fonts) +
      list('fills', this.fills) +
      list('borders', this.borders) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }
}

/** Shared strings, in the order of first use. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];
  count = 0;

  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.items.push(xmlSafe(s)) - 1;
      this.index.set(s, i);
    }
    return i;
  }

  /** sharedStrings.xml, in chunks: hundreds of thousands of strings in a large report. */
  *chunks(): Generator<Buffer> {
    const out = new ByteChunks();
    out.ascii(`${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.items.length}">`);
    // the items passed xmlSafe as they came
    for (const s of this.items) {
      out.bytes(EDGE_SPACE.test(s) ? SI_PRESERVE : SI);
      out.text(escapeMarkup(s));
      out.bytes(SI_END);
      if (out.filled) yield out.take();
    }
    out.ascii('</sst>');
    yield out.take();
  }
}

