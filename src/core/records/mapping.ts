import { TableReadCache, RowMemo, RecordDelta, noteRecordDelta, sameRow } from './table-cache';
import { CellValue, ParsedTable, StreamedRows, TableSnapshot, tableCell, tableRange, cellAddress, quoteSheet } from './snapshot';
import { isXmlSafe, unsafeCharacters } from './xml-text';
import { foldKey, cleanText } from './text';
import { Parsed, isBlank, parseDate, parseInteger, parseMonth, parseNumber, parseText, parseYesNo, describe, Day, formatDayDMY } from './parse';
import { Lang, Problems, whyText } from '../problems';
import { fieldName } from '../staff-words';
import { dossierKind, dossierChannel, cashlessCell } from './dossiers';
import {
  TABLES,
  TableDef,
  TableKind,
  ColumnDef,
  SCHEMAS,
  SETTINGS,
  SettingKey,
  Located,
  Origin,
  TableLayout,
  Project,
  Labour,
  Revenue,
  Budget,
  Task,
  Dossier,
  Target,
  SectionRow,
  TemplateRow,
  MetricDef,
} from './schema';

export interface Settings {
  periodStart: Day | null;
  periodEnd: Day | null;
  asOf: Day | null;
  reportDate: Day | null;
  vndPerUsd: number | null;
  agency: string | null;
  parentAgency: string | null;
  docNumber: string | null;
  place: string | null;
  title: string | null;
  signerFor: string | null;
  signerTitle: string | null;
  signerName: string | null;
  recipients: string | null;
  language: string | null;
}

/** How one table was read: enough to cite where a figure came from. */
export interface TableRead {
  kind: TableKind;
  name: string;
  range: string;
  rowsRead: number;
  rowsSkipped: number;
  /** The contract columns the table has (field keys), when it was read: a figure whose column is absent is missing, not 0. */
  columns?: string[];
}

export interface WorkbookData {
  settings: Settings;
  settingsOrigin: Partial<Record<SettingKey, string>>;
  /** null when the workbook has no usable table of that kind. */
  projects: Located<Project>[] | null;
  labour: Located<Labour>[] | null;
  revenue: Located<Revenue>[] | null;
  budget: Located<Budget>[] | null;
  tasks: Located<Task>[] | null;
  dossiers: Located<Dossier>[] | null;
  targets: Located<Target>[] | null;
  sections: Located<SectionRow>[] | null;
  templates: Located<TemplateRow>[] | null;
  metrics: Located<MetricDef>[] | null;
  tables: TableRead[];
}

export function matchTableKind(name: string): TableDef | undefined {
  const f = foldKey(name);
  return TABLES.find((t) => [t.en, t.vi, ...(t.aliases ?? [])].some((n) => foldKey(n) === f));
}

export function matchColumn(def: TableDef, header: string): ColumnDef | undefined {
  const f = foldKey(header);
  if (!f) return undefined;
  return def.columns.find((c) => foldKey(c.key) === f || c.vi.some((v) => foldKey(v) === f));
}

/** The licensing event a Loại cell names (folded: "Cấp mới" → capmoi), as the contract accepts it. */
export const EVENTS: Record<string, 'new' | 'adjust' | 'terminate'> = {
  capmoi: 'new',
  new: 'new',
  moi: 'new',
  dieuchinh: 'adjust',
  adjust: 'adjust',
  tangvon: 'adjust',
  chamdut: 'terminate',
  terminate: 'terminate',
  thuhoi: 'terminate',
};

type RawRecord = Record<string, unknown>;

function parseCell(type: ColumnDef['type'], v: CellValue): Parsed<unknown> {
  switch (type) {
    case 'number':
      return parseNumber(v);
    case 'integer':
      return parseInteger(v);
    case 'date':
      return parseDate(v);
    case 'month':
      return parseMonth(v);
    case 'yesno':
      return parseYesNo(v);
    case 'text':
      return parseText(v);
    default:
      return { ok: true, value: v };
  }
}

