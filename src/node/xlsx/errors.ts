/**
 * Why a file cannot be read as a workbook. The CLI turns each code into one sentence (see
 * src/node/input-file.ts); `detail` names the part or entry concerned.
 */
export type ReadErrorCode =
  | 'notZip'
  | 'damaged'
  | 'zip64'
  | 'encrypted'
  | 'bomb'
  | 'ods'
  | 'xlsb'
  | 'notWorkbook'
  | 'noTables';

export class WorkbookReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'WorkbookReadError';
  }
}

export const damaged = (detail: string) => new WorkbookReadError('damaged', detail);
