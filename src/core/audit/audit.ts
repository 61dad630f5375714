/**
 * Đối chiếu: checks a report someone wrote against the data. Every number of the text is found
 * with its unit, linked by the words around it (the vocabulary of the built-in sentences and the
 * figures sheet's labels) to the metric it states, and compared at the precision it is written.
 * Pure: no Node API (the task pane reuses it).
 */
import { CATALOG_BY_KEY } from '../figures/catalog';
import { exactDifference } from '../figures/decimal';
import { changePhrase, compareLabel, comparison, formatNumber, roundHalfAway } from '../report/format';
import type { WorkbookData } from '../records/mapping';
import { BudgetUnit, Metric, Metrics, normaliseTargetKey, Period, Source } from '../figures/metrics';
import { Lang } from '../problems';
import { findName, foldWords, similarity, Word, wordsOf } from './fold';
import { detectStyle, NumberStyle, NumberToken, Reading, scanNumbers, TokenKind, UnitId } from './numbers';
import { buildVocabulary, nativeUnit, Phrasing, Topic, TOPIC_CUES, topicOf } from './vocabulary';

export type AuditStatus = 'agrees' | 'disagrees' | 'unlinked';

export interface AuditProvenance {
  table: string;
  filter: string;
  rows: number;
  /** The cell the value was typed in, when it is one cell (a plan, a last-year figure). */
  cell?: string;
}

export interface Finding {
  status: AuditStatus;
  /** The number as written. */
  text: string;
  /** Index of the paragraph, and the number's offset and length in it. */
  paragraph: number;
  offset: number;
  length: number;
  kind: TokenKind;
  /** The unit as written ("triệu USD", "%", "" when none). */
  unit: string;
  /** The metric the number states (a catalog key, or `budget_units[<unit>]`, `.plan`, `.pct_plan`). */
  metric: string | null;
  label: string | null;
  /** The data's value in the written unit, at the written precision ("662,18 triệu USD"). */
  expected: string | null;
  source: AuditProvenance | null;
  /** Why it disagrees or why it is not linked, in the report's language. */
  note: string | null;
}

export interface AuditSummary {
  numbers: number;
  agrees: number;
  disagrees: number;
  unlinked: number;
}

export interface AuditResult {
  findings: Finding[];
  summary: AuditSummary;
  style: NumberStyle;
}

export interface AuditParagraph {
  text: string;
  /** Footnotes start a new context (the body's section topic does not carry into them). */
  part?: string;
}

/** What the audit needs of `buildReport(...)`. */
export interface AuditReport {
  metrics: Metrics;
  period: Period | null;
  lang: Lang;
  data?: Pick<WorkbookData, 'targets' | 'templates'>;
}

const STRONG = 0.5;
const WEAK = 0.3;
const TIE = 0.08;

const UNIT_LABEL: Record<Lang, Partial<Record<UnitId, string>>> = {
  vi: { pct: '%', times: ' lần', musd: ' triệu USD', busd: ' tỷ USD', mvnd: ' triệu đồng', bvnd: ' tỷ đồng', income: ' triệu đồng/người/tháng', project: ' dự án', person: ' người', task: ' nhiệm vụ', dossier: ' hồ sơ' },
  en: { pct: '%', times: ' times', musd: ' million USD', busd: ' billion USD', mvnd: ' million VND', bvnd: ' billion VND', income: ' million VND/person/month', project: ' projects', person: ' people', task: ' tasks', dossier: ' dossiers' },
};

const NOTE = {
  vi: {
    form: (e: string) => `theo quy ước của báo cáo phải viết "${e}" (gấp N lần khi từ 2 lần trở lên, bằng N% khi dưới 2 lần)`,
    sign: 'chiều thay đổi (tăng/giảm) ngược với số liệu',
    value: (e: string) => `số liệu cho ${e}`,
    forecast: 'số dự kiến, không có trong số liệu',
    noTopic: 'không có chỉ tiêu nào về nội dung này trong số liệu',
    weak: 'ngữ cảnh không đủ để gắn với một chỉ tiêu',
    unit: 'đơn vị không phải của chỉ tiêu nào',
    date: 'ngày tháng',
    year: 'năm',
    reference: 'số hiệu văn bản',
    section: 'số mục',
  },
  en: {
    form: (e: string) => `the report's rule writes "${e}" ("N times" from 2 times up, "N%" below)`,
    sign: 'the direction (up/down) is the opposite of the data',
    value: (e: string) => `the data gives ${e}`,
    forecast: 'a forecast, not in the data',
    noTopic: 'no metric on this subject in the data',
    weak: 'not enough context to link it to a metric',
    unit: 'not the unit of any metric',
    date: 'a date',
    year: 'a year',
    reference: 'a document number',
    section: 'a section number',
  },
};

