import type { Block } from './report';
import { Lang } from '../problems';

/** Abbreviations an official text writes in full at first use: "khu công nghiệp (KCN)". */
const ABBREVIATIONS: { short: string; full: string }[] = [
  { short: 'KCN', full: 'khu công nghiệp' },
  { short: 'KKT', full: 'khu kinh tế' },
  { short: 'KCX', full: 'khu chế xuất' },
  { short: 'TTHC', full: 'thủ tục hành chính' },
];

const letter = '\\p{L}\\p{N}';
const word = (s: string) => new RegExp(`(?<![${letter}])${s}(?![${letter}])`, 'u');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text pieces of the running text in reading order (headings and paragraphs; tables and captions are not running text). */
function textSlots(blocks: Block[]): { get: () => string; set: (s: string) => void }[] {
  const slots: { get: () => string; set: (s: string) => void }[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') slots.push({ get: () => b.text, set: (s) => (b.text = s) });
    else if (b.kind === 'paragraph') {
      for (const inline of b.inlines) if (inline.kind === 'text') slots.push({ get: () => inline.text, set: (s) => (inline.text = s) });
    }
  }
  return slots;
}

/**
 * Writes each abbreviation in full at its first use in the running text ("các KCN, KKT" →
 * "các khu công nghiệp (KCN), khu kinh tế (KKT)"), unless the text has already introduced it
 * ("khu công nghiệp (KCN)") by then. Staff text is changed only at that one place, as an editor would.
 * Vietnamese only: the English text does not use these abbreviations.
 */
export function introduceAbbreviations(blocks: Block[], lang: Lang): void {
  if (lang !== 'vi') return;
  const slots = textSlots(blocks);
  for (const { short, full } of ABBREVIATIONS) {
    const defined = new RegExp(`${escape(full)}\\s*\\(${short}\\)`, 'iu');
    const use = word(short);
    for (const slot of slots) {
      const text = slot.get();
      const d = defined.exec(text);
      const u = use.exec(text);
      if (!u) {
        if (d) break;
        continue;
      }
      if (d && d.index <= u.index) break;
      // at the start of a sentence or heading the full form is capitalised
      const before = text.slice(0, u.index);
      const starts = before.trim() === '' || /[.!?:]\s*$/u.test(before) || /^\s*(?:[\dIVXLC]+[.)]|\(\d+\)|[-+–])\s*$/u.test(before);
      const shown = starts ? full[0].toUpperCase() + full.slice(1) : full;
      slot.set(`${before}${shown} (${short})${text.slice(u.index + short.length)}`);
      break;
    }
  }
}
