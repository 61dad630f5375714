// The report workbook's SpreadsheetML parts, written straight from the sheet plan: one pass over
// the cells, one over the merges, each sheet's XML built as it goes. What exceljs wrote for the same
// plan (cells, shared strings, styles, merges, row heights, column widths, page breaks, print setup,
// print titles and area, the marker in the document properties) is what this writes, in time
// linear in the cells: exceljs checked each merge against every earlier one, so a report with tens
// of thousands of annex rows took minutes. Nothing is decided here; layout is the plan's.
import zlib from 'node:zlib';
import { CellStyle, Merge, PAGE_NUMBER_HEADER, SheetPlan, WorkbookPlan } from '../core/report/sheet-plan';
import { columnLetters } from '../core/records/snapshot';
import { xmlSafe } from '../core/records/xml-text';
import { PackageParts } from './xlsx-charts';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const CT = 'application/vnd.openxmlformats-officedocument.';
/** Column index limit of a page break (XFD, 0-based). */
const MAX_COL_INDEX = 16383;

const AMP = /&/g;
const LT = /</g;
const GT = />/g;
const QUOT = /"/g;
const APOS = /'/g;
const MARKUP = /[&<>"']/;

/** Text for content or an attribute: what XML cannot hold dropped (the shared gate), markup escaped as exceljs did. */
export function xmlText(unsafe: string): string {
  const s = xmlSafe(unsafe);
  return MARKUP.test(s) ? s.replace(AMP, '&amp;').replace(LT, '&lt;').replace(GT, '&gt;').replace(QUOT, '&quot;').replace(APOS, '&apos;') : s;
}

/** Excel's built-in number formats the plan may use; any other code is a custom format from 164. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

/** The workbook's styles: fonts, fills, borders, number formats and cell formats, each once. */
class Styles {
  private readonly fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  private readonly numFmts: string[] = [];
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly index = new Map<string, number>();
  private readonly byObject = new Map<CellStyle, [number, number]>();
  private readonly byKey = new Map<string, [number, number]>();

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
class SharedStrings {
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

  xml(): string {
    const parts = [XML_HEAD, `<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.items.length}">`];
    for (const s of this.items) parts.push(/^\s|\s$/.test(s) ? `<si><t xml:space="preserve">${xmlText(s)}</t></si>` : `<si><t>${xmlText(s)}</t></si>`);
    parts.push('</sst>');
    return parts.join('');
  }
}

/** One written cell: its format, and its value (null: a styled empty cell, as the covered cells of a merge). */
interface Slot {
  xf: number;
  value: string | number | boolean | null;
}

/**
 * The merges of a sheet, each covering cells no other merge covers. One pass over the covered
 * cells: exceljs refused an overlap too ("Cannot merge already merged cells"), but found it by
 * comparing each merge with every earlier one.
 */
export function checkMerges(merges: readonly Merge[], sheet: string): void {
  const taken = new Set<number>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        const key = r * 16384 + c;
        if (taken.has(key)) throw new Error(`Cannot merge already merged cells: ${sheet}!${columnLetters(c)}${r}`);
        taken.add(key);
      }
    }
  }
}

const quoted = (sheet: string) => `'${xmlSafe(sheet).replace(/'/g, "''")}'`;

function colsXml(widths: number[]): string {
  if (!widths.length) return '';
  const out: string[] = [];
  for (let i = 0; i < widths.length; ) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
    out.push(`<col min="${i + 1}" max="${j + 1}" width="${widths[i]}" customWidth="1"/>`);
    i = j + 1;
  }
  return `<cols>${out.join('')}</cols>`;
}

