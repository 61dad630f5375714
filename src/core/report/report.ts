import { introduceAbbreviations } from './abbreviations';
import { figureName, paragraphName } from '../staff-words';
import { CATALOG, CATALOG_BY_KEY } from '../figures/catalog';
import { AnnexModel, annexAttachedTo } from './annexes';
import { ChartModel } from './charts';
import { TableModel } from './tables';
import { capitalise, dateLine, periodLabel, textDate, figureDecimals, formatNumber, roman } from './format';
import { WorkbookData } from '../records/mapping';
import { Metric, Metrics, Period, BudgetUnit, MetricValueType } from '../figures/metrics';
import { Inline, TemplateValue, metricValue, renderTemplate } from './narrative';
import { Outline, ancestors, compareOutline, parseOutline, renumber } from './outline';
import { Lang, Problem, Problems } from '../problems';
import { StaffMetricInfo } from '../figures/staff-metrics';
import { DEFAULT_HEADINGS, DEFAULT_TEMPLATES, GENERATED_SLOTS, MISSING_TEMPLATES, TEMPLATE_KEYS } from './templates';
import { formatCount2 } from './format';
import { cleanText } from '../records/text';
import type { FigureMemo } from '../figures/figure-memo';

export type Block =
  | { kind: 'heading'; level: number; text: string; section: string }
  /** `placeholder`: a marked blank for what the staff must still write ("[Cần bổ sung: …]"). */
  | { kind: 'paragraph'; inlines: Inline[]; section: string; generated: string | null; placeholder?: boolean }
  | { kind: 'figure'; chart: ChartModel; caption: string; section: string }
  /** A table of figures; its caption ("Bảng 1. …") stands above it. */
  | { kind: 'table'; table: TableModel; caption: string; section: string };

export interface Footnote {
  id: number;
  text: string;
}

export interface FigureRow {
  key: string;
  label: string;
  value: number | boolean | null;
  unit: string;
  /** Where it came from: table, filter, row count. */
  source: string;
  reason: string | null;
  /** The value as the report writes it (format.ts, the precision rule, with the workbook's own templates); '' when missing. */
  shown: string;
}

export interface ReportModel {
  lang: Lang;
  /**
   * "DỰ THẢO" at the top of the report, with one line saying how many rows were left out of the
   * figures and where to look, whenever rows were; null when the data are clean.
   */
  draft: { mark: string; note: string } | null;
  header: { parentAgency: string; agency: string; docNumber: string; nation: string; motto: string; placeDate: string };
  title: string;
  subject: string | null;
  blocks: Block[];
  footnotes: Footnote[];
  recipients: { heading: string; items: string[] };
  signature: { lines: string[]; name: string | null };
  /**
   * The lines of the header and the closing that are marked blanks for the staff to fill (a heading,
   * the signer's title and name): the writers highlight them, as they do placeholder paragraphs.
   */
  blanks: string[];
  /** The annexes (Phụ lục), each on its own pages after the signature; only those with rows. */
  annexes: AnnexModel[];
  figures: FigureRow[];
  /** Short lines for a summary of the main figures (CLI, task pane). */
  highlights: { label: string; text: string }[];
}

const STR = {
  vi: {
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    title: 'BÁO CÁO',
    recipients: 'Nơi nhận:',
    archive: 'Lưu: VT.',
    rows: 'dòng',
    draft: 'DỰ THẢO',
    leftOut: (n: number) => `(Còn ${formatNumber(n, 'vi')} dòng số liệu có lỗi chưa được tính vào báo cáo: xem trang tính “Kiểm tra” của sổ Excel báo cáo.)`,
  },
  en: {
    nation: 'SOCIALIST REPUBLIC OF VIETNAM',
    motto: 'Independence - Freedom - Happiness',
    title: 'REPORT',
    recipients: 'Recipients:',
    archive: 'Archive: VT.',
    rows: 'rows',
    draft: 'DRAFT',
    leftOut: (n: number) => `(${formatNumber(n, 'en')} row${n === 1 ? '' : 's'} with errors not yet counted in the report: see the “Checks” sheet of the report workbook.)`,
  },
};

