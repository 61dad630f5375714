import { CellValue, columnLetters } from '../core/records/snapshot';
import { TABLE_BY_KIND, TableKind } from '../core/records/schema';
import { matchTableKind } from '../core/records/mapping';
import { Lang } from '../core/problems';
import { Proposal, SheetGrid, recognizeWorkbook } from '../core/recognize';
import { GridView } from '../core/recognize/grid';
import { AnhXaRow, anhXaTable, fieldHeader, proposalToAnhXaRows } from '../core/recognize/anhxa';
import { DATA_KINDS, DEFAULT_MEASURE, DataKind, MEASURES, fold, matchField } from '../core/recognize/vocab';
import { queueSheetList, SheetInspection } from '../excel/owned-sheets';
import { GridNote, candidateSheets, isAnhXaName, readGrids } from '../excel/read-grids';
import { AnhXaWrite, writeAnhXaTable } from '../excel/write-anhxa';
import { Labels, errorText } from './i18n';

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** What the step read: the grids of the staff sheets, what core proposed for them, and what else it found. */
export interface Recognition {
  grids: SheetGrid[];
  proposals: Proposal[];
  notes: GridNote[];
  /** Data kinds the workbook keeps as contract tables (those win over a staff sheet). */
  contractKinds: DataKind[];
  /** An AnhXa/Mapping table already in the workbook. */
  anhXa: { table: string; sheet: string } | null;
}

/** One block as the staff have set it: the kind (null: not used) and each column's field. */
export interface BlockChoice {
  proposal: Proposal;
  kind: DataKind | null;
  /** Field per entry of proposal.columns (null: not used). */
  fields: (string | null)[];
}

/**
 * Reads the workbook for the step in three syncs: (1) the sheets (with BaoCao's markers) and the
 * tables, (2) the used ranges of the staff sheets, (3) their values, merged areas and hidden columns.
 * Nothing is written.
 */
export async function readRecognition(context: Excel.RequestContext, lang: Lang): Promise<Recognition> {
  const tables = context.workbook.tables;
  tables.load('items/name,items/worksheet/name');
  let sheets: SheetInspection;
  try {
    const list = queueSheetList(context);
    await context.sync();
    sheets = list();
  } catch {
    // a host that refuses worksheet custom properties: the setting alone marks BaoCao's sheets
    tables.load('items/name,items/worksheet/name');
    const list = queueSheetList(context, false);
    await context.sync();
    sheets = list();
  }
  const list = tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name }));
  const contractKinds = [...new Set(list.map((t) => matchTableKind(t.name)?.kind).filter((k): k is DataKind => !!k && (DATA_KINDS as TableKind[]).includes(k)))];
  const found = list.find((t) => isAnhXaName(t.name));
  const { grids, notes } = await readGrids(context, candidateSheets(sheets.sheets, list));
  const { proposals } = recognizeWorkbook(grids, { lang, contractKinds });
  return { grids, proposals, notes, contractKinds, anhXa: found ? { table: found.name, sheet: found.sheet } : null };
}

/** The first choice for a block: what core proposed when it is usable and no contract table of its kind exists; else not used. */
export function initialChoice(p: Proposal, contractKinds: DataKind[]): BlockChoice {
  const use = p.usable && p.kind !== null && !contractKinds.includes(p.kind);
  return { proposal: p, kind: use ? p.kind : null, fields: p.columns.map((c) => c.field) };
}

/** The fields a column gets when the staff pick another kind: its header matched against that kind's words. */
export function fieldsForKind(p: Proposal, kind: DataKind | null): (string | null)[] {
  if (!kind) return p.columns.map(() => null);
  if (kind === p.kind) return p.columns.map((c) => c.field);
  const seen = new Set<string>();
  return p.columns.map((c) => {
    if (c.unused === 'stt' || c.unused === 'hidden' || c.unused === 'empty' || !c.header) return null;
    let f: string | null;
    if (c.month) f = c.field && MEASURES[kind].includes(c.field) ? c.field : (DEFAULT_MEASURE[kind] ?? null);
    else {
      const parts = c.header.split(' / ');
      let m = null;
      for (let i = parts.length - 1; i >= 0 && !m; i--) m = matchField(kind, fold(parts[i]));
      f = m?.key ?? null;
      if (f && seen.has(f)) f = null;
      if (f) seen.add(f);
    }
    return f;
  });
}

