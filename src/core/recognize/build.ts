import { CellValue, TableSnapshot, cellAddress, columnLetters, quoteSheet } from '../records/snapshot';
import { TABLE_BY_KIND } from '../records/schema';
import { formatDayDMY, isBlank, parseDate, parseNumber } from '../records/parse';
import { exactSum } from '../figures/decimal';
import { formatNumber } from '../report/format';
import { Problems } from '../problems';
import { GridView } from './grid';
import { BlockRow } from './blocks';
import { ColumnMapping, Proposal } from './propose';
import { MoneyUnit, shiftDecimal } from './units';
import { ID_FROM, MEASURES } from './vocab';
import { fieldName } from '../staff-words';
import { EVENT_TEXT, ProjectEvent, eventOfValue, sourceOfValue } from './fixed';
import { groupLabel } from './words';

/** The contract unit of a money field (capital depends on the row's source). */
function contractUnit(field: string, source: string | null): { currency: 'VND' | 'USD'; exponent: number; text: string } | null {
  switch (field) {
    case 'revenue':
    case 'taxPaid':
      return { currency: 'VND', exponent: 9, text: 'tỷ đồng' };
    case 'export':
    case 'import':
      return { currency: 'USD', exponent: 6, text: 'triệu USD' };
    case 'avgIncome':
    case 'amount':
      return { currency: 'VND', exponent: 6, text: 'triệu đồng' };
    case 'fee':
      return { currency: 'VND', exponent: 0, text: 'đồng' };
    case 'capital':
      if (source === 'FDI') return { currency: 'USD', exponent: 6, text: 'triệu USD' };
      if (source === 'DDI') return { currency: 'VND', exponent: 9, text: 'tỷ đồng' };
      return null;
    default:
      return null;
  }
}

/** A figure in a message, every decimal kept (a total and its sum must show where they differ). */
const fmt = (n: number, lang: 'vi' | 'en') => formatNumber(n, lang, { max: Math.min(20, (String(n).split('.')[1] ?? '').length) });

/**
 * The id of a row of a list without a code column: a project's name (its events on other sheets
 * name it the same way); a task's text with its assignment date, since the same text ("Báo cáo
 * tháng") is assigned again and again and each assignment is a task.
 */
function idFromText(g: GridView, r: number, kind: string, byField: Map<string, ColumnMapping>): CellValue {
  const text = g.at(r, byField.get(ID_FROM[kind as keyof typeof ID_FROM]!.from)!.col);
  if (kind !== 'tasks' || isBlank(text)) return text;
  const assigned = byField.get('assigned');
  const day = assigned ? parseDate(g.at(r, assigned.col)) : null;
  return day?.ok ? `${String(text).trim()} (${formatDayDMY(day.value)})` : text;
}

/** Where a value of a field comes from in one snapshot row. */
type Source = { col: number } | { value: CellValue; col: number };

/**
 * Turns a usable proposal into a table snapshot the engine reads: every value named by its real
 * sheet row and column, units converted exactly, months across unpivoted; group, subtotal, total
 * and note rows listed as information, totals checked against their rows.
 */
