import { exactSum } from '../figures/decimal';
import { columnDecimals, formatCount2, formatNumber } from './format';
import { WorkbookData } from '../records/mapping';
import { Period, licensingEvents } from '../figures/metrics';
import { Day, dayToSerial, formatDayDMY } from '../records/parse';
import { Lang } from '../problems';
import { Dossier, Located, Project, Task } from '../records/schema';
import { classifyDossiers } from '../records/dossiers';
import { TableColumn, TableRow } from './tables';
import { classifyTasks, countTasks } from '../figures/task-status';
import { fitColumns } from './column-fit';
import type { FigureMemo } from '../figures/figure-memo';

export type AnnexId = 'projects' | 'tasks' | 'dossiers';

/**
 * An annex (Phụ lục) of the report: a list that stands on its own pages after the signature, as
 * Decree 30 attaches annexes to a document — "Phụ lục 1", its title in capitals, "(Kèm theo Báo cáo
 * số … ngày … của …)", then the table. Decided here; the Word writer and the summary sheet draw it.
 */
export interface AnnexModel {
  id: AnnexId;
  /** Numbered in the order the annexes stand (set by buildAnnexes). */
  number: number;
  /** "Phụ lục 1": the first line of the annex, and how the text refers to it. */
  label: string;
  /** "Danh mục dự án cấp mới trong kỳ" (printed in capitals). */
  title: string;
  /** "Phụ lục 1. Danh mục dự án cấp mới trong kỳ". */
  caption: string;
  /** "(Kèm theo Báo cáo số … ngày … của …)": set by the report model, which knows the document. */
  attachedTo: string | null;
  columns: TableColumn[];
  /** `group` rows head a part (I. FDI, II. DDI); `bold` rows close it with its total. */
  rows: TableRow[];
  note: string | null;
  /** What the total rows state, by metric key (the figures the text states too). */
  totals: Record<string, number>;
}

export interface AnnexesResult {
  annexes: AnnexModel[];
  omitted: { id: AnnexId; title: string; reason: string }[];
}

const T = {
  vi: {
    label: (n: number) => `Phụ lục ${n}`,
    projects: 'Danh mục dự án cấp mới trong kỳ',
    tasks: 'Danh mục nhiệm vụ quá hạn và hoàn thành chậm',
    stt: 'STT',
    name: 'Tên dự án',
    investor: 'Nhà đầu tư',
    country: 'Quốc gia',
    zone: 'Khu (KCN, KKT)',
    licensed: 'Ngày cấp',
    capital: 'Vốn đầu tư',
    fdi: 'Dự án đầu tư nước ngoài (FDI) - vốn đầu tư: triệu USD',
    ddi: 'Dự án đầu tư trong nước (DDI) - vốn đầu tư: tỷ đồng',
    projectTotal: (n: number) => `Cộng: ${formatCount2(n, 'vi')} dự án`,
    task: 'Mã, nội dung nhiệm vụ',
    assigned: 'Ngày giao',
    deadline: 'Hạn xử lý',
    completed: 'Ngày hoàn thành',
    daysLate: 'Số ngày chậm',
    notDone: 'Chưa hoàn thành',
    overdue: (d: string) => `Nhiệm vụ quá hạn, chưa hoàn thành đến ngày ${d}`,
    doneLate: 'Nhiệm vụ hoàn thành sau thời hạn',
    taskTotal: (n: number) => `Cộng: ${formatCount2(n, 'vi')} nhiệm vụ`,
    taskNote: (d: string) => `Số ngày chậm: của nhiệm vụ quá hạn, tính đến ngày ${d}; của nhiệm vụ hoàn thành chậm, đến ngày hoàn thành.`,
    noPeriod: 'chưa có kỳ báo cáo',
    noTable: (t: string) => `không có bảng ${t}`,
    noProjects: 'không có dự án nào được cấp mới trong kỳ',
    noTasks: (d: string) => `đến ngày ${d} không có nhiệm vụ nào quá hạn hoặc hoàn thành sau thời hạn`,
    dossiers: 'Danh mục hồ sơ thủ tục hành chính quá hạn chưa trả kết quả',
    dossier: 'Mã hồ sơ, tên thủ tục',
    received: 'Ngày tiếp nhận',
    due: 'Ngày hẹn trả',
    daysOverdue: 'Số ngày quá hạn',
    dossierTotal: (n: number) => `Cộng: ${formatCount2(n, 'vi')} hồ sơ quá hạn`,
    dossierNote: (d: string) => `Hồ sơ tiếp nhận đến ngày ${d}, chưa trả kết quả và đã quá ngày hẹn trả; số ngày quá hạn tính đến ngày ${d}.`,
    noDossiers: (d: string) => `đến ngày ${d} không có hồ sơ nào quá hạn chưa trả kết quả`,
  },
  en: {
    label: (n: number) => `Annex ${n}`,
    projects: 'New projects licensed in the period',
    tasks: 'Overdue tasks and tasks completed late',
    stt: 'No.',
    name: 'Project',
    investor: 'Investor',
    country: 'Country',
    zone: 'Zone',
    licensed: 'Licensed on',
    capital: 'Capital',
    fdi: 'Foreign investment (FDI) - capital: million USD',
    ddi: 'Domestic investment (DDI) - capital: billion VND',
    projectTotal: (n: number) => `Total: ${n} project${n === 1 ? '' : 's'}`,
    task: 'Task',
    assigned: 'Assigned',
    deadline: 'Deadline',
    completed: 'Completed',
    daysLate: 'Days late',
    notDone: 'Not completed',
    overdue: (d: string) => `Overdue tasks not completed by ${d}`,
    doneLate: 'Tasks completed after the deadline',
    taskTotal: (n: number) => `Total: ${n} task${n === 1 ? '' : 's'}`,
    taskNote: (d: string) => `Days late: for overdue tasks, up to ${d}; for tasks completed late, up to their completion.`,
    noPeriod: 'no report period',
    noTable: (t: string) => `no ${t} table`,
    noProjects: 'no project was newly licensed in the period',
    noTasks: (d: string) => `no task was overdue or completed late by ${d}`,
    dossiers: 'Overdue administrative-procedure dossiers not yet returned',
    dossier: 'Dossier, procedure',
    received: 'Received',
    due: 'Due',
    daysOverdue: 'Days overdue',
    dossierTotal: (n: number) => `Total: ${n} dossier${n === 1 ? '' : 's'} overdue`,
    dossierNote: (d: string) => `Dossiers received by ${d}, not returned and past their due date; days overdue up to ${d}.`,
    noDossiers: (d: string) => `no dossier was overdue and not yet returned on ${d}`,
  },
};

