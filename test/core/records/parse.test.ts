import { parseNumber, parseNumberText, parseDate, parseMonth, parseYesNo, serialToDay, dayToSerial, addYears, parseInteger } from '../../../src/core/records/parse';

describe('numbers by the contract rule', () => {
  test.each([
    ['1.210,9', 1210.9],
    ['4.123', 4123],
    ['1210.9', 1210.9],
    ['0.5', 0.5],
    ['1.234.567', 1234567],
    ['1,5', 1.5],
    ['1 234,5', 1234.5],
    ['-2,35', -2.35],
    ['1,234.5', 1234.5],
    ['1.234,50', 1234.5],
    ['12.34', 12.34],
    ['6.493,39', 6493.39],
    ['  381,18 ', 381.18],
    ['+7', 7],
    [',5', 0.5],
    ['1.000.000,25', 1000000.25],
  ])('%s → %d', (text, expected) => {
    expect(parseNumberText(text)).toBe(expected);
  });

  test.each(['abc', '1,234,567', '1.2.3', '', '12a', '1..2', '1.23.456', '--1', '1,2.3,4', '.'])('%s is not a number', (text) => {
    expect(parseNumberText(text)).toBeNull();
  });

  test('cells: numbers pass, errors and booleans fail with a reason', () => {
    expect(parseNumber(281)).toEqual({ ok: true, value: 281 });
    expect(parseNumber({ error: '#N/A' })).toMatchObject({ ok: false, why: 'errorValue' });
    expect(parseNumber('#REF!')).toMatchObject({ ok: false, why: 'errorValue' });
    expect(parseNumber(true)).toMatchObject({ ok: false, why: 'notNumber' });
    expect(parseNumber(NaN)).toMatchObject({ ok: false });
    expect(parseInteger('12,5')).toMatchObject({ ok: false, why: 'notInteger' });
    expect(parseInteger('1.250')).toEqual({ ok: true, value: 1250 });
  });
});

describe('dates', () => {
  test('real dates, serials and dd/mm/yyyy text', () => {
    expect(parseDate(new Date(Date.UTC(2023, 5, 30)))).toEqual({ ok: true, value: '2023-06-30' });
    expect(parseDate(45107)).toEqual({ ok: true, value: '2023-06-30' });
    expect(parseDate(45107.75)).toEqual({ ok: true, value: '2023-06-30' });
    expect(parseDate('07/06/2023')).toEqual({ ok: true, value: '2023-06-07' });
    expect(parseDate('7/6/2023')).toEqual({ ok: true, value: '2023-06-07' });
    expect(parseDate('2023-06-07')).toEqual({ ok: true, value: '2023-06-07' });
  });

  test('day first, always; impossible dates are reported', () => {
    expect(parseDate('02/03/2023')).toEqual({ ok: true, value: '2023-03-02' });
    expect(parseDate('31/02/2023')).toMatchObject({ ok: false, why: 'impossibleDate' });
    expect(parseDate('29/02/2023')).toMatchObject({ ok: false, why: 'impossibleDate' });
    expect(parseDate('29/02/2024')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseDate('13/13/2023')).toMatchObject({ ok: false });
    expect(parseDate('June 7, 2023')).toMatchObject({ ok: false, why: 'notDate' });
    expect(parseDate('07/06/23')).toMatchObject({ ok: false, why: 'notDate' });
  });

  test('Excel serials around the 1900 leap-year bug', () => {
    expect(serialToDay(1)).toBe('1900-01-01');
    expect(serialToDay(59)).toBe('1900-02-28');
    expect(serialToDay(60)).toBeNull();
    expect(serialToDay(61)).toBe('1900-03-01');
    expect(dayToSerial('2023-06-30')).toBe(45107);
    expect(serialToDay(dayToSerial('2024-02-29'))).toBe('2024-02-29');
  });

  test('months from dates or mm/yyyy text', () => {
    expect(parseMonth('06/2023')).toEqual({ ok: true, value: '2023-06' });
    expect(parseMonth('6/2023')).toEqual({ ok: true, value: '2023-06' });
    expect(parseMonth(new Date(Date.UTC(2023, 5, 15)))).toEqual({ ok: true, value: '2023-06' });
    expect(parseMonth('15/06/2023')).toEqual({ ok: true, value: '2023-06' });
    expect(parseMonth('13/2023')).toMatchObject({ ok: false });
    expect(parseMonth('tháng sáu')).toMatchObject({ ok: false, why: 'notMonth' });
  });

  test('the same period a year earlier clamps 29 February', () => {
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(addYears('2023-06-30', -1)).toBe('2022-06-30');
  });
});

test('yes/no', () => {
  for (const yes of ['x', 'X', 'có', 'TRUE', true, 1]) expect(parseYesNo(yes)).toEqual({ ok: true, value: true });
  for (const no of ['', 'không', 'no', false, 0]) expect(parseYesNo(no)).toEqual({ ok: true, value: false });
  expect(parseYesNo('maybe')).toMatchObject({ ok: false, why: 'notYesNo' });
});
