/**
 * A small in-memory Excel of the same shape as the Office.js objects the adapter uses, with the
 * semantics that matter: commands are queued and run at context.sync(), properties can only be
 * read after load() and a sync (PropertyNotLoaded otherwise), text typed into a cell that is not
 * formatted as Text and starts with = + - @ becomes a formula. Load paths are read as Office.js
 * reads them ("items/columns/items/name" is "columns/name"; a collection's own scalar, such as
 * `count`, is loaded on the collection and leaves its items unloaded). It counts syncs and the
 * bytes of loaded values per sync. Browser-safe: the task pane test bundles it into the page.
 *
 * As strict as Excel where the reference says so (issue 20): a table or sheet deleted earlier in a
 * batch cannot be reached again (InvalidObjectPath); renaming a sheet rewrites the formulas that
 * refer to it and deleting it turns them into #REF!; a response over 5 MB fails, as on the web
 * (responseLimit = null for the desktop); merged areas come back as Excel gives them (only those
 * whose top-left cell is in the range; quirks for the address string); chart members newer than
 * the Office global's ExcelApi fail at sync (ApiNotFound).
 */
import { columnLetters, columnNumber } from '../../src/core/records/snapshot';

export type Scalar = string | number | boolean;

export interface FakeCell {
  value: Scalar;
  formula?: string;
  numberFormat: string;
  format: Record<string, unknown>;
  /** Data validation (ExcelApi 1.8) as set through range.dataValidation. */
  validation?: FakeValidation;
}

/** A cell's data validation: the rule as Office.js takes it, its prompt, error alert and ignoreBlanks. */
export interface FakeValidation {
  rule?: Record<string, Record<string, unknown>>;
  prompt?: { showPrompt: boolean; title: string; message: string };
  errorAlert?: { showAlert: boolean; style: string; title: string; message: string };
  ignoreBlanks?: boolean;
}

/** A change event handler as registered with onChanged.add (ExcelApi 1.7), on a table or a worksheet. */
export interface FakeHandler {
  target: 'table' | 'worksheet';
  /** The table's or worksheet's name when it was registered. */
  name: string;
  handler: (args: Record<string, unknown>) => unknown;
}

export interface FakeSheet {
  id: string;
  name: string;
  cells: Map<string, FakeCell>;
  merges: string[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  pageLayout: Record<string, unknown>;
  /** Worksheet custom properties (ExcelApi 1.12), by key as written. */
  customProperties: Map<string, string>;
  /** Rows a manual horizontal page break sits above (ExcelApi 1.9), in the order added. */
  pageBreaksBefore: number[];
  /** Charts on the sheet (worksheet.charts.add), in the order added; they go when the sheet is deleted. */
  charts: FakeChart[];
  /** 1-based hidden columns (Range.columnHidden). */
  hiddenColumns?: Set<number>;
}

/** A chart as added: its type, the range it draws from (any sheet), and every property set on it. */
export interface FakeChart {
  type: string;
  source: { sheet: FakeSheet; top: number; left: number; bottom: number; right: number };
  seriesBy: string;
  /** The cells of setPosition(start, end). */
  position: [string, string] | null;
  /** Every property set, by path: "axes.valueAxis.maximum", "series.1.format.fill.solidColor", "series.0.points.7.format.border.lineStyle". */
  props: Record<string, unknown>;
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  top: number;
  left: number;
  /** Rows including the header. */
  rows: number;
  cols: number;
}

interface Rect {
  sheet: FakeSheet;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

type Action = () => void;

let nextId = 1;
/** Excel on the web's response payload limit. */
export const RESPONSE_LIMIT = 5 * 1024 * 1024;

/** The error Excel gives for an object reached through a parent deleted earlier in the batch. */
export const invalidPath = (what: string) => Object.assign(new Error(`InvalidObjectPath: ${what} was deleted earlier in this batch`), { code: 'InvalidObjectPath' });

/** A sheet name as a formula writes it: 'Số liệu'!, Data! */
const formulaSheetRef = (name: string) => (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`);
/** Every way a formula can name the sheet before "!": quoted or not, any case. */
const sheetRefPattern = (name: string) => {
  const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:'${esc(name.replace(/'/g, "''"))}'|(?<![\\p{L}\\p{N}_.'])${esc(name)})!`, 'giu');
};
const key = (r: number, c: number) => `${r},${c}`;

export function parseRangeAddress(address: string): { top: number; left: number; bottom: number; right: number } {
  const a = address.replace(/\$/g, '').toUpperCase();
  const [p, q = p] = a.split(':');
  const cell = (s: string) => {
    const m = /^([A-Z]*)(\d*)$/.exec(s);
    if (!m) throw new Error(`InvalidArgument: ${address}`);
    return { col: m[1] ? columnNumber(m[1]) : null, row: m[2] ? Number(m[2]) : null };
  };
  const x = cell(p);
  const y = cell(q);
  return { top: x.row ?? 1, left: x.col ?? 1, bottom: y.row ?? 1048576, right: y.col ?? 16384 };
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  settings = new Map<string, unknown>();
  syncs = 0;
  /** JSON bytes of the values loaded in each sync. */
  responseBytes: number[] = [];
  calcSuspensions = 0;
  activeSheet: FakeSheet | null = null;
  selection: string | null = null;
  /** Every write, in order: kind, target and the sync that ran it, for ordering checks. */
  log: { kind: string; sheet: string; address: string; sync: number }[] = [];
  failNextSync: ((pending: number) => Error | null) | null = null;
  /**
   * Capabilities this host refuses, at sync as Excel does: the nested load paths of a table's rows
   * and columns (InvalidArgument), worksheet custom properties (ApiNotFound, no ExcelApi 1.12),
   * adding a sheet (GeneralException).
   */
  refuse: { nestedLoadPaths?: boolean; customProperties?: boolean; addSheet?: boolean; mergedAreas?: boolean; dataValidation?: boolean; events?: boolean; charts?: boolean; pageLayout?: boolean } = {};
  /**
   * Known Excel defects to reproduce: RangeAreas.address of merged areas giving each area's
   * top-left cell only (office-js#1590; `areas` still gives the whole areas).
   */
  quirks: { mergedAddressTopLeftOnly?: boolean } = {};
  /** Change handlers registered and not removed (each takes effect at a sync, as in Office.js). */
  handlers: FakeHandler[] = [];
  /**
   * Loaded value bytes over which a sync is refused: Excel on the web refuses responses over 5 MB
   * (learn.microsoft.com, "Resource limits and performance optimization for Office Add-ins").
   * null: no limit, as on the desktop.
   */
  responseLimit: number | null = RESPONSE_LIMIT;
  /** Runs after each sync's commands, as Excel's recalculation (tests put custom function results here). */
  recalculate: ((book: FakeWorkbook) => void) | null = null;

  note(kind: string, sheet: string, address = ''): void {
    this.log.push({ kind, sheet, address, sync: this.syncs });
  }

  addSheet(name: string): FakeSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: ${name}`);
    const sheet: FakeSheet = { id: `{sheet-${nextId++}}`, name, cells: new Map(), merges: [], columnWidths: new Map(), rowHeights: new Map(), pageLayout: {}, customProperties: new Map(), pageBreaksBefore: [], charts: [] };
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  /**
   * Renames a sheet as Excel does: every formula in the workbook that refers to it is rewritten to
   * the new name (so a staff formula ='Số liệu'!G10 follows the sheet it points to).
   */
  renameSheet(sheet: FakeSheet, name: string): void {
    if (this.sheets.some((s) => s !== sheet && s.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: ${name}`);
    this.rewriteReferences(sheet.name, `${formulaSheetRef(name)}!`);
    sheet.name = name;
  }

  /** Deletes a sheet as Excel does: its tables go, and every formula that referred to it shows #REF!. */
  deleteSheet(sheet: FakeSheet): void {
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    this.sheets = this.sheets.filter((x) => x !== sheet);
    this.rewriteReferences(sheet.name, '#REF!');
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0] ?? null;
  }

  private rewriteReferences(from: string, to: string): void {
    const pattern = sheetRefPattern(from);
    for (const s of this.sheets)
      for (const cell of s.cells.values()) if (cell.formula && pattern.test((pattern.lastIndex = 0, cell.formula))) cell.formula = cell.formula.replace(pattern, to);
  }

  sheet(nameOrId: string): FakeSheet {
    const s = this.sheets.find((x) => x.id === nameOrId || x.name.toLowerCase() === nameOrId.toLowerCase());
    if (!s) throw new Error(`ItemNotFound: ${nameOrId}`);
    return s;
  }

  cell(sheet: FakeSheet, row: number, col: number): FakeCell {
    let c = sheet.cells.get(key(row, col));
    if (!c) {
      c = { value: '', numberFormat: 'General', format: {} };
      sheet.cells.set(key(row, col), c);
    }
    return c;
  }

  peek(sheet: FakeSheet, row: number, col: number): FakeCell | undefined {
    return sheet.cells.get(key(row, col));
  }

  /** Puts a table with its header and rows at `topLeft` (values as Excel stores them). */
  putTable(sheetName: string, name: string, topLeft: string, headers: string[], rows: Scalar[][]): FakeTable {
    const sheet = this.sheets.find((s) => s.name === sheetName) ?? this.addSheet(sheetName);
    const { top, left } = parseRangeAddress(topLeft);
    [headers, ...rows].forEach((r, i) => r.forEach((v, j) => (this.cell(sheet, top + i, left + j).value = v)));
    const table = { name, sheet, top, left, rows: rows.length + 1, cols: headers.length };
    this.tables.push(table);
    return table;
  }

  values(sheet: FakeSheet, rect: { top: number; left: number; bottom: number; right: number }): Scalar[][] {
    const out: Scalar[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: Scalar[] = [];
      for (let c = rect.left; c <= rect.right; c++) row.push(this.peek(sheet, r, c)?.value ?? '');
      out.push(row);
    }
    return out;
  }

  /** A deep copy of every cell value of the sheets named (for "untouched" checks). */
  dump(names: string[]): string {
    return JSON.stringify(
      this.sheets
        .filter((s) => names.includes(s.name))
        .map((s) => [s.name, [...s.cells.entries()].sort(([a], [b]) => (a < b ? -1 : 1))]),
    );
  }

  context(): FakeContext {
    return new FakeContext(this);
  }

  /** Excel.run over this workbook; Excel.run(context, batch) reuses a context, as to remove event handlers. */
  run = <T>(first: ((context: Excel.RequestContext) => Promise<T>) | object, second?: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    typeof first === 'function' ? first(this.context() as unknown as Excel.RequestContext) : second!(first as Excel.RequestContext);

  /**
   * A user's edit as Excel reports it: the cell takes the value, then each handler on a table that
   * holds the cell and on its worksheet is called with its event arguments (not awaited, as Excel
   * does not wait for add-ins).
   */
  edit(sheetName: string, address: string, value: Scalar): void {
    const sheet = this.sheet(sheetName);
    const { top, left } = parseRangeAddress(address);
    const cell = this.cell(sheet, top, left);
    delete cell.formula;
    cell.value = value;
    this.fireChanged(sheet, address);
  }

  /** Calls the change handlers of the tables holding `address` on `sheet`, and of the sheet. */
  fireChanged(sheet: FakeSheet, address: string): void {
    const { top, left } = parseRangeAddress(address);
    const inTable = this.tables.filter((t) => t.sheet === sheet && top >= t.top && top < t.top + t.rows && left >= t.left && left < t.left + t.cols);
    for (const h of [...this.handlers]) {
      const table = h.target === 'table' ? inTable.find((t) => t.name === h.name) : undefined;
      if (h.target === 'table' && !table) continue;
      if (h.target === 'worksheet' && h.name !== sheet.name) continue;
      const args = { type: h.target === 'table' ? 'TableChanged' : 'WorksheetChanged', changeType: 'RangeEdited', source: 'Local', address, worksheetId: sheet.id, ...(table ? { tableId: table.name } : {}) };
      void Promise.resolve().then(() => h.handler(args));
    }
  }
}

