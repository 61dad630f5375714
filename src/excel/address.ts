/** Splits "DuAn!F7", "'Ngân sách'!B5:C9" into the sheet name and the range part. */
export function splitAddress(address: string): { sheet: string; range: string } | null {
  const bang = address.lastIndexOf('!');
  if (bang <= 0) return null;
  let sheet = address.slice(0, bang);
  const range = address.slice(bang + 1);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  if (!sheet || !/^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(range)) return null;
  return { sheet, range };
}

/** Selects a problem's cell (or range) and brings its sheet forward. */
export async function selectAddress(context: Excel.RequestContext, address: string): Promise<boolean> {
  const parts = splitAddress(address);
  if (!parts) return false;
  const sheet = context.workbook.worksheets.getItem(parts.sheet);
  sheet.activate();
  sheet.getRange(parts.range).select();
  await context.sync();
  return true;
}