const SCALE: Partial<Record<UnitId, [string, number]>> = {
  musd: ['usd', 1e6],
  busd: ['usd', 1e9],
  mvnd: ['vnd', 1e6],
  bvnd: ['vnd', 1e9],
  income: ['vnd', 1e6],
};

function unitsCompatible(text: UnitId, native: UnitId, key: string, phrasingUnits: Set<UnitId>): boolean {
  if (text === 'none') return true;
  if (text === 'pair') return phrasingUnits.has('pair');
  if (text === 'same') return /vs_prior_pct$/.test(key) || key === 'labour_change_pct';
  if (text === 'times') return native === 'pct' && /vs_prior_pct$/.test(key);
  if (text === 'income') return native === 'income';
  const a = SCALE[text];
  const b = SCALE[native];
  if (a && b) return a[0] === b[0] && (native !== 'income' || text === 'mvnd');
  return text === native;
}

interface Candidate {
  key: string;
  score: number;
  value: number;
  native: UnitId;
  label: string;
  phrasingUnits: Set<UnitId>;
}

interface Comparison {
  agrees: boolean;
  expected: string;
  note: string | null;
}

/** Compares a written number with the metric's value at the written precision, in the written unit. */
function compare(t: NumberToken, reading: Reading, c: Candidate, lang: Lang, style: NumberStyle): Comparison {
  const d = reading.decimals;
  const N = NOTE[lang];
  const fmt = (v: number) => {
    const s = formatNumber(v, style, { decimals: d });
    return t.leadingZero && Math.abs(v) < 10 && !s.startsWith('0') ? `0${s}` : s;
  };
  const unit = t.unit === 'pair' || t.unit === 'none' || t.unit === 'same' ? '' : UNIT_LABEL[lang][t.unit] ?? '';
  const isChange = c.key === 'labour_change_pct';
  const isCompare = /vs_prior_pct$/.test(c.key);
  const close = (a: number, b: number) => Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(b));
  if (t.unit === 'same') {
    // "tương đương cùng kỳ", "about the same": the change rounds to 0 (format.ts, the precision rule)
    const same = isChange ? roundHalfAway(c.value, 1) === 0 : comparison(c.value).form === 'same';
    const exp = isChange ? changePhrase(c.value, lang) : compareLabel(c.value, lang);
    return { agrees: same, expected: exp, note: same ? null : N.value(exp) };
  }
  if (isCompare && t.unit === 'pct' && (t.prefix === 'giam' || t.prefix === 'tang')) {
    // the change against last year, as the text names a fall ("bằng 77,7% … (giảm 22,3%)") or a
    // chart labels it: 100 − N at the same decimals, or the change itself rounded
    const change = c.value - 100;
    const paired = exactDifference(roundHalfAway(c.value, d), 100);
    const agrees = (close(Math.abs(paired), reading.value) || close(Math.abs(roundHalfAway(change, d)), reading.value)) && (t.prefix === 'giam' ? paired < 0 : paired > 0);
    const word = change < 0 ? (lang === 'vi' ? 'giảm' : 'down') : lang === 'vi' ? 'tăng' : 'up';
    const exp = `${word} ${fmt(Math.abs(paired))}%`;
    const signOnly = !agrees && close(Math.abs(paired), reading.value);
    return { agrees, expected: exp, note: agrees ? null : signOnly ? N.sign : N.value(exp) };
  }
  let m = c.value;
  let written = reading.value;
  if (t.unit === 'times') m = m / 100;
  else {
    const a = SCALE[t.unit];
    const b = SCALE[c.native];
    if (a && b) m = (m * b[1]) / a[1];
  }
  if (isChange) {
    const sign = t.prefix === 'giam' ? -1 : t.prefix === 'tang' ? 1 : Math.sign(m) || 1;
    written *= sign;
    const expected = roundHalfAway(m, d);
    const word = (v: number) => (v < 0 ? (lang === 'vi' ? 'giảm' : 'down') : lang === 'vi' ? 'tăng' : 'up');
    const exp = `${word(m)} ${fmt(Math.abs(expected))}%`;
    const agrees = Math.abs(expected - written) < 1e-9 * Math.max(1, Math.abs(written));
    const signOnly = !agrees && Math.abs(Math.abs(expected) - Math.abs(written)) < 1e-9 * Math.max(1, Math.abs(written));
    return { agrees, expected: exp, note: agrees ? null : signOnly ? N.sign : N.value(exp) };
  }
  const expected = roundHalfAway(m, d);
  const agreesValue = Math.abs(expected - written) < 1e-9 * Math.max(1, Math.abs(written));
  if (isCompare) {
    const ratio = c.value / 100;
    const proper = roundHalfAway(ratio, 2) >= 2 ? 'gap' : 'bang';
    const properText =
      proper === 'gap'
        ? lang === 'vi'
          ? `gấp ${formatNumber(roundHalfAway(ratio, t.unit === 'times' ? d : 2), style, { decimals: t.unit === 'times' ? d : 2 })} lần`
          : `${formatNumber(roundHalfAway(ratio, t.unit === 'times' ? d : 2), style, { decimals: t.unit === 'times' ? d : 2 })} times`
        : lang === 'vi'
          ? `bằng ${formatNumber(roundHalfAway(c.value, t.unit === 'pct' ? d : 0), style, { decimals: t.unit === 'pct' ? d : 0 })}%`
          : `${formatNumber(roundHalfAway(c.value, t.unit === 'pct' ? d : 0), style, { decimals: t.unit === 'pct' ? d : 0 })}%`;
    const writtenForm = t.unit === 'times' ? 'gap' : 'bang';
    const wordClash = (t.prefix === 'gap' && t.unit === 'pct') || (t.prefix === 'bang' && t.unit === 'times');
    // "bằng 100%" where the rule names the rise or the fall ("bằng 100,3%", "bằng 99,6% (giảm 0,4%)"): rounding hid the direction
    const hidden = t.unit === 'pct' && written === 100 && comparison(c.value, d).form !== 'same';
    const formOk = !wordClash && !hidden && (t.prefix === null || writtenForm === proper);
    const exp = t.prefix ? properText : `${fmt(expected)}${unit}`;
    if (!agreesValue) return { agrees: false, expected: exp, note: N.value(exp) };
    if (hidden) return { agrees: false, expected: compareLabel(c.value, lang), note: N.value(compareLabel(c.value, lang)) };
    if (!formOk) return { agrees: false, expected: properText, note: N.form(properText) };
    return { agrees: true, expected: exp, note: null };
  }
  const exp = `${fmt(expected)}${unit}`;
  return { agrees: agreesValue, expected: exp, note: agreesValue ? null : N.value(exp) };
}

