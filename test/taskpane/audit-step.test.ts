import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { annotatedDocx, auditSource, sourceAddress } from '../../src/taskpane/audit-step';
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
