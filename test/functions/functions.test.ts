// The @customfunction wrappers: Excel errors come out as CustomFunctions.Error with the right code.
class CfError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const ErrorCode = { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!' };
Object.assign(globalThis, { CustomFunctions: { Error: CfError, ErrorCode, associate: () => undefined } });

// eslint-disable-next-line @typescript-eslint/no-require-imports
const fns = require('../../src/functions/functions') as typeof import('../../src/functions/functions');

function thrown(run: () => unknown): CfError {
  try {
    run();
  } catch (e) {
    return e as CfError;
  }
  throw new Error('no error');
}

describe('custom function wrappers', () => {
  it('return what the logic returns', () => {
    expect(fns.percentOfPlan(662.18, 2000, 2)).toBe(33.11);
    expect(fns.vsPrior(150, 100)).toBe(150);
    expect(fns.growth(90, 100)).toBeCloseTo(-10, 10);
    expect(fns.times(450, 200)).toBe(2.25);
    expect(fns.compare(450, 200)).toBe('gấp 2,25 lần cùng kỳ năm trước');
    expect(fns.planText(1, 3)).toBe('đạt 33,33% kế hoạch');
    expect(fns.vnNumber(1210.9)).toBe('1.210,9');
    expect(fns.numberToWords(1368, 'triệu đồng')).toBe('một nghìn ba trăm sáu mươi tám triệu đồng');
    expect(fns.taskStatus(null, null)).toBe('Không hạn');
  });

  it('turn errors into Excel errors: #DIV/0! without a message, #VALUE! with one', () => {
    const div = thrown(() => fns.percentOfPlan(1, 0));
    expect(div).toBeInstanceOf(CfError);
    expect(div).toEqual(new CfError('#DIV/0!'));
    const bad = thrown(() => fns.vnNumber(1, 2.5));
    expect(bad).toEqual(new CfError('#VALUE!', 'Số chữ số thập phân phải là số nguyên từ 0 đến 10.'));
    expect(thrown(() => fns.taskStatus('x', null))).toEqual(new CfError('#VALUE!', 'Hạn xử lý phải là một ngày (dd/mm/yyyy).'));
  });
});