/** Sentence spans of a paragraph: a full stop, ! or ? followed by a space or the end (not 1.368). */
function sentences(s: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (const m of s.matchAll(/[.!?…](?=\s|$)/g)) {
    out.push([from, m.index + 1]);
    from = m.index + 1;
  }
  if (from < s.length) out.push([from, s.length]);
  return out;
}

function topicsIn(words: string[]): Set<Topic> {
  const out = new Set<Topic>();
  const text = ` ${words.join(' ')} `;
  for (const [topic, cues] of Object.entries(TOPIC_CUES) as [Topic, string[]][]) {
    for (const cue of cues) {
      const phrase = cue.split(' ');
      if (text.includes(` ${cue} `) || fuzzyHas(words, phrase)) {
        out.add(topic);
        break;
      }
    }
  }
  return out;
}

function fuzzyHas(words: string[], phrase: string[]): boolean {
  // short cues (fdi, ddi, tax) must be exact; longer ones may carry one OCR slip per word
  if (phrase.length === 1 && phrase[0].length <= 4) return words.includes(phrase[0]);
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) {
      const a = words[i + j];
      const b = phrase[j];
      if (a !== b && !(a.length >= 3 && b.length >= 3 && nearly(a, b))) continue outer;
    }
    return true;
  }
  return false;
}

