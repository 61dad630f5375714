/**
 * Exact decimal arithmetic for figures typed in decimal: sums and products are done on scaled
 * integers, so 0.1 + 0.2 is 0.3 and 281 cents-exact sums stay exact. Division stays binary and
 * only rounding for display (Intl) happens at the very end.
 */
function toScaled(v: number): { int: bigint; scale: number } | null {
  const s = String(v);
  if (/e/i.test(s)) return null;
  const neg = s.startsWith('-');
  const body = neg ? s.slice(1) : s;
  const [i, f = ''] = body.split('.');
  const int = BigInt(i + f) * (neg ? -1n : 1n);
  return { int, scale: f.length };
}

function fromScaled(int: bigint, scale: number): number {
  const neg = int < 0n;
  let digits = (neg ? -int : int).toString();
  if (scale === 0) return Number((neg ? '-' : '') + digits);
  digits = digits.padStart(scale + 1, '0');
  return Number(`${neg ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`);
}

/** Below this, a scaled value and a running total of them are exact in a double (see sumScaledInDoubles). */
const SAFE_SCALED = 2 ** 50;

/**
 * Digits after the decimal point of v as JavaScript writes it (its shortest round-trip decimal);
 * -1 for exponent notation or when that decimal scaled to an integer would reach SAFE_SCALED. The
 * first k whose nearest k-decimal reads back as v is that decimal's length: below SAFE_SCALED the
 * product v·10^k rounds to the decimal's digits, and a shorter decimal would have been found first.
 */
function decimals(v: number): number {
  if (Number.isInteger(v)) return Math.abs(v) < SAFE_SCALED ? 0 : -1;
  if (!Number.isFinite(v) || Math.abs(v) < 1e-6) return -1;
  for (let k = 1, unit = 10; k <= 22; k++, unit *= 10) {
    const m = Math.round(v * unit);
    if (!(Math.abs(m) < SAFE_SCALED)) return -1;
    if (m / unit === v) return k;
  }
  return -1;
}

/**
 * The exact sum on scaled integers held in doubles, or null when they could outgrow 2^50. Each v is
 * within half an ulp of its shortest decimal d, so v·10^k rounds to the integer d·10^k while that is
 * below 2^51; integer sums below 2^53 are exact, and the one division at the end is correctly
 * rounded, giving the same double as the BigInt path.
 */
function sumScaledInDoubles(list: number[]): number | null {
  let scale = 0;
  for (const v of list) {
    const d = decimals(v);
    if (d < 0 || d > 22) return null;
    if (d > scale) scale = d;
  }
  const unit = 10 ** scale;
  let total = 0;
  for (const v of list) {
    const scaled = Math.round(v * unit);
    if (!(Math.abs(scaled) < SAFE_SCALED)) return null;
    total += scaled;
    if (!(Math.abs(total) < SAFE_SCALED)) return null;
  }
  return scale === 0 ? total : total / unit;
}

export function exactSum(values: Iterable<number>): number {
  const list = Array.isArray(values) ? (values as number[]) : [...values];
  const fast = sumScaledInDoubles(list);
  if (fast !== null) return fast === 0 ? 0 : fast;
  const parts: { int: bigint; scale: number }[] = [];
  let scale = 0;
  for (const v of list) {
    const p = toScaled(v);
    if (!p) return list.reduce((a, b) => a + b, 0); // exponent notation: binary sum
    parts.push(p);
    scale = Math.max(scale, p.scale);
  }
  let total = 0n;
  for (const p of parts) total += p.int * 10n ** BigInt(scale - p.scale);
  return fromScaled(total, scale);
}

export function exactProduct(a: number, b: number): number {
  const pa = toScaled(a);
  const pb = toScaled(b);
  if (!pa || !pb) return a * b;
  return fromScaled(pa.int * pb.int, pa.scale + pb.scale);
}

export function exactDifference(a: number, b: number): number {
  return exactSum([a, -b]);
}
