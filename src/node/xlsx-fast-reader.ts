import path from 'node:path/posix';
import { CellValue, TableSnapshot, parseA1, overlapsTable } from '../core/snapshot';
import { matchTableKind } from '../core/mapping';
import { listZip, readZipEntry, ZipEntry } from './zip';

/**
 * Reads the contract's tables straight from the .xlsx package: only the sheets that hold such a
 * table are parsed, and only the cells inside the tables are kept. Values match what the exceljs
 * reader gives (dates as Date, errors as {error}), at a fraction of its time and memory.
 */
export function readTablesFast(buf: Buffer, wanted: (tableName: string) => boolean = (n) => !!matchTableKind(n)): TableSnapshot[] {
  const entries = listZip(buf);
  const text = (name: string): string | null => {
    const e: ZipEntry | undefined = entries.get(name);
    return e ? readZipEntry(buf, e).toString('utf8') : null;
  };
  const workbook = text('xl/workbook.xml');
  if (!workbook) throw new Error('xl/workbook.xml is missing');
  const date1904 = /<workbookPr[^>]*date1904="(1|true)"/.test(workbook);
  const wbRels = relationships(text('xl/_rels/workbook.xml.rels') ?? '', 'xl');
  let strings: string[] | null = null;
  let dateStyles: boolean[] | null = null;
  const out: TableSnapshot[] = [];

  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const attrs = m[1];
    const sheetName = unescapeXml(attr(attrs, 'name') ?? '');
    const rid = attr(attrs, 'r:id') ?? attr(attrs, 'id');
    const sheetPath = rid ? wbRels.get(rid) : undefined;
    if (!sheetPath) continue;
    const sheetRels = relationships(text(path.join(path.dirname(sheetPath), '_rels', `${path.basename(sheetPath)}.rels`)) ?? '', path.dirname(sheetPath));
    const tables: { name: string; columns: string[]; start: { row: number; col: number }; end: { row: number; col: number }; totals: number; header: number }[] = [];
    for (const target of sheetRels.values()) {
      if (!/\/tables\/[^/]+\.xml$/.test(target)) continue;
      const xml = text(target);
      const head = xml && /<table\b([^>]*)>/.exec(xml);
      if (!head) continue;
      const name = unescapeXml(attr(head[1], 'displayName') ?? attr(head[1], 'name') ?? '');
      const ref = attr(head[1], 'ref');
      if (!ref || !wanted(name)) continue;
      const [a, b = a] = ref.split(':');
      // Excel keeps each column's name equal to its header cell's text
      const columns = [...xml.matchAll(/<tableColumn\b([^>]*?)\/?>/g)].map((c) => unescapeXml(attr(c[1], 'name') ?? ''));
      tables.push({ name, columns, start: parseA1(a), end: parseA1(b), totals: Number(attr(head[1], 'totalsRowCount') ?? 0), header: Number(attr(head[1], 'headerRowCount') ?? 1) });
    }
    if (!tables.length) continue;
    strings ??= sharedStrings(text('xl/sharedStrings.xml') ?? '');
    dateStyles ??= dateStyleFlags(text('xl/styles.xml') ?? '');
    const sheetXml = () => text(sheetPath) ?? '';
    const mergesIn = (xml: string) => [...xml.matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g)].map((m) => m[1]);
    for (const t of tables) {
      const width = t.end.col - t.start.col + 1;
      const first = t.start.row + (t.header === 0 ? 0 : 1);
      const last = t.end.row - t.totals;
      const headers = Array.from({ length: width }, (_, i) => (t.header === 0 ? '' : t.columns[i] ?? ''));
      const extent = { headerRow: t.start.row, firstColumn: t.start.col, headers, rows: { length: last - first + 1 } as unknown[] };
      let merged: string[] | null = null;
      const noteMerges = (xml: string) => (merged = mergesIn(xml).filter((ref) => overlapsTable(extent, ref)));
      const snap = { name: t.name, sheet: sheetName, headerRow: t.start.row, firstColumn: t.start.col, headers } as TableSnapshot;
      // Rows are read from the package each time they are asked for and not kept, so a 100k-row
      // workbook is never held in memory as rows and records at once.
      Object.defineProperty(snap, 'rows', {
        enumerable: true,
        get: () => {
          const xml = sheetXml();
          noteMerges(xml);
          const rows: CellValue[][] = [];
          for (let r = first; r <= last; r++) rows.push(new Array<CellValue>(width).fill(null));
          scanCells(xml, first, last, (row, col, value) => {
            if (col >= t.start.col && col <= t.end.col) rows[row - first][col - t.start.col] = value;
          }, strings!, dateStyles!, date1904);
          return rows;
        },
      });
      Object.defineProperty(snap, 'merged', {
        enumerable: true,
        get: () => {
          const list = merged ?? noteMerges(sheetXml());
          return list.length ? list : undefined;
        },
      });
      out.push(snap);
    }
  }
  return out;
}