export class FakeContext {
  readonly queue: Action[] = [];
  readonly afterSync: Action[] = [];
  readonly workbook: FakeWorkbookProxy;
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  bytes = 0;

  constructor(readonly book: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () =>
        this.queue.push(() => {
          book.calcSuspensions++;
          book.note('suspendCalculation', '');
        }),
    };
  }

  async sync(): Promise<void> {
    this.book.syncs++;
    const actions = this.queue.splice(0);
    const after = this.afterSync.splice(0);
    const failure = this.book.failNextSync?.(actions.length);
    if (failure) {
      this.book.failNextSync = null;
      throw failure;
    }
    this.bytes = 0;
    for (const a of actions) a();
    for (const a of after) a();
    this.book.responseBytes.push(this.bytes);
    this.book.recalculate?.(this.book);
    const limit = this.book.responseLimit;
    if (limit !== null && this.bytes > limit) throw Object.assign(new Error('The response payload size has exceeded the limit.'), { code: 'ResponsePayloadSizeLimitExceeded' });
  }
}

/** Base of every proxy: load() queues a read; reading before load + sync throws as Office.js does. */
class ClientObject {
  protected loaded = new Map<string, unknown>();
  /** Navigation properties loaded through a path ("rows" of "rows/count"), for toJSON. */
  readonly loadedNavs = new Set<string>();
  constructor(protected readonly ctx: FakeContext) {}

  protected read(name: string): unknown {
    if (!this.loaded.has(name)) throw new Error(`PropertyNotLoaded: ${this.constructor.name}.${name}`);
    return this.loaded.get(name);
  }

  protected snapshot(_name: string): unknown {
    return undefined;
  }

  load(props?: string | string[]): this {
    const list = loadPaths(props);
    this.ctx.queue.push(() => this.applyLoad(list));
    return this;
  }

  /** Runs a load at sync time: own properties, and "nav/…" paths on the navigation property. */
  applyLoad(paths: string[]): void {
    for (const p of paths.filter((x) => !x.includes('/'))) {
      const v = this.snapshot(p);
      if (p === 'values' || p === 'formulas') this.ctx.bytes += JSON.stringify(v).length;
      this.loaded.set(p, v);
    }
    loadNested(this, paths);
  }