/** The marked blanks of a draft, for what the staff must still write (issue 18). */
const PLACEHOLDERS = {
  vi: {
    opening: '[Cần bổ sung: đoạn mở đầu, nêu căn cứ và mục đích của báo cáo.]',
    sectionIHeading: '[TIÊU ĐỀ PHẦN I]',
    sectionI: '[Cần bổ sung: nội dung phần I (tình hình chung, công tác lãnh đạo, chỉ đạo, điều hành).]',
    closingHeading: 'PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI VÀ KIẾN NGHỊ',
    closing: '[Cần bổ sung: phương hướng, nhiệm vụ thời gian tới; kiến nghị, đề xuất; câu kết của báo cáo.]',
    signerTitle: '[CHỨC VỤ NGƯỜI KÝ]',
    signerName: '[Họ và tên người ký]',
  },
  en: {
    opening: '[To be written: the opening paragraph, with the grounds and purpose of the report.]',
    sectionIHeading: '[TITLE OF PART I]',
    sectionI: '[To be written: part I (general situation, leadership and direction).]',
    closingHeading: 'NEXT STEPS AND PROPOSALS',
    closing: '[To be written: tasks for the coming period; proposals and recommendations; the closing sentence.]',
    signerTitle: "[SIGNER'S TITLE]",
    signerName: "[Signer's full name]",
  },
};

/** Where a prior computed from the data comes from, as the footnote says it. */
const ORIGIN = {
  vi: { projects: ' (tổng hợp từ danh sách dự án được cấp phép)', revenue: ' (tổng hợp từ số liệu báo cáo của doanh nghiệp)' },
  en: { projects: ' (compiled from the list of licensed projects)', revenue: " (compiled from the enterprises' reported figures)" },
};

