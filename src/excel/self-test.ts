/**
 * The self-test behind the task pane's "Chẩn đoán" link: each Office.js capability the add-in
 * relies on, checked on the open workbook and reported as pass / fail / skipped with a short detail
 * and the time it took. The user's sheets and tables are only read; everything written goes to a
 * temporary sheet that is always deleted, also when a check fails.
 */
import { matchTableKind } from '../core/records/mapping';
import type { ReportModel } from '../core/report/report';
import { ribbonState } from '../commands/ribbon-state';
import { REPORT_MARKER, SheetPlan } from '../core/report/sheet-plan';
import { applyPlan } from './apply-plan';
import { computeReport } from './generate';
import { SHEET_MARKER_KEY, markerByProperty } from './owned-sheets';
import { readGrids } from './read-grids';
import { supportsExcelApi } from './requirements';

export type CheckStatus = 'pass' | 'fail' | 'skipped';

export interface CheckResult {
  /** Stable id: "req:ExcelApi 1.12", "table-list", … (the pane names it by id). */
  id: string;
  status: CheckStatus;
  /** What was seen, in plain words (English: it is sent back to the developers). */
  detail: string;
  ms: number;
}

export interface HostInfo {
  host: string;
  platform: string;
  version: string;
}

export interface SelfTestReport {
  results: CheckResult[];
  host: HostInfo | null;
}

/** The part of the Office global the self-test reads (injected in tests). */
export interface OfficeLike {
  context?: {
    requirements?: { isSetSupported(name: string, version?: string): boolean };
    diagnostics?: { host?: unknown; platform?: unknown; version?: unknown };
  };
  actions?: { associate?: unknown };
}

