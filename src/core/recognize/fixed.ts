import { CellValue } from '../records/snapshot';
import { fold, hasWords, memoOnText } from './words';

/** Values a sheet name or title implies for every row of a list. */
export interface FixedValues {
  source?: 'FDI' | 'DDI';
  event?: 'new' | 'adjust' | 'terminate';
  /** 'YYYY-MM' when the list is for one month ("T6-2023", "Tháng 6/2023"). */
  month?: string;
  /** A year named without a month ("năm 2023"): completes month headers like "Tháng 1". */
  year?: number;
}

const pad = (m: number) => String(m).padStart(2, '0');

/** What a sheet name and title lines say: FDI/DDI, cấp mới/điều chỉnh/chấm dứt, a month, a year. */
export function fixedFromText(texts: string[]): { fixed: FixedValues; reasons: string[]; conflicts: string[] } {
  const fixed: FixedValues = {};
  const reasons: string[] = [];
  const conflicts: string[] = [];
  const sources = new Set<'FDI' | 'DDI'>();
  const events = new Set<'new' | 'adjust' | 'terminate'>();
  for (const raw of texts) {
    const f = fold(raw);
    if (hasWords(f, 'fdi') || /dau tu (truc tiep )?nuoc ngoai|von nuoc ngoai|foreign/.test(f)) sources.add('FDI');
    if (hasWords(f, 'ddi') || /dau tu trong nuoc|von trong nuoc|domestic/.test(f)) sources.add('DDI');
    if (/cap moi|\bnew\b|newly licensed/.test(f)) events.add('new');
    if (/dieu chinh|tang von|\badjust/.test(f)) events.add('adjust');
    if (/cham dut|thu hoi|\btermina/.test(f)) events.add('terminate');
    const m = /(?:^| )(?:thang|t|th|month)\s?(\d{1,2})(?: nam | |$)(\d{4})(?: |$)/.exec(f) ?? /(?:^| )(\d{1,2}) (\d{4})(?: |$)/.exec(f);
    if (m && !fixed.month && Number(m[1]) >= 1 && Number(m[1]) <= 12) {
      fixed.month = `${m[2]}-${pad(Number(m[1]))}`;
      reasons.push(`month ${pad(Number(m[1]))}/${m[2]} ← "${raw.trim()}"`);
    }
    const en = /(?:^| )(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* (\d{4})(?: |$)/.exec(f);
    if (en && !m && !fixed.month) {
      const month = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(en[1]) + 1;
      fixed.month = `${en[2]}-${pad(month)}`;
      reasons.push(`month ${pad(month)}/${en[2]} ← "${raw.trim()}"`);
    }
    // a list for "6 tháng đầu năm 2023" (or 3, 9, 12 months) holds the totals of those months: they
    // are read as the figures of their last month, so the period's sum is theirs
    const cumulative = /(?:^| )(3|6|9|12) thang (?:dau |dau nam |nam )*(\d{4})(?: |$)/.exec(f);
    if (cumulative && !fixed.month) {
      fixed.month = `${cumulative[2]}-${pad(Number(cumulative[1]))}`;
      reasons.push(`${cumulative[1]} tháng năm ${cumulative[2]} → ${pad(Number(cumulative[1]))}/${cumulative[2]} ← "${raw.trim()}"`);
    }
    const y = /(?:^| )(?:nam|year)\s(\d{4})(?: |$)/.exec(f);
    if (y && fixed.year === undefined) fixed.year = Number(y[1]);
  }
  if (sources.size === 1) {
    fixed.source = [...sources][0];
  } else if (sources.size > 1) conflicts.push('FDI/DDI');
  if (events.size === 1) fixed.event = [...events][0];
  else if (events.size > 1) conflicts.push([...events].join('/'));
  if (fixed.month && fixed.year === undefined) fixed.year = Number(fixed.month.slice(0, 4));
  return { fixed, reasons, conflicts };
}

export interface MonthLabel {
  month: number;
  year?: number;
  /** The header text left once the month is taken out ("Số LĐ"). */
  rest: string;
}

const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A month laid out across: "Tháng 1", "T1", "Th.1/2023", "01/2023", "Jan 2023", or a date cell. */
export function monthLabel(v: CellValue | string): Readonly<MonthLabel> | null {
  if (v instanceof Date) return { month: v.getUTCMonth() + 1, year: v.getUTCFullYear(), rest: '' };
  if (typeof v !== 'string') return null;
  return monthOfText(v);
}

const monthOfText = memoOnText((v: string): MonthLabel | null => {
  const parts = v.split(' / ');
  for (let i = 0; i < parts.length; i++) {
    const f = fold(parts[i]);
    const rest = parts.filter((_, j) => j !== i).join(' / ');
    let m = /^(?:thang|t|th|month)\s?(\d{1,2})(?:\s(?:nam\s)?(\d{4}))?$/.exec(f) ?? /^(\d{1,2})\s(\d{4})$/.exec(f);
    if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return { month: Number(m[1]), year: m[2] ? Number(m[2]) : undefined, rest };
    m = /^([a-z]{3})[a-z]*(?:\s(\d{4}))?$/.exec(f);
    if (m && EN_MONTHS.includes(m[1])) return { month: EN_MONTHS.indexOf(m[1]) + 1, year: m[2] ? Number(m[2]) : undefined, rest };
  }
  return null;
});

/**
 * Column headers that are totals across months ("Cộng", "Lũy kế", "Tổng 6 tháng"): never data.
 * "Tổng …"/"Cộng …"/"Total …" count as such only when months are laid out across (`monthsAcross`):
 * elsewhere "Tổng số lao động" or "Total investment" is the figure itself. "Lũy kế" is never an event's figure.
 */
export function isAcrossTotal(header: string, monthsAcross = true): boolean {
  const f = fold(header);
  if (/^(luy ke|ytd|year to date)( |$)/.test(f) || /(?:^| )luy ke(?: |$)/.test(f)) return true;
  return monthsAcross && (/^(cong|tong|tong cong|total|ca nam|6 thang|cong 6 thang|tong 6 thang)( |$)/.test(f) || /(?:^| )total(?: |$)/.test(f));
}

export type ProjectEvent = 'new' | 'adjust' | 'terminate';

/** The event a project list's cell names, as staff write it: Cấp mới, Cấp GCNĐKĐT, Điều chỉnh tăng vốn, Thu hồi, New, … */
export function eventOfValue(v: CellValue): ProjectEvent | null {
  if (typeof v !== 'string') return null;
  const f = fold(v);
  if (/^(cham dut|thu hoi|giai the|terminat|revoke|withdraw|closed)/.test(f)) return 'terminate';
  if (/^(dieu chinh|tang von|giam von|bo sung von|adjust|amend|capital (increase|decrease))/.test(f)) return 'adjust';
  if (/^(cap moi|moi|cap gcn|cap giay|cap lan dau|cap phep|cap|dang ky moi|new|licen[cs]ed|first licen)( |$)/.test(f) || /^newly/.test(f)) return 'new';
  return null;
}

/** The source a project list's cell names: FDI, DDI, Nước ngoài, Trong nước, Foreign, Domestic. */
export function sourceOfValue(v: CellValue): 'FDI' | 'DDI' | null {
  if (typeof v !== 'string') return null;
  const f = fold(v);
  if (/^(fdi|nuoc ngoai|von nuoc ngoai|dau tu nuoc ngoai|co von nuoc ngoai|dau tu truc tiep nuoc ngoai|foreign)( |$)/.test(f)) return 'FDI';
  if (/^(ddi|trong nuoc|von trong nuoc|dau tu trong nuoc|domestic)( |$)/.test(f)) return 'DDI';
  return null;
}

/** The event a capital or date column's header names ("Vốn đăng ký mới", "Ngày điều chỉnh", "Licence date"). */
export function eventOfHeader(header: string): ProjectEvent | null {
  const f = fold(header);
  if (/(^| )(cham dut|thu hoi|terminat\w*)( |$)/.test(f)) return 'terminate';
  if (/(^| )(dieu chinh|tang them|tang von|tang|giam|adjust\w*|increase|change)( |$)/.test(f)) return 'adjust';
  if (/(^| )(moi|cap moi|dang ky moi|cap|new|licen[cs]e|licensed|registered)( |$)/.test(f)) return 'new';
  return null;
}

/** The contract's words for an event, the same in both languages' tables. */
export const EVENT_TEXT: Record<ProjectEvent, string> = { new: 'Cấp mới', adjust: 'Điều chỉnh', terminate: 'Chấm dứt' };
