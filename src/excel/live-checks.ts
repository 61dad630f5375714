import { ReportResult, buildReport } from '../core/engine';
import { WatchTarget, watchTargets } from '../core/records/live-watch';
import { TableRead } from '../core/records/mapping';
import { TableReadCache } from '../core/records/table-cache';
import { isAnhXaName, lacksDataTable } from '../core/recognize';
import { TableSnapshot } from '../core/records/snapshot';
import { queueSheetList } from './owned-sheets';
import { GridRead, candidateSheets, readGrids } from './read-grids';
import { readValues } from './read-tables';
import { supportsExcelApi } from './requirements';
import { TableInfo, listTables, reportTables } from './table-list';

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
type RunIn = <T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
interface Registration {
  remove(): void;
  context: Excel.RequestContext;
}

/** What one live check did: the engine's result, the tables whose values were read again, and its time. */
export interface LiveCheck {
  result: ReportResult;
  /** Tables named by the change events this check answers (empty when it was asked for as a whole). */
  changed: string[];
  /** Tables whose values this check read (the others came from the previous reads). */
  reread: string[];
  ms: number;
}

export interface LiveCheckOptions {
  /** Quiet time after the last edit before checking: several edits in a row cost one check. */
  delayMs?: number;
  /** Wait twice the last check's time when that is longer than `delayMs` (default true). */
  adaptive?: boolean;
  onCheck: (check: LiveCheck) => void;
  onError?: (error: unknown) => void;
  /** The engine (tests may count calls); buildReport by default. `grids`: the staff's plain sheets, when a data table is missing. */
  report?: (snapshots: TableSnapshot[], grids?: GridRead) => ReportResult;
  /** Excel.run(context, batch): handlers are removed in the context that added them. */
  runIn?: RunIn;
  /** The watched set beyond the contract tables (the AnhXa mapping's sources, later). */
  mapped?: () => WatchTarget[];
}

export const LIVE_DELAY_MS = 800;

const targetKey = (t: WatchTarget) => `${t.kind}:${t.name.toLowerCase()}`;
const signature = (t: TableInfo) => JSON.stringify([t.sheet, t.headers, t.rowCount]);

/**
 * Checks the workbook as staff edit it, while the task pane is open (ExcelApi 1.7 change events):
 * each watched table (and sheet) gets an onChanged handler; edits are debounced (800 ms by
 * default), then one check runs in two syncs — the table list (names, sizes, headers), then the
 * header positions of all tables and the values of only the tables that changed (or whose size or
 * headers did, or that were not read before) — and the engine runs on the fresh and the kept
 * snapshots. An edit during a check leads to one more check after it. Cell values are never
 * written. `stop()` removes every handler.
 */
export class LiveChecks {
  private readonly registrations = new Map<string, Registration>();
  private readonly cache = new Map<string, { signature: string; snapshot: TableSnapshot }>();
  private readonly pending = new Set<string>();
  /** Each table parsed once, until its values are read again (src/core/records/table-cache.ts). */
  private readonly parsed = new TableReadCache<TableRead>();
  private all = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  /** Checks run so far (for the pane's status and the tests). */
  checks = 0;
  /** How long the last check took: a big workbook waits longer after an edit (twice that time). */
  lastMs = 0;

  /** The quiet time: the option (800 ms), or twice the last check's time when that is longer. */
  get delay(): number {
    return Math.max(this.options.delayMs ?? LIVE_DELAY_MS, this.options.adaptive === false ? 0 : 2 * this.lastMs);
  }

  constructor(
    private readonly run: Run,
    private readonly options: LiveCheckOptions,
  ) {}

  /** False on a host without change events (ExcelApi 1.7): the pane then checks on request only. */
  static supported(): boolean {
    return supportsExcelApi('1.7');
  }

  get watching(): WatchTarget[] {
    return [...this.registrations.keys()].map((k) => ({ kind: k.slice(0, k.indexOf(':')) as WatchTarget['kind'], name: k.slice(k.indexOf(':') + 1) }));
  }

  /**
   * Registers the handlers of the current watched set (two syncs; three when a data table is
   * missing, to find the staff's sheets, which are watched too); no value is read until an edit.
   */
  async start(): Promise<boolean> {
    if (!LiveChecks.supported()) return false;
    this.stopped = false;
    await this.run(async (context) => {
      const list = await listTables(context);
      this.register(context, list, lacksDataTable(list) ? await staffSheets(context, list) : []);
      await context.sync();
    });
    return true;
  }

