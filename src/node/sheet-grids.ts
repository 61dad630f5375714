// Every worksheet of an .xlsx as a plain grid for recognising staff sheets (issue 9), through the
// same streaming reader, checks and limits as the tables (src/node/xlsx). Excel tables' own cells
// are left out by default, so ThongTin/NoiDung/KeHoach kept as tables are not read twice.
import { readRegularFile } from './regular-file';
import { SheetGrid } from '../core/recognize';
import { GridReadOptions, readWorkbookGrids } from './xlsx';

/** Every sheet of an .xlsx file as a grid; a file that cannot be read throws WorkbookReadError. */
export async function readSheetGridsFile(file: string, options?: GridReadOptions): Promise<SheetGrid[]> {
  const buf = readRegularFile(file, (fault) => new Error(`${fault}: ${file}`));
  return readWorkbookGrids(buf, options);
}
