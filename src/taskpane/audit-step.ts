import { ReportResult } from '../core/engine';
import { auditText, AuditResult, Finding } from '../core/audit';
import { disagreementComments, provenanceText } from '../core/audit/comments';
import { textParagraphs } from '../core/audit/paragraphs';

/** What the staff gave to check: pasted text, or a picked file's bytes. */
export type AuditSource = { kind: 'text'; text: string } | { kind: 'docx'; name: string; bytes: Uint8Array } | { kind: 'txt'; name: string; text: string };

export interface AuditRun {
  source: AuditSource;
  paragraphs: string[];
  result: AuditResult;
  report: ReportResult;
}

/** The paragraphs of what was given (a .docx read in the browser, without Node). */
export async function paragraphsOf(source: AuditSource): Promise<string[]> {
  if (source.kind === 'docx') {
    const { readDocxParagraphs } = await import(/* webpackChunkName: "docx" */ '../document/docx-text');
    return readDocxParagraphs(source.bytes).map((p) => p.text);
  }
  return textParagraphs(source.text);
}

export async function auditSource(source: AuditSource, report: ReportResult): Promise<AuditRun> {
  const paragraphs = await paragraphsOf(source);
  return { source, paragraphs, result: auditText(paragraphs, report), report };
}

/** Where a disagreement's figure lives in the workbook: its cell, else (the first of) its tables' range. */
export function sourceAddress(f: Finding, report: ReportResult): string | null {
  if (f.source?.cell) return f.source.cell;
  // a ratio names both of its tables: "SanXuatKinhDoanh + KeHoach"
  const names = f.source ? f.source.table.split(' + ') : [];
  const table = names.map((n) => report.data.tables.find((t) => t.name === n)).find((t) => t !== undefined);
  return table ? table.range : null;
}

/** The document with a Word comment on each disagreeing number: the picked .docx, or a new one of the text. */
export async function annotatedDocx(run: AuditRun): Promise<Uint8Array> {
  const comments = disagreementComments(run.result.findings, run.report.lang);
  if (run.source.kind === 'docx') {
    const { addDocxComments } = await import(/* webpackChunkName: "docx" */ '../document/docx-comments');
    return addDocxComments(run.source.bytes, comments).bytes;
  }
  const { textDocxWithComments } = await import(/* webpackChunkName: "docx" */ '../document/audit-docx');
  return textDocxWithComments(run.paragraphs, comments);
}

export interface AuditLabels {
  auditSummary: (numbers: number, agree: number, disagree: number, unlinked: number) => string;
  auditExpected: (expected: string) => string;
  auditSource: (source: string) => string;
  auditNone: string;
}

/** The disagreements, each a button that shows the figure's source; text only, never HTML. */
export function renderAudit(summary: HTMLElement, list: HTMLElement, run: AuditRun, t: AuditLabels, onSelect: (address: string) => void): void {
  const s = run.result.summary;
  summary.textContent = t.auditSummary(s.numbers, s.agrees, s.disagrees, s.unlinked);
  const doc = list.ownerDocument;
  const wrong = run.result.findings.filter((f) => f.status === 'disagrees');
  if (!wrong.length) {
    list.replaceChildren(Object.assign(doc.createElement('li'), { textContent: t.auditNone }));
    return;
  }
  list.replaceChildren(
    ...wrong.map((f) => {
      const li = doc.createElement('li');
      const written = doc.createElement('strong');
      written.textContent = `${f.text}${f.unit === '%' ? '%' : f.unit ? ` ${f.unit}` : ''}`;
      const expected = doc.createElement('span');
      expected.textContent = ` — ${t.auditExpected(f.expected ?? '')} (${f.label ?? f.metric ?? ''})`;
      const where = doc.createElement('button');
      where.type = 'button';
      where.className = 'link';
      where.textContent = t.auditSource(provenanceText(f, run.report.lang));
      const address = sourceAddress(f, run.report);
      if (address) {
        where.dataset.address = address;
        where.addEventListener('click', () => onSelect(address));
      }
      if (!address) where.disabled = true;
      li.append(written, expected, doc.createElement('br'), where);
      return li;
    }),
  );
}
