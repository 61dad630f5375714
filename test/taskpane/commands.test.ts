// The ribbon's "Tạo báo cáo" (src/commands): registered with Office.actions.associate, it runs the
// same generation as the pane, always completes the event, and opens the pane on failure.
import { OfficeMockObject } from 'office-addin-mock';
import { exampleBook } from '../excel/example-book';
import { mockExcel } from '../excel/mock-host';
import { CommandOutcome, onCommandOutcome } from '../../src/commands/outcomes';

const associated = new Map<string, (event: { completed(): void }) => Promise<void>>();
let paneShown = 0;
const office = new OfficeMockObject({
  onReady: (cb: () => void) => {
    cb();
    return Promise.resolve({ host: 'Excel', platform: 'PC' });
  },
  actions: { associate: (name: string, fn: (event: { completed(): void }) => Promise<void>) => associated.set(name, fn) },
  addin: { showAsTaskpane: async () => void paneShown++ },
});
Object.assign(globalThis, { Office: office });

describe('ribbon command', () => {
  beforeAll(async () => {
    await import('../../src/commands/commands');
  });

  it('records the association for the self-test', async () => {
    const { ribbonState } = await import('../../src/commands/ribbon-state');
    expect(ribbonState).toEqual({ associated: true, actionsPresent: true, error: null });
    expect(associated.has('generateReport')).toBe(true);
    expect(associated.has('addDataValidation')).toBe(true);
  });

  it('is associated as generateReport and writes the report sheets', async () => {
    const book = exampleBook();
    Object.assign(globalThis, { Excel: mockExcel(book) });
    const outcomes: CommandOutcome[] = [];
    const stop = onCommandOutcome((o) => outcomes.push(o));
    let completed = 0;
    await associated.get('generateReport')!({ completed: () => void completed++ });
    stop();
    expect(completed).toBe(1);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0].ok && 'generation' in outcomes[0] && outcomes[0].generation.sheets).toEqual(['Báo cáo', 'Số liệu', 'Kiểm tra']);
    expect(book.activeSheet!.name).toBe('Báo cáo');
    expect(paneShown).toBe(0);
  });

  it('completes the event and opens the pane with the error when it fails', async () => {
    Object.assign(globalThis, { Excel: { run: async () => Promise.reject(new Error('boom')) } });
    const outcomes: CommandOutcome[] = [];
    const stop = onCommandOutcome((o) => outcomes.push(o));
    let completed = 0;
    await associated.get('generateReport')!({ completed: () => void completed++ });
    stop();
    expect(completed).toBe(1);
    expect(outcomes).toEqual([{ ok: false, error: new Error('boom') }]);
    expect(paneShown).toBe(1);
  });

  it('Thêm kiểm tra nhập liệu: applies the validation, tells the pane and opens it', async () => {
    const book = exampleBook();
    Object.assign(globalThis, { Excel: mockExcel(book) });
    const outcomes: CommandOutcome[] = [];
    const stop = onCommandOutcome((o) => outcomes.push(o));
    let completed = 0;
    const shown = paneShown;
    await associated.get('addDataValidation')!({ completed: () => void completed++ });
    stop();
    expect(completed).toBe(1);
    expect(outcomes).toHaveLength(1);
    const v = outcomes[0].ok && 'validation' in outcomes[0] ? outcomes[0].validation : null;
    expect(v?.tables.map((t) => t.table)).toEqual(['ThongTin', 'DuAn', 'LaoDong', 'SanXuatKinhDoanh', 'NganSach', 'NhiemVu', 'HoSo', 'KeHoach']);
    const duan = book.tables.find((t) => t.name === 'DuAn')!;
    expect(book.peek(duan.sheet, duan.top + 1, duan.left + 5)!.validation?.rule).toEqual({ list: { inCellDropDown: true, source: 'FDI,DDI' } });
    expect(paneShown).toBe(shown + 1);
  });
});
