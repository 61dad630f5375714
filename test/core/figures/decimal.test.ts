import fc from 'fast-check';
import { exactSum, exactProduct, exactDifference } from '../../../src/core/figures/decimal';

/** The sum of the shortest decimals of `values`, done on BigInt and read back as a double. */
function decimalSum(values: number[]): number {
  const parts = values.map((v) => {
    const s = String(v);
    const neg = s.startsWith('-');
    const [i, f = ''] = (neg ? s.slice(1) : s).split('.');
    return { int: BigInt(i + f) * (neg ? -1n : 1n), scale: f.length };
  });
  const scale = Math.max(0, ...parts.map((p) => p.scale));
  let total = 0n;
  for (const p of parts) total += p.int * 10n ** BigInt(scale - p.scale);
  const neg = total < 0n;
  const digits = (neg ? -total : total).toString().padStart(scale + 1, '0');
  const text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return Number(`${neg ? '-' : ''}${text}`) + 0;
}

/** Figures as staff type them: up to 12 digits with up to 6 decimals, either sign. */
const typed = fc
  .tuple(fc.integer({ min: -999_999_999_999, max: 999_999_999_999 }), fc.integer({ min: 0, max: 6 }))
  .map(([n, d]) => Number((n / 10 ** d).toFixed(d)));

describe('exactSum', () => {
  it('is the sum of the decimals as written, not the binary sum', () => {
    expect(exactSum([0.1, 0.2])).toBe(0.3);
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(exactSum([381.18, 1.1, 2.2])).toBe(384.48);
    expect(exactSum([])).toBe(0);
    expect(Object.is(exactSum([-0, 0]), 0)).toBe(true);
  });

  it('agrees with BigInt arithmetic on the decimals for any list of typed figures', () => {
    fc.assert(
      fc.property(fc.array(typed, { maxLength: 60 }), (values) => {
        expect(exactSum(values)).toBe(decimalSum(values));
      }),
      { numRuns: 2000 },
    );
  });

  it('stays exact when totals outgrow a double’s safe integers (BigInt path)', () => {
    const big = [123456789012.123456, 987654321098.654321, 555555555555.5];
    expect(exactSum(big)).toBe(decimalSum(big));
    expect(exactSum([2 ** 53, 1, 1])).toBe(decimalSum([2 ** 53, 1, 1]));
  });

  it('falls back to the binary sum for exponent notation', () => {
    expect(exactSum([1e-7, 2e-7])).toBe(1e-7 + 2e-7);
  });

  it('products and differences are exact too', () => {
    expect(exactProduct(1.1, 3)).toBe(3.3);
    expect(exactDifference(0.3, 0.1)).toBe(0.2);
  });
});

describe('exactSum on any double JavaScript writes without an exponent', () => {
  const plain = fc.double({ min: -1e9, max: 1e9, noNaN: true }).filter((v) => !String(v).includes('e'));
  it('agrees with BigInt arithmetic on the shortest decimals', () => {
    fc.assert(
      fc.property(fc.array(plain, { maxLength: 20 }), (values) => {
        expect(exactSum(values)).toBe(decimalSum(values));
      }),
      { numRuns: 3000 },
    );
  });
});
