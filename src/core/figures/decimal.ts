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

export function exactSum(values: Iterable<number>): number {
  const list = [...values];
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
