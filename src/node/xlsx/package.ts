import path from 'node:path/posix';
import { ZipArchive } from './zip';
import { Element, NS, isMain, isRelNs, parsePart, unescapeOoxml } from './xml';
import { WorkbookReadError, damaged } from './errors';

/**
 * The package (OPC) layer: parts are found through relationships by TYPE, for both the
 * transitional and the Strict relationship namespaces, never by part name.
 */
const T = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const S = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';
const relType = (name: string, strictName = name) => (t: string) => t === T + name || t === S + strictName;
export const REL = {
  officeDocument: relType('officeDocument'),
  extendedProperties: relType('extended-properties', 'extendedProperties'),
  worksheet: relType('worksheet'),
  sharedStrings: relType('sharedStrings'),
  styles: relType('styles'),
  table: relType('table'),
};

export interface Relationship {
  id: string;
  type: string;
  /** Resolved part name without a leading slash, or null for an external target. */
  target: string | null;
}

/** The relationships part of `source` ('' for the package itself). */
export function relsPartName(source: string): string {
  return source ? path.join(path.dirname(source), '_rels', `${path.basename(source)}.rels`) : '_rels/.rels';
}

/** Resolves a relationship target against its source part (relative or absolute, percent-encoded or not). */
export function resolveTarget(source: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(t);
  } catch {
    // leave as written
  }
  t = t.split('#')[0];
  if (t.startsWith('/')) return path.normalize(t).slice(1);
  return path.normalize(path.join(path.dirname(source || '/'), t)).replace(/^\/+/, '').replace(/^(\.\.\/)+/, '');
}

export function readRelationships(zip: ZipArchive, source: string): Relationship[] {
  const name = relsPartName(source);
  if (!zip.get(name)) return [];
  const out: Relationship[] = [];
  parsePart(zip, name, {
    open(el) {
      if (el.local !== 'Relationship' || el.uri !== NS.pkgRel) return;
      const id = el.attr('Id') ?? '';
      const type = el.attr('Type') ?? '';
      const target = el.attr('Target');
      if (!target) return;
      out.push({ id, type, target: el.attr('TargetMode') === 'External' ? null : resolveTarget(source, target) });
    },
    close() {},
  });
  return out;
}

export interface SheetRef {
  name: string;
  part: string;
}

export interface WorkbookInfo {
  part: string;
  date1904: boolean;
  fullCalcOnLoad: boolean;
  sheets: SheetRef[];
  sharedStrings: string | null;
  styles: string | null;
  /** docProps/app.xml's Application, or null when there is none. */
  application: string | null;
}

const truthy = (v: string | undefined) => v === '1' || v === 'true';

/** Finds the workbook part and what it points to, telling .ods and .xlsb apart from damage. */
export function openWorkbook(zip: ZipArchive): WorkbookInfo {
  const mimetype = zip.get('mimetype') ? zip.head('mimetype', 200).toString('latin1').trim() : '';
  if (mimetype.startsWith('application/vnd.oasis.opendocument')) throw new WorkbookReadError('ods', mimetype);
  const rootRels = readRelationships(zip, '');
  let part = rootRels.find((r) => REL.officeDocument(r.type) && r.target)?.target ?? null;
  if (!part && zip.get('xl/workbook.xml')) part = 'xl/workbook.xml';
  if (!part && zip.get('xl/workbook.bin')) part = 'xl/workbook.bin';
  if (!part) throw new WorkbookReadError('notWorkbook', zip.get('word/document.xml') ? 'a Word document' : zip.get('ppt/presentation.xml') ? 'a PowerPoint presentation' : 'no workbook part');
  if (/\.bin$/i.test(part)) throw new WorkbookReadError('xlsb', part);
  if (!zip.get(part)) throw damaged(`the workbook part ${part} is missing`);

  const info: WorkbookInfo = { part, date1904: false, fullCalcOnLoad: false, sheets: [], sharedStrings: null, styles: null, application: null };
  const pending: { name: string; rid: string }[] = [];
  let depth = 0;
  let sawWorkbook = false;
  parsePart(zip, part, {
    open(el: Element) {
      depth++;
      if (!isMain(el.uri)) {
        if (depth === 1) throw new WorkbookReadError('notWorkbook', `${part} is not a SpreadsheetML workbook (${el.uri || el.local})`);
        return;
      }
      if (depth === 1) sawWorkbook = el.local === 'workbook';
      if (el.local === 'workbookPr') info.date1904 = truthy(el.attr('date1904'));
      else if (el.local === 'calcPr') info.fullCalcOnLoad = truthy(el.attr('fullCalcOnLoad'));
      else if (el.local === 'sheet') pending.push({ name: unescapeOoxml(el.attr('name') ?? ''), rid: el.attr('id', isRelNs) ?? '' });
    },
    close() {
      depth--;
    },
  });
  if (!sawWorkbook) throw new WorkbookReadError('notWorkbook', `${part} has no <workbook>`);
  const rels = readRelationships(zip, part);
  const byId = new Map(rels.map((r) => [r.id, r]));
  for (const s of pending) {
    const r = byId.get(s.rid);
    // chartsheets and dialog sheets hold no cells
    if (r?.target && REL.worksheet(r.type)) info.sheets.push({ name: s.name, part: r.target });
  }
  info.sharedStrings = rels.find((r) => REL.sharedStrings(r.type) && r.target && zip.get(r.target))?.target ?? null;
  info.styles = rels.find((r) => REL.styles(r.type) && r.target && zip.get(r.target))?.target ?? null;
  const app = rootRels.find((r) => REL.extendedProperties(r.type) && r.target && zip.get(r.target))?.target;
  if (app) info.application = readApplication(zip, app);
  return info;
}

function readApplication(zip: ZipArchive, part: string): string | null {
  let inApp = false;
  let text: string | null = null;
  parsePart(zip, part, {
    open(el) {
      inApp = el.local === 'Application' && (el.uri === NS.extProps || el.uri === NS.extPropsStrict);
      if (inApp) text = '';
    },
    close() {
      inApp = false;
    },
    text(s) {
      if (inApp) text += s;
    },
  });
  return text === null ? null : (text as string).trim();
}

export interface TablePart {
  name: string;
  ref: string;
  headerRowCount: number;
  totalsRowCount: number;
  columns: string[];
}

/** The tables of a worksheet, from its relationships of type table. */
export function readTables(zip: ZipArchive, sheetPart: string): TablePart[] {
  const out: TablePart[] = [];
  for (const r of readRelationships(zip, sheetPart)) {
    if (!REL.table(r.type) || !r.target || !zip.get(r.target)) continue;
    let t: TablePart | null = null;
    let inColumns = false;
    parsePart(zip, r.target, {
      open(el) {
        if (!isMain(el.uri)) return;
        if (el.local === 'table' && !t) {
          t = {
            name: unescapeOoxml(el.attr('displayName') ?? el.attr('name') ?? ''),
            ref: el.attr('ref') ?? '',
            headerRowCount: Number(el.attr('headerRowCount') ?? 1),
            totalsRowCount: Number(el.attr('totalsRowCount') ?? 0),
            columns: [],
          };
        } else if (el.local === 'tableColumns') inColumns = true;
        else if (el.local === 'tableColumn' && inColumns && t) (t as TablePart).columns.push(unescapeOoxml(el.attr('name') ?? ''));
      },
      close(local) {
        if (local === 'tableColumns') inColumns = false;
      },
    });
    if (t && (t as TablePart).ref) out.push(t);
  }
  return out;
}
