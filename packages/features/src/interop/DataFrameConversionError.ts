const marker = 'ares.error.DataFrameConversion';
const symbol = Symbol.for(marker);

/** A DataFrame or feature matrix that cannot be converted: a missing column, a non-number cell, a wrong shape. */
export class DataFrameConversionError extends Error {
  readonly [symbol] = true;
  /** The column at fault, or `null` when the shape is wrong. */
  readonly column: string | null;
  /** The 0-based row at fault, when one cell is. */
  readonly row: number | undefined;

  constructor(o: { column: string | null; row?: number; message: string; cause?: unknown }) {
    super(o.message, { cause: o.cause });
    this.name = 'DataFrameConversionError';
    this.column = o.column;
    this.row = o.row;
  }

  static isInstance(error: unknown): error is DataFrameConversionError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}