/** Maps table snapshots to typed records. Every row is either a record or a reported problem. */
export function readWorkbook(snapshots: TableSnapshot[], problems: Problems, given?: GivenPeriod, cache?: TableReadCache<TableRead>): WorkbookData {
  const byKind = new Map<TableKind, TableSnapshot[]>();
  for (const s of snapshots) {
    const def = matchTableKind(s.kind ?? s.name);
    if (!def) continue;
    const list = byKind.get(def.kind) ?? [];
    if (list.length && !s.kind) problems.add('warning', tableRange(s), 'tableDuplicate', { en: def.en, vi: def.vi, table: s.name });
    list.push(s);
    byKind.set(def.kind, list);
  }
  const tables: TableRead[] = [];
  if (!cache) for (const s of snapshots) s.prepare?.(problems.lang);
  const read = <T>(kind: TableKind): Located<T>[] | null => {
    const list = byKind.get(kind);
    if (!list) return null;
    let out: Located<T>[] | null = null;
    for (const snap of list) {
      const recs = cache ? cache.read(snap, kind, problems.lang, problems.list, tables, (earlier) => readTable<T>(snap, kind, problems, tables, earlier)) : parsedAhead<T>(snap, problems, tables, () => readTable<T>(snap, kind, problems, tables, undefined, true).records);
      // one table's records stay the same array between live checks: its figures are kept by that array
      if (recs) out = out ? [...out, ...recs] : recs;
    }
    return out;
  };

  const settingsSnaps = byKind.get('settings');
  const { settings, origin } = settingsSnaps ? readSettings(settingsSnaps, problems, given) : { settings: emptySettings(), origin: {} };
  if (!settingsSnaps && given) applyGivenPeriod(settings, origin, given, problems);
  else if (!settingsSnaps) problems.add('error', null, 'settingsMissing');

  const data: WorkbookData = {
    settings,
    settingsOrigin: origin,
    projects: read<Project>('projects'),
    labour: read<Labour>('labour'),
    revenue: read<Revenue>('revenue'),
    budget: read<Budget>('budget'),
    tasks: read<Task>('tasks'),
    dossiers: read<Dossier>('dossiers'),
    targets: read<Target>('targets'),
    sections: read<SectionRow>('sections'),
    templates: read<TemplateRow>('templates'),
    metrics: read<MetricDef>('metrics'),
    tables,
  };
  for (const def of TABLES) {
    if (def.kind === 'settings' || byKind.has(def.kind)) continue;
    if (['projects', 'labour', 'revenue', 'budget', 'tasks', 'targets'].includes(def.kind)) {
      problems.add('warning', null, 'tableMissing', { table: def.vi, en: def.en });
    }
  }
  return data;
}

/** The records of a table the reader parsed ahead, its problems and line added; or `parse` when it did not. */
function parsedAhead<T>(snap: TableSnapshot, problems: Problems, tables: TableRead[], parse: () => Located<T>[] | null): Located<T>[] | null {
  const done = snap.parsed?.();
  if (!done) return parse();
  problems.list.push(...done.problems);
  tables.push(...(done.reads as TableRead[]));
  return done.records as Located<T>[] | null;
}

/**
 * One table parsed on its own, as readWorkbook parses it: what a reader parsing tables in
 * parallel (src/node/xlsx/table-worker.ts) runs for each of its tables.
 */
export function parseTableAlone(snap: TableSnapshot, lang: Lang): ParsedTable | null {
  const def = matchTableKind(snap.kind ?? snap.name);
  if (!def || def.kind === 'settings') return null;
  const problems = new Problems(lang);
  const reads: TableRead[] = [];
  const { records } = readTable(snap, def.kind, problems, reads, undefined, true);
  return { records, problems: problems.list, reads };
}

interface TableParse<T> {
  records: Located<T>[] | null;
  /** What a later parse of the same table may reuse row by row (absent when the rows were not parsed one by one). */
  memo?: RowMemo;
  rowsParsed: number;
}

