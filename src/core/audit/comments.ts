import { Lang } from '../problems';
import { Finding } from './audit';

/** Where the data's figure comes from: "KeHoach!C5; KeHoach: fdi_capital (Cùng kỳ), 2023 (1 dòng)". */
export function provenanceText(f: Finding, lang: Lang): string {
  const s = f.source;
  if (!s) return '';
  return `${s.cell ? `${s.cell}; ` : ''}${s.table}: ${s.filter} (${s.rows} ${lang === 'vi' ? 'dòng' : 'rows'})`;
}

/** The Word comment on a disagreeing number, as the command line and the task pane write it. */
export function commentText(f: Finding, lang: Lang): string {
  const vi = lang === 'vi';
  return [
    vi ? `BaoCao: số liệu cho ${f.expected} (${f.label ?? f.metric})` : `BaoCao: the data gives ${f.expected} (${f.label ?? f.metric})`,
    ...(f.note && !f.note.includes(f.expected ?? '\u0000') ? [f.note] : []),
    `${vi ? 'Nguồn' : 'Source'}: ${provenanceText(f, lang)}`,
  ].join('\n');
}

/** The comments to add to the audited document: one per disagreeing number, at its place. */
export function disagreementComments(findings: Finding[], lang: Lang): { paragraph: number; offset: number; length: number; text: string }[] {
  return findings.filter((f) => f.status === 'disagrees').map((f) => ({ paragraph: f.paragraph, offset: f.offset, length: f.length, text: commentText(f, lang) }));
}