  /** What is loaded, as Office.js's toJSON gives it: scalars, and the loaded navigation properties. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = Object.fromEntries(this.loaded);
    for (const nav of this.loadedNavs) out[nav] = ((this as unknown as Record<string, unknown>)[nav] as { toJSON(): unknown }).toJSON();
    return out;
  }
}

/** A load argument as Office.js sends it: "items/" dropped at the start, "/items/" inside read as "/". */
function loadPaths(props?: string | string[]): string[] {
  return (Array.isArray(props) ? props : (props ?? '').split(','))
    .map((p) => p.trim())
    .map((p) => (/^items[/.]/i.test(p) ? p.slice(6) : p).replace(/[/.]items[/.]/gi, '/'))
    .filter(Boolean);
}

interface Loadable {
  applyLoad(paths: string[]): void;
}

/** "rows/count", "columns/name", "worksheet/name": loads the rest of the path on the navigation property. */
function loadNested(owner: object, paths: string[]): void {
  const byNav = new Map<string, string[]>();
  for (const p of paths.filter((x) => x.includes('/'))) {
    const [nav, ...rest] = p.split('/');
    byNav.set(nav, [...(byNav.get(nav) ?? []), rest.join('/')]);
  }
  for (const [nav, rest] of byNav) {
    const target = (owner as Record<string, unknown>)[nav] as Partial<Loadable> | undefined;
    if (!target || typeof target.applyLoad !== 'function') throw new Error(`PropertyNotFound: ${owner.constructor.name}.${nav}`);
    if (owner instanceof FakeTableProxy && (nav === 'rows' || nav === 'columns') && owner.refusesNested()) throw Object.assign(new Error('The argument is invalid or missing or has an incorrect format.'), { code: 'InvalidArgument' });
    if (owner instanceof ClientObject) owner.loadedNavs.add(nav);
    target.applyLoad(rest);
  }
}

class FakeWorkbookProxy {
  readonly tables: FakeTableCollection;
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettings;
  constructor(readonly ctx: FakeContext) {
    this.tables = new FakeTableCollection(ctx, null);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.settings = new FakeSettings(ctx);
  }
}

class FakeSettings {
  constructor(private readonly ctx: FakeContext) {}
  getItemOrNullObject(name: string): FakeSetting {
    return new FakeSetting(this.ctx, name);
  }
  add(name: string, value: unknown): void {
    this.ctx.queue.push(() => {
      this.ctx.book.settings.set(name, value);
      this.ctx.book.note('setting', '', name);
    });
  }
}

class FakeSetting extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly name: string,
  ) {
    super(ctx);
    this.load('isNullObject');
  }
  protected override snapshot(p: string): unknown {
    if (p === 'isNullObject') return !this.ctx.book.settings.has(this.name);
    if (p === 'value') return this.ctx.book.settings.get(this.name) ?? null;
    throw new Error(`PropertyNotFound: Setting.${p}`);
  }
  get isNullObject(): boolean {
    return this.read('isNullObject') as boolean;
  }
  get value(): unknown {
    return this.read('value');
  }
}

/**
 * Collections: load('items/a,items/b/c') fills items with loaded proxies at sync time. The
 * collection's own scalars (`count`) load on the collection; a load of only those leaves `items`
 * unloaded, as Office.js does.
 */
abstract class Collection<T extends ClientObject> {
  private loadedItems: T[] | null = null;
  private loadedScalars = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}
  protected abstract current(): T[];
  /** The collection's own scalar properties and their values now. */
  protected scalars(): Record<string, () => unknown> {
    return {};
  }
  load(props?: string): this {
    const paths = loadPaths(props);
    this.ctx.queue.push(() => this.applyLoad(paths));
    return this;
  }
  applyLoad(paths: string[]): void {
    const own = this.scalars();
    const mine = paths.filter((p) => p in own);
    for (const p of mine) this.loadedScalars.set(p, own[p]());
    const inner = paths.filter((p) => !(p in own));
    if (mine.length && !inner.length) return;
    const items = this.current();
    for (const item of items) item.applyLoad(inner);
    this.loadedItems = items;
  }
  get items(): T[] {
    if (!this.loadedItems) throw new Error(`PropertyNotLoaded: ${this.constructor.name}.items`);
    return this.loadedItems;
  }
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = Object.fromEntries(this.loadedScalars);
    if (this.loadedItems) out.items = this.loadedItems.map((i) => i.toJSON());
    return out;
  }
  protected readScalar(name: string): unknown {
    if (!this.loadedScalars.has(name)) throw new Error(`PropertyNotLoaded: ${this.constructor.name}.${name}`);
    return this.loadedScalars.get(name);
  }
}

class FakeTableCollection extends Collection<FakeTableProxy> {
  constructor(
    ctx: FakeContext,
    private readonly sheet: (() => FakeSheet) | null,
  ) {
    super(ctx);
  }
  protected current(): FakeTableProxy[] {
    return this.ctx.book.tables.filter((t) => !this.sheet || t.sheet === this.sheet()).map((t) => new FakeTableProxy(this.ctx, () => t));
  }
  add(address: string, hasHeaders: boolean): FakeTableProxy {
    if (!hasHeaders) throw new Error('the fake only makes tables with headers');
    let made: FakeTable | null = null;
    this.ctx.queue.push(() => {
      const r = parseRangeAddress(address);
      const sheet = this.sheet!();
      made = { name: `Table${this.ctx.book.tables.length + 1}`, sheet, top: r.top, left: r.left, rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 };
      this.ctx.book.tables.push(made);
    });
    return new FakeTableProxy(this.ctx, () => made!);
  }
}

class FakeTableProxy extends ClientObject {
  private readonly table: () => FakeTable;
  constructor(ctx: FakeContext, resolve: () => FakeTable) {
    super(ctx);
    // as Excel resolves a path at sync: through a table deleted earlier in the batch, it fails
    this.table = () => {
      const t = resolve();
      if (!ctx.book.tables.includes(t)) throw invalidPath(`the table "${t.name}"`);
      return t;
    };
  }
  private sheetProxy: FakeWorksheet | null = null;
  private rowsProxy: FakeTableRowCollection | null = null;
  private columnsProxy: FakeTableColumnCollection | null = null;
  get worksheet(): FakeWorksheet {
    return (this.sheetProxy ??= new FakeWorksheet(this.ctx, () => this.table().sheet));
  }
  refusesNested(): boolean {
    return !!this.ctx.book.refuse.nestedLoadPaths;
  }
  delete(): void {
    this.ctx.queue.push(() => {
      const t = this.table();
      this.ctx.book.tables = this.ctx.book.tables.filter((x) => x !== t);
      this.ctx.book.note('deleteTable', t.sheet.name, t.name);
    });
  }
  get rows(): FakeTableRowCollection {
    return (this.rowsProxy ??= new FakeTableRowCollection(this.ctx, this.table));
  }
  get columns(): FakeTableColumnCollection {
    return (this.columnsProxy ??= new FakeTableColumnCollection(this.ctx, this.table));
  }
  protected override snapshot(p: string): unknown {
    if (p === 'name') return this.table().name;
    throw new Error(`PropertyNotFound: Table.${p}`);
  }
  get name(): string {
    return this.read('name') as string;
  }
  set name(v: string) {
    this.ctx.queue.push(() => {
      if (this.ctx.book.tables.some((t) => t !== this.table() && t.name.toLowerCase() === v.toLowerCase())) throw new Error(`TableNameExists: ${v}`);
      this.table().name = v;
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.table();
      return { sheet: t.sheet, top: t.top, left: t.left, bottom: t.top + t.rows - 1, right: t.left + t.cols - 1 };
    });
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.table();
      return { sheet: t.sheet, top: t.top, left: t.left, bottom: t.top, right: t.left + t.cols - 1 };
    });
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.table();
      return { sheet: t.sheet, top: t.top + 1, left: t.left, bottom: t.top + t.rows - 1, right: t.left + t.cols - 1 };
    });
  }
  get onChanged(): FakeEvent {
    return new FakeEvent(this.ctx, 'table', () => this.table().name);
  }
}

/** onChanged (ExcelApi 1.7): add() registers at the next sync and gives a result whose remove() ends it at a sync. */
class FakeEvent {
  constructor(
    private readonly ctx: FakeContext,
    private readonly target: 'table' | 'worksheet',
    private readonly name: () => string,
  ) {}
  add(handler: (args: Record<string, unknown>) => unknown): { context: FakeContext; remove(): void } {
    let entry: FakeHandler | null = null;
    const ctx = this.ctx;
    ctx.queue.push(() => {
      if (ctx.book.refuse.events) throw Object.assign(new Error('This API is not supported: onChanged (ExcelApi 1.7).'), { code: 'ApiNotFound' });
      entry = { target: this.target, name: this.name(), handler };
      ctx.book.handlers.push(entry);
      ctx.book.note('addHandler', '', `${this.target}:${entry.name}`);
    });
    return {
      context: ctx,
      remove: () => {
        ctx.queue.push(() => {
          ctx.book.handlers = ctx.book.handlers.filter((h) => h !== entry);
          if (entry) ctx.book.note('removeHandler', '', `${entry.target}:${entry.name}`);
        });
      },
    };
  }
}

