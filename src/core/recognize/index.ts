import { TableSnapshot } from '../records/snapshot';
import { TABLE_BY_KIND, TableKind } from '../records/schema';
import { Lang, Problem, Problems } from '../problems';
import { GridView, SheetGrid, WorkMeter, unmetered } from './grid';
import { Block } from './blocks';
import { formatNumber } from '../report/format';
import { findBlocks } from './blocks';
import { Proposal, proposeBlock } from './propose';
import { proposalSnapshot, sheetRange } from './build';
import { DATA_KINDS, DataKind } from './vocab';
import { matchTableKind } from '../records/mapping';
import { anhXaProposal, anhXaRowsRef, readAnhXa } from './anhxa-read';
import { readingText } from '../staff-words';
import { SheetSettings, findSettings, settingsLanguageOf, settingsRead, settingsSnapshot } from './settings';

export { findAnhXaTable, isAnhXaName, readAnhXa, anhXaProposal, anhXaSheetNames } from './anhxa-read';
export type { AnhXaBlock, AnhXaRead } from './anhxa-read';

export type { SheetGrid, GridNote } from './grid';
export type { Proposal, ColumnMapping, Reason } from './propose';
export { findBlocks } from './blocks';
export { proposeBlock, MIN_CONFIDENCE } from './propose';
export { shiftDecimal, findMoneyUnit } from './units';

/**
 * Whether the settings or some data kind (DuAn, LaoDong, …) has no contract table among these names:
 * then the staff's plain sheets are read (the command line, a generation and the live checks all ask this).
 */
export function lacksDataTable(tables: { name: string; kind?: string }[]): boolean {
  const present = new Set(tables.map((t) => matchTableKind(t.kind ?? t.name)?.kind));
  return present.has('settings') ? DATA_KINDS.some((k) => !present.has(k)) : true;
}

/** The language the settings on plain sheets ask for ("Ngôn ngữ: en"), when no ThongTin table says. */
export function gridsLanguage(grids: SheetGrid[]): Lang | null {
  for (const grid of grids) {
    const s = findSettings(new GridView(grid));
    const l = s && settingsLanguageOf(s);
    if (l) return l;
  }
  return null;
}

/** The grid without the rows that hold the report's settings, so they are never read as a list. */
function withoutRows(grid: SheetGrid, rows: Set<number>): SheetGrid {
  const top = grid.origin?.row ?? 1;
  return { ...grid, cells: grid.cells.map((row, i) => (rows.has(top + i) ? [] : row)) };
}

/** What was mapped, for the report JSON: sheet, range, kind, columns, units, fixed values, confidence, reasons. */
export interface MappingInfo {
  sheet: string;
  range: string;
  kind: DataKind | null;
  table: string | null;
  used: boolean;
  confidence: number;
  columns: { column: string; header: string; field: string; unit?: string; month?: string }[];
  fixed: Record<string, string>;
  reasons: string[];
  /** 'AnhXa' when the AnhXa / Mapping table says how the block is read, else 'recognised'. */
  from: 'AnhXa' | 'recognised';
  /** For blocks from the AnhXa table: its rows that make the block ("AnhXa!2:10"). */
  anhXaRows?: string;
}

export interface RecognizeOptions {
  lang?: Lang;
  /** Kinds the workbook already has as contract tables: those win, blocks of these kinds are not used. */
  contractKinds?: Iterable<TableKind>;
  /**
   * The workbook's AnhXa / Mapping table: the sheets it names are read only as it says (its blocks
   * lose to contract tables of the same kind, like recognised ones); other sheets are recognised.
   */
  anhXa?: TableSnapshot;
  /** Cells recognition may read on one sheet (SHEET_WORK unless told): past it the sheet is examined up to a row, and Kiểm tra says so. */
  sheetWork?: number;
}

/**
 * Cells (and merged areas) recognition reads on one sheet at most: three passes over the largest
 * grid the reader gives (2,000,000 cells, about 3 s), far past any list staff keep (the staff
 * example's largest sheet takes about 53,000), so that a hostile or foreign sheet ends within seconds.
 */
export const SHEET_WORK = 8_000_000;

/** What recognition did, for bounds in tests: cells read on every sheet, and blocks judged (each once). */
export interface RecognitionWork {
  cells: number;
  blocksJudged: number;
}

export interface Recognized {
  snapshots: TableSnapshot[];
  proposals: Proposal[];
  problems: Problem[];
  mappings: MappingInfo[];
  work: RecognitionWork;
}

