import { PlannedCell, REPORT_MARKER, SheetPlan } from '../../src/core/report/sheet-plan';
import { SHEET_MARKER_KEY } from '../../src/excel/owned-sheets';
import { FakeSheet, FakeWorkbook } from './fake-excel';

/** The sheet holds exactly the plan: values, text as text, merges, widths, page breaks, marker. */
export function expectSheetMatchesPlan(book: FakeWorkbook, sheet: FakeSheet, plan: SheetPlan, marked = true): void {
  const planned = new Map(plan.cells.map((c) => [`${c.row},${c.col}`, c]));
  for (let r = 1; r <= plan.lastRow; r++) {
    for (let c = 1; c <= plan.lastCol; c++) {
      const cell = book.peek(sheet, r, c);
      const p: PlannedCell | undefined = planned.get(`${r},${c}`);
      expect(cell?.formula).toBeUndefined();
      expect(cell?.value ?? '').toEqual(p?.value ?? '');
      if (typeof p?.value === 'string') expect(cell!.numberFormat).toBe('@');
    }
  }
  expect(sheet.merges).toHaveLength(plan.merges.length);
  plan.columns.forEach((_, i) => expect(sheet.columnWidths.get(i + 1)).toBeGreaterThan(0));
  expect(sheet.pageBreaksBefore).toEqual((plan.breaksAfter ?? []).map((r) => r + 1));
  expect(sheet.customProperties.get(SHEET_MARKER_KEY)).toBe(marked ? REPORT_MARKER : undefined);
}