export interface SelfTestOptions {
  /** Defaults to the global Office. */
  office?: OfficeLike | null;
  /** How long METRIC may take to show each value (default 10 s), and the polling step (500 ms). */
  metricTimeoutMs?: number;
  pollMs?: number;
  /** Bytes of the known block written and read back (default ~1 MB) and of the large read (~6 MB). */
  blockBytes?: number;
  largeReadBytes?: number;
  /** The Word file from a report model, text only (default: buildDocx(model, null), loaded on demand). */
  buildDocx?: (model: ReportModel) => Promise<Uint8Array>;
  /** The ribbon registration as commands.ts recorded it (default: the shared module's). */
  ribbon?: { associated: boolean; actionsPresent: boolean | null; error: string | null };
  /** Called after each check, for progress. */
  onResult?: (r: CheckResult) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The requirement sets the add-in uses, and why (the detail of a failed row). */
export const REQUIREMENTS: { set: string; version: string; use: string }[] = [
  { set: 'SharedRuntime', version: '1.1', use: 'the manifest requires it: one runtime for the pane, the ribbon command and the functions' },
  { set: 'ExcelApi', version: '1.12', use: 'worksheet custom property marking BaoCao’s sheets (below it: the workbook setting, one sync more)' },
  { set: 'CustomFunctionsRuntime', version: '1.2', use: 'CustomFunctions.Error with a message for #VALUE!/#N/A (streaming METRIC needs 1.1)' },
  { set: 'ExcelApi', version: '1.13', use: 'merged areas of staff sheets, read for recognition (below it: read without them, and said so)' },
  { set: 'ExcelApi', version: '1.9', use: 'print setup, page breaks and the table added/deleted events of METRIC (skipped below it)' },
  { set: 'ExcelApi', version: '1.8', use: 'chart properties (below 1.7/1.8 the charts are drawn with fewer options)' },
  { set: 'ExcelApi', version: '1.7', use: 'chart properties (below 1.7/1.8 the charts are drawn with fewer options)' },
  { set: 'ExcelApi', version: '1.6', use: 'suspendApiCalculationUntilNextSync during the write (skipped below it)' },
];

/** The temporary sheet's name: unlikely to be a user's, and found again by cleanup. */
export const TEMP_SHEET_PREFIX = 'BaoCao_TuKiemTra_';
const TEMP_PROPERTY_KEY = 'BaoCaoTuKiemTra';
const METRIC_KEY = 'tu_kiem_tra';
const METRIC_FORMULA = `=BAOCAO.METRIC("${METRIC_KEY}")`;
/** Where the checks write on the temporary sheet: the known block in column A, the metric table beside it. */
const BLOCK_ROWS = 100;
const METRIC_TABLE = 'D1:G2';
const METRIC_EXPRESSION_CELL = 'E2';
const METRIC_CELL = 'I2';
const PAYLOAD_ERRORS = /PayloadTooLarge|PayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded|too large/i;

type Ctx = Excel.RequestContext;

/** Shared between checks: the temporary sheet once it exists. */
interface State {
  sheetName: string;
  /** The sheet once its add went through. */
  sheet: Excel.Worksheet | null;
  addTried: boolean;
  /** More temporary sheets a check may have added (deleted at the end when they are there). */
  more: string[];
}

class Skip extends Error {}

const officeGlobal = (): OfficeLike | null => (typeof Office !== 'undefined' ? (Office as unknown as OfficeLike) : null);

function errorText(e: unknown): string {
  if (e && typeof e === 'object') {
    const { message, code } = e as { message?: unknown; code?: unknown };
    const m = typeof message === 'string' ? message : '';
    const c = typeof code === 'string' ? code : '';
    if (m || c) return c && !m.includes(c) ? `${c}: ${m}` : m;
  }
  return String(e);
}

const kb = (n: number) => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(2)} MB` : `${(n / 1000).toFixed(1)} kB`);

/** One text line of a known size, unique per row so a read back in the wrong order shows. */
function blockLine(row: number, width: number): string {
  const head = `BaoCao tự kiểm tra dòng ${row} `;
  return (head + 'x'.repeat(Math.max(0, width - head.length))).slice(0, width);
}

// ------------------------------------------------------------------------------------------
// The checks: one function each, returning a detail (pass), throwing (fail) or throwing Skip.

function checkRequirement(office: OfficeLike | null, set: string, version: string, use: string): string {
  const req = office?.context?.requirements;
  if (!req || typeof req.isSetSupported !== 'function') throw new Skip('Office.context.requirements is not there (not running inside Office)');
  if (!req.isSetSupported(set, version)) throw new Error(`not supported: ${use}`);
  return 'supported';
}

function checkRibbon(office: OfficeLike | null, ribbon: SelfTestOptions['ribbon'] & object): string {
  const present = typeof office?.actions?.associate === 'function';
  if (ribbon.error) throw new Error(`Office.actions.associate threw: ${ribbon.error}`);
  if (!present) throw new Error('Office.actions is not there: the ribbon button cannot run in this host (no shared runtime?)');
  if (ribbon.actionsPresent === null) throw new Error('Office.actions is there, but the commands bundle has not run Office.onReady in this runtime');
  if (!ribbon.associated) throw new Error('Office.actions is there, but generateReport was not associated');
  return 'Office.actions present; generateReport associated by commands.ts';
}

/** The nested load paths of generation sync 1, as table-list.ts sends them. */
async function checkTableList(context: Ctx): Promise<string> {
  const tables = context.workbook.tables;
  tables.load('items/name,items/worksheet/name,items/rows/count,items/columns/items/name');
  await context.sync();
  const json = tables.toJSON() as unknown as { items?: { rows?: unknown }[] };
  const bytes = JSON.stringify(json).length;
  const items = json.items ?? [];
  // read the way generateReport reads them: throws where the host did not load them
  const counts = tables.items.map((t) => t.rows.count);
  const columns = tables.items.map((t) => t.columns.items.map((c) => c.name));
  if (counts.some((n) => typeof n !== 'number')) throw new Error(`rows/count did not answer with a number (${JSON.stringify(counts.slice(0, 3))})`);
  if (columns.some((c) => c.some((n) => typeof n !== 'string'))) throw new Error('columns/items/name did not answer with names');
  // the typings say rows is an array of row data; a count-only load may give {count} or nothing
  const hasRowItems = (rows: unknown) => (Array.isArray(rows) ? rows.length > 0 : Array.isArray((rows as { items?: unknown })?.items) && (rows as { items: unknown[] }).items.length > 0);
  const rowItems = items.filter((t) => hasRowItems(t.rows)).length;
  const rows = counts.reduce((a, b) => a + b, 0);
  const shape = items.length ? `; first table's rows in toJSON: ${(JSON.stringify(items[0].rows) ?? 'absent').slice(0, 60)}` : '';
  return `${tables.items.length} tables, ${rows} rows counted; response ${kb(bytes)} (JSON of toJSON); ` + (rowItems ? `carries row items for ${rowItems} tables` : 'count only, no row items') + shape;
}

