import { fromRoman, roman } from './format';

/** An outline number of the Sections table: `I`, `I.1`, `II.4.(3)`; MoDau before all, KetLuan after. */
export interface Outline {
  id: string;
  path: number[];
  level: number;
  /** How the number is printed before the heading: "II.", "1.", "(3)". */
  label: string;
}

const INTRO = ['modau', 'intro', 'opening', '0'];
const CLOSING = ['ketluan', 'closing', 'end'];

export function parseOutline(raw: string): Outline | null {
  const s = raw.trim().replace(/\s+/g, '').replace(/\.$/, '');
  const f = s.toLowerCase();
  if (INTRO.includes(f)) return { id: 'MoDau', path: [0], level: 0, label: '' };
  if (CLOSING.includes(f)) return { id: 'KetLuan', path: [10000], level: 0, label: '' };
  const parts = s.split('.');
  const path: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    let n: number | null;
    if (i === 0) n = fromRoman(p);
    else {
      const m = /^\(?(\d{1,3})\)?$/.exec(p);
      n = m ? Number(m[1]) : null;
    }
    if (n === null || n < 1) return null;
    path.push(n);
  }
  if (path.length > 4) return null;
  const id = parts.map((p, i) => (i === 0 ? p.toUpperCase() : i >= 2 ? `(${p.replace(/[()]/g, '')})` : p.replace(/[()]/g, ''))).join('.');
  const last = path[path.length - 1];
  const label = path.length === 1 ? `${id}.` : path.length === 2 ? `${last}.` : `(${last})`;
  return { id, path, level: path.length, label };
}

export function compareOutline(a: Outline, b: Outline): number {
  for (let i = 0; i < Math.max(a.path.length, b.path.length); i++) {
    const x = a.path[i] ?? -1;
    const y = b.path[i] ?? -1;
    if (x !== y) return x - y;
  }
  return 0;
}

/** The ancestors of an outline id: II.5.(1) → II, II.5. */
export function ancestors(o: Outline): string[] {
  const parts = o.id.split('.');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** The outline of a path: [2, 3, 1] → II.3.(1). */
export function outlineOf(path: number[]): Outline {
  const text = path.map((n, i) => (i === 0 ? roman(n) : i >= 2 ? `(${n})` : String(n))).join('.');
  return parseOutline(text)!;
}

/**
 * Numbers the sections in sequence where the staff gave no numbers: the outline numbers the staff
 * wrote (and their ancestors, `fixed`) are kept, and under each parent the other sections (the
 * generated skeleton, the placeholders) take the numbers the staff left free, 1, 2, 3…, in their
 * own order. Without any staff section, II.1, II.3, II.5, II.8 read II.1, II.2, II.3, II.4; with
 * staff sections II.1 and II.2, a generated II.3 stays II.3 and II.5, II.8 read II.4, II.5.
 * Returns the new outline of every id.
 */
export function renumber(outlines: Outline[], fixed: Set<string>): Map<string, Outline> {
  const out = new Map<string, Outline>();
  const byParent = new Map<string, Outline[]>();
  for (const o of outlines) {
    if (o.level < 1) continue;
    const parent = o.id.split('.').slice(0, -1).join('.');
    byParent.set(parent, [...(byParent.get(parent) ?? []), o]);
  }
  const place = (parent: string, parentPath: number[]) => {
    const children = [...(byParent.get(parent) ?? [])].sort(compareOutline);
    const taken = new Set(children.filter((c) => fixed.has(c.id)).map((c) => c.path[c.path.length - 1]));
    let next = 1;
    for (const c of children) {
      let n: number;
      if (fixed.has(c.id)) n = c.path[c.path.length - 1];
      else {
        while (taken.has(next)) next++;
        n = next++;
      }
      const o = outlineOf([...parentPath, n]);
      out.set(c.id, o);
      place(c.id, o.path);
    }
  };
  place('', []);
  return out;
}