export function proposalSnapshot(g: GridView, p: Proposal, problems: Problems): TableSnapshot {
  const kind = p.kind!;
  const def = TABLE_BY_KIND[kind];
  const block = p.block;
  const byField = new Map<string, ColumnMapping>();
  const months = new Map<string, ColumnMapping[]>();
  // new and adjusted capital as columns of one row: each capital column with its event, and the date column of that event
  const eventCapital = p.columns.filter((c) => c.field === 'capital' && c.event);
  const eventDate = new Map<ProjectEvent, ColumnMapping>();
  for (const c of p.columns) {
    if (!c.field) continue;
    if (c.event) {
      if (c.field === 'date') eventDate.set(c.event, c);
      continue;
    }
    if (c.month) months.set(c.month, [...(months.get(c.month) ?? []), c]);
    else byField.set(c.field, c);
  }
  const anyDate = byField.get('date') ?? [...eventDate.values()][0];
  const monthKeys = [...months.keys()].sort();
  const monthFields = new Set([...months.values()].flat().map((c) => c.field!));
  const fields = def.columns
    .map((c) => c.key)
    .filter((k) => byField.has(k) || monthFields.has(k) || k in p.fixed || (k === 'month' && monthKeys.length) || (k === 'zone' && p.zoneFromGroups) || (p.idFromName && k === ID_FROM[kind]?.id) || (eventCapital.length > 0 && (k === 'capital' || k === 'event' || k === 'date')));
  const headers = fields.map((k) => def.columns.find((c) => c.key === k)!.vi[0]);
  const columnNumbers = fields.map((k) => byField.get(k)?.col ?? block.left);

  const rows: CellValue[][] = [];
  const rowNumbers: number[] = [];
  const rowColumnNumbers: (number[] | undefined)[] = [];
  let zone: string | null = null;
  const lang = problems.lang;

  const convert = (v: CellValue, m: ColumnMapping, source: string | null, row: number): { ok: true; v: CellValue } | { ok: false } => {
    const unit: MoneyUnit | undefined = m.unit ?? (p.titleUnit && contractUnit(m.field!, source)?.currency === p.titleUnit.currency ? p.titleUnit : undefined);
    if (!unit || isBlank(v)) return { ok: true, v };
    const target = contractUnit(m.field!, source);
    if (!target) return { ok: true, v };
    if (target.currency !== unit.currency) {
      problems.add('error', cellAddress(g.name, row, m.col), 'staffUnitCurrency', { unit: unit.text, header: m.header, source: source ?? fieldName(p.kind, m.field!, lang), expected: target.text, row });
      return { ok: false };
    }
    const n = parseNumber(v);
    return { ok: true, v: n.ok ? shiftDecimal(n.value, unit.exponent - target.exponent) : v };
  };

  for (const br of block.rows) {
    if (br.type === 'group') {
      zone = groupLabel(br.label) ?? br.label;
      continue;
    }
    if (br.type !== 'data') continue;
    const r = br.row;
    const sourceOf = (): string | null => {
      const c = byField.get('source');
      const raw = c ? g.at(r, c.col) : p.fixed.source ?? null;
      return sourceOfValue(raw) ?? (typeof raw === 'string' ? raw.trim().toUpperCase() : null);
    };
    const source = kind === 'projects' ? sourceOf() : null;
    const base: CellValue[] = [];
    let bad = false;
    fields.forEach((k) => {
      const c = byField.get(k);
      if (c && kind === 'projects' && (k === 'source' || k === 'event')) {
        // what staff write (Trong nước, Cấp GCNĐKĐT, Thu hồi) in the contract's words; anything else as written, to be reported at its cell
        const raw = g.at(r, c.col);
        const read = k === 'source' ? sourceOfValue(raw) : eventOfValue(raw);
        base.push(read ? (k === 'source' ? read : EVENT_TEXT[read as ProjectEvent]) : raw);
      } else if (c) {
        const conv = convert(g.at(r, c.col), c, source, r);
        if (!conv.ok) bad = true;
        base.push(conv.ok ? conv.v : null);
      } else if (k in p.fixed) base.push(k === 'month' ? `${p.fixed.month.slice(5)}/${p.fixed.month.slice(0, 4)}` : p.fixed[k]);
      else if (k === 'zone') base.push(zone);
      else if (p.idFromName && k === ID_FROM[kind]?.id) base.push(idFromText(g, r, kind, byField));
      else base.push(null);
    });
    if (bad) continue;
    if (eventCapital.length) {
      // one record per capital column holding a figure, with that column's event and date
      const ci = fields.indexOf('capital');
      const ei = fields.indexOf('event');
      const di = fields.indexOf('date');
      const filled = eventCapital.filter((c) => !isBlank(g.at(r, c.col)));
      if (!filled.length) {
        problems.add('warning', cellAddress(g.name, r, br.labelCol), 'staffRowNoFigure', { row: r, text: br.label, columns: eventCapital.map((c) => `"${c.header}"`).join(', ') });
        continue;
      }
      for (const c of filled) {
        const conv = convert(g.at(r, c.col), c, source, r);
        if (!conv.ok) continue;
        const dateCol = eventDate.get(c.event!) ?? anyDate;
        const row = base.slice();
        const here = columnNumbers.slice();
        row[ci] = conv.v;
        here[ci] = c.col;
        row[ei] = EVENT_TEXT[c.event!];
        here[ei] = c.col;
        if (dateCol) {
          row[di] = g.at(r, dateCol.col);
          here[di] = dateCol.col;
        }
        rows.push(row);
        rowNumbers.push(r);
        rowColumnNumbers.push(here);
      }
      continue;
    }
    if (!monthKeys.length) {
      rows.push(base);
      rowNumbers.push(r);
      rowColumnNumbers.push(undefined);
      continue;
    }
    // Months laid out across: one row per month that holds a figure.
    for (const mk of monthKeys) {
      const cols = months.get(mk)!;
      if (cols.every((c) => isBlank(g.at(r, c.col)))) continue;
      const row = base.slice();
      const here = columnNumbers.slice();
      let badMonth = false;
      for (const c of cols) {
        const i = fields.indexOf(c.field!);
        const conv = convert(g.at(r, c.col), c, source, r);
        if (!conv.ok) badMonth = true;
        row[i] = conv.ok ? conv.v : null;
        here[i] = c.col;
      }
      if (badMonth) continue;
      const mi = fields.indexOf('month');
      row[mi] = `${mk.slice(5)}/${mk.slice(0, 4)}`;
      here[mi] = cols[0].col;
      rows.push(row);
      rowNumbers.push(r);
      rowColumnNumbers.push(here);
    }
  }

  reportSkippedRows(g, p, problems);
  reportColumnReading(g, p, problems);
  checkTotals(g, p, problems, lang);
  const snap: TableSnapshot = {
    name: p.sheet,
    kind: def.vi,
    sheet: p.sheet,
    headerRow: block.headerBottom,
    firstColumn: block.left,
    headers,
    rows,
    rowNumbers,
    columnNumbers,
    range: p.range,
  };
  if (monthKeys.length || eventCapital.length) snap.rowColumnNumbers = rowColumnNumbers;
  return snap;
}

