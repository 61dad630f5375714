import { ReportResult } from '../core/engine';
import { onCommandOutcome } from '../commands/outcomes';
import { Generation, computeReport, generateReport } from '../excel/generate';
import { insertSampleTables } from '../excel/insert-samples';
import { addDataValidation } from '../excel/data-validation';
import { LiveCheck, LiveChecks } from '../excel/live-checks';
import { selectAddress } from '../excel/address';
import { AuditInputError, AuditRun, AuditSource, annotatedDocx, annotatedName, auditSource, readFileBytes, renderAudit, sourceFromFile } from './audit-step';
import { CheckResult, SelfTestReport, hostInfo, reportText, runSelfTest } from '../excel/self-test';
import { Labels, UI, UiLang, errorText } from './i18n';
import { RecognizeStep } from './recognize-step';
import { renderHighlights, renderProblems, renderSelfTest } from './view';

const LANG_KEY = 'baocao.uiLang';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

function storedLang(): UiLang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/**
 * Excel for Mac (desktop): its WKWebView ignores <a download> with a blob — nothing is saved and
 * nothing is said (office-js#2700, closed "by design"; #4681), and openBrowserWindow cannot open a
 * blob URL. There the pane says how to get the file instead of claiming it was saved.
 */
export function onMacDesktop(): boolean {
  try {
    const context = typeof Office !== 'undefined' ? (Office.context as { platform?: unknown; diagnostics?: { platform?: unknown } } | undefined) : undefined;
    return (context?.platform ?? context?.diagnostics?.platform) === 'Mac';
  } catch {
    return false;
  }
}

/** The task pane: buttons, progress, the main figures and the problems list. */
export class Pane {
  private lang: UiLang = storedLang();
  private last: ReportResult | null = null;
  private busy = false;
  private selfTest: SelfTestReport | null = null;
  private audit: AuditRun | null = null;
  private readonly recognize: RecognizeStep;
  private live: LiveChecks | null = null;
  private liveWatched = 0;

  constructor(
    private readonly doc: Document,
    private readonly run: Run = (batch) => Excel.run(batch),
  ) {
    this.recognize = new RecognizeStep(doc, run, () => this.t, () => this.lang);
  }

  private get t(): Labels {
    return UI[this.lang];
  }

  private $<T extends HTMLElement>(id: string): T {
    return this.doc.getElementById(id) as T;
  }

  start(): void {
    this.$('generate').addEventListener('click', () => void this.generate());
    this.$('samples').addEventListener('click', () => void this.insertSamples());
    this.$('word').addEventListener('click', () => void this.downloadWord());
    this.$('validation').addEventListener('click', () => void this.addValidation());
    this.$('lang').addEventListener('click', () => this.switchLang());
    this.$('diagnostics').addEventListener('click', () => this.toggleDiagnostics());
    this.$('selftest-run').addEventListener('click', () => void this.runSelfTest());
    this.$('selftest-copy').addEventListener('click', () => void this.copySelfTest());
    this.$('audit-toggle').addEventListener('click', () => this.toggleAudit());
    this.$('audit-run').addEventListener('click', () => void this.runAudit());
    this.$('audit-download').addEventListener('click', () => void this.downloadAudit());
    this.recognize.start();
    onCommandOutcome((o) => {
      if (!o.ok) this.showError(o.error);
      else if ('validation' in o) this.showMessage(o.validation.supported ? this.t.validationDone(o.validation.tables, o.validation.empty) : this.t.validationUnsupported);
      else this.showResult(o.generation.result, this.generatedText(o.generation));
    });
    this.applyLabels();
    // In the shared runtime this page also loads, with no pane on screen, for METRIC or a ribbon
    // button: live checks run only while the pane is visible (Office.addin.onVisibilityModeChanged,
    // SharedRuntime 1.1; document.visibilityState where the host reports it that way).
    if (this.doc.visibilityState !== 'hidden') void this.startLive();
    this.doc.addEventListener('visibilitychange', () => void (this.doc.visibilityState === 'hidden' ? this.stopLive() : this.startLive()));
    this.doc.defaultView?.addEventListener('pagehide', () => void this.stopLive());
    try {
      void Office.addin?.onVisibilityModeChanged?.((e) => void (e.visibilityMode === 'Taskpane' ? this.startLive() : this.stopLive()));
    } catch {
      // not in a shared runtime
    }
  }

  /** Live checks: edits to the contract tables update the problem list while the pane is open. */
  private async startLive(): Promise<void> {
    if (this.live) return;
    const live = new LiveChecks(this.run, {
      onCheck: (c) => this.showLive(c),
      onError: (e) => this.showError(e),
    });
    this.live = live;
    try {
      const on = await live.start();
      this.liveWatched = live.watching.length;
      this.showLiveStatus(on ? this.t.liveOn(this.liveWatched) : this.t.liveOff);
    } catch (e) {
      this.live = null;
      this.showError(e);
    }
  }

  private async stopLive(): Promise<void> {
    const live = this.live;
    this.live = null;
    await live?.stop();
  }