/** Table.rows: only its `count` (the data rows, header excluded). */
class FakeTableRowCollection extends Collection<never> {
  constructor(
    ctx: FakeContext,
    private readonly table: () => FakeTable,
  ) {
    super(ctx);
  }
  protected override scalars(): Record<string, () => unknown> {
    return { count: () => this.table().rows - 1 };
  }
  protected current(): never[] {
    throw new Error('the fake has no table row items');
  }
  get count(): number {
    return this.readScalar('count') as number;
  }
}

/** Table.columns: one item per column, named by its header cell. */
class FakeTableColumnCollection extends Collection<FakeTableColumn> {
  constructor(
    ctx: FakeContext,
    private readonly table: () => FakeTable,
  ) {
    super(ctx);
  }
  protected override scalars(): Record<string, () => unknown> {
    return { count: () => this.table().cols };
  }
  protected current(): FakeTableColumn[] {
    const t = this.table();
    return Array.from({ length: t.cols }, (_, i) => new FakeTableColumn(this.ctx, t, i));
  }
  get count(): number {
    return this.readScalar('count') as number;
  }
  /** A column by its name (header text, case-insensitive), resolved at sync: ItemNotFound when there is none. */
  getItem(name: string): FakeTableColumn {
    let index: number | null = null;
    const resolve = () => {
      if (index !== null) return index;
      const t = this.table();
      for (let i = 0; i < t.cols; i++) if (String(this.ctx.book.peek(t.sheet, t.top, t.left + i)?.value ?? '').toLowerCase() === name.toLowerCase()) return (index = i);
      throw new Error(`ItemNotFound: table column ${name}`);
    };
    return new FakeTableColumn(this.ctx, this.table, resolve);
  }
  getItemAt(i: number): FakeTableColumn {
    return new FakeTableColumn(this.ctx, this.table, () => i);
  }
}

class FakeTableColumn extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly tableRef: FakeTable | (() => FakeTable),
    private readonly at: number | (() => number),
  ) {
    super(ctx);
  }
  /** Resolved at sync: a column of a table added in the same batch exists only then. */
  private get table(): FakeTable {
    return typeof this.tableRef === 'function' ? this.tableRef() : this.tableRef;
  }
  private get index(): number {
    return typeof this.at === 'number' ? this.at : this.at();
  }
  protected override snapshot(p: string): unknown {
    const t = this.table;
    if (p === 'name') return String(this.ctx.book.peek(t.sheet, t.top, t.left + this.index)?.value ?? '');
    if (p === 'index') return this.index;
    throw new Error(`PropertyNotFound: TableColumn.${p}`);
  }
  get name(): string {
    return this.read('name') as string;
  }
  /** The column's cells under the header (ItemNotFound, at sync, for a table without data rows). */
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.table;
      if (t.rows < 2) throw new Error('ItemNotFound: the table has no data rows');
      const i = this.index;
      if (i < 0 || i >= t.cols) throw new Error(`ItemNotFound: table column ${i}`);
      return { sheet: t.sheet, top: t.top + 1, left: t.left + i, bottom: t.top + t.rows - 1, right: t.left + i };
    });
  }
}

/** Worksheet.customProperties (ExcelApi 1.12): keys are case-insensitive. */
class FakeCustomPropertyCollection extends Collection<FakeCustomProperty> {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  private refuse(): void {
    if (this.ctx.book.refuse.customProperties) throw Object.assign(new Error('This API is not supported: Worksheet.customProperties (ExcelApi 1.12).'), { code: 'ApiNotFound' });
  }
  override applyLoad(paths: string[]): void {
    this.refuse();
    super.applyLoad(paths);
  }
  protected current(): FakeCustomProperty[] {
    const s = this.sheet();
    return [...s.customProperties.keys()].map((k) => new FakeCustomProperty(this.ctx, s, k));
  }
  add(key: string, value: string): FakeCustomProperty {
    const sheet = this.sheet;
    this.ctx.queue.push(() => {
      this.refuse();
      const s = sheet();
      for (const k of [...s.customProperties.keys()]) if (k.toLowerCase() === key.toLowerCase()) s.customProperties.delete(k);
      s.customProperties.set(key, value);
      this.ctx.book.note('customProperty', s.name, key);
    });
    return new FakeCustomProperty(this.ctx, null, key);
  }
}

class FakeCustomProperty extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeSheet | null,
    private readonly k: string,
  ) {
    super(ctx);
  }
  protected override snapshot(p: string): unknown {
    if (p === 'key') return this.k;
    if (p === 'value') return this.sheet?.customProperties.get(this.k);
    throw new Error(`PropertyNotFound: WorksheetCustomProperty.${p}`);
  }
  get key(): string {
    return this.read('key') as string;
  }
  get value(): string {
    return this.read('value') as string;
  }
}

/** Worksheet.horizontalPageBreaks (ExcelApi 1.9): add() puts a break above the range's top row. */
class FakePageBreakCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  /** Removes every manual break of the sheet (ExcelApi 1.9). */
  removePageBreaks(): void {
    this.ctx.queue.push(() => {
      const s = this.sheet();
      s.pageBreaksBefore = [];
      this.ctx.book.note('removePageBreaks', s.name);
    });
  }
  add(range: string): void {
    if (typeof range !== 'string') throw new Error('the fake adds page breaks at an address only');
    this.ctx.queue.push(() => {
      const s = this.sheet();
      s.pageBreaksBefore.push(parseRangeAddress(range).top);
      this.ctx.book.note('pageBreak', s.name, range);
    });
  }
}

class FakeWorksheetCollection extends Collection<FakeWorksheet> {
  protected current(): FakeWorksheet[] {
    return this.ctx.book.sheets.map((s) => new FakeWorksheet(this.ctx, () => s));
  }
  getItem(nameOrId: string): FakeWorksheet {
    let resolved: FakeSheet | null = null;
    return new FakeWorksheet(this.ctx, () => (resolved ??= this.ctx.book.sheet(nameOrId)));
  }
  add(name: string): FakeWorksheet {
    let made: FakeSheet | null = null;
    this.ctx.queue.push(() => {
      if (this.ctx.book.refuse.addSheet) throw Object.assign(new Error('The request could not be processed.'), { code: 'GeneralException' });
      made = this.ctx.book.addSheet(name);
      this.ctx.book.note('addSheet', name);
    });
    return new FakeWorksheet(this.ctx, () => made!);
  }
}