/** Reads the marker property of every sheet, as generation sync 1 does. */
async function checkMarkersRead(context: Ctx): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/customProperties/items/key');
  await context.sync();
  const key = SHEET_MARKER_KEY.toLowerCase();
  const marked = sheets.items.filter((w) => w.customProperties.items.some((p) => p.key.toLowerCase() === key)).map((w) => w.name);
  return `${sheets.items.length} sheets read, ${marked.length} marked ${SHEET_MARKER_KEY}` + (marked.length ? ` (${marked.join(', ')})` : '');
}

/** Adds the temporary sheet, writes a few cells as text and reads them back. */
async function checkSheetWrite(context: Ctx, state: State): Promise<string> {
  state.addTried = true;
  const ws = context.workbook.worksheets.add(state.sheetName);
  const probe = [['=không phải công thức', 'Tiếng Việt: ắ ổ ữ', 42]];
  const range = ws.getRange('A1:C1');
  range.numberFormat = [['@', '@', 'General']];
  range.values = probe;
  await context.sync();
  state.sheet = ws;
  const back = ws.getRange('A1:C1').load('values');
  await context.sync();
  if (JSON.stringify(back.values) !== JSON.stringify(probe)) throw new Error(`read back ${JSON.stringify(back.values)}, wrote ${JSON.stringify(probe)}`);
  return `added "${state.sheetName}", wrote and read back 3 cells (text starting with = stayed text)`;
}

async function checkMarkerWrite(context: Ctx, state: State): Promise<string> {
  const ws = needSheet(state);
  ws.customProperties.add(TEMP_PROPERTY_KEY, 'tu-kiem-tra');
  await context.sync();
  const props = ws.customProperties.load('items/key,items/value');
  await context.sync();
  const found = props.items.find((p) => p.key.toLowerCase() === TEMP_PROPERTY_KEY.toLowerCase());
  if (!found) throw new Error(`added ${TEMP_PROPERTY_KEY}, read back ${props.items.length} properties without it`);
  if (found.value !== 'tu-kiem-tra') throw new Error(`read back the value ${JSON.stringify(found.value)}`);
  return `added the custom property ${TEMP_PROPERTY_KEY} on the temporary sheet and read it back`;
}

/** A read of a known size in one sync, then a read over 5 MB (refused by Excel on the web only). */
async function checkPayload(context: Ctx, state: State, blockBytes: number, largeBytes: number): Promise<string> {
  const ws = needSheet(state);
  const width = Math.ceil(blockBytes / BLOCK_ROWS);
  const block = Array.from({ length: BLOCK_ROWS }, (_, i) => [blockLine(i + 1, width)]);
  const address = `A1:A${BLOCK_ROWS}`;
  const target = ws.getRange(address);
  target.numberFormat = block.map(() => ['@']);
  target.values = block;
  await context.sync();
  const read = ws.getRange(address).load('values');
  let t = Date.now();
  await context.sync();
  const oneMs = Date.now() - t;
  const got = read.values.map((r) => r[0]);
  const bad = got.findIndex((v, i) => v !== block[i][0]);
  if (got.length !== BLOCK_ROWS || bad >= 0) throw new Error(`the ${kb(blockBytes)} read came back different (row ${bad + 1})`);
  const size = JSON.stringify(read.values).length;
  // the same block loaded several times in one request: a response of largeBytes without writing it
  const copies = Math.ceil(largeBytes / size);
  const ranges = Array.from({ length: copies }, () => ws.getRange(address).load('values'));
  t = Date.now();
  try {
    await context.sync();
  } catch (e) {
    const text = errorText(e);
    if (!PAYLOAD_ERRORS.test(text)) throw new Error(`${kb(size)} read back intact in ${oneMs} ms; the ${kb(size * copies)} read failed otherwise: ${text}`);
    return `${kb(size)} read back intact in ${oneMs} ms; the ${kb(size * copies)} read was refused (${text}) — as Excel on the web does; the 4 MB budget holds`;
  }
  const intact = ranges.every((r) => r.values.length === BLOCK_ROWS && r.values[BLOCK_ROWS - 1][0] === block[BLOCK_ROWS - 1][0]);
  if (!intact) throw new Error(`the ${kb(size * copies)} read came back incomplete`);
  return `${kb(size)} read back intact in ${oneMs} ms; the ${kb(size * copies)} read was accepted in ${Date.now() - t} ms (no 5 MB limit here, as on desktop)`;
}