export function buildReportModel(
  data: WorkbookData,
  period: Period | null,
  metrics: Metrics,
  staff: StaffMetricInfo[],
  problems: Problems,
  charts: ChartModel[] = [],
  tables: TableModel[] = [],
  annexes: AnnexModel[] = [],
  rowsLeftOut = 0,
  memo?: FigureMemo,
): ReportModel {
  const lang = problems.lang;
  const s = data.settings;
  const S = STR[lang];
  const templates = { ...DEFAULT_TEMPLATES[lang] };
  for (const t of data.templates ?? []) {
    const key = t.key.trim();
    if (!TEMPLATE_KEYS.includes(key)) problems.add('warning', t.origin.cell('key'), 'templateUnknown', { key });
    else templates[key] = cleanText(t.template);
  }

  const pLabel = period ? periodLabel(period.start, period.end, lang) : null;
  const vars: Record<string, string | null> = {
    periodLabel: pLabel,
    PeriodLabel: pLabel && capitalise(pLabel),
    priorPeriodLabel: period ? periodLabel(period.priorStart, period.priorEnd, lang) : null,
    year: period ? String(period.year) : null,
    priorYear: period ? String(period.year - 1) : null,
    asOf: period ? textDate(period.asOf, lang) : null,
    periodStart: period ? textDate(period.start, lang) : null,
    periodEnd: period ? textDate(period.end, lang) : null,
    // once the staff's opening has introduced "(Ban Quản lý)", the text says that, not the full name again
    agency: s.agency && lang === 'vi' && /^ban quản lý\b/i.test(s.agency) && (data.sections ?? []).some((r) => r.text?.includes('(Ban Quản lý)')) ? 'Ban Quản lý' : s.agency ?? (lang === 'vi' ? 'Ban Quản lý' : 'the Authority'),
    tasks_open_detail: openTasksDetail(metrics, lang),
    // "(chi tiết tại Phụ lục 1)" where the text states what an annex lists, only when it exists
    ...annexReferences(annexes),
  };
  const targetsTable = data.tables.find((t) => t.kind === 'targets')?.name ?? 'KeHoach';
  // a prior of exactly 0 (stated, or summed from rows of that period) gives no ratio: say so rather
  // than drop the comparison; a 0 from no rows at all is no evidence and stays unsaid
  for (const [vs, prior] of [['fdi_vs_prior_pct', 'fdi_total_capital_prior'], ['ddi_vs_prior_pct', 'ddi_total_capital_prior'], ['revenue_vs_prior_pct', 'revenue_prior'], ['export_vs_prior_pct', 'export_prior'], ['import_vs_prior_pct', 'import_prior'], ['tax_paid_vs_prior_pct', 'tax_paid_prior']]) {
    const m = metrics.get(prior);
    const evidence = m?.source && (m.source.table === targetsTable || m.source.rows > 0);
    vars[`${vs}_zero`] = m?.value === 0 && evidence ? (lang === 'vi' ? ', cùng kỳ năm trước không có (0)' : ', against none in the same period last year') : null;
  }
  // a prior computed from the lists, not stated in the annual plans, says so in its footnote, in
  // an official's words (never the table's name)
  for (const key of ['fdi_total_capital_prior', 'ddi_total_capital_prior', 'revenue_prior', 'export_prior', 'import_prior', 'tax_paid_prior']) {
    const src = metrics.get(key)?.source;
    vars[`${key}_origin`] = src && src.table !== targetsTable ? ORIGIN[lang][key.startsWith('fdi') || key.startsWith('ddi') ? 'projects' : 'revenue'] : null;
  }
  const footnotes: Footnote[] = [];
  const noteIds = new Map<string, number>();
  const reported = new Set<string>();
  /** The figures each paragraph lacks, by paragraph and reason: one Kiểm tra line for each. */
  const missingInText = new Map<string, { paragraph: string; reason: string; names: string[] }>();

  const lookup = (name: string): TemplateValue | undefined => {
    if (name in vars) return { value: vars[name], reason: lang === 'vi' ? 'chưa xác định kỳ báo cáo' : 'the report period is not set' };
    const m = metrics.get(name);
    const staffInfo = staff.find((x) => x.key === name);
    return m ? { ...metricValue(m)!, kind: staffInfo ? 'amount' : undefined } : undefined;
  };
  const context = (paragraph: string) => ({
    lang,
    lookup,
    note: (key: string): number | null => {
      if (noteIds.has(key)) return noteIds.get(key)!;
      const src = templates[key];
      if (!src) return null;
      let missing = false;
      const inl = renderTemplate(src, { ...context(key), onMissing: () => (missing = true) });
      if (missing) return null;
      const id = footnotes.length + 1;
      footnotes.push({ id, text: inl.map((i) => (i.kind === 'text' ? i.text : '')).join('') });
      noteIds.set(key, id);
      return id;
    },
    unit: (u: BudgetUnit): Inline[] | null => renderUnit(u).inlines,
    units: (list: BudgetUnit[]): (Inline[] | null)[] => {
      // a live check renders the same units again (a replayed step sets the same list): kept while
      // each unit's sentence read nothing but the unit and said nothing (no footnote, no missing value)
      const key = JSON.stringify([lang, templates.budget_unit]);
      const kept = memo?.find(list, key);
      if (kept) return kept.value as (Inline[] | null)[];
      // and unit by unit, for a list with a few units changed (sameUnits keeps the others)
      const rendered = list.map((u) => {
        const was = memo?.find(u, key);
        if (was) return { inlines: was.value as Inline[] | null, pure: true };
        const r = renderUnit(u);
        if (memo && r.pure) memo.keep(u, key, r.inlines);
        return r;
      });
      if (memo && rendered.every((r) => r.pure)) memo.keep(list, key, rendered.map((r) => r.inlines));
      return rendered.map((r) => r.inlines);
    },
    onMissing: (name: string, reason: string) => {
      // a yes/no flag (Có số ước tính) changes a word, not a figure: its absence is not worth a line
      if (CATALOG_BY_KEY.get(name)?.kind === 'flag') return;
      const named = paragraphName(paragraph, lang);
      const k = `${named}|${reason}`;
      const names = missingInText.get(k) ?? missingInText.set(k, { paragraph: named, reason, names: [] }).get(k)!;
      if (!names.names.includes(name)) names.names.push(name);
    },
    onUnknown: (name: string) => {
      const k = `unknown|${paragraph}|${name}`;
      if (reported.has(k)) return;
      reported.add(k);
      problems.add('warning', null, 'templatePlaceholder', { key: paragraphName(paragraph, lang), name });
    },
  });

  /** One budget unit's sentence; `pure` when it read only the unit's own fields and called back nothing. */
  const renderUnit = (u: BudgetUnit): { inlines: Inline[] | null; pure: boolean } => {
    let pure = true;
    const unitLookup = (name: string): TemplateValue | undefined => {
      const why = lang === 'vi' ? `chưa có kế hoạch của ${u.unit}` : `no plan for ${u.unit}`;
      if (name === 'unit') return { value: u.unit, reason: null };
      if (name === 'amount') return { value: u.amount, reason: null, kind: 'amount' };
      if (name === 'plan') return { value: u.plan, reason: why, kind: 'amount' };
      if (name === 'pct_plan') return { value: u.pct_plan, reason: why, kind: 'pct' };
      pure = false;
      return lookup(name);
    };
    const ctx = context('budget_unit');
    const inlines = renderTemplate(templates.budget_unit, {
      ...ctx,
      lookup: unitLookup,
      note: (key) => ((pure = false), ctx.note(key)),
      onMissing: (name, reason) => ((pure = false), ctx.onMissing(name, reason)),
      onUnknown: (name) => ((pure = false), ctx.onUnknown(name)),
    });
    return { inlines, pure };
  };

  const paragraphsFor = (key: string): Inline[][] => {
    const src = templates[key];
    if (!src) return [];
    return src
      .split(/\r?\n/)
      .filter((line) => line.trim())
      .map((line) => {
        // a figure the sentence cannot do without is missing: say so in words instead of "…"
        let reason: string | null = null;
        const ctx = context(key);
        const rendered = renderTemplate(line, { ...ctx, onMissing: (name, why) => (reason ??= why || name, ctx.onMissing(name, why)) });
        const fallback = MISSING_TEMPLATES[lang][key] ?? MISSING_TEMPLATES[lang].other;
        if (reason === null || !fallback) return rendered;
        const why: string = reason;
        return renderTemplate(fallback, { ...ctx, lookup: (name) => (name === 'reason' ? { value: why, reason: null } : lookup(name)) });
      });
  };

  // Sections: staff rows grouped by outline id, generated slots added, all in outline order.
  interface Sec {
    outline: Outline;
    heading: string | null;
    paragraphs: { inlines: Inline[]; generated: string | null; placeholder?: boolean }[];
    order: number;
  }
  const sections = new Map<string, Sec>();
  const unplaced: Sec = { outline: { id: '?', path: [9999], level: 0, label: '' }, heading: null, paragraphs: [], order: 0 };
  let order = 0;
  const ensure = (o: Outline): Sec => {
    let sec = sections.get(o.id);
    if (!sec) sections.set(o.id, (sec = { outline: o, heading: null, paragraphs: [], order: order++ }));
    return sec;
  };
  // Generated first so that they lead their section, then the staff's prose in table order.
  if (period) {
    for (const slot of GENERATED_SLOTS) {
      if (slot.onlyWith && !data.tables.some((t) => t.kind === slot.onlyWith)) continue;
      const o = parseOutline(slot.section)!;
      const sec = ensure(o);
      for (const a of ancestors(o)) ensure(parseOutline(a)!);
      const keys = slot.group && data.templates?.some((t) => t.key.trim() === slot.group) ? [slot.group] : slot.keys;
      for (const key of keys) {
        let k = key;
        if (key === 'tasks_timeliness') {
          const late = metrics.get('tasks_done_late')?.value;
          const overdue = metrics.get('tasks_overdue')?.value;
          if (typeof late !== 'number' || typeof overdue !== 'number') continue;
          k = late === 0 && overdue === 0 ? 'tasks_all_on_time' : 'tasks_some_late';
          if (templates.tasks_timeliness && data.templates?.some((t) => t.key.trim() === 'tasks_timeliness')) k = 'tasks_timeliness';
        }
        for (const inlines of paragraphsFor(k)) sec.paragraphs.push({ inlines, generated: key });
      }
    }
  }
  for (const row of data.sections ?? []) {
    const o = parseOutline(row.section);
    if (!o) problems.add('warning', row.origin.cell('section'), 'sectionBad', { text: row.section });
    const sec = o ? ensure(o) : unplaced;
    if (row.heading && !sec.heading) sec.heading = row.heading;
    if (row.text) sec.paragraphs.push({ inlines: [{ kind: 'text', text: row.text }], generated: null });
  }
  // A whole draft from data alone: what the staff have not written stands as a marked blank, each
  // one said on Kiểm tra; then the sections the staff did not number are numbered in sequence.
  const staffIds = new Set<string>();
  for (const row of data.sections ?? []) {
    const o = parseOutline(row.section);
    if (o && o.level > 0) for (const id of [...ancestors(o), o.id]) staffIds.add(id);
  }
  const P = PLACEHOLDERS[lang];
  const blank = (text: string) => ({ inlines: [{ kind: 'text' as const, text }], generated: null, placeholder: true });
  if (!sections.get('MoDau')?.paragraphs.length) {
    ensure(parseOutline('MoDau')!).paragraphs.push(blank(P.opening));
    problems.add('warning', null, 'draftOpening');
  }
  if (![...staffIds].some((id) => parseOutline(id)!.path[0] === 1)) {
    const sec = ensure(parseOutline('I')!);
    sec.heading = P.sectionIHeading;
    sec.paragraphs.push(blank(P.sectionI));
    problems.add('warning', null, 'draftSectionI');
  }
  const lastGenerated = Math.max(0, ...GENERATED_SLOTS.map((g) => parseOutline(g.section)!.path[0]));
  if (!sections.get('KetLuan')?.paragraphs.length && ![...staffIds].some((id) => parseOutline(id)!.path[0] > lastGenerated)) {
    const sec = ensure(parseOutline(roman(lastGenerated + 1))!);
    sec.heading = P.closingHeading;
    sec.paragraphs.push(blank(P.closing));
    problems.add('warning', null, 'draftClosing');
  }
  for (const { paragraph, reason, names } of missingInText.values()) {
    const quoted = names.map((n) => `"${figureName(n, lang)}"`);
    const and = lang === 'vi' ? ' và ' : ' and ';
    const keys = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')}${and}${quoted[quoted.length - 1]}`;
    problems.add('warning', null, 'metricMissingInText', { paragraph, keys, count: names.length, reason });
  }
  const numbers = renumber([...sections.values()].map((x) => x.outline), staffIds);
  const ordered = [...sections.values()]
    .map((sec) => ({ ...sec, key: sec.outline.id, outline: numbers.get(sec.outline.id) ?? sec.outline }))
    .sort((a, b) => compareOutline(a.outline, b.outline) || a.order - b.order);
  if (unplaced.paragraphs.length) ordered.push({ ...unplaced, key: '?' });
  const blocks: Block[] = [];
  for (const sec of ordered) {
    const o = sec.outline;
    // a generated section keeps its heading when it is numbered anew
    const heading = sec.heading ?? DEFAULT_HEADINGS[lang][sec.key] ?? null;
    if (o.level > 0 && (heading || sec.paragraphs.length)) {
      const text = heading ? stripNumber(heading, o.label) : '';
      const shown = o.level === 1 ? text.toLocaleUpperCase('vi') : text;
      blocks.push({ kind: 'heading', level: o.level, text: `${o.label} ${shown}`.trim(), section: o.id });
    }
    for (const p of mergeMissing(sec.paragraphs, lang)) blocks.push({ kind: 'paragraph', inlines: p.inlines, section: o.id, generated: p.generated, ...(p.placeholder ? { placeholder: true } : {}) });
  }
  placeFigures(blocks, charts, lang);
  placeTables(blocks, tables, lang);
  introduceAbbreviations(blocks, lang);

  const recipients = (s.recipients ?? '')
    .split(/\r?\n|;/)
    .map((r) => r.trim().replace(/^[-–•+]\s*/, '').replace(/[;.,]+$/, ''))
    .filter(Boolean);
  if (!recipients.some((r) => /^(lưu|archive)\b/i.test(r))) recipients.push(S.archive.replace(/\.$/, ''));
  const items = recipients.map((r, i) => `- ${r}${i === recipients.length - 1 ? '.' : ';'}`);

  if (!s.signerTitle) problems.add('warning', data.settingsOrigin.signerTitle ?? null, 'draftSignerTitle');
  if (!s.signerName) problems.add('warning', data.settingsOrigin.signerName ?? null, 'draftSignerName');
  // no NgayBaoCao: blanks to fill at signing, in the year of the period's end (workbook contract)
  const year = s.periodEnd ? s.periodEnd.slice(0, 4) : null;
  const attachedTo = attachedLine(s.docNumber, s.reportDate, year, s.agency, lang);
  const docNumber = s.docNumber ? (/^số\b/i.test(s.docNumber) || lang === 'en' ? s.docNumber : `Số: ${s.docNumber}`) : lang === 'vi' ? 'Số: …/BC-…' : 'No.: …';
  return {
    lang,
    draft: rowsLeftOut > 0 ? { mark: S.draft, note: S.leftOut(rowsLeftOut) } : null,
    header: {
      parentAgency: (s.parentAgency ?? '').toLocaleUpperCase('vi'),
      agency: (s.agency ?? '').toLocaleUpperCase('vi'),
      docNumber,
      nation: S.nation,
      motto: S.motto,
      placeDate: s.reportDate ? dateLine(s.place, s.reportDate, lang) : blankDateLine(s.place, year, lang),
    },
    title: S.title,
    subject: subjectLine(s.title, lang),
    blocks,
    footnotes,
    recipients: { heading: S.recipients, items },
    signature: {
      lines: [s.signerFor, s.signerTitle ?? PLACEHOLDERS[lang].signerTitle].filter((x): x is string => !!x).map((x) => x.toLocaleUpperCase('vi')),
      name: s.signerName ?? PLACEHOLDERS[lang].signerName,
    },
    blanks: markedBlanks(lang),
    annexes: annexes.map((a) => annexAttachedTo(a, attachedTo)),
    figures: figureRows(metrics, staff, lang, templates, memo),
    highlights: highlights(metrics, lang),
  };
}

