import { Problem } from '../core/problems';
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

export function renderHighlights(target: HTMLElement, highlights: { label: string; text: string }[]): void {
  target.replaceChildren();
  for (const h of highlights) {
    const row = el('div', 'figure');
    row.append(el('dt', 'figure-label', h.label), el('dd', 'figure-value', h.text));
    target.append(row);
  }
}

export function renderProblems(target: HTMLElement, problems: Problem[], labels: Labels, onSelect: (cell: string) => void): void {
  target.replaceChildren();
  if (!problems.length) {
    target.append(el('li', 'problem-none', labels.noProblems));
    return;
  }
  for (const p of problems.slice(0, MAX_LISTED)) {
    const item = el('li', `problem problem-${p.level}`);
    const body = p.cell ? el('button', 'problem-body') : el('div', 'problem-body');
    if (p.cell) {
      const cell = p.cell;
      (body as HTMLButtonElement).type = 'button';
      body.title = labels.selectCell(cell);
      body.dataset.cell = cell;
      body.addEventListener('click', () => onSelect(cell));
    }
    const head = el('span', 'problem-head');
    head.append(el('span', `badge badge-${p.level}`, labels.level[p.level]));
    if (p.cell) head.append(el('span', 'problem-cell', p.cell));
    body.append(head, el('span', 'problem-message', p.message));
    item.append(body);
    target.append(item);
  }
  if (problems.length > MAX_LISTED) target.append(el('li', 'problem-more', labels.more(problems.length - MAX_LISTED)));
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