  private showLive(c: LiveCheck): void {
    this.showResult(c.result, null);
    this.showLiveStatus(this.t.liveChecked(new Date().toTimeString().slice(0, 8), c.reread));
  }

  private showLiveStatus(text: string): void {
    this.$('live-status').textContent = text;
    this.$('live-status').hidden = false;
  }

  private switchLang(): void {
    this.lang = this.lang === 'vi' ? 'en' : 'vi';
    try {
      localStorage.setItem(LANG_KEY, this.lang);
    } catch {
      // storage may be unavailable in some hosts; the switch still applies for this session
    }
    this.applyLabels();
    if (this.last) this.showResult(this.last, null);
    if (this.selfTest) this.showSelfTest(this.selfTest.results, this.selfTest.host);
    this.recognize.relabel();
  }

  private applyLabels(): void {
    this.doc.documentElement.lang = this.lang;
    this.doc.querySelectorAll<HTMLElement>('[data-label]').forEach((node) => {
      const value = this.t[node.dataset.label as keyof Labels];
      if (typeof value === 'string') node.textContent = value;
    });
    const head = this.doc.querySelector('#selftest-table thead tr');
    head?.replaceChildren(...this.t.selfTestColumns.map((c) => Object.assign(this.doc.createElement('th'), { textContent: c })));
  }

  private toggleDiagnostics(): void {
    const section = this.$('selftest-section');
    section.hidden = !section.hidden;
    this.$('diagnostics').setAttribute('aria-expanded', String(!section.hidden));
    if (!section.hidden) section.scrollIntoView?.({ block: 'nearest' });
  }

  /** The self-test: rows appear as each check ends; the workbook's own sheets are never written. */
  private async runSelfTest(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const run = this.$<HTMLButtonElement>('selftest-run');
    run.disabled = true;
    this.$('selftest-copy').hidden = true;
    this.$('selftest-text').hidden = true;
    this.$('selftest-status').textContent = this.t.selfTestRunning;
    const seen: CheckResult[] = [];
    this.showSelfTest(seen, hostInfo());
    try {
      const report = await this.run((context) => runSelfTest(context, { onResult: (r) => (seen.push(r), this.showSelfTest(seen, hostInfo())) }));
      this.selfTest = report;
      this.showSelfTest(report.results, report.host);
      const count = (s: string) => report.results.filter((r) => r.status === s).length;
      this.$('selftest-status').textContent = this.t.selfTestDone(count('pass'), count('fail'), count('skipped'));
      this.$('selftest-copy').hidden = false;
    } catch (e) {
      this.$('selftest-status').textContent = this.t.failed + errorText(e);
    } finally {
      run.disabled = false;
      this.busy = false;
    }
  }

  private showSelfTest(results: CheckResult[], host: SelfTestReport['host']): void {
    const line = this.$('selftest-host');
    line.textContent = host ? this.t.selfTestHost(host.host, host.platform, host.version) : this.t.selfTestNoHost;
    line.hidden = false;
    renderSelfTest(this.$('selftest-table').querySelector('tbody')!, results, this.t);
    this.$('selftest-table').hidden = false;
  }

  private selfTestText(): string {
    const r = this.selfTest!;
    const t = this.t;
    return reportText(r, (id) => t.check(id), t.status, `BaoCao — ${t.selfTestTitle} — ${new Date().toISOString()}`);
  }

  /** Plain text to the clipboard; where the page may not write it, a selected text box to copy by hand. */
  private async copySelfTest(): Promise<void> {
    if (!this.selfTest) return;
    const text = this.selfTestText();
    const box = this.$<HTMLTextAreaElement>('selftest-text');
    box.value = text;
    try {
      await navigator.clipboard.writeText(text);
      this.$('selftest-status').textContent = this.t.selfTestCopied;
      return;
    } catch {
      // no clipboard permission (some Office hosts): fall back to a selection
    }
    box.hidden = false;
    box.focus();
    box.select();
    let copied = false;
    try {
      copied = this.doc.execCommand('copy');
    } catch {
      copied = false;
    }
    this.$('selftest-status').textContent = copied ? this.t.selfTestCopied : this.t.selfTestCopyManual;
  }

  /** Runs one action with the buttons disabled and a progress line; any failure becomes a plain message. */
  private async work(progress: string, action: () => Promise<string | null>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.doc.querySelectorAll<HTMLButtonElement>('.actions button').forEach((b) => (b.disabled = true));
    this.$('error').hidden = true;
    this.$('message').hidden = true;
    this.$('status-text').textContent = progress;
    this.$('status').hidden = false;
    try {
      const done = await action();
      if (done) this.showMessage(done);
    } catch (e) {
      this.showError(e);
    } finally {
      this.$('status').hidden = true;
      this.doc.querySelectorAll<HTMLButtonElement>('.actions button').forEach((b) => (b.disabled = false));
      this.busy = false;
    }
  }

  private generate(): Promise<void> {
    return this.work(this.t.reading, async () => {
      const g = await this.run((context) => generateReport(context));
      this.showResult(g.result, null);
      return [this.generatedText(g), ...g.gridNotes.map((n) => this.t.recognizeNote(n))].join(' ');
    });
  }

