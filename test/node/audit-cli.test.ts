// `baocao audit`: a written report (.txt or .docx) checked against the workbook.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { main } from '../../src/node/cli';
import { buildDocx } from '../../src/document/docx';
import { readDocxParagraphs } from '../../src/document/docx-text';
import { exampleReport } from '../document/example-report';
import { rawZip, deflated, inflatingSheet } from '../../scripts/bad-corpus/hostile';

const ROOT = path.join(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/hai-phong-2023-h1.xlsx');
const RESTORED = path.join(ROOT, 'test/fixtures/audit/seed-restored.txt');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-audit-'));
const at = (name: string) => path.join(tmp, name);

async function cli(...args: string[]) {
  const out: string[] = [];
  const code = await main(args, (l) => out.push(l), (l) => out.push(l));
  return { code, text: out.join('\n') };
}

/** Every XML part parses (saxes, strict). */
function expectWellFormed(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const xml = strFromU8(data);
    const parser = new SaxesParser();
    let error: Error | null = null;
    parser.on('error', (e) => (error ??= e));
    parser.write(xml).close();
    expect([name, error]).toEqual([name, null]);
    parts[name] = xml;
  }
  return parts;
}

let generated: Uint8Array;
beforeAll(async () => {
  generated = await buildDocx(exampleReport().model, null);
  fs.writeFileSync(at('generated.docx'), generated);
  // the same report with the seed's two slips typed back in
  const files = unzipSync(generated);
  const doc = strFromU8(files['word/document.xml']);
  expect(doc).toContain('662,18');
  expect(doc).toContain('34,0%');
  files['word/document.xml'] = strToU8(doc.replace('662,18', '662,25').replace('34,0%', '33,9%'));
  fs.writeFileSync(at('slips.docx'), zipSync(files));
  fs.copyFileSync(RESTORED, at('restored.txt'));
}, 120_000);

test('a .txt report: the summary and each disagreement with its expected value and source, exit 0', async () => {
  const r = await cli('audit', at('restored.txt'), '--data', EXAMPLE);
  expect(r.code).toBe(0);
  // 53 of II.1–II.8 and II.7's four dossier figures agree
  expect(r.text).toMatch(/Số trong văn bản: 275 — khớp 57, lệch 2, không gắn được với chỉ tiêu 216/);
  expect(r.text).toMatch(/"662,25 triệu USD" — số liệu cho 662,18 triệu USD \[fdi_total_capital\]\n\s+nguồn: DuAn: FDI, Cấp mới \+ Điều chỉnh, 01\/01\/2023–30\/06\/2023 \(43 dòng\)/);
  expect(r.text).toMatch(/"33,9%" — số liệu cho 34,0% \[import_pct_plan\]\n\s+nguồn: SanXuatKinhDoanh \+ KeHoach: import .*KeHoach!E\d+/);
});

test("BaoCao's own .docx audits clean (footnotes included)", async () => {
  const r = await cli('audit', at('generated.docx'), '--data', EXAMPLE, '--json', at('generated.json'));
  expect(r.code).toBe(0);
  expect(r.text).toMatch(/lệch 0,/);
  const j = JSON.parse(fs.readFileSync(at('generated.json'), 'utf8'));
  expect(j.summary.disagrees).toBe(0);
  expect(j.summary.agrees).toBe(69); // 64 in the text (§II.7's seven included), and the annexes' totals (Cộng: 25 and 10 dự án, 03 hồ sơ quá hạn, 01 and 03 nhiệm vụ)
  expect(j.findings.some((f: { metric: string }) => f.metric === 'ddi_total_capital_prior')).toBe(true); // from word/footnotes.xml
});