class FakeWorksheet extends ClientObject {
  readonly tables: FakeTableCollection;
  private readonly sheet: () => FakeSheet;
  constructor(ctx: FakeContext, resolve: () => FakeSheet) {
    super(ctx);
    // a sheet deleted earlier in the batch cannot be reached any more, nor anything on it
    const sheet = (this.sheet = () => {
      const s = resolve();
      if (!ctx.book.sheets.includes(s)) throw invalidPath(`the worksheet "${s.name}"`);
      return s;
    });
    this.tables = new FakeTableCollection(ctx, sheet);
    this.customProperties = new FakeCustomPropertyCollection(ctx, sheet);
    this.horizontalPageBreaks = new FakePageBreakCollection(ctx, sheet);
    this.charts = new FakeChartCollection(ctx, sheet);
  }
  readonly charts: FakeChartCollection;
  readonly customProperties: FakeCustomPropertyCollection;
  readonly horizontalPageBreaks: FakePageBreakCollection;
  protected override snapshot(p: string): unknown {
    const s = this.sheet();
    if (p === 'name') return s.name;
    if (p === 'id') return s.id;
    if (p === 'position') return this.ctx.book.sheets.indexOf(s);
    throw new Error(`PropertyNotFound: Worksheet.${p}`);
  }
  get name(): string {
    return this.read('name') as string;
  }
  set name(v: string) {
    this.ctx.queue.push(() => this.ctx.book.renameSheet(this.sheet(), v));
  }
  get id(): string {
    return this.read('id') as string;
  }
  get position(): number {
    return this.read('position') as number;
  }
  set position(v: number) {
    this.ctx.queue.push(() => {
      const list = this.ctx.book.sheets;
      const s = this.sheet();
      list.splice(list.indexOf(s), 1);
      list.splice(Math.min(v, list.length), 0, s);
    });
  }
  delete(): void {
    this.ctx.queue.push(() => {
      const book = this.ctx.book;
      const s = this.sheet();
      book.deleteSheet(s);
      book.note('deleteSheet', s.name);
    });
  }
  activate(): void {
    this.ctx.queue.push(() => (this.ctx.book.activeSheet = this.sheet()));
  }
  get onChanged(): FakeEvent {
    return new FakeEvent(this.ctx, 'worksheet', () => this.sheet().name);
  }
  /** A range by address, or the whole sheet without one. */
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.sheet(), ...parseRangeAddress(address ?? 'A1:XFD1048576') }));
  }
  /** The smallest range holding every cell with a value (valuesOnly) or any entry (format too); a null object on an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => usedRect(this.sheet(), valuesOnly), true);
  }
  /**
   * Worksheet.pageLayout (ExcelApi 1.9): properties set are recorded at sync; a property read
   * before load() and a sync throws PropertyNotLoaded, as in Office.js.
   */
  get pageLayout(): Record<string, unknown> {
    const ctx = this.ctx;
    const sheet = this.sheet;
    const loaded = new Map<string, unknown>();
    const methods: Record<string, unknown> = {
      setPrintTitleRows: (rows: string) => ctx.queue.push(() => (sheet().pageLayout.printTitleRows = rows)),
      setPrintArea: (area: string) => ctx.queue.push(() => (sheet().pageLayout.printArea = area)),
      headersFooters: headersFooters(ctx, sheet),
      load: (props: string | string[]) => {
        const names = loadPaths(props);
        ctx.queue.push(() => {
          for (const n of names) loaded.set(n, structuredCloneOf(sheet().pageLayout[n] ?? null));
        });
      },
      /** The print area as a RangeAreas: its address, each area with its sheet (null object when none is set). */
      getPrintAreaOrNullObject: () => {
        return new FakeRangeAreas(ctx, sheet, () => {
          const area = sheet().pageLayout.printArea as string | undefined;
          return area ? area.split(',').map((a) => a.replace(/\$/g, '')) : [];
        });
      },
    };
    return new Proxy(
      {},
      {
        get: (_t, p: string) => {
          if (p in methods) return methods[p];
          if (typeof p !== 'string' || p === 'then' || p === 'toJSON') return undefined;
          if (!loaded.has(p)) throw new Error(`PropertyNotLoaded: PageLayout.${p}`);
          return loaded.get(p);
        },
        set: (_t, p: string, v) => {
          ctx.queue.push(() => {
            if (ctx.book.refuse.pageLayout) throw Object.assign(new Error(`The request could not be processed: pageLayout.${p}.`), { code: 'GeneralException' });
            sheet().pageLayout[p] = v;
          });
          return true;
        },
      },
    );
  }
}

/** pageLayout.headersFooters: records its `state` and the sections of each group, nothing else. */
function headersFooters(ctx: FakeContext, sheet: () => FakeSheet): Record<string, unknown> {
  const GROUPS = ['defaultForAllPages', 'firstPage', 'evenPages', 'oddPages'];
  const SECTIONS = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'];
  const record = (key: string, v: unknown) => ctx.queue.push(() => (sheet().pageLayout[`headersFooters.${key}`] = v));
  return new Proxy(
    {},
    {
      get: (_t, g: string) => {
        if (!GROUPS.includes(g)) throw new Error(`fake Excel: headersFooters.${g} is not supported`);
        return new Proxy(
          {},
          {
            set: (_u, s: string, v) => {
              if (!SECTIONS.includes(s)) throw new Error(`fake Excel: headersFooters.${g}.${s} is not supported`);
              record(`${g}.${s}`, v);
              return true;
            },
          },
        );
      },
      set: (_t, p: string, v) => {
        if (p !== 'state' && p !== 'useSheetMargins' && p !== 'useSheetScale') throw new Error(`fake Excel: headersFooters.${p} is not supported`);
        record(p, v);
        return true;
      },
    },
  );
}

/** A format object that records every property set on it (font.bold, borders.getItem(...).style, …). */
function formatRecorder(ctx: FakeContext, rect: () => Rect, path: string[]): Record<string, unknown> {
  return new Proxy(
    {},
    {
      get: (_t, p: string) => {
        if (p === 'getItem') return (edge: string) => formatRecorder(ctx, rect, [...path, edge]);
        if (p === 'autofitColumns') return () => ctx.queue.push(() => ctx.book.note('autofit', rect().sheet.name, ''));
        return formatRecorder(ctx, rect, [...path, p]);
      },
      set: (_t, p: string, v) => {
        ctx.queue.push(() => {
          const r = rect();
          const name = [...path, p].join('.');
          ctx.book.note(`format.${name}`, r.sheet.name, addressOf(r));
          if (name === 'columnWidth') for (let c = r.left; c <= r.right; c++) r.sheet.columnWidths.set(c, v);
          else if (name === 'rowHeight') for (let q = r.top; q <= r.bottom; q++) r.sheet.rowHeights.set(q, v);
          else for (let q = r.top; q <= r.bottom; q++) for (let c = r.left; c <= r.right; c++) ctx.book.cell(r.sheet, q, c).format[name] = v;
        });
        return true;
      },
    },
  );
}

const addressOf = (r: Rect) => `${columnLetters(r.left)}${r.top}:${columnLetters(r.right)}${r.bottom}`;
/** A sheet name as an address writes it: quoted when it holds anything but letters, digits, _ and . */
const sheetRef = (name: string) => (/^[\p{L}\p{N}_.]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

function usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | null {
  let r: Rect | null = null;
  for (const [k, cell] of sheet.cells) {
    if (valuesOnly && (cell.value === '' || cell.value === null || cell.value === undefined)) continue;
    const [row, col] = k.split(',').map(Number);
    if (!r) r = { sheet, top: row, left: col, bottom: row, right: col };
    else {
      r.top = Math.min(r.top, row);
      r.left = Math.min(r.left, col);
      r.bottom = Math.max(r.bottom, row);
      r.right = Math.max(r.right, col);
    }
  }
  return r;
}

const intersects = (a: { top: number; left: number; bottom: number; right: number }, b: { top: number; left: number; bottom: number; right: number }) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

const structuredCloneOf = <T>(v: T): T => (v === null || typeof v !== 'object' ? v : JSON.parse(JSON.stringify(v)));

/**
 * A RangeAreas: the areas (A1 ranges without the sheet) `list` gives at sync, all on one sheet.
 * isNullObject, address (each area with its sheet, written by `shown`), areaCount, and `areas`
 * (ExcelApi 1.9), each whole area as a range.
 */
class FakeRangeAreas extends ClientObject {
  readonly areas: FakeAreaCollection;
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly list: () => string[],
    private readonly shown: (area: string) => string = (a) => a,
  ) {
    super(ctx);
    this.load('isNullObject');
    this.areas = new FakeAreaCollection(ctx, () => this.list().map((a) => ({ sheet: this.sheet(), ...parseRangeAddress(a) })));
  }
  protected override snapshot(p: string): unknown {
    const areas = this.list();
    if (p === 'isNullObject') return areas.length === 0;
    if (!areas.length) return undefined; // a null object's properties hold nothing
    if (p === 'areaCount') return areas.length;
    if (p === 'address') {
      const s = sheetRef(this.sheet().name);
      const text = areas.map((a) => `${s}!${this.shown(a)}`).join(',');
      this.ctx.bytes += text.length;
      return text;
    }
    throw new Error(`PropertyNotFound: RangeAreas.${p}`);
  }
  get isNullObject(): boolean {
    return this.read('isNullObject') as boolean;
  }
  get address(): string {
    return this.read('address') as string;
  }
  get areaCount(): number {
    return this.read('areaCount') as number;
  }
}

