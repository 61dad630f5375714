import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { main } from '../../src/node/cli';
import { checkOutputs, fileIdentity, writeFileAtomic } from '../../src/node/output-files';
import { isXmlSafe, unsafeCharacters, xmlSafe, deepXmlSafe } from '../../src/core/records/xml-text';

const EXAMPLE = path.join(__dirname, '../../examples/hai-phong-2023-h1.xlsx');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-safety-'));
let n = 0;
const fresh = () => {
  const dir = path.join(tmp, `case${++n}`);
  fs.mkdirSync(dir);
  const input = path.join(dir, 'in.xlsx');
  fs.copyFileSync(EXAMPLE, input);
  return { dir, input, bytes: fs.readFileSync(input) };
};

async function cli(...args: string[]) {
  const lines: string[] = [];
  const code = await main([...args, '--today', '2023-07-01'], (l) => lines.push(l), (l) => lines.push(l));
  return { code, text: lines.join('\n'), lines };
}

function expectOneClearLine(r: { code: number; lines: string[]; text: string }, message: RegExp) {
  expect(r.code).toBe(1);
  expect(r.lines).toHaveLength(1);
  expect(r.text).toMatch(message);
  expect(r.text).not.toMatch(/\n\s+at |\.ts:\d+|\.js:\d+/);
}

