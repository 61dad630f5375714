import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { readWorkbookFile, InputError } from '../../../src/node/input-file';
import { bookParts, zipOf, row } from '../../helpers/xlsx-parts';
import { main } from '../../../src/node/cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-input-'));
const file = (name: string, bytes: Buffer | string) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, bytes);
  return f;
};
const message = async (f: string, lang: 'vi' | 'en' = 'vi') => {
  try {
    await readWorkbookFile(f, lang);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  return 'read';
};

test('.ods is named as such', async () => {
  const ods = Buffer.from(zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8('<x/>') }));
  const f = file('a.xlsx', ods);
  expect(await message(f)).toContain('OpenDocument (.ods)');
  expect(await message(f, 'en')).toContain('OpenDocument spreadsheet (.ods)');
});

test('.xlsb is named as such', async () => {
  const f = file('b.xlsx', zipOf({ '_rels/.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>', 'xl/workbook.bin': new Uint8Array([1, 2]) }));
  expect(await message(f)).toContain('.xlsb');
});

test('.xls / password, CSV text, no table at all', async () => {
  expect(await message(file('c.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])))).toContain('.xls');
  expect(await message(file('d.xlsx', 'Mã dự án;Nguồn vốn\nP1;FDI\n'))).toContain('tệp văn bản (CSV?)');
  const parts = bookParts({ sheetData: row(1, []), table: { ref: 'A1:B2', columns: ['a', 'b'] } });
  delete parts['xl/worksheets/_rels/sheet1.xml.rels'];
  expect(await message(file('e.xlsx', zipOf(parts)))).toContain('Tệp không có bảng Excel nào: chọn vùng dữ liệu và Chèn ▸ Bảng, hoặc dùng `baocao template`');
});

test('damage found while rows stream is one clear CLI line, exit 1, no stack', async () => {
  const parts = bookParts({ sheetData: row(1, ['<c r="A1" t="inlineStr"><is><t>Khóa</t></is></c>']), table: { ref: 'A1:B2', columns: ['Khóa', 'Giá trị'], name: 'ThongTin' } });
  parts['xl/worksheets/sheet1.xml'] = parts['xl/worksheets/sheet1.xml'].replace('</sheetData>', '');
  const f = file('f.xlsx', zipOf(parts));
  const out: string[] = [];
  const code = await main(['report', f, '--out', path.join(dir, 'f.out.xlsx')], (l) => out.push(l), (l) => out.push(l));
  expect(code).toBe(1);
  expect(out.join('\n')).toMatch(/^Tệp .xlsx bị hỏng hoặc không đọc được: .*f\.xlsx \(xl\/worksheets\/sheet1.xml: /);
  expect(out.join('\n')).not.toContain('    at ');
  expect(fs.existsSync(path.join(dir, 'f.out.xlsx'))).toBe(false);
});

test('damage found while a data table streams into records is the same clear CLI line', async () => {
  const parts = bookParts({ sheetData: row(1, ['<c r="A1" t="inlineStr"><is><t>Mã dự án</t></is></c>']), table: { ref: 'A1:B3', columns: ['Mã dự án', 'Nguồn vốn'], name: 'DuAn' } });
  parts['xl/worksheets/sheet1.xml'] = parts['xl/worksheets/sheet1.xml'].replace('</sheetData>', '<row r="2"><c r="A2"><v>1</v></c></row>');
  const f = file('g.xlsx', zipOf(parts));
  const snaps = await readWorkbookFile(f, 'vi');
  expect(() => snaps[0].streamRows!(() => undefined)).toThrow(InputError);
  const out: string[] = [];
  const code = await main(['report', f, '--out', path.join(dir, 'g.out.xlsx')], (l) => out.push(l), (l) => out.push(l));
  expect(code).toBe(1);
  expect(out.join('\n')).toMatch(/^Tệp .xlsx bị hỏng hoặc không đọc được: .*g\.xlsx \(xl\/worksheets\/sheet1.xml: /);
  expect(out.join('\n')).not.toContain('    at ');
});
