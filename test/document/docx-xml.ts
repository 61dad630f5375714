// Small readers for WordprocessingML, enough to assert what the Word writer puts in a .docx.
import JSZip from 'jszip';

export async function unzipDocx(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name.endsWith('.xml') || name.endsWith('.rels')) parts[name] = await zip.file(name)!.async('string');
  return parts;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export interface Para {
  xml: string;
  text: string;
  pPr: string;
  /** The rPr of each run that has text. */
  runs: { rPr: string; text: string }[];
}

export function paragraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p(?: [^>]*)?>[\s\S]*?<\/w:p>|<w:p(?: [^>]*)?\/>/g)].map((m) => {
    const p = m[0];
    const runs = [...p.matchAll(/<w:r(?: [^>]*)?>([\s\S]*?)<\/w:r>/g)]
      .map((r) => ({ rPr: /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r[1])?.[1] ?? '', text: [...r[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1])).join('') }))
      .filter((r) => r.text);
    return { xml: p, text: runs.map((r) => r.text).join('').normalize('NFC'), pPr: /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(p)?.[1] ?? '', runs };
  });
}

/** The value of `attr` on the first `<tag …>` in xml, or null. */
export function attr(xml: string, tag: string, name: string): string | null {
  const el = new RegExp(`<${tag}(?=[\\s/>])[^>]*>`).exec(xml)?.[0];
  if (!el) return null;
  return new RegExp(`\\s${name}="([^"]*)"`).exec(el)?.[1] ?? null;
}

export const num = (v: string | null): number => (v === null ? NaN : Number(v));

/** Text of a part with paragraphs on lines, as the seed check reads it. */
export function plainText(xml: string): string {
  return unescape(xml.replace(/<w:tab\/>/g, ' ').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '')).normalize('NFC');
}

/** Run properties in effect for a run: bold, italic, size (half-points; null = the default). */
export function runStyle(rPr: string): { bold: boolean; italic: boolean; size: number | null } {
  const on = (tag: string) => new RegExp(`<w:${tag}(?: w:val="(?:true|1|on)")?\\s*/>`).test(rPr);
  const sz = attr(rPr, 'w:sz', 'w:val');
  return { bold: on('b'), italic: on('i'), size: sz === null ? null : Number(sz) };
}