/**
 * The columns' preferred widths, in pixels of the summary sheet's 625 (the text width): the
 * starting shares, which fitColumns then widens where a column's widest figure, date, status or
 * word would not fit on one line (a large total, "Chưa hoàn thành"), taking the room from the
 * text columns.
 */
export const ANNEX_PX = { projects: [44, 129, 127, 85, 85, 85, 70], tasks: [44, 256, 85, 85, 85, 70], dossiers: [44, 301, 95, 95, 90] };
const share = (px: number) => px / 625;

const ROMAN = ['I', 'II'];
const vi = new Intl.Collator('vi', { numeric: true });
const byText = (a: string | null, b: string | null) => vi.compare(a ?? '', b ?? '');
/** Days are 'YYYY-MM-DD': compared as text they sort by date (as the collator sorts them, only faster). */
const byDay = (a: Day, b: Day) => (a < b ? -1 : a > b ? 1 : 0);

/** The two annexes: the new projects the *_new_* metrics count, and the overdue and late tasks the tasks_* metrics count. */
export function buildAnnexes(data: WorkbookData, period: Period | null, lang: Lang, memo?: FigureMemo): AnnexesResult {
  const t = T[lang];
  const annexes: AnnexModel[] = [];
  const omitted: AnnexesResult['omitted'] = [];
  const add = (id: AnnexId, title: string, built: AnnexParts | string) => {
    if (typeof built === 'string') return omitted.push({ id, title, reason: built });
    const number = annexes.length + 1;
    const annex = { id, number, label: t.label(number), title, caption: `${t.label(number)}. ${title}`, attachedTo: null, note: built.note, totals: built.totals } as AnnexModel;
    // the rows are laid out when first read (the summary sheet and the Word report read them; a live check does not)
    let table: Pick<AnnexModel, 'columns' | 'rows'> | undefined;
    const laid = () => (table ??= built.table());
    Object.defineProperty(annex, 'columns', { enumerable: true, configurable: true, get: () => laid().columns });
    Object.defineProperty(annex, 'rows', { enumerable: true, configurable: true, get: () => laid().rows });
    annexes.push(annex);
  };
  add('projects', t.projects, projectsAnnex(data, period, lang, memo));
  // in report order: §II.7 (dossiers) before §II.8 (tasks); only for a workbook with a list of dossiers
  if (data.dossiers) add('dossiers', t.dossiers, dossiersAnnex(data.dossiers, period, lang));
  add('tasks', t.tasks, tasksAnnex(data, period, lang, memo));
  return { annexes, omitted };
}

