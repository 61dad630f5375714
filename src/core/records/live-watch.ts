import { matchTableKind } from './mapping';

/** A table or a worksheet whose edits the task pane checks as they happen. */
export interface WatchTarget {
  kind: 'table' | 'sheet';
  name: string;
}

/**
 * What the pane watches while it is open: every contract table of the workbook, plus the tables
 * and sheets a mapping names (`mapped`: the AnhXa table's sources, once the pane reads it). The
 * one place that decides the watched set; duplicates (case-insensitive) are dropped.
 */
export function watchTargets(tableNames: string[], mapped: WatchTarget[] = []): WatchTarget[] {
  const out: WatchTarget[] = [];
  const seen = new Set<string>();
  const add = (t: WatchTarget) => {
    const key = `${t.kind}:${t.name.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(t);
  };
  for (const name of tableNames) if (matchTableKind(name)) add({ kind: 'table', name });
  for (const t of mapped) add(t);
  return out;
}
