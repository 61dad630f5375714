// Adds one worksheet holding one Excel table to an existing .xlsx package, keeping everything
// else of the workbook: every other part (charts, pivot tables, styles, defined names, VBA, custom
// XML…) is copied into the new zip as its stored compressed bytes, unchanged. Only three parts are
// rewritten, each by inserting one element: the workbook (<sheet>), the workbook's relationships
// (<Relationship>) and [Content_Types].xml (<Override> ×2). exceljs is never used: a round trip
// through it drops charts, pivots and much of the formatting. Every part goes through the
// reader's zip and XML checks first, so the copy is well-formed or refused.
import zlib from 'node:zlib';
import path from 'node:path/posix';
import { ZipArchive } from './xlsx/zip';
import { NS, parsePart, unescapeOoxml } from './xlsx/xml';
import { REL, openWorkbook, readRelationships, readTables, relsPartName } from './xlsx/package';
import { checkPackage } from './xlsx/check';
import { columnLetters } from '../core/records/snapshot';
import { xmlSafe } from '../core/records/xml-text';

export class AddSheetError extends Error {
  constructor(
    readonly code: 'sheetExists' | 'tableExists' | 'nameExists' | 'unsupported',
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

export interface NewTableSheet {
  sheet: string;
  table: string;
  headers: string[];
  /** Value rows; numbers are written as numbers, everything else as text (never as a formula). */
  rows: (string | number | null)[][];
  /** Column widths in characters (core decides them: anhXaTable; default Excel's 8.43). */
  widths?: number[];
  /** Table style (default TableStyleMedium2, as `baocao template` writes its tables). */
  style?: string;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';

export function escapeXml(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const fold = (s: string) => s.normalize('NFC').toLowerCase();

/** The names a workbook already uses: sheets, tables (name and displayName), defined names. */
export function workbookNames(buf: Buffer): { sheets: string[]; tables: string[]; definedNames: string[] } {
  const zip = new ZipArchive(buf);
  const info = openWorkbook(zip);
  const sheets: string[] = [];
  const definedNames: string[] = [];
  parsePart(zip, info.part, {
    open(el) {
      if (el.local === 'sheet') sheets.push(unescapeOoxml(el.attr('name') ?? ''));
      else if (el.local === 'definedName') definedNames.push(unescapeOoxml(el.attr('name') ?? ''));
    },
    close() {},
  });
  const tables: string[] = [];
  for (const s of info.sheets) if (zip.get(s.part)) for (const t of readTables(zip, s.part)) tables.push(t.name);
  return { sheets, tables, definedNames };
}

/** Returns a new package: `buf` with the sheet and its table added after the last sheet. */
export function addTableSheet(buf: Buffer, spec: NewTableSheet, options: { parsed?: ReadonlySet<string> } = {}): Uint8Array {
  const zip = new ZipArchive(buf);
  const info = openWorkbook(zip);
  // every part is copied as stored: each must pass the reader's checks first (WorkbookReadError);
  // `parsed` names the parts of these same bytes that a reader has already parsed whole
  checkPackage(zip, options.parsed);
  const names = workbookNames(buf);
  if (names.sheets.some((s) => fold(s) === fold(spec.sheet))) throw new AddSheetError('sheetExists', spec.sheet);
  if (names.tables.some((t) => fold(t) === fold(spec.table))) throw new AddSheetError('tableExists', spec.table);
  if (names.definedNames.some((t) => fold(t) === fold(spec.table))) throw new AddSheetError('nameExists', spec.table);

  const wbXml = zip.text(info.part)!;
  const root = /<(?:([A-Za-z_][\w.-]*):)?workbook\b[^>]*>/.exec(wbXml);
  if (!root) throw new AddSheetError('unsupported', `${info.part} has no <workbook>`);
  const prefix = root[1] ? `${root[1]}:` : '';
  const strict = root[0].includes(NS.mainStrict);
  const mainNs = strict ? NS.mainStrict : NS.main;
  const relNs = strict ? NS.relStrict : NS.rel;
  const relTypeBase = strict ? 'http://purl.oclc.org/ooxml/officeDocument/relationships/' : 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

  // New part names, free in the package (OPC names compare case-insensitively).
  const dir = path.dirname(info.part);
  const free = (make: (n: number) => string) => {
    let n = 1;
    while (zip.get(make(n))) n++;
    return make(n);
  };
  const sheetPart = free((n) => path.join(dir, `worksheets/sheet${n}.xml`));
  const tablePart = free((n) => path.join(dir, `tables/table${n}.xml`));

  // Table ids are unique in the workbook.
  let maxTableId = 0;
  for (const s of info.sheets) {
    if (!zip.get(s.part)) continue;
    for (const r of readRelationships(zip, s.part)) {
      if (!REL.table(r.type) || !r.target || !zip.get(r.target)) continue;
      const m = /<(?:[\w.-]+:)?table\b[^>]*?\sid="(\d+)"/.exec(zip.text(r.target) ?? '');
      if (m) maxTableId = Math.max(maxTableId, Number(m[1]));
    }
  }

  // workbook.xml: one <sheet> at the end of <sheets>.
  const sheetIds = [...wbXml.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*?\ssheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const sheetId = Math.max(0, ...sheetIds) + 1;
  const wbRelsPart = relsPartName(info.part);
  const wbRels = zip.text(wbRelsPart) ?? `${XML_HEAD}<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
  const usedIds = new Set([...wbRels.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
  let k = usedIds.size + 1;
  while (usedIds.has(`rId${k}`)) k++;
  const rId = `rId${k}`;
  const relPrefix = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)="${relNs.replace(/[.]/g, '\\.')}"`).exec(root[0])?.[1];
  const idAttr = relPrefix ? `${relPrefix}:id="${rId}"` : `xmlns:bcr="${relNs}" bcr:id="${rId}"`;
  const sheetEl = `<${prefix}sheet name="${escapeXml(spec.sheet)}" sheetId="${sheetId}" ${idAttr}/>`;
  const closeSheets = new RegExp(`</${prefix}sheets\\s*>`);
  if (!closeSheets.test(wbXml)) throw new AddSheetError('unsupported', `${info.part} has no </${prefix}sheets>`);
  const newWb = wbXml.replace(closeSheets, (m) => sheetEl + m);

  const relTarget = path.relative(dir, sheetPart);
  const closeRels = /<\/(?:[\w.-]+:)?Relationships\s*>/;
  const relEl = (id: string, type: string, target: string, pfx: string) => `<${pfx}Relationship Id="${id}" Type="${relTypeBase}${type}" Target="${escapeXml(target)}"/>`;
  const relsPfx = /<(?:([\w.-]+):)?Relationships\b/.exec(wbRels)?.[1];
  const newWbRels = wbRels.replace(closeRels, (m) => relEl(rId, 'worksheet', relTarget, relsPfx ? `${relsPfx}:` : '') + m);

  const ctPart = zip.names().find((n) => n.toLowerCase() === '[content_types].xml');
  if (!ctPart) throw new AddSheetError('unsupported', 'no [Content_Types].xml');
  const ct = zip.text(ctPart)!;
  const ctPfx = /<(?:([\w.-]+):)?Types\b/.exec(ct)?.[1];
  const o = ctPfx ? `${ctPfx}:` : '';
  const newCt = ct.replace(/<\/(?:[\w.-]+:)?Types\s*>/, (m) => `<${o}Override PartName="/${sheetPart}" ContentType="${CT_SHEET}"/><${o}Override PartName="/${tablePart}" ContentType="${CT_TABLE}"/>` + m);

  const sheetRelsXml = `${XML_HEAD}<Relationships xmlns="${NS.pkgRel}">${relEl('rId1', 'table', path.relative(path.dirname(sheetPart), tablePart), '')}</Relationships>`;
  const { sheetXml, tableXml } = tableSheetXml(spec, mainNs, relNs, maxTableId + 1);

  const changed = new Map<string, string>([
    [zip.get(info.part)!.name, newWb],
    [ctPart, newCt],
  ]);
  const added: [string, string][] = [];
  if (zip.get(wbRelsPart)) changed.set(zip.get(wbRelsPart)!.name, newWbRels);
  else added.push([wbRelsPart, newWbRels]);
  added.push([sheetPart, sheetXml], [relsPartName(sheetPart), sheetRelsXml], [tablePart, tableXml]);
  return writeZip(zip, changed, added);
}

/** The worksheet and table parts: headers on row 1, the header row frozen, the widths given. */
function tableSheetXml(spec: NewTableSheet, mainNs: string, relNs: string, tableId: number): { sheetXml: string; tableXml: string } {
  const width = spec.headers.length;
  const rows = spec.rows.length ? spec.rows : [new Array(width).fill(null)];
  const last = columnLetters(width);
  const ref = `A1:${last}${rows.length + 1}`;
  const cell = (r: number, c: number, v: string | number | null): string => {
    const at = `${columnLetters(c + 1)}${r}`;
    if (v === null || v === '') return '';
    if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${at}"><v>${v}</v></c>`;
    const t = xmlSafe(String(v));
    const space = /^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : '';
    return `<c r="${at}" t="inlineStr"><is><t${space}>${escapeXml(t)}</t></is></c>`;
  };
  const widths = spec.widths ?? spec.headers.map(() => 8.43);
  const data = [spec.headers, ...rows].map((r, i) => `<row r="${i + 1}">${r.map((v, c) => cell(i + 1, c, v)).join('')}</row>`).join('');
  const sheetXml =
    XML_HEAD +
    `<worksheet xmlns="${mainNs}" xmlns:r="${relNs}">` +
    `<dimension ref="${ref}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${data}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup orientation="landscape"/>` +
    `<tableParts count="1"><tablePart r:id="rId1"/></tableParts>` +
    `</worksheet>`;
  const name = escapeXml(spec.table);
  const tableXml =
    XML_HEAD +
    `<table xmlns="${mainNs}" id="${tableId}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${width}">${spec.headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h)}"/>`).join('')}</tableColumns>` +
    `<tableStyleInfo name="${escapeXml(spec.style ?? 'TableStyleMedium2')}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`;
  return { sheetXml, tableXml };
}

/**
 * Writes the zip: every entry of `zip` in its order, its stored (compressed) bytes copied as they
 * are unless `changed` replaces its content; then the `added` parts. No data descriptors, no ZIP64.
 */
function writeZip(zip: ZipArchive, changed: Map<string, string>, added: [string, string][]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const now = dosTime(new Date());
  const put = (name: string, method: number, flags: number, time: number, date: number, crc: number, size: number, data: Buffer) => {
    const nameBytes = Buffer.from(name, 'utf8');
    const utf8 = /[^\x20-\x7e]/.test(name) ? 0x800 : 0;
    const f = (flags & ~0x8 & ~0x1) | utf8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(f, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(f, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt16LE(time, 12);
    cd.writeUInt16LE(date, 14);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(nameBytes.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, data);
    central.push(cd, nameBytes);
    offset += 30 + nameBytes.length + data.length;
    if (offset > 0xfffffff0) throw new AddSheetError('unsupported', 'the workbook is too large (ZIP64)');
  };
  const putText = (name: string, text: string, time = now.time, date = now.date) => {
    const raw = Buffer.from(text, 'utf8');
    put(name, 8, 0, time, date, zlib.crc32(raw), raw.length, zlib.deflateRawSync(raw, { level: 6 }));
  };
  for (const name of zip.names()) {
    const e = zip.get(name)!;
    const text = changed.get(name);
    if (text !== undefined) putText(name, text, e.time, e.date);
    else put(name, e.method, e.flags, e.time, e.date, e.crc, e.size, zip.raw(name));
  }
  for (const [name, text] of added) putText(name, text);
  const cdBuf = Buffer.concat(central);
  const count = central.length / 2;
  if (count > 0xfffe) throw new AddSheetError('unsupported', 'too many parts (ZIP64)');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, cdBuf, end]));
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