/**
 * Range.getMergedAreasOrNullObject (ExcelApi 1.13), as Excel answers: only the merged areas whose
 * top-left cell lies in the range (office-js#3611); `address` gives top-left cells only under
 * quirks.mergedAddressTopLeftOnly (office-js#1590), while `areas` still gives the whole areas.
 */
function mergedAreasOf(ctx: FakeContext, rect: () => Rect): FakeRangeAreas {
  const list = () => {
    if (ctx.book.refuse.mergedAreas) throw Object.assign(new Error('This API is not supported: Range.getMergedAreasOrNullObject (ExcelApi 1.13).'), { code: 'ApiNotFound' });
    const r = rect();
    return r.sheet.merges.filter((m) => {
      const a = parseRangeAddress(m);
      return intersects({ ...a, bottom: a.top, right: a.left }, r);
    });
  };
  return new FakeRangeAreas(ctx, () => rect().sheet, list, (a) => (ctx.book.quirks.mergedAddressTopLeftOnly ? a.split(':')[0] : a));
}

/** RangeAreas.areas: one range per area. */
class FakeAreaCollection extends Collection<FakeRange> {
  constructor(
    ctx: FakeContext,
    private readonly rects: () => Rect[],
  ) {
    super(ctx);
  }
  protected current(): FakeRange[] {
    return this.rects().map((r) => new FakeRange(this.ctx, () => r));
  }
}

const FORMULA_START = /^[=+\-@]./;

class FakeRange extends ClientObject {
  private readonly rect: () => Rect;
  private readonly find: () => Rect | null;
  constructor(
    ctx: FakeContext,
    rect: () => Rect | null,
    /** A *OrNullObject range: isNullObject is loaded with it, and it resolves once, at its first sync. */
    nullable = false,
  ) {
    super(ctx);
    let memo: { r: Rect | null } | null = null;
    this.find = nullable ? () => (memo ??= { r: rect() }).r : rect;
    this.rect = () => {
      const r = this.find();
      if (!r) throw new Error('InvalidObjectPath: the range is a null object');
      return r;
    };
    if (nullable) this.load('isNullObject');
  }
  get isNullObject(): boolean {
    return this.read('isNullObject') as boolean;
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return mergedAreasOf(this.ctx, this.rect);
  }
  getColumn(i: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const r = this.rect();
      return { ...r, left: r.left + i, right: r.left + i };
    });
  }
  /** Range.clear() (applyTo All): values, formats and the merges inside the range go. */
  clear(): void {
    this.ctx.queue.push(() => {
      const r = this.rect();
      this.ctx.book.note('clear', r.sheet.name, addressOf(r));
      for (const k of [...r.sheet.cells.keys()]) {
        const [q, c] = k.split(',').map(Number);
        if (q >= r.top && q <= r.bottom && c >= r.left && c <= r.right) r.sheet.cells.delete(k);
      }
      r.sheet.merges = r.sheet.merges.filter((m) => !intersects(parseRangeAddress(m), r));
    });
  }
  unmerge(): void {
    this.ctx.queue.push(() => {
      const r = this.rect();
      r.sheet.merges = r.sheet.merges.filter((m) => !intersects(parseRangeAddress(m), r));
    });
  }
  /** The cells this range stands for, resolved now (for the fake's own use: charts.add). */
  resolve(): Rect {
    return this.rect();
  }
  protected override snapshot(p: string): unknown {
    if (p === 'isNullObject') return this.find() === null;
    if (this.find() === null) return undefined; // a null object loads, and holds nothing
    const r = this.rect();
    switch (p) {
      case 'columnHidden':
        for (let c = r.left; c <= r.right; c++) if (!r.sheet.hiddenColumns?.has(c)) return false;
        return true;
      case 'values':
        return this.ctx.book.values(r.sheet, r);
      case 'formulas': {
        const out: Scalar[][] = [];
        for (let q = r.top; q <= r.bottom; q++) {
          const row: Scalar[] = [];
          for (let c = r.left; c <= r.right; c++) {
            const cell = this.ctx.book.peek(r.sheet, q, c);
            row.push(cell?.formula ?? cell?.value ?? '');
          }
          out.push(row);
        }
        return out;
      }
      case 'rowIndex':
        return r.top - 1;
      case 'columnIndex':
        return r.left - 1;
      case 'rowCount':
        return r.bottom - r.top + 1;
      case 'columnCount':
        return r.right - r.left + 1;
      case 'address':
        return `${sheetRef(r.sheet.name)}!${addressOf(r)}`;
      default:
        throw new Error(`PropertyNotFound: Range.${p}`);
    }
  }
  get values(): Scalar[][] {
    return this.read('values') as Scalar[][];
  }
  get formulas(): Scalar[][] {
    return this.read('formulas') as Scalar[][];
  }
  set values(matrix: Scalar[][]) {
    this.ctx.queue.push(() => {
      const r = this.rect();
      this.ctx.book.note('values', r.sheet.name, addressOf(r));
      matrix.forEach((row, i) =>
        row.forEach((v, j) => {
          const cell = this.ctx.book.cell(r.sheet, r.top + i, r.left + j);
          if (typeof v === 'string' && cell.numberFormat !== '@' && FORMULA_START.test(v)) {
            cell.formula = v;
            cell.value = '#FORMULA';
          } else {
            delete cell.formula;
            cell.value = v;
          }
        }),
      );
    });
  }
  /** Formulas as typed: a text starting with = is a formula (its value comes from `recalculate`), anything else a value. */
  set formulas(matrix: Scalar[][]) {
    this.ctx.queue.push(() => {
      const r = this.rect();
      this.ctx.book.note('formulas', r.sheet.name, addressOf(r));
      matrix.forEach((row, i) =>
        row.forEach((v, j) => {
          const cell = this.ctx.book.cell(r.sheet, r.top + i, r.left + j);
          if (typeof v === 'string' && v.startsWith('=')) {
            cell.formula = v;
            cell.value = '#FORMULA';
          } else {
            delete cell.formula;
            cell.value = v;
          }
        }),
      );
    });
  }
  set numberFormat(matrix: string[][]) {
    this.ctx.queue.push(() => {
      const r = this.rect();
      this.ctx.book.note('numberFormat', r.sheet.name, addressOf(r));
      matrix.forEach((row, i) => row.forEach((f, j) => (this.ctx.book.cell(r.sheet, r.top + i, r.left + j).numberFormat = f)));
    });
  }
  get rowIndex(): number {
    return this.read('rowIndex') as number;
  }
  get columnIndex(): number {
    return this.read('columnIndex') as number;
  }
  get rowCount(): number {
    return this.read('rowCount') as number;
  }
  get columnCount(): number {
    return this.read('columnCount') as number;
  }
  get address(): string {
    return this.read('address') as string;
  }
  get columnHidden(): boolean {
    return this.read('columnHidden') as boolean;
  }
  get format(): Record<string, unknown> {
    return formatRecorder(this.ctx, this.rect, []);
  }
  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this.ctx, this.rect);
  }
  getRow(i: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const r = this.rect();
      return { ...r, top: r.top + i, bottom: r.top + i };
    });
  }
  getResizedRange(dr: number, dc: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const r = this.rect();
      return { ...r, bottom: r.bottom + dr, right: r.right + dc };
    });
  }
  merge(): void {
    this.ctx.queue.push(() => {
      const r = this.rect();
      r.sheet.merges.push(addressOf(r));
    });
  }
  select(): void {
    this.ctx.queue.push(() => {
      const r = this.rect();
      this.ctx.book.activeSheet = r.sheet;
      this.ctx.book.selection = `${r.sheet.name}!${r.top === r.bottom && r.left === r.right ? `${columnLetters(r.left)}${r.top}` : addressOf(r)}`;
    });
  }
}

