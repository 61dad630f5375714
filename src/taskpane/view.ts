import { Lang, Problem, ProblemLine, READ_HEADING, cellsText, problemList } from '../core/problems';
import type { CheckResult } from '../excel/self-test';
import { Labels } from './i18n';

/** Every piece of workbook text goes through textContent: nothing from a workbook is parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export const MAX_LISTED = 200;
/** Cells written on one line of the list; a click selects the first, Kiểm tra lists them all. */
const MAX_CELLS = 20;

export function renderHighlights(target: HTMLElement, highlights: { label: string; text: string }[]): void {
  target.replaceChildren();
  for (const h of highlights) {
    const row = el('div', 'figure');
    row.append(el('dt', 'figure-label', h.label), el('dd', 'figure-value', h.text));
    target.append(row);
  }
}

/**
 * The problem list as core orders it: errors, warnings, then notes, each message once with its
 * cells (a click selects the first); then what was read from the staff's sheets, under its heading.
 */
export function renderProblems(target: HTMLElement, problems: Problem[], labels: Labels, onSelect: (cell: string) => void, lang: Lang = 'vi'): void {
  target.replaceChildren();
  const list = problemList(problems);
  if (!list.issues.length) target.append(el('li', 'problem-none', labels.noProblems));
  let listed = 0;
  let left = problems.length;
  const item = (line: ProblemLine) => {
    listed++;
    left -= line.count;
    const li = el('li', `problem problem-${line.level}`);
    const first = line.cells[0];
    const body = first ? el('button', 'problem-body') : el('div', 'problem-body');
    if (first) {
      (body as HTMLButtonElement).type = 'button';
      body.title = labels.selectCell(first);
      body.dataset.cell = first;
      body.addEventListener('click', () => onSelect(first));
    }
    const head = el('span', 'problem-head');
    head.append(el('span', `badge badge-${line.level}`, labels.level[line.level]));
    if (first) head.append(el('span', 'problem-cell', cellsText(line.cells, lang, MAX_CELLS)));
    body.append(head, el('span', 'problem-message', line.message));
    li.append(body);
    target.append(li);
  };
  for (const line of list.issues) if (listed < MAX_LISTED) item(line);
  if (list.read.length && listed < MAX_LISTED) {
    target.append(el('li', 'problem-heading', READ_HEADING[lang]));
    for (const line of list.read) if (listed < MAX_LISTED) item(line);
  }
  if (left > 0) target.append(el('li', 'problem-more', labels.more(left)));
}

/** The self-test's rows: check, result, time, detail — all as text. */
export function renderSelfTest(target: HTMLElement, results: CheckResult[], labels: Labels): void {
  target.replaceChildren();
  for (const r of results) {
    const row = el('tr', `check check-row-${r.status}`);
    row.dataset.check = r.id;
    row.append(el('td', 'name', labels.check(r.id)), el('td', `check-${r.status}`, labels.status[r.status]), el('td', 'ms', `${r.ms} ms`), el('td', 'detail', r.detail));
    target.append(row);
  }
}
