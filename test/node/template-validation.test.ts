import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { main } from '../../src/node/cli';
import { readSnapshots } from '../../src/node/xlsx-reader';
import { dayToSerial } from '../../src/core/records/parse';
import { validationPlan } from '../../src/core/records/validation';

// `baocao template` writes the same data validation as the add-in's "Thêm kiểm tra nhập liệu".
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-template-dv-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function template(name: string, ...args: string[]): Promise<string> {
  const file = path.join(tmp, name);
  const out: string[] = [];
  expect(await main(['template', file, ...args], (l) => out.push(l), (l) => out.push(l))).toBe(0);
  return file;
}

const sheetXml = (file: string, sheet: string) => {
  const zip = unzipSync(fs.readFileSync(file));
  const workbook = strFromU8(zip['xl/workbook.xml']);
  const rels = strFromU8(zip['xl/_rels/workbook.xml.rels']);
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
  return strFromU8(zip[`xl/${target.replace(/^\/?xl\//, '')}`]);
};

describe('baocao template: data validation', () => {
  it('writes a <dataValidation> per typed column: lists with their formula, stop/warning, prompts in Vietnamese', async () => {
    const file = await template('mau.xlsx');
    const xml = sheetXml(file, 'DuAn');
    const dvs = [...xml.matchAll(/<dataValidation [^>]*>[\s\S]*?<\/dataValidation>/g)].map((m) => m[0]);
    expect(dvs).toHaveLength(4);
    const at = (ref: string) => dvs.find((d) => d.includes(`sqref="${ref}"`))!;
    expect(at('F2')).toMatch(/type="list"/);
    expect(at('F2')).toContain('<formula1>&quot;FDI,DDI&quot;</formula1>');
    expect(at('F2')).toMatch(/errorStyle="stop"/);
    expect(at('F2')).toContain('errorTitle="Nguồn vốn không hợp lệ"');
    expect(at('G2')).toContain('<formula1>&quot;Cấp mới,Điều chỉnh,Chấm dứt&quot;</formula1>');
    expect(at('G2')).toMatch(/errorStyle="warning"/);
    expect(at('H2')).toMatch(/type="date"/);
    expect(at('H2')).toContain(`<formula1>${dayToSerial('1990-01-01')}</formula1><formula2>${dayToSerial('2100-12-31')}</formula2>`);
    expect(at('I2')).toMatch(/type="decimal"/);
    expect(at('I2')).toContain('<formula1>-1000000000000000</formula1>');
    for (const d of dvs) expect(d).toMatch(/allowBlank="1"[^>]*showInputMessage="1"[^>]*promptTitle="[^"]+"[^>]*prompt="[^"]+"[^>]*showErrorMessage="1"/);
    expect(sheetXml(file, 'LaoDong')).toMatch(/<dataValidation type="whole"[^>]*sqref="D2"><formula1>0<\/formula1><formula2>10000000<\/formula2>/);
    expect(sheetXml(file, 'NoiDung')).not.toContain('<dataValidation');
  });

  it('reads back through exceljs as the plan states, every table, and stays a readable contract workbook', async () => {
    const file = await template('mau-doc.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheets: Record<string, string> = { settings: 'ThongTin', projects: 'DuAn', labour: 'LaoDong', revenue: 'SanXuatKinhDoanh', budget: 'NganSach', tasks: 'NhiemVu', dossiers: 'HoSo', targets: 'KeHoach' };
    for (const t of validationPlan('vi')) {
      const ws = wb.getWorksheet(sheets[t.kind])!;
      const headers = (ws.getRow(1).values as unknown[]).slice(1);
      for (const c of t.columns) {
        const dv = ws.getCell(2, headers.indexOf(c.header) + 1).dataValidation;
        expect([t.kind, c.key, dv.type]).toEqual([t.kind, c.key, c.rule.type === 'whole' ? 'whole' : c.rule.type]);
        expect(dv.errorStyle).toBe(c.style);
        expect([dv.promptTitle, dv.prompt, dv.errorTitle, dv.error]).toEqual([c.prompt.title, c.prompt.message, c.error.title, c.error.message]);
        if (c.rule.type === 'list') expect(dv.formulae).toEqual([`"${c.rule.items.join(',')}"`]);
      }
      expect(ws.getCell(1, 1).dataValidation).toBeUndefined(); // never the header
    }
    const snaps = await readSnapshots(file);
    expect(snaps).toHaveLength(11);
  });

  it('in English with --lang en', async () => {
    const file = await template('template-en.xlsx', '--lang', 'en');
    const xml = sheetXml(file, 'DuAn');
    expect(xml).toContain('<formula1>&quot;new,adjust,terminate&quot;</formula1>');
    expect(xml).toContain('errorTitle="Invalid capital source"');
  });
});
