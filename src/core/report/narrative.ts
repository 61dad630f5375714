import { CATALOG_BY_KEY } from '../figures/catalog';
import { comparePhrase, changePhrase, formatCount2, formatNumber } from './format';
import { Metric, BudgetUnit } from '../figures/metrics';
import { Lang } from '../problems';
import { DEFAULT_TEMPLATES, TEMPLATE_KEYS } from './templates';
import { cleanText } from '../records/text';

export type Inline = { kind: 'text'; text: string } | { kind: 'footnote'; id: number };

type Token =
  | { t: 'text'; text: string }
  | { t: 'value'; name: string; decimals: number | null; filters: string[] }
  | { t: 'note'; key: string }
  | { t: 'optional'; parts: Token[] };

/** A value a template can show: a metric, a text variable, or a budget unit's field. */
export type TemplateValue = { value: number | boolean | string | BudgetUnit[] | null; reason: string | null; kind?: string };

export interface RenderContext {
  lang: Lang;
  lookup: (name: string) => TemplateValue | undefined;
  /** Renders a footnote template and returns its id, or null when it cannot be written. */
  note: (key: string) => number | null;
  /** Renders the nested template for one budget unit. */
  unit: (u: BudgetUnit) => Inline[] | null;
  /** Renders it for each unit of a list (`unit` for each by default). */
  units?: (list: BudgetUnit[]) => (Inline[] | null)[];
  /** Called for a missing value outside an optional part. */
  onMissing: (name: string, reason: string) => void;
  onUnknown: (name: string) => void;
}

export const FILTERS = ['compare', 'change', 'count2', 'estimated', 'incdec', 'abs', 'div1000', 'nz', 'units', 's'];

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  const stack: Token[][] = [out];
  let buf = '';
  const flush = () => {
    if (buf) stack[stack.length - 1].push({ t: 'text', text: buf });
    buf = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '{') {
      const end = src.indexOf('}', i);
      const body = end > i ? src.slice(i + 1, end) : '';
      const m = /^\s*(\^)?([A-Za-z][A-Za-z0-9_]*)(?::(\d{1,2}))?((?:\|[A-Za-z0-9]+)*)\s*$/.exec(body);
      if (!m) {
        buf += ch;
        continue;
      }
      flush();
      if (m[1]) stack[stack.length - 1].push({ t: 'note', key: m[2] });
      else stack[stack.length - 1].push({ t: 'value', name: m[2], decimals: m[3] ? Number(m[3]) : null, filters: m[4].split('|').filter(Boolean) });
      i = end;
    } else if (ch === '[') {
      flush();
      const group: Token = { t: 'optional', parts: [] };
      stack[stack.length - 1].push(group);
      stack.push((group as { parts: Token[] }).parts);
    } else if (ch === ']' && stack.length > 1) {
      flush();
      stack.pop();
    } else buf += ch;
  }
  flush();
  return out;
}

/** A value a template names is missing (thrown to drop an optional part; no stack: it is control flow, thousands per report). */
class Missing {
  constructor(readonly message: string) {}
}

/** Templates tokenized once: a report renders the same few templates thousands of times (once per budget unit). */
const tokenized = new Map<string, readonly Token[]>();
function tokensOf(src: string): readonly Token[] {
  let tokens = tokenized.get(src);
  if (!tokens) {
    if (tokenized.size >= 2000) tokenized.clear();
    tokenized.set(src, (tokens = tokenize(src)));
  }
  return tokens;
}

/** Renders a template to inlines. Optional parts with a missing value are dropped. */
export function renderTemplate(src: string, ctx: RenderContext): Inline[] {
  return renderTokens(tokensOf(src), ctx, false) ?? [];
}

