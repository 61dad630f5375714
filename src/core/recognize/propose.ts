import { TABLE_BY_KIND } from '../records/schema';
import { fieldName } from '../staff-words';
import { areaRef } from './grid';
import { Block, BlockColumn } from './blocks';
import { FixedValues, ProjectEvent, eventOfHeader, eventOfValue, fixedFromText, isAcrossTotal, monthLabel, sourceOfValue } from './fixed';
import { MoneyUnit, findMoneyUnit, withoutUnit } from './units';
import { DATA_KINDS, DEFAULT_MEASURE, DataKind, ID_FROM, MEASURES, NEEDS_ONE_OF, kindHintScore, matchField } from './vocab';
import { fold } from './words';

/** A reason in both languages, like problems. */
export interface Reason {
  vi: string;
  en: string;
}

export interface ColumnMapping {
  /** 1-based worksheet column. */
  col: number;
  header: string;
  /** Contract field key, or null when the column is not used. */
  field: string | null;
  /** The money unit written in the header (or the title's "ĐVT"), converted to the contract unit. */
  unit?: MoneyUnit;
  /** 'YYYY-MM' for a month laid out across. */
  month?: string;
  /** Projects: the event this capital or date column holds ("Vốn đăng ký mới", "Ngày điều chỉnh"): a row gives one record per event with a figure. */
  event?: ProjectEvent;
  /** The field was told by the values the column holds (Cấp mới, Thu hồi, FDI, Trong nước), whatever its header. */
  byValues?: boolean;
  /** Why the column is not used, when it is not. */
  unused?: 'hidden' | 'stt' | 'unknown' | 'duplicate' | 'acrossTotal' | 'noYear' | 'empty' | 'part';
}

/** How one block of a staff sheet is proposed to be read. */
export interface Proposal {
  sheet: string;
  /** A1 range of the header and data rows (no sheet). */
  range: string;
  kind: DataKind | null;
  confidence: number;
  /** Whether the proposal is good enough to be read (confidence ≥ 0.6 and every required field found). */
  usable: boolean;
  columns: ColumnMapping[];
  /** Values implied by the sheet name or title, for fields without a column. */
  fixed: Record<string, string>;
  /** Title or "ĐVT" unit applied to money columns without their own. */
  titleUnit?: MoneyUnit;
  /** Zone filled from group rows ("I. KCN Đình Vũ") when no column holds it. */
  zoneFromGroups: boolean;
  /** The id taken from the name column (a task's from its content) when the list has no code column (ID_FROM). */
  idFromName: boolean;
  reasons: Reason[];
  block: Block;
}

export const MIN_CONFIDENCE = 0.6;

interface Candidate {
  kind: DataKind;
  confidence: number;
  columns: ColumnMapping[];
  fixed: Record<string, string>;
  zoneFromGroups: boolean;
  idFromName: boolean;
  missing: string[];
}

const pct = (x: number) => Math.round(x * 100);

