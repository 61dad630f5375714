/**
 * Vietnamese numbers in words, as staff write amounts on official papers ("bằng chữ").
 * Rules: "mốt" for 1 after "mươi", "tư" for 4 after "mươi", "lăm" for 5 after "mươi"/"mười",
 * "linh" for a zero tens digit, "không trăm" in every group after the first, "nghìn",
 * decimals after "phẩy" (leading zeros as "không", then the rest read as a number).
 * The result starts in lower case so it can be put inside a sentence.
 */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const GROUP_UNITS = ['', 'nghìn', 'triệu'];

/** Reads a group of three digits; `full` (every group after the first) says "không trăm", "linh". */
function readTriple(n: number, full: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const out: string[] = [];
  if (h > 0 || full) out.push(DIGITS[h], 'trăm');
  if (t === 0) {
    if (u > 0) {
      if (h > 0 || full) out.push('linh');
      out.push(DIGITS[u]);
    }
  } else if (t === 1) {
    out.push('mười');
    if (u === 5) out.push('lăm');
    else if (u > 0) out.push(DIGITS[u]);
  } else {
    out.push(DIGITS[t], 'mươi');
    if (u === 1) out.push('mốt');
    else if (u === 4) out.push('tư');
    else if (u === 5) out.push('lăm');
    else if (u > 0) out.push(DIGITS[u]);
  }
  return out;
}

/**
 * Up to nine digits as groups of triệu, nghìn and units; zero groups are left out. `leading` is
 * true only for the first group of the whole number (the others say "không trăm", "linh").
 */
function readBelowBillion(n: number, leading: boolean, words: string[]): void {
  const groups = [Math.floor(n / 1e6), Math.floor(n / 1e3) % 1000, n % 1000];
  let first = leading;
  for (let k = 0; k < 3; k++) {
    const g = groups[k];
    if (g === 0) continue;
    for (const w of readTriple(g, !first)) words.push(w);
    first = false;
    if (GROUP_UNITS[2 - k]) words.push(GROUP_UNITS[2 - k]);
  }
}

/** Above nine digits the part before the last nine is read as a number of "tỷ": 2.000 tỷ = "hai nghìn tỷ". */
function readDigits(digits: string, leading: boolean, words: string[]): void {
  if (digits.length <= 9) return readBelowBillion(Number(digits), leading, words);
  const high = digits.slice(0, -9).replace(/^0+/, '');
  if (high) {
    readDigits(high, leading, words);
    words.push('tỷ');
  }
  readBelowBillion(Number(digits.slice(-9)), leading && !high, words);
}

/** A non-negative integer written as decimal digits, in words. */
export function integerDigitsToWords(digits: string): string {
  const clean = digits.replace(/^0+(?=\d)/, '');
  if (!/^\d+$/.test(clean)) throw new Error(`not an integer: ${digits}`);
  if (/^0+$/.test(clean)) return DIGITS[0];
  const words: string[] = [];
  readDigits(clean, true, words);
  return words.join(' ');
}

export const MAX_WORDS_VALUE = Number.MAX_SAFE_INTEGER;

/**
 * A number in Vietnamese words, with an optional unit: 1368000000, "đồng" → "một tỷ ba trăm sáu
 * mươi tám triệu đồng"; 381.18 → "ba trăm tám mươi mốt phẩy mười tám". The decimals are those of
 * the number's shortest decimal form. Throws RangeError beyond ±2^53 − 1 or for non-finite values.
 */
export function numberToWords(value: number, unit = ''): string {
  if (!Number.isFinite(value) || Math.abs(value) > MAX_WORDS_VALUE) throw new RangeError(`cannot be read in words: ${value}`);
  if (Number.isInteger(value) && Math.abs(value) < 1e9 && value !== 0) {
    const words: string[] = value < 0 ? ['âm'] : [];
    readBelowBillion(Math.abs(value), true, words);
    if (unit.trim()) words.push(unit.trim());
    return words.join(' ');
  }
  // 15 significant digits drop binary noise (0.1 + 0.2 reads "không phẩy ba"); integers stay exact
  const abs = Number.isInteger(value) ? Math.abs(value) : Number(Math.abs(value).toPrecision(15));
  const shortest = String(abs);
  const plain = /e/i.test(shortest) ? abs.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : shortest;
  const [intPart, fracPart = ''] = plain.split('.');
  const words: string[] = [];
  if (value < 0 && /[1-9]/.test(plain)) words.push('âm');
  words.push(integerDigitsToWords(intPart));
  if (fracPart) {
    words.push('phẩy');
    const zeros = /^0*/.exec(fracPart)![0].length;
    for (let i = 0; i < zeros; i++) words.push(DIGITS[0]);
    if (zeros < fracPart.length) words.push(integerDigitsToWords(fracPart.slice(zeros)));
  }
  const u = unit.trim();
  if (u) words.push(u);
  return words.join(' ');
}