/** What a table's header row says: which contract column is where, and what the rows' records are read with. */
interface TableHead {
  colIndex: Map<string, number>;
  /** Headers that name no contract column. */
  unknown: string[];
  /** Required columns the table lacks: its rows are counted, not read. */
  missing: { vi: string[] }[];
  layout: TableLayout;
  fields: FieldRead[];
  schema: import('zod').ZodType;
}

function readHead(snap: TableSnapshot, def: TableDef, problems: Problems): TableHead {
  const colIndex = new Map<string, number>();
  const unknown: string[] = [];
  snap.headers.forEach((h, i) => {
    const c = matchColumn(def, h ?? '');
    if (!c) {
      if (cleanText(h ?? '')) unknown.push(cleanText(h));
      return;
    }
    if (colIndex.has(c.key)) {
      problems.add('warning', cellAddress(snap.sheet, snap.headerRow, snap.columnNumbers?.[i] ?? snap.firstColumn + i), 'columnDuplicate', { header: h, table: snap.name });
      return;
    }
    colIndex.set(c.key, i);
  });
  const missing = def.columns.filter((c) => c.required && !colIndex.has(c.key));
  const layout: TableLayout = { sheet: snap.sheet, table: snap.name, firstColumn: snap.firstColumn, columns: Object.fromEntries(colIndex) };
  const sheetCols = snap.columnNumbers;
  if (sheetCols) layout.columnNumbers = Object.fromEntries([...colIndex].map(([k, i]) => [k, sheetCols[i]]));
  const fields = def.columns.map((c) => ({ def: c, index: colIndex.get(c.key) ?? -1, header: colIndex.has(c.key) ? snap.headers[colIndex.get(c.key)!] : c.vi[0] }));
  const schema = (SCHEMAS as Record<string, import('zod').ZodType>)[def.kind];
  return { colIndex, unknown, missing, layout, fields, schema };
}

/**
 * What the header row and the table's extent say before its rows' problems: merges, unknown and
 * missing columns. Null when the table can be read; otherwise the rows left unread (not blank).
 */
function tableProblems(snap: TableSnapshot, head: TableHead, range: string, nonEmptyRows: () => number, problems: Problems): number | null {
  for (const merged of snap.merged ?? []) {
    problems.add('warning', `${quoteSheet(snap.sheet)}!${merged}`, 'mergedCells', { table: snap.name, range: merged });
  }
  if (head.unknown.length) problems.add('info', range, 'columnsUnknown', { table: snap.name, headers: head.unknown.join(', ') });
  if (!head.missing.length) return null;
  const rows = nonEmptyRows();
  for (const c of head.missing) {
    problems.add('error', cellAddress(snap.sheet, snap.headerRow, snap.firstColumn), 'columnMissing', { table: snap.name, header: c.vi[0], rows });
  }
  return rows;
}

function readTable<T>(snap: TableSnapshot, kind: TableKind, problems: Problems, tables: TableRead[], earlier?: RowMemo, streamed = false): TableParse<T> {
  const def = TABLES.find((t) => t.kind === kind)!;
  if (snap.headerless) {
    const rows = snap.rows;
    const nonEmpty = rows.filter((r) => !r.every((v) => isBlank(v))).length;
    problems.add('error', tableRange(snap, rows.length), 'tableNoHeader', { table: snap.name, rows: nonEmpty });
    tables.push({ kind, name: snap.name, range: tableRange(snap, rows.length), rowsRead: 0, rowsSkipped: nonEmpty });
    return { records: null, rowsParsed: 0 };
  }
  const head = readHead(snap, def, problems);
  return streamed ? readStreamed<T>(snap, kind, head, problems, tables) : readHeld<T>(snap, kind, head, problems, tables, earlier);
}

