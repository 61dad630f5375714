import { formatNumber, comparePhrase, compareLabel, comparison, changePhrase, columnDecimals, figureDecimals, formatCount2, roundHalfAway, periodLabel, dateLine } from '../../../src/core/report/format';
import { DEFAULT_TEMPLATES } from '../../../src/core/report/templates';

test('Vietnamese number style through Intl', () => {
  expect(formatNumber(14578, 'vi')).toBe('14.578');
  expect(formatNumber(381.18, 'vi')).toBe('381,18');
  expect(formatNumber(6493.39, 'vi')).toBe('6.493,39');
  expect(formatNumber(1368, 'vi')).toBe('1.368');
  expect(formatNumber(281, 'vi', { max: 2 })).toBe('281');
  expect(formatNumber(33.97065, 'vi', { decimals: 1 })).toBe('34,0');
  expect(formatNumber(0.1 + 0.2, 'vi', { max: 2 })).toBe('0,3');
  expect(formatNumber(14578, 'en')).toBe('14,578');
});

test('rounding is half away from zero on the decimal form', () => {
  expect(roundHalfAway(1.005, 2)).toBe(1.01);
  expect(roundHalfAway(-1.005, 2)).toBe(-1.01);
  expect(roundHalfAway(2.245, 2)).toBe(2.25);
  expect(roundHalfAway(105.5, 0)).toBe(106);
  expect(formatNumber(-0.04, 'vi', { decimals: 1 })).toBe('0,0');
});

test('comparison by rule: 2 or more is "gấp N lần", otherwise "bằng N%"', () => {
  expect(comparePhrase((662.18 / 626) * 100, 'vi')).toBe('bằng 106% cùng kỳ năm trước');
  expect(comparePhrase((14578 / 6493.39) * 100, 'vi')).toBe('gấp 2,25 lần cùng kỳ năm trước');
  expect(comparePhrase(200, 'vi')).toBe('gấp 2 lần cùng kỳ năm trước');
  expect(comparePhrase(250, 'vi')).toBe('gấp 2,5 lần cùng kỳ năm trước');
  expect(comparePhrase(200, 'vi', 2)).toBe('gấp 2,00 lần cùng kỳ năm trước');
  expect(comparePhrase(199.4, 'vi')).toBe('bằng 199% cùng kỳ năm trước');
  expect(comparePhrase(95.74, 'vi', 1)).toBe('bằng 95,7% cùng kỳ năm trước (giảm 4,3%)');
  expect(comparePhrase(73.6, 'en')).toBe('73.6% of the same period last year (down 26.4%)');
  expect(comparePhrase(99.98, 'vi')).toBe('tương đương cùng kỳ năm trước');
  expect(comparePhrase(250, 'en')).toBe('2.5 times the same period last year');
});

test('change as tăng/giảm', () => {
  expect(changePhrase(((195683 - 204512) / 204512) * 100, 'vi')).toBe('giảm 4,3%');
  expect(changePhrase(2.06, 'vi')).toBe('tăng 2,1%');
  expect(changePhrase(0.01, 'vi')).toBe('tương đương');
  expect(changePhrase(-0.04, 'en')).toBe('unchanged');
  expect(changePhrase(0.05, 'vi')).toBe('tăng 0,1%');
  expect(changePhrase(-4.3, 'en')).toBe('down 4.3%');
});

test('counts below 10 with a leading zero', () => {
  expect(formatCount2(1, 'vi')).toBe('01');
  expect(formatCount2(0, 'vi')).toBe('00');
  expect(formatCount2(12, 'vi')).toBe('12');
  expect(formatCount2(1, 'en')).toBe('1');
});

test('period names and the date line', () => {
  expect(periodLabel('2023-01-01', '2023-06-30', 'vi')).toBe('6 tháng đầu năm 2023');
  expect(periodLabel('2023-01-01', '2023-12-31', 'vi')).toBe('năm 2023');
  expect(periodLabel('2023-07-01', '2023-12-31', 'vi')).toBe('6 tháng cuối năm 2023');
  expect(periodLabel('2023-04-01', '2023-06-30', 'vi')).toBe('quý II năm 2023');
  expect(periodLabel('2023-01-01', '2023-09-30', 'vi')).toBe('9 tháng đầu năm 2023');
  expect(periodLabel('2023-01-05', '2023-06-30', 'vi')).toBe('từ ngày 05/1/2023 đến ngày 30/6/2023');
  expect(dateLine('Hải Phòng', '2023-06-05', 'vi')).toBe('Hải Phòng, ngày 05 tháng 6 năm 2023');
  expect(dateLine('Hà Nội', '2024-02-09', 'vi')).toBe('Hà Nội, ngày 09 tháng 02 năm 2024');
  expect(dateLine('Hà Nội', '2024-01-10', 'vi')).toBe('Hà Nội, ngày 10 tháng 01 năm 2024');
  expect(dateLine('Hải Phòng', '2023-12-25', 'vi')).toBe('Hải Phòng, ngày 25 tháng 12 năm 2023');
});

