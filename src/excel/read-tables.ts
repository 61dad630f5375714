import { CellValue, TableSnapshot } from '../core/snapshot';

/** Rows per range request: Excel's guidance for reading large ranges in pieces. */
export const BLOCK_ROWS = 5000;
/** Planned response size per sync, under the 5 MB payload limit of Excel on the web. */
export const PAYLOAD_BUDGET = 4_000_000;
/**
 * Estimated JSON bytes of one cell value: 1.5 × the average of the example workbook (16 bytes:
 * numbers, dates as serials, names, some long paragraphs). A sync Excel still refuses as too
 * large is retried in halves.
 */
export const BYTES_PER_CELL = 24;

interface TableMeta {
  name: string;
  sheet: string;
  headerRow: number;
  firstColumn: number;
  headers: string[];
  rowCount: number;
  columnCount: number;
  table: Excel.Table;
}

interface Block {
  meta: TableMeta;
  start: number;
  count: number;
}

const PAYLOAD_ERRORS = /PayloadTooLarge|PayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/i;

/**
 * Reads every Excel table of the workbook into snapshots with a fixed number of syncs: the table
 * list, then headers and sizes of all tables together, then the values of all tables together
 * (in 5,000-row blocks). Only a workbook whose values pass the payload budget takes more value
 * syncs — one per ~4 MB, never one per table or per block.
 */
export async function readTables(context: Excel.RequestContext): Promise<TableSnapshot[]> {
  const tables = context.workbook.tables;
  tables.load('items/name,items/worksheet/name');
  await context.sync();

  const pending = tables.items.map((table) => ({
    table,
    name: table.name,
    sheet: table.worksheet.name,
    header: table.getHeaderRowRange().load('values,rowIndex,columnIndex'),
    body: table.getDataBodyRange().load('rowCount,columnCount'),
  }));
  await context.sync();

  const metas: TableMeta[] = pending.map((p) => ({
    name: p.name,
    sheet: p.sheet,
    headerRow: p.header.rowIndex + 1,
    firstColumn: p.header.columnIndex + 1,
    headers: (p.header.values[0] ?? []).map((h) => (h === null || h === undefined ? '' : String(h))),
    rowCount: p.body.rowCount,
    columnCount: p.body.columnCount,
    table: p.table,
  }));

  const rows = new Map<TableMeta, CellValue[][]>(metas.map((m) => [m, new Array(m.rowCount)]));
  for (const batch of batches(metas)) await readBatch(context, batch, rows);
  return metas.map((m) => ({ name: m.name, sheet: m.sheet, headerRow: m.headerRow, firstColumn: m.firstColumn, headers: m.headers, rows: rows.get(m)! }));
}

function blockRows(columns: number): number {
  return Math.max(1, Math.min(BLOCK_ROWS, Math.floor(PAYLOAD_BUDGET / (Math.max(columns, 1) * BYTES_PER_CELL))));
}

const blockBytes = (b: Block) => b.count * Math.max(b.meta.columnCount, 1) * BYTES_PER_CELL;

/** Splits all tables into blocks and packs the blocks into as few syncs as the budget allows. */
export function batches(metas: Pick<TableMeta, 'rowCount' | 'columnCount'>[]): Block[][] {
  const out: Block[][] = [];
  let current: Block[] = [];
  let bytes = 0;
  for (const meta of metas as TableMeta[]) {
    const size = blockRows(meta.columnCount);
    for (let start = 0; start < meta.rowCount; start += size) {
      const block = { meta, start, count: Math.min(size, meta.rowCount - start) };
      if (current.length && bytes + blockBytes(block) > PAYLOAD_BUDGET) {
        out.push(current);
        current = [];
        bytes = 0;
      }
      current.push(block);
      bytes += blockBytes(block);
    }
  }
  if (current.length) out.push(current);
  return out;
}

async function readBatch(context: Excel.RequestContext, batch: Block[], rows: Map<TableMeta, CellValue[][]>): Promise<void> {
  const ranges = batch.map((b) => {
    const body = b.meta.table.getDataBodyRange();
    return body.getRow(b.start).getResizedRange(b.count - 1, 0).load('values');
  });
  try {
    await context.sync();
  } catch (e) {
    // the estimate was too low for this workbook's text: read the batch in halves
    const split = splitBatch(batch);
    if (!split || !PAYLOAD_ERRORS.test(String((e as { code?: string }).code ?? '') + String((e as Error).message ?? ''))) throw e;
    for (const half of split) await readBatch(context, half, rows);
    return;
  }
  batch.forEach((b, i) => {
    const target = rows.get(b.meta)!;
    ranges[i].values.forEach((row, k) => (target[b.start + k] = row.map(cellValue)));
  });
}

function splitBatch(batch: Block[]): [Block[], Block[]] | null {
  if (batch.length > 1) return [batch.slice(0, batch.length >> 1), batch.slice(batch.length >> 1)];
  const b = batch[0];
  if (b.count < 2) return null;
  const half = b.count >> 1;
  return [[{ ...b, count: half }], [{ ...b, start: b.start + half, count: b.count - half }]];
}

/** Office.js gives empty cells as '' and dates as serial numbers; core parses the rest. */
function cellValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}
