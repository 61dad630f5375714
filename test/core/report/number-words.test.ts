import { integerDigitsToWords, numberToWords } from '../../../src/core/report/number-words';

describe('numberToWords', () => {
  it.each([
    [0, 'không'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [55, 'năm mươi lăm'],
    [101, 'một trăm linh một'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [115, 'một trăm mười lăm'],
    [1000, 'một nghìn'],
    [1005, 'một nghìn không trăm linh năm'],
    [1010, 'một nghìn không trăm mười'],
    [1368, 'một nghìn ba trăm sáu mươi tám'],
    [14578, 'mười bốn nghìn năm trăm bảy mươi tám'],
    [1_000_005, 'một triệu không trăm linh năm'],
    [1_005_000, 'một triệu không trăm linh năm nghìn'],
    [1_368_000_000, 'một tỷ ba trăm sáu mươi tám triệu'],
    [2_000_000_000_000, 'hai nghìn tỷ'],
    [1_000_000_005, 'một tỷ không trăm linh năm'],
    [5_000_001_000, 'năm tỷ không trăm linh một nghìn'],
    [308_793_000_000_000, 'ba trăm linh tám nghìn bảy trăm chín mươi ba tỷ'],
  ])('%d', (n, words) => expect(numberToWords(n)).toBe(words));

  it('adds the unit', () => {
    expect(numberToWords(1_368_000_000, 'đồng')).toBe('một tỷ ba trăm sáu mươi tám triệu đồng');
    expect(numberToWords(1368, 'triệu đồng')).toBe('một nghìn ba trăm sáu mươi tám triệu đồng');
  });

  it('reads decimals after "phẩy", leading zeros one by one', () => {
    expect(numberToWords(381.18)).toBe('ba trăm tám mươi mốt phẩy mười tám');
    expect(numberToWords(1.05)).toBe('một phẩy không năm');
    expect(numberToWords(0.5, 'triệu USD')).toBe('không phẩy năm triệu USD');
    expect(numberToWords(1210.9)).toBe('một nghìn hai trăm mười phẩy chín');
    expect(numberToWords(0.1 + 0.2)).toBe('không phẩy ba'); // binary noise is not read out
    expect(numberToWords(281 + 381.18)).toBe('sáu trăm sáu mươi hai phẩy mười tám');
    expect(numberToWords(9007199254740991)).toMatch(/chín trăm chín mươi mốt$/);
  });

  it('reads negatives with "âm"', () => {
    expect(numberToWords(-4.3)).toBe('âm bốn phẩy ba');
    expect(numberToWords(-0)).toBe('không');
  });

  it('refuses what cannot be read exactly', () => {
    expect(() => numberToWords(Number.NaN)).toThrow(RangeError);
    expect(() => numberToWords(1e16)).toThrow(RangeError);
    expect(numberToWords(Number.MAX_SAFE_INTEGER)).toBe('chín triệu không trăm linh bảy nghìn một trăm chín mươi chín tỷ hai trăm năm mươi tư triệu bảy trăm bốn mươi nghìn chín trăm chín mươi mốt');
  });

  it('reads digit strings beyond Number', () => {
    expect(integerDigitsToWords('1000000000000000000')).toBe('một tỷ tỷ');
    expect(integerDigitsToWords('007')).toBe('bảy');
  });
});
