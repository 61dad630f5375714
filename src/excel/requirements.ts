/**
 * Whether the host supports an Excel API set; outside Office (tests, stand-ins) everything is assumed.
 *
 * What the adapter uses: ExcelApi 1.1–1.4 everywhere (tables with their rows/columns, ranges,
 * workbook settings); 1.6 for suspendApiCalculationUntilNextSync (skipped below it); 1.7 for the
 * pane's live checks (table change events; off below it); 1.8 for data validation (said so below
 * it); 1.9 for print setup and manual page breaks (skipped below it); 1.12 for the worksheet custom property
 * that marks BaoCao's sheets (below it the ids go to the `BaoCao.sheets` setting, one sync more).
 */
export function supportsExcelApi(version: string): boolean {
  try {
    const req = typeof Office !== 'undefined' ? Office.context?.requirements : undefined;
    return req ? req.isSetSupported('ExcelApi', version) : true;
  } catch {
    return true;
  }
}
