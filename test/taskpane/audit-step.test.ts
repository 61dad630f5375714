import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { AuditInputError, annotatedDocx, annotatedName, auditSource, sourceAddress, sourceFromFile } from '../../src/taskpane/audit-step';
import { buildDocx } from '../../src/document/docx';
import { exampleReport } from '../document/example-report';

const restored = fs.readFileSync(path.join(__dirname, '../fixtures/audit/seed-restored.txt'), 'utf8').split('\n');
const slips = [restored.find((l) => l.includes('662,25'))!, restored.find((l) => l.includes('33,9%'))!].join('\n\n');

test('pasted text: the two slips, each with the workbook place of its figure, and a new .docx with a comment on each', async () => {
  const report = exampleReport();
  const run = await auditSource({ kind: 'text', text: slips }, report);
  const wrong = run.result.findings.filter((f) => f.status === 'disagrees');
  expect(wrong.map((f) => f.text)).toEqual(['662,25', '33,9']);
  for (const f of wrong) expect(sourceAddress(f, report)).toMatch(/^(DuAn|SanXuatKinhDoanh|KeHoach)!/);
  const zip = await JSZip.loadAsync(await annotatedDocx(run));
  expect((await zip.file('word/comments.xml')!.async('string')).match(/<w:comment /g)).toHaveLength(2);
});

test('a picked .docx (BaoCao\'s own report) is read in the browser-safe way and audits clean', async () => {
  const report = exampleReport();
  const bytes = await buildDocx(report.model, null);
  const run = await auditSource({ kind: 'docx', name: 'bao-cao.docx', bytes }, report);
  expect(run.paragraphs.length).toBeGreaterThan(50);
  expect(run.result.summary.disagrees).toBe(0);
  expect(run.result.summary.agrees).toBeGreaterThan(40);
});

describe('a picked file', () => {
  test('an old Word .doc is refused by its signature, whatever its name', () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(() => sourceFromFile('bao-cao.txt', ole)).toThrow(expect.objectContaining({ reason: 'doc', fileName: 'bao-cao.txt' }));
    expect(() => sourceFromFile('bao-cao.doc', new TextEncoder().encode('x'))).toThrow(AuditInputError);
  });

  test('text that is not UTF-8 (TCVN3 bytes) is refused instead of read as garbage; UTF-8 text is read', () => {
    expect(() => sourceFromFile('bc.txt', Uint8Array.from([0x42, 0xb8, 0xe1, 0x6f]))).toThrow(expect.objectContaining({ reason: 'encoding' }));
    expect(sourceFromFile('bc.txt', new TextEncoder().encode('Nộp ngân sách 1.368 triệu đồng'))).toEqual({ kind: 'txt', name: 'bc.txt', text: 'Nộp ngân sách 1.368 triệu đồng' });
  });

  test('a damaged .docx is named as such when read', async () => {
    const source = sourceFromFile('hong.docx', Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3]));
    expect(source.kind).toBe('docx');
    await expect(auditSource(source, exampleReport())).rejects.toMatchObject({ reason: 'damaged', fileName: 'hong.docx' });
  });

  test('the annotated copy is named after the picked file, without characters file systems refuse', () => {
    expect(annotatedName('Báo cáo 6T.docx', '.doi-chieu.docx', 'x.docx')).toBe('Báo cáo 6T.doi-chieu.docx');
    expect(annotatedName('<img src=x onerror=alert(1)>/..\\a:b.docx', '.doi-chieu.docx', 'x.docx')).toBe('img src=x onerror=alert(1)-..-a-b.doi-chieu.docx');
    expect(annotatedName('...docx', '.doi-chieu.docx', 'bao-cao-doi-chieu.docx')).toBe('bao-cao-doi-chieu.docx');
  });
});
