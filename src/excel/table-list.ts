import { matchTableKind } from '../core/records/mapping';
import { isAnhXaName } from '../core/recognize';

/** One Excel table as the first sync of a read sees it: where it is, its headers and its size. */
export interface TableInfo {
  name: string;
  sheet: string;
  /** Header texts, from the table's column names. */
  headers: string[];
  /** Data rows (header and totals excluded). */
  rowCount: number;
  table: Excel.Table;
}

/**
 * Queues the load of every table's name, sheet, row count and column names (one request, no
 * range values); call the returned function after the next sync.
 *
 * The nested paths "items/rows/count" and "items/columns/items/name" are NOT documented: the
 * Office.js reference documents load() with property names and navigation paths to scalar
 * properties of single objects ("items/worksheet/name"), not paths into a child collection's
 * `count` or items. They work in the hosts tried so far, and the self-test checks them on each
 * host; should a host refuse them, listTables falls back to listTablesPlainly, which uses
 * documented calls only (getHeaderRowRange, getDataBodyRange) at the cost of a sync.
 */
export function queueTableList(context: Excel.RequestContext): () => TableInfo[] {
  const tables = context.workbook.tables;
  tables.load('items/name,items/worksheet/name,items/rows/count,items/columns/items/name');
  return () =>
    tables.items.map((table) => ({
      name: table.name,
      sheet: table.worksheet.name,
      headers: table.columns.items.map((c) => c.name ?? ''),
      rowCount: table.rows.count,
      table,
    }));
}

/**
 * The same list through documented calls only, in two syncs: names and sheets, then each table's
 * header values and body size. Used when a host refuses the nested load paths above.
 */
export async function listTablesPlainly(context: Excel.RequestContext): Promise<TableInfo[]> {
  const tables = context.workbook.tables;
  tables.load('items/name,items/worksheet/name');
  await context.sync();
  const parts = tables.items.map((table) => ({
    table,
    header: table.getHeaderRowRange().load('values'),
    body: table.getDataBodyRange().load('rowCount'),
  }));
  await context.sync();
  return parts.map(({ table, header, body }) => ({
    name: table.name,
    sheet: table.worksheet.name,
    headers: (header.values[0] ?? []).map((h) => (h === null || h === undefined ? '' : String(h))),
    rowCount: body.rowCount,
    table,
  }));
}

/** The workbook's tables in one sync, or through documented calls when the host refuses nested load paths (two syncs more). */
export async function listTables(context: Excel.RequestContext): Promise<TableInfo[]> {
  try {
    const tables = queueTableList(context);
    await context.sync();
    return tables();
  } catch {
    return listTablesPlainly(context);
  }
}

/** The tables a report reads: those of the contract, and the AnhXa table (how staff sheets are read). */
export function reportTables<T extends { name: string }>(tables: T[]): T[] {
  return tables.filter((t) => matchTableKind(t.name) || isAnhXaName(t.name));
}