/** The proposal as the staff corrected it (kind, fields; fixed values kept where the kind has them). */
export function chosenProposal(c: BlockChoice): Proposal {
  const p = c.proposal;
  const kind = c.kind;
  const has = (key: string) => !!kind && TABLE_BY_KIND[kind].columns.some((x) => x.key === key);
  const mapped = new Set(c.fields.filter((f): f is string => !!f));
  const fixed = kind === p.kind ? { ...p.fixed } : Object.fromEntries(Object.entries(p.fixed).filter(([k]) => has(k)));
  for (const k of Object.keys(fixed)) if (mapped.has(k)) delete fixed[k];
  return {
    ...p,
    kind,
    columns: p.columns.map((col, i) => ({ ...col, field: c.fields[i] })),
    fixed,
    zoneFromGroups: p.zoneFromGroups && has('zone') && !mapped.has('zone'),
    idFromName: kind === 'projects' && !mapped.has('projectId') && mapped.has('name') && (p.idFromName || p.kind !== 'projects'),
  };
}

/** The AnhXa rows of every block in use. */
export function anhXaRows(choices: BlockChoice[], lang: Lang): AnhXaRow[] {
  return choices.filter((c) => c.kind).flatMap((c) => proposalToAnhXaRows(chosenProposal(c), lang));
}

/** Up to `n` data rows of a block, cell by cell over its columns, as text. */
export function previewRows(p: Proposal, grid: SheetGrid | undefined, n = 5): string[][] {
  if (!grid) return [];
  const g = new GridView(grid);
  return p.block.rows
    .filter((r) => r.type === 'data')
    .slice(0, n)
    .map((r) => p.columns.map((c) => cellText(g.at(r.row, c.col))));
}

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Every piece of workbook text is set as textContent or an option's text: nothing is parsed as HTML. */
function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function option(doc: Document, value: string, text: string, selected: boolean): HTMLOptionElement {
  const o = doc.createElement('option');
  o.value = value;
  o.textContent = text;
  o.selected = selected;
  return o;
}

/** Table name of a kind in the UI language ("DuAn", "Projects"). */
const kindName = (k: DataKind, lang: Lang) => (lang === 'vi' ? TABLE_BY_KIND[k].vi : TABLE_BY_KIND[k].en);

/**
 * The task pane step "Nhận dạng dữ liệu": reads the staff sheets, shows each recognised block with
 * drop-downs to correct its kind and its columns' fields, and writes the AnhXa table on a new
 * sheet when the staff confirm. The staff's sheets are never written; an existing AnhXa table is
 * replaced only after "Thay thế".
 */
export class RecognizeStep {
  private recognition: Recognition | null = null;
  private choices: BlockChoice[] = [];
  private busy = false;

  constructor(
    private readonly doc: Document,
    private readonly run: Run,
    private readonly labels: () => Labels,
    private readonly lang: () => Lang,
  ) {}

  private $<T extends HTMLElement>(id: string): T {
    return this.doc.getElementById(id) as T;
  }

  start(): void {
    this.$('recognize-toggle').addEventListener('click', () => this.toggle());
    this.$('recognize-run').addEventListener('click', () => void this.read());
    this.$('recognize-write').addEventListener('click', () => void this.write(false));
    this.$('recognize-replace').addEventListener('click', () => void this.write(true));
  }

  private toggle(): void {
    const section = this.$('recognize-section');
    section.hidden = !section.hidden;
    this.$('recognize-toggle').setAttribute('aria-expanded', String(!section.hidden));
    if (!section.hidden && !this.recognition) void this.read();
  }

  /** After a language switch. */
  relabel(): void {
    if (this.recognition) this.render();
  }

