/** Whether the host supports an Excel API set; outside Office (tests, stand-ins) everything is assumed. */
export function supportsExcelApi(version: string): boolean {
  try {
    const req = typeof Office !== 'undefined' ? Office.context?.requirements : undefined;
    return req ? req.isSetSupported('ExcelApi', version) : true;
  } catch {
    return true;
  }
}