async function checkDocx(context: Ctx, build: (model: ReportModel) => Promise<Uint8Array>): Promise<string> {
  const result = await computeReport(context);
  const bytes = await build(result.model);
  const head = Array.from(bytes.subarray(0, 4));
  if (head.join() !== '80,75,3,4') throw new Error(`not a zip: starts with ${head.join(' ')}`);
  // the part names are stored in clear in the zip's directory
  const names = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 65536)));
  if (!names.includes('word/document.xml')) throw new Error('a zip without word/document.xml');
  if (typeof URL === 'undefined' || typeof URL.createObjectURL !== 'function' || typeof Blob === 'undefined') throw new Error(`a ${kb(bytes.length)} .docx was built, but this page cannot make a Blob URL`);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
  URL.revokeObjectURL(url);
  if (!/^blob:/.test(url)) throw new Error(`URL.createObjectURL gave ${url.slice(0, 40)}`);
  return `${kb(bytes.length)} .docx (zip with word/document.xml) from ${result.model.highlights.length} main figures; Blob URL made (not downloaded)`;
}

/**
 * METRIC streams after a table edit: a temporary ChiTieuTinh table with one staff metric on the
 * temporary sheet, the formula beside it, 2 then (after the edit) 4. Only where the workbook has
 * no metrics table of its own, so no figure of the user's is touched.
 */
async function checkMetric(context: Ctx, state: State, opts: Required<Pick<SelfTestOptions, 'metricTimeoutMs' | 'pollMs' | 'sleep'>>): Promise<string> {
  const tables = context.workbook.tables;
  tables.load('items/name');
  await context.sync();
  const own = tables.items.find((t) => matchTableKind(t.name)?.kind === 'metrics');
  if (own) throw new Skip(`the workbook has its own metrics table "${own.name}"; the test table would replace its figures`);
  const ws = needSheet(state);
  const area = ws.getRange(METRIC_TABLE);
  area.numberFormat = [
    ['@', '@', '@', '@'],
    ['@', '@', '@', '@'],
  ];
  area.values = [
    ['Mã', 'Công thức', 'Tên', 'Đơn vị'],
    [METRIC_KEY, '1 + 1', 'Tự kiểm tra', ''],
  ];
  const table = ws.tables.add(METRIC_TABLE, true);
  table.name = 'ChiTieuTinh';
  ws.getRange(METRIC_CELL).formulas = [[METRIC_FORMULA]];
  await context.sync();
  try {
    const started = Date.now();
    const first = await waitFor(context, ws, 2, opts);
    if (first.value !== 2) throw new Error(`${METRIC_FORMULA} showed ${seen(first.seen)} for ${opts.metricTimeoutMs / 1000} s, not 2`);
    const firstMs = Date.now() - started;
    ws.getRange(METRIC_EXPRESSION_CELL).values = [['2 + 2']];
    await context.sync();
    const edited = Date.now();
    const second = await waitFor(context, ws, 4, opts);
    if (second.value !== 4) throw new Error(`2 after ${firstMs} ms; after the edit to 2 + 2 it showed ${seen(second.seen)} for ${opts.metricTimeoutMs / 1000} s, not 4`);
    return `2 after ${firstMs} ms; 4 ${Date.now() - edited} ms after the table edit`;
  } finally {
    try {
      table.delete();
      ws.getRange(METRIC_CELL).values = [['']];
      await context.sync();
    } catch {
      // the temporary sheet goes anyway
    }
  }
}

