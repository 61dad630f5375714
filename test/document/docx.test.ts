import { nodeRasterizer } from '../../src/node/chart-raster';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { ReportModel } from '../../src/core/report/report';
import { buildDocx } from '../../src/document/docx';
import { boldTextWidth, textWidthPt } from '../../src/core/report/text-width';
import { columnWidths } from '../../src/document/tables';
import { Para, attr, num, paragraphs, plainText, runStyle, unzipDocx } from './docx-xml';
import { exampleReport, exampleSnapshots, missingPhrases, normText } from './example-report';
import { ReportResult, buildReport } from '../../src/core/engine';
import { TableSnapshot } from '../../src/core/records/snapshot';
import { stressReport } from '../visual/stress-workbook';

const TWIPS_PER_MM = 1440 / 25.4;
const mm = (twips: number) => twips / TWIPS_PER_MM;

let model: ReportModel;
let parts: Record<string, string>;
let doc: string;
let paras: Para[];
let docBytes: Uint8Array;

beforeAll(async () => {
  model = exampleReport().model;
  const bytes = await buildDocx(model, nodeRasterizer());
  docBytes = bytes;
  expect(bytes).toBeInstanceOf(Uint8Array);
  expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK');
  parts = await unzipDocx(bytes);
  doc = parts['word/document.xml'];
  paras = paragraphs(doc);
});

/** The one paragraph whose text is exactly `text`. */
function para(text: string): Para {
  const found = paras.filter((p) => p.text === text.normalize('NFC'));
  if (found.length !== 1) throw new Error(`${found.length} paragraphs read "${text}"`);
  return found[0];
}
/** Style of the paragraph's text, which must be the same in all its runs. */
function style(p: Para) {
  const styles = p.runs.map((r) => JSON.stringify(runStyle(r.rPr)));
  expect(new Set(styles).size).toBe(1);
  return runStyle(p.runs[0].rPr);
}
const justification = (p: Para) => attr(p.pPr, 'w:jc', 'w:val');
const indent = (p: Para) => ({ left: num(attr(p.pPr, 'w:ind', 'w:left') ?? '0'), right: num(attr(p.pPr, 'w:ind', 'w:right') ?? '0') });
/** The paragraph after `p` in the document. */
const next = (p: Para) => paras[paras.indexOf(p) + 1];
const bottomRule = (p: Para) => /<w:pBdr>[\s\S]*<w:bottom w:val="single"/.test(p.pPr);
/** Width of a cell's text area: its width less the table's cell padding. */
function cellTextWidth(tableXml: string, column: number): number {
  const cols = [...tableXml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
  const pad = num(attr(/<w:tblCellMar>[\s\S]*?<\/w:tblCellMar>/.exec(tableXml)![0], 'w:left', 'w:w')) + num(attr(/<w:tblCellMar>[\s\S]*?<\/w:tblCellMar>/.exec(tableXml)![0], 'w:right', 'w:w'));
  return cols[column] - pad;
}
const tables = () => [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);

describe('page setup', () => {
  test('A4 portrait with the decree margins: top and bottom 20 mm, left 30 mm, right 15 mm', () => {
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(doc)![0];
    expect(num(attr(sect, 'w:pgSz', 'w:w'))).toBe(11906);
    expect(num(attr(sect, 'w:pgSz', 'w:h'))).toBe(16838);
    expect(attr(sect, 'w:pgSz', 'w:orient') ?? 'portrait').toBe('portrait');
    expect(mm(num(attr(sect, 'w:pgMar', 'w:top')))).toBeCloseTo(20, 1);
    expect(mm(num(attr(sect, 'w:pgMar', 'w:bottom')))).toBeCloseTo(20, 1);
    expect(mm(num(attr(sect, 'w:pgMar', 'w:left')))).toBeCloseTo(30, 1);
    expect(mm(num(attr(sect, 'w:pgMar', 'w:right')))).toBeCloseTo(15, 1);
    // The page-number header must sit inside the top margin.
    expect(num(attr(sect, 'w:pgMar', 'w:header'))).toBeLessThan(num(attr(sect, 'w:pgMar', 'w:top')));
  });

  test('page numbers centred at the top from page 2: a different first page with no number', () => {
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(doc)![0];
    expect(sect).toMatch(/<w:titlePg\/>|<w:titlePg w:val="(true|1)"\/>/);
    const rels = parts['word/_rels/document.xml.rels'];
    const target = (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(sect)![1];
      return 'word/' + new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    };
    const byDefault = parts[target('default')];
    const first = parts[target('first')];
    expect(byDefault).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>|<w:fldSimple w:instr="\s*PAGE\s*"/);
    expect(attr(paragraphs(byDefault)[0].pPr, 'w:jc', 'w:val')).toBe('center');
    expect(first).not.toMatch(/PAGE/);
  });
});