  /** A change event: the check follows the quiet time. `null` re-reads every table; `'sheet'` a staff sheet changed (its grid is read anew by every check). */
  notify(table: string | null | { sheet: string }): void {
    if (this.stopped) return;
    if (table === null) this.all = true;
    else if (typeof table === 'string') this.pending.add(table);
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.delay);
  }

  /** Resolves when no check is waiting or running. */
  async idle(): Promise<void> {
    while (this.timer !== null || this.running) {
      if (this.running) await this.running;
      else await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Removes every handler (in the context that added it) and forgets what was read. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
    await this.running;
    const byContext = new Map<Excel.RequestContext, Registration[]>();
    for (const r of this.registrations.values()) byContext.set(r.context, [...(byContext.get(r.context) ?? []), r]);
    this.registrations.clear();
    this.cache.clear();
    const runIn: RunIn = this.options.runIn ?? ((context, batch) => Excel.run(context, batch));
    for (const [context, list] of byContext) {
      try {
        await runIn(context, async (ctx) => {
          for (const r of list) r.remove();
          await ctx.sync();
        });
      } catch (e) {
        // a handler of a table deleted meanwhile is gone already
        this.options.onError?.(e);
      }
    }
  }

  private async flush(): Promise<void> {
    if (this.running) return; // the running check schedules the next one
    const changed = [...this.pending];
    const all = this.all;
    this.pending.clear();
    this.all = false;
    this.running = this.check(changed, all)
      .catch((e) => this.options.onError?.(e))
      .finally(() => {
        this.running = null;
        if (!this.stopped && (this.pending.size || this.all) && this.timer === null) void this.flush();
      });
    await this.running;
  }

  private async check(changed: string[], all: boolean): Promise<void> {
    const t0 = Date.now();
    const lower = new Set(changed.map((c) => c.toLowerCase()));
    const { snapshots, reread, grids } = await this.run(async (context) => {
      // the AnhXa table is read like a contract table: it says how the staff's sheets are read
      const list = reportTables(await listTables(context));
      const sheets = lacksDataTable(list) ? await staffSheets(context, list) : [];
      this.register(context, list, sheets);
      const stale = list.filter((t) => {
        const kept = this.cache.get(t.name.toLowerCase());
        return all || lower.has(t.name.toLowerCase()) || !kept || kept.signature !== signature(t);
      });
      const keep = list.filter((t) => !stale.includes(t));
      // header positions of the kept tables ride on the same sync as the fresh values
      const positions = keep.map((t) => t.table.getHeaderRowRange().load('rowIndex,columnIndex'));
      const fresh = stale.length ? await readValues(context, stale) : (await context.sync(), []);
      for (const s of fresh) this.cache.set(s.name.toLowerCase(), { signature: signature(stale.find((t) => t.name === s.name)!), snapshot: s });
      keep.forEach((t, i) => {
        const kept = this.cache.get(t.name.toLowerCase())!;
        kept.snapshot = { ...kept.snapshot, headerRow: positions[i].rowIndex + 1, firstColumn: positions[i].columnIndex + 1 };
      });
      const names = new Set(list.map((t) => t.name.toLowerCase()));
      for (const k of [...this.cache.keys()]) if (!names.has(k)) this.cache.delete(k);
      // without a contract table of some kind the staff's sheets hold the data: their grids are read
      // anew each time (one or two syncs more), as a generation reads them
      const grids = sheets.length ? await readGrids(context, sheets) : undefined;
      return { snapshots: list.map((t) => this.cache.get(t.name.toLowerCase())!.snapshot), reread: stale.map((t) => t.name), grids };
    });
    const result = (this.options.report ?? ((s, g) => buildReport(s, { tableCache: this.parsed, ...(g ? { grids: g.grids, gridNotes: g.notes } : {}) })))(snapshots, grids);
    this.checks++;
    this.lastMs = Date.now() - t0;
    if (!this.stopped) this.options.onCheck({ result, changed, reread, ms: this.lastMs });
  }

  /** Queues onChanged handlers for watched targets not yet registered (sent with the caller's next sync). */
  private register(context: Excel.RequestContext, list: TableInfo[], sheets: string[] = []): void {
    const targets = watchTargets(list.map((t) => t.name), [...(this.options.mapped?.() ?? []), ...list.filter((t) => isAnhXaName(t.name)).map((t) => ({ kind: 'table' as const, name: t.name })), ...sheets.map((name) => ({ kind: 'sheet' as const, name }))]);
    for (const target of targets) {
      const key = targetKey(target);
      if (this.registrations.has(key)) continue;
      const source = target.kind === 'table' ? list.find((t) => t.name.toLowerCase() === target.name.toLowerCase())?.table : context.workbook.worksheets.getItem(target.name);
      if (!source) continue;
      const name = target.name;
      const handler = async () => this.notify(target.kind === 'table' ? name : { sheet: name });
      const registration = (source.onChanged as OfficeExtension.EventHandlers<unknown>).add(handler) as unknown as Registration;
      this.registrations.set(key, registration);
    }
  }
}

/** The staff's sheets a generation would read (not BaoCao's, no contract or AnhXa table): one sync. */
async function staffSheets(context: Excel.RequestContext, list: TableInfo[]): Promise<string[]> {
  let sheets;
  try {
    const q = queueSheetList(context);
    await context.sync();
    sheets = q().sheets;
  } catch {
    // a host without worksheet custom properties: BaoCao's sheets are known by the setting alone
    const q = queueSheetList(context, false);
    await context.sync();
    sheets = q().sheets;
  }
  return candidateSheets(sheets, list);
}