const seen = (values: unknown[]) => [...new Set(values.map((v) => JSON.stringify(v)))].join(', ') || 'nothing';

async function waitFor(context: Ctx, ws: Excel.Worksheet, want: number, opts: { metricTimeoutMs: number; pollMs: number; sleep: (ms: number) => Promise<void> }): Promise<{ value: unknown; seen: unknown[] }> {
  const deadline = Date.now() + opts.metricTimeoutMs;
  const values: unknown[] = [];
  for (;;) {
    const cell = ws.getRange(METRIC_CELL).load('values');
    await context.sync();
    const v = cell.values[0][0];
    values.push(v);
    if (v === want || Date.now() >= deadline) return { value: v, seen: values };
    await opts.sleep(opts.pollMs);
  }
}

/** A small sheet plan on a second temporary sheet: a merged title, a page break, a print area. */
function probePlan(name: string, run: number): SheetPlan {
  const style = { font: { name: 'Times New Roman', size: 12 }, horizontal: 'left' as const, vertical: 'top' as const, wrap: true };
  const cells = [`BaoCao tự kiểm tra, lần ghi ${run}`, 'dòng 2', 'dòng 3', 'dòng 4'].map((value, i) => ({ row: i + 1, col: 1, value, style }));
  return {
    name,
    columns: [20, 10, 10],
    rowHeights: {},
    cells,
    merges: [{ top: 1, left: 1, bottom: 1, right: 3 }],
    print: { paper: 'A4', orientation: 'portrait', margins: { top: 0.8, bottom: 0.8, left: 1.2, right: 0.6, header: 0.3, footer: 0.3 }, fitToWidth: 1, fitToHeight: 0, horizontalCentered: false, pageNumbers: 'all' },
    printTitleRows: null,
    breaksAfter: [2],
    lastRow: 4,
    lastCol: 3,
    printArea: { lastRow: 4, lastCol: 3 },
  };
}

/**
 * Issue 20, items 2–4 and 8 on this host: the generation's own write (applyPlan) twice onto a
 * second temporary sheet, a formula on the first pointing into it. Passes when the second write
 * kept the sheet (same id), the formula still points at it, the page fit reads back as one page
 * wide and as many tall as needed, the print area and the merged title read back, and no step
 * came back as a warning. Skipped without ExcelApi 1.12: the ids setting would be rewritten.
 */
async function checkRegenerate(context: Ctx, state: State): Promise<string> {
  const ws = needSheet(state);
  if (!markerByProperty()) throw new Skip('no ExcelApi 1.12: the write would rewrite the workbook setting listing BaoCao’s sheets');
  const name = `${state.sheetName}_R`;
  state.more.push(name);
  const plan = (run: number) => ({ sheets: [probePlan(name, run)], marker: REPORT_MARKER });
  const first = await applyPlan(context, plan(1), { activate: false });
  const target = context.workbook.worksheets.getItem(name).load('id');
  const formula = `='${name.replace(/'/g, "''")}'!A2`;
  ws.getRange('K1').formulas = [[formula]];
  await context.sync();
  const idBefore = target.id;
  const second = await applyPlan(context, plan(2), { activate: false });
  const after = context.workbook.worksheets.getItem(name).load('id');
  const formulaBack = ws.getRange('K1').load('formulas');
  const title = after.getRange('A1').load('values');
  await context.sync();
  const problems: string[] = [];
  if (after.id !== idBefore) problems.push('the second write made a new sheet (references into the old one break)');
  const kept = String(formulaBack.formulas[0][0]);
  if (kept.replace(/\$/g, '') !== formula) problems.push(`the formula into it became ${kept}`);
  if (title.values[0][0] !== 'BaoCao tự kiểm tra, lần ghi 2') problems.push(`A1 reads ${JSON.stringify(title.values[0][0])} after the second write`);
  const warnings = [...first.warnings, ...second.warnings].map((w) => `${w.step}: ${w.detail}`);
  if (warnings.length) problems.push(`warnings: ${warnings.join('; ')}`);
  const readBack = await readBackLayout(context, name);
  if (readBack.problems.length) problems.push(...readBack.problems);
  const seen = `rewritten in place (same id), formula ${kept} kept; ${readBack.seen}`;
  if (problems.length) throw new Error(`${problems.join('; ')} — seen: ${seen}`);
  return seen;
}