const MISSING_ITEM = { vi: /^- (.+?): chưa có số liệu \((.+)\)\.$/, en: /^- (.+?): no figures yet \((.+)\)\.$/ };

/**
 * Consecutive list items that all lack their figures for one reason are said once: "- Doanh thu,
 * xuất khẩu, nhập khẩu và nộp ngân sách: chưa có số liệu (…)." instead of four lines repeating it.
 * The merged item keeps the last item's key, where a table or chart of those figures would stand.
 */
function mergeMissing<P extends { inlines: Inline[]; generated: string | null }>(paragraphs: P[], lang: Lang): P[] {
  const out: P[] = [];
  let run: { p: P; subject: string; reason: string }[] = [];
  const flush = () => {
    if (run.length === 1) out.push(run[0].p);
    else if (run.length > 1) {
      const subjects = run.map((x, i) => (i === 0 ? x.subject : x.subject.charAt(0).toLocaleLowerCase('vi') + x.subject.slice(1)));
      const and = lang === 'vi' ? ' và ' : ' and ';
      const list = `${subjects.slice(0, -1).join(', ')}${and}${subjects[subjects.length - 1]}`;
      const text = lang === 'vi' ? `- ${list}: chưa có số liệu (${run[0].reason}).` : `- ${list}: no figures yet (${run[0].reason}).`;
      out.push({ ...run[run.length - 1].p, inlines: [{ kind: 'text', text }] });
    }
    run = [];
  };
  for (const p of paragraphs) {
    const only = p.generated && p.inlines.length === 1 && p.inlines[0].kind === 'text' ? p.inlines[0].text : null;
    const m = only === null ? null : MISSING_ITEM[lang].exec(only);
    if (m && (!run.length || run[0].reason === m[2])) run.push({ p, subject: m[1], reason: m[2] });
    else {
      flush();
      if (m) run.push({ p, subject: m[1], reason: m[2] });
      else out.push(p);
    }
  }
  flush();
  return out;
}