/** A table whose rows are held (the add-in's): parsed row by row, reusing its last parse's unchanged rows. */
function readHeld<T>(snap: TableSnapshot, kind: TableKind, head: TableHead, problems: Problems, tables: TableRead[], earlier?: RowMemo): TableParse<T> {
  const rows = snap.rows;
  const range = tableRange(snap, rows.length);
  const { colIndex, fields, schema, layout } = head;
  const unread = tableProblems(snap, head, range, () => rows.filter((r) => !blankRow(r)).length, problems);
  if (unread !== null) {
    tables.push({ kind, name: snap.name, range: range, rowsRead: 0, rowsSkipped: unread });
    return { records: null, rowsParsed: 0 };
  }
  staleFormulaWarnings(snap, (i) => rows[i], new Set(colIndex.values()), problems);
  const out: Located<T>[] = [];
  let skipped = 0;
  const parseRow = (ri: number) => readRecord<T>(kind, fields, schema, snap, colIndex, layout, rows[ri], ri, problems);
  if (earlier && earlier.rows.length === rows.length) {
    const again = reread(earlier, rows, parseRow, problems);
    tables.push({ kind, name: snap.name, range: range, rowsRead: again.memo.out.length, rowsSkipped: again.memo.skipped, columns: [...colIndex.keys()] });
    if (again.memo.skipped) problems.add('info', range, 'rowsRead', { table: snap.name, read: again.memo.out.length, skipped: again.memo.skipped });
    return { records: again.memo.out as Located<T>[], memo: again.memo, rowsParsed: again.rowsParsed };
  }
  // filled by push, one entry per row (V8 may make a large `new Array(n)` a slow dictionary array)
  const memo: RowMemo = { rows, records: [], problems: [], out, skipped: 0 };
  let rowsParsed = 0;
  for (let ri = 0; ri < rows.length; ri++) {
    const row = rows[ri];
    if (earlier && sameRow(earlier.rows[ri], row)) {
      // the same cells at the same place as in the table's last parse: what the row gave then
      const was = earlier.records[ri];
      const said = earlier.problems[ri];
      memo.records.push(was);
      memo.problems.push(said);
      if (said) problems.list.push(...said);
      if (was) out.push(was as Located<T>);
      else if (was === null) skipped++;
      continue;
    }
    if (blankRow(row)) {
      memo.records.push(undefined);
      memo.problems.push(undefined);
      continue;
    }
    rowsParsed++;
    const p0 = problems.list.length;
    const record = parseRow(ri);
    memo.records.push(record);
    memo.problems.push(problems.list.length > p0 ? problems.list.slice(p0) : undefined);
    if (record) out.push(record);
    else skipped++;
  }
  memo.skipped = skipped;
  tables.push({ kind, name: snap.name, range: range, rowsRead: out.length, rowsSkipped: skipped, columns: [...colIndex.keys()] });
  if (skipped) problems.add('info', range, 'rowsRead', { table: snap.name, read: out.length, skipped });
  return { records: out, memo, rowsParsed };
}

/**
 * A table read again with as many rows as its last parse: only the rows whose cells changed are
 * parsed, and the records are the last ones with those rows' records put in, taken out or added —
 * the very same array when no record changed (an edit of a note, or one undone), so that every
 * figure of the table is replayed. A record equal to the row's last one is that one. The rows'
 * problems are added in row order, as a parse from scratch adds them.
 */
