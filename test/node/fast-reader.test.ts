import fs from 'node:fs';
import path from 'node:path';
import { readSnapshots } from '../../src/node/xlsx-reader';
import { readTablesFast, unescapeXml } from '../../src/node/xlsx-fast-reader';

const EXAMPLE = path.join(__dirname, '../../examples/hai-phong-2023-h1.xlsx');

test('the fast reader gives exactly the snapshots exceljs gives', async () => {
  const slow = await readSnapshots(EXAMPLE);
  const fast = readTablesFast(fs.readFileSync(EXAMPLE));
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  expect(fast.sort(byName)).toEqual(slow.sort(byName));
});

test('XML and OOXML escapes', () => {
  expect(unescapeXml('a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#x27; _x000D_')).toBe('a <b> & "c" \'d\' \r');
});
