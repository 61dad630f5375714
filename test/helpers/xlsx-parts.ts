import { zipSync, strToU8 } from 'fflate';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const STRICT = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const REL_T = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_S = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Builds a zip from `{name: content}`; level 0 stores, otherwise deflates. */
export function zipOf(files: Record<string, string | Uint8Array>, level: 0 | 6 = 6): Buffer {
  const input: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  for (const [k, v] of Object.entries(files)) input[k] = [typeof v === 'string' ? strToU8(v) : v, { level }];
  return Buffer.from(zipSync(input));
}

export interface BookOptions {
  /** Element prefix for SpreadsheetML ('' = default namespace). */
  prefix?: string;
  strict?: boolean;
  /** <sheetData> inner XML of the one sheet. */
  sheetData: string;
  /** Table XML attributes and columns. */
  table?: { name?: string; ref: string; columns: string[]; extra?: string };
  sharedStrings?: string[];
  sharedStringsPart?: string;
  /** Inner XML of cellXfs (and numFmts before it). */
  styles?: string;
  workbookExtra?: string;
  application?: string | null;
  sheetTail?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The parts of a one-sheet, one-table workbook, written by hand. */
export function bookParts(o: BookOptions): Record<string, string> {
  const ns = o.strict ? STRICT : MAIN;
  const rel = o.strict ? REL_S : REL_T;
  const relType = (t: string) => (o.strict ? `${REL_S}/${t}` : `${REL_T}/${t}`);
  const p = o.prefix ? `${o.prefix}:` : '';
  const xmlns = o.prefix ? `xmlns:${o.prefix}="${ns}"` : `xmlns="${ns}"`;
  const sstPart = o.sharedStringsPart ?? 'xl/sharedStrings.xml';
  const t = o.table ?? { ref: 'A1:B3', columns: ['Khóa', 'Giá trị'] };
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${relType('officeDocument')}" Target="xl/workbook.xml"/>${o.application === null ? '' : `<Relationship Id="rId2" Type="${o.strict ? `${REL_S}/extendedProperties` : `${REL_T}/extended-properties`}" Target="docProps/app.xml"/>`}</Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${xmlns} xmlns:r="${rel}">${o.workbookExtra ?? ''}<${p}sheets><${p}sheet name="DuAn" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${relType('worksheet')}" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${relType('sharedStrings')}" Target="/${sstPart}"/><Relationship Id="rId3" Type="${relType('styles')}" Target="styles.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${xmlns} xmlns:r="${rel}"><${p}sheetData>${o.sheetData}</${p}sheetData>${o.sheetTail ?? ''}<${p}tableParts count="1"><${p}tablePart r:id="rId1"/></${p}tableParts></${p}worksheet>`,
    'xl/worksheets/_rels/sheet1.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${relType('table')}" Target="../tables/table1.xml"/></Relationships>`,
    'xl/tables/table1.xml': `<?xml version="1.0" encoding="UTF-8"?><${p}table ${xmlns} id="1" name="${t.name ?? 'DuAn'}" displayName="${t.name ?? 'DuAn'}" ref="${t.ref}" ${t.extra ?? ''}><${p}tableColumns count="${t.columns.length}">${t.columns.map((c, i) => `<${p}tableColumn id="${i + 1}" name="${esc(c)}"/>`).join('')}</${p}tableColumns></${p}table>`,
    [sstPart]: `<?xml version="1.0" encoding="UTF-8"?><${p}sst ${xmlns}>${(o.sharedStrings ?? []).map((s) => `<${p}si><${p}t xml:space="preserve">${esc(s)}</${p}t></${p}si>`).join('')}</${p}sst>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><${p}styleSheet ${xmlns}>${o.styles ?? `<${p}cellXfs count="2"><${p}xf numFmtId="0"/><${p}xf numFmtId="14"/></${p}cellXfs>`}</${p}styleSheet>`,
  };
  if (o.application !== null) {
    files['docProps/app.xml'] = `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="${o.strict ? 'http://purl.oclc.org/ooxml/officeDocument/extendedProperties' : 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties'}"><Application>${o.application ?? 'Microsoft Excel'}</Application></Properties>`;
  }
  return files;
}

/** One cell: number, inline string, or raw inner XML with attributes. */
export function row(r: number, cells: string[]): string {
  return `<row r="${r}">${cells.join('')}</row>`;
}