function sheetXml(plan: SheetPlan, styles: Styles, strings: SharedStrings): string {
  checkMerges(plan.merges, plan.name);
  // rows[r][c]: the cell as the plan sets it; a later setting of the same cell replaces an earlier one
  const rows: Slot[][] = [];
  const at = (r: number, c: number): Slot | undefined => rows[r]?.[c];
  const put = (r: number, c: number, slot: Slot) => ((rows[r] ??= [])[c] = slot);
  for (const c of plan.cells) put(c.row, c.col, { xf: styles.xf(c.style, typeof c.value === 'string'), value: c.value });
  // a merge keeps its top-left cell; every other cell it covers is empty and takes the top-left cell's format
  for (const m of plan.merges) {
    const xf = at(m.top, m.left)?.xf ?? 0;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r > m.top || c > m.left) put(r, c, { xf, value: null });
  }
  const heights = plan.rowHeights;
  const rowNumbers = new Set<number>();
  rows.forEach((_, r) => rowNumbers.add(r));
  for (const r of Object.keys(heights)) rowNumbers.add(Number(r));
  const order = [...rowNumbers].sort((a, b) => a - b);

  const data: string[] = [];
  let minCol = 0;
  let maxCol = 0;
  for (const r of order) {
    const h = heights[r];
    const cells = rows[r];
    let body = '';
    if (cells) {
      for (let c = 1; c < cells.length; c++) {
        const slot = cells[c];
        if (!slot) continue;
        const v = slot.value;
        const ref = `${columnLetters(c)}${r}`;
        const s = slot.xf ? ` s="${slot.xf}"` : '';
        if (v === null || (typeof v === 'number' && !Number.isFinite(v))) {
          if (!slot.xf) continue;
          body += `<c r="${ref}"${s}/>`;
        } else if (typeof v === 'string') body += `<c r="${ref}"${s} t="s"><v>${strings.id(v)}</v></c>`;
        else if (typeof v === 'boolean') body += `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
        else body += `<c r="${ref}"${s}><v>${v}</v></c>`;
        if (!minCol || c < minCol) minCol = c;
        if (c > maxCol) maxCol = c;
      }
    }
    const ht = h !== undefined ? ` ht="${h}" customHeight="1"` : '';
    if (body) data.push(`<row r="${r}"${ht}>${body}</row>`);
    else if (ht) data.push(`<row r="${r}"${ht}/>`);
  }
  const firstRow = order[0] ?? 1;
  const lastRow = order[order.length - 1] ?? 1;
  const dimension = `${columnLetters(minCol || 1)}${firstRow}:${columnLetters(maxCol || 1)}${lastRow}`;

  const p = plan.print;
  const m = p.margins;
  const breaks = [...new Set(plan.breaksAfter ?? [])].sort((a, b) => a - b);
  const parts = [
    XML_HEAD,
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">`,
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
    `<dimension ref="${dimension}"/>`,
    '<sheetViews><sheetView showGridLines="0" workbookViewId="0"/></sheetViews>',
    '<sheetFormatPr defaultRowHeight="15"/>',
    colsXml(plan.columns),
    '<sheetData>',
    ...data,
    '</sheetData>',
  ];
  if (plan.merges.length) {
    parts.push(`<mergeCells count="${plan.merges.length}">`);
    for (const g of plan.merges) parts.push(`<mergeCell ref="${columnLetters(g.left)}${g.top}:${columnLetters(g.right)}${g.bottom}"/>`);
    parts.push('</mergeCells>');
  }
  if (p.horizontalCentered) parts.push('<printOptions horizontalCentered="1"/>');
  parts.push(
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`,
    `<pageSetup paperSize="9" orientation="${p.orientation}" fitToWidth="${p.fitToWidth}" fitToHeight="${p.fitToHeight}"/>`,
    p.pageNumbers === 'fromSecond'
      ? `<headerFooter differentFirst="1"><oddHeader>${xmlText(PAGE_NUMBER_HEADER)}</oddHeader></headerFooter>`
      : `<headerFooter><oddHeader>${xmlText(PAGE_NUMBER_HEADER)}</oddHeader></headerFooter>`,
  );
  if (breaks.length) {
    parts.push(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">`);
    for (const r of breaks) parts.push(`<brk id="${r}" max="${MAX_COL_INDEX}" man="1"/>`);
    parts.push('</rowBreaks>');
  }
  parts.push('</worksheet>');
  return parts.join('');
}

