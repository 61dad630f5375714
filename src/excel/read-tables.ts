import { CellValue, TableSnapshot } from '../core/records/snapshot';
import { TableInfo, listTables } from './table-list';

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

interface Block<M extends TableSize = TableSize> {
  meta: M;
  start: number;
  count: number;
}

interface TableSize {
  rowCount: number;
  columnCount: number;
}

interface Reading {
  info: TableInfo;
  rowCount: number;
  columnCount: number;
  rows: CellValue[][];
}

/** Header positions, loaded with the first value request that succeeds. */
interface HeaderPositions {
  ranges: Excel.Range[] | null;
}

const PAYLOAD_ERRORS = /PayloadTooLarge|PayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/i;

/**
 * Reads every Excel table of the workbook into snapshots in two syncs: the table list with names,
 * sheets, row counts and headers, then the header positions and the values of all tables together
 * (in 5,000-row blocks). Only a workbook whose values pass the payload budget takes more value
 * syncs — one per ~4 MB, never one per table or per block.
 */
export async function readTables(context: Excel.RequestContext): Promise<TableSnapshot[]> {
  return readValues(context, await listTables(context));
}

/**
 * The second step of a read, for tables already listed (by readTables, or by generateReport's
 * inspection): one sync for the header positions and all values while they fit the budget.
 */
export async function readValues(context: Excel.RequestContext, tables: TableInfo[]): Promise<TableSnapshot[]> {
  const readings: Reading[] = tables.map((info) => ({ info, rowCount: info.rowCount, columnCount: info.headers.length, rows: new Array(info.rowCount) }));
  const headers: HeaderPositions = { ranges: null };
  const queueHeaders = () => (headers.ranges ? null : tables.map((t) => t.table.getHeaderRowRange().load('rowIndex,columnIndex')));
  for (const batch of batches(readings)) await readBatch(context, batch, headers, queueHeaders);
  if (tables.length && !headers.ranges) {
    // no table has a data row to read: the positions alone
    const ranges = queueHeaders();
    await context.sync();
    headers.ranges = ranges;
  }
  return readings.map((r, i) => ({
    name: r.info.name,
    sheet: r.info.sheet,
    headerRow: headers.ranges![i].rowIndex + 1,
    firstColumn: headers.ranges![i].columnIndex + 1,
    headers: r.info.headers,
    rows: r.rows,
  }));
}

function blockRows(columns: number): number {
  return Math.max(1, Math.min(BLOCK_ROWS, Math.floor(PAYLOAD_BUDGET / (Math.max(columns, 1) * BYTES_PER_CELL))));
}

const blockBytes = (b: Block) => b.count * Math.max(b.meta.columnCount, 1) * BYTES_PER_CELL;

/** Splits all tables into blocks and packs the blocks into as few syncs as the budget allows. */
export function batches<M extends TableSize>(metas: M[]): Block<M>[][] {
  const out: Block<M>[][] = [];
  let current: Block<M>[] = [];
  let bytes = 0;
  for (const meta of metas) {
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

async function readBatch(context: Excel.RequestContext, batch: Block<Reading>[], headers: HeaderPositions, queueHeaders: () => Excel.Range[] | null): Promise<void> {
  const ranges = batch.map((b) => {
    const body = b.meta.info.table.getDataBodyRange();
    return body.getRow(b.start).getResizedRange(b.count - 1, 0).load('values');
  });
  const headerRanges = queueHeaders();
  try {
    await context.sync();
  } catch (e) {
    // the estimate was too low for this workbook's text: read the batch in halves
    const split = splitBatch(batch);
    if (!split || !PAYLOAD_ERRORS.test(String((e as { code?: string }).code ?? '') + String((e as Error).message ?? ''))) throw e;
    for (const half of split) await readBatch(context, half, headers, queueHeaders);
    return;
  }
  if (headerRanges) headers.ranges = headerRanges;
  batch.forEach((b, i) => {
    const target = b.meta.rows;
    ranges[i].values.forEach((row, k) => (target[b.start + k] = row.map(cellValue)));
  });
}

function splitBatch<B extends Block>(batch: B[]): [B[], B[]] | null {
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
