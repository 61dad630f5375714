// What a reader sees in a report workbook, for comparing two writers of the same plan: every cell
// (value, type, style, merge master), row heights, column widths, merges, page breaks, print setup,
// print titles and area, and the document's marker.
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';

export interface SheetView {
  name: string;
  cells: Record<string, unknown>;
  heights: Record<number, number>;
  widths: (number | undefined)[];
  merges: string[];
  breaks: number[];
  pageSetup: unknown;
  headerFooter: unknown;
  showGridLines: unknown;
}

export async function viewOf(bytes: Buffer): Promise<{ keywords: string; creator: string; sheets: SheetView[]; charts: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const files = unzipSync(new Uint8Array(bytes));
  const sheets: SheetView[] = [];
  wb.eachSheet((ws) => {
    const cells: Record<string, unknown> = {};
    const heights: Record<number, number> = {};
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.height !== undefined) heights[r] = row.height;
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells[cell.address] = {
          value: cell.type === ExcelJS.ValueType.Merge ? null : cell.value,
          type: cell.type,
          master: cell.isMerged ? cell.master.address : null,
          font: cell.font,
          alignment: cell.alignment,
          border: cell.border,
          fill: cell.fill,
          numFmt: cell.numFmt,
        };
      });
    });
    const model = ws.model as unknown as { merges: string[] };
    const sheetXml = strFromU8(files[`xl/worksheets/sheet${ws.id}.xml`] ?? new Uint8Array());
    const { horizontalDpi, verticalDpi, scale, ...pageSetup } = ws.pageSetup as Record<string, unknown>;
    void horizontalDpi, verticalDpi, scale;
    sheets.push({
      name: ws.name,
      cells,
      heights,
      widths: ws.columns?.map((c) => c.width) ?? [],
      merges: [...model.merges].sort(),
      breaks: [...sheetXml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1])),
      pageSetup,
      headerFooter: ws.headerFooter,
      showGridLines: ws.views?.[0]?.showGridLines,
    });
  });
  const charts = Object.keys(files).filter((k) => k.startsWith('xl/charts/')).sort().map((k) => strFromU8(files[k]));
  return { keywords: wb.keywords, creator: wb.creator, sheets, charts };
}