describe('an output that is the input is refused, whatever the path says', () => {
  test.each([
    ['a symbolic link to the input', (d: string, i: string) => (fs.symlinkSync(i, path.join(d, 'link.xlsx')), ['--out', path.join(d, 'link.xlsx')])],
    ['a relative symbolic link', (d: string) => (fs.symlinkSync('in.xlsx', path.join(d, 'rel.xlsx')), ['--out', path.join(d, 'rel.xlsx')])],
    ['a hard link to the input', (d: string, i: string) => (fs.linkSync(i, path.join(d, 'hard.xlsx')), ['--out', path.join(d, 'hard.xlsx')])],
    ['a linked folder', (d: string) => (fs.symlinkSync('.', path.join(d, 'here')), ['--out', path.join(d, 'here', 'in.xlsx')])],
    ['a path through ..', (d: string) => (fs.mkdirSync(path.join(d, 'sub')), ['--out', path.join(d, 'sub', '..', 'in.xlsx')])],
    ['--json onto a link', (d: string, i: string) => (fs.symlinkSync(i, path.join(d, 'j.json')), ['--out', path.join(d, 'o.xlsx'), '--json', path.join(d, 'j.json')])],
    ['--docx onto a hard link', (d: string, i: string) => (fs.linkSync(i, path.join(d, 'd.docx')), ['--out', path.join(d, 'o.xlsx'), '--docx', path.join(d, 'd.docx')])],
  ])('%s', async (_, setup) => {
    const { dir, input, bytes } = fresh();
    const opts = setup(dir, input);
    const r = await cli('report', input, ...opts);
    expectOneClearLine(r, /Không ghi đè lên tệp đầu vào/);
    expect(fs.readFileSync(input).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('two outputs that are one file are refused before anything is written', async () => {
    const { dir, input } = fresh();
    fs.symlinkSync('a.xlsx', path.join(dir, 'b.json'));
    const same = await cli('report', input, '--out', path.join(dir, 'a.xlsx'), '--json', path.join(dir, 'a.xlsx'));
    expectOneClearLine(same, /--out và --json cùng chỉ tới một tệp/);
    const linked = await cli('report', input, '--out', path.join(dir, 'a.xlsx'), '--json', path.join(dir, 'b.json'), '--lang', 'en');
    expectOneClearLine(linked, /--out and --json name the same file/);
    expect(fs.existsSync(path.join(dir, 'a.xlsx'))).toBe(false);
  });

  test('identity is by file: distinct files differ, links and spellings agree', () => {
    const { dir, input } = fresh();
    fs.symlinkSync(input, path.join(dir, 'l.xlsx'));
    expect(fileIdentity(path.join(dir, 'l.xlsx'))).toBe(fileIdentity(input));
    expect(fileIdentity(path.join(dir, 'new', '..', 'x.xlsx'))).toBe(fileIdentity(path.join(dir, 'x.xlsx')));
    expect(fileIdentity(path.join(dir, 'x.xlsx'))).not.toBe(fileIdentity(path.join(dir, 'y.xlsx')));
    fs.symlinkSync('later.xlsx', path.join(dir, 'dangling.xlsx'));
    expect(fileIdentity(path.join(dir, 'dangling.xlsx'))).toBe(fileIdentity(path.join(dir, 'later.xlsx')));
    expect(() => checkOutputs(input, [{ option: '--out', file: path.join(dir, 'x.xlsx') }, { option: '--docx', file: path.join(dir, 'y.docx') }], 'vi')).not.toThrow();
  });

  test('baocao template refuses a link, even one pointing nowhere', async () => {
    const { dir, input, bytes } = fresh();
    fs.symlinkSync(input, path.join(dir, 't.xlsx'));
    fs.symlinkSync(path.join(dir, 'nowhere.xlsx'), path.join(dir, 'dangling.xlsx'));
    expect((await cli('template', path.join(dir, 't.xlsx'))).code).toBe(1);
    expect((await cli('template', path.join(dir, 'dangling.xlsx'))).code).toBe(1);
    expect(fs.readFileSync(input).equals(bytes)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'nowhere.xlsx'))).toBe(false);
  });
});

describe('the XML character range', () => {
  test('xmlSafe keeps what XML holds and drops the rest', () => {
    const bad = 'a\uFFFEb\uFFFFc\u0001d\u001Fe\uD800f\uDC00g';
    expect(isXmlSafe(bad)).toBe(false);
    expect(xmlSafe(bad)).toBe('abcdefg');
    expect(unsafeCharacters(bad)).toEqual(['U+FFFE', 'U+FFFF', 'U+0001', 'U+001F', 'U+D800', 'U+DC00']);
    const good = 'Tiếng Việt\t\n\r 😀 \uE000 \uFFFD';
    expect(isXmlSafe(good)).toBe(true);
    expect(xmlSafe(good)).toBe(good);
    const obj = { a: ['x\uFFFE', 1, null, { b: 'y\u0000' }], d: new Date(0), keep: 'ok' };
    expect(deepXmlSafe(obj)).toEqual({ a: ['x', 1, null, { b: 'y' }], d: new Date(0), keep: 'ok' });
    expect(deepXmlSafe(obj).a[3]).not.toBe(obj.a[3]); // a copy: the model itself is not changed
    expect((obj.a[3] as { b: string }).b).toBe('y\u0000');
    const clean = { a: ['x'] };
    expect(deepXmlSafe(clean)).toBe(clean);
  });

  test('U+FFFE, U+FFFF and C0 controls in cells: both outputs are well-formed, nothing after them is lost, each cell is named', async () => {
    const { dir } = fresh();
    const parts = unzipSync(fs.readFileSync(EXAMPLE));
    let sst = Buffer.from(parts['xl/sharedStrings.xml']).toString('utf8');
    const agency = 'Ban Quản lý Khu kinh tế Hải Phòng';
    const signer = 'Nguyễn Văn Hùng';
    expect(sst).toContain(`<t>${agency}</t>`);
    sst = sst.replace(`<t>${agency}</t>`, '<t>Ban Quản lý_xFFFE_ Khu kinh tế_xFFFF_ Hải Phòng</t>');
    sst = sst.replace(`<t>${signer}</t>`, '<t>Nguyễn_x0001_ Văn_xFFFF_ Hùng</t>');
    parts['xl/sharedStrings.xml'] = strToU8(sst);
    const input = path.join(dir, 'hostile.xlsx');
    fs.writeFileSync(input, zipSync(parts));
    const out = path.join(dir, 'o.xlsx');
    const docx = path.join(dir, 'o.docx');
    const json = path.join(dir, 'o.json');
    const r = await cli('report', input, '--out', out, '--docx', docx, '--json', json);
    expect(r.code).toBe(0);

    const report = JSON.parse(fs.readFileSync(json, 'utf8'));
    const cleaned = report.problems.filter((p: { code: string }) => p.code === 'textCleaned');
    expect(cleaned.map((p: { level: string; cell: string }) => `${p.level} ${p.cell}`).sort()).toEqual(['info ThongTin!B14', 'info ThongTin!B5']);
    expect(cleaned.find((p: { cell: string }) => p.cell === 'ThongTin!B5').message).toMatch(/U\+FFFE, U\+FFFF/);

    // every XML part of the .docx parses under a strict XML 1.0 parser
    const docParts = unzipSync(fs.readFileSync(docx));
    for (const [name, bytes] of Object.entries(docParts)) {
      if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
      const parser = new SaxesParser({ xmlns: true });
      expect(() => parser.write(Buffer.from(bytes).toString('utf8')).close()).not.toThrow();
    }
    const documentXml = Buffer.from(docParts['word/document.xml']).toString('utf8');
    expect(documentXml).toContain('BAN QUẢN LÝ KHU KINH TẾ HẢI PHÒNG');
    expect(documentXml).toContain('Nguyễn Văn Hùng');

    // the .xlsx keeps the text after the bad characters
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts: string[] = [];
    wb.getWorksheet('Báo cáo')!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.join('\n')).toContain('BAN QUẢN LÝ KHU KINH TẾ HẢI PHÒNG');
    expect(texts.join('\n')).toContain('Nguyễn Văn Hùng');
    for (const [name, bytes] of Object.entries(unzipSync(fs.readFileSync(out)))) {
      if (!name.endsWith('.xml')) continue;
      expect(isXmlSafe(Buffer.from(bytes).toString('utf8').replace(/_x[0-9A-F]{4}_/gi, ''))).toBe(true);
    }
  });
});