/** Proposes a contract kind and a column → field mapping for a block. */
export function proposeBlock(block: Block): Proposal {
  const lastRow = block.rows.filter((r) => r.type !== 'note').reduce((m, r) => Math.max(m, r.row), block.headerBottom);
  const range = areaRef({ top: block.headerTop, left: block.left, bottom: lastRow, right: block.right });
  const titleTexts = [block.sheet, ...block.titles.map((t) => t.text)];
  const { fixed, reasons: fixedReasons, conflicts } = fixedFromText(titleTexts);
  const titleUnit = block.titles.map((t) => (/(dvt|don vi tinh|don vi|unit)/.test(fold(t.text)) ? findMoneyUnit(t.text) : null)).find((u) => u) ?? undefined;
  const hintText = fold(titleTexts.join(' '));
  const dataRows = block.rows.filter((r) => r.type === 'data').length;

  const candidates = DATA_KINDS.map((kind) => candidate(kind, block, fixed, hintText));
  candidates.sort((a, b) => b.confidence - a.confidence);
  const best = candidates[0];
  const reasons: Reason[] = [];
  let usable = best.confidence >= MIN_CONFIDENCE && best.missing.length === 0 && dataRows > 0;
  if (best.missing.length) {
    reasons.push({
      vi: `thiếu cột ${best.missing.map((k) => k.split('/').map((f) => `"${fieldName(best.kind, f, 'vi')}"`).join(' hoặc ')).join(', ')} của bảng ${TABLE_BY_KIND[best.kind].vi}`,
      en: `no ${best.missing.map((k) => k.split('/').map((f) => `"${fieldName(best.kind, f, 'en')}"`).join(' or ')).join(', ')} column for ${TABLE_BY_KIND[best.kind].en}`,
    });
  }
  if (dataRows === 0) reasons.push({ vi: 'không có dòng số liệu', en: 'no data rows' });
  if (candidates[1] && best.confidence - candidates[1].confidence < 0.05 && usable) {
    usable = false;
    reasons.push({
      vi: `không phân biệt được ${TABLE_BY_KIND[best.kind].vi} với ${TABLE_BY_KIND[candidates[1].kind].vi}`,
      en: `cannot tell ${TABLE_BY_KIND[best.kind].en} from ${TABLE_BY_KIND[candidates[1].kind].en}`,
    });
  }
  const fromColumns = new Set(best.columns.filter((c) => c.field).map((c) => c.field!));
  if (best.columns.some((c) => c.event)) fromColumns.add('event');
  const open = conflicts.filter((c) => (c === 'FDI/DDI' ? !fromColumns.has('source') : !fromColumns.has('event')));
  if (open.length) reasons.push({ vi: `tên trang/tiêu đề nêu cả ${open.join(', ')}: không lấy giá trị cố định`, en: `the sheet name/title names both ${open.join(', ')}: no fixed value taken` });
  const mapped = best.columns.filter((c) => c.field);
  if (usable) {
    const desc = (lang: 'vi' | 'en') =>
      mapped
        .map((c) => {
          const ev = c.event ? ` (${EVENT_WORDS[c.event][lang]})` : '';
          const how = c.byValues ? (lang === 'vi' ? ', theo giá trị trong cột' : ', from its values') : '';
          return `${c.header || (lang === 'vi' ? '(không tiêu đề)' : '(no header)')} → ${fieldName(best.kind, c.field!, lang)}${ev}${c.month ? ` (${c.month.slice(5)}/${c.month.slice(0, 4)})` : ''}${c.unit ? ` [${c.unit.text}]` : ''}${how}`;
        })
        .join('; ');
    reasons.unshift({ vi: `cột: ${desc('vi')}`, en: `columns: ${desc('en')}` });
    for (const [k, v] of Object.entries(best.fixed)) {
      const value = (lang: 'vi' | 'en') => (k === 'event' ? EVENT_WORDS[v as ProjectEvent][lang] : k === 'month' ? `${v.slice(5)}/${v.slice(0, 4)}` : v);
      reasons.push({ vi: `${fieldName(best.kind, k, 'vi')} ${value('vi')} theo tên trang/tiêu đề`, en: `${fieldName(best.kind, k, 'en')} ${value('en')} from the sheet name/title` });
    }
    if (fixedReasons.length && best.fixed.month) reasons.push({ vi: fixedReasons.join('; '), en: fixedReasons.join('; ') });
    if (titleUnit) reasons.push({ vi: `đơn vị tính chung: ${titleUnit.text}`, en: `unit for the table: ${titleUnit.text}` });
    if (best.zoneFromGroups) reasons.push({ vi: 'khu lấy theo dòng nhóm', en: 'zone taken from the group rows' });
    if (best.idFromName && best.kind === 'tasks') reasons.push({ vi: 'không có cột mã nhiệm vụ: dùng nội dung nhiệm vụ làm mã', en: 'no task id column: the task text is used as id' });
    else if (best.idFromName) reasons.push({ vi: 'không có cột mã dự án: dùng tên dự án làm mã', en: 'no project id column: the project name is used as id' });
    const skipped = best.columns.filter((c) => !c.field && c.unused && c.unused !== 'empty' && c.unused !== 'stt');
    if (skipped.length) {
      reasons.push({
        vi: `cột không dùng: ${skipped.map((c) => `${c.header || '(trống)'} (${UNUSED_VI[c.unused!]})`).join(', ')}`,
        en: `columns not used: ${skipped.map((c) => `${c.header || '(empty)'} (${UNUSED_EN[c.unused!]})`).join(', ')}`,
      });
    }
  }
  return {
    sheet: block.sheet,
    range,
    kind: best.confidence > 0 ? best.kind : null,
    confidence: Math.round(best.confidence * 100) / 100,
    usable,
    columns: best.columns,
    fixed: best.fixed,
    titleUnit,
    zoneFromGroups: best.zoneFromGroups,
    idFromName: best.idFromName,
    reasons,
    block,
  };
}

const EVENT_WORDS: Record<ProjectEvent, { vi: string; en: string }> = {
  new: { vi: 'cấp mới', en: 'new' },
  adjust: { vi: 'điều chỉnh', en: 'adjustment' },
  terminate: { vi: 'chấm dứt', en: 'termination' },
};