function nearly(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1);
}

const HEADING = /^\s*(\(\d{1,2}\)|\d{1,2}\.|[IVX]{1,4}\.)\s/;
const DELIM = /[,;:()[\]]/g;

const wordsIn = (words: Word[], a: number, b: number) => words.filter((w) => w.start >= a && w.end <= b).map((w) => w.w);

/** Audits a text against the report's metrics. */
export function auditText(input: (string | AuditParagraph)[], report: AuditReport): AuditResult {
  const paragraphs: AuditParagraph[] = input.map((p) => (typeof p === 'string' ? { text: p } : p));
  const lang = report.lang;
  const N = NOTE[lang];
  const style = detectStyle(
    paragraphs.map((p) => p.text),
    lang,
  );
  const vocab = buildVocabulary((report.data?.templates ?? []).map((t) => ({ key: t.key, template: t.template })));
  const byMetric = new Map<string, Phrasing[]>();
  for (const p of vocab) byMetric.set(p.metric, [...(byMetric.get(p.metric) ?? []), p]);
  const units = budgetUnits(report.metrics);
  const unitNames = units.map((u) => ({ unit: u, words: foldWords(u.unit) }));
  const findings: Finding[] = [];
  let sectionTopics = new Set<Topic>();
  let part: string | undefined;

  paragraphs.forEach((para, pi) => {
    const s = para.text;
    if (para.part !== part) {
      part = para.part;
      sectionTopics = new Set();
    }
    const words = wordsOf(s);
    if (HEADING.test(s) && s.length < 200) sectionTopics = topicsIn(words.map((w) => w.w));
    const tokens = scanNumbers(s, style);
    const spans = sentences(s);
    const entityEnds = unitNames.flatMap((u) => findName(words, u.words).map((end) => ({ end, unit: u.unit })));
    const push = (t: NumberToken, status: AuditStatus, extra: Partial<Finding> = {}) =>
      findings.push({ status, text: t.text, paragraph: pi, offset: t.start, length: t.end - t.start, kind: t.kind, unit: t.unitText, metric: null, label: null, expected: null, source: null, note: null, ...extra });

    tokens.forEach((t) => {
      if (t.kind !== 'figure') return push(t, 'unlinked', { note: N[t.kind] });
      if (t.unit === 'other') return push(t, 'unlinked', { note: N.unit });
      const [sa, sb] = spans.find(([a, b]) => t.start >= a && t.start < b) ?? [0, s.length];
      const cutting = tokens.filter((x) => x.kind === 'figure' && x.unit !== 'none' && x.unit !== 'other' && x.start >= sa && x.end <= sb);
      const prev = [...cutting].reverse().find((x) => x.end <= t.start);
      const next = cutting.find((x) => x.start >= t.unitEnd);
      const leadFrom = prev ? prev.end : sa;
      const leadTo = t.prefixStart;
      const tailTo = next ? next.prefixStart : sb;
      const leadText = s.slice(leadFrom, leadTo);
      const lastDelim = Math.max(-1, ...[...leadText.matchAll(DELIM)].map((m) => m.index));
      const tailText = s.slice(t.end, tailTo);
      const afterUnit = s.slice(t.unitEnd, tailTo).search(DELIM);
      const nearTailTo = afterUnit < 0 ? tailTo : t.unitEnd + afterUnit;
      const tailFrom = t.unit === 'none' ? t.end : t.unitEnd;
      const ctx = {
        lead: wordsIn(words, leadFrom, leadTo),
        nearLead: wordsIn(words, leadFrom + lastDelim + 1, leadTo),
        tail: wordsIn(words, tailFrom, tailTo),
        nearTail: wordsIn(words, tailFrom, Math.max(tailFrom, nearTailTo)),
      };
      void tailText;
      const sentTopics = topicsIn(wordsIn(words, sa, sb));
      const allowed = sentTopics.size ? sentTopics : sectionTopics;
      if (!allowed.size) return push(t, 'unlinked', { note: N.noTopic });
      if (/\bd\w{0,2} kien\b|\bexpected\b|\bforecast\b/.test(ctx.lead.join(' '))) return push(t, 'unlinked', { note: N.forecast });
      const entity = [...entityEnds].filter((e) => e.end <= t.start).sort((a, b) => b.end - a.end)[0]?.unit ?? null;

      const candidates: Candidate[] = [];
      for (const [metric, phrasings] of byMetric) {
        const topic = topicOf(metric);
        if (!topic || !allowed.has(topic)) continue;
        const resolved = resolve(metric, entity, report.metrics, lang);
        if (!resolved) continue;
        const phrasingUnits = new Set(phrasings.map((p) => p.unit));
        if (!unitsCompatible(t.unit, resolved.native, resolved.key, phrasingUnits)) continue;
        let best = 0;
        for (const p of phrasings) {
          let score = 0.3 * similarity(ctx.nearLead, p.nearLead) + 0.25 * similarity(ctx.lead, p.lead) + 0.3 * similarity(ctx.nearTail, p.nearTail) + 0.15 * similarity(ctx.tail, p.tail);
          if (p.unit === t.unit) score += 0.05;
          if (p.from === 'label') score *= 0.8;
          best = Math.max(best, score);
        }
        candidates.push({ ...resolved, score: best, phrasingUnits });
      }
      const ranked = candidates.sort((a, b) => b.score - a.score);
      const top = ranked[0];
      if (!top || top.score < WEAK) return push(t, 'unlinked', { note: N.weak });
      // the value is a hint: among the candidates the context cannot tell apart, the one that agrees
      const near = ranked.filter((c) => c.score >= top.score - TIE);
      const judged = near.map((c) => ({ c, ...judge(t, c, lang, style) }));
      const agreeing = judged.find((j) => j.cmp.agrees);
      const chosen = agreeing ?? judged[0];
      // a number without a unit links only where the built-in sentences write that metric without one
      // ("197/224", "in progress: 27"), on strong context and an agreeing value
      if (t.unit === 'none' && (!ctx.lead.length || !chosen.c.phrasingUnits.has('none') || chosen.c.score < STRONG || !chosen.cmp.agrees)) return push(t, 'unlinked', { note: N.weak });
      if (!chosen.cmp.agrees && chosen.c.score < STRONG) return push(t, 'unlinked', { note: N.weak });
      const source = provenance(chosen.c.key, report, entity);
      push(t, chosen.cmp.agrees ? 'agrees' : 'disagrees', { metric: chosen.c.key, label: chosen.c.label, expected: chosen.cmp.expected, source, note: chosen.cmp.note });
    });
  });
  const count = (st: AuditStatus) => findings.filter((f) => f.status === st).length;
  return { findings, summary: { numbers: findings.length, agrees: count('agrees'), disagrees: count('disagrees'), unlinked: count('unlinked') }, style };
}