test('--out on a .docx: a Word comment on each disagreeing number, runs split around it, the text unchanged', async () => {
  const r = await cli('audit', at('slips.docx'), '--data', EXAMPLE, '--out', at('slips.checked.docx'), '--json', at('slips.json'));
  expect(r.code).toBe(0);
  expect(r.text).toMatch(/lệch 2,/);
  const bytes = new Uint8Array(fs.readFileSync(at('slips.checked.docx')));
  const parts = expectWellFormed(bytes);
  const comments = [...parts['word/comments.xml'].matchAll(/<w:comment [^>]*w:id="(\d+)"[^>]*>([\s\S]*?)<\/w:comment>/g)];
  expect(comments.map((c) => c[1])).toEqual(['0', '1']);
  expect(comments[0][2]).toContain('662,18 triệu USD');
  expect(comments[1][2]).toContain('34,0%');
  for (const [id, number] of [
    ['0', '662,25'],
    ['1', '33,9'],
  ]) {
    const anchored = new RegExp(`<w:commentRangeStart w:id="${id}"/><w:r>(?:<w:rPr>[\\s\\S]*?</w:rPr>)?<w:t xml:space="preserve">${number}</w:t></w:r><w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`);
    expect(parts['word/document.xml']).toMatch(anchored);
  }
  expect(parts['word/_rels/document.xml.rels']).toMatch(/relationships\/comments" Target="comments.xml"/);
  expect(parts['[Content_Types].xml']).toMatch(/PartName="\/word\/comments.xml" ContentType="application\/vnd.openxmlformats-officedocument.wordprocessingml.comments\+xml"/);
  // the paragraphs read the same as before: only runs were split
  expect(readDocxParagraphs(bytes)).toEqual(readDocxParagraphs(new Uint8Array(fs.readFileSync(at('slips.docx')))));
  // --json: every finding with its place, metric, expected value and source
  const j = JSON.parse(fs.readFileSync(at('slips.json'), 'utf8'));
  expect(Object.keys(j)).toEqual(['findings', 'summary']);
  expect(Object.keys(j.summary)).toEqual(['numbers', 'agrees', 'disagrees', 'unlinked']);
  const wrong = j.findings.filter((f: { status: string }) => f.status === 'disagrees');
  expect(wrong.map((f: { text: string; metric: string; expected: string }) => [f.text, f.metric, f.expected])).toEqual([
    ['662,25', 'fdi_total_capital', '662,18 triệu USD'],
    ['33,9', 'import_pct_plan', '34,0%'],
  ]);
  for (const f of j.findings) for (const k of ['status', 'text', 'paragraph', 'offset', 'metric', 'expected', 'source']) expect(f).toHaveProperty(k);
  expect(wrong[0].source).toEqual({ table: 'DuAn', filter: 'FDI, Cấp mới + Điều chỉnh, 01/01/2023–30/06/2023', rows: 43 });
});

test('--out on a .txt: a new .docx of the text with the same comments', async () => {
  const r = await cli('audit', at('restored.txt'), '--data', EXAMPLE, '--out', at('restored.checked.docx'));
  expect(r.code).toBe(0);
  const bytes = new Uint8Array(fs.readFileSync(at('restored.checked.docx')));
  const parts = expectWellFormed(bytes);
  expect([...parts['word/comments.xml'].matchAll(/<w:comment /g)]).toHaveLength(2);
  const doc = parts['word/document.xml'];
  for (const number of ['662,25', '33,9']) {
    expect(doc).toMatch(new RegExp(`<w:commentRangeStart w:id="\\d+"/><w:r>(?:<w:rPr>[\\s\\S]*?</w:rPr>)?<w:t xml:space="preserve">${number}</w:t></w:r><w:commentRangeEnd w:id="\\d+"/>`));
  }
  const paragraphs = readDocxParagraphs(bytes).map((p) => p.text);
  expect(paragraphs.some((p) => p.includes('tổng vốn thu hút đạt 662,25 triệu USD'))).toBe(true);
});

test('exit codes: 2 for usage errors, 1 for unreadable files', async () => {
  expect((await cli('audit', at('restored.txt'))).code).toBe(2); // no --data
  expect((await cli('audit', '--data', EXAMPLE)).code).toBe(2); // no report
  expect((await cli('audit', at('restored.txt'), '--data', EXAMPLE, '--docx', at('x.docx'))).code).toBe(2);
  expect((await cli('audit', at('restored.txt'), '--data', EXAMPLE, '--lang', 'fr')).code).toBe(2);
  const missing = await cli('audit', at('nope.docx'), '--data', EXAMPLE);
  expect(missing).toMatchObject({ code: 1 });
  expect(missing.text).toMatch(/Không tìm thấy tệp/);
  fs.writeFileSync(at('broken.docx'), 'PK\u0003\u0004garbage');
  const broken = await cli('audit', at('broken.docx'), '--data', EXAMPLE);
  expect(broken.code).toBe(1);
  expect(broken.text).toMatch(/\.docx bị hỏng/);
  expect(broken.text.split('\n')).toHaveLength(1);
  fs.writeFileSync(at('binary.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
  expect((await cli('audit', at('binary.txt'), '--data', EXAMPLE)).code).toBe(1);
  expect((await cli('audit', at('restored.txt'), '--data', at('nope.xlsx'))).code).toBe(1);
});

test('an output that is an input is refused before anything is written', async () => {
  const before = fs.readFileSync(at('slips.docx'));
  const a = await cli('audit', at('slips.docx'), '--data', EXAMPLE, '--out', at('slips.docx'));
  expect(a.code).toBe(1);
  expect(a.text).toMatch(/Không ghi đè lên tệp đầu vào/);
  expect(fs.readFileSync(at('slips.docx')).equals(before)).toBe(true);
  const data = at('data.xlsx');
  fs.copyFileSync(EXAMPLE, data);
  const b = await cli('audit', at('restored.txt'), '--data', data, '--json', path.join(tmp, '.', 'data.xlsx'));
  expect(b.code).toBe(1);
  expect(b.text).toMatch(/Không ghi đè lên tệp đầu vào/);
  fs.symlinkSync(at('restored.txt'), at('link.json'));
  const c = await cli('audit', at('restored.txt'), '--data', EXAMPLE, '--json', at('link.json'));
  expect(c.code).toBe(1);
  const d = await cli('audit', at('restored.txt'), '--data', EXAMPLE, '--out', at('same.docx'), '--json', at('same.docx'));
  expect(d.code).toBe(1);
  expect(fs.existsSync(at('same.docx'))).toBe(false);
});

describe('hostile report files (issue 19): the zip checks of the workbook reader, and a size limit', () => {

  const docxParts = () => {
    const files = unzipSync(fs.readFileSync(at('own.docx')));
    return Object.entries(files).map(([name, data]) => deflated(name, Buffer.from(data)));
  };
  beforeAll(async () => {
    fs.writeFileSync(at('own.docx'), await buildDocx(exampleReport().model, null));
  });

  test('a .docx whose document inflates to 1.5 GB: refused at once', async () => {
    const entries = docxParts().filter((e) => e.name !== 'word/document.xml');
    fs.writeFileSync(at('bomb.docx'), rawZip([...entries, { ...inflatingSheet(), name: 'word/document.xml' }]));
    const r = await cli('audit', at('bomb.docx'), '--data', EXAMPLE, '--out', at('bomb.out.docx'));
    expect(r.code).toBe(1);
    expect(r.text).toMatch(/^Tệp báo cáo quá lớn để đối chiếu: .*bomb\.docx \(phần văn bản giải nén ra 1\.536 MB, tối đa 16 MB\)$/);
    expect(r.text.split('\n')).toHaveLength(1);
    expect(fs.existsSync(at('bomb.out.docx'))).toBe(false);
  });

  test('a .docx whose image inflates to 1.5 GB: refused at once as a bomb', async () => {
    fs.writeFileSync(at('bomb2.docx'), rawZip([...docxParts(), { ...inflatingSheet(), name: 'word/media/image1.png' }]));
    const r = await cli('audit', at('bomb2.docx'), '--data', EXAMPLE);
    expect(r.code).toBe(1);
    expect(r.text).toMatch(/^Tệp .docx bị từ chối: một phần của tệp giải nén ra quá lớn .*bomb2\.docx \(word\/media\/image1\.png: declared size 1536 MB/);
  });

  test('a .docx with two word/document.xml: refused, neither read', async () => {
    const entries = docxParts();
    const doc = entries.find((e) => e.name === 'word/document.xml')!;
    const other = deflated('word/document.xml', strFromU8(unzipSync(fs.readFileSync(at('own.docx')))['word/document.xml']).replace(/<w:t>[^<]*<\/w:t>/, '<w:t>Vốn FDI 1 triệu USD</w:t>'));
    fs.writeFileSync(at('twice.docx'), rawZip([...entries, other]));
    expect(entries.includes(doc)).toBe(true);
    const r = await cli('audit', at('twice.docx'), '--data', EXAMPLE, '--out', at('twice.out.docx'));
    expect(r.code).toBe(1);
    expect(r.text).toMatch(/^Tệp .docx bị hỏng hoặc không đọc được: .*twice\.docx \(the part word\/document\.xml appears twice in the zip\)$/);
    expect(fs.existsSync(at('twice.out.docx'))).toBe(false);
  });

  test('a 100 MB .txt: refused at once, saying how large it is and the limit', async () => {
    const big = at('big.txt');
    fs.writeFileSync(big, Buffer.alloc(100 * 2 ** 20, 'Vốn đầu tư FDI đạt 662,18 triệu USD. '));
    try {
      const r = await cli('audit', big, '--data', EXAMPLE, '--lang', 'en');
      expect(r.code).toBe(1);
      expect(r.text).toBe(`The report file is too large to check: ${big} (100 MB, at most 1 MB)`);
    } finally {
      fs.unlinkSync(big);
    }
  });
});
