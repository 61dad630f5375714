import { OfficeMockObject } from 'office-addin-mock';
import { FakeWorkbook } from './fake-excel';

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * The Excel global built with office-addin-mock: `Excel.run` hands the batch a mock request
 * context (its `application` and `sync` are mock members) whose `workbook` is the fake's —
 * office-addin-mock has no model of ranges, tables and load/sync, which fake-excel provides.
 */
export function mockExcel(book: FakeWorkbook): { run: Run } {
  const run = async (batch: (context: unknown) => Promise<unknown>) => {
    const fake = book.context();
    const context = new OfficeMockObject({
      application: { suspendApiCalculationUntilNextSync: () => fake.application.suspendApiCalculationUntilNextSync() },
      sync: () => fake.sync(),
    }) as unknown as Record<string, unknown>;
    context.workbook = fake.workbook;
    return batch(context);
  };
  return new OfficeMockObject({ run }) as unknown as { run: Run };
}