/** What an annex states at once (its totals and note) and its table, laid out when first read. */
interface AnnexParts {
  note: string | null;
  totals: Record<string, number>;
  table: () => Pick<AnnexModel, 'columns' | 'rows'>;
}

/** A copy of an annex with another `attachedTo`, its table still laid out only when read. */
export function annexAttachedTo(annex: AnnexModel, attachedTo: string | null): AnnexModel {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(annex)) as AnnexModel;
  copy.attachedTo = attachedTo;
  return copy;
}

const tableName = (data: WorkbookData, kind: 'projects' | 'tasks', fallback: string) => data.tables.find((x) => x.kind === kind)?.name ?? fallback;

function projectsAnnex(data: WorkbookData, period: Period | null, lang: Lang, memo?: FigureMemo): AnnexParts | string {
  const t = T[lang];
  if (!period) return t.noPeriod;
  if (!data.projects) return t.noTable(tableName(data, 'projects', 'DuAn'));
  const px = ANNEX_PX.projects;
  const columns: TableColumn[] = [
    { header: t.stt, align: 'center', width: share(px[0]) },
    { header: t.name, align: 'left', width: share(px[1]) },
    { header: t.investor, align: 'left', width: share(px[2]) },
    { header: t.country, align: 'left', width: share(px[3]) },
    { header: t.zone, align: 'left', width: share(px[4]) },
    { header: t.licensed, align: 'center', width: share(px[5]) },
    { header: t.capital, align: 'right', width: share(px[6]) },
  ];
  const projects = data.projects;
  const newEvents = () => {
    const parts: { source: 'FDI' | 'DDI'; events: Located<Project>[]; count: number; capital: number }[] = [];
    for (const source of ['FDI', 'DDI'] as const) {
      // the very rows fdi_new_count / fdi_new_capital count (and ddi_…)
      const events: Located<Project>[] = licensingEvents(projects, source, 'new', period.start, period.end);
      if (!events.length) continue;
      const count = new Set(events.map((p) => p.projectId)).size;
      const capital = exactSum(events.map((p) => p.capital ?? 0));
      parts.push({ source, events, count, capital });
    }
    return parts;
  };
  // a live check finds the same events again while the list of projects is unchanged: kept with it
  const parts = memo ? memo.derive(projects, `projectsAnnex|${period.start}|${period.end}`, newEvents) : newEvents();
  const totals: Record<string, number> = {};
  for (const { source, count, capital } of parts) {
    totals[`${source.toLowerCase()}_new_count`] = count;
    totals[`${source.toLowerCase()}_new_capital`] = capital;
  }
  if (!parts.length) return t.noProjects;
  const table = () => {
    const rows: TableRow[] = [];
    parts.forEach(({ source, events, count, capital }, part) => {
      const sorted = [...events].sort((a, b) => byDay(a.date, b.date) || byText(a.name, b.name) || byText(a.projectId, b.projectId));
      // one decimal count per part, rows and total alike ("1,1" … "99,0"); the parts differ in unit
      const decimals = columnDecimals([...sorted.map((p) => p.capital ?? 0), capital]);
      const capitalText = (v: number) => formatNumber(v, lang, { decimals });
      rows.push({ cells: [`${ROMAN[part]}. ${source === 'FDI' ? t.fdi : t.ddi}`, '', '', '', '', '', ''], group: true });
      sorted.forEach((p, i) => {
        rows.push({
          cells: [String(i + 1), p.name ?? p.projectId, p.investor ?? '', p.country ?? '', p.zone ?? '', formatDayDMY(p.date), capitalText(p.capital ?? 0)],
        });
      });
      rows.push({ cells: ['', t.projectTotal(count), '', '', '', '', capitalText(capital)], bold: true });
    });
    return withoutEmptyColumns(columns, rows, [2, 3, 4]);
  };
  return { table, note: null, totals };
}

/**
 * Drops the columns among `optional` that no listed row fills (a workbook without investors or
 * zones), so the names take their room instead of wrapping beside empty cells; then fits the rest.
 */
function withoutEmptyColumns(columns: TableColumn[], rows: TableRow[], optional: number[]): { columns: TableColumn[]; rows: TableRow[] } {
  const items = rows.filter((r) => !r.group && !r.bold);
  const keep = columns.map((_, i) => !optional.includes(i) || items.some((r) => r.cells[i] !== ''));
  const kept = columns.filter((_, i) => keep[i]);
  const width = kept.reduce((a, c) => a + c.width, 0);
  const cut = (r: TableRow): TableRow => ({ ...r, cells: r.cells.filter((_, i) => keep[i]) });
  const out = rows.map(cut);
  return { columns: fitColumns(kept.map((c) => ({ ...c, width: c.width / width })), out), rows: out };
}