/** Reads back the page fit, print area and merged areas of the probe sheet (what Excel kept of what was set). */
async function readBackLayout(context: Ctx, name: string): Promise<{ seen: string; problems: string[] }> {
  const problems: string[] = [];
  const parts: string[] = [];
  if (supportsExcelApi('1.9')) {
    const layout = context.workbook.worksheets.getItem(name).pageLayout;
    layout.load('zoom');
    const area = layout.getPrintAreaOrNullObject().load('address');
    await context.sync();
    const z = layout.zoom ?? {};
    parts.push(`page fit ${JSON.stringify(z)}`);
    if (z.horizontalFitToPages !== 1) problems.push(`page fit width read back as ${JSON.stringify(z.horizontalFitToPages)}, set 1`);
    // 0 or absent: as many pages tall as needed; 1 would print the whole report on one page (office-js#1860)
    if (z.verticalFitToPages !== undefined && z.verticalFitToPages !== null && z.verticalFitToPages !== 0) problems.push(`page fit height read back as ${z.verticalFitToPages}, set 0`);
    const printArea = area.isNullObject ? null : area.address.slice(area.address.lastIndexOf('!') + 1).replace(/\$/g, '');
    parts.push(`print area ${printArea ?? 'none'}`);
    if (printArea !== 'A1:C4') problems.push(`print area read back as ${printArea ?? 'none'}, set A1:C4`);
  } else parts.push('no ExcelApi 1.9: print setup not written');
  if (supportsExcelApi('1.13')) {
    const read = await readGrids(context, [name]);
    const merges = read.grids[0]?.merges ?? [];
    parts.push(`merged ${merges.join(', ') || 'none'}`);
    if (!merges.includes('A1:C1')) problems.push(`merged areas read back as ${merges.join(', ') || 'none'}, merged A1:C1${read.notes.length ? ` (${read.notes.map((n) => JSON.stringify(n)).join('; ')})` : ''}`);
  } else parts.push('no ExcelApi 1.13: merged areas not read');
  return { seen: parts.join('; '), problems };
}

/**
 * Issue 20, item 1: replacing a table reaches its sheet by name in the batch that deletes the table
 * (as write-anhxa.ts does). Also tells whether this host refuses the path through the deleted
 * table, which Excel documents as failing.
 */
async function checkTableReplace(context: Ctx, state: State): Promise<string> {
  const ws = needSheet(state);
  const add = () => {
    const range = ws.getRange('M1:N2');
    range.numberFormat = [['@', '@'], ['@', '@']];
    range.values = [['Cột 1', 'Cột 2'], ['a', 'b']];
    return ws.tables.add('M1:N2', true);
  };
  const table = add();
  table.worksheet.load('name');
  await context.sync();
  table.delete();
  context.workbook.worksheets.getItem(table.worksheet.name).getRange('M1:N2').clear();
  await context.sync();
  const again = add();
  await context.sync();
  again.delete();
  again.worksheet.getRange('M1:N2').clear();
  let old: string;
  try {
    await context.sync();
    old = 'the path through the deleted table was accepted here';
  } catch (e) {
    old = `the path through the deleted table fails here (${errorText(e)}), as expected`;
  }
  return `table deleted and its cells cleared through the sheet by name in one sync; ${old}`;
}

function needSheet(state: State): Excel.Worksheet {
  if (!state.sheet) throw new Skip('no temporary sheet (adding it failed)');
  return state.sheet;
}

