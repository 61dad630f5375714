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

/** Why a picked file cannot be checked: an old Word .doc, a damaged .docx, or text not in UTF-8. */
export class AuditInputError extends Error {
  constructor(
    readonly reason: 'doc' | 'damaged' | 'encoding',
    readonly fileName: string,
  ) {
    super(`${reason}: ${fileName}`);
  }
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What a picked file holds: a .docx (by name or zip signature), else UTF-8 text; an old .doc or other encodings are refused. */
export function sourceFromFile(name: string, bytes: Uint8Array): AuditSource {
  if (/\.doc$/i.test(name) || OLE_SIGNATURE.every((b, i) => bytes[i] === b)) throw new AuditInputError('doc', name);
  if (/\.docx$/i.test(name) || (bytes[0] === 0x50 && bytes[1] === 0x4b)) return { kind: 'docx', name, bytes };
  try {
    // fatal: a report saved as Windows-1258 or TCVN3 would otherwise read as garbage and agree with nothing
    return { kind: 'txt', name, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    throw new AuditInputError('encoding', name);
  }
}

/** A picked file's bytes through FileReader (older Office webviews lack Blob.arrayBuffer). */
export function readFileBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader'));
    reader.readAsArrayBuffer(file);
  });
}

/** The annotated copy's file name: the picked name without its extension and without characters file systems refuse. */
export function annotatedName(sourceName: string, suffix: string, fallback: string): string {
  const stem = sourceName
    .replace(/\.(docx|txt)$/i, '')
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '-')
    .replace(/^[\s.-]+|[\s.]+$/g, '')
    .slice(0, 100);
  return stem ? `${stem}${suffix}` : fallback;
}

/** The paragraphs of what was given (a .docx read in the browser, without Node). */
export async function paragraphsOf(source: AuditSource): Promise<string[]> {
  if (source.kind === 'docx') {
    const { readDocxParagraphs } = await import(/* webpackChunkName: "docx" */ '../document/docx-text');
    try {
      return readDocxParagraphs(source.bytes).map((p) => p.text);
    } catch {
      throw new AuditInputError('damaged', source.name);
    }
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
