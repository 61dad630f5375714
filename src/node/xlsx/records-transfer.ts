// A table's records sent from the worker thread that parsed them to the engine's thread. Records
// are many small objects, which the structured clone copies slowly (as slowly as parsing them
// again); laid out as one flat list of values per table, they cross in a fraction of that time.
import { Origin, TableLayout } from '../../core/records/schema';

export interface PackedRecords {
  layout: TableLayout;
  /** The field keys of each shape of record (records of one table have one or a few). */
  shapes: string[][];
  /** Per record: its shape, and its worksheet row. */
  shape: Int32Array;
  row: Float64Array;
  /** Each record's values, in the order of its shape's keys, one record after another. */
  values: unknown[];
}

type Rec = Record<string, unknown> & { origin: Origin };

/** The records laid out flat, or null when they are not a reader table's (several layouts, per-row columns). */
export function packRecords(records: unknown[]): PackedRecords | null {
  const recs = records as Rec[];
  if (!recs.length) return null;
  const layout = recs[0].origin.layout;
  const shapeIds = new Map<string, number>();
  const shapes: string[][] = [];
  const shape = new Int32Array(recs.length);
  const row = new Float64Array(recs.length);
  const values: unknown[] = [];
  for (let i = 0; i < recs.length; i++) {
    const r = recs[i];
    if (!(r.origin instanceof Origin) || r.origin.layout !== layout || r.origin.columnsHere) return null;
    const keys = Object.keys(r);
    if (keys[keys.length - 1] !== 'origin') return null;
    keys.pop();
    const key = keys.join('\u0000');
    let id = shapeIds.get(key);
    if (id === undefined) {
      shapeIds.set(key, (id = shapes.length));
      shapes.push(keys);
    }
    shape[i] = id;
    row[i] = r.origin.row;
    for (const k of keys) {
      const v = r[k];
      if (v !== null && typeof v === 'object') return null;
      values.push(v);
    }
  }
  return { layout, shapes, shape, row, values };
}

/** The records again, as parsing gave them: the same keys in the same order, one origin layout shared. */
export function unpackRecords(p: PackedRecords): unknown[] {
  const out = new Array<Rec>(p.shape.length);
  let v = 0;
  for (let i = 0; i < out.length; i++) {
    const keys = p.shapes[p.shape[i]];
    const r: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) r[keys[k]] = p.values[v++];
    r.origin = new Origin(p.layout, p.row[i]);
    out[i] = r as Rec;
  }
  return out;
}