function reread(earlier: RowMemo, rows: readonly CellValue[][], parseRow: (ri: number) => unknown, problems: Problems): { memo: RowMemo; rowsParsed: number } {
  const changed: number[] = [];
  for (let ri = 0; ri < rows.length; ri++) if (!sameRow(earlier.rows[ri], rows[ri])) changed.push(ri);
  const records = changed.length ? earlier.records.slice() : earlier.records;
  const said = changed.length ? earlier.problems.slice() : earlier.problems;
  let rowsParsed = 0;
  for (const ri of changed) {
    if (blankRow(rows[ri])) {
      records[ri] = undefined;
      said[ri] = undefined;
      continue;
    }
    rowsParsed++;
    const p0 = problems.list.length;
    const record = parseRow(ri);
    const was = earlier.records[ri];
    records[ri] = was && record && sameRecord(was, record) ? was : record;
    said[ri] = problems.list.length > p0 ? problems.list.splice(p0) : undefined;
  }
  for (let ri = 0; ri < said.length; ri++) {
    const p = said[ri];
    if (p) problems.list.push(...p);
  }
  const moved = changed.filter((ri) => records[ri] !== earlier.records[ri]);
  let out = earlier.out;
  let skipped = earlier.skipped;
  if (moved.length) {
    // each moved row's place in the last records: the records of the rows before it
    const at: number[] = [];
    let n = 0;
    for (let ri = 0, k = 0; k < moved.length; ri++) {
      if (ri === moved[k]) at[k++] = n;
      if (earlier.records[ri]) n++;
    }
    out = out.slice();
    const delta: RecordDelta = { from: earlier.out, removed: [], added: [] };
    // from the last row up, so that the places of the rows above stay right
    for (let k = moved.length - 1; k >= 0; k--) {
      const ri = moved[k];
      const was = earlier.records[ri];
      const now = records[ri];
      if (was && now) out[at[k]] = now;
      else if (was) out.splice(at[k], 1);
      else if (now) out.splice(at[k], 0, now);
      if (was) delta.removed.push(was);
      if (now) delta.added.push(now);
      skipped += (now === null ? 1 : 0) - (was === null ? 1 : 0);
    }
    // the figures of a long table may follow the change rather than count every row again
    noteRecordDelta(out, delta);
  }
  return { memo: { rows, records, problems: said, out, skipped }, rowsParsed };
}

/** Two records of one row read alike: the same values, from the same cells. */
function sameRecord(a: unknown, b: unknown): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) {
    const u = x[k];
    const v = y[k];
    if (Object.is(u, v)) continue;
    if (k === 'origin' && u instanceof Origin && v instanceof Origin) {
      if (u.row !== v.row || JSON.stringify(u.columnsHere ?? null) !== JSON.stringify(v.columnsHere ?? null) || JSON.stringify(u.layout) !== JSON.stringify(v.layout)) return false;
      continue;
    }
    if (u === null || v === null || typeof u !== 'object' || typeof v !== 'object' || u instanceof Date || v instanceof Date || JSON.stringify(u) !== JSON.stringify(v)) return false;
  }
  return true;
}

/**
 * A table from the .xlsx reader, parsed as its rows stream out of the worksheet and never held
 * whole (issue 21); a reader that cannot stream it (rows out of order in the file) gives its rows.
 * The rows' own problems are gathered apart and placed after the table's (merges, unknown columns,
 * stale formulas), which are known only once every row has been read: the order of a held parse.
 */
function readStreamed<T>(snap: TableSnapshot, kind: TableKind, head: TableHead, problems: Problems, tables: TableRead[]): TableParse<T> {
  const { colIndex, fields, schema, layout, missing } = head;
  let rowProblems = new Problems(problems.lang);
  let out: Located<T>[] = [];
  let skipped = 0;
  let nonEmptyRows = 0;
  let rowsParsed = 0;
  const parseRow = (row: CellValue[], ri: number) => {
    if (blankRow(row)) return;
    if (missing.length) {
      nonEmptyRows++;
      return;
    }
    rowsParsed++;
    const record = readRecord<T>(kind, fields, schema, snap, colIndex, layout, row, ri, rowProblems);
    if (record) out.push(record);
    else skipped++;
  };
  let end: StreamedRows | null = snap.streamRows ? snap.streamRows(parseRow) : null;
  if (!end) {
    rowProblems = new Problems(problems.lang);
    out = [];
    skipped = nonEmptyRows = rowsParsed = 0;
    const rows = snap.rows;
    for (let ri = 0; ri < rows.length; ri++) parseRow(rows[ri], ri);
    end = { length: rows.length, formulaRow: (i) => rows[i] };
  }
  const range = tableRange(snap, end.length);
  if (tableProblems(snap, head, range, () => nonEmptyRows, problems) !== null) {
    tables.push({ kind, name: snap.name, range: range, rowsRead: 0, rowsSkipped: nonEmptyRows });
    return { records: null, rowsParsed: 0 };
  }
  staleFormulaWarnings(snap, end.formulaRow, new Set(colIndex.values()), problems);
  problems.list.push(...rowProblems.list);
  tables.push({ kind, name: snap.name, range: range, rowsRead: out.length, rowsSkipped: skipped, columns: [...colIndex.keys()] });
  if (skipped) problems.add('info', range, 'rowsRead', { table: snap.name, read: out.length, skipped });
  return { records: out, rowsParsed };
}