const daysBetween = (from: Day, to: Day) => dayToSerial(to) - dayToSerial(from);

function tasksAnnex(data: WorkbookData, period: Period | null, lang: Lang, memo?: FigureMemo): AnnexParts | string {
  const t = T[lang];
  if (!period) return t.noPeriod;
  if (!data.tasks) return t.noTable(tableName(data, 'tasks', 'NhiemVu'));
  const asOf = formatDayDMY(period.asOf);
  const px = ANNEX_PX.tasks;
  const columns: TableColumn[] = [
    { header: t.stt, align: 'center', width: share(px[0]) },
    { header: t.task, align: 'left', width: share(px[1]) },
    { header: t.assigned, align: 'center', width: share(px[2]) },
    { header: t.deadline, align: 'center', width: share(px[3]) },
    { header: t.completed, align: 'center', width: share(px[4]) },
    { header: t.daysLate, align: 'right', width: share(px[5]) },
  ];
  // the classification of tasks_overdue and tasks_done_late
  const tasks = data.tasks;
  // the annex states its totals at once; its rows are listed only when its table is laid out
  const n = countTasks(tasks, period.start, period.asOf, memo);
  const totals: Record<string, number> = { tasks_overdue: n.overdue, tasks_done_late: n.doneLate };
  if (!n.overdue && !n.doneLate) return t.noTasks(asOf);
  const table = () => {
    const c = classifyTasks(tasks, period.start, period.asOf);
    const parts: { title: string; key: string; tasks: Located<Task>[] }[] = [
      { title: t.overdue(asOf), key: 'tasks_overdue', tasks: c.overdue },
      { title: t.doneLate, key: 'tasks_done_late', tasks: c.doneLate },
    ];
    const rows: TableRow[] = [];
    let part = 0;
    for (const p of parts) {
      if (!p.tasks.length) continue;
      rows.push({ cells: [`${ROMAN[part++]}. ${p.title}`, '', '', '', '', ''], group: true });
      const sorted = [...p.tasks].sort((a, b) => byDay(a.deadline!, b.deadline!) || byText(a.taskId, b.taskId));
      sorted.forEach((x, i) => {
        const end = x.completed !== null && x.completed <= period.asOf ? x.completed : null;
        const late = daysBetween(x.deadline!, end ?? period.asOf);
        rows.push({
          cells: [String(i + 1), x.title ? `${x.taskId} - ${x.title}` : x.taskId, formatDayDMY(x.assigned), formatDayDMY(x.deadline!), end ? formatDayDMY(end) : t.notDone, formatNumber(late, lang, { decimals: 0 })],
        });
      });
      rows.push({ cells: ['', t.taskTotal(p.tasks.length), '', '', '', ''], bold: true });
    }
    return { columns: fitColumns(columns, rows), rows };
  };
  return { table, note: t.taskNote(asOf), totals };
}

/** The TTHC dossiers dossiers_overdue counts: received by the as-of date, not returned by then, past their due date. */
function dossiersAnnex(dossiers: Located<Dossier>[], period: Period | null, lang: Lang): AnnexParts | string {
  const t = T[lang];
  if (!period) return t.noPeriod;
  const asOf = formatDayDMY(period.asOf);
  const overdue = classifyDossiers(dossiers, period.start, period.end, period.asOf).overdue;
  if (!overdue.length) return t.noDossiers(asOf);
  const px = ANNEX_PX.dossiers;
  const columns: TableColumn[] = [
    { header: t.stt, align: 'center', width: share(px[0]) },
    { header: t.dossier, align: 'left', width: share(px[1]) },
    { header: t.received, align: 'center', width: share(px[2]) },
    { header: t.due, align: 'center', width: share(px[3]) },
    { header: t.daysOverdue, align: 'right', width: share(px[4]) },
  ];
  const table = () => {
    const sorted = [...overdue].sort((a, b) => byDay(a.due!, b.due!) || byText(a.dossierId, b.dossierId));
    const rows: TableRow[] = sorted.map((d, i) => ({
      cells: [String(i + 1), d.procedure ? `${d.dossierId} - ${d.procedure}` : d.dossierId, formatDayDMY(d.received), formatDayDMY(d.due!), formatNumber(daysBetween(d.due!, period.asOf), lang, { decimals: 0 })],
    }));
    rows.push({ cells: ['', t.dossierTotal(overdue.length), '', '', ''], bold: true });
    return { columns: fitColumns(columns, rows), rows };
  };
  return { table, note: t.dossierNote(asOf), totals: { dossiers_overdue: overdue.length } };
}