/** Deletes the temporary sheet, wherever the run stopped. */
async function removeTempSheet(context: Ctx, state: State): Promise<string> {
  // a failed sync may still have run its first commands: delete by name whenever the add was sent
  if (!state.addTried) throw new Skip('no temporary sheet was added');
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const present = new Set(sheets.items.map((w) => w.name));
  const more = state.more.filter((n) => present.has(n));
  for (const name of more) context.workbook.worksheets.getItem(name).delete();
  context.workbook.worksheets.getItem(state.sheetName).delete();
  await context.sync();
  const left = context.workbook.worksheets.load('items/name');
  await context.sync();
  const still = [state.sheetName, ...more].filter((n) => left.items.some((w) => w.name === n));
  if (still.length) throw new Error(`${still.map((n) => `"${n}"`).join(', ')} still there`);
  return `deleted ${[state.sheetName, ...more].map((n) => `"${n}"`).join(', ')}`;
}

// ------------------------------------------------------------------------------------------

/** The host as Office.context.diagnostics tells it, or null outside Office. */
export function hostInfo(office: OfficeLike | null = officeGlobal()): HostInfo | null {
  const d = office?.context?.diagnostics;
  if (!d) return null;
  return { host: String(d.host ?? '?'), platform: String(d.platform ?? '?'), version: String(d.version ?? '?') };
}

/** Runs every check in order; the temporary sheet is deleted whatever happens. */
export async function runSelfTest(context: Ctx, options: SelfTestOptions = {}): Promise<SelfTestReport> {
  const office = options.office === undefined ? officeGlobal() : options.office;
  const now = options.now ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now()));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const build =
    options.buildDocx ??
    (async (model: ReportModel) => {
      const { buildDocx } = await import(/* webpackChunkName: "docx" */ '../document/docx');
      return buildDocx(model, null);
    });
  const state: State = { sheetName: TEMP_SHEET_PREFIX + Math.random().toString(36).slice(2, 8), sheet: null, addTried: false, more: [] };
  const results: CheckResult[] = [];

  const check = async (id: string, run: () => string | Promise<string>) => {
    const t = now();
    let r: CheckResult;
    try {
      r = { id, status: 'pass', detail: await run(), ms: 0 };
    } catch (e) {
      r = { id, status: e instanceof Skip ? 'skipped' : 'fail', detail: errorText(e), ms: 0 };
    }
    r.ms = Math.round(now() - t);
    results.push(r);
    options.onResult?.(r);
  };

  for (const req of REQUIREMENTS) await check(`req:${req.set} ${req.version}`, () => checkRequirement(office, req.set, req.version, req.use));
  await check('ribbon', () => checkRibbon(office, options.ribbon ?? ribbonState));
  try {
    await check('table-list', () => checkTableList(context));
    await check('markers-read', () => checkMarkersRead(context));
    await check('docx', () => checkDocx(context, build));
    await check('sheet-write', () => checkSheetWrite(context, state));
    await check('marker-write', () => checkMarkerWrite(context, state));
    await check('regenerate', () => checkRegenerate(context, state));
    await check('table-replace', () => checkTableReplace(context, state));
    await check('payload', () => checkPayload(context, state, options.blockBytes ?? 1_000_000, options.largeReadBytes ?? 6_000_000));
    await check('metric', () => checkMetric(context, state, { metricTimeoutMs: options.metricTimeoutMs ?? 10_000, pollMs: options.pollMs ?? 500, sleep }));
  } finally {
    // a sheet add that failed at sync leaves the proxy, not the sheet: try the delete anyway
    await check('sheet-delete', async () => {
      try {
        return await removeTempSheet(context, state);
      } catch (e) {
        if (e instanceof Skip) throw e;
        if (/ItemNotFound/i.test(errorText(e))) throw new Skip('the temporary sheet was never added');
        throw e;
      }
    });
  }
  return { results, host: hostInfo(office) };
}

/** The whole result as plain text (the pane's "copy" button), with the labels given. */
export function reportText(report: SelfTestReport, name: (id: string) => string, status: Record<CheckStatus, string>, heading: string): string {
  const h = report.host;
  const lines = [heading, h ? `Office: ${h.host} · ${h.platform} · ${h.version}` : 'Office: ?', ''];
  for (const r of report.results) lines.push(`${name(r.id)}\t${status[r.status]}\t${r.ms} ms\t${r.detail}`);
  return lines.join('\n');
}