/** One non-blank row as a record, or null when it is left out (its problems added). */
function readRecord<T>(
  kind: TableKind,
  fields: FieldRead[],
  schema: import('zod').ZodType,
  snap: TableSnapshot,
  colIndex: Map<string, number>,
  layout: TableLayout,
  row: CellValue[],
  ri: number,
  problems: Problems,
): Located<T> | null {
  const sheetRow = snap.rowNumbers?.[ri] ?? snap.headerRow + 1 + ri;
  const here = snap.rowColumnNumbers?.[ri];
  const origin = here ? new Origin(layout, sheetRow, Object.fromEntries([...colIndex].map(([k, i]) => [k, here[i]]))) : new Origin(layout, sheetRow);
  const at = (key: string) => origin.cell(key);
  const rec = readRow(kind, fields, row, origin, sheetRow, problems);
  if (rec === null || !checkRow(kind, rec, at, snap, colIndex, problems, sheetRow)) return null;
  const r = schema.safeParse(rec);
  if (r.success) {
    const located = r.data as Located<T>;
    located.origin = origin;
    return located;
  }
  for (const issue of r.error.issues) {
    const key = String(issue.path[0] ?? '');
    const i = colIndex.get(key);
    const header = i === undefined ? fieldName(kind, key, problems.lang) : snap.headers[i];
    const text = describe((i === undefined ? null : row[i]) ?? null);
    const code = issue.code === 'too_small' && Number(rec[key]) < 0 ? 'negativeNotAllowed' : issue.code === 'invalid_value' ? 'badValue' : 'outOfRange';
    if (code === 'negativeNotAllowed' || code === 'outOfRange') problems.add('error', at(key), code, { header, text, row: sheetRow });
    else problems.add('error', at(key), 'badValue', { header, text, why: problems.lang === 'vi' ? 'không hợp lệ' : 'is not valid', row: sheetRow });
  }
  return null;
}

interface FieldRead {
  def: ColumnDef;
  /** The column of the snapshot holding the field, -1 when the table has none. */
  index: number;
  header: string;
}

