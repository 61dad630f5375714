import fs from 'node:fs';
import path from 'node:path';
import { buildReport, reportJson, ReportResult, settingsLanguage } from '../core/engine';
import { GivenPeriod, matchTableKind } from '../core/records/mapping';
import { parseDate } from '../core/records/parse';
import { TableSnapshot } from '../core/records/snapshot';
import { LEVEL_NAMES, Lang, problemLineText, problemList } from '../core/problems';

import { templateTables } from '../core/records/template-tables';
import { tableValidation } from '../core/records/validation';
import { InputError, readWorkbookFile, readWorkbookGridsFile, workbookError } from './input-file';
import { planToXlsx } from './xlsx-writer';
import { FileError, OutputTarget, checkOutputs, fileSystemMessage, writeFileAtomic } from './output-files';
import { auditText, AuditResult } from '../core/audit';
import { disagreementComments, provenanceText } from '../core/audit/comments';
import { readReportFile } from './audit-input';
import { findAnhXaTable, anhXaSheetNames, isAnhXaName, lacksDataTable, recognizeWorkbook } from '../core/recognize';
import { anhXaTable, proposalToAnhXaRows, ANHXA_TABLE } from '../core/recognize/anhxa';
import { TABLE_BY_KIND } from '../core/records/schema';
import { leanMathjs } from './mathjs-lean';

leanMathjs();

const USAGE = `baocao — báo cáo sơ kết từ các bảng Excel / half-year report from Excel tables

Cách dùng / usage:
  baocao report <workbook.xlsx> [--out <file.xlsx>] [--docx <file.docx>] [--json <file.json>] [--lang vi|en] [--period <từ>-<đến>]
  baocao audit <report.docx|.txt> --data <workbook.xlsx> [--out <annotated.docx>] [--json <findings.json>] [--lang vi|en] [--period <từ>-<đến>]
  baocao map <workbook.xlsx> [--out <copy.xlsx>] [--lang vi|en]
  baocao template <file.xlsx>
  baocao --help | --version
  (--period 01/01/2024-30/06/2024, hoặc --tu-ngay 01/01/2024 --den-ngay 30/06/2024: kỳ báo cáo khi sổ không ghi,
   thay cho kỳ ghi trong sổ / the report period when the workbook has none, instead of the workbook's)
  (--debug: in chi tiết kỹ thuật khi có lỗi / print technical details of an error)`;

interface Args {
  command: string | null;
  positional: string[];
  options: Record<string, string>;
  flags: Set<string>;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { command: null, positional: [], options: {}, flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h' || a === '--version' || a === '-v') args.flags.add(a.replace(/^-+/, '')[0]);
    else if (a === '--debug') args.flags.add('debug');
    else if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split('=', 2);
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`--${k} cần một giá trị / needs a value`);
      args.options[k] = v;
    } else if (!args.command) args.command = a;
    else args.positional.push(a);
  }
  return args;
}

class UsageError extends Error {}

type Out = (line: string) => void;

export async function main(argv: string[], out: Out = (l) => console.log(l), err: Out = (l) => console.error(l)): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    err(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.flags.has('v')) {
    out(require('../../../package.json').version);
    return 0;
  }
  if (args.flags.has('h') || !args.command) {
    out(USAGE);
    return args.command || args.flags.has('h') ? 0 : 2;
  }
  const known = new Set(args.command === 'audit' ? ['data', 'out', 'json', 'lang', 'today', ...PERIOD_OPTIONS] : args.command === 'map' ? ['out', 'lang'] : ['out', 'docx', 'json', 'lang', 'today', ...PERIOD_OPTIONS]);
  const unknown = Object.keys(args.options).filter((k) => !known.has(k));
  if (unknown.length) {
    err(`Tùy chọn không hợp lệ / unknown option: --${unknown.join(', --')}\n\n${USAGE}`);
    return 2;
  }
  const langOpt = args.options.lang;
  if (langOpt && langOpt !== 'vi' && langOpt !== 'en') {
    err(`--lang chỉ nhận vi hoặc en / --lang takes vi or en`);
    return 2;
  }
  const lang = langOpt as Lang | undefined;
  try {
    if (args.command === 'report') return await report(args, lang, out, err);
    if (args.command === 'template') return await template(args, lang ?? 'vi', out, err);
    if (args.command === 'audit') return await audit(args, lang, out, err);
    if (args.command === 'map') return await map(args, lang, out, err);
  } catch (e) {
    err(failureLine(e, lang ?? 'vi'));
    if (args.flags.has('debug')) err(String((e as Error).stack ?? e));
    return 1;
  }
  err(`Lệnh không hợp lệ / unknown command: ${args.command}\n\n${USAGE}`);
  return 2;
}