const EVENT_VI: Record<ProjectEvent, { vi: string; en: string }> = {
  new: { vi: 'cấp mới', en: 'new' },
  adjust: { vi: 'điều chỉnh', en: 'adjustment' },
  terminate: { vi: 'chấm dứt', en: 'termination' },
};

/**
 * What was read as what, in the staff's words: a column told by its values ("Ghi chú": Cấp GCNĐKĐT
 * → cấp mới, Thu hồi → chấm dứt), and capital columns holding one event each.
 */
function reportColumnReading(g: GridView, p: Proposal, problems: Problems): void {
  const lang = problems.lang;
  const where = `${quoteSheet(p.sheet)}!${p.range}`;
  for (const c of p.columns.filter((x) => x.byValues)) {
    const seen = new Map<string, string>();
    for (const br of p.block.rows) {
      if (br.type !== 'data') continue;
      const v = g.at(br.row, c.col);
      if (typeof v !== 'string' || seen.has(v.trim()) || seen.size >= 12) continue;
      const ev = c.field === 'event' ? eventOfValue(v) : null;
      const src = c.field === 'source' ? sourceOfValue(v) : null;
      const read = ev ? EVENT_VI[ev][lang] : src ?? (lang === 'vi' ? 'không nhận ra' : 'not recognised');
      seen.set(v.trim(), read);
    }
    const values = [...seen].map(([v, read]) => `"${v}" → ${read}`).join(', ');
    problems.add('info', cellAddress(g.name, p.block.headerTop, c.col), 'staffColumnValues', { sheet: p.sheet, column: columnLetters(c.col), header: c.header || '—', field: fieldName(p.kind!, c.field!, lang).toLowerCase(), values });
  }
  const events = p.columns.filter((x) => x.field === 'capital' && x.event);
  if (events.length) {
    const dates = p.columns.filter((x) => x.field === 'date');
    const columns = events
      .map((c) => {
        const d = dates.find((x) => x.event === c.event) ?? dates.find((x) => !x.event);
        return `"${c.header}" → ${EVENT_VI[c.event!][lang]}${d ? ` (${lang === 'vi' ? 'ngày' : 'date'}: "${d.header}")` : ''}`;
      })
      .join('; ');
    problems.add('info', where, 'staffEventColumns', { sheet: p.sheet, range: p.range, columns });
  }
}

function reportSkippedRows(g: GridView, p: Proposal, problems: Problems): void {
  for (const br of p.block.rows) {
    const code = br.type === 'group' ? 'staffGroupRow' : br.type === 'subtotal' ? 'staffSubtotalRow' : br.type === 'total' ? 'staffTotalRow' : br.type === 'note' ? 'staffNoteRow' : null;
    if (code) problems.add('info', cellAddress(g.name, br.row, br.labelCol), code, { row: br.row, text: br.label });
  }
}

/** The rows a total, subtotal or group row closes: those before it since the last boundary, else those after it. */
function closedRows(rows: BlockRow[], i: number): BlockRow[] {
  const t = rows[i].type;
  const boundary = (x: BlockRow) => (t === 'total' ? x.type === 'total' : x.type === 'group' || x.type === 'subtotal' || x.type === 'total');
  const collect = (from: number, step: number) => {
    const out: BlockRow[] = [];
    for (let j = from; j >= 0 && j < rows.length && !boundary(rows[j]); j += step) if (rows[j].type === 'data') out.push(rows[j]);
    return out;
  };
  if (t !== 'group') {
    const before = collect(i - 1, -1);
    if (before.length) return before;
  }
  return collect(i + 1, 1);
}

function checkTotals(g: GridView, p: Proposal, problems: Problems, lang: 'vi' | 'en'): void {
  const measures = MEASURES[p.kind!];
  const cols = p.columns.filter((c) => c.field && measures.includes(c.field));
  const rows = p.block.rows;
  rows.forEach((br, i) => {
    if (br.type !== 'total' && br.type !== 'subtotal' && br.type !== 'group') return;
    const closed = closedRows(rows, i);
    if (!closed.length) return;
    for (const c of cols) {
      const t = g.at(br.row, c.col);
      if (isBlank(t)) continue;
      const tv = parseNumber(t);
      if (!tv.ok) continue;
      const values: number[] = [];
      for (const d of closed) {
        const v = parseNumber(g.at(d.row, c.col));
        if (v.ok) values.push(v.value);
      }
      const sum = exactSum(values);
      const tol = 1e-9 * Math.max(1, Math.abs(sum), Math.abs(tv.value));
      if (Math.abs(sum - tv.value) <= tol) continue;
      problems.add('warning', cellAddress(g.name, br.row, c.col), 'staffTotalMismatch', {
        row: br.row,
        text: br.label,
        header: c.header,
        total: fmt(tv.value, lang),
        sum: fmt(sum, lang),
        rows: closed.length,
      });
    }
  });
}

export function sheetRange(sheet: string, range: string): string {
  return `${quoteSheet(sheet)}!${range}`;
}
