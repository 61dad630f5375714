// The writer makes a large part in chunks that fill the same memory again and again: the zip must
// deflate each chunk before the next is made, and the part must come out whole.
import { unzipSync } from 'fflate';
import { ByteChunks } from '../../src/node/byte-chunks';
import { ZipWriter } from '../../src/node/xlsx-zip';

function* part(copies: Buffer[]): Generator<Buffer> {
  const out = new ByteChunks();
  for (let i = 0; i < 40000; i++) {
    out.ascii(`<row r="${i}">`);
    out.uint(i * 7919);
    out.text(i % 1000 === 0 ? 'Đ'.repeat(100000) : `Dự án số ${i} & “${i % 97}”`);
    if (out.filled) {
      const chunk = out.take();
      copies.push(Buffer.from(chunk));
      yield chunk;
    }
  }
  const last = out.take();
  copies.push(Buffer.from(last));
  yield last;
}

test('a part given in reused chunks is deflated whole, beside parts given whole', async () => {
  const copies: Buffer[] = [];
  const zip = new ZipWriter(new Date('2026-11-27T08:00:00Z'));
  zip.add('a.xml', '<a>ư</a>');
  await zip.addChunks('big.xml', part(copies));
  zip.add('z.xml', Buffer.from('<z/>'));
  const files = unzipSync(new Uint8Array(zip.finish()));
  expect(Object.keys(files)).toEqual(['a.xml', 'big.xml', 'z.xml']);
  const expected = Buffer.concat(copies);
  expect(copies.length).toBeGreaterThan(20);
  expect(expected.length).toBeGreaterThan(4_000_000);
  expect(Buffer.from(files['big.xml']).equals(expected)).toBe(true);
  expect(Buffer.from(files['a.xml']).toString('utf8')).toBe('<a>ư</a>');
  expect(expected.toString('utf8')).toContain('<row r="39999">316752081Dự án số 39999 & “35”');
});

test('a failure while the chunks are made is the failure of the part', async () => {
  const zip = new ZipWriter(new Date());
  function* failing(): Generator<Buffer> {
    yield Buffer.from('<x>');
    throw new Error('no more');
  }
  await expect(zip.addChunks('x.xml', failing())).rejects.toThrow('no more');
});

test('numbers are written as String() writes them, markup and text as given', () => {
  const out = new ByteChunks();
  for (const n of [0, 7, 10, 99, 100, 1048576, 2 ** 31 - 1, 2 ** 31, -5, 1.5]) {
    out.uint(n);
    out.ascii(',');
  }
  out.text('Đình Vũ');
  expect(out.take().toString('utf8')).toBe('0,7,10,99,100,1048576,2147483647,2147483648,-5,1.5,Đình Vũ');
});
