import { buildReport, reportJson, ReportResult } from '../../../src/core/engine';
import { CellValue } from '../../../src/core/records/snapshot';
import { SheetGrid, recognizeWorkbook, shiftDecimal } from '../../../src/core/recognize';
import { settings, projects, metric } from '../../helpers/tables';
import { LAYOUTS } from './layouts';

const H1: [string, string] = ['01/01/2023', '30/06/2023'];

function report(grids: SheetGrid[], lang: 'vi' | 'en' = 'vi', snapshots = [settings(H1)]): ReportResult {
  return buildReport(snapshots, { lang, today: '2026-11-27', grids });
}

const at = (r: ReportResult, cell: string) => r.problems.filter((p) => p.cell === cell);
const codes = (r: ReportResult, code: string) => r.problems.filter((p) => p.code === code);

const fdiNew = LAYOUTS['1'];

describe('staff sheets: recognition', () => {
  test('1. title, merged two-row header, STT, groups, subtotals and a wrong total', () => {
    const r = report([fdiNew]);
    const m = r.mappings!;
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ sheet: 'FDI cấp mới', range: 'A3:G12', kind: 'projects', used: true, fixed: { source: 'FDI', event: 'new', zone: 'group rows' } });
    expect(m[0].confidence).toBeGreaterThanOrEqual(0.6);
    expect(m[0].columns.map((c) => [c.column, c.field])).toEqual([
      ['B', 'name'],
      ['C', 'investor'],
      ['D', 'country'],
      ['E', 'projectId'],
      ['F', 'date'],
      ['G', 'capital'],
    ]);
    expect(m[0].columns[3].header).toBe('GCNĐKĐT / Số GCN');
    expect(metric(r, 'fdi_new_count')).toBe(3);
    expect(metric(r, 'fdi_new_capital')).toBe(35.75);
    expect(at(r, "'FDI cấp mới'!B5")[0].code).toBe('staffGroupRow');
    expect(at(r, "'FDI cấp mới'!B8")[0].code).toBe('staffSubtotalRow');
    expect(at(r, "'FDI cấp mới'!B11")[0].code).toBe('staffSubtotalRow');
    expect(at(r, "'FDI cấp mới'!B12")[0].code).toBe('staffTotalRow');
    const w = at(r, "'FDI cấp mới'!G12");
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ level: 'warning', code: 'staffTotalMismatch' });
    expect(w[0].message).toContain('36');
    expect(w[0].message).toContain('35,75');
    expect(codes(r, 'staffTotalMismatch')).toHaveLength(1);
    // zones come from the group rows
    expect(r.data.projects!.map((p) => p.zone)).toEqual(['KCN Đình Vũ', 'KCN Đình Vũ', 'KCN Tràng Duệ']);
    expect(r.data.projects![1].origin.cell('capital')).toBe("'FDI cấp mới'!G7");
    expect(r.data.projects![2].origin.cell('projectId')).toBe("'FDI cấp mới'!E10");
  });

  test('2. DDI điều chỉnh, capital in triệu đồng converted exactly to tỷ đồng', () => {
    const g = LAYOUTS['2'];
    const newProjects = projects([
      ['D1', 'DDI', 'Cấp mới', '01/01/2020', 1],
      ['D2', 'DDI', 'Cấp mới', '01/01/2020', 1],
      ['D3', 'DDI', 'Cấp mới', '01/01/2020', 1],
    ]);
    // contract DuAn table exists → the staff sheet is not used (contract tables win)
    const r1 = report([g], 'vi', [settings(H1), newProjects]);
    expect(r1.mappings![0].used).toBe(false);
    expect(codes(r1, 'staffBlockContractWins')).toHaveLength(1);
    const r = report([g]);
    expect(r.mappings![0]).toMatchObject({ kind: 'projects', used: true, fixed: { source: 'DDI', event: 'adjust' } });
    expect(r.data.projects!.map((p) => p.capital)).toEqual([0.1, 0.2, -0.0505]);
    expect(metric(r, 'ddi_adjusted_count')).toBe(3);
    expect(metric(r, 'ddi_adjusted_capital')).toBe(0.2495);
  });

  test('3. English headers on row 1 with nothing above; thousand USD', () => {
    const g = LAYOUTS['3'];
    const r = report([g], 'en');
    expect(r.mappings![0]).toMatchObject({ kind: 'projects', used: true, range: 'A1:H4' });
    expect(metric(r, 'fdi_new_capital')).toBe(0.3);
    expect(metric(r, 'fdi_adjusted_capital')).toBe(0.0005);
    expect(codes(r, 'staffBlockMapped')[0].message).toMatch(/read as the Projects table/);
  });

  test('4. two blocks on one sheet, each with its own title', () => {
    const g = LAYOUTS['4'];
    const r = report([g]);
    expect(r.mappings!.map((m) => [m.range, m.fixed.source, m.used])).toEqual([
      ['A2:C4', 'FDI', true],
      ['A9:C10', 'DDI', true],
    ]);
    expect(metric(r, 'fdi_new_capital')).toBe(15);
    expect(metric(r, 'ddi_new_capital')).toBe(100);
    expect(r.data.projects![2].origin.cell('capital')).toBe("'Đầu tư'!C10");
  });

  test('5. hidden columns are not read', () => {
    const g = LAYOUTS['5'];
    const r = report([g]);
    expect(r.mappings![0].columns.map((c) => [c.column, c.field, c.unit])).toEqual([
      ['A', 'projectId', undefined],
      ['B', 'date', undefined],
      ['C', 'capital', 'nghìn USD'],
    ]);
    expect(metric(r, 'fdi_new_capital')).toBe(4);
    expect(codes(r, 'staffColumnHidden')[0].message).toContain('D');
  });

  test('6. a block that is not contract data is not mapped', () => {
    const g = LAYOUTS['6'];
    const rec = recognizeWorkbook([g]);
    expect(rec.snapshots).toHaveLength(0);
    const r = report([g]);
    expect(r.data.projects).toBeNull();
    expect(r.data.labour).toBeNull();
    // header words may be found ("STT", "Chức vụ"?) but no table is proposed for use
    for (const m of r.mappings!) expect(m.used).toBe(false);
  });

  test('7. labour with months across (Tháng 1 … Tháng 6), year from the title', () => {
    const g = LAYOUTS['7'];
    const r = report([g]);
    expect(r.mappings![0].kind).toBe('labour');
    expect(r.mappings![0].columns.filter((c) => c.month).map((c) => c.month)).toEqual(['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06']);
    expect(r.mappings![0].reasons.join(' ')).toContain('Cộng');
    expect(r.data.labour).toHaveLength(11);
    expect(metric(r, 'labour_workers')).toBe(170);
    // an unpivoted value is named at its own cell
    const june = r.data.labour!.find((x) => x.enterprise === 'DN B' && x.month === '2023-06')!;
    expect(june.origin.cell('workers')).toBe("'Lao động'!I4");
    expect(codes(r, 'staffTotalMismatch')).toHaveLength(0);
    expect(at(r, "'Lao động'!B5")[0].code).toBe('staffTotalRow');
  });

  test('8. months across under a two-row header: month over "Số LĐ | TNBQ (triệu đồng)"', () => {
    const g = LAYOUTS['8'];
    const r = report([g]);
    expect(r.mappings![0].kind).toBe('labour');
    expect(metric(r, 'labour_workers')).toBe(400);
    expect(metric(r, 'labour_avg_income')).toBe(11.875);
    const b = r.data.labour!.find((x) => x.enterprise === 'DN B' && x.month === '2023-06')!;
    expect(b.avgIncome).toBe(12.5);
    expect(b.origin.cell('avgIncome')).toBe('LD!E4');
  });

  test('9. revenue: DT, XK, NK, Nộp NS with units; month from the sheet name "T6-2023"', () => {
    const g = LAYOUTS['9'];
    const r = report([g]);
    expect(r.mappings![0]).toMatchObject({ kind: 'revenue', fixed: { month: '2023-06' } });
    expect(metric(r, 'revenue')).toBe(2.2345);
    expect(metric(r, 'export')).toBe(0.3);
    expect(metric(r, 'import')).toBe(0.3);
    expect(metric(r, 'tax_paid')).toBe(3.5);
    expect(at(r, "'T6-2023'!A5")[0].code).toBe('staffNoteRow');
  });

  test('10. budget across "01/2023 … 06/2023" with a title unit "ĐVT: nghìn đồng" and a Cộng column', () => {
    const g = LAYOUTS['10'];
    const r = report([g]);
    expect(r.mappings![0]).toMatchObject({ kind: 'budget', fixed: { unit: 'nghìn đồng' } });
    expect(metric(r, 'budget_total')).toBe(312);
    expect(r.data.budget!.find((b) => b.month === '2023-01' && b.unit === 'Ban Quản lý')!.amount).toBe(100.1);
  });

  test('11. tasks with STT and notes under the table', () => {
    const g = LAYOUTS['11'];
    const r = report([g]);
    expect(r.mappings![0]).toMatchObject({ kind: 'tasks', range: 'A2:F5' });
    expect(metric(r, 'tasks_total')).toBe(3);
    expect(metric(r, 'tasks_done')).toBe(2);
    expect(at(r, "'Nhiệm vụ'!A7")[0].code).toBe('staffNoteRow');
    expect(at(r, "'Nhiệm vụ'!A8")[0].code).toBe('staffNoteRow');
  });

  test('12. targets: Chỉ tiêu | Năm | KH | Cùng kỳ', () => {
    const g = LAYOUTS['12'];
    const r = report([g, fdiNew]);
    expect(r.mappings![0].kind).toBe('targets');
    expect(metric(r, 'fdi_plan')).toBe(2000);
    expect(metric(r, 'fdi_total_capital_prior')).toBe(626);
  });

  test('13. a bad value in a recognised list is named at its real cell', () => {
    const g = LAYOUTS['13'];
    const r = report([g]);
    expect(r.mappings![0].columns.map((c) => c.field)).toEqual(['projectId', 'date', 'capital']);
    expect(at(r, "'FDI cấp mới'!C4")[0]).toMatchObject({ level: 'error', code: 'badValue' });
    expect(at(r, "'FDI cấp mới'!D5")[0]).toMatchObject({ level: 'error', code: 'badValue' });
    expect(at(r, "'FDI cấp mới'!D5")[0].message).toContain('dòng 5');
  });

  test('14. a money unit of the wrong currency is refused row by row', () => {
    const g = LAYOUTS['14'];
    const r = report([g]);
    expect(at(r, "'FDI cấp mới'!C2")[0]).toMatchObject({ level: 'error', code: 'staffUnitCurrency' });
    expect(r.data.projects).toEqual([]);
  });

  test('15. months across as real dates with a measure over them; "Số lao động (người)"', () => {
    const g = LAYOUTS['15'];
    const r = report([g]);
    expect(r.mappings![0].kind).toBe('labour');
    expect(metric(r, 'labour_workers')).toBe(10);
    const w = codes(r, 'staffTotalMismatch');
    expect(w).toHaveLength(1);
    expect(w[0].cell).toBe('Sheet1!D5');
    expect(w[0].message).toContain('11');
    expect(w[0].message).toContain('10');
  });

  test('16. group rows carrying their own subtotal are checked too; English messages', () => {
    const g = LAYOUTS['16'];
    const r = report([g], 'en');
    expect(metric(r, 'ddi_new_capital')).toBe(36);
    const w = codes(r, 'staffTotalMismatch');
    expect(w.map((p) => p.cell)).toEqual(["'DDI cấp mới'!D5"]);
    expect(w[0].message).toBe('Row 5 "KCN An Dương", column "Vốn đầu tư (tỷ đồng)": shows 5 but its 1 detail rows add up to 6. The report uses the detail rows; please check.');
  });

  test('report JSON carries the mappings', () => {
    const j = reportJson(report([fdiNew]));
    expect((j.mappings as unknown[]).length).toBe(1);
  });

  test('exact decimal shifts', () => {
    expect(shiftDecimal(1234.5, -3)).toBe(1.2345);
    expect(shiftDecimal(0.1, 3)).toBe(100);
    expect(shiftDecimal(-50.5, -3)).toBe(-0.0505);
    expect(shiftDecimal(123456789, -6)).toBe(123.456789);
    expect(shiftDecimal(1e-7, 3)).toBe(0.0001);
    expect(shiftDecimal(5, 2)).toBe(500);
  });
});

test('17. "Công ty …" and "Tổng công ty …" are names, not totals', () => {
  const g = LAYOUTS['17'];
  const r = report([g]);
  expect(r.mappings![0]).toMatchObject({ kind: 'labour', fixed: { month: '2023-06' } });
  expect(r.data.labour!.map((x) => x.enterprise)).toEqual(['Công ty TNHH A', 'Tổng công ty B']);
  expect(metric(r, 'labour_workers')).toBe(30);
  expect(at(r, "'Lao động T6-2023'!A4")[0].code).toBe('staffTotalRow');
});
