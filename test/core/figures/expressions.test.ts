import { parseExpression, evaluateExpression, ExpressionRefused } from '../../../src/core/figures/expressions';
import { table, settings, projects, run, metric } from '../../helpers/tables';

const evalWith = (src: string, scope: Record<string, number> = {}) => evaluateExpression(parseExpression(src), new Map(Object.entries(scope)));

test('arithmetic is decimal-exact', () => {
  expect(evalWith('a + b', { a: 0.1, b: 0.2 })).toBe(0.3);
  expect(evalWith('1.1 * 3')).toBe(3.3);
  expect(evalWith('round(2.675, 2)')).toBe(2.68);
  expect(evalWith('round(-2.5)')).toBe(-3);
  expect(evalWith('(a - b) / b * 100', { a: 195683, b: 204512 })).toBeCloseTo(-4.3171060866844, 12);
  expect(evalWith('max(1, 2, 3) + min(4, 5) + abs(-2) + sum(1, 2)')).toBe(12);
  expect(evalWith('a × 2 ÷ 4 − 1', { a: 10 })).toBe(4);
  expect(evalWith('3:4')).toBe(0.75); // the colon is the division sign taught in Vietnamese schools
  expect(evalWith('(a)(2)', { a: 3 })).toBe(6); // implicit multiplication, nothing is called
});

test.each([
  ['import({}, {override: true})'],
  ['import(a)'],
  ['createUnit("foo")'],
  ['createUnit(a)'],
  ['evaluate(a)'],
  ['parse(a)'],
  ['simplify(a)'],
  ['derivative(a, a)'],
  ['resolve(a)'],
  ['a.constructor'],
  ['a["constructor"]'],
  ['cos.constructor("return process")()'],
  ['f(x) = x'],
  ['a = 1'],
  ['[1, 2]'],
  ['{a: 1}'],
  ['a ? 1 : 2'],
  ['a == 1'],
  ['2 ^ 10'],
  ['a!'],
  ['"text"'],
  ['x => x'],
  ['round'],
  ['a' + '+a'.repeat(300)],
])('refused: %s', (src) => {
  expect(() => parseExpression(src)).toThrow(ExpressionRefused);
});

test('Metrics table: staff figures, dependencies, cycles, unknown keys, missing inputs', () => {
  const defs = table('ChiTieuTinh', ['Mã', 'Công thức', 'Tên', 'Đơn vị'], [
    ['avg_new', 'fdi_new_capital / fdi_new_count', 'Bình quân', 'triệu USD'],
    ['twice_avg', 'avg_new * 2', null, null],
    ['loop_a', 'loop_b + 1', null, null],
    ['loop_b', 'loop_a + 1', null, null],
    ['uses_unknown', 'nope + 1', null, null],
    ['bad', 'import(fdi_new_count)', null, null],
    ['needs_missing', 'labour_workers + 1', null, null],
    ['fdi_new_count', '1', null, null],
    ['div0', 'fdi_new_count / 0', null, null],
  ]);
  const r = run([settings(['01/01/2023', '30/06/2023']), projects([['A', 'FDI', 'Cấp mới', '01/02/2023', 0.3], ['B', 'FDI', 'Cấp mới', '01/03/2023', 0.6]]), defs]);
  expect(metric(r, 'avg_new')).toBe(0.45);
  expect(metric(r, 'twice_avg')).toBe(0.9);
  expect(metric(r, 'loop_a')).toBeNull();
  expect(metric(r, 'loop_b')).toBeNull();
  expect(r.problems.find((p) => p.code === 'expressionCycle')?.message).toMatch(/loop_a → loop_b → loop_a/);
  expect(r.problems.find((p) => p.code === 'expressionUnknownKey')?.cell).toBe('ChiTieuTinh!B6');
  expect(r.problems.find((p) => p.code === 'expressionRefused')?.cell).toBe('ChiTieuTinh!B7');
  expect(metric(r, 'needs_missing')).toBeNull();
  expect(r.metrics.get('needs_missing')!.reason).toMatch(/labour_workers/);
  expect(r.problems.find((p) => p.code === 'metricKeyBad')?.cell).toBe('ChiTieuTinh!A9');
  expect(metric(r, 'fdi_new_count')).toBe(2);
  expect(metric(r, 'div0')).toBeNull();
});

describe('reasons in the report language (issue 18: no English in a Vietnamese Kiểm tra)', () => {
  const { reasonOf, ExpressionFailed } = jest.requireActual('../../../src/core/figures/expressions') as typeof import('../../../src/core/figures/expressions');
  const refusal = (src: string) => {
    try {
      parseExpression(src);
    } catch (e) {
      return e as ExpressionRefused;
    }
    throw new Error(`not refused: ${src}`);
  };
  test.each(['a +', 'import("fs")', 'x ^ 2', 'round', 'abs(1, 2)', 'a[1]', '"text"', 'a ≥ b', 'x'.repeat(600)])('%s: refused with a Vietnamese reason and an English one', (src) => {
    const e = refusal(src);
    expect(reasonOf(e, 'en')).toBe(e.message);
    const vi = reasonOf(e, 'vi');
    expect(vi).not.toBe(e.message);
    // Vietnamese words, none of the English reason's
    expect(vi).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳý]|không|hàm|chia/);
    expect(vi).not.toMatch(/\b(allowed|must|needs|cannot|takes|only|nested|longer|contains)\b/);
  });
  test('a division by zero fails with a reason in each language', () => {
    try {
      evalWith('a / b', { a: 1, b: 0 });
      throw new Error('no failure');
    } catch (e) {
      expect(e).toBeInstanceOf(ExpressionFailed);
      expect(reasonOf(e as InstanceType<typeof ExpressionFailed>, 'vi')).toBe('chia cho 0');
      expect(reasonOf(e as InstanceType<typeof ExpressionFailed>, 'en')).toBe('division by zero');
    }
  });
});
