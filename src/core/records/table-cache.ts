import type { TableSnapshot } from './snapshot';
import type { Problem } from '../problems';

/** What reading one table gave: its records, the problems it added, and its line in the tables read. */
interface Entry<Read> {
  /** Everything else the reading depends on (the rows array is the key). */
  signature: string;
  snapshot: TableSnapshot;
  records: unknown;
  problems: Problem[];
  reads: Read[];
}

const sameList = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined) => a === b || (!!a && !!b && a.length === b.length && a.every((v, i) => v === b[i]));

/**
 * Tables parsed once and kept until they change (issue 21): between two live checks only the
 * table whose values were read again is parsed again. A table is known by its rows array — the
 * add-in keeps the snapshot of a table it did not read again, so the same array comes back — and
 * by everything else its records and problems depend on (name, sheet, position, headers, merges,
 * the language of the messages). A table read again comes with a new rows array, and its entry is
 * dropped with the old array.
 */
export class TableReadCache<Read = unknown> {
  private readonly entries = new WeakMap<readonly unknown[], Entry<Read>>();
  hits = 0;
  misses = 0;

  /**
   * The records of `snap` as `parse` gives them, replaying the problems and table lines it added
   * when the same table was parsed before (parse adds to `problems` and `reads`).
   */
  read<R>(snap: TableSnapshot, kind: string, lang: string, problems: Problem[], reads: Read[], parse: () => R): R {
    const rows = snap.rows;
    const signature = JSON.stringify([kind, lang, snap.name, snap.sheet, snap.headerRow, snap.firstColumn, snap.headers, snap.merged ?? null, !!snap.headerless, snap.kind ?? null]);
    const kept = this.entries.get(rows);
    if (
      kept &&
      kept.signature === signature &&
      kept.snapshot.staleFormulas === snap.staleFormulas &&
      sameList(kept.snapshot.rowNumbers, snap.rowNumbers) &&
      sameList(kept.snapshot.columnNumbers, snap.columnNumbers) &&
      sameList(kept.snapshot.rowColumnNumbers, snap.rowColumnNumbers)
    ) {
      this.hits++;
      problems.push(...kept.problems);
      reads.push(...kept.reads);
      return kept.records as R;
    }
    this.misses++;
    const p0 = problems.length;
    const r0 = reads.length;
    const records = parse();
    this.entries.set(rows, { signature, snapshot: snap, records, problems: problems.slice(p0), reads: reads.slice(r0) });
    return records;
  }
}