  /** Where the report went, and any later step Excel refused (print setup, charts). */
  private generatedText(g: Pick<Generation, 'sheets' | 'warnings'>): string {
    return [this.t.generated(g.sheets), ...(g.warnings ?? []).map((w) => this.t.applyWarning(w.step, w.detail))].join(' ');
  }

  private insertSamples(): Promise<void> {
    return this.work(this.t.addingSamples, async () => {
      const r = await this.run((context) => insertSampleTables(context));
      const validated = r.created.reduce((n, c) => n + (c.validated ?? 0), 0);
      this.live?.notify(null); // watch the new tables from now on
      return [
        this.t.samplesDone(
          r.created.map((c) => c.table),
          r.skipped,
        ),
        validated ? this.t.samplesValidated(validated) : '',
        r.validation === false && r.created.length ? this.t.validationUnsupported : '',
      ]
        .filter(Boolean)
        .join(' ');
    });
  }

  /** "Thêm kiểm tra nhập liệu": the contract columns get Excel's data validation; no cell value changes. */
  private addValidation(): Promise<void> {
    return this.work(this.t.addingValidation, async () => {
      const r = await this.run((context) => addDataValidation(context));
      return r.supported ? this.t.validationDone(r.tables, r.empty) : this.t.validationUnsupported;
    });
  }

  private downloadWord(): Promise<void> {
    return this.work(this.t.makingWord, async () => {
      const result = await this.run((context) => computeReport(context));
      const { buildDocx } = await import(/* webpackChunkName: "docx" */ '../document/docx');
      const { browserRasterizer } = await import(/* webpackChunkName: "docx" */ './rasterizer');
      const file = result.period ? `bao-cao-${result.period.start}-${result.period.end}.docx` : 'bao-cao.docx';
      this.showResult(result, null);
      if (onMacDesktop()) return this.t.macNoDownload(file);
      const bytes = await buildDocx(result.model, browserRasterizer());
      this.saveFile(new Blob([bytes as BlobPart], { type: DOCX_TYPE }), file);
      return this.t.wordDone(file);
    });
  }

  private toggleAudit(): void {
    const section = this.$('audit-section');
    section.hidden = !section.hidden;
    this.$('audit-toggle').setAttribute('aria-expanded', String(!section.hidden));
  }

  /** Đối chiếu: the pasted text or the picked file, checked against this workbook's figures. */
  private runAudit(): Promise<void> {
    return this.work(this.t.auditing, async () => {
      try {
        const source = await this.auditInput();
        if (!source) return this.t.auditEmpty;
        const report = await this.run((context) => computeReport(context));
        this.audit = await auditSource(source, report);
      } catch (e) {
        throw e instanceof AuditInputError ? new Error(this.t.auditBadFile(e.reason, e.fileName)) : e;
      }
      renderAudit(this.$('audit-summary'), this.$('audit-list'), this.audit, this.t, (address) => void this.select(address));
      this.$('audit-download').hidden = !this.audit.result.summary.disagrees;
      return null;
    });
  }

  private async auditInput(): Promise<AuditSource | null> {
    const file = this.$<HTMLInputElement>('audit-file').files?.[0];
    if (file) return sourceFromFile(file.name, await readFileBytes(file));
    const text = this.$<HTMLTextAreaElement>('audit-text').value;
    return text.trim() ? { kind: 'text', text } : null;
  }

  private downloadAudit(): Promise<void> {
    return this.work(this.t.makingWord, async () => {
      if (!this.audit) return null;
      const name = this.audit.source.kind === 'text' ? this.t.auditFile : annotatedName(this.audit.source.name, this.lang === 'vi' ? '.doi-chieu.docx' : '.checked.docx', this.t.auditFile);
      if (onMacDesktop()) return this.t.macNoDownload(name);
      const bytes = await annotatedDocx(this.audit);
      this.saveFile(new Blob([bytes as BlobPart], { type: DOCX_TYPE }), name);
      return this.t.wordDone(name);
    });
  }

  private saveFile(blob: Blob, name: string): void {
    const url = URL.createObjectURL(blob);
    const a = this.doc.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    this.doc.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  private async select(cell: string): Promise<void> {
    try {
      await this.run((context) => selectAddress(context, cell));
    } catch (e) {
      this.showError(e);
    }
  }

  private showResult(result: ReportResult, message: string | null): void {
    this.last = result;
    renderHighlights(this.$('figures'), result.model.highlights);
    renderProblems(this.$('problems'), result.problems, this.t, (cell) => void this.select(cell), result.lang);
    this.$('figures-section').hidden = false;
    this.$('problems-section').hidden = false;
    if (message) this.showMessage(message);
  }

  private showMessage(text: string): void {
    this.$('message').textContent = text;
    this.$('message').hidden = false;
  }

  private showError(e: unknown): void {
    this.$('error').textContent = this.t.failed + errorText(e);
    this.$('error').hidden = false;
  }
}