const ATTR = new Map<string, RegExp>();
function attr(attrs: string, name: string): string | undefined {
  let re = ATTR.get(name);
  if (!re) ATTR.set(name, (re = new RegExp(`(?:^|\\s)${name.replace(':', '\\:')}="([^"]*)"`)));
  const m = re.exec(attrs);
  return m ? m[1] : undefined;
}

function relationships(xml: string, base: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of xml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (!id || !target || attr(m[1], 'TargetMode') === 'External') continue;
    map.set(id, target.startsWith('/') ? target.slice(1) : path.normalize(path.join(base, target)));
  }
  return map;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (all, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
      return ENTITIES[e] ?? all;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Text of every <t> of a string item, leaving out phonetic runs. */
function itemText(xml: string): string {
  let s = '';
  for (const m of xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)) s += m[1] ?? '';
  return unescapeXml(s);
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) out.push(itemText(m[1] ?? ''));
  return out;
}

const BUILTIN_DATE = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** For each cell style (xf index), whether its number format shows a date. */
function dateStyleFlags(xml: string): boolean[] {
  const custom = new Map<number, boolean>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = Number(attr(m[1], 'numFmtId'));
    const code = unescapeXml(attr(m[1], 'formatCode') ?? '')
      .replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')
      .toLowerCase();
    custom.set(id, /[dmyhs]/.test(code) && !/^general$/.test(code));
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const flags: boolean[] = [];
  for (const m of xfs.matchAll(/<xf\b([^>]*)\/?>/g)) {
    const id = Number(attr(m[1], 'numFmtId') ?? 0);
    flags.push(custom.get(id) ?? BUILTIN_DATE.has(id));
  }
  return flags;
}

function serialToDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(Math.round(epoch + serial * 86400000));
}

const INTERNED = new Map<string, string>();
/**
 * One copy of each short text (zones, names, categories repeat down a table), and a fresh copy
 * of each long one: a match is a slice of the whole sheet's XML, and copying lets that be freed.
 */
function intern(s: string): string {
  if (s.length > 40) return Buffer.from(s, 'utf8').toString('utf8');
  let v = INTERNED.get(s);
  if (v === undefined) {
    if (INTERNED.size > 200_000) INTERNED.clear();
    v = s.length > 12 ? Buffer.from(s, 'utf8').toString('utf8') : s;
    INTERNED.set(v, v);
  }
  return v;
}

/** Walks <row>/<c> elements in document order, calling `put` for cells in rows minRow..maxRow. */
function scanCells(
  xml: string,
  minRow: number,
  maxRow: number,
  put: (row: number, col: number, v: CellValue) => void,
  strings: string[],
  dateStyles: boolean[],
  date1904: boolean,
): void {
  const re = /<row\b([^>]*?)(\/)?>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  let row = 0;
  let col = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    if (m[1] !== undefined) {
      const r = attr(m[1], 'r');
      row = r ? Number(r) : row + 1;
      col = 0;
      if (row > maxRow) break;
      continue;
    }
    const attrs = m[3];
    const ref = attr(attrs, 'r');
    if (ref) {
      const p = parseA1(ref);
      col = p.col;
      row = p.row;
    } else col++;
    if (row < minRow || m[4] === undefined) continue;
    const body = m[4];
    const t = attr(attrs, 't') ?? 'n';
    let value: CellValue = null;
    if (t === 'inlineStr') value = itemText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
    else {
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      if (v === undefined) continue;
      if (t === 's') value = strings[Number(v)] ?? '';
      else if (t === 'b') value = v === '1';
      else if (t === 'e') value = { error: unescapeXml(v) };
      else if (t === 'str') value = unescapeXml(v);
      else if (t === 'd') value = new Date(v);
      else {
        const n = Number(v);
        const style = Number(attr(attrs, 's') ?? 0);
        value = dateStyles[style] && Number.isFinite(n) ? serialToDate(n, date1904) : n;
      }
    }
    if (typeof value === 'string') value = intern(value);
    put(row, col, value);
  }
}