const letters = (n: number) => {
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

/** Finds the data blocks of plain sheets, proposes a contract table for each, and reads the usable ones. */
export function recognizeWorkbook(grids: SheetGrid[], options: RecognizeOptions = {}): Recognized {
  const lang = options.lang ?? 'vi';
  const problems = new Problems(lang);
  const contract = new Set(options.contractKinds ?? []);
  const snapshots: TableSnapshot[] = [];
  const proposals: Proposal[] = [];
  const mappings: MappingInfo[] = [];
  const anhXa = options.anhXa ? readAnhXa(options.anhXa, grids.map((g) => g.name), problems) : null;
  const mappedColumns = (p: Proposal) =>
    p.columns
      .filter((c) => c.field)
      .map((c) => ({ column: letters(c.col), header: c.header, field: c.field!, ...(c.unit ? { unit: c.unit.text } : {}), ...(c.month ? { month: c.month } : {}) }));
  const fixedOf = (p: Proposal) => ({ ...p.fixed, ...(p.titleUnit ? { unit: p.titleUnit.text } : {}), ...(p.zoneFromGroups ? { zone: 'group rows' } : {}), ...(p.idFromName ? (p.kind === 'tasks' ? { taskId: 'title' } : { projectId: 'name' }) : {}) });
  const contractSettings = contract.has('settings');
  const work: RecognitionWork = { cells: 0, blocksJudged: 0 };
  // a block is judged while the sheet is split into lists and read once chosen: proposed once
  const proposed = new WeakMap<Block, Proposal>();
  const propose = (b: Block) => {
    let p = proposed.get(b);
    if (!p) {
      work.blocksJudged++;
      p = proposeBlock(b);
      proposed.set(b, p);
    }
    return p;
  };
  for (const sheetGrid of grids) {
    const meter: WorkMeter = { cells: 0, limit: options.sheetWork ?? SHEET_WORK };
    const settingsMeter = unmetered();
    recognizeSheet(sheetGrid, settingsMeter, meter);
    work.cells += settingsMeter.cells + meter.cells;
    if (meter.stoppedAt !== undefined) {
      const rows = sheetGrid.cells.length;
      const top = sheetGrid.origin?.row ?? 1;
      problems.add('info', sheetRange(sheetGrid.name, `${meter.stoppedAt}:${top + rows - 1}`), 'staffSheetTooLarge', {
        sheet: sheetGrid.name,
        row: formatNumber(meter.stoppedAt - 1, lang),
        rows: formatNumber(top + rows - 1, lang),
      });
    }
  }
  return { snapshots, proposals, problems: problems.list, mappings, work };

  /** One sheet: its settings in one pass over its rows, then its lists within the budget `meter`. */
  function recognizeSheet(sheetGrid: SheetGrid, settingsMeter: WorkMeter, meter: WorkMeter): void {
    // the report's settings (a "Khóa | Giá trị" list, label rows "Từ ngày: 01/01/2024") are read first
    let g = new GridView(sheetGrid, settingsMeter);
    const settings: SheetSettings | null = findSettings(g);
    if (settings) {
      if (!contractSettings) {
        problems.add('info', sheetRange(settings.sheet, settings.range), 'staffSettingsRead', { sheet: settings.sheet, range: settings.range, items: settingsRead(settings, lang) });
        snapshots.push(settingsSnapshot(settings));
      }
      g = new GridView(withoutRows(sheetGrid, settings.rows), meter);
    } else g = new GridView(sheetGrid, meter);
    const grid = g.grid;
    if (anhXa?.sheets.has(grid.name)) {
      // The AnhXa table names this sheet: it is read as the table says, never guessed.
      for (const b of anhXa.blocks.filter((x) => x.sheet === grid.name)) {
        const p = anhXaProposal(g, b);
        proposals.push(p);
        const where = sheetRange(p.sheet, p.range);
        const def = TABLE_BY_KIND[b.kind];
        const rowsRef = anhXaRowsRef(b);
        const used = !contract.has(b.kind);
        if (!used) problems.add('info', where, 'staffBlockContractWins', { sheet: p.sheet, range: p.range, table: def.vi, en: def.en });
        else {
          problems.add('info', where, 'staffBlockAnhXa', { sheet: p.sheet, range: p.range, table: def.vi, en: def.en, rows: rowsRef, columns: readingText({ ...p, kind: b.kind }, lang) });
          snapshots.push(proposalSnapshot(g, p, problems));
        }
        mappings.push({
          sheet: p.sheet,
          range: p.range,
          kind: b.kind,
          table: def.vi,
          used,
          confidence: 1,
          columns: mappedColumns(p),
          fixed: fixedOf(p),
          reasons: [lang === 'vi' ? `theo bảng AnhXa (${rowsRef})` : `as the Mapping table says (${rowsRef})`],
          from: 'AnhXa',
          anhXaRows: rowsRef,
        });
      }
      return;
    }
    for (const block of findBlocks(g, (b) => propose(b).usable)) {
      const p = propose(block);
      proposals.push(p);
      const where = sheetRange(p.sheet, p.range);
      const def = p.kind ? TABLE_BY_KIND[p.kind] : null;
      const reasonText = p.reasons.map((r) => r[lang]).join('; ');
      let used = false;
      if (!p.usable || !def) {
        problems.add('info', where, 'staffBlockNotUsed', { sheet: p.sheet, range: p.range, why: reasonText || (lang === 'vi' ? 'độ tin cậy thấp' : 'low confidence') });
      } else if (contract.has(p.kind!)) {
        problems.add('info', where, 'staffBlockContractWins', { sheet: p.sheet, range: p.range, table: def.vi, en: def.en });
      } else {
        used = true;
        problems.add('info', where, 'staffBlockMapped', { sheet: p.sheet, range: p.range, table: def.vi, en: def.en, confidence: Math.round(p.confidence * 100), columns: readingText(p, lang) });
        const hidden = p.columns.filter((c) => c.unused === 'hidden');
        if (hidden.length) problems.add('info', where, 'staffColumnHidden', { columns: hidden.map((c) => letters(c.col)).join(', '), range: p.range });
        snapshots.push(proposalSnapshot(g, p, problems));
      }
      mappings.push({
        sheet: p.sheet,
        range: p.range,
        kind: p.kind,
        table: def?.vi ?? null,
        used,
        confidence: p.confidence,
        columns: mappedColumns(p),
        fixed: fixedOf(p),
        reasons: p.reasons.map((r) => r[lang]),
        from: 'recognised',
      });
    }
  }
}