describe('the precision rule: what is written agrees with itself', () => {
  test('a fall names both numbers at the same decimals, adding up to 100', () => {
    expect(comparePhrase(77.66, 'vi')).toBe('bằng 77,7% cùng kỳ năm trước (giảm 22,3%)');
    expect(comparePhrase(99.6, 'vi')).toBe('bằng 99,6% cùng kỳ năm trước (giảm 0,4%)');
    // 77,75 rounds to 77,8: the fall is 22,2 (not 22,25 → 22,3), so the two still add up to 100
    expect(comparePhrase(77.75, 'vi')).toBe('bằng 77,8% cùng kỳ năm trước (giảm 22,2%)');
    expect(comparePhrase(77.666, 'vi', 2)).toBe('bằng 77,67% cùng kỳ năm trước (giảm 22,33%)');
    expect(comparePhrase(77.66, 'en')).toBe('77.7% of the same period last year (down 22.3%)');
  });

  test('a rise keeps the decimals asked (106%), but rounding never hides it (100,3%)', () => {
    expect(comparePhrase(105.78, 'vi')).toBe('bằng 106% cùng kỳ năm trước');
    expect(comparePhrase(100.3, 'vi')).toBe('bằng 100,3% cùng kỳ năm trước');
    expect(comparePhrase(100.49, 'vi')).toBe('bằng 100,5% cùng kỳ năm trước');
    expect(comparePhrase(100.5, 'vi')).toBe('bằng 101% cùng kỳ năm trước');
  });

  test('a change that rounds to 0 reads "tương đương cùng kỳ"', () => {
    for (const p of [100, 100.04, 99.95, 99.999]) expect(comparePhrase(p, 'vi')).toBe('tương đương cùng kỳ năm trước');
    expect(comparePhrase(100, 'en')).toBe('about the same as the same period last year');
    expect(comparePhrase(100.04, 'vi', 2)).toBe('bằng 100,04% cùng kỳ năm trước');
    expect(comparison(99.94)).toEqual({ form: 'pct', pct: 99.9, decimals: 1, fall: 0.1 });
  });

  test('"gấp N lần" from 2 times up, judged on the ratio as written (1,996 → gấp 2 lần)', () => {
    expect(comparePhrase(199.6, 'vi')).toBe('gấp 2 lần cùng kỳ năm trước');
    expect(comparePhrase(199.49, 'vi')).toBe('bằng 199% cùng kỳ năm trước');
  });

  test('a chart label says what the text says, in fewer words', () => {
    expect(compareLabel(105.78, 'vi')).toBe('bằng 106%');
    expect(compareLabel(77.66, 'vi')).toBe('giảm 22,3%');
    expect(compareLabel(224.5, 'vi')).toBe('gấp 2,25 lần');
    expect(compareLabel(100.02, 'vi')).toBe('tương đương');
    expect(compareLabel(77.66, 'en')).toBe('down 22.3%');
  });

  test('each figure at the decimals its sentence asks for, wherever it stands', () => {
    const vi = DEFAULT_TEMPLATES.vi;
    expect(figureDecimals('fdi_pct_plan', vi)).toEqual({ decimals: 2 });
    expect(figureDecimals('export_pct_plan', vi)).toEqual({ decimals: 1 });
    expect(figureDecimals('budget_units[Cơ quan].pct_plan', vi)).toEqual({ decimals: 1 });
    expect(figureDecimals('fdi_vs_prior_pct', vi)).toEqual({ decimals: 1 });
    // with its value, as `comparison` writes it: a rise at the decimals asked (0), a fall or a rise hidden by rounding at 1
    expect(figureDecimals('fdi_vs_prior_pct', vi, 109.82)).toEqual({ decimals: 0 });
    expect(figureDecimals('fdi_vs_prior_pct', vi, 77.66)).toEqual({ decimals: 1 });
    expect(figureDecimals('fdi_vs_prior_pct', vi, 100.3)).toEqual({ decimals: 1 });
    expect(figureDecimals('fdi_vs_prior_pct', vi, 225)).toEqual({ decimals: 1 });
    expect(figureDecimals('labour_avg_income', vi)).toEqual({ decimals: 1 });
    expect(figureDecimals('fdi_new_count', vi)).toEqual({ decimals: 0 });
    expect(figureDecimals('fdi_total_capital', vi)).toEqual({ max: 2 });
    // not the |div1000 billions of the cumulative sentence
    expect(figureDecimals('fdi_cumulative_capital', vi)).toEqual({ max: 2 });
    expect(figureDecimals('export_pct_plan', { ...vi, export: '- Xuất khẩu: {export} triệu USD, đạt {export_pct_plan:2}% kế hoạch.' })).toEqual({ decimals: 2 });
  });

  test('a table column takes the most decimals any of its amounts needs, up to 2', () => {
    expect(columnDecimals([18396.9, 14608.97, null])).toBe(2);
    expect(columnDecimals([1210.9, 157.1, 1368])).toBe(1);
    expect(columnDecimals([281, 626])).toBe(0);
    expect(columnDecimals([0.1 + 0.2])).toBe(1);
    expect(columnDecimals([1.23456])).toBe(2);
  });
});
