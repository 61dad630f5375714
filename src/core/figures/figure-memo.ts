import type { Problem } from '../problems';

/** One call of a memoised step: what it asked of the plans, what it set, the problems it added, what it returned. */
interface Recorded {
  asked: [string, string, string][];
  sets: unknown[][];
  problems: Problem[];
  value: unknown;
}

/** How many steps are kept: a few per table; older ones are dropped whole. */
const KEPT = 256;

/**
 * The figures and checks of each table kept between live checks (issue 21): a step over one
 * table's records (its sums, its cross-row checks) is run again only when its inputs changed. A
 * step is known by the identity of the records arrays it reads — the table cache hands back the
 * same array for a table that was not edited — and by everything else it depends on, spelled
 * out in its key (period, language, table names); what it asked of the plans is asked again and
 * must give the same answers. A replay sets the same figures, in the same order, and adds the
 * same problems as the step did.
 */
export class FigureMemo {
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;
  private readonly kept = new Map<string, Recorded>();
  private readonly derived = new WeakMap<object, Map<string, unknown>>();
  hits = 0;
  misses = 0;

  /** A number standing for one array (0 for none): part of a key. */
  id(o: object | null | undefined): number {
    if (!o) return 0;
    let i = this.ids.get(o);
    if (i === undefined) this.ids.set(o, (i = this.nextId++));
    return i;
  }

  /**
   * Runs `step` or replays it. `set` is recorded; each of `ask` is an inquiry (the plans) whose
   * answers are recorded and asked again on replay.
   */
  run<T, Ask extends Record<string, (arg: string) => unknown>>(key: string, problems: Problem[], set: (...args: never[]) => void, ask: Ask, step: (set: never, ask: Ask) => T): T {
    const was = this.kept.get(key);
    if (was && was.asked.every(([name, arg, answer]) => JSON.stringify(ask[name](arg)) === answer)) {
      this.hits++;
      for (const args of was.sets) (set as (...a: unknown[]) => void)(...args);
      problems.push(...was.problems);
      return was.value as T;
    }
    this.misses++;
    const rec: Recorded = { asked: [], sets: [], problems: [], value: undefined };
    const recordingSet = (...args: unknown[]) => {
      rec.sets.push(args);
      (set as (...a: unknown[]) => void)(...args);
    };
    const asking = {} as Record<string, (arg: string) => unknown>;
    for (const [name, f] of Object.entries(ask)) {
      asking[name] = (arg: string) => {
        const answer = f(arg);
        rec.asked.push([name, arg, JSON.stringify(answer)]);
        return answer;
      };
    }
    const p0 = problems.length;
    rec.value = step(recordingSet as never, asking as Ask);
    rec.problems = problems.slice(p0);
    if (this.kept.size >= KEPT) this.kept.clear();
    this.kept.set(key, rec);
    return rec.value as T;
  }

  /**
   * What `make` gives from `owner` (an array kept by identity between checks, such as the budget
   * units a replayed step set again) and the rest of its inputs spelled out in `key`: made once
   * per owner and key. `make` must depend on nothing else and have no side effect.
   */
  derive<T>(owner: object, key: string, make: () => T): T {
    const byKey = this.derived.get(owner);
    if (byKey?.has(key)) return byKey.get(key) as T;
    const value = make();
    this.keep(owner, key, value);
    return value;
  }

  /** What `keep` kept for `owner` and `key` (`derive` when whether to keep is known only after making it). */
  find(owner: object, key: string): { value: unknown } | undefined {
    const byKey = this.derived.get(owner);
    return byKey?.has(key) ? { value: byKey.get(key) } : undefined;
  }

  keep(owner: object, key: string, value: unknown): void {
    let byKey = this.derived.get(owner);
    if (!byKey) this.derived.set(owner, (byKey = new Map()));
    if (byKey.size >= 16) byKey.clear();
    byKey.set(key, value);
  }
}
