import { selectAddress, splitAddress } from '../../src/excel/address';
import { FakeWorkbook } from './fake-excel';
import { mockExcel } from './mock-host';

describe('splitAddress', () => {
  it.each([
    ['DuAn!F7', { sheet: 'DuAn', range: 'F7' }],
    ["'Ngân sách'!B5", { sheet: 'Ngân sách', range: 'B5' }],
    ["'Bob''s data'!A1:C3", { sheet: "Bob's data", range: 'A1:C3' }],
    ['Sheet!$B$2', { sheet: 'Sheet', range: '$B$2' }],
  ])('%s', (address, expected) => expect(splitAddress(address)).toEqual(expected));

  it.each(['F7', '!F7', 'DuAn!', 'DuAn!nonsense'])('refuses %s', (a) => expect(splitAddress(a)).toBeNull());
});

it('selectAddress activates the sheet and selects the cell in one sync', async () => {
  const book = new FakeWorkbook();
  book.addSheet('A');
  book.addSheet('Ngân sách');
  expect(await mockExcel(book).run((ctx) => selectAddress(ctx, "'Ngân sách'!C9"))).toBe(true);
  expect(book.selection).toBe('Ngân sách!C9');
  expect(book.activeSheet!.name).toBe('Ngân sách');
  expect(book.syncs).toBe(1);
});
