const marker = 'ares.error.CsvParse';
const symbol = Symbol.for(marker);

/** A CSV text that is not in the bar layout: wrong header, wrong column count or a bad number. */
export class CsvParseError extends Error {
  readonly [symbol] = true;
  /** 1-based line number in the text. */
  readonly line: number;
  /** The column at fault (`"close"`), or `null` when the whole line is wrong. */
  readonly column: string | null;

  constructor(o: { line: number; column: string | null; message: string; cause?: unknown }) {
    super(o.message, { cause: o.cause });
    this.name = 'CsvParseError';
    this.line = o.line;
    this.column = o.column;
  }

  static isInstance(error: unknown): error is CsvParseError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}
