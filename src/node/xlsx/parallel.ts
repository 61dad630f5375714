// Tables parsed in a worker thread while the engine's thread parses the others (issue 21 item 2).
// The engine asks for tables one at a time and synchronously (src/core/records/mapping.ts), so the
// worker is told the language of the messages when the engine starts reading (`prepare`), parses
// the tables the engine will ask for last, and the engine's thread, when it reaches one of them,
// waits for it on a shared counter and takes it from the port without going back to the event loop.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel, MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { Problem } from '../../core/problems';
import type { StaleFormulas } from '../../core/records/snapshot';
import { PackedRecords } from './records-transfer';

/** Below this much worksheet XML a worker costs more (its start, its modules) than it saves. */
export const PARALLEL_MIN_BYTES = 8 * 2 ** 20;

/** What the worker sends for one table: what parsing it gave, or `ok: false` to parse it here. */
export type TableResult =
  | { index: number; ok: true; records: PackedRecords | unknown[] | null; packed: boolean; problems: Problem[]; reads: unknown[]; merged: string[]; staleFormulas?: StaleFormulas }
  | { index: number; ok: false };

/** What the worker is started with. */
export interface WorkerInput {
  bytes: SharedArrayBuffer;
  /** The tables the engine's thread listed, by name, in its order (the worker lists the same). */
  names: string[];
  /** Indexes (in `names`) of the tables the worker parses, in the order it parses them. */
  mine: number[];
  port: MessagePort;
  /** [0]: how many results the worker has posted. */
  signal: Int32Array;
}

/** How long the engine's thread waits without a word from the worker before parsing the table itself. */
const GIVE_UP_MS = 120_000;

/** The worker's script, beside this module once built (tests running the TypeScript use the build). */
function workerScript(): string | null {
  const here = path.join(__dirname, 'table-worker.js');
  if (fs.existsSync(here)) return here;
  const built = path.resolve(__dirname, '../../../build/src/node/xlsx/table-worker.js');
  return fs.existsSync(built) ? built : null;
}

export interface Candidate {
  /** Index in the reader's list of tables. */
  index: number;
  /** When the engine reads it (lower first). */
  order: number;
  /** Its share of its worksheet's XML, in bytes. */
  bytes: number;
}

/**
 * Which tables the worker takes: from the last the engine reads, back, until the worker holds
 * about 57 % of the XML (the engine's thread still rebuilds the worker's records, about a quarter
 * of what parsing them cost).
 */
export function chooseWorkerTables(candidates: Candidate[]): number[] {
  const total = candidates.reduce((n, c) => n + c.bytes, 0);
  const byOrder = [...candidates].sort((a, b) => b.order - a.order || b.index - a.index);
  const mine: Candidate[] = [];
  let held = 0;
  for (const c of byOrder) {
    if (held + c.bytes > 0.57 * total && mine.length) break;
    mine.push(c);
    held += c.bytes;
  }
  if (mine.length === candidates.length) mine.pop();
  return mine.sort((a, b) => a.order - b.order || a.index - b.index).map((c) => c.index);
}

export function workerThreadsAvailable(): boolean {
  return workerScript() !== null;
}

/**
 * How many threads parse the tables: BAOCAO_THREADS (1 or 2) when set, otherwise 2 on a machine
 * with at least 4 logical processors. On a 2-processor virtual machine one report thread already
 * keeps V8's collector and zlib busy on the other processor: two threads took 7 % off the 100,000-row
 * report and added about 150 MB to its peak (`npm run bench`, docs/performance.md).
 */
export function defaultThreads(): number {
  const asked = Number(process.env.BAOCAO_THREADS);
  if (asked === 1 || asked === 2) return asked;
  return (typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length) >= 4 ? 2 : 1;
}

/** The worker's side, seen from the engine's thread. */
export class TableWorker {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly results = new Map<number, TableResult>();
  private readonly mine: Set<number>;
  private started = false;
  private taken = 0;
  private stopped = false;

  constructor(buf: Buffer, names: string[], mine: number[]) {
    const bytes = new SharedArrayBuffer(buf.length);
    new Uint8Array(bytes).set(buf);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.mine = new Set(mine);
    const input: WorkerInput = { bytes, names, mine, port: port2, signal: this.signal };
    this.worker = new Worker(workerScript()!, { workerData: input, transferList: [port2] });
    // the worker never keeps the command from ending, and a worker that fails leaves its tables to this thread
    this.worker.unref();
    this.port.unref();
    this.worker.on('error', () => this.stop());
  }

  holds(index: number): boolean {
    return this.mine.has(index);
  }

  /** Starts the parsing, once: the messages' language is known only when the engine begins. */
  start(lang: string): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.port.postMessage({ lang });
  }

  /** What the worker gave for table `index`, waiting for it; null when this thread must parse it. */
  take(index: number): TableResult | null {
    if (!this.started || this.stopped || !this.mine.has(index)) return null;
    let waitedSince = Date.now();
    while (!this.results.has(index)) {
      const seen = Atomics.load(this.signal, 0);
      const got = receiveMessageOnPort(this.port);
      if (got) {
        const r = got.message as TableResult;
        this.results.set(r.index, r);
        waitedSince = Date.now();
        continue;
      }
      if (Date.now() - waitedSince > GIVE_UP_MS) {
        this.stop();
        return null;
      }
      Atomics.wait(this.signal, 0, seen, 1000);
    }
    const r = this.results.get(index)!;
    this.results.delete(index);
    if (++this.taken === this.mine.size) this.stop();
    return r.ok ? r : null;
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.port.close();
    void this.worker.terminate();
  }
}