function renderTokens(tokens: readonly Token[], ctx: RenderContext, optional: boolean): Inline[] | null {
  const out: Inline[] = [];
  const push = (text: string) => {
    const last = out[out.length - 1];
    if (last && last.kind === 'text') last.text += text;
    else out.push({ kind: 'text', text });
  };
  // Optional parts are rendered first into a scratch list so a missing value drops them whole.
  for (const tok of tokens) {
    if (tok.t === 'text') push(tok.text);
    else if (tok.t === 'note') {
      const id = ctx.note(tok.key);
      if (id !== null) out.push({ kind: 'footnote', id });
    } else if (tok.t === 'optional') {
      const part = renderTokens(tok.parts, ctx, true);
      if (part) for (const p of part) p.kind === 'text' ? push(p.text) : out.push(p);
    } else {
      try {
        const r = renderValue(tok, ctx);
        if (typeof r === 'string') push(r);
        else for (const p of r) p.kind === 'text' ? push(p.text) : out.push(p);
      } catch (e) {
        if (!(e instanceof Missing)) throw e;
        if (optional) return null;
        ctx.onMissing(tok.name, e.message);
        push('…');
      }
    }
  }
  return out;
}

function renderValue(tok: Extract<Token, { t: 'value' }>, ctx: RenderContext): string | Inline[] {
  const lang = ctx.lang;
  const v = ctx.lookup(tok.name);
  if (!v) {
    ctx.onUnknown(tok.name);
    throw new Missing(lang === 'vi' ? 'không có chỉ tiêu này' : 'no such metric');
  }
  if (v.value === null) throw new Missing(v.reason ?? '');
  let value = v.value;
  if (Array.isArray(value)) {
    const parts = (ctx.units ? ctx.units(value) : value.map((u) => ctx.unit(u))).filter((p): p is Inline[] => p !== null);
    // an empty list is a missing value: "trong đó: ." must never be written
    if (!parts.length) throw new Missing(lang === 'vi' ? 'danh sách trống' : 'the list is empty');
    const out: Inline[] = [];
    parts.forEach((p, i) => {
      if (i) out.push({ kind: 'text', text: '; ' });
      out.push(...p);
    });
    return out;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') {
    if (tok.filters.includes('estimated')) return value ? (lang === 'vi' ? 'Ước đạt' : 'an estimated ') : lang === 'vi' ? 'Đạt' : '';
    return value ? (lang === 'vi' ? 'có' : 'yes') : lang === 'vi' ? 'không' : 'no';
  }
  const kind = v.kind ?? CATALOG_BY_KEY.get(tok.name)?.kind ?? 'amount';
  for (const f of tok.filters) {
    switch (f) {
      case 'abs':
        value = Math.abs(value);
        break;
      case 'div1000':
        value = value / 1000;
        break;
      case 'nz':
        if (value === 0) throw new Missing('0');
        break;
      case 'incdec':
        return value < 0 ? (lang === 'vi' ? 'giảm' : 'a decrease') : lang === 'vi' ? 'tăng' : 'an increase';
      case 'compare':
        return comparePhrase(value, lang, tok.decimals ?? undefined);
      case 'change':
        return changePhrase(value, lang, tok.decimals ?? 1);
      case 'count2':
        return formatCount2(value, lang);
      case 's':
        // the English plural ending of the noun written just before it: "1 project", "25 projects"
        return lang === 'en' && value !== 1 ? 's' : '';
      case 'estimated':
      case 'units':
        break;
      default:
        ctx.onUnknown(`${tok.name}|${f}`);
    }
  }
  if (tok.decimals !== null) return formatNumber(value, lang, { decimals: tok.decimals });
  if (kind === 'count') return formatNumber(value, lang, { decimals: 0 });
  if (kind === 'pct') return formatNumber(value, lang, { decimals: 1 });
  return formatNumber(value, lang, { max: 2 });
}

export function metricValue(m: Metric | undefined): TemplateValue | undefined {
  return m ? { value: m.value, reason: m.reason } : undefined;
}

/** The templates a report writes with: the built-in ones, each replaced by the workbook's own row of that key. */
export function effectiveTemplates(custom: { key: string; template: string }[] | null | undefined, lang: Lang): Record<string, string> {
  const out = { ...DEFAULT_TEMPLATES[lang] };
  for (const t of custom ?? []) {
    const key = t.key.trim();
    if (TEMPLATE_KEYS.includes(key)) out[key] = cleanText(t.template);
  }
  return out;
}