describe('fonts and language', () => {
  test('Times New Roman, 14 pt and Vietnamese by default', () => {
    const defaults = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(parts['word/styles.xml'])![0];
    for (const a of ['w:ascii', 'w:hAnsi', 'w:cs', 'w:eastAsia']) expect(attr(defaults, 'w:rFonts', a)).toBe('Times New Roman');
    expect(attr(defaults, 'w:sz', 'w:val')).toBe('28');
    expect(attr(defaults, 'w:lang', 'w:val')).toBe('vi-VN');
    expect(parts['word/theme/theme1.xml']).toMatch(/<a:minorFont><a:latin typeface="Times New Roman"/);
  });

  test('no run names another font', () => {
    for (const name of ['word/document.xml', 'word/footnotes.xml', 'word/header1.xml', 'word/header2.xml']) {
      for (const m of (parts[name] ?? '').matchAll(/<w:rFonts [^>]*>/g)) expect(m[0]).not.toMatch(/w:(ascii|hAnsi)="(?!Times New Roman")/);
    }
  });
});

describe('header block (Nghị định 30/2020, Phụ lục I)', () => {
  test('is a borderless two-column table', () => {
    const t = tables()[0];
    expect(doc.indexOf(t)).toBeLessThan(doc.indexOf(model.title));
    expect([...t.matchAll(/<w:gridCol /g)]).toHaveLength(2);
    for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) expect(attr(t, `w:${side}`, 'w:val')).toMatch(/^(none|nil)$/);
    expect(t).not.toMatch(/<w:tcBorders>/);
    expect(t).toContain(model.header.agency);
    expect(t).toContain(model.header.motto);
  });

  test('left: parent agency (13, upper), agency (13, bold) with a short centred rule, number (13)', () => {
    const parent = para(model.header.parentAgency);
    expect(parent.text).toBe(parent.text.toLocaleUpperCase('vi'));
    expect(style(parent)).toEqual({ bold: false, italic: false, size: 26 });
    const agency = para(model.header.agency);
    expect(agency.text).toBe(agency.text.toLocaleUpperCase('vi'));
    expect(style(agency)).toEqual({ bold: true, italic: false, size: 26 });
    const r = next(agency);
    expect(bottomRule(r)).toBe(true);
    const { left, right } = indent(r);
    expect(left).toBe(right);
    const inner = cellTextWidth(tables()[0], 0);
    const shown = Math.min(boldTextWidth(model.header.agency, 13), inner);
    const length = inner - left - right;
    expect(length / shown).toBeGreaterThanOrEqual(1 / 3);
    expect(length / shown).toBeLessThanOrEqual(1 / 2);
    expect(style(para(model.header.docNumber))).toEqual({ bold: false, italic: false, size: 26 });
    expect(model.header.docNumber).toMatch(/^Số: .*\/BC-/);
  });

  test('right: nation (13, bold, upper), motto (14, bold) with a rule as long as it, place and date (14, italic)', () => {
    const nation = para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(style(nation)).toEqual({ bold: true, italic: false, size: 26 });
    const motto = para('Độc lập - Tự do - Hạnh phúc');
    expect(style(motto)).toEqual({ bold: true, italic: false, size: 28 });
    const r = next(motto);
    expect(bottomRule(r)).toBe(true);
    const { left, right } = indent(r);
    expect(left).toBe(right);
    // The motto set in Times New Roman Bold 14 pt is 60 mm long.
    expect(mm(cellTextWidth(tables()[0], 1) - left - right)).toBeGreaterThan(57);
    expect(mm(cellTextWidth(tables()[0], 1) - left - right)).toBeLessThan(63);
    const date = para(model.header.placeDate);
    expect(date.text).toMatch(/^Hải Phòng, ngày 30 tháng 0?6 năm 2023$/);
    expect(style(date)).toEqual({ bold: false, italic: true, size: 28 });
    for (const p of [nation, motto, date, para(model.header.agency)]) expect(justification(p)).toBe('center');
  });

  test('"BÁO CÁO" and the subject: 14, bold, centred, a short rule under the subject', () => {
    const title = para('BÁO CÁO');
    expect(style(title)).toEqual({ bold: true, italic: false, size: 28 });
    expect(justification(title)).toBe('center');
    const subject = para(model.subject!);
    expect(style(subject)).toEqual({ bold: true, italic: false, size: 28 });
    expect(justification(subject)).toBe('center');
    expect(next(title)).toBe(subject);
    expect(bottomRule(next(subject))).toBe(true);
  });
});