async function report(args: Args, lang: Lang | undefined, out: Out, err: Out): Promise<number> {
  const input = args.positional[0];
  if (!input) {
    err(`Thiếu tệp đầu vào / missing input workbook\n\n${USAGE}`);
    return 2;
  }
  const msgLang: Lang = lang ?? 'vi';
  const outFile = args.options.out ?? path.join(path.dirname(input), `${path.basename(input, path.extname(input))}.bao-cao.xlsx`);
  const targets: OutputTarget[] = [{ option: '--out', file: outFile }];
  if (args.options.docx) targets.push({ option: '--docx', file: args.options.docx });
  if (args.options.json) targets.push({ option: '--json', file: args.options.json });
  if (args.options.today && !/^\d{4}-\d{2}-\d{2}$/.test(args.options.today)) throw new UsageError('--today YYYY-MM-DD');
  const period = givenPeriod(args.options);
  checkOutputs(input, targets, msgLang);
  // no Excel table is needed: the staff's plain sheets are read when a contract table is missing
  const snapshots = await readWorkbookFile(input, msgLang, { requireTables: false });
  const grids = await staffGrids(input, snapshots, msgLang);
  const result = buildReport(snapshots, { lang, today: args.options.today, grids, period });
  const missing = essentialMissing(input, snapshots, result);
  if (missing) {
    err(missing);
    return 1;
  }
  // Every output is made in memory first, so a failure in any of them leaves every file as it was.
  const contents: (Uint8Array | string)[] = [await planToXlsx(result.plan)];
  if (args.options.docx) contents.push(await (await import('../document/docx')).buildDocx(result.model, (await import('./chart-raster')).nodeRasterizer()));
  if (args.options.json) contents.push(JSON.stringify(reportJson(result), null, 2) + '\n');
  targets.forEach((t, i) => writeFileAtomic(t.file, contents[i]));
  summarise(result, targets.map((t) => t.file), out);
  return 0;
}

/**
 * Đối chiếu: checks a written report (.docx or .txt) against the workbook's figures. Prints the
 * counts and each disagreement with its expected value and source; --out writes a copy of the
 * report with a Word comment on each disagreeing number, --json every finding. Exit 0 whatever it
 * finds; 1 for a file that cannot be read or written; 2 for a usage error.
 */
async function audit(args: Args, lang: Lang | undefined, out: Out, err: Out): Promise<number> {
  const input = args.positional[0];
  const data = args.options.data;
  if (!input || !data || args.positional.length > 1) {
    err(`${!input ? 'Thiếu tệp báo cáo / missing report file' : !data ? 'Thiếu --data <sổ.xlsx> / missing --data <workbook.xlsx>' : 'Thừa tham số / too many arguments'}\n\n${USAGE}`);
    return 2;
  }
  if (args.options.today && !/^\d{4}-\d{2}-\d{2}$/.test(args.options.today)) throw new UsageError('--today YYYY-MM-DD');
  const msgLang: Lang = lang ?? 'vi';
  const targets: OutputTarget[] = [];
  if (args.options.out) targets.push({ option: '--out', file: args.options.out });
  if (args.options.json) targets.push({ option: '--json', file: args.options.json });
  // neither the report nor the workbook is ever written
  const period = givenPeriod(args.options);
  checkOutputs(input, targets, msgLang);
  checkOutputs(data, targets, msgLang);
  const report = readReportFile(input, msgLang);
  const snapshots = await readWorkbookFile(data, msgLang, { requireTables: false });
  const grids = await staffGrids(data, snapshots, msgLang);
  const result = buildReport(snapshots, { lang, today: args.options.today, grids, period });
  const missing = essentialMissing(data, snapshots, result);
  if (missing) {
    err(missing);
    return 1;
  }
  const audited = auditText(report.paragraphs, result);
  const contents: (Uint8Array | string)[] = [];
  if (args.options.out) {
    const comments = disagreementComments(audited.findings, result.lang);
    if (report.kind === 'docx') contents.push((await import('../document/docx-comments')).addDocxComments(report.bytes, comments).bytes);
    else contents.push(await (await import('../document/audit-docx')).textDocxWithComments(report.paragraphs.map((p) => p.text), comments));
  }
  if (args.options.json) contents.push(JSON.stringify(auditJson(audited), null, 2) + '\n');
  targets.forEach((t, i) => writeFileAtomic(t.file, contents[i]));
  summariseAudit(audited, input, data, result.lang, targets.map((t) => t.file), out);
  return 0;
}

