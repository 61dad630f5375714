import path from 'node:path';
import { readSheetGridsFile } from '../../src/node/sheet-grids';
import { readWorkbookFile } from '../../src/node/input-file';
import { buildReport, reportJson } from '../../src/core/engine';

const EX = path.join(__dirname, '../../examples');

// The staff-kept layout of the bundled example: plain sheets (titles, merged two-row headers,
// STT, group rows, subtotals, one wrong total, units in headers, months across) must give the
// main example's figures exactly.
test('staff example: the same metrics as the main example, and the wrong total flagged', async () => {
  const today = '2026-11-27';
  const main = reportJson(buildReport(await readWorkbookFile(path.join(EX, 'hai-phong-2023-h1.xlsx'), 'vi'), { today }));
  const file = path.join(EX, 'hai-phong-2023-h1-staff.xlsx');
  const contract = await readWorkbookFile(file, 'vi');
  // the staff workbook keeps only settings, prose, plans and staff metrics as tables
  expect(contract.map((s) => s.name).sort()).toEqual(['ChiTieuTinh', 'KeHoach', 'NoiDung', 'ThongTin']);
  const r = buildReport(contract, { today, grids: await readSheetGridsFile(file) });
  const staff = reportJson(r);
  expect(staff.metrics).toEqual(main.metrics);
  expect(Object.keys(staff.metrics as object)).toHaveLength(Object.keys(main.metrics as object).length);

  const mappings = r.mappings!;
  expect(mappings.map((m) => [m.sheet, m.kind, m.used])).toEqual([
    ['FDI cấp mới', 'projects', true],
    ['FDI điều chỉnh', 'projects', true],
    ['FDI chấm dứt', 'projects', true],
    ['DDI cấp mới', 'projects', true],
    ['DDI điều chỉnh', 'projects', true],
    ['DDI chấm dứt', 'projects', true],
    ['Lao động', 'labour', true],
    ['Lao động', 'labour', true],
    ['SXKD', 'revenue', true],
    ['Thu phí, lệ phí', 'budget', true],
    ['Thu phí, lệ phí', 'budget', true],
    ['Hồ sơ TTHC', 'dossiers', true],
    ['Nhiệm vụ được giao', 'tasks', true],
  ]);
  expect(mappings[1].columns.find((c) => c.field === 'capital')!.unit).toBe('nghìn USD');
  expect(mappings[8].columns.filter((c) => c.unit).map((c) => [c.field, c.unit])).toEqual([
    ['revenue', 'triệu đồng'],
    ['export', 'nghìn USD'],
    ['import', 'triệu USD'],
    ['taxPaid', 'tỷ đồng'],
  ]);

  const bad = r.problems.filter((p) => p.level !== 'info');
  expect(bad).toHaveLength(1);
  expect(bad[0]).toMatchObject({ level: 'warning', code: 'staffTotalMismatch', cell: "'FDI cấp mới'!G525" });
  expect(bad[0].message).toContain('ghi 16.645,41 nhưng cộng 499 dòng chi tiết được 16.644,41');
  // every skipped row is listed
  const codes = r.problems.map((p) => p.code);
  expect(codes.filter((c) => c === 'staffGroupRow').length).toBe(49);
  // nine totals of the project, revenue and budget sheets, and the one-stop export's closing "Tổng số: … hồ sơ."
  expect(codes.filter((c) => c === 'staffTotalRow').length).toBe(10);
  expect((staff.mappings as unknown[]).length).toBe(13);
}, 60_000);
