// Word comments on text that spans runs, in a hand-made .docx with an existing comment.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { addDocxComments } from '../../src/document/docx-comments';
import { readDocxParagraphs } from '../../src/document/docx-text';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
function docx(body: string, comments?: string): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    'word/_rels/document.xml.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x" Target="styles.xml"/></Relationships>'),
  };
  if (comments) files['word/comments.xml'] = strToU8(`<w:comments ${W}>${comments}</w:comments>`);
  return zipSync(files);
}

test('a number split over two runs gets one comment around both pieces; formatting and text kept', () => {
  const bytes = docx(
    '<w:p><w:r><w:t xml:space="preserve">tổng vốn đạt 66</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>2,25 triệu USD</w:t></w:r></w:p>' +
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>ô 33,9%</w:t></w:r><w:r><w:tab/><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
    '<w:comment w:id="4" w:author="A"><w:p><w:r><w:t>old</w:t></w:r></w:p></w:comment>',
  );
  const before = readDocxParagraphs(bytes);
  expect(before.map((p) => p.text)).toEqual(['tổng vốn đạt 662,25 triệu USD', 'ô 33,9%\tx']);
  const { bytes: out, placed } = addDocxComments(bytes, [
    { paragraph: 0, offset: 13, length: 6, text: 'số liệu cho 662,18' },
    { paragraph: 1, offset: 2, length: 4, text: 'số liệu cho 34,0' },
  ]);
  expect(placed).toBe(2);
  expect(readDocxParagraphs(out)).toEqual(before);
  const files = unzipSync(out);
  const doc = strFromU8(files['word/document.xml']);
  expect(doc).toContain('<w:t xml:space="preserve">tổng vốn đạt </w:t></w:r><w:commentRangeStart w:id="5"/><w:r><w:t xml:space="preserve">66</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">2,25</w:t></w:r><w:commentRangeEnd w:id="5"/><w:r><w:commentReference w:id="5"/></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> triệu USD</w:t>');
  expect(doc).toContain('<w:commentRangeStart w:id="6"/><w:r><w:t xml:space="preserve">33,9</w:t></w:r><w:commentRangeEnd w:id="6"/>');
  const comments = strFromU8(files['word/comments.xml']);
  expect([...comments.matchAll(/w:id="(\d+)"/g)].map((m) => m[1])).toEqual(['4', '5', '6']);
  expect(strFromU8(files['word/_rels/document.xml.rels'])).toContain('Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"');
  expect(strFromU8(files['[Content_Types].xml'])).toContain('PartName="/word/comments.xml"');
});
