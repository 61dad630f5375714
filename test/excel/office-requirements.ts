/**
 * Runs `fn` under an Office global whose host supports ExcelApi up to `max` (1.x), as
 * Office.context.requirements answers in an older Excel: for the fallbacks of the adapter.
 */
export async function withExcelApi<T>(max: string, fn: () => Promise<T>): Promise<T> {
  const g = globalThis as Record<string, unknown>;
  const before = g.Office;
  const minor = (v: string) => Number(v.split('.')[1] ?? 0);
  g.Office = { context: { requirements: { isSetSupported: (name: string, v = '1.1') => name === 'ExcelApi' && minor(v) <= minor(max) } } };
  try {
    return await fn();
  } finally {
    if (before === undefined) delete g.Office;
    else g.Office = before;
  }
}