describe('body', () => {
  const blockText = (b: ReportModel['blocks'][number]) =>
    normText(b.kind === 'heading' ? b.text : b.kind === 'figure' || b.kind === 'table' ? b.caption : b.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('')).trim();
  const bodyPara = (b: ReportModel['blocks'][number]) => {
    const found = paras.filter((p) => normText(p.text).trim() === blockText(b));
    expect(found.length).toBeGreaterThanOrEqual(1);
    return found[0];
  };

  test('every text block of the model is a paragraph: 14 pt, justified, first line indented 1 cm, 6 pt after, single to 1.15 lines', () => {
    expect(model.blocks.length).toBeGreaterThan(50);
    for (const b of model.blocks) {
      if (b.kind === 'figure' || b.kind === 'table') continue; // figures and tables: their own tests
      const p = bodyPara(b);
      expect(justification(p)).toBe('both');
      expect(mm(num(attr(p.pPr, 'w:ind', 'w:firstLine')))).toBeCloseTo(10, 1);
      expect(num(attr(p.pPr, 'w:spacing', 'w:after'))).toBeGreaterThanOrEqual(120);
      const line = num(attr(p.pPr, 'w:spacing', 'w:line'));
      expect(attr(p.pPr, 'w:spacing', 'w:lineRule') ?? 'auto').toBe('auto');
      expect(line).toBeGreaterThanOrEqual(240);
      expect(line).toBeLessThanOrEqual(276);
      for (const r of p.runs) expect([null, 28]).toContain(runStyle(r.rPr).size);
    }
  });

  test('headings are bold, (n) headings bold italic, and kept with what follows', () => {
    const headings = model.blocks.filter((b): b is Extract<typeof b, { kind: 'heading' }> => b.kind === 'heading');
    expect(new Set(headings.map((h) => h.level))).toEqual(new Set([1, 2, 3]));
    for (const h of headings) {
      const p = bodyPara(h);
      expect(style(p).bold).toBe(true);
      expect(style(p).italic).toBe(h.level === 3);
      expect(p.pPr).toMatch(/<w:keepNext\/>/);
    }
    for (const b of model.blocks.filter((b) => b.kind === 'paragraph')) for (const r of bodyPara(b).runs) expect(runStyle(r.rPr).bold).toBe(false);
  });

  test('the example states every seed figure, with the source slips corrected', () => {
    const text = plainText(doc) + plainText(parts['word/footnotes.xml']);
    expect(missingPhrases(text)).toEqual([]);
    expect(text).not.toContain('662,25');
  });
});

describe('footnotes', () => {
  test('are real Word footnotes, 10 to 11 pt, referenced once each in the order of their numbers', () => {
    expect(model.footnotes.length).toBeGreaterThanOrEqual(8);
    const xml = parts['word/footnotes.xml'];
    for (const n of model.footnotes) {
      const note = new RegExp(`<w:footnote w:id="${n.id}">([\\s\\S]*?)</w:footnote>`).exec(xml);
      expect(note).not.toBeNull();
      const p = paragraphs(note![1])[0];
      expect(p.xml).toMatch(/<w:footnoteRef\/>/);
      expect(normText(p.text).trim()).toBe(normText(n.text));
      for (const r of p.runs) expect(runStyle(r.rPr).size).toBeGreaterThanOrEqual(20);
      for (const r of p.runs) expect(runStyle(r.rPr).size).toBeLessThanOrEqual(22);
    }
    const refs = [...doc.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => Number(m[1]));
    // Word numbers footnotes by position; the sheet prints the model's ids: they must agree.
    expect(refs).toEqual(model.footnotes.map((n) => n.id));
    expect(parts['[Content_Types].xml']).toContain('footnotes+xml');
    expect(parts['word/_rels/document.xml.rels']).toContain('footnotes.xml');
    expect(plainText(xml)).toContain('626 triệu USD');
  });
});