/** Whether a heading or closing line is (or, after its number, holds) one of the model's marked blanks. */
export function isBlankLine(blanks: string[], text: string): boolean {
  return blanks.some((b) => text === b || text.endsWith(` ${b}`));
}

/** The placeholder lines other than paragraphs, as the model writes them (the signer's title in capitals). */
function markedBlanks(lang: Lang): string[] {
  const P = PLACEHOLDERS[lang];
  return [P.sectionIHeading, P.signerTitle.toLocaleUpperCase('vi'), P.signerName];
}

/**
 * The subject under "BÁO CÁO" never starts with "Báo cáo" again: "Báo cáo kết quả …" reads
 * "Kết quả …" (and "Report on the results …" under "REPORT" reads "The results …").
 */
export function subjectLine(title: string | null, lang: Lang): string | null {
  if (!title) return null;
  const rest = title.trim().replace(lang === 'vi' ? /^báo\s+cáo\b[\s:–-]*/iu : /^report\b(\s+(on|of|about)\b)?[\s:–-]*/iu, '');
  if (!rest) return title.trim();
  return rest === title.trim() ? rest : capitalise(rest);
}

/** The template variables naming the annex that lists a paragraph's items: fdi_annex, ddi_annex, tasks_annex, dossiers_annex. */
function annexReferences(annexes: AnnexModel[]): Record<string, string | null> {
  const projects = annexes.find((a) => a.id === 'projects');
  const tasks = annexes.find((a) => a.id === 'tasks');
  const dossiers = annexes.find((a) => a.id === 'dossiers');
  return {
    fdi_annex: projects && projects.totals.fdi_new_count > 0 ? projects.label : null,
    ddi_annex: projects && projects.totals.ddi_new_count > 0 ? projects.label : null,
    tasks_annex: tasks ? tasks.label : null,
    dossiers_annex: dossiers ? dossiers.label : null,
  };
}