const UNUSED_EN: Record<NonNullable<ColumnMapping['unused']>, string> = {
  hidden: 'hidden',
  stt: 'row number',
  unknown: 'not recognised',
  duplicate: 'given twice',
  acrossTotal: 'total across',
  noYear: 'month without a year',
  empty: 'empty',
  part: '"of which" detail',
};

const UNUSED_VI: Record<NonNullable<ColumnMapping['unused']>, string> = {
  hidden: 'cột ẩn',
  stt: 'số thứ tự',
  unknown: 'không nhận ra',
  duplicate: 'trùng',
  acrossTotal: 'cột cộng',
  noYear: 'tháng chưa rõ năm',
  empty: 'trống',
  part: 'chi tiết "trong đó"',
};

function candidate(kind: DataKind, block: Block, fixedAll: FixedValues, hintText: string): Candidate {
  const def = TABLE_BY_KIND[kind];
  const columns: ColumnMapping[] = [];
  const best = new Map<string, { weight: number; idx: number }>();
  const measures = MEASURES[kind];
  // A measure named by the title for months laid out across ("SỐ LAO ĐỘNG", "DOANH THU").
  const titleField = matchField(kind, hintText);
  const titleMeasure = titleField && measures.includes(titleField.key) ? titleField.key : DEFAULT_MEASURE[kind];
  let across = 0;
  // "Tổng …", "Cộng" are totals across months only where months are laid out across: elsewhere
  // "Tổng số lao động", "Tổng vốn đầu tư" are the figures themselves
  const monthsAcross = block.columns.some((bc) => bc.header && monthLabel(withoutUnit(bc.header)) !== null);
  const matched: (string | null)[] = [];
  for (const bc of block.columns) {
    const byHeader = mapColumn(kind, bc, fixedAll, titleMeasure, monthsAcross);
    const told = kind === 'projects' ? byValues(bc) : null;
    // the values decide only where the header does not already say the same
    const m = told && told.field !== byHeader.field ? told : byHeader;
    matched.push(m.field);
    if (m.field && !m.mapping.month) {
      const prev = best.get(m.field);
      if (prev && prev.weight >= m.weight) {
        m.mapping.field = null;
        m.mapping.unused = 'duplicate';
      } else {
        if (prev) {
          columns[prev.idx].field = null;
          columns[prev.idx].unused = 'duplicate';
        }
        best.set(m.field, { weight: m.weight, idx: columns.length });
      }
    }
    if (m.mapping.month && m.mapping.field) across++;
    columns.push(m.mapping);
  }
  const eventsAcross = kind === 'projects' && !columns.some((c) => c.field === 'event') && eventColumns(columns, matched);
  const has = new Set(columns.filter((c) => c.field).map((c) => c.field!));
  if (across) has.add('month');
  if (eventsAcross) has.add('event');
  const fixed: Record<string, string> = {};
  if (kind === 'projects') {
    if (!has.has('source') && fixedAll.source) fixed.source = fixedAll.source;
    if (!has.has('event') && fixedAll.event) fixed.event = fixedAll.event;
  }
  if ((kind === 'labour' || kind === 'revenue' || kind === 'budget') && !has.has('month') && fixedAll.month) fixed.month = fixedAll.month;
  for (const k of Object.keys(fixed)) has.add(k);
  const zoneFromGroups = def.columns.some((c) => c.key === 'zone') && !has.has('zone') && block.rows.some((r) => r.type === 'group');
  const idFrom = ID_FROM[kind];
  const idFromName = !!idFrom && !has.has(idFrom.id) && has.has(idFrom.from);
  if (idFromName) has.add(idFrom!.id);
  const required = def.columns.filter((c) => c.required).map((c) => c.key);
  const missing = required.filter((k) => !has.has(k));
  const oneOf = NEEDS_ONE_OF[kind];
  if (oneOf && !oneOf.some((k) => has.has(k))) missing.push(oneOf.join('/'));
  const usableCols = columns.filter((c) => c.unused !== 'stt' && c.unused !== 'hidden' && c.unused !== 'empty' && c.unused !== 'acrossTotal');
  const mappedCols = usableCols.filter((c) => c.field).length;
  const reqCov = required.length ? (required.length - required.filter((k) => !has.has(k)).length) / required.length : 1;
  const colCov = usableCols.length ? mappedCols / usableCols.length : 0;
  const hint = Math.min(1, kindHintScore(kind, hintText));
  let confidence = 0.55 * reqCov + 0.3 * colCov + 0.15 * hint;
  if (missing.length) confidence = Math.min(confidence, 0.45);
  if (mappedCols < 2) confidence = Math.min(confidence, 0.3);
  return { kind, confidence, columns, fixed, zoneFromGroups, idFromName, missing };
}