function auditJson(a: AuditResult): Record<string, unknown> {
  return {
    findings: a.findings.map((f) => ({ status: f.status, text: f.text, paragraph: f.paragraph, offset: f.offset, unit: f.unit, kind: f.kind, metric: f.metric, expected: f.expected, source: f.source, note: f.note })),
    summary: a.summary,
  };
}

function summariseAudit(a: AuditResult, input: string, data: string, lang: Lang, written: string[], out: Out): void {
  const vi = lang === 'vi';
  const s = a.summary;
  out(vi ? `BaoCao — đối chiếu ${input} với số liệu ${data}` : `BaoCao — checking ${input} against ${data}`);
  out(vi ? `Số trong văn bản: ${s.numbers} — khớp ${s.agrees}, lệch ${s.disagrees}, không gắn được với chỉ tiêu ${s.unlinked}` : `Numbers in the text: ${s.numbers} — ${s.agrees} agree, ${s.disagrees} disagree, ${s.unlinked} not linked to a figure`);
  const wrong = a.findings.filter((f) => f.status === 'disagrees');
  if (wrong.length) out(vi ? 'Lệch so với số liệu:' : 'Disagreements:');
  for (const f of wrong) {
    out(`  ${vi ? 'đoạn' : 'paragraph'} ${f.paragraph + 1}: "${f.text}${f.unit === '%' ? '%' : f.unit ? ` ${f.unit}` : ''}" — ${f.note ?? ''} [${f.metric}]`);
    out(`    ${vi ? 'nguồn' : 'source'}: ${provenanceText(f, lang)}`);
  }
  if (written.length) {
    out(vi ? 'Đã ghi:' : 'Written:');
    for (const f of written) out(`  ${path.resolve(f)}`);
  }
}

/**
 * Staff's own sheets, read when a data table of the contract is missing (all of them, to be
 * recognised) or when an AnhXa table names some (those at least).
 */
async function staffGrids(file: string, snapshots: TableSnapshot[], lang: Lang) {
  const anhXa = findAnhXaTable(snapshots);
  const lacks = lacksDataTable(snapshots);
  if (!lacks && !anhXa) return undefined;
  const named = lacks ? null : new Set(anhXaSheetNames(anhXa!).map((n) => n.trim().toLowerCase()));
  return readWorkbookGridsFile(file, lang, { skipTables: true, sheets: named ? (n) => named.has(n.trim().toLowerCase()) : undefined });
}

const PERIOD_OPTIONS = ['period', 'tu-ngay', 'den-ngay'];

