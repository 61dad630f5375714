import { WorkbookData } from '../records/mapping';
import { Metrics } from './metrics';
import { METRIC_KEYS } from './catalog';
import { Problems } from '../problems';
import type { ParsedExpression } from './expressions';
import { Located, MetricDef } from '../records/schema';

type ExpressionsModule = typeof import('./expressions');
let loaded: ExpressionsModule | null = null;
/**
 * mathjs takes a second or more to load: only a workbook whose Metrics table has rows pays for
 * it. A plain require keeps './expressions' an ES module for webpack, so mathjs stays tree-shaken.
 */
const expressions = (): ExpressionsModule => (loaded ??= require('./expressions') as ExpressionsModule);

export interface StaffMetricInfo {
  key: string;
  label: string;
  unit: string;
  expression: string;
}

/** Adds the Metrics table's figures to `metrics`, in dependency order; cycles and unknown keys are problems. */
export function computeStaffMetrics(data: WorkbookData, metrics: Metrics, problems: Problems): StaffMetricInfo[] {
  const defs = new Map<string, { def: Located<MetricDef>; parsed: ParsedExpression | null }>();
  const lang = problems.lang;
  for (const def of data.metrics ?? []) {
    if (METRIC_KEYS.includes(def.key) || defs.has(def.key)) {
      problems.add('error', def.origin.cell('key'), 'metricKeyBad', { text: def.key });
      continue;
    }
    let parsed: ParsedExpression | null = null;
    try {
      parsed = expressions().parseExpression(def.expression);
    } catch (e) {
      if (!(e instanceof expressions().ExpressionRefused)) throw e;
      problems.add('error', def.origin.cell('expression'), 'expressionRefused', { key: def.key, why: expressions().reasonOf(e, lang) });
    }
    defs.set(def.key, { def, parsed });
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const missing = (key: string, why: string) => metrics.set(key, { key, value: null, reason: why, source: null });
  const visit = (key: string, path: string[]): void => {
    const entry = defs.get(key)!;
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(key)), key].join(' → ');
      problems.add('error', entry.def.origin.cell('expression'), 'expressionCycle', { key, cycle });
      missing(key, lang === 'vi' ? `tham chiếu vòng (${cycle})` : `cycle (${cycle})`);
      state.set(key, 'done');
      return;
    }
    state.set(key, 'visiting');
    const { def, parsed } = entry;
    if (!parsed) {
      missing(key, lang === 'vi' ? 'công thức bị từ chối' : 'expression refused');
      state.set(key, 'done');
      return;
    }
    const scope = new Map<string, number>();
    let why: string | null = null;
    for (const ref of parsed.refs) {
      if (defs.has(ref)) visit(ref, [...path, key]);
      if (state.get(key) === 'done') return; // closed by a cycle through this key
      const m = metrics.get(ref);
      if (!m) {
        problems.add('error', def.origin.cell('expression'), 'expressionUnknownKey', { key, name: ref });
        why = lang === 'vi' ? `"${ref}" không phải chỉ tiêu` : `"${ref}" is not a metric`;
        continue;
      }
      if (typeof m.value !== 'number') {
        why ??= lang === 'vi' ? `thiếu ${ref}` : `${ref} is missing`;
        continue;
      }
      scope.set(ref, m.value);
    }
    if (why) missing(key, why);
    else {
      try {
        const value = expressions().evaluateExpression(parsed, scope);
        metrics.set(key, { key, value, reason: null, source: { table: def.origin.table, filter: def.expression, rows: 1 } });
      } catch (e) {
        if (!(e instanceof expressions().ExpressionFailed)) throw e;
        const reason = expressions().reasonOf(e, lang);
        problems.add('warning', def.origin.cell('expression'), 'expressionFailed', { key, why: reason });
        missing(key, reason);
      }
    }
    state.set(key, 'done');
  };
  for (const key of defs.keys()) visit(key, []);
  return [...defs.values()].map(({ def }) => ({ key: def.key, label: def.label ?? def.key, unit: def.unit ?? '', expression: def.expression }));
}