/**
 * A project list's column told by what staff write in it, whatever its header: events (Cấp mới,
 * Cấp GCNĐKĐT, Điều chỉnh tăng vốn, Chấm dứt, Thu hồi, New…) or sources (FDI, DDI, Trong nước,
 * Nước ngoài, Foreign, Domestic), in four of five of its filled cells or more.
 */
function byValues(bc: BlockColumn): { mapping: ColumnMapping; field: string; weight: number } | null {
  if (bc.stt || bc.hidden || !bc.filled || !bc.texts) return null;
  const share = (f: (v: string) => unknown) => bc.texts!.filter((t) => f(t)).length / bc.filled!;
  const field = share(eventOfValue) >= 0.8 ? 'event' : share(sourceOfValue) >= 0.8 ? 'source' : null;
  if (!field) return null;
  return { mapping: { col: bc.col, header: bc.header, field, byValues: true }, field, weight: 1000 };
}

/**
 * New and adjusted capital as columns of one row ("Vốn đăng ký mới | Vốn điều chỉnh"): two capital
 * columns or more whose headers name different events. Each such column (and each date column
 * naming an event, "Ngày điều chỉnh") is marked with its event; capital columns naming none are
 * left out. Returns whether the list is read so.
 */
function eventColumns(columns: ColumnMapping[], matched: (string | null)[]): boolean {
  const capital = columns.filter((c, i) => matched[i] === 'capital' && !c.month);
  const events = capital.map((c) => eventOfHeader(c.header));
  if (new Set(events.filter((e) => e)).size < 2) return false;
  capital.forEach((c, i) => {
    if (events[i]) {
      c.field = 'capital';
      c.event = events[i]!;
      delete c.unused;
    } else {
      c.field = null;
      c.unused = 'duplicate';
    }
  });
  columns.forEach((c, i) => {
    if (matched[i] !== 'date') return;
    const e = eventOfHeader(c.header);
    if (e && events.includes(e)) {
      c.field = 'date';
      c.event = e;
      delete c.unused;
    }
  });
  return true;
}

function mapColumn(kind: DataKind, bc: BlockColumn, fixed: FixedValues, titleMeasure: string | undefined, monthsAcross: boolean): { mapping: ColumnMapping; field: string | null; weight: number } {
  const mapping: ColumnMapping = { col: bc.col, header: bc.header, field: null };
  const none = (why: ColumnMapping['unused']) => {
    mapping.unused = why;
    return { mapping, field: null, weight: 0 };
  };
  if (!bc.header) return none('empty');
  if (bc.stt) return none('stt');
  if (bc.hidden) return none('hidden');
  const unit = findMoneyUnit(bc.header) ?? undefined;
  const plain = withoutUnit(bc.header);
  const ml = monthLabel(plain);
  let text = plain;
  if (ml) {
    const year = ml.year ?? fixed.year;
    if (year === undefined) return none('noYear');
    mapping.month = `${year}-${String(ml.month).padStart(2, '0')}`;
    text = withoutUnit(ml.rest);
  } else if (isAcrossTotal(plain, monthsAcross) && kind !== 'targets') {
    return none('acrossTotal');
  } else if (bc.parts.some((t) => /^(trong do|trong so|in which|of which|including)( |$)/.test(fold(t)))) {
    // "Trong đó: lao động nữ" is a part of the figure beside it, never the figure
    return none('part');
  }
  // Composite headers: the lowest part that names a field wins ("GCNĐKĐT / Số GCN" is the id,
  // "Vốn đầu tư / Điều chỉnh" the capital); else the whole text.
  let m: ReturnType<typeof matchField> = null;
  const parts = text.split(' / ');
  for (let i = parts.length - 1; i >= 0 && !m; i--) m = matchField(kind, fold(parts[i]));
  if (!m && text) m = matchField(kind, fold(text));
  if (ml) {
    const field = m && MEASURES[kind].includes(m.key) ? m.key : !m || !text ? titleMeasure : undefined;
    if (!field) {
      delete mapping.month;
      return none('unknown');
    }
    mapping.field = field;
    if (unit) mapping.unit = unit;
    return { mapping, field, weight: 1 };
  }
  if (!m) return none('unknown');
  if (m.key === 'month' && kind !== 'targets') {
    // "Tháng" as a column of months is fine; a header naming a month is handled above.
  }
  mapping.field = m.key;
  if (unit) mapping.unit = unit;
  return { mapping, field: m.key, weight: m.weight };
}

export { pct };
