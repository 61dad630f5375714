// LibreOffice and poppler, driven from the visual test: convert to PDF, read page sizes, text, fonts and pixels.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const run = (cmd: string, args: string[], timeout = 60_000) => execFileSync(cmd, args, { encoding: 'utf8', timeout, maxBuffer: 64 << 20 });

const onPath = (tool: string) => (process.env.PATH ?? '').split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, tool)));

export function missingTools(): string[] {
  return ['soffice', 'pdfinfo', 'pdftotext', 'pdffonts', 'pdftoppm'].filter((t) => !onPath(t));
}

/** Converts the files (their names must differ once the extension is dropped) to PDF in one LibreOffice run with a fresh profile. */
export function toPdf(files: string[], outDir: string): string[] {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-'));
  try {
    run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files], 240_000);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return files.map((f) => {
    const pdf = path.join(outDir, path.basename(f).replace(/\.[^.]+$/, '.pdf'));
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not convert ${f}`);
    return pdf;
  });
}

export function pageSizes(pdf: string): { width: number; height: number }[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))![1]);
  const info = run('pdfinfo', ['-f', '1', '-l', String(pages), pdf]);
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

export function pdfText(pdf: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return run('pdftotext', ['-enc', 'UTF-8', ...range, pdf, '-']).normalize('NFC');
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}
export function pdfFonts(pdf: string): PdfFont[] {
  const lines = run('pdffonts', [pdf]).split('\n').slice(2).filter((l) => l.trim());
  // name type encoding emb sub uni object ID: the name has no spaces; the type may ("TrueType (CID)").
  return lines.map((l) => {
    const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(l.trim());
    if (!m) throw new Error(`cannot read pdffonts line: ${l}`);
    return { name: m[1], type: m[2], embedded: m[4] === 'yes' };
  });
}

export interface TextLine {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
/** The page's text lines with their boxes, in points from the top left. */
export function textLines(pdf: string, page: number): TextLine[] {
  const xml = run('pdftotext', ['-bbox-layout', '-f', String(page), '-l', String(page), pdf, '-']);
  const num = (s: string, a: string) => Number(new RegExp(`${a}="([\\d.]+)"`).exec(s)![1]);
  return [...xml.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map((m) => ({
    text: [...m[2].matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(' ').normalize('NFC').replace(/&amp;/g, '&'),
    xMin: num(m[1], 'xMin'),
    yMin: num(m[1], 'yMin'),
    xMax: num(m[1], 'xMax'),
    yMax: num(m[1], 'yMax'),
  }));
}

/** A page as 8-bit grey pixels, `scale` pixels per point. */
export interface Raster {
  width: number;
  height: number;
  scale: number;
  px: Uint8Array;
}
export function rasterPage(pdf: string, page: number, outDir: string, scale = 2): Raster {
  const base = path.join(outDir, `raster-${path.basename(pdf, '.pdf')}-${page}`);
  run('pdftoppm', ['-gray', '-r', String(72 * scale), '-f', String(page), '-l', String(page), '-singlefile', pdf, base]);
  const buf = fs.readFileSync(`${base}.pgm`);
  // Binary PGM: "P5", width, height, maxval, one whitespace, then the pixels.
  const head = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'))!;
  return { width: Number(head[1]), height: Number(head[2]), scale, px: new Uint8Array(buf.subarray(head[0].length)) };
}

/** The longest run of dark pixels along one row within a box given in points: a drawn horizontal rule. */
export function longestHorizontalRun(r: Raster, box: { xMin: number; xMax: number; yMin: number; yMax: number }): { length: number; xMin: number; xMax: number } {
  let best = { length: 0, xMin: 0, xMax: 0 };
  const [x0, x1] = [Math.floor(box.xMin * r.scale), Math.min(r.width, Math.ceil(box.xMax * r.scale))];
  for (let y = Math.floor(box.yMin * r.scale); y < Math.min(r.height, Math.ceil(box.yMax * r.scale)); y++) {
    let start = -1;
    for (let x = x0; x <= x1; x++) {
      const dark = x < x1 && r.px[y * r.width + x] < 128;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        if (x - start > best.length * r.scale) best = { length: (x - start) / r.scale, xMin: start / r.scale, xMax: x / r.scale };
        start = -1;
      }
    }
  }
  return best;
}

/** Writes page 1 as a PNG at 60 dpi to `pngPath`. */
export function pageOnePng(pdf: string, pngPath: string): void {
  run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, pngPath.replace(/\.png$/, '')]);
}

/**
 * Horizontal bars of one grey level inside a box (points): for each band of consecutive rows that
 * hold a run of that level at least `minPt` long, the longest such run, in points, top to bottom.
 */
export function barsOfGrey(r: Raster, box: { xMin: number; xMax: number; yMin: number; yMax: number }, grey: number, tolerance = 10, minPt = 3): number[] {
  const bars: number[] = [];
  let inBar = false;
  const [x0, x1] = [Math.max(0, Math.floor(box.xMin * r.scale)), Math.min(r.width, Math.ceil(box.xMax * r.scale))];
  for (let y = Math.max(0, Math.floor(box.yMin * r.scale)); y < Math.min(r.height, Math.ceil(box.yMax * r.scale)); y++) {
    let best = 0;
    let start = -1;
    for (let x = x0; x <= x1; x++) {
      const on = x < x1 && Math.abs(r.px[y * r.width + x] - grey) <= tolerance;
      if (on && start < 0) start = x;
      if (!on && start >= 0) {
        best = Math.max(best, x - start);
        start = -1;
      }
    }
    const length = best / r.scale;
    if (length >= minPt) {
      if (!inBar) bars.push(length);
      else bars[bars.length - 1] = Math.max(bars[bars.length - 1], length);
      inBar = true;
    } else inBar = false;
  }
  return bars;
}

/** The share of pixels darker than near-white inside a box (points). */
export function inkShare(r: Raster, box: { xMin: number; xMax: number; yMin: number; yMax: number }): number {
  let ink = 0;
  let all = 0;
  for (let y = Math.max(0, Math.floor(box.yMin * r.scale)); y < Math.min(r.height, Math.ceil(box.yMax * r.scale)); y++) {
    for (let x = Math.max(0, Math.floor(box.xMin * r.scale)); x < Math.min(r.width, Math.ceil(box.xMax * r.scale)); x++) {
      all++;
      if (r.px[y * r.width + x] < 230) ink++;
    }
  }
  return all ? ink / all : 0;
}
