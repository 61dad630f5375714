// The worker thread of src/node/xlsx/parallel.ts: reads the same workbook, parses its share of the
// tables as the engine would (each streamed into records, never held whole), and posts each one
// as soon as it is done.
import { workerData } from 'node:worker_threads';
import { readWorkbookTables } from './index';
import { parseTableAlone } from '../../core/records/mapping';
import { Lang } from '../../core/problems';
import { packRecords } from './records-transfer';
import type { TableResult, WorkerInput } from './parallel';

const input = workerData as WorkerInput;

function post(result: TableResult, transfer: ArrayBuffer[] = []): void {
  input.port.postMessage(result, transfer);
  Atomics.add(input.signal, 0, 1);
  Atomics.notify(input.signal, 0);
}

input.port.once('message', ({ lang }: { lang: Lang }) => {
  let snaps: ReturnType<typeof readWorkbookTables> = [];
  try {
    const names = new Set(input.names);
    snaps = readWorkbookTables(Buffer.from(input.bytes), { requireTables: false, wanted: (n) => names.has(n), parallel: false });
  } catch {
    // the engine's thread meets the same damage and reports it
  }
  for (const index of input.mine) {
    const snap = snaps[index];
    try {
      if (!snap || snap.name !== input.names[index]) throw new Error('not the same table');
      const done = parseTableAlone(snap, lang);
      if (!done) throw new Error('not a data table');
      const packed = done.records ? packRecords(done.records) : null;
      const result: TableResult = {
        index,
        ok: true,
        records: packed ?? done.records,
        packed: !!packed,
        problems: done.problems,
        reads: done.reads,
        merged: snap.merged ?? [],
        ...(snap.staleFormulas ? { staleFormulas: snap.staleFormulas } : {}),
      };
      post(result, packed ? [packed.shape.buffer as ArrayBuffer, packed.row.buffer as ArrayBuffer] : []);
    } catch {
      post({ index, ok: false });
    }
  }
  input.port.close();
});
