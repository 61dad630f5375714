import { Metrics } from '../core/figures/metrics';
import { FunctionError } from './logic';
import { metricCell } from './metric-value';

export type MetricResult = number | boolean | string | FunctionError;

export interface Subscriber {
  key: string;
  push(value: MetricResult): void;
}

/**
 * Serves METRIC: one computation of the whole report shared by every METRIC cell, recomputed
 * (after a short pause, so a paste of many rows counts once) whenever a table changes, then
 * pushed to every live cell. `load` reads the tables and runs core; `watch` registers `onChange`
 * with the workbook's table events, once.
 */
export class MetricFeed {
  private current: Promise<Metrics> | null = null;
  private readonly subscribers = new Set<Subscriber>();
  private watching: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly load: () => Promise<Metrics>,
    private readonly watch: (onChange: () => void) => Promise<void>,
    private readonly delayMs = 400,
  ) {}

  /** Adds a cell; returns the function that removes it (on cancel). */
  subscribe(sub: Subscriber): () => void {
    this.subscribers.add(sub);
    this.watching ??= this.watch(() => this.invalidate()).catch(() => undefined);
    void this.deliver([sub]);
    return () => this.subscribers.delete(sub);
  }

  get size(): number {
    return this.subscribers.size;
  }

  invalidate(): void {
    this.current = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.deliver([...this.subscribers]);
    }, this.delayMs);
  }

  metrics(): Promise<Metrics> {
    this.current ??= this.load();
    const p = this.current;
    p.catch(() => {
      if (this.current === p) this.current = null;
    });
    return p;
  }

  private async deliver(subs: Subscriber[]): Promise<void> {
    let metrics: Metrics;
    try {
      metrics = await this.metrics();
    } catch (e) {
      const err = new FunctionError('notAvailable', `Không đọc được các bảng: ${(e as Error).message ?? e}`);
      subs.forEach((s) => s.push(err));
      return;
    }
    for (const s of subs) {
      try {
        s.push(metricCell(metrics, s.key));
      } catch (e) {
        s.push(e instanceof FunctionError ? e : new FunctionError('invalidValue', String(e)));
      }
    }
  }
}