/** "(Kèm theo Báo cáo số …/BC-BQL ngày 01 tháng 7 năm 2023 của Ban Quản lý …)", under an annex's title (Decree 30). */
function attachedLine(docNumber: string | null, day: string | null, year: string | null, agency: string | null, lang: Lang): string {
  const no = (docNumber ?? '').replace(/^\s*(số|no\.?)\s*:?\s*/i, '').trim() || '…';
  const of = agency ? (lang === 'en' ? ` of ${agency}` : ` của ${agency}`) : '';
  if (!day) return lang === 'en' ? `(Attached to Report No. ${no} of … ${year ?? '…'}${of})` : `(Kèm theo Báo cáo số ${no} ngày … tháng … năm ${year ?? '…'}${of})`;
  const [y, m, d] = day.split('-');
  if (lang === 'en') return `(Attached to Report No. ${no} of ${textDate(day, 'en')}${of})`;
  return `(Kèm theo Báo cáo số ${no} ngày ${d} tháng ${Number(m) <= 2 ? m : Number(m)} năm ${y}${of})`;
}

/** The date line of a draft: "Hải Phòng, ngày … tháng … năm 2024", the day and month filled in at signing. */
function blankDateLine(place: string | null, year: string | null, lang: Lang): string {
  return lang === 'vi' ? `${place ?? '…'}, ngày … tháng … năm ${year ?? '…'}` : `${place ?? '…'}, … ${year ?? '…'}`;
}

