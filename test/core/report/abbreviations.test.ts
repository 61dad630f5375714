import { introduceAbbreviations } from '../../../src/core/report/abbreviations';
import type { Block } from '../../../src/core/report/report';
import { inlineText } from '../../../src/core/report/sheet-plan';
import { exampleReport } from '../../document/example-report';

const heading = (text: string): Block => ({ kind: 'heading', level: 2, text, section: 'I' });
const para = (...texts: string[]): Block => ({ kind: 'paragraph', inlines: texts.map((text) => ({ kind: 'text' as const, text })), section: 'I', generated: null });
const shown = (blocks: Block[]) => blocks.map((b) => (b.kind === 'heading' ? b.text : b.kind === 'paragraph' ? inlineText(b.inlines) : ''));

describe('abbreviations written in full at first use', () => {
  test('the first use, in a heading, gets the full form; later uses stay short', () => {
    const blocks = [heading('1. Kết quả thu hút đầu tư tại KCN, KKT'), para('Các KCN, KKT thu hút 484 dự án.')];
    introduceAbbreviations(blocks, 'vi');
    expect(shown(blocks)).toEqual(['1. Kết quả thu hút đầu tư tại khu công nghiệp (KCN), khu kinh tế (KKT)', 'Các KCN, KKT thu hút 484 dự án.']);
  });

  test('capitalised at the start of a heading or a sentence', () => {
    const blocks = [heading('1. KCN Đình Vũ'), para('Năm nay tốt. KKT Đình Vũ - Cát Hải mở rộng.')];
    introduceAbbreviations(blocks, 'vi');
    expect(shown(blocks)).toEqual(['1. Khu công nghiệp (KCN) Đình Vũ', 'Năm nay tốt. Khu kinh tế (KKT) Đình Vũ - Cát Hải mở rộng.']);
  });

  test('an abbreviation the text has already introduced is left alone, and so is a word that only contains it', () => {
    const blocks = [para('Các khu công nghiệp (KCN) tăng trưởng; mã KCNX1 và KKT2 không phải viết tắt.'), para('KCN A.')];
    introduceAbbreviations(blocks, 'vi');
    expect(shown(blocks)).toEqual(['Các khu công nghiệp (KCN) tăng trưởng; mã KCNX1 và KKT2 không phải viết tắt.', 'KCN A.']);
  });

  test('TTHC in the §II.7 line of the example is written in full once: "thủ tục hành chính (TTHC)"', () => {
    const text = shown(exampleReport().model.blocks).join('\n');
    const first = text.search(/(?<![\p{L}])TTHC(?![\p{L}])/u);
    expect(first).toBeGreaterThan(0);
    expect(text.slice(first - 'thủ tục hành chính ('.length, first)).toBe('thủ tục hành chính (');
  });

  test('a text that never abbreviates is unchanged; English is unchanged', () => {
    const blocks = [para('Các khu công nghiệp thu hút vốn.')];
    introduceAbbreviations(blocks, 'vi');
    expect(shown(blocks)).toEqual(['Các khu công nghiệp thu hút vốn.']);
    const en = [para('KCN Dinh Vu grew.')];
    introduceAbbreviations(en, 'en');
    expect(shown(en)).toEqual(['KCN Dinh Vu grew.']);
  });

  test('in the example report, KCN and KKT are written in full before any short use', () => {
    const text = shown(exampleReport().model.blocks).join('\n');
    for (const [short, full] of [['KCN', 'khu công nghiệp'], ['KKT', 'khu kinh tế']]) {
      const first = new RegExp(`(?<![\\p{L}])${short}(?![\\p{L}\\p{N}])`, 'u').exec(text)!;
      expect(first).not.toBeNull();
      expect(text.slice(0, first.index).toLowerCase().endsWith(`${full} (`)).toBe(true);
    }
  });
});