  private status(text: string, error = false): void {
    const s = this.$('recognize-status');
    s.textContent = text;
    s.classList.toggle('error', error);
  }

  private async guarded(progress: string, action: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const buttons = this.doc.querySelectorAll<HTMLButtonElement>('#recognize-section .selftest-actions button');
    buttons.forEach((b) => (b.disabled = true));
    this.status(progress);
    try {
      await action();
    } catch (e) {
      this.status(this.labels().failed + errorText(e), true);
    } finally {
      buttons.forEach((b) => (b.disabled = false));
      this.busy = false;
      this.updateWrite();
    }
  }

  read(): Promise<void> {
    return this.guarded(this.labels().recognizeReading, async () => {
      const r = await this.run((context) => readRecognition(context, this.lang()));
      this.recognition = r;
      this.choices = r.proposals.map((p) => initialChoice(p, r.contractKinds));
      this.$('recognize-replace').hidden = true;
      this.render();
      this.status(this.labels().recognizeFound(r.proposals.length, this.choices.filter((c) => c.kind).length));
    });
  }

  private write(replace: boolean): Promise<void> {
    return this.guarded(this.labels().recognizeWriting, async () => {
      const lang = this.lang();
      const rows = anhXaRows(this.choices, lang);
      if (!rows.length) {
        this.status(this.labels().recognizeNothing, true);
        return;
      }
      const result: AnhXaWrite = await this.run((context) => writeAnhXaTable(context, anhXaTable(rows, lang), { replace }));
      const t = this.labels();
      if (result.status === 'exists') {
        this.status(t.recognizeExists(result.table, result.sheet), true);
        this.$('recognize-replace').hidden = false;
        return;
      }
      this.$('recognize-replace').hidden = true;
      if (this.recognition) this.recognition.anhXa = { table: result.table, sheet: result.sheet };
      this.status(t.recognizeWritten(result.table, result.sheet, result.rows, result.replaced));
    });
  }

  private updateWrite(): void {
    const write = this.$<HTMLButtonElement>('recognize-write');
    write.disabled = this.busy || !this.choices.some((c) => c.kind);
  }

  private render(): void {
    const r = this.recognition!;
    const t = this.labels();
    const lang = this.lang();
    const doc = this.doc;
    const notes = this.$('recognize-notes');
    notes.replaceChildren(...r.notes.map((n) => el(doc, 'li', 'note', t.recognizeNote(n))));
    if (r.anhXa) notes.append(el(doc, 'li', 'note', t.recognizeHasTable(r.anhXa.table, r.anhXa.sheet)));
    const list = this.$('recognize-blocks');
    if (!r.proposals.length) {
      list.replaceChildren(el(doc, 'p', 'note', t.recognizeNone));
      this.updateWrite();
      return;
    }
    list.replaceChildren(...this.choices.map((c, i) => this.renderBlock(c, i, r, t, lang)));
    this.updateWrite();
  }