/** The open tasks by state, the zero ones left out: "01 nhiệm vụ quá hạn, 12 nhiệm vụ trong hạn và 14 nhiệm vụ không hạn". */
function openTasksDetail(metrics: Metrics, lang: Lang): string | null {
  const n = (k: string) => metrics.get(k)?.value;
  const parts: string[] = [];
  const add = (key: string, vi: string, en: string) => {
    const v = n(key);
    if (typeof v === 'number' && v > 0) parts.push(lang === 'vi' ? `${formatCount2(v, lang)} nhiệm vụ ${vi}` : `${formatNumber(v, lang)} ${en}`);
  };
  add('tasks_overdue', 'quá hạn', 'overdue');
  add('tasks_on_time', 'trong hạn', 'within the deadline');
  add('tasks_no_deadline', 'không hạn', 'without a deadline');
  if (!parts.length) return null;
  const and = lang === 'vi' ? ' và ' : ' and ';
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')}${and}${parts[parts.length - 1]}`;
}

const FIGURE = { vi: 'Biểu đồ', en: 'Figure' };

/**
 * Each chart stands after the last paragraph that discusses its figures, and is numbered in the
 * order the figures then appear. A chart whose paragraphs are absent goes at the end of the body.
 */
function placeFigures(blocks: Block[], charts: ChartModel[], lang: Lang): void {
  const placed = charts.map((chart, order) => {
    let at = -1;
    blocks.forEach((b, i) => {
      if (b.kind === 'paragraph' && b.generated && chart.after.includes(b.generated)) at = i;
    });
    return { chart, at: at < 0 ? blocks.length - 1 + order / 100 : at };
  });
  placed.sort((a, b) => a.at - b.at);
  placed.forEach((p, i) => (p.chart.number = i + 1));
  for (const p of [...placed].reverse()) {
    const index = Math.floor(p.at) + 1;
    const section = blocks[index - 1]?.section ?? '';
    blocks.splice(index, 0, { kind: 'figure', chart: p.chart, caption: `${FIGURE[lang]} ${p.chart.number}. ${p.chart.title}`, section });
  }
}

const TABLE = { vi: 'Bảng', en: 'Table' };

/**
 * Each table stands right after the last paragraph that discusses its figures (before a chart placed
 * there), numbered in the order the tables then appear. A table whose paragraphs are absent goes at
 * the end of the body.
 */
function placeTables(blocks: Block[], tables: TableModel[], lang: Lang): void {
  const placed = tables.map((table, order) => {
    let at = -1;
    blocks.forEach((b, i) => {
      if (b.kind === 'paragraph' && b.generated && table.after.includes(b.generated)) at = i;
    });
    return { table, at: at < 0 ? blocks.length - 1 + order / 100 : at };
  });
  placed.sort((a, b) => a.at - b.at);
  placed.forEach((p, i) => (p.table.number = i + 1));
  for (const p of [...placed].reverse()) {
    const index = Math.floor(p.at) + 1;
    const section = blocks[index - 1]?.section ?? '';
    blocks.splice(index, 0, { kind: 'table', table: p.table, caption: `${TABLE[lang]} ${p.table.number}. ${p.table.title}`, section });
  }
}

