import * as f from '../../src/functions/logic';
import { FunctionError } from '../../src/functions/logic';

function errorOf(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (e) {
    if (e instanceof FunctionError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('no error');
}

describe('PERCENTOFPLAN', () => {
  it('is actual ÷ plan × 100', () => {
    expect(f.percentOfPlan(662.18, 2000)).toBeCloseTo(33.109, 10);
    expect(f.percentOfPlan(662.18, 2000, 2)).toBe(33.11);
    expect(f.percentOfPlan(7409, 21810, 1)).toBe(34); // 33,97 → 34,0: the seed's 33,9 was a slip
    expect(f.percentOfPlan(14578, 10000, 1)).toBe(145.8);
    expect(f.percentOfPlan(1, 8, 1)).toBe(12.5);
    expect(f.percentOfPlan(1, 16, 2)).toBe(6.25);
    expect(f.percentOfPlan(-1, 8, 0)).toBe(-13); // half away from zero
  });
  it('gives #DIV/0! for a zero plan and #VALUE! for bad arguments', () => {
    expect(errorOf(() => f.percentOfPlan(5, 0)).code).toBe('divisionByZero');
    expect(errorOf(() => f.percentOfPlan('abc', 5))).toEqual({ code: 'invalidValue', message: 'Số thực hiện phải là một số.' });
    expect(errorOf(() => f.percentOfPlan(1, 2, 1.5)).code).toBe('invalidValue');
    expect(errorOf(() => f.percentOfPlan(1, 2, -1)).code).toBe('invalidValue');
    expect(errorOf(() => f.percentOfPlan(Number.NaN, 2)).code).toBe('invalidValue');
  });
});

describe('VSPRIOR, GROWTH, TIMES', () => {
  it('compute the same-period figures', () => {
    expect(f.vsPrior(662.18, 626)).toBeCloseTo(105.7796, 4);
    expect(f.growth(195683, 204512)).toBeCloseTo(-4.3171, 4);
    expect(f.growth(110, 100)).toBeCloseTo(10, 10);
    expect(f.times(14578, 6493.39)).toBeCloseTo(2.2451, 4);
  });
  it('give #DIV/0! for a zero prior', () => {
    expect(errorOf(() => f.vsPrior(1, 0)).code).toBe('divisionByZero');
    expect(errorOf(() => f.growth(1, 0)).code).toBe('divisionByZero');
    expect(errorOf(() => f.times(1, 0)).code).toBe('divisionByZero');
    expect(errorOf(() => f.times(1, true)).code).toBe('invalidValue');
  });
});

describe('COMPARE', () => {
  it('says "bằng N%" below twice the prior and "gấp N lần" from twice', () => {
    expect(f.compare(662.18, 626)).toBe('bằng 106% cùng kỳ năm trước');
    expect(f.compare(14578, 6493.39)).toBe('gấp 2,25 lần cùng kỳ năm trước');
    expect(f.compare(200, 100)).toBe('gấp 2 lần cùng kỳ năm trước');
    expect(f.compare(200, 100, 2)).toBe('gấp 2,00 lần cùng kỳ năm trước');
    expect(f.compare(195683, 204512)).toBe('bằng 95,7% cùng kỳ năm trước (giảm 4,3%)'); // a fall names both numbers at the same decimals (issue 18)
    expect(f.compare(195683, 204512, 1)).toBe('bằng 95,7% cùng kỳ năm trước (giảm 4,3%)');
    expect(f.compare(14578, 6493.39, 1)).toBe('gấp 2,2 lần cùng kỳ năm trước');
  });
  it('errors', () => {
    expect(errorOf(() => f.compare(1, 0)).code).toBe('divisionByZero');
    expect(errorOf(() => f.compare('x', 1)).code).toBe('invalidValue');
  });
});

describe('PLANTEXT', () => {
  it('phrases the plan ratio', () => {
    expect(f.planText(662.18, 2000)).toBe('đạt 33,11% kế hoạch');
    expect(f.planText(1368, 2560, 1)).toBe('đạt 53,4% kế hoạch');
    expect(f.planText(7409, 21810, 1)).toBe('đạt 34,0% kế hoạch');
  });
  it('errors', () => {
    expect(errorOf(() => f.planText(1, 0)).code).toBe('divisionByZero');
    expect(errorOf(() => f.planText(1, 2, 11)).code).toBe('invalidValue');
  });
});

describe('VNNUMBER', () => {
  it('writes Vietnamese style', () => {
    expect(f.vnNumber(14578)).toBe('14.578');
    expect(f.vnNumber(381.18)).toBe('381,18');
    expect(f.vnNumber(6493.39)).toBe('6.493,39');
    expect(f.vnNumber(281)).toBe('281');
    expect(f.vnNumber(0.125)).toBe('0,13');
    expect(f.vnNumber(34, 1)).toBe('34,0');
    expect(f.vnNumber(-4.25, 1)).toBe('-4,3');
    expect(f.vnNumber(308793)).toBe('308.793');
  });
  it('errors', () => expect(errorOf(() => f.vnNumber('14.578')).code).toBe('invalidValue'));
});

describe('NUMBERTOWORDS', () => {
  it('reads numbers in words with the unit', () => {
    expect(f.numberWords(1368000000, 'đồng')).toBe('một tỷ ba trăm sáu mươi tám triệu đồng');
    expect(f.numberWords(1368, 'triệu đồng')).toBe('một nghìn ba trăm sáu mươi tám triệu đồng');
    expect(f.numberWords(25)).toBe('hai mươi lăm');
    expect(f.numberWords(381.18, '')).toBe('ba trăm tám mươi mốt phẩy mười tám');
  });
  it('errors', () => {
    expect(errorOf(() => f.numberWords(1e20)).code).toBe('invalidValue');
    expect(errorOf(() => f.numberWords(1, 5 as unknown as string)).code).toBe('invalidValue');
  });
});

describe('TASKSTATUS', () => {
  const today = '2023-06-07';
  const serial = (d: string) => Math.round((Date.parse(d) - Date.UTC(1899, 11, 30)) / 86400000);
  it('follows the tasks_* rules with Excel serial dates', () => {
    expect(f.taskStatusText(serial('2023-06-30'), serial('2023-05-02'), null, today)).toBe('Đã hoàn thành');
    expect(f.taskStatusText(serial('2023-05-01'), serial('2023-05-02'), null, today)).toBe('Hoàn thành sau hạn');
    expect(f.taskStatusText(serial('2023-06-06'), null, null, today)).toBe('Quá hạn');
    expect(f.taskStatusText(serial('2023-06-07'), '', undefined, today)).toBe('Trong hạn');
    expect(f.taskStatusText(0, 0, null, today)).toBe('Không hạn');
    expect(f.taskStatusText(serial('2023-06-10'), null, serial('2023-06-20'), today)).toBe('Quá hạn');
    expect(f.taskStatusText('06/06/2023', null, '07/06/2023', '2000-01-01')).toBe('Quá hạn');
  });
  it('errors', () => {
    expect(errorOf(() => f.taskStatusText('soon', null, null, today))).toEqual({ code: 'invalidValue', message: 'Hạn xử lý phải là một ngày (dd/mm/yyyy).' });
    expect(errorOf(() => f.taskStatusText(true, null, null, today)).code).toBe('invalidValue');
    expect(errorOf(() => f.taskStatusText(null, '31/02/2023', null, today)).code).toBe('invalidValue');
  });
});