/** The package's parts (name → text), before the charts are added. Every text of the plan passes xmlText. */
export function planParts(plan: WorkbookPlan, now: Date): PackageParts {
  const styles = new Styles();
  const strings = new SharedStrings();
  const files: PackageParts = {};
  const text = (s: string) => s;
  const sheetParts = plan.sheets.map((s, i) => {
    const part = `xl/worksheets/sheet${i + 1}.xml`;
    files[part] = text(sheetXml(s, styles, strings));
    return part;
  });
  const names: string[] = [];
  plan.sheets.forEach((s, i) => {
    if (s.printArea) names.push(`<definedName name="_xlnm.Print_Area" localSheetId="${i}">${xmlText(`${quoted(s.name)}!$A$1:$${columnLetters(s.printArea.lastCol)}$${s.printArea.lastRow}`)}</definedName>`);
    if (s.printTitleRows) names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(`${quoted(s.name)}!$${s.printTitleRows[0]}:$${s.printTitleRows[1]}`)}</definedName>`);
  });
  const sheetRel = (i: number) => `rId${i + 3}`;
  const workbook =
    XML_HEAD +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    '<bookViews><workbookView/></bookViews>' +
    `<sheets>${plan.sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="${sheetRel(i)}"/>`).join('')}</sheets>` +
    (names.length ? `<definedNames>${names.join('')}</definedNames>` : '') +
    '<calcPr calcId="171027"/></workbook>';
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${type}" Target="${xmlText(target)}"/>`;
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  files['[Content_Types].xml'] = text(
    XML_HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}spreadsheetml.sheet.main+xml"/>` +
      sheetParts.map((p) => `<Override PartName="/${p}" ContentType="${CT}spreadsheetml.worksheet+xml"/>`).join('') +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}spreadsheetml.sharedStrings+xml"/>` +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      `<Override PartName="/docProps/app.xml" ContentType="${CT}extended-properties+xml"/>` +
      '</Types>',
  );
  files['_rels/.rels'] = text(
    XML_HEAD +
      `<Relationships xmlns="${NS_PKG_REL}">` +
      rel('rId1', `${REL}officeDocument`, 'xl/workbook.xml') +
      rel('rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml') +
      rel('rId3', `${REL}extended-properties`, 'docProps/app.xml') +
      '</Relationships>',
  );
  files['docProps/core.xml'] = text(
    XML_HEAD +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:creator>BaoCao</dc:creator><cp:keywords>${xmlText(plan.marker)}</cp:keywords>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
      '</cp:coreProperties>',
  );
  files['docProps/app.xml'] = text(
    XML_HEAD +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      '<Application>BaoCao</Application>' +
      `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${plan.sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
      `<TitlesOfParts><vt:vector size="${plan.sheets.length}" baseType="lpstr">${plan.sheets.map((s) => `<vt:lpstr>${xmlText(s.name)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
      '</Properties>',
  );
  files['xl/workbook.xml'] = text(workbook);
  files['xl/_rels/workbook.xml.rels'] = text(
    XML_HEAD +
      `<Relationships xmlns="${NS_PKG_REL}">` +
      rel('rId1', `${REL}styles`, 'styles.xml') +
      rel('rId2', `${REL}sharedStrings`, 'sharedStrings.xml') +
      sheetParts.map((p, i) => rel(sheetRel(i), `${REL}worksheet`, p.slice(3))).join('') +
      '</Relationships>',
  );
  files['xl/styles.xml'] = text(styles.xml());
  files['xl/sharedStrings.xml'] = text(strings.xml());
  // [Content_Types].xml first, as Office writes it
  const ordered: PackageParts = { '[Content_Types].xml': files['[Content_Types].xml'] };
  for (const [k, v] of Object.entries(files)) if (k !== '[Content_Types].xml') ordered[k] = v;
  return ordered;
}

/** A zip of the parts, in their order: deflated by zlib, no data descriptors, no ZIP64. */
export function zipParts(files: PackageParts, now: Date): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const time = (now.getHours() << 11) | (now.getMinutes() << 5) | Math.floor(now.getSeconds() / 2);
  const date = (Math.max(0, now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  let count = 0;
  for (const [name, part] of Object.entries(files)) {
    const raw = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    const nameBytes = Buffer.from(name, 'utf8');
    const data = zlib.deflateRawSync(raw, { level: 6 });
    const crc = zlib.crc32(raw) >>> 0;
    if (raw.length > 0xfffffffe || offset + data.length > 0xfffffffe) throw new Error('the report is too large for a zip without ZIP64');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt16LE(time, 12);
    cd.writeUInt16LE(date, 14);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(raw.length, 24);
    cd.writeUInt16LE(nameBytes.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, data);
    central.push(cd, nameBytes);
    offset += 30 + nameBytes.length + data.length;
    count++;
  }
  if (count > 0xfffe) throw new Error('too many parts for a zip without ZIP64');
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cdBuf, end]);
}