function stripNumber(heading: string, label: string): string {
  const h = heading.trim();
  return label && h.startsWith(label) ? h.slice(label.length).trim() : h;
}

function sourceText(m: Metric, lang: Lang): string {
  if (!m.source) return '';
  return `${m.source.table}: ${m.source.filter} (${m.source.rows} ${STR[lang].rows})`;
}

function figureRows(metrics: Metrics, staff: StaffMetricInfo[], lang: Lang, templates: Record<string, string>, memo?: FigureMemo): FigureRow[] {
  const rows: FigureRow[] = [];
  const add = (r: Omit<FigureRow, 'shown'>) => rows.push({ ...r, shown: shownValue(r, lang, templates) });
  const scalar = (v: MetricValueType): number | boolean | null => (Array.isArray(v) ? null : v);
  for (const info of CATALOG) {
    const m = metrics.get(info.key)!;
    if (info.kind === 'list') {
      const units = (m.value as BudgetUnit[] | null) ?? [];
      const source = sourceText(m, lang);
      const rowsOf = (u: BudgetUnit): FigureRow[] =>
        [
          { key: `budget_units[${u.unit}]`, label: u.unit, value: u.amount, unit: info.unit[lang], source, reason: null },
          { key: `budget_units[${u.unit}].plan`, label: `${u.unit} — ${lang === 'vi' ? 'kế hoạch' : 'plan'}`, value: u.plan, unit: info.unit[lang], source: '', reason: null },
          { key: `budget_units[${u.unit}].pct_plan`, label: `${u.unit} — ${lang === 'vi' ? 'so với kế hoạch' : 'vs plan'}`, value: u.pct_plan, unit: '%', source: '', reason: null },
        ].map((r) => ({ ...r, shown: shownValue(r, lang, templates) }));
      // a live check writes the same units again (a replayed step sets the same list, sameUnits the same units): their rows are kept with them
      const key = JSON.stringify(['figureRows', lang, templates.budget_unit ?? '', source, info.unit[lang]]);
      const unitRows = () => units.flatMap((u) => (memo ? memo.derive(u, key, () => rowsOf(u)) : rowsOf(u)));
      const kept = memo && units.length ? memo.derive(units, key, unitRows) : unitRows();
      for (const r of kept) rows.push({ ...r });
      if (m.value === null) add({ key: info.key, label: info.label[lang], value: null, unit: info.unit[lang], source: '', reason: m.reason });
      continue;
    }
    add({ key: info.key, label: info.label[lang], value: scalar(m.value), unit: info.unit[lang], source: sourceText(m, lang), reason: m.reason });
  }
  for (const sm of staff) {
    const m = metrics.get(sm.key);
    if (m) add({ key: sm.key, label: sm.label, value: scalar(m.value), unit: sm.unit, source: `${lang === 'vi' ? 'Công thức' : 'Expression'}: ${sm.expression}`, reason: m.reason });
  }
  return rows;
}

/** A figure's value as the report writes it: "38,8" where the text says 38,8%, "có"/"không" for a flag. */
function shownValue(f: Pick<FigureRow, 'key' | 'value'>, lang: Lang, templates: Record<string, string>): string {
  if (typeof f.value === 'boolean') return f.value ? (lang === 'vi' ? 'có' : 'yes') : lang === 'vi' ? 'không' : 'no';
  if (f.value === null) return '';
  return formatNumber(f.value, lang, figureDecimals(f.key, templates, f.value));
}

function highlights(metrics: Metrics, lang: Lang): { label: string; text: string }[] {
  const keys = ['fdi_total_capital', 'ddi_total_capital', 'budget_total', 'labour_workers', 'revenue', 'tasks_done'];
  return keys.map((k) => {
    const info = CATALOG_BY_KEY.get(k)!;
    const m = metrics.get(k)!;
    let text = typeof m.value === 'number' ? `${formatNumber(m.value, lang, { max: 2 })} ${info.unit[lang]}` : `— (${m.reason})`;
    if (k === 'tasks_done' && typeof m.value === 'number') text = `${m.value}/${metrics.get('tasks_total')!.value}`;
    return { label: info.label[lang], text };
  });
}
