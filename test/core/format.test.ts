import { formatNumber, comparePhrase, changePhrase, formatCount2, roundHalfAway, periodLabel, dateLine } from '../../src/core/format';

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
  expect(comparePhrase(73.6, 'en')).toBe('74% of the same period last year (down 26.4%)');
  expect(comparePhrase(99.98, 'vi')).toBe('bằng 100% cùng kỳ năm trước');
  expect(comparePhrase(250, 'en')).toBe('2.5 times the same period last year');
});

test('change as tăng/giảm', () => {
  expect(changePhrase(((195683 - 204512) / 204512) * 100, 'vi')).toBe('giảm 4,3%');
  expect(changePhrase(2.06, 'vi')).toBe('tăng 2,1%');
  expect(changePhrase(0.01, 'vi')).toBe('không đổi');
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
