import { ReportResult, buildReport } from '../../src/core/engine';
import { watchTargets } from '../../src/core/records/live-watch';
import { TableSnapshot } from '../../src/core/records/snapshot';
import { parseNumber } from '../../src/core/records/parse';
import { LiveCheck, LiveChecks } from '../../src/excel/live-checks';
import { insertSampleTables } from '../../src/excel/insert-samples';
import { exampleBook } from './example-book';
import { FakeWorkbook } from './fake-excel';
import { mockExcel } from './mock-host';
import { withExcelApi } from './office-requirements';

const CONTRACT = ['ThongTin', 'DuAn', 'LaoDong', 'SanXuatKinhDoanh', 'NganSach', 'NhiemVu', 'HoSo', 'KeHoach', 'NoiDung', 'ChiTieuTinh'];

function setup(book: FakeWorkbook = exampleBook(), during?: () => void) {
  const host = mockExcel(book);
  const checks: LiveCheck[] = [];
  const engineRuns: TableSnapshot[][] = [];
  const live = new LiveChecks(host.run, {
    delayMs: 150,
    adaptive: false,
    onCheck: (c) => checks.push(c),
    onError: (e) => {
      throw e;
    },
    report: (snaps, grids) => {
      engineRuns.push(snaps);
      if (engineRuns.length === 1) during?.();
      return buildReport(snaps, { today: '2023-07-10', ...(grids ? { grids: grids.grids, gridNotes: grids.notes } : {}) });
    },
    runIn: (context, batch) => book.run(context, batch),
  });
  /** Lets the handlers Excel called run (they are not awaited), then waits for the checks. */
  const settle = async () => {
    await new Promise((r) => setTimeout(r, 0));
    await live.idle();
  };
  return { book, host, live, checks, engineRuns, settle };
}

const problemsAt = (r: ReportResult, cell: string) => r.problems.filter((p) => p.cell === cell);
const duan = (book: FakeWorkbook) => book.tables.find((t) => t.name === 'DuAn')!;

describe('the watched set', () => {
  it('is every contract table, plus what a mapping names, once', () => {
    expect(watchTargets(['DuAn', 'Bảng1', 'Labour', 'duan'], [{ kind: 'sheet', name: 'Dự án 2023' }, { kind: 'table', name: 'DUAN' }])).toEqual([
      { kind: 'table', name: 'DuAn' },
      { kind: 'table', name: 'Labour' },
      { kind: 'sheet', name: 'Dự án 2023' },
    ]);
  });
});