function judge(t: NumberToken, c: Candidate, lang: Lang, style: NumberStyle): { cmp: Comparison } {
  let first: Comparison | null = null;
  for (const r of t.readings) {
    const cmp = compare(t, r, c, lang, style);
    if (cmp.agrees) return { cmp };
    first ??= cmp;
  }
  return { cmp: first! };
}

function budgetUnits(metrics: Metrics): BudgetUnit[] {
  const v = metrics.get('budget_units')?.value;
  return Array.isArray(v) ? v : [];
}

function resolve(metric: string, entity: BudgetUnit | null, metrics: Metrics, lang: Lang): Omit<Candidate, 'score' | 'phrasingUnits'> | null {
  if (metric === 'amount' || metric === 'plan' || metric === 'pct_plan') {
    if (!entity) return null;
    const value = entity[metric];
    if (typeof value !== 'number') return null;
    const key = metric === 'amount' ? `budget_units[${entity.unit}]` : `budget_units[${entity.unit}].${metric}`;
    const label = metric === 'amount' ? entity.unit : `${entity.unit} — ${metric === 'plan' ? (lang === 'vi' ? 'kế hoạch' : 'plan') : lang === 'vi' ? 'so với kế hoạch' : 'vs plan'}`;
    return { key, value, native: metric === 'pct_plan' ? 'pct' : 'mvnd', label };
  }
  if (entity && metric.startsWith('budget_')) return null;
  const m = metrics.get(metric);
  const info = CATALOG_BY_KEY.get(metric);
  if (!m || typeof m.value !== 'number' || !info) return null;
  return { key: metric, value: m.value, native: nativeUnit(info), label: info.label[lang] };
}