describe('closing block', () => {
  test('"Nơi nhận:" (12, bold italic) and its list (11) beside the signature (14, bold, centred) in a borderless table', () => {
    const t = tables().find((x) => x.includes('Nơi nhận:'))!;
    expect(t).toContain('Nơi nhận:');
    for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) expect(attr(t, `w:${side}`, 'w:val')).toMatch(/^(none|nil)$/);
    expect(t).toMatch(/<w:cantSplit\/>/);
    const cells = [...t.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => paragraphs(m[0]));
    expect(cells).toHaveLength(2);
    const [left, right] = cells;
    expect(left[0].text).toBe('Nơi nhận:');
    expect(style(left[0])).toEqual({ bold: true, italic: true, size: 24 });
    expect(left.slice(1).map((p) => p.text)).toEqual(model.recipients.items);
    for (const p of left.slice(1)) expect(style(p)).toEqual({ bold: false, italic: false, size: 22 });
    expect(left.at(-1)!.text).toMatch(/^- Lưu: .*\.$/);

    const texts = right.map((p) => p.text);
    expect(texts.slice(0, 2)).toEqual(['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN']);
    for (const p of right.filter((p) => p.text)) {
      expect(style(p).bold).toBe(true);
      expect([26, 28]).toContain(style(p).size);
      expect(justification(p)).toBe('center');
    }
    expect(texts.at(-1)).toBe('Nguyễn Văn Hùng');
    const blanks = texts.slice(2, -1);
    expect(blanks.length).toBeGreaterThanOrEqual(3);
    expect(blanks.every((x) => x === '')).toBe(true);
  });

  test('the closing sentence stays on the signature page', () => {
    const last = model.blocks.at(-1)!;
    expect(last.kind).toBe('paragraph');
    const lastPara = paras.filter((p) => p.text.startsWith('Trên đây')).at(-1)!;
    expect(lastPara.pPr).toMatch(/<w:keepNext\/>/);
  });
});

describe('other models', () => {
  test('English report: en-US, and no parent agency, signer or footnotes needed', async () => {
    const base = exampleReport().model;
    const m: ReportModel = {
      ...base,
      lang: 'en',
      header: { ...base.header, parentAgency: '', nation: 'SOCIALIST REPUBLIC OF VIETNAM', motto: 'Independence - Freedom - Happiness' },
      title: 'REPORT',
      blocks: [{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'Line one\nline two' }], section: 'I', generated: null }],
      footnotes: [],
      signature: { lines: [], name: null },
    };
    const p = await unzipDocx(await buildDocx(m, null));
    expect(attr(/<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(p['word/styles.xml'])![0], 'w:lang', 'w:val')).toBe('en-US');
    const d = p['word/document.xml'];
    expect(d).toContain('REPORT');
    expect(d).not.toMatch(/<w:footnoteReference/);
    expect(d).toMatch(/Line one<\/w:t><\/w:r><w:r><w:br\/><w:t[^>]*>line two/);
  });
});

test('the Word writer uses no Node API, so the task pane can run it', () => {
  const dir = path.join(__dirname, '../../src/document');
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const src = fs.readFileSync(path.join(dir, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    for (const m of src.matchAll(/(?:from|require\()\s*'([^']+)'/g)) expect([f, m[1]]).toEqual([f, expect.stringMatching(/^(docx|fflate|saxes|@resvg\/resvg-wasm|\.\.\/core\/(?:[\w-]+\/)?[\w-]+|\.\/[\w-]+)$/)]);
    expect(src).not.toMatch(/\bBuffer\b|\bprocess\./);
  }
});

describe('figures', () => {
  const EMU_PER_MM = 36000;
  test('each chart is an SVG picture with a PNG fallback of at least 200 dpi, centred, kept with its caption under it', async () => {
    const zip = await JSZip.loadAsync(docBytes);
    const rels = parts['word/_rels/document.xml.rels'];
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!.slice(1).find(Boolean)!;
    const captions = model.blocks.flatMap((b) => (b.kind === 'figure' ? [b.caption] : []));
    expect(captions).toHaveLength(4);
    const drawings = paras.filter((p) => p.xml.includes('<w:drawing>'));
    expect(drawings).toHaveLength(4);
    drawings.forEach((p, i) => {
      expect(justification(p)).toBe('center');
      expect(p.pPr).toContain('<w:keepNext/>');
      expect(next(p).text).toBe(captions[i]);
      expect(justification(next(p))).toBe('center');
    });
    for (const p of drawings) {
      const cx = Number(/<wp:extent cx="(\d+)"/.exec(p.xml)![1]);
      expect(cx / EMU_PER_MM).toBeCloseTo(150, 0);
      const pngId = /<a:blip r:embed="([^"]+)"/.exec(p.xml)![1];
      const svgId = /<asvg:svgBlip[^>]*r:embed="([^"]+)"/.exec(p.xml)![1];
      const png = await zip.file(`word/${target(pngId)}`)!.async('uint8array');
      const svg = await zip.file(`word/${target(svgId)}`)!.async('string');
      expect(String.fromCharCode(...png.slice(1, 4))).toBe('PNG');
      const widthPx = new DataView(png.buffer, png.byteOffset).getUint32(16);
      expect(widthPx / (cx / EMU_PER_MM / 25.4)).toBeGreaterThanOrEqual(200);
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
  });

  test('the SVG draws the figures in proportion: bar lengths follow the values', async () => {
    const zip = await JSZip.loadAsync(docBytes);
    const svgs = await Promise.all(Object.keys(zip.files).filter((n) => n.endsWith('.svg')).map((n) => zip.file(n)!.async('string')));
    const plan = svgs.find((s) => s.includes('Thời gian đã qua: 50%'))!;
    expect(plan).toBeDefined();
    const bars = [...plan.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="([\d.]+)" fill="#2F5597"/g)].map((m) => Number(m[2]));
    const values = ['fdi', 'ddi', 'revenue', 'export', 'import', 'tax_paid', 'budget'].map((k) => exampleReport().metrics.get(`${k}_pct_plan`)!.value as number);
    expect(bars).toHaveLength(values.length);
    bars.forEach((w, i) => expect(w / bars[1]).toBeCloseTo(values[i] / values[1], 2));
    for (const label of ['33,11%', '145,8%', '53,4%']) expect(plan).toContain(`>${label}</text>`); // as the text writes them
  });

  test('without a rasteriser the text is written and the figures are left out', async () => {
    const p = await unzipDocx(await buildDocx(model, null));
    expect(p['word/document.xml']).not.toContain('<w:drawing>');
    expect(p['word/document.xml']).not.toContain('Biểu đồ 1.');
  });
});