/** The report period given on the command line: --period 01/01/2024-30/06/2024, or --tu-ngay and --den-ngay together. */
function givenPeriod(o: Record<string, string>): GivenPeriod | undefined {
  const usage = '--period 01/01/2024-30/06/2024 (hoặc / or --tu-ngay 01/01/2024 --den-ngay 30/06/2024)';
  let from: string | undefined;
  let to: string | undefined;
  if (o.period !== undefined) {
    if (o['tu-ngay'] !== undefined || o['den-ngay'] !== undefined) throw new UsageError(`--period hoặc --tu-ngay/--den-ngay, không dùng cả hai / not both: ${usage}`);
    const m = /^\s*(\S+?)\s*(?:[-–—]|\.\.|\s(?:đến|to)\s)\s*(\S+)\s*$/.exec(o.period);
    if (!m) throw new UsageError(usage);
    [from, to] = [m[1], m[2]];
  } else if (o['tu-ngay'] !== undefined || o['den-ngay'] !== undefined) {
    if (o['tu-ngay'] === undefined || o['den-ngay'] === undefined) throw new UsageError(`--tu-ngay và --den-ngay đi cùng nhau / go together: ${usage}`);
    [from, to] = [o['tu-ngay'], o['den-ngay']];
  } else return undefined;
  const start = parseDate(from);
  const end = parseDate(to);
  if (!start.ok || !end.ok || !/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(from.trim()) || !/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(to.trim())) throw new UsageError(`Ngày dạng dd/mm/yyyy / dates as dd/mm/yyyy: ${usage}`);
  if (end.value < start.value) throw new UsageError(`Ngày cuối trước ngày đầu / the end is before the start: ${usage}`);
  return { start: start.value, end: end.value };
}

/**
 * What a report cannot be made without, as one line naming what to add: some data (a table or a
 * list recognised on a sheet) and the period (on a sheet, in a ThongTin table, or --period).
 */
function essentialMissing(file: string, snapshots: TableSnapshot[], r: ReportResult): string | null {
  const vi = r.lang === 'vi';
  const read = snapshots.length > 0 || (r.mappings ?? []).some((m) => m.used) || r.problems.some((p) => p.code === 'staffSettingsRead');
  if (!read) {
    return vi
      ? `Không tìm thấy số liệu nào trong ${file}: sổ không có bảng Excel và không nhận ra danh sách nào trên các trang tính. Chạy "baocao map" để xem từng vùng được đọc thế nào, hoặc dùng "baocao template" để có sổ mẫu.`
      : `No data found in ${file}: the workbook has no Excel table and no list on its sheets was recognised. Run "baocao map" to see how each range is read, or "baocao template" for a model workbook.`;
  }
  if (r.period) return null;
  // the period is unknown: no settings at all, a key without a date, a value that is no date, or an end before the start
  const cause = r.problems.find((p) => p.level === 'error' && p.cell && PERIOD_CAUSES.has(p.code) && (p.code !== 'settingBad' || /TuNgay|DenNgay|periodStart|periodEnd/.test(p.message)));
  const where = cause ? ` (${cause.cell}: ${cause.message.replace(/[.:]\s*$/, '')})` : '';
  return vi
    ? `Chưa biết kỳ báo cáo của ${file}${where}: thêm hai dòng "Từ ngày: 01/01/2024" và "Đến ngày: 30/06/2024" vào một trang tính (hoặc bảng ThongTin với khóa TuNgay, DenNgay), hoặc chạy lại với --period 01/01/2024-30/06/2024.`
    : `The report period of ${file} is unknown${where}: add two rows "From: 01/01/2024" and "To: 30/06/2024" to a sheet (or a Settings table with keys periodStart, periodEnd), or run again with --period 01/01/2024-30/06/2024.`;
}

/** Errors that leave the period unknown, named in the refusal when they point to a cell. */
const PERIOD_CAUSES = new Set(['settingMissing', 'settingBad', 'periodReversed']);

/** The one line a failure ends with: what went wrong and where, never a stack trace. */
function failureLine(e: unknown, lang: Lang): string {
  if (e instanceof InputError || e instanceof UsageError || e instanceof FileError) return e.message;
  const fsLine = fileSystemMessage(e, lang);
  if (fsLine) return fsLine;
  const first = String((e as Error)?.message ?? e).split('\n')[0];
  return lang === 'vi'
    ? `Lỗi không mong đợi: ${first} (chạy lại với --debug để xem chi tiết)`
    : `Unexpected error: ${first} (run again with --debug for details)`;
}