/**
 * Range.dataValidation (ExcelApi 1.8), strict as Excel is: one rule type per rule, with the shapes
 * Office.js takes; a title over 32 characters, an input message over 255, an error message over
 * 225 or a list over 255 is refused; a rule cannot be set over an existing one (clear() first);
 * a host without 1.8 refuses it all (ApiNotFound). Cell values are never touched.
 */
class FakeDataValidation {
  constructor(
    private readonly ctx: FakeContext,
    private readonly rect: () => Rect,
  ) {}
  private each(fn: (v: FakeValidation, cell: FakeCell) => void, what: string): void {
    this.ctx.queue.push(() => {
      if (this.ctx.book.refuse.dataValidation) throw Object.assign(new Error('This API is not supported: Range.dataValidation (ExcelApi 1.8).'), { code: 'ApiNotFound' });
      const r = this.rect();
      this.ctx.book.note(`dataValidation.${what}`, r.sheet.name, addressOf(r));
      for (let q = r.top; q <= r.bottom; q++)
        for (let c = r.left; c <= r.right; c++) {
          const cell = this.ctx.book.cell(r.sheet, q, c);
          fn((cell.validation ??= {}), cell);
        }
    });
  }
  clear(): void {
    this.each((_v, cell) => delete cell.validation, 'clear');
  }
  set rule(rule: Record<string, Record<string, unknown>>) {
    const types = Object.keys(rule);
    const known: Record<string, (x: Record<string, unknown>) => boolean> = {
      list: (x) => typeof x.inCellDropDown === 'boolean' && typeof x.source === 'string' && x.source.length > 0 && x.source.length <= 255,
      decimal: (x) => BASIC_OPERATORS.includes(x.operator as string) && ['number', 'string'].includes(typeof x.formula1),
      wholeNumber: (x) => BASIC_OPERATORS.includes(x.operator as string) && ['number', 'string'].includes(typeof x.formula1),
      date: (x) => BASIC_OPERATORS.includes(x.operator as string) && typeof x.formula1 === 'string' && /^\d{4}-\d{2}-\d{2}/.test(x.formula1 as string),
      textLength: (x) => BASIC_OPERATORS.includes(x.operator as string),
      custom: (x) => typeof x.formula === 'string',
    };
    if (types.length !== 1 || !known[types[0]]?.(rule[types[0]])) throw Object.assign(new Error(`InvalidArgument: dataValidation.rule ${JSON.stringify(rule)}`), { code: 'InvalidArgument' });
    const body = rule[types[0]];
    if (['Between', 'NotBetween'].includes(body.operator as string) && body.formula2 === undefined) throw Object.assign(new Error('InvalidArgument: formula2 missing'), { code: 'InvalidArgument' });
    this.each((v) => {
      if (v.rule) throw Object.assign(new Error('InvalidOperation: the range already has a data validation rule; clear it first'), { code: 'InvalidOperation' });
      v.rule = rule;
    }, 'rule');
  }
  set prompt(p: { showPrompt: boolean; title: string; message: string }) {
    if (typeof p.showPrompt !== 'boolean' || p.title.length > 32 || p.message.length > 255) throw Object.assign(new Error(`InvalidArgument: dataValidation.prompt ${JSON.stringify(p)}`), { code: 'InvalidArgument' });
    this.each((v) => (v.prompt = p), 'prompt');
  }
  set errorAlert(a: { showAlert: boolean; style: string; title: string; message: string }) {
    if (typeof a.showAlert !== 'boolean' || !['Stop', 'Warning', 'Information'].includes(a.style) || a.title.length > 32 || a.message.length > 225) throw Object.assign(new Error(`InvalidArgument: dataValidation.errorAlert ${JSON.stringify(a)}`), { code: 'InvalidArgument' });
    this.each((v) => (v.errorAlert = a), 'errorAlert');
  }
  set ignoreBlanks(b: boolean) {
    this.each((v) => (v.ignoreBlanks = b), 'ignoreBlanks');
  }
}
const BASIC_OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];

// ---------------------------------------------------------------------------------------------
// Charts (ExcelApi 1.1, with the 1.7/1.8 properties the adapter sets). Strict: a property or
// method the fake does not list, or a value outside its type, throws, as an unknown member would.

type Check = (v: unknown) => boolean;
interface ChartSpec {
  props?: Record<string, Check>;
  /** The ExcelApi set a property or method needs (the typings' [Api set]); set on a host below it: ApiNotFound. */
  since?: Record<string, string>;
  methods?: string[];
  children?: Record<string, ChartSpec>;
  /** getItemAt(i): the item's spec and how many items there are on the chart. */
  items?: { spec: ChartSpec; count: (c: FakeChart, path: string[]) => number };
}

