import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/node/cli';
import { readSnapshots } from '../../src/node/xlsx-reader';
import { TABLES } from '../../src/core/records/schema';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-cli-'));
async function cli(...args: string[]) {
  const out: string[] = [];
  const code = await main(args, (l) => out.push(l), (l) => out.push(l));
  return { code, text: out.join('\n') };
}

test.each([
  ['missing', null, /Không tìm thấy tệp/],
  ['empty.xlsx', '', /Tệp rỗng/],
  ['data.csv.xlsx', 'a,b\n1,2\n', /không phải là sổ Excel/],
  ['truncated.xlsx', 'PK\u0003\u0004garbage', /bị hỏng/],
  ['locked.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /mật khẩu/],
])('%s gives a clear message and a non-zero exit', async (name, content, message) => {
  const file = path.join(tmp, name);
  if (content !== null) fs.writeFileSync(file, content);
  const r = await cli('report', file, '--out', path.join(tmp, 'o.xlsx'));
  expect(r.code).toBe(1);
  expect(r.text).toMatch(message);
  expect(r.text).not.toMatch(/at .*\.ts:\d+/); // no stack trace for a user mistake
});

test('English messages with --lang en', async () => {
  const r = await cli('report', path.join(tmp, 'nope.xlsx'), '--lang', 'en');
  expect(r.text).toMatch(/File not found/);
});

test('never writes over the input', async () => {
  const file = path.join(tmp, 'in.xlsx');
  fs.copyFileSync(path.join(__dirname, '../../examples/hai-phong-2023-h1.xlsx'), file);
  const r = await cli('report', file, '--out', file);
  expect(r.code).toBe(1);
  expect(r.text).toMatch(/Không ghi đè/);
});

test('usage errors exit 2', async () => {
  expect((await cli()).code).toBe(2);
  expect((await cli('frobnicate')).code).toBe(2);
  expect((await cli('report')).code).toBe(2);
  expect((await cli('report', 'x.xlsx', '--lang', 'fr')).code).toBe(2);
  expect((await cli('report', 'x.xlsx', '--bogus', '1')).code).toBe(2);
  expect((await cli('--help')).code).toBe(0);
});

test('baocao template writes every contract table with Vietnamese headers, and refuses to overwrite', async () => {
  const file = path.join(tmp, 'mau.xlsx');
  expect((await cli('template', file)).code).toBe(0);
  const snaps = await readSnapshots(file);
  expect(snaps.map((s) => s.name)).toEqual(TABLES.map((t) => t.vi));
  for (const t of TABLES) expect(snaps.find((s) => s.name === t.vi)!.headers).toEqual(t.columns.map((c) => c.vi[0]));
  expect(snaps.find((s) => s.name === 'ThongTin')!.rows.map((r) => r[0])).toContain('TuNgay');
  expect((await cli('template', file)).code).toBe(1);
});