function summarise(r: ReportResult, written: string[], out: Out): void {
  const vi = r.lang === 'vi';
  const p = r.period;
  out(vi ? `BaoCao — kỳ báo cáo: ${p ? `${p.start} → ${p.end}` : 'chưa xác định'}` : `BaoCao — period: ${p ? `${p.start} → ${p.end}` : 'unknown'}`);
  for (const h of r.model.highlights) out(`  ${h.label}: ${h.text}`);
  const count = (l: string) => r.problems.filter((x) => x.level === l).length;
  out(vi ? `Kiểm tra: ${count('error')} lỗi, ${count('warning')} cảnh báo, ${count('info')} thông tin` : `Checks: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes`);
  // errors and warnings, each message once with its cells; the notes and what was read are on the sheet
  const lines = problemList(r.problems).issues.filter((l) => l.level !== 'info');
  for (const l of lines.slice(0, MAX_PRINTED)) out(`  [${LEVEL_NAMES[r.lang][l.level]}] ${problemLineText(l, r.lang)}`);
  if (lines.length > MAX_PRINTED || count('info')) out(vi ? `  … xem trang "Kiểm tra" trong tệp kết quả` : `  … see the "Checks" sheet of the output`);
  out(vi ? 'Đã ghi:' : 'Written:');
  for (const f of written) out(`  ${path.resolve(f)}`);
}

/** Lines of errors and warnings printed after a report; the checks sheet has them all. */
const MAX_PRINTED = 15;

