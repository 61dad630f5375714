import fs from 'node:fs';
import path from 'node:path';
import { buildReport, reportJson, ReportResult } from '../core/engine';
import { Lang } from '../core/problems';
import { templateTables } from '../core/template-tables';
import { InputError, readWorkbookFile } from './input-file';
import { writePlanToFile } from './xlsx-writer';
import { writeTablesToFile } from './write-tables';
import { buildDocx } from '../document/docx';

const USAGE = `baocao — báo cáo sơ kết từ các bảng Excel / half-year report from Excel tables

Cách dùng / usage:
  baocao report <workbook.xlsx> [--out <file.xlsx>] [--docx <file.docx>] [--json <file.json>] [--lang vi|en]
  baocao template <file.xlsx>
  baocao --help | --version`;

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

function sameFile(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

function ensureDir(file: string) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}

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
  const known = new Set(['out', 'docx', 'json', 'lang', 'today']);
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
  } catch (e) {
    if (e instanceof InputError || e instanceof UsageError) {
      err(e.message);
      return 1;
    }
    err(`Lỗi không mong đợi / unexpected error: ${(e as Error).stack ?? e}`);
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
  for (const f of [outFile, args.options.docx, args.options.json]) {
    if (f && sameFile(f, input)) throw new UsageError(msgLang === 'vi' ? `Không ghi đè lên tệp đầu vào: ${input}` : `Refusing to overwrite the input file: ${input}`);
  }
  if (args.options.today && !/^\d{4}-\d{2}-\d{2}$/.test(args.options.today)) throw new UsageError('--today YYYY-MM-DD');
  const snapshots = await readWorkbookFile(input, msgLang);
  const result = buildReport(snapshots, { lang, today: args.options.today });
  ensureDir(outFile);
  await writePlanToFile(result.plan, outFile);
  const written = [outFile];
  if (args.options.docx) {
    ensureDir(args.options.docx);
    fs.writeFileSync(args.options.docx, await buildDocx(result.model));
    written.push(args.options.docx);
  }
  if (args.options.json) {
    ensureDir(args.options.json);
    fs.writeFileSync(args.options.json, JSON.stringify(reportJson(result), null, 2) + '\n');
    written.push(args.options.json);
  }
  summarise(result, written, out);
  return 0;
}

function summarise(r: ReportResult, written: string[], out: Out): void {
  const vi = r.lang === 'vi';
  const p = r.period;
  out(vi ? `BaoCao — kỳ báo cáo: ${p ? `${p.start} → ${p.end}` : 'chưa xác định'}` : `BaoCao — period: ${p ? `${p.start} → ${p.end}` : 'unknown'}`);
  for (const h of r.model.highlights) out(`  ${h.label}: ${h.text}`);
  const count = (l: string) => r.problems.filter((x) => x.level === l).length;
  out(vi ? `Kiểm tra: ${count('error')} lỗi, ${count('warning')} cảnh báo, ${count('info')} thông tin` : `Checks: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes`);
  for (const x of r.problems.filter((x) => x.level === 'error').slice(0, 10)) out(`  ${x.cell ?? '—'}: ${x.message}`);
  if (count('error') > 10) out(vi ? `  … xem trang "Kiểm tra" trong tệp kết quả` : `  … see the "Checks" sheet of the output`);
  out(vi ? 'Đã ghi:' : 'Written:');
  for (const f of written) out(`  ${path.resolve(f)}`);
}

async function template(args: Args, lang: Lang, out: Out, err: Out): Promise<number> {
  const file = args.positional[0];
  if (!file) {
    err(`Thiếu tên tệp / missing file name\n\n${USAGE}`);
    return 2;
  }
  if (fs.existsSync(file)) {
    err(lang === 'vi' ? `Tệp đã có, không ghi đè: ${file}` : `The file exists; not overwriting it: ${file}`);
    return 1;
  }
  ensureDir(file);
  await writeTablesToFile(templateTables(false), file);
  out(lang === 'vi' ? `Đã tạo sổ mẫu: ${path.resolve(file)}` : `Template written: ${path.resolve(file)}`);
  return 0;
}