describe('every failure ends in one clear line and exit 1', () => {
  test('--out naming a folder', async () => {
    const { dir, input } = fresh();
    expectOneClearLine(await cli('report', input, '--out', dir), /là một thư mục/);
    expectOneClearLine(await cli('report', input, '--out', path.join(dir, 'o.xlsx'), '--json', dir, '--lang', 'en'), /--json .* is a folder/);
  });

  test('an output folder that cannot be made (a file stands in the path)', async () => {
    const { dir, input } = fresh();
    fs.writeFileSync(path.join(dir, 'file'), 'x');
    expectOneClearLine(await cli('report', input, '--out', path.join(dir, 'file', 'o.xlsx')), /ENOTDIR|EEXIST/);
  });

  test('a FIFO and a device as input', async () => {
    const { dir } = fresh();
    const fifo = path.join(dir, 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    expectOneClearLine(await cli('report', fifo, '--out', path.join(dir, 'o.xlsx')), /không phải là tệp thông thường/);
    expectOneClearLine(await cli('report', '/dev/zero', '--out', path.join(dir, 'o.xlsx')), /không phải là tệp thông thường/);
    expectOneClearLine(await cli('report', '/dev/null', '--out', path.join(dir, 'o.xlsx'), '--lang', 'en'), /not a regular file/);
  });

  test('--debug adds the technical details', async () => {
    const { dir, input } = fresh();
    fs.writeFileSync(path.join(dir, 'file'), 'x');
    const r = await cli('report', input, '--out', path.join(dir, 'file', 'o.xlsx'), '--debug');
    expect(r.code).toBe(1);
    expect(r.lines.length).toBeGreaterThan(1);
    expect(r.text).toMatch(/\n\s*at /);
  });
});

describe('atomic writes', () => {
  test('the file is either the old one or the whole new one; a failed write leaves no trace', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'atomic-'));
    const file = path.join(dir, 'r.json');
    writeFileAtomic(file, 'old');
    writeFileAtomic(file, 'new');
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(fs.readdirSync(dir)).toEqual(['r.json']);
    // a link is followed: the linked file changes, the link stays
    fs.symlinkSync('r.json', path.join(dir, 'link.json'));
    writeFileAtomic(path.join(dir, 'link.json'), 'through');
    expect(fs.lstatSync(path.join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('through');
    // a temporary file of a killed run (a process that no longer exists) is cleared on the next write
    fs.writeFileSync(path.join(dir, '.r.json.999999999-0badf00d.tmp'), 'half');
    writeFileAtomic(file, 'again');
    expect(fs.readdirSync(dir).sort()).toEqual(['link.json', 'r.json']);
    expect(() => writeFileAtomic(dir, 'x')).toThrow();
    expect(fs.readdirSync(dir).sort()).toEqual(['link.json', 'r.json']);
  });
});
