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
  | 'noTables'
  | 'limit';

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

/** What a reading limit counts (see src/node/xlsx/grid.ts and the shared string table). */
export type LimitKind = 'area' | 'totalArea' | 'merges' | 'mergedCells' | 'bytes' | 'text';

/**
 * A workbook past one of the reader's limits (a plain sheet too large to hold as a grid, too many
 * merged ranges, a text longer than Excel allows): refused before it costs seconds or gigabytes.
 */
export class LimitError extends WorkbookReadError {
  constructor(
    readonly what: LimitKind,
    /** The sheet concerned, or the part for a text. */
    readonly where: string,
    readonly value: number,
    readonly max: number,
    /** The range or cell concerned, when there is one ("A1:XFD1048576"). */
    readonly ref?: string,
  ) {
    super('limit', `${what} ${where}${ref ? `!${ref}` : ''}: ${value} > ${max}`);
  }
}