/** What each ratio is computed from, for its provenance. */
function derivation(key: string): [string, string] | null {
  let m = /^(fdi|ddi)_vs_prior_pct$/.exec(key);
  if (m) return [`${m[1]}_total_capital`, `${m[1]}_total_capital_prior`];
  m = /^(fdi|ddi)_pct_plan$/.exec(key);
  if (m) return [`${m[1]}_total_capital`, `${m[1]}_plan`];
  m = /^(budget|revenue|export|import|tax_paid)_pct_plan$/.exec(key);
  if (m) return [m[1] === 'budget' ? 'budget_total' : m[1], `${m[1]}_plan`];
  if (key === 'labour_change_pct') return ['labour_workers', 'labour_workers_prior'];
  return null;
}

const PLAN_KEY_OF: Record<string, [string, 'plan' | 'prior']> = {
  fdi_plan: ['fdi_capital', 'plan'],
  ddi_plan: ['ddi_capital', 'plan'],
  fdi_total_capital_prior: ['fdi_capital', 'prior'],
  ddi_total_capital_prior: ['ddi_capital', 'prior'],
  labour_workers_prior: ['labour_workers', 'prior'],
  budget_plan: ['budget', 'plan'],
  revenue_plan: ['revenue', 'plan'],
  export_plan: ['export', 'plan'],
  import_plan: ['import', 'plan'],
  tax_paid_plan: ['tax_paid', 'plan'],
};

function targetCell(report: AuditReport, planKey: string, field: 'plan' | 'prior'): string | undefined {
  const year = report.period?.year;
  const t = report.data?.targets?.find((x) => x.year === year && normaliseTargetKey(x.metric) === planKey && x[field] !== null);
  return t?.origin.cell(field);
}

function plain(s: Source | null): AuditProvenance | null {
  return s ? { table: s.table, filter: s.filter, rows: s.rows } : null;
}

/** The metric's source (table, filter, rows, and the cell for a typed-in plan or last-year figure). */
export function provenance(key: string, report: AuditReport, entity: BudgetUnit | null = null): AuditProvenance | null {
  const metrics = report.metrics;
  const unit = /^budget_units\[(.*)\](?:\.(plan|pct_plan))?$/.exec(key);
  if (unit && entity) {
    const list = metrics.get('budget_units');
    const base = plain(list?.source ?? null);
    if (!unit[2]) return base && { ...base, filter: `${base.filter}, ${entity.unit}` };
    const planCell = targetCell(report, `budget:${entity.unit}`, 'plan');
    const plan: AuditProvenance = { table: report.data?.targets ? 'KeHoach' : 'KeHoach', filter: `budget:${entity.unit}, ${report.period?.year ?? ''}`, rows: 1, ...(planCell ? { cell: planCell } : {}) };
    if (unit[2] === 'plan') return plan;
    return combine(`${entity.unit}`, base ?? plan, 'plan', plan);
  }
  const m: Metric | undefined = metrics.get(key);
  if (m?.source) {
    const out = plain(m.source)!;
    const pk = PLAN_KEY_OF[key];
    if (pk && m.source.table !== 'DuAn' && m.source.table !== 'LaoDong') {
      const cell = targetCell(report, pk[0], pk[1]);
      if (cell) out.cell = cell;
    }
    return out;
  }
  const d = derivation(key);
  if (!d) return null;
  const a = provenance(d[0], report);
  const b = provenance(d[1], report);
  if (!a || !b) return a ?? b;
  return combine(d[0], a, d[1], b);
}

function combine(na: string, a: AuditProvenance, nb: string, b: AuditProvenance): AuditProvenance {
  const tables = [...new Set([a.table, b.table])].join(' + ');
  return { table: tables, filter: `${na} (${a.filter}${a.cell ? `, ${a.cell}` : ''}) ÷ ${nb} (${b.filter}${b.cell ? `, ${b.cell}` : ''})`, rows: a.rows + b.rows };
}