  private renderBlock(c: BlockChoice, index: number, r: Recognition, t: Labels, lang: Lang): HTMLElement {
    const doc = this.doc;
    const p = c.proposal;
    const box = el(doc, 'article', 'block');
    box.dataset.block = String(index);
    box.dataset.sheet = p.sheet;
    box.dataset.range = p.range;
    box.append(el(doc, 'h3', 'block-title', `${p.sheet}!${p.range}`));

    const head = el(doc, 'div', 'block-kind');
    const label = el(doc, 'label');
    label.append(el(doc, 'span', undefined, `${t.recognizeKind} `));
    const kind = el(doc, 'select', 'kind-select');
    kind.append(option(doc, '', t.recognizeNotUsed, c.kind === null), ...DATA_KINDS.map((k) => option(doc, k, kindName(k, lang), c.kind === k)));
    kind.addEventListener('change', () => {
      const k = (kind.value || null) as DataKind | null;
      this.choices[index] = { proposal: p, kind: k, fields: fieldsForKind(p, k) };
      box.replaceWith(this.renderBlock(this.choices[index], index, r, t, lang));
      this.updateWrite();
    });
    label.append(kind);
    head.append(label, el(doc, 'span', 'confidence', t.recognizeConfidence(Math.round(p.confidence * 100), p.kind ? kindName(p.kind, lang) : null)));
    box.append(head);
    if (p.kind && r.contractKinds.includes(p.kind)) box.append(el(doc, 'p', 'note', t.recognizeContractWins(kindName(p.kind, lang))));
    if (p.reasons.length) {
      const reasons = el(doc, 'ul', 'reasons');
      reasons.append(...p.reasons.map((x) => el(doc, 'li', undefined, x[lang])));
      box.append(reasons);
    }

    // the column mapping: column, header, field (with the unit or month read from the header)
    const map = el(doc, 'table', 'mapping');
    const mh = el(doc, 'tr');
    mh.append(...t.recognizeMapColumns.map((h) => el(doc, 'th', undefined, h)));
    map.append(el(doc, 'thead'));
    map.tHead!.append(mh);
    const body = el(doc, 'tbody');
    p.columns.forEach((col, i) => {
      const tr = el(doc, 'tr');
      const letter = columnLetters(col.col);
      const header = el(doc, 'td', 'header', col.header);
      const extra = [col.unit?.text, col.month ? `${col.month.slice(5)}/${col.month.slice(0, 4)}` : undefined].filter(Boolean).join(' · ');
      if (extra) header.append(el(doc, 'span', 'unit', ` (${extra})`));
      const select = el(doc, 'select', 'field-select');
      select.dataset.col = letter;
      select.disabled = c.kind === null;
      select.append(option(doc, '', t.recognizeFieldNone, c.fields[i] === null));
      if (c.kind) {
        const k = c.kind;
        select.append(...TABLE_BY_KIND[k].columns.map((f) => option(doc, f.key, fieldHeader(k, f.key, lang), c.fields[i] === f.key)));
      }
      select.addEventListener('change', () => {
        c.fields[i] = select.value || null;
        this.renderFixed(box, c, t, lang);
      });
      const field = el(doc, 'td');
      field.append(select);
      tr.append(el(doc, 'td', 'col', letter), header, field);
      body.append(tr);
    });
    map.append(body);
    box.append(map);
    box.append(el(doc, 'p', 'fixed'));
    this.renderFixed(box, c, t, lang);

    // the first data rows, as text
    const rows = previewRows(p, r.grids.find((g) => g.name === p.sheet));
    if (rows.length) {
      const wrap = el(doc, 'div', 'preview-wrap');
      const table = el(doc, 'table', 'preview');
      const hr = el(doc, 'tr');
      hr.append(...p.columns.map((col) => el(doc, 'th', undefined, col.header || columnLetters(col.col))));
      table.append(el(doc, 'thead'));
      table.tHead!.append(hr);
      const tb = el(doc, 'tbody');
      for (const row of rows) {
        const tr = el(doc, 'tr');
        tr.append(...row.map((v) => el(doc, 'td', undefined, v)));
        tb.append(tr);
      }
      table.append(tb);
      wrap.append(el(doc, 'p', 'note', t.recognizePreview(rows.length)), table);
      box.append(wrap);
    }
    return box;
  }

  /** The values every row gets without a column: "Nguồn vốn = FDI", "Khu: (dòng nhóm)", the title's unit. */
  private renderFixed(box: HTMLElement, c: BlockChoice, t: Labels, lang: Lang): void {
    const target = box.querySelector<HTMLElement>('p.fixed')!;
    const rows = c.kind ? proposalToAnhXaRows(chosenProposal(c), lang).filter((x) => !x.column) : [];
    const parts = rows.map((x) => (x.field ? `${x.field} = ${x.value}` : `${t.recognizeUnit}: ${x.unit}`));
    target.textContent = parts.length ? `${t.recognizeFixed}: ${parts.join('; ')}` : '';
    target.hidden = !parts.length;
  }
}