describe('tables of figures', () => {
  const tableBlocks = () => model.blocks.flatMap((b) => (b.kind === 'table' ? [b] : []));
  /** The first <w:tbl> after the caption paragraph, and the paragraphs between them. */
  function tableAfter(caption: string): { tbl: string; between: Para[] } {
    const p = para(caption);
    const at = doc.indexOf(p.xml) + p.xml.length;
    const start = doc.indexOf('<w:tbl>', at);
    return { tbl: /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(doc.slice(start))![0], between: paragraphs(doc.slice(at, start)) };
  }
  const rowsOf = (tbl: string) => [...tbl.matchAll(/<w:tr(?: [^>]*)?>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
  const cellsOf = (tr: string) => [...tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => paragraphs(m[0])[0]);

  test('a real Word table per table block, caption "Bảng N." bold, centred, above and kept with it', () => {
    const blocks = tableBlocks();
    expect(blocks.map((b) => b.caption.replace(/\..*/, ''))).toEqual(['Bảng 1', 'Bảng 2', 'Bảng 3', 'Bảng 4', 'Bảng 5']);
    for (const b of blocks) {
      const caption = para(b.caption);
      expect(style(caption).bold).toBe(true);
      expect(justification(caption)).toBe('center');
      expect(caption.pPr).toContain('<w:keepNext/>');
      const { between } = tableAfter(b.caption);
      // nothing but the unit line between the caption and its table
      expect(between.map((p) => p.text)).toEqual(b.table.unit ? [b.table.unit] : []);
      for (const p of between) {
        expect(justification(p)).toBe('right');
        expect(style(p).italic).toBe(true);
        expect(p.pPr).toContain('<w:keepNext/>');
      }
    }
  });

  test('single black borders on every cell, the text width, the header row repeated on each page, 12 pt cells', () => {
    for (const b of tableBlocks()) {
      const { tbl } = tableAfter(b.caption);
      const borders = /<w:tblBorders>[\s\S]*?<\/w:tblBorders>/.exec(tbl)![0];
      for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) {
        expect([side, attr(borders, `w:${side}`, 'w:val'), attr(borders, `w:${side}`, 'w:color')]).toEqual([side, 'single', '000000']);
      }
      const cols = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(cols).toHaveLength(b.table.columns.length);
      expect(mm(cols.reduce((a, c) => a + c, 0))).toBeCloseTo(165, 0);
      expect(mm(num(attr(tbl, 'w:tblW', 'w:w')))).toBeCloseTo(165, 0);
      const rows = rowsOf(tbl);
      expect(rows).toHaveLength(b.table.rows.length + 1);
      expect(rows[0]).toMatch(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/);
      for (const r of rows.slice(1)) expect(r).not.toMatch(/<w:tblHeader/);
      for (const r of rows) for (const c of cellsOf(r)) expect(style(c).size).toBe(24);
    }
  });

  test('cell text equals the model: header bold and centred, numbers right, text left, totals bold', () => {
    for (const b of tableBlocks()) {
      const rows = rowsOf(tableAfter(b.caption).tbl).map(cellsOf);
      rows[0].forEach((c, i) => {
        expect(c.text).toBe(b.table.columns[i].header);
        expect(style(c).bold).toBe(true);
        expect(justification(c)).toBe('center');
      });
      b.table.rows.forEach((row, ri) => {
        const cells = rows[ri + 1];
        expect(cells.map((c) => c.text)).toEqual(row.cells);
        cells.forEach((c, i) => {
          expect(justification(c) ?? 'left').toBe(b.table.columns[i].align === 'right' ? 'right' : 'left');
          expect(style(c).bold).toBe(!!row.bold);
        });
      });
    }
    const budget = rowsOf(tableAfter('Bảng 2. Nộp ngân sách nhà nước theo đơn vị').tbl).map(cellsOf);
    expect(budget.at(-1)!.map((c) => c.text)).toEqual(['Tổng cộng', '1.368,0', '2.560', '53,4']);
  });
});

describe('annexes', () => {
  const rowsOf = (tbl: string) => [...tbl.matchAll(/<w:tr(?: [^>]*)?>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
  const cellsOf = (tr: string) => [...tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);

  test('after the signature, each annex starts a new page: "Phụ lục N" and its title bold and centred, the "Kèm theo" line in italics', () => {
    expect(model.annexes.map((a) => a.label)).toEqual(['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3']);
    const closing = doc.indexOf('Nơi nhận:');
    for (const a of model.annexes) {
      const label = para(a.label);
      expect(doc.indexOf(label.xml)).toBeGreaterThan(closing);
      expect(label.pPr).toMatch(/<w:pageBreakBefore\/>/);
      expect([style(label).bold, justification(label)]).toEqual([true, 'center']);
      const title = next(label);
      expect(title.text).toBe(a.title.toLocaleUpperCase('vi'));
      expect([style(title).bold, justification(title)]).toEqual([true, 'center']);
      const attached = next(title);
      expect(attached.text).toBe(a.attachedTo);
      expect(style(attached).italic).toBe(true);
    }
  });

  test('each list is a real Word table: decree borders, the text width, the header row repeated on every page, rows never split, cells equal the model', () => {
    for (const a of model.annexes) {
      const at = doc.indexOf(para(a.label).xml);
      const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(doc.slice(at))![0];
      const borders = /<w:tblBorders>[\s\S]*?<\/w:tblBorders>/.exec(tbl)![0];
      for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) expect(attr(borders, `w:${side}`, 'w:val')).toBe('single');
      const cols = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(cols).toHaveLength(a.columns.length);
      expect(mm(cols.reduce((x, c) => x + c, 0))).toBeCloseTo(165, 0);
      const rows = rowsOf(tbl);
      expect(rows).toHaveLength(a.rows.length + 1);
      expect(rows[0]).toMatch(/<w:tblHeader\/>/);
      for (const r of rows.slice(1)) expect(r).not.toMatch(/<w:tblHeader/);
      for (const r of rows) expect(r).toMatch(/<w:cantSplit\/>/);
      // a long list is not kept on one page: only a part's heading and the two rows before a total are kept with the next
      const kept = rows.slice(1).flatMap((r, i) => (/<w:keepNext\/>/.test(r) ? [i] : []));
      const beforeTotal = a.rows.flatMap((x, i) => (x.bold ? [i - 1, ...(a.rows[i - 1]?.group ? [] : [i - 2])] : [])).filter((i) => i >= 0 && !a.rows[i].bold);
      expect(kept).toEqual([...new Set([...a.rows.flatMap((x, i) => (x.group ? [i] : [])), ...beforeTotal])].sort((x, y) => x - y));
      expect(beforeTotal.length).toBeGreaterThanOrEqual(2);
      expect(cellsOf(rows[0]).map((c) => paragraphs(c)[0].text)).toEqual(a.columns.map((c) => c.header));
      a.rows.forEach((x, i) => {
        const cells = cellsOf(rows[i + 1]);
        if (x.group) {
          expect(cells).toHaveLength(1);
          expect(num(attr(cells[0], 'w:gridSpan', 'w:val'))).toBe(a.columns.length);
          expect(paragraphs(cells[0])[0].text).toBe(x.cells[0]);
        } else expect(cells.map((c) => paragraphs(c)[0]?.text ?? '')).toEqual(x.cells);
      });
    }
  });

  test('dates, numbers and the bold "STT" fit their columns on one line at 12 pt (only text wraps)', () => {
    for (const a of model.annexes) {
      // the cell's text width: its share of 165 mm less 1.5 mm padding each side, in points
      const widths = columnWidths(a.columns).map((w) => w / 20 - 2 * 1.5 * (72 / 25.4));
      expect(textWidthPt(a.columns[0].header, 12, true)).toBeLessThanOrEqual(widths[0]);
      let checked = 0;
      a.columns.forEach((_, i) => {
        for (const x of a.rows.filter((r) => !r.group && /^[\d.,/]+$/.test(r.cells[i]))) {
          expect([x.cells[i], textWidthPt(x.cells[i], 12, !!x.bold) <= widths[i]]).toEqual([x.cells[i], true]);
          checked++;
        }
      });
      expect(checked).toBeGreaterThan(a.rows.length);
      // any date of the year, the widest included
      for (const [i, c] of a.columns.entries()) if (/Ngày|Hạn/.test(c.header)) expect(textWidthPt('28/12/2023', 12)).toBeLessThanOrEqual(widths[i]);
    }
  });
});

describe('no program names in the official text (issue 18)', () => {
  /** Names of the workbook contract that staff never see in a signed report. */
  const TABLE_NAMES = ['ThongTin', 'DuAn', 'LaoDong', 'SanXuatKinhDoanh', 'NganSach', 'NhiemVu', 'HoSo', 'KeHoach', 'NoiDung', 'MauCau', 'ChiTieuTinh', 'AnhXa'];
  const EN_TABLES = ['Settings', 'Projects', 'Labour', 'Revenue', 'Budget', 'Tasks', 'Dossiers', 'Targets', 'Sections', 'Templates', 'Metrics', 'Mapping'];
  const SETTING_KEYS = ['TuNgay', 'DenNgay', 'NgaySoLieu', 'CoQuan', 'SoHieu', 'DiaDanh', 'NgayBaoCao', 'TrichYeu', 'TyGia', 'KyThay', 'ChucVuKy', 'NguoiKy', 'NoiNhan', 'NgonNgu', 'vndPerUsd', 'periodStart', 'periodEnd', 'asOf'];
  const offences = (text: string): string[] => {
    const found: string[] = [];
    for (const n of [...TABLE_NAMES, ...SETTING_KEYS]) if (new RegExp(`\\b${n}\\b`).test(text)) found.push(n);
    for (const n of EN_TABLES) if (new RegExp(`\\b(bảng|table) ${n}\\b|\\b${n} table\\b|\\bin ${n}\\b`).test(text)) found.push(n);
    // snake_case identifiers (metric keys, template keys) and camelCase ones (field keys)
    for (const m of text.matchAll(/\b[a-z]+(?:_[a-z0-9]+)+\b|\b[a-z]+[A-Z][A-Za-z]*\b/g)) found.push(m[0]);
    if (/\{|\}/.test(text)) found.push('{…}');
    return found;
  };
  const sheetText = (r: ReportResult) =>
    r.plan.sheets[0].cells
      .map((c) => c.value)
      .filter((v) => typeof v === 'string')
      .join('\n');
  const without = (...names: string[]) => exampleSnapshots().filter((t) => !names.includes(t.name));
  const cases: [string, TableSnapshot[], 'vi' | 'en'][] = [
    ['the example', exampleSnapshots(), 'vi'],
    ['the example in English', exampleSnapshots(), 'en'],
    ['no projects, plans or prose', without('DuAn', 'KeHoach', 'NoiDung'), 'vi'],
    ['no enterprise, labour, budget or task lists', without('SanXuatKinhDoanh', 'LaoDong', 'NganSach', 'NhiemVu', 'ChiTieuTinh'), 'en'],
    ['no plans, no exchange rate', without('KeHoach').map((t) => (t.name === 'ThongTin' ? { ...t, rows: t.rows.filter((r) => r[0] !== 'TyGia') } : t)), 'en'],
    ['settings only', without('DuAn', 'KeHoach', 'NoiDung', 'SanXuatKinhDoanh', 'LaoDong', 'NganSach', 'NhiemVu', 'ChiTieuTinh'), 'vi'],
    ['settings only, in English', without('DuAn', 'KeHoach', 'NoiDung', 'SanXuatKinhDoanh', 'LaoDong', 'NganSach', 'NhiemVu', 'ChiTieuTinh'), 'en'],
  ];
  test.each(cases)('%s: neither the Word report nor the report sheet names a table, key or identifier', async (_, snaps, lang) => {
    const r = buildReport(snaps, { lang });
    const docx = await unzipDocx(await buildDocx(r.model, null));
    const word = plainText(docx['word/document.xml']) + plainText(docx['word/footnotes.xml'] ?? '');
    const notes = r.model.footnotes.map((f) => f.text).join('\n');
    expect({ word: offences(word), notes: offences(notes), sheet: offences(sheetText(r)) }).toEqual({ word: [], notes: [], sheet: [] });
    // the scan sees what the report says: the placeholders of missing figures are there
    if (snaps.length < 4) expect(word).toMatch(lang === 'vi' ? /chưa có số liệu/ : /no figures yet/);
  });
});

describe('DỰ THẢO at the top of the Word report (issue 18)', () => {
  test('the example, whose data are clean, has no mark', () => {
    expect(model.draft).toBeNull();
    expect(paras.some((p) => /DỰ THẢO/.test(p.text))).toBe(false);
  });
  test('rows left out: "DỰ THẢO" bold and the line on them are the first paragraphs, above the header', async () => {
    const snaps = exampleSnapshots().map((t) =>
      t.name === 'DuAn' ? { ...t, rows: t.rows.map((r, i) => (i < 6 ? r.map((v, c) => (t.headers[c] === 'Vốn đầu tư' ? 'không rõ' : v)) : r)) } : t,
    );
    const r = buildReport(snaps, {});
    const ps = paragraphs((await unzipDocx(await buildDocx(r.model, null)))['word/document.xml']);
    expect(r.model.draft!.note).toMatch(/^\(Còn 6 dòng số liệu có lỗi/);
    expect(ps[0].text).toBe('DỰ THẢO');
    expect(runStyle(ps[0].runs[0].rPr).bold).toBe(true);
    expect(ps[1].text).toBe(r.model.draft!.note);
    expect(ps.findIndex((p) => p.text === r.model.header.agency)).toBeGreaterThan(1);
  });
});

describe('the marked blanks of a draft (issue 18)', () => {
  test('without prose or signer: the blank paragraphs, the blank heading and the signer lines are highlighted yellow, and nothing else', async () => {
    const snaps = exampleSnapshots()
      .filter((t) => t.name !== 'NoiDung')
      .map((t) => (t.name === 'ThongTin' ? { ...t, rows: t.rows.filter((r) => !['KyThay', 'ChucVuKy', 'NguoiKy'].includes(String(r[0]))) } : t));
    const r = buildReport(snaps, {});
    const ps = paragraphs((await unzipDocx(await buildDocx(r.model, null)))['word/document.xml']);
    const yellow = ps.filter((p) => p.runs.some((x) => /<w:highlight w:val="yellow"\/>/.test(x.rPr))).map((p) => p.text);
    expect(yellow).toEqual(expect.arrayContaining(['[CHỨC VỤ NGƯỜI KÝ]', '[Họ và tên người ký]']));
    expect(yellow.filter((t) => /^\[Cần bổ sung: /.test(t))).toHaveLength(3);
    expect(yellow.every((t) => /\[.+\]$/.test(t))).toBe(true);
    expect(paras.some((p) => p.runs.some((x) => /<w:highlight/.test(x.rPr)))).toBe(false);
  });
});

describe('annexes of a workbook unlike the example (hundreds of rows, large totals)', () => {
  test('every figure, date and status fits its column on one line, and every word of a text column fits it', () => {
    const stress = stressReport().model;
    expect(stress.annexes.map((a) => a.rows.length).every((n) => n > 150)).toBe(true);
    const totals = stress.annexes[0].rows.filter((r) => r.bold).map((r) => r.cells[6]);
    // the totals reach the millions: "3.361.813,57" needs more than the old 70-pixel column
    expect(totals.some((t) => t.length >= 12)).toBe(true);
    for (const a of stress.annexes) {
      const widths = columnWidths(a.columns).map((w) => w / 20 - 2 * 1.5 * (72 / 25.4));
      a.columns.forEach((c, i) => {
        for (const w of c.header.split(' ')) expect([c.header, textWidthPt(w, 12, true) <= widths[i]]).toEqual([c.header, true]);
        for (const x of a.rows.filter((r) => !r.group)) {
          const pieces = c.align === 'left' ? x.cells[i].split(/\s+/) : [x.cells[i]];
          for (const p of pieces) expect([p, textWidthPt(p, 12, !!x.bold) <= widths[i]]).toEqual([p, true]);
        }
      });
    }
    expect(stress.annexes.find((a) => a.id === 'tasks')!.rows.some((r) => r.cells.includes('Chưa hoàn thành'))).toBe(true);
    expect(stress.annexes.map((a) => a.id)).toEqual(['projects', 'dossiers', 'tasks']);
  });
});