const isBool: Check = (v) => typeof v === 'boolean';
const isNum: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isText: Check = (v) => typeof v === 'string';
const isColor: Check = (v) => typeof v === 'string' && /^#[0-9A-F]{6}$/i.test(v);
const oneOf = (...names: string[]): Check => (v) => typeof v === 'string' && names.includes(v);
const FONT_SPEC: ChartSpec = { props: { name: isText, size: isNum, color: isColor, bold: isBool, italic: isBool } };
const LINE_SPEC: ChartSpec = { props: { color: isColor, lineStyle: oneOf('None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Grey25', 'Grey50', 'Grey75', 'Automatic', 'RoundDot'), weight: isNum } };
const FILL_SPEC: ChartSpec = { methods: ['setSolidColor', 'clear'] };
const TITLE_SPEC: ChartSpec = { props: { visible: isBool, text: isText }, children: { format: { children: { font: FONT_SPEC } } } };
const AXIS_SPEC: ChartSpec = {
  since: { visible: '1.7', reversePlotOrder: '1.7', position: '1.8', numberFormat: '1.8' },
  props: { minimum: isNum, maximum: isNum, majorUnit: isNum, visible: isBool, numberFormat: isText, reversePlotOrder: isBool, position: oneOf('Automatic', 'Maximum', 'Minimum', 'Custom') },
  children: { title: TITLE_SPEC, majorGridlines: { props: { visible: isBool }, children: { format: { children: { line: LINE_SPEC } } } }, format: { children: { font: FONT_SPEC, line: LINE_SPEC } } },
};
const LABELS_SPEC: ChartSpec = {
  since: { numberFormat: '1.8' },
  props: {
    showValue: isBool,
    showLegendKey: isBool,
    showSeriesName: isBool,
    showCategoryName: isBool,
    numberFormat: isText,
    position: oneOf('None', 'Center', 'InsideEnd', 'InsideBase', 'OutsideEnd', 'Left', 'Right', 'Top', 'Bottom', 'BestFit', 'Callout'),
  },
  children: { format: { children: { font: FONT_SPEC } } },
};
const sourceRows = (c: FakeChart) => c.source.bottom - c.source.top;
const sourceCols = (c: FakeChart) => c.source.right - c.source.left;
const POINT_SPEC: ChartSpec = {
  since: { hasDataLabel: '1.7' },
  props: { hasDataLabel: isBool },
  children: { format: { children: { fill: FILL_SPEC, border: { ...LINE_SPEC, since: { color: '1.7', lineStyle: '1.7', weight: '1.7' } } } }, dataLabel: { since: { text: '1.8' }, props: { text: isText } } },
};
const SERIES_SPEC: ChartSpec = {
  props: { name: isText, gapWidth: isNum, overlap: isNum },
  methods: ['setValues', 'setXAxisValues'],
  since: { setValues: '1.7', setXAxisValues: '1.7' },
  children: {
    format: { children: { fill: FILL_SPEC, line: LINE_SPEC } },
    dataLabels: LABELS_SPEC,
    // with the series by columns, the source's first row holds the names: one point per row below it
    points: { items: { spec: POINT_SPEC, count: (c) => (c.seriesBy === 'Rows' ? sourceCols(c) : sourceRows(c)) } },
  },
};
const CHART_SPEC: ChartSpec = {
  props: { name: isText, top: isNum, left: isNum, width: isNum, height: isNum },
  methods: ['setPosition'],
  children: {
    title: TITLE_SPEC,
    legend: { props: { visible: isBool, position: oneOf('Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom') }, children: { format: { children: { font: FONT_SPEC } } } },
    format: { children: { font: FONT_SPEC, fill: FILL_SPEC } },
    dataLabels: LABELS_SPEC,
    axes: { children: { valueAxis: AXIS_SPEC, categoryAxis: AXIS_SPEC } },
    series: { items: { spec: SERIES_SPEC, count: (c) => (c.seriesBy === 'Rows' ? sourceRows(c) : sourceCols(c)) } },
  },
};
const CHART_TYPES = ['ColumnClustered', 'ColumnStacked', 'ColumnStacked100', 'BarClustered', 'BarStacked', 'BarStacked100', 'Line', 'Pie'];

/** Whether the Office global (withExcelApi in tests) supports an ExcelApi version; outside Office, all. */
function hostHas(version: string): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported(n: string, v: string): boolean } } } }).Office;
  const req = office?.context?.requirements;
  return req ? req.isSetSupported('ExcelApi', version) : true;
}

function chartRecorder(ctx: FakeContext, chart: () => FakeChart, spec: ChartSpec, path: string[]): Record<string, unknown> {
  const where = (p: string) => ['chart', ...path, p].join('.');
  const needs = (p: string) => {
    const v = spec.since?.[p];
    // Excel refuses it at sync, as the host does not know the member
    if (v && !hostHas(v))
      ctx.queue.push(() => {
        throw Object.assign(new Error(`This API is not supported: ${where(p)} (ExcelApi ${v}).`), { code: 'ApiNotFound' });
      });
  };
  return new Proxy(
    {},
    {
      get: (_t, p) => {
        if (typeof p !== 'string') return undefined;
        const child = spec.children?.[p];
        if (child) return chartRecorder(ctx, chart, child, [...path, p]);
        if (p === 'getItemAt' && spec.items) {
          const items = spec.items;
          return (i: number) => {
            if (!Number.isInteger(i) || i < 0) throw new Error(`InvalidArgument: ${where(p)}(${i})`);
            ctx.queue.push(() => {
              const n = items.count(chart(), path);
              if (i >= n) throw new Error(`ItemNotFound: ${where(p)}(${i}) of ${n}`);
            });
            return chartRecorder(ctx, chart, items.spec, [...path, String(i)]);
          };
        }
        if (spec.methods?.includes(p)) {
          return (...args: unknown[]) => {
            needs(p);
            ctx.queue.push(() => {
              const c = chart();
              if (p === 'setValues' || p === 'setXAxisValues') {
                if (!(args[0] instanceof FakeRange)) throw new Error(`the fake takes a Range in ${where(p)}`);
                const r = args[0].resolve();
                c.props[[...path, p === 'setValues' ? 'values' : 'xAxisValues'].join('.')] = `${r.sheet.name}!${addressOf(r)}`;
              } else if (p === 'setPosition') {
                if (!args.every((a) => a === undefined || typeof a === 'string')) throw new Error('the fake positions charts at addresses only');
                for (const a of args) if (a !== undefined) parseRangeAddress(a as string);
                c.position = [args[0] as string, (args[1] ?? args[0]) as string];
              } else if (p === 'setSolidColor') {
                if (!isColor(args[0])) throw new Error(`InvalidArgument: ${where(p)}(${String(args[0])})`);
                c.props[[...path, 'solidColor'].join('.')] = args[0];
              } else c.props[[...path, p].join('.')] = true;
            });
          };
        }
        throw new Error(`PropertyNotFound: the fake has no ${where(p)}`);
      },
      set: (_t, p, v) => {
        const check = typeof p === 'string' ? spec.props?.[p] : undefined;
        if (!check) throw new Error(`PropertyNotFound: the fake has no ${where(String(p))}`);
        if (!check(v)) throw new Error(`InvalidArgument: ${where(p as string)} = ${JSON.stringify(v)}`);
        needs(p as string);
        ctx.queue.push(() => (chart().props[[...path, p as string].join('.')] = v));
        return true;
      },
    },
  );
}

/** A chart of the sheet as charts.load('items/name') lists it: its name, and delete(). */
class FakeChartItem extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly chart: FakeChart,
  ) {
    super(ctx);
  }
  protected override snapshot(p: string): unknown {
    if (p === 'name') return String(this.chart.props.name ?? `Chart ${this.sheet().charts.indexOf(this.chart) + 1}`);
    throw new Error(`PropertyNotFound: Chart.${p}`);
  }
  get name(): string {
    return this.read('name') as string;
  }
  delete(): void {
    this.ctx.queue.push(() => {
      const s = this.sheet();
      if (!s.charts.includes(this.chart)) throw invalidPath('the chart');
      s.charts = s.charts.filter((c) => c !== this.chart);
      this.ctx.book.note('deleteChart', s.name);
    });
  }
}

class FakeChartCollection extends Collection<FakeChartItem> {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  protected current(): FakeChartItem[] {
    const s = this.sheet();
    return s.charts.map((c) => new FakeChartItem(this.ctx, this.sheet, c));
  }
  add(type: string, source: unknown, seriesBy: string = 'Auto'): Record<string, unknown> {
    if (!CHART_TYPES.includes(type)) throw new Error(`InvalidArgument: chart type ${type}`);
    if (!(source instanceof FakeRange)) throw new Error('the fake draws charts from a Range only');
    if (!['Auto', 'Columns', 'Rows'].includes(seriesBy)) throw new Error(`InvalidArgument: seriesBy ${seriesBy}`);
    let made: FakeChart | null = null;
    this.ctx.queue.push(() => {
      if (this.ctx.book.refuse.charts) throw Object.assign(new Error('The request could not be processed.'), { code: 'GeneralException' });
      const s = this.sheet();
      const r = source.resolve();
      made = { type, source: { ...r }, seriesBy, position: null, props: {} };
      s.charts.push(made);
      this.ctx.book.note('chart', s.name, `${r.sheet.name}!${addressOf(r)}`);
    });
    return chartRecorder(this.ctx, () => made!, CHART_SPEC, []);
  }
}