function blankRow(row: CellValue[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

/**
 * One row's cells as raw field values, each parsed by its column's type; null when a bad value
 * leaves the row out (problems added). A cell's address is built only when a problem names it.
 */
function readRow(kind: TableKind, fields: FieldRead[], row: CellValue[], origin: Origin, sheetRow: number, problems: Problems): RawRecord | null {
  const rec: RawRecord = {};
  let bad = false;
  for (const { def: c, index, header } of fields) {
    const v = index < 0 ? null : row[index] ?? null;
    if (isBlank(v)) {
      rec[c.key] = c.type === 'yesno' ? false : null;
      continue;
    }
    if (typeof v === 'string' && !isXmlSafe(v)) noteUnsafeText(v, origin.cell(c.key), problems);
    const p = (kind === 'dossiers' && c.key === 'cashless' ? cashlessCell(v) : null) ?? parseCell(c.type, v);
    if (p.ok) {
      // dates are checked against the report's own date, for the rows it counts (checkReportDate)
      rec[c.key] = p.value === '' ? null : p.value;
      continue;
    }
    rec[c.key] = c.type === 'yesno' ? false : null;
    // A bad value in an optional column drops the cell, not the row (except dates that decide counting).
    const dropsRow = c.required || c.type === 'date';
    if (dropsRow) bad = true;
    const addr = origin.cell(c.key);
    if (p.why === 'uncomputedFormula') problems.add(dropsRow ? 'error' : 'warning', addr, 'formulaNotComputed', { cell: addr, text: p.text, header, row: sheetRow, dropped: dropsRow ? 1 : 0 });
    else problems.add(dropsRow ? 'error' : 'warning', addr, dropsRow ? 'badValue' : 'badOptional', { text: p.text, header, why: whyText(p.why, problems.lang), row: sheetRow });
  }
  return bad ? null : rec;
}

/**
 * A formula's stored result may be stale when the workbook asks to be recalculated on opening or
 * was written by a program that does not calculate: one warning per such cell in a used column.
 * Formulas are never evaluated here.
 */
function staleFormulaWarnings(snap: TableSnapshot, rowAt: (index: number) => CellValue[] | undefined, used: Set<number>, problems: Problems): void {
  const stale = snap.staleFormulas;
  if (!stale) return;
  for (const [ri, ci, formula] of stale.cells) {
    const row = rowAt(ri);
    if (!used.has(ci) || !row || row.every((v) => isBlank(v))) continue;
    const cell = tableCell(snap, ri, ci);
    problems.add('warning', cell, 'formulaStale', { cell, text: `=${formula}`, value: describe(row[ci] ?? null), why: stale.reason, app: stale.application ?? '' });
  }
}

/** Checks a row beyond cell types; returns false when the row must be left out (problems added). */
function checkRow(
  kind: TableKind,
  rec: RawRecord,
  at: (key: string) => string,
  snap: TableSnapshot,
  colIndex: Map<string, number>,
  problems: Problems,
  sheetRow: number,
): boolean {
  const def = TABLES.find((t) => t.kind === kind)!;
  if (kind === 'projects') {
    const src = String(rec.source ?? '').toUpperCase().replace(/\s/g, '');
    if (rec.source !== null && src !== 'FDI' && src !== 'DDI') {
      problems.add('error', at('source'), 'unknownSource', { text: String(rec.source), row: sheetRow });
      return false;
    }
    rec.source = src || null;
    if (rec.event !== null) {
      const ev = EVENTS[foldKey(String(rec.event))];
      if (!ev) {
        problems.add('error', at('event'), 'unknownEvent', { text: String(rec.event), row: sheetRow });
        return false;
      }
      rec.event = ev;
    }
    if (rec.event === 'terminate') rec.capital = null;
  }
  if (kind === 'dossiers' && !checkDossier(rec, at, problems, sheetRow)) return false;
  for (const c of def.columns) {
    if (!c.required || rec[c.key] !== null) continue;
    if (kind === 'projects' && c.key === 'capital' && rec.event === 'terminate') continue;
    const i = colIndex.get(c.key);
    problems.add('error', at(c.key), 'requiredEmpty', { header: i === undefined ? c.vi[0] : snap.headers[i], row: sheetRow });
    return false;
  }
  return true;
}

/** A dossier's kind and channel as the contract names them; returned before received is a bad row. */
function checkDossier(rec: RawRecord, at: (key: string) => string, problems: Problems, sheetRow: number): boolean {
  const kind = dossierKind(rec.kind as string | null);
  if (kind === undefined) {
    problems.add('error', at('kind'), 'unknownDossierKind', { text: String(rec.kind), row: sheetRow });
    return false;
  }
  rec.kind = kind;
  const channel = dossierChannel(rec.channel as string | null);
  if (channel === undefined) {
    problems.add('error', at('channel'), 'unknownChannel', { text: String(rec.channel), row: sheetRow });
    return false;
  }
  rec.channel = channel;
  if (typeof rec.received === 'string' && typeof rec.returned === 'string' && rec.returned < rec.received) {
    problems.add('error', at('returned'), 'returnedBeforeReceived', { returned: formatDayDMY(rec.returned), received: formatDayDMY(rec.received), row: sheetRow });
    return false;
  }
  return true;
}

function emptySettings(): Settings {
  return {
    periodStart: null,
    periodEnd: null,
    asOf: null,
    reportDate: null,
    vndPerUsd: null,
    agency: null,
    parentAgency: null,
    docNumber: null,
    place: null,
    title: null,
    signerFor: null,
    signerTitle: null,
    signerName: null,
    recipients: null,
    language: null,
  };
}

/** Text that an .xlsx or .docx cannot hold is cleaned when written; the cell is named here. */
function noteUnsafeText(v: CellValue, addr: string, problems: Problems): void {
  if (typeof v === 'string' && !isXmlSafe(v)) problems.add('info', addr, 'textCleaned', { chars: unsafeCharacters(v).join(', ') });
}

/** Settings is a two-column key/value table. */
/** A report period given from outside the workbook (the command line's --period): it wins over the workbook's. */
export interface GivenPeriod {
  start: Day;
  end: Day;
}

function applyGivenPeriod(st: Settings, origin: Partial<Record<SettingKey, string>>, given: GivenPeriod, problems: Problems): void {
  const was = st.periodStart && st.periodEnd && (st.periodStart !== given.start || st.periodEnd !== given.end) ? `${formatDayDMY(st.periodStart)} – ${formatDayDMY(st.periodEnd)}` : '';
  problems.add('info', null, 'periodGiven', { start: formatDayDMY(given.start), end: formatDayDMY(given.end), was });
  st.periodStart = given.start;
  st.periodEnd = given.end;
  delete origin.periodStart;
  delete origin.periodEnd;
}

function readSettings(snaps: TableSnapshot[], problems: Problems, given?: GivenPeriod): { settings: Settings; origin: Partial<Record<SettingKey, string>> } {
  const settings = emptySettings() as unknown as Record<string, unknown>;
  const origin: Partial<Record<SettingKey, string>> = {};
  for (const snap of snaps) {
    const def = TABLES[0];
    let keyCol = snap.headers.findIndex((h) => matchColumn(def, h ?? '')?.key === 'key');
    let valCol = snap.headers.findIndex((h) => matchColumn(def, h ?? '')?.key === 'value');
    if (keyCol < 0) keyCol = 0;
    if (valCol < 0) valCol = keyCol === 0 ? 1 : 0;
    const rows = snap.rows;
    staleFormulaWarnings(snap, (i) => rows[i], new Set([keyCol, valCol]), problems);
    rows.forEach((row, ri) => {
      const rawKey = row[keyCol];
      if (isBlank(rawKey ?? null)) return;
      const f = foldKey(String(rawKey));
      const s = SETTINGS.find((x) => foldKey(x.key) === f || foldKey(x.vi) === f);
      const addr = tableCell(snap, ri, valCol);
      if (!s) {
        problems.add('info', tableCell(snap, ri, keyCol), 'settingUnknown', { key: String(rawKey) });
        return;
      }
      if (origin[s.key]) {
        problems.add('warning', tableCell(snap, ri, keyCol), 'settingDuplicate', { key: s.vi });
        return;
      }
      origin[s.key] = addr;
      const v = row[valCol] ?? null;
      if (isBlank(v)) return;
      noteUnsafeText(v, addr, problems);
      const p = s.type === 'date' ? parseDate(v) : s.type === 'number' ? parseNumber(v) : parseText(v);
      if (!p.ok) {
        problems.add('error', addr, 'settingBad', { text: p.text, key: s.key, vi: s.vi, why: whyText(p.why, problems.lang) });
        return;
      }
      settings[s.key] = p.value === '' ? null : p.value;
    });
  }
  const st = settings as unknown as Settings;
  if (given) applyGivenPeriod(st, origin, given, problems);
  for (const k of ['periodStart', 'periodEnd'] as const) {
    if (!st[k]) problems.add('error', origin[k] ?? null, 'settingMissing', { key: k, vi: SETTINGS.find((s) => s.key === k)!.vi });
  }
  if (st.periodStart && st.periodEnd && st.periodEnd < st.periodStart) {
    problems.add('error', origin.periodEnd ?? null, 'periodReversed', { start: formatDayDMY(st.periodStart), end: formatDayDMY(st.periodEnd) });
  }
  if (st.vndPerUsd !== null && !(st.vndPerUsd > 0)) {
    problems.add('error', origin.vndPerUsd ?? null, 'settingBad', { text: String(st.vndPerUsd), key: 'vndPerUsd', vi: 'TyGia', why: whyText('notNumber', problems.lang) });
    st.vndPerUsd = null;
  }
  return { settings: st, origin };
}