describe('live checks while the pane is open (fake host)', () => {
  it('registers one change handler per contract table, in two syncs, reading no value', async () => {
    const { book, live } = setup();
    book.putTable('Ghi chú', 'Bảng1', 'A1', ['x'], [[1]]);
    expect(await live.start()).toBe(true);
    expect(book.syncs).toBe(2);
    expect(book.responseBytes.reduce((a, b) => a + b, 0)).toBe(0);
    expect(book.handlers.map((h) => `${h.target}:${h.name}`)).toEqual(CONTRACT.map((n) => `table:${n}`));
    await live.stop();
  });

  it('coalesces several edits into one check that re-reads only the edited tables, and the problem list follows the edits', async () => {
    const { book, live, checks, engineRuns, settle } = setup();
    await live.start();
    const t = duan(book);
    const source = `F${t.top + 1}`; // Nguồn vốn of the first project
    const before = book.peek(t.sheet, t.top + 1, t.left + 5)!.value;

    // first edit: nothing was read yet, so the check reads every table
    book.edit('DuAn', source, 'XYZ');
    await new Promise((r) => setTimeout(r, 20));
    book.edit('DuAn', `G${t.top + 1}`, 'Cấp mới');
    book.edit('LaoDong', 'D2', 'nhiều');
    await settle();
    expect(checks).toHaveLength(1);
    expect(engineRuns).toHaveLength(1);
    expect(checks[0].changed.sort()).toEqual(['DuAn', 'LaoDong']);
    expect(checks[0].reread.sort()).toEqual([...CONTRACT].sort());
    expect(problemsAt(checks[0].result, `DuAn!${source}`).map((p) => p.code)).toEqual(['unknownSource']);
    expect(problemsAt(checks[0].result, 'LaoDong!D2').map((p) => p.level)).toEqual(['error']);
    const firstBytes = book.responseBytes.slice(-1)[0];

    // the fix: one table re-read, the others kept; the problem is gone, the other stays
    const syncs = book.syncs;
    book.edit('DuAn', source, before);
    await settle();
    expect(checks).toHaveLength(2);
    expect(book.syncs - syncs).toBe(2);
    expect(checks[1].reread).toEqual(['DuAn']);
    expect(book.responseBytes.slice(-1)[0]).toBeLessThan(firstBytes / 2);
    expect(problemsAt(checks[1].result, `DuAn!${source}`)).toEqual([]);
    expect(problemsAt(checks[1].result, 'LaoDong!D2')).toHaveLength(1);
    // the same figures as a full read
    const full = buildReport(engineRuns[1].map((s) => s), { today: '2023-07-10' });
    expect(checks[1].result.metrics.get('fdi_new_count')!.value).toBe(full.metrics.get('fdi_new_count')!.value);
    await live.stop();
  });

  it('re-reads a table whose size changed even without its own event, and never writes a cell', async () => {
    const { book, live, checks, settle } = setup();
    await live.start();
    book.edit('DuAn', 'A2', book.peek(duan(book).sheet, 2, 1)!.value);
    await settle();
    const writes = book.log.filter((l) => !['addHandler', 'removeHandler'].includes(l.kind));
    // a row appended to NhiemVu (Excel extends the table), then an edit elsewhere
    const tasks = book.tables.find((x) => x.name === 'NhiemVu')!;
    ['NV-X', 'Việc mới', 45000].forEach((v, j) => (book.cell(tasks.sheet, tasks.top + tasks.rows, tasks.left + j).value = v));
    tasks.rows += 1;
    book.edit('DuAn', 'A2', book.peek(duan(book).sheet, 2, 1)!.value);
    await settle();
    expect(checks[1].reread.sort()).toEqual(['DuAn', 'NhiemVu']);
    expect(book.log.filter((l) => !['addHandler', 'removeHandler'].includes(l.kind))).toEqual(writes);
    expect(writes).toEqual([]);
    await live.stop();
  });

  it('an edit during a check leads to one more check after it', async () => {
    const book = exampleBook();
    const { live, checks, settle } = setup(book, () => book.edit('LaoDong', 'A2', 'Công ty')); // while the engine runs
    await live.start();
    book.edit('DuAn', 'A2', 'P-1');
    await settle();
    expect(checks.map((c) => [c.changed, c.reread])).toEqual([
      [['DuAn'], expect.arrayContaining(['DuAn', 'LaoDong'])],
      [['LaoDong'], ['LaoDong']],
    ]);
    await live.stop();
  });

  it('waits longer after an edit when the last check was slow', () => {
    const live = new LiveChecks(async () => undefined as never, { onCheck: () => undefined });
    expect(live.delay).toBe(800);
    live.lastMs = 3000;
    expect(live.delay).toBe(6000);
    const fixed = new LiveChecks(async () => undefined as never, { onCheck: () => undefined, adaptive: false });
    fixed.lastMs = 3000;
    expect(fixed.delay).toBe(800);
  });

  it('watches tables added later (Tạo bảng mẫu) from the next check on', async () => {
    const book = new FakeWorkbook();
    book.putTable('DuAn', 'DuAn', 'A1', ['Mã dự án', 'Nguồn vốn', 'Loại', 'Ngày', 'Vốn đầu tư'], [['P1', 'FDI', 'Cấp mới', 44970, 1]]);
    const { live, host, checks, settle } = setup(book);
    await live.start();
    expect(book.handlers).toHaveLength(1);
    await host.run((ctx) => insertSampleTables(ctx));
    book.edit('DuAn', 'B2', 'DDI');
    await settle();
    expect(book.handlers.map((h) => h.name).sort()).toEqual([...CONTRACT, 'MauCau'].sort());
    book.edit('NhiemVu', 'C2', 'hôm qua');
    await settle();
    expect(checks[1].changed).toEqual(['NhiemVu']);
    expect(problemsAt(checks[1].result, 'NhiemVu!C2').map((p) => p.code)).toEqual(['badValue']);
    await live.stop();
  });

  it('removes every handler when stopped; later edits check nothing', async () => {
    const { book, live, checks, settle } = setup();
    await live.start();
    await live.stop();
    expect(book.handlers).toEqual([]);
    expect(book.log.filter((l) => l.kind === 'removeHandler')).toHaveLength(CONTRACT.length);
    book.edit('DuAn', 'A2', 'x');
    await new Promise((r) => setTimeout(r, 300));
    expect(checks).toEqual([]);
  });

  it('on Excel without change events (ExcelApi 1.7) it registers nothing and says so', async () => {
    const { book, live } = setup();
    expect(await withExcelApi('1.6', () => live.start())).toBe(false);
    expect(book.handlers).toEqual([]);
    expect(book.syncs).toBe(0);
  });
});

describe('live checks on a workbook kept as the staff\'s own sheets', () => {
  it('watches the staff sheets, reads their grids at each check, and follows an edit of the wrong total', async () => {
    const path = await import('node:path');
    const { bookFromXlsx } = await import('./xlsx-book');
    const book = await bookFromXlsx(path.join(__dirname, '../../examples/hai-phong-2023-h1-staff.xlsx'));
    const { live, checks, settle } = setup(book);
    expect(await live.start()).toBe(true);
    const watched = book.handlers.filter((h) => h.target === 'worksheet').map((h) => h.name);
    expect(watched).toContain('FDI cấp mới');
    expect(watched).not.toContain('Báo cáo');

    // the staff correct the wrong "Tổng cộng" of FDI cấp mới: its warning goes away
    const wrong = "'FDI cấp mới'!G525";
    book.edit('FDI cấp mới', 'H1', 'ghi chú'); // an edit elsewhere on the sheet: a check with the grids
    await settle();
    expect(checks).toHaveLength(1);
    const first = checks[0].result;
    expect(first.problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(first.metrics.get('fdi_new_count')!.value).toBe(25);
    expect(first.problems.filter((p) => p.code === 'staffTotalMismatch').map((p) => p.cell)).toEqual([wrong]);
    // "… ghi 281 nhưng cộng 499 dòng chi tiết được 16.644,41 …": the sum of the rows, as the message gives it
    const said = /được ([\d.,]*\d)/.exec(first.problems.find((p) => p.code === 'staffTotalMismatch')!.message)![1];
    const sum = parseNumber(said);
    expect(sum.ok).toBe(true);
    book.edit('FDI cấp mới', 'G525', sum.ok ? sum.value : NaN);
    await settle();
    expect(checks).toHaveLength(2);
    expect(checks[1].result.problems.filter((p) => p.code === 'staffTotalMismatch')).toEqual([]);
    await live.stop();
    expect(book.handlers).toEqual([]);
  }, 60_000);
});
