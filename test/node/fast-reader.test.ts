import fs from 'node:fs';
import path from 'node:path';
import { exceljsSnapshots } from './exceljs-reference';
import { readWorkbookTables } from '../../src/node/xlsx';
import { unescapeOoxml } from '../../src/node/xlsx/xml';

const EXAMPLE = path.join(__dirname, '../../examples/hai-phong-2023-h1.xlsx');

test('the streaming reader gives exactly the snapshots exceljs gives', async () => {
  const slow = await exceljsSnapshots(EXAMPLE);
  const fast = readWorkbookTables(fs.readFileSync(EXAMPLE));
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  expect(fast.length).toBe(slow.length);
  expect(fast.sort(byName).map((s) => ({ ...s }))).toEqual(slow.sort(byName));
});

test('OOXML escapes', () => {
  expect(unescapeOoxml('a_x000D_b_x0041_')).toBe('a\rbA');
});
