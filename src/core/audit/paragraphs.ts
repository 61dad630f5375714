/**
 * Paragraphs of a plain-text report: blank lines separate paragraphs; the lines of one paragraph
 * (as OCR or an e-mail wraps them) are joined with a space. A line starting like a list item or a
 * section ("- ", "+ ", "(1)", "2.", "II.") starts a new paragraph.
 */
export function textParagraphs(text: string): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  const flush = () => {
    if (cur.length) out.push(cur.join(' ').replace(/[ \t]+/g, ' ').trim());
    cur = [];
  };
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    if (/^([-+•]\s|\(\d{1,2}\)\s|\d{1,2}\.\s|[IVX]{1,4}\.\s)/.test(line)) flush();
    cur.push(line);
  }
  flush();
  return out.filter(Boolean);
}