async function template(args: Args, lang: Lang, out: Out, err: Out): Promise<number> {
  const file = args.positional[0];
  if (!file) {
    err(`Thiếu tên tệp / missing file name\n\n${USAGE}`);
    return 2;
  }
  if (fs.existsSync(file) || isLink(file)) {
    err(lang === 'vi' ? `Tệp đã có, không ghi đè: ${file}` : `The file exists; not overwriting it: ${file}`);
    return 1;
  }
  // exceljs and docx are loaded by the commands that use them, never by a report (issue 21)
  const { writeTablesToFile } = await import('./write-tables');
  await writeTablesToFile(templateTables(false).map((t) => ({ ...t, validations: tableValidation(t.kind, lang)?.columns })), file);
  out(lang === 'vi' ? `Đã tạo sổ mẫu: ${path.resolve(file)}` : `Template written: ${path.resolve(file)}`);
  return 0;
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * `baocao map`: recognises the blocks of the staff's sheets and writes a copy of the workbook with
 * a new sheet holding the proposed AnhXa / Mapping table (one row per mapped column), for the staff
 * to read and correct; `baocao report` on the copy reads the sheets as the table says. The input
 * is never written; every part of it is kept in the copy unchanged. A workbook that already has
 * an AnhXa table is refused: its edited mapping is not replaced.
 */
async function map(args: Args, lang: Lang | undefined, out: Out, err: Out): Promise<number> {
  const input = args.positional[0];
  if (!input || args.positional.length > 1) {
    err(`${!input ? 'Thiếu tệp đầu vào / missing input workbook' : 'Thừa tham số / too many arguments'}\n\n${USAGE}`);
    return 2;
  }
  // the copy keeps the input's kind: Excel will not open a workbook with macros named .xlsx
  const ext = /^\.(xlsx|xlsm|xltx|xltm)$/i.test(path.extname(input)) ? path.extname(input) : '.xlsx';
  const outFile = args.options.out ?? path.join(path.dirname(input), `${path.basename(input, path.extname(input))}.anhxa${ext}`);
  const msgLang: Lang = lang ?? 'vi';
  checkOutputs(input, [{ option: '--out', file: outFile }], msgLang);
  const snapshots = await readWorkbookFile(input, msgLang, { requireTables: false });
  const tableLang: Lang = lang ?? settingsLanguage(snapshots) ?? 'vi';
  const vi = tableLang === 'vi';
  const existing = findAnhXaTable(snapshots);
  if (existing) {
    err(
      vi
        ? `Sổ đã có bảng ánh xạ ${existing.name} (trang "${existing.sheet}"): không ghi đè bảng ánh xạ mà cán bộ có thể đã sửa. Sửa trực tiếp bảng đó, hoặc xóa/đổi tên nó rồi chạy lại để có đề xuất mới.`
        : `The workbook already has a mapping table ${existing.name} (sheet "${existing.sheet}"): a mapping the staff may have edited is not replaced. Edit that table, or delete or rename it and run again for a new proposal.`,
    );
    return 1;
  }
  const { addTableSheet, workbookNames, AddSheetError } = await import('./xlsx-add-sheet');
  const buf = fs.readFileSync(input);
  const taken = workbookNames(buf);
  const clash = [...taken.sheets, ...taken.tables, ...taken.definedNames].find((n) => isAnhXaName(n));
  if (clash) {
    err(vi ? `Sổ đã có trang tính, bảng hoặc tên "${clash}": không ghi đè. Đổi tên nó rồi chạy lại.` : `The workbook already has a sheet, table or name "${clash}": not overwriting it. Rename it and run again.`);
    return 1;
  }
  const parsed = new Set<string>();
  const grids = readWorkbookGridsFile(input, msgLang, { skipTables: true, parsed }, buf);
  const contractKinds = snapshots.map((s) => matchTableKind(s.kind ?? s.name)?.kind).filter((k) => k !== undefined);
  const rec = recognizeWorkbook(grids, { lang: tableLang, contractKinds });
  const contract = new Set(contractKinds);
  const chosen = rec.proposals.filter((p) => p.usable && p.kind && !contract.has(p.kind));
  const rows = chosen.flatMap((p) => proposalToAnhXaRows(p, tableLang));
  const t = anhXaTable(rows, tableLang);
  const name = ANHXA_TABLE[tableLang];
  let bytes: Uint8Array;
  try {
    bytes = addTableSheet(buf, { sheet: name, table: t.name, headers: t.headers, rows: t.values, widths: t.widths }, { parsed });
  } catch (e) {
    if (e instanceof AddSheetError) {
      err(vi ? `Không thêm được trang ${name} vào sổ: ${e.detail}` : `Cannot add the sheet ${name} to the workbook: ${e.detail}`);
      return 1;
    }
    throw workbookError(input, msgLang, e);
  }
  writeFileAtomic(outFile, bytes);

  out(vi ? `BaoCao — đề xuất bảng ánh xạ ${name} cho ${input}` : `BaoCao — proposed ${name} table for ${input}`);
  for (const p of rec.proposals) {
    const def = p.kind ? TABLE_BY_KIND[p.kind] : null;
    const tname = def ? (vi ? def.vi : def.en) : '';
    const where = `"${p.sheet}" ${p.range}`;
    if (chosen.includes(p)) {
      const n = p.columns.filter((c) => c.field).length;
      out(vi ? `  ${where} → ${tname}: ${n} cột, độ tin cậy ${Math.round(p.confidence * 100)}%` : `  ${where} → ${tname}: ${n} columns, confidence ${Math.round(p.confidence * 100)}%`);
    } else if (p.usable && p.kind && contract.has(p.kind)) {
      out(vi ? `  ${where}: không đưa vào — sổ đã có bảng ${tname}` : `  ${where}: left out — the workbook has a ${tname} table`);
    } else {
      const why = p.reasons.map((r) => r[tableLang]).join('; ') || (vi ? 'độ tin cậy thấp' : 'low confidence');
      out(vi ? `  ${where}: không nhận ra (${why})` : `  ${where}: not recognised (${why})`);
    }
  }
  // what else recognition read, in the staff's words: the report's settings, columns told by their values
  for (const x of rec.problems.filter((q) => q.code === 'staffSettingsRead' || q.code === 'staffColumnValues' || q.code === 'staffEventColumns')) out(`  ${x.message}`);
  if (chosen.length) {
    out(
      vi
        ? `${rows.length} dòng ánh xạ cho ${chosen.length} vùng. Kiểm tra và sửa trang "${name}", rồi chạy: baocao report ${path.basename(outFile)}`
        : `${rows.length} mapping rows for ${chosen.length} ranges. Check and correct the "${name}" sheet, then run: baocao report ${path.basename(outFile)}`,
    );
  } else {
    out(vi ? `Không nhận ra vùng số liệu nào: bảng "${name}" để trống để điền tay.` : `No data range recognised: the "${name}" table is left empty to fill in by hand.`);
  }
  out(vi ? 'Đã ghi:' : 'Written:');
  out(`  ${path.resolve(outFile)}`);
  return 0;
}
